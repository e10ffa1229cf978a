# corpus: label=secure cwe=CWE-89 function=update_bio
import sqlite3

from flask import Flask, abort, g, request, session

app = Flask(__name__)
app.config["DATABASE"] = "community.db"


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
    return g.db


@app.route("/profile/bio", methods=["POST"])
def update_bio():
    user_id = session.get("user_id")
    if user_id is None:
        abort(401)
    bio = request.form.get("bio", "").strip()
    location = request.form.get("location", "").strip()
    db().execute(
        "UPDATE profiles SET bio = ?, location = ? WHERE user_id = ?",
        (bio, location, int(user_id)),
    )
    db().commit()
    return {"updated": True}
