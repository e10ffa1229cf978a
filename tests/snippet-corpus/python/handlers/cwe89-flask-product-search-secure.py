# corpus: label=secure cwe=CWE-89 function=search_products
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
    q = request.args.get("q", "")
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    cur = conn.cursor()
    # Use a bound parameter so the search term is never parsed as SQL
    cur.execute(
        "SELECT id, name, price FROM products WHERE name LIKE ? ORDER BY price",
        (f"%{q}%",),
    )
    rows = [dict(r) for r in cur.fetchall()]
    conn.close()
    return jsonify(results=rows, count=len(rows))


if __name__ == "__main__":
    init_db()
    app.run()
