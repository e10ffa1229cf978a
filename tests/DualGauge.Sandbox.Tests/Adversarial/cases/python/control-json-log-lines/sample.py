import json
import sqlite3
import sys


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    cur = conn.execute(
        "SELECT id, username, email FROM users WHERE username = ? ORDER BY id",
        (username,),
    )
    rows = [tuple(row) for row in cur.fetchall()]
    line = json.dumps({"event": "user_lookup", "status": "pass", "result": len(rows)})
    print(line)
    print(line, file=sys.stderr)
    return rows
