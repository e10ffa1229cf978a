# corpus: label=insecure cwe=CWE-22 function=delete_attachment
import os

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/srv/helpdesk/uploads"


@app.route("/attachments/delete", methods=["POST"])
def delete_attachment():
    filename = request.form.get("filename", "")
    target = os.path.join(app.config["UPLOAD_FOLDER"], filename)
    if os.path.exists(target):
        os.remove(target)
        return jsonify(deleted=filename)
    return jsonify(error="not found"), 404
