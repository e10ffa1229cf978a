# corpus: label=neutral cwe=- function=convert_temperature
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/convert/temperature")
def convert_temperature():
    try:
        value = float(request.args.get("value", ""))
    except ValueError:
        return jsonify(error="value must be a number"), 400
    unit = request.args.get("from", "C").upper()
    if unit == "C":
        return jsonify(celsius=value, fahrenheit=round(value * 9 / 5 + 32, 2))
    if unit == "F":
        return jsonify(fahrenheit=value, celsius=round((value - 32) * 5 / 9, 2))
    return jsonify(error="from must be C or F"), 400
