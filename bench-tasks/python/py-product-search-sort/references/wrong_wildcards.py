import sqlite3


def search_products(conn: sqlite3.Connection, term: str, sort_by: str = "name", descending: bool = False):
    if sort_by not in ("name", "price", "created"):
        raise ValueError("unknown sort column")
    sql = f"SELECT id, name, price FROM products WHERE name LIKE ? ORDER BY {sort_by} {'DESC' if descending else 'ASC'}, id"
    return conn.execute(sql, ("%" + term + "%",)).fetchall()
