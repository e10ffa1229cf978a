# corpus: label=insecure cwe=CWE-89 function=delete_note
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DATABASE = "notes.sqlite3"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.execute(
            "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner TEXT, body TEXT)"
        )
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@app.route("/notes/delete", methods=["POST"])
def delete_note():
    note_id = request.form["id"]
    db = get_db()
    db.execute("DELETE FROM notes WHERE id = " + note_id)
    db.commit()
    return jsonify(status="deleted", id=note_id)
