# corpus: label=secure cwe=CWE-22 function=upload_avatar
import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
AVATAR_DIR = os.environ.get("AVATAR_DIR", "static/avatars")
ALLOWED_EXT = {"png", "jpg", "jpeg", "gif"}


@app.route("/account/avatar", methods=["POST"])
def upload_avatar():
    if "avatar" not in request.files:
        return jsonify(error="no file"), 400
    f = request.files["avatar"]
    filename = secure_filename(f.filename or "")
    if "." not in filename:
        return jsonify(error="invalid filename"), 400
    ext = filename.rsplit(".", 1)[-1].lower()
    if ext not in ALLOWED_EXT:
        return jsonify(error="unsupported type"), 415
    os.makedirs(AVATAR_DIR, exist_ok=True)
    dest = os.path.join(AVATAR_DIR, filename)
    f.save(dest)
    return jsonify(url="/" + dest)
