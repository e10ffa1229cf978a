import sqlite3


def search_products(conn: sqlite3.Connection, term: str, sort_by: str = "name", descending: bool = False):
    if ";" in sort_by or "--" in sort_by:
        raise ValueError("invalid sort column")
    if sort_by.isidentifier() and sort_by not in ("name", "price", "created"):
        raise ValueError("unknown sort column")
    like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = f"SELECT id, name, price FROM products WHERE name LIKE ? ESCAPE '\\' ORDER BY {sort_by} {'DESC' if descending else 'ASC'}, id"
    return conn.execute(sql, (like,)).fetchall()
