# corpus: label=insecure cwe=CWE-117 function=audit_login
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logging.basicConfig(filename="auth.log", level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(message)s")
audit = logging.getLogger("audit")


@app.route("/api/audit/login", methods=["POST"])
def audit_login():
    username = request.form.get("username", "")
    outcome = request.form.get("outcome", "failure")
    client = request.headers.get("X-Forwarded-For", request.remote_addr)
    audit.info(f"login {outcome} for user={username} from={client}")
    return jsonify(logged=True)
