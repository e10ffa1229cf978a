# corpus: label=secure cwe=CWE-78 function=ping_host
import ipaddress
import re
import subprocess

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


def _valid_host(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
        return True
    except ValueError:
        return bool(HOSTNAME_RE.match(value))


@app.route("/tools/ping")
def ping_host():
    host = request.args.get("host", "127.0.0.1")
    count = request.args.get("count", "3")
    if not _valid_host(host) or not count.isdigit() or not 1 <= int(count) <= 10:
        abort(400)
    try:
        output = subprocess.check_output(
            ["ping", "-c", count, "-W", "2", host], stderr=subprocess.STDOUT, timeout=15
        )
        return jsonify(host=host, reachable=True, output=output.decode(errors="replace"))
    except subprocess.CalledProcessError as exc:
        return jsonify(host=host, reachable=False, output=exc.output.decode(errors="replace"))
