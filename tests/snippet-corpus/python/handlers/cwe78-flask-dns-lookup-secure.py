# corpus: label=secure cwe=CWE-78 function=dns_lookup
import re
import subprocess

from flask import Flask, request

app = Flask(__name__)
DOMAIN_RE = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$")
RECORD_TYPES = {"A", "AAAA", "MX", "TXT", "NS", "CNAME", "SOA"}


@app.get("/admin/dns")
def dns_lookup():
    domain = request.args.get("domain", "")
    record_type = request.args.get("type", "A").upper()
    if not domain:
        return {"error": "domain is required"}, 400
    if not DOMAIN_RE.match(domain) or record_type not in RECORD_TYPES:
        return {"error": "invalid domain or record type"}, 400
    proc = subprocess.run(
        ["nslookup", f"-type={record_type}", domain],
        capture_output=True, text=True, timeout=10,
    )
    return {"domain": domain, "type": record_type, "raw": proc.stdout}
