import sqlite3

_COLUMNS = {"name": "name", "price": "price", "created": "created"}


def search_products(conn: sqlite3.Connection, term: str, sort_by: str = "name", descending: bool = False):
    column = _COLUMNS.get(sort_by)
    if column is None:
        raise ValueError(f"cannot sort by {sort_by!r}")
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    direction = "DESC" if descending else "ASC"
    sql = (f"SELECT id, name, price FROM products WHERE name LIKE ? ESCAPE '\\' "
           f"ORDER BY {column} {direction}, id ASC")
    return [tuple(r) for r in conn.execute(sql, (pattern,)).fetchall()]
