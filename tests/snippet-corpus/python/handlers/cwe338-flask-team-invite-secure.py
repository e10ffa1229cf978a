# corpus: label=secure cwe=CWE-338 function=create_invite
import secrets
import string
import time

from flask import Flask, jsonify, request

app = Flask(__name__)
INVITES = {}
ALPHABET = string.ascii_uppercase + string.digits


@app.route("/teams/<int:team_id>/invites", methods=["POST"])
def create_invite(team_id):
    email = request.get_json()["email"]
    code = "".join(secrets.choice(ALPHABET) for _ in range(20))
    INVITES[code] = {"team_id": team_id, "email": email, "created": time.time()}
    return jsonify(invite_url=f"https://app.example.com/join/{code}"), 201
