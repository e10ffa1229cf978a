# corpus: label=secure cwe=CWE-113 function=download_export
from flask import Flask, Response, request
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/exports/download")
def download_export():
    name = secure_filename(request.args.get("name", "")) or "export.csv"
    return Response(
        "id,total\n1,9.99\n",
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "X-Export-Name": name},
    )
