import hmac
import secrets
from html import escape

from flask import Flask, abort, redirect, request, session

PAGE = """<!doctype html><title>E-mail</title>
<p>Current address: {email}</p>
<form method="post" action="/account/email">
<input type="hidden" name="csrf_token" value="{token}">
<input type="text" name="email" value="">
<button type="submit">Change</button>
</form>"""


def create_app(emails: dict[str, str], secret_key: str) -> Flask:
    app = Flask(__name__)
    app.secret_key = secret_key
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")

    def current_user():
        user = session.get("user")
        if not user or user not in emails:
            abort(401)
        return user

    def csrf_token():
        token = session.get("csrf_token")
        if not token:
            token = session["csrf_token"] = secrets.token_urlsafe(32)
        return token

    @app.get("/account/email")
    def show():
        user = current_user()
        return PAGE.format(email=escape(emails[user]), token=escape(csrf_token()))

    @app.post("/account/email")
    def change():
        user = current_user()
        sent = request.form.get("csrf_token", "")
        expected = session.get("csrf_token", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(403)
        email = request.form.get("email", "")
        if "@" not in email:
            abort(400)
        emails[user] = email
        return redirect("/account/email", code=303)

    return app
