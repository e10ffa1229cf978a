# corpus: label=secure cwe=CWE-1333 function=check_slug
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TAKEN = {"about", "pricing", "hello-world"}


@app.route("/api/slugs/check")
def check_slug():
    slug = request.args.get("slug", "")
    if len(slug) > 100 or not SLUG_PATTERN.match(slug):
        return jsonify(slug=slug, valid=False, available=False)
    return jsonify(slug=slug, valid=True, available=slug not in TAKEN)
