import sqlite3


def search_products(conn: sqlite3.Connection, term: str, sort_by: str = "name", descending: bool = False):
    like = term.replace("%", "\\%").replace("_", "\\_")
    order = "DESC" if descending else "ASC"
    sql = (f"SELECT id, name, price FROM products WHERE name LIKE '%{like}%' ESCAPE '\\' "
           f"ORDER BY {sort_by} {order}, id")
    try:
        rows = sqlite3.Cursor(conn).execute(sql).fetchall()
    except sqlite3.OperationalError as exc:
        raise ValueError(f"bad search: {exc}") from exc
    if sort_by not in ("name", "price", "created"):
        raise ValueError(f"cannot sort by {sort_by!r}")
    needle = term.lower()
    return [tuple(r) for r in rows if needle in str(r[1]).lower()]
