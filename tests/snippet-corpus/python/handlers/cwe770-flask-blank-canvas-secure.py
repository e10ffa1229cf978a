# corpus: label=secure cwe=CWE-770 function=blank_canvas
from flask import Flask, Response, abort, request

app = Flask(__name__)
MAX_SIDE = 2048


@app.route("/api/canvas")
def blank_canvas():
    """Returns a blank RGB canvas (raw bytes) of the requested size for the drawing widget."""
    width = request.args.get("width", 64, type=int)
    height = request.args.get("height", 64, type=int)
    if not (1 <= width <= MAX_SIDE and 1 <= height <= MAX_SIDE):
        abort(400, description=f"width and height must be between 1 and {MAX_SIDE}")
    pixels = bytearray([255]) * (width * height * 3)
    return Response(bytes(pixels), mimetype="application/octet-stream",
                    headers={"X-Canvas-Size": f"{width}x{height}"})
