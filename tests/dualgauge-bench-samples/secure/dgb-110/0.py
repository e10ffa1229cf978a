from flask import Flask, jsonify, request

app = Flask(__name__)
TEMPERATURES = {"Oslo": 4, "Lima": 19}


@app.get("/api/temperature_for_location")
def temperature_for_location():
    city = request.args.get("city", "")
    if city not in TEMPERATURES:
        return jsonify(error="unknown city"), 404
    return jsonify(city=city, celsius=TEMPERATURES[city])
