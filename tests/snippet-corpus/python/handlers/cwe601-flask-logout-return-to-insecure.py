# corpus: label=insecure cwe=CWE-601 function=logout
from flask import Flask, redirect, request, session

app = Flask(__name__)


@app.post("/logout")
def logout():
    session.clear()
    return_to = request.form.get("return_to") or request.referrer or "/"
    return redirect(return_to, code=303)
