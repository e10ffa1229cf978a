# corpus: label=insecure cwe=CWE-918 function=link_preview
import re

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@app.route("/api/preview")
def link_preview():
    url = request.args.get("url", "")
    if not url.startswith(("http://", "https://")):
        return jsonify(error="url must be http(s)"), 400
    resp = requests.get(url, timeout=5, headers={"User-Agent": "ChatPreviewBot/1.0"})
    match = TITLE_RE.search(resp.text[:65536])
    return jsonify(
        url=resp.url,
        status=resp.status_code,
        title=match.group(1).strip() if match else None,
    )
