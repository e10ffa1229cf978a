# corpus: label=insecure cwe=CWE-78 function=dns_lookup
import os

from flask import Flask, request

app = Flask(__name__)


@app.get("/admin/dns")
def dns_lookup():
    domain = request.args.get("domain", "")
    record_type = request.args.get("type", "A")
    if not domain:
        return {"error": "domain is required"}, 400
    stream = os.popen(f"nslookup -type={record_type} {domain}")
    result = stream.read()
    stream.close()
    return {"domain": domain, "type": record_type, "raw": result}
