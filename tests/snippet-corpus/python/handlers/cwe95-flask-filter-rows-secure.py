# corpus: label=secure cwe=CWE-95 function=filter_devices
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)

DEVICES = [
    {"id": "th-01", "kind": "thermostat", "battery": 81, "online": True},
    {"id": "cam-07", "kind": "camera", "battery": 15, "online": True},
    {"id": "lock-02", "kind": "lock", "battery": 42, "online": False},
]
OPERATORS = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt,
             "le": operator.le, "gt": operator.gt, "ge": operator.ge}
FIELDS = {"id", "kind", "battery", "online"}


@app.route("/api/devices/filter", methods=["POST"])
def filter_devices():
    body = request.get_json(silent=True) or {}
    # e.g. {"where": [{"field": "battery", "op": "lt", "value": 20}]}
    conditions = body.get("where", [])
    for cond in conditions:
        if cond.get("field") not in FIELDS or cond.get("op") not in OPERATORS:
            return jsonify(error="unsupported filter"), 400
    try:
        matches = [
            d for d in DEVICES
            if all(OPERATORS[c["op"]](d[c["field"]], c.get("value")) for c in conditions)
        ]
    except TypeError:
        return jsonify(error="value has the wrong type for this field"), 400
    return jsonify(devices=matches)
