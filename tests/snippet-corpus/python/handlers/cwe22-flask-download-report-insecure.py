# corpus: label=insecure cwe=CWE-22 function=download_report
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
REPORTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reports")


@app.route("/reports/download")
def download_report():
    filename = request.args.get("file")
    if not filename:
        abort(400, "missing file parameter")
    path = os.path.join(REPORTS_DIR, filename)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)
