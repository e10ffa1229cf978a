# corpus: label=insecure cwe=CWE-78 function=ping_host
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/tools/ping")
def ping_host():
    host = request.args.get("host", "127.0.0.1")
    count = request.args.get("count", "3")
    try:
        output = subprocess.check_output(
            f"ping -c {count} -W 2 {host}", shell=True, stderr=subprocess.STDOUT, timeout=15
        )
        return jsonify(host=host, reachable=True, output=output.decode(errors="replace"))
    except subprocess.CalledProcessError as exc:
        return jsonify(host=host, reachable=False, output=exc.output.decode(errors="replace"))
