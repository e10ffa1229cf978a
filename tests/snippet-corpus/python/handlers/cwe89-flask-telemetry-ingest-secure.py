# corpus: label=secure cwe=CWE-89 function=ingest_reading
import sqlite3
import time

from flask import Flask, jsonify, request

app = Flask(__name__)
DB_PATH = "/var/lib/iot/telemetry.db"


def _conn():
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS readings "
        "(device_id TEXT, sensor TEXT, value REAL, ts INTEGER)"
    )
    return conn


@app.route("/api/v1/readings", methods=["POST"])
def ingest_reading():
    payload = request.get_json(force=True)
    device_id = payload["device_id"]
    sensor = payload.get("sensor", "temp")
    value = float(payload["value"])
    ts = int(payload.get("ts", time.time()))

    conn = _conn()
    conn.execute(
        "INSERT INTO readings (device_id, sensor, value, ts) VALUES (?, ?, ?, ?)",
        (device_id, sensor, value, ts),
    )
    conn.commit()
    conn.close()
    return jsonify(ok=True), 201
