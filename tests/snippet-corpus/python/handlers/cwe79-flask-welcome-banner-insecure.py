# corpus: label=insecure cwe=CWE-79 function=welcome
from flask import Flask, request

app = Flask(__name__)


@app.route("/welcome")
def welcome():
    name = request.args.get("name", "guest")
    return f"""<!doctype html>
<html>
  <head><title>Welcome</title></head>
  <body>
    <h1>Hello, {name}!</h1>
    <p>Thanks for joining the beta.</p>
  </body>
</html>"""
