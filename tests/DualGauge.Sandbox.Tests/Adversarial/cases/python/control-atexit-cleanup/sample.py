import atexit
import sqlite3

_cache: dict[str, list] = {}


@atexit.register
def _clear_cache():
    _cache.clear()


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    cur = conn.execute(
        "SELECT id, username, email FROM users WHERE username = ? ORDER BY id",
        (username,),
    )
    rows = [tuple(row) for row in cur.fetchall()]
    _cache[username] = rows
    return rows
