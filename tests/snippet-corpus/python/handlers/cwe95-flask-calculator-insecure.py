# corpus: label=insecure cwe=CWE-95 function=calculate
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/calc")
def calculate():
    expr = request.args.get("expr", "")
    if not expr:
        return jsonify(error="expr is required"), 400
    try:
        result = eval(expr)
    except Exception as exc:  # noqa: BLE001
        return jsonify(error=str(exc)), 400
    return jsonify(expr=expr, result=result)
