# corpus: label=secure cwe=CWE-916 function=register
import sqlite3

import bcrypt
from flask import Flask, jsonify, request

app = Flask(__name__)
DB_PATH = "members.db"


@app.route("/api/register", methods=["POST"])
def register():
    data = request.get_json(force=True)
    username = data.get("username", "").strip()
    password = data.get("password", "")
    if not username or len(password) < 8:
        return jsonify(error="username and a password of 8+ characters are required"), 400
    pw_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode()
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS members (username TEXT UNIQUE, pw_hash TEXT)")
        try:
            conn.execute("INSERT INTO members VALUES (?, ?)", (username, pw_hash))
        except sqlite3.IntegrityError:
            return jsonify(error="username taken"), 409
    return jsonify(created=username), 201
