# corpus: label=neutral cwe=- function=word_stats
import re
from collections import Counter

from flask import Flask, jsonify, request

app = Flask(__name__)
WORD_RE = re.compile(r"[a-zA-Z']+")


@app.route("/api/text/stats", methods=["POST"])
def word_stats():
    text = (request.get_json(silent=True) or {}).get("text", "")
    words = [w.lower() for w in WORD_RE.findall(text)]
    top = Counter(words).most_common(5)
    return jsonify(
        characters=len(text),
        words=len(words),
        unique_words=len(set(words)),
        top_words=[{"word": w, "count": c} for w, c in top],
    )
