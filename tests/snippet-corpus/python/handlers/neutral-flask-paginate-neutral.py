# corpus: label=neutral cwe=- function=list_colors
from flask import Flask, jsonify, request

app = Flask(__name__)
COLORS = sorted(["amber", "azure", "coral", "crimson", "indigo", "ivory", "jade", "khaki",
                 "lavender", "lime", "magenta", "navy", "olive", "plum", "teal", "violet"])


@app.route("/api/colors")
def list_colors():
    page = max(request.args.get("page", 1, type=int), 1)
    per_page = min(max(request.args.get("per_page", 5, type=int), 1), 50)
    start = (page - 1) * per_page
    items = COLORS[start:start + per_page]
    return jsonify(
        items=items,
        page=page,
        per_page=per_page,
        total=len(COLORS),
        has_next=start + per_page < len(COLORS),
    )
