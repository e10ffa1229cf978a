# corpus: label=secure cwe=CWE-79 function=welcome
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    name = request.args.get("name", "guest")
    return f"""<!doctype html>
<html>
  <head><title>Welcome</title></head>
  <body>
    <h1>Hello, {escape(name)}!</h1>
    <p>Thanks for joining the beta.</p>
  </body>
</html>"""
