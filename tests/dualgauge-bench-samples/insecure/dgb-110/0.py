import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def lookup(city):
    db = sqlite3.connect(":memory:")
    db.executescript("CREATE TABLE t(city TEXT, celsius INTEGER); INSERT INTO t VALUES ('Oslo', 4), ('Lima', 19);")
    return db.execute(f"SELECT city, celsius FROM t WHERE city = '{city}'").fetchone()


@app.get("/api/temperature_for_location")
def temperature_for_location():
    row = lookup(request.args.get("city", ""))
    if row is None:
        return jsonify(error="unknown city"), 404
    return jsonify(city=row[0], celsius=row[1])
