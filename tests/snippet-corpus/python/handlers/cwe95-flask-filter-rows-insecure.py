# corpus: label=insecure cwe=CWE-95 function=filter_devices
from flask import Flask, jsonify, request

app = Flask(__name__)

DEVICES = [
    {"id": "th-01", "kind": "thermostat", "battery": 81, "online": True},
    {"id": "cam-07", "kind": "camera", "battery": 15, "online": True},
    {"id": "lock-02", "kind": "lock", "battery": 42, "online": False},
]


@app.route("/api/devices/filter", methods=["POST"])
def filter_devices():
    body = request.get_json(silent=True) or {}
    where = body.get("where", "True")  # e.g. "d['battery'] < 20 and d['online']"
    matches = [d for d in DEVICES if eval(where, {"__builtins__": __builtins__}, {"d": d})]
    return jsonify(devices=matches)
