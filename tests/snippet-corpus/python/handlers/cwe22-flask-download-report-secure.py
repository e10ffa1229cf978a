# corpus: label=secure cwe=CWE-22 function=download_report
import os

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)
REPORTS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reports")


@app.route("/reports/download")
def download_report():
    filename = request.args.get("file")
    if not filename:
        abort(400, "missing file parameter")
    # send_from_directory uses safe_join and returns 404 for paths outside REPORTS_DIR
    return send_from_directory(REPORTS_DIR, filename, as_attachment=True)
