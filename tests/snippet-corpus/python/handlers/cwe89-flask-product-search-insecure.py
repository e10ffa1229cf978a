# corpus: label=insecure cwe=CWE-89 function=search_products
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)
DB_PATH = "shop.db"


def init_db():
    conn = sqlite3.connect(DB_PATH)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS products ("
        "id INTEGER PRIMARY KEY, name TEXT, price REAL, category TEXT)"
    )
    conn.commit()
    conn.close()


@app.route("/api/products/search")
def search_products():
    q = request.args["q"]
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    cur = conn.cursor()
    # Find products whose name contains the search term
    cur.execute(f"SELECT id, name, price FROM products WHERE name LIKE '%{q}%' ORDER BY price")
    rows = [dict(r) for r in cur.fetchall()]
    conn.close()
    return jsonify(results=rows, count=len(rows))


if __name__ == "__main__":
    init_db()
    app.run()
