# corpus: label=insecure cwe=CWE-22 function=upload_avatar
import os

from flask import Flask, jsonify, request

app = Flask(__name__)
AVATAR_DIR = os.environ.get("AVATAR_DIR", "static/avatars")
ALLOWED_EXT = {"png", "jpg", "jpeg", "gif"}


@app.route("/account/avatar", methods=["POST"])
def upload_avatar():
    if "avatar" not in request.files:
        return jsonify(error="no file"), 400
    f = request.files["avatar"]
    ext = f.filename.rsplit(".", 1)[-1].lower()
    if ext not in ALLOWED_EXT:
        return jsonify(error="unsupported type"), 415
    os.makedirs(AVATAR_DIR, exist_ok=True)
    dest = os.path.join(AVATAR_DIR, f.filename)
    f.save(dest)
    return jsonify(url="/" + dest)
