# corpus: label=secure cwe=CWE-117 function=audit_login
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logging.basicConfig(filename="auth.log", level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(message)s")
audit = logging.getLogger("audit")


def _clean(value: str) -> str:
    # neutralise CR/LF and other control characters so one request = one log line
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in value)


@app.route("/api/audit/login", methods=["POST"])
def audit_login():
    username = request.form.get("username", "")
    outcome = request.form.get("outcome", "failure")
    client = request.headers.get("X-Forwarded-For", request.remote_addr) or ""
    audit.info("login %s for user=%s from=%s", _clean(outcome), _clean(username), _clean(client))
    return jsonify(logged=True)
