# corpus: label=secure cwe=CWE-601 function=logout
from urllib.parse import urlsplit

from flask import Flask, redirect, request, session

app = Flask(__name__)
TRUSTED_HOSTS = {"app.example.com", "www.example.com", "help.example.com"}


@app.post("/logout")
def logout():
    session.clear()
    return_to = request.form.get("return_to") or request.referrer or "/"
    parts = urlsplit(return_to)
    if "\\" in return_to or parts.scheme not in ("http", "https") or parts.hostname not in TRUSTED_HOSTS:
        return_to = "/"
    return redirect(return_to, code=303)
