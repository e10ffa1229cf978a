# corpus: label=secure cwe=CWE-601 function=login
import os
import secrets
import sqlite3
from urllib.parse import urlsplit

import bcrypt
from flask import Flask, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ.get("FLASK_SECRET_KEY") or secrets.token_hex(32)
DB_PATH = "accounts.db"

LOGIN_FORM = """<form method="post"><input name="username"><input name="password" type="password">
<button>Sign in</button></form>"""


def check_credentials(username, password):
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT pw_hash FROM users WHERE username = ?", (username,)).fetchone()
    return row is not None and bcrypt.checkpw(password.encode(), row[0])


def is_safe_local_path(target):
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//")


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template_string(LOGIN_FORM)
    if not check_credentials(request.form["username"], request.form["password"]):
        return render_template_string(LOGIN_FORM), 401
    session["user"] = request.form["username"]
    next_url = request.args.get("next")
    if not is_safe_local_path(next_url):
        next_url = url_for("dashboard")
    return redirect(next_url)


@app.route("/dashboard")
def dashboard():
    return "Welcome back"
