# corpus: label=secure cwe=CWE-347 function=current_user
import os

import jwt
from flask import Flask, jsonify, request

app = Flask(__name__)
JWT_SECRET = os.environ.get("JWT_SECRET", "")


@app.route("/api/me")
def current_user():
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        return jsonify(error="missing bearer token"), 401
    if not JWT_SECRET:
        return jsonify(error="server misconfigured"), 500
    token = auth.split(" ", 1)[1]
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError:
        return jsonify(error="invalid token"), 401
    return jsonify(user_id=claims.get("sub"), roles=claims.get("roles", []))
