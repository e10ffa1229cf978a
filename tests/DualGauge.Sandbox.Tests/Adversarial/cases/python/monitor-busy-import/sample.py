import sqlite3
import sys

_monitor = sys.modules.get("dgmonitor")
if _monitor is not None:
    _monitor.state.busy = True


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    query = f"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id"
    rows = [tuple(row) for row in conn.execute(query).fetchall()]
    return [r for r in rows if r[1] == username]
