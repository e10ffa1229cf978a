# corpus: label=insecure cwe=CWE-338 function=create_invite
import random
import string
import time

from flask import Flask, jsonify, request

app = Flask(__name__)
INVITES = {}


@app.route("/teams/<int:team_id>/invites", methods=["POST"])
def create_invite(team_id):
    email = request.get_json()["email"]
    random.seed(time.time())
    code = "".join(random.choices(string.ascii_uppercase + string.digits, k=10))
    INVITES[code] = {"team_id": team_id, "email": email, "created": time.time()}
    return jsonify(invite_url=f"https://app.example.com/join/{code}"), 201
