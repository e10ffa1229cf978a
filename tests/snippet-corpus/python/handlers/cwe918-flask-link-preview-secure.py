# corpus: label=secure cwe=CWE-918 function=link_preview
import re
from urllib.parse import urlsplit

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
ALLOWED_HOSTS = {"github.com", "www.youtube.com", "en.wikipedia.org", "docs.python.org"}


@app.route("/api/preview")
def link_preview():
    url = request.args.get("url", "")
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS:
        return jsonify(error="previews are only available for allow-listed https sites"), 400
    if parts.username or parts.password or parts.port not in (None, 443):
        return jsonify(error="credentials and custom ports are not allowed"), 400
    resp = requests.get(url, timeout=5, allow_redirects=False,
                        headers={"User-Agent": "ChatPreviewBot/1.0"})
    match = TITLE_RE.search(resp.text[:65536])
    return jsonify(
        url=url,
        status=resp.status_code,
        title=match.group(1).strip() if match else None,
    )
