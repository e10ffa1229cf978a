# corpus: label=secure cwe=CWE-22 function=delete_attachment
import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/helpdesk/uploads"


@app.route("/attachments/delete", methods=["POST"])
def delete_attachment():
    filename = secure_filename(request.form.get("filename", ""))
    if not filename:
        return jsonify(error="invalid filename"), 400
    upload_root = os.path.realpath(app.config["UPLOAD_FOLDER"])
    target = os.path.realpath(os.path.join(upload_root, filename))
    if os.path.dirname(target) != upload_root:
        return jsonify(error="invalid filename"), 400
    if os.path.isfile(target):
        os.remove(target)
        return jsonify(deleted=filename)
    return jsonify(error="not found"), 404
