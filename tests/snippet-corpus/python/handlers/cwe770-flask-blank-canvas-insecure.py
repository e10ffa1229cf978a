# corpus: label=insecure cwe=CWE-770 function=blank_canvas
from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/api/canvas")
def blank_canvas():
    """Returns a blank RGB canvas (raw bytes) of the requested size for the drawing widget."""
    width = int(request.args.get("width", 64))
    height = int(request.args.get("height", 64))
    pixels = bytearray([255]) * (width * height * 3)
    return Response(bytes(pixels), mimetype="application/octet-stream",
                    headers={"X-Canvas-Size": f"{width}x{height}"})
