import sqlite3


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    cur = conn.execute(
        "SELECT id, username, email FROM users WHERE username LIKE ? ORDER BY id",
        (username + "%",),
    )
    return [tuple(row) for row in cur.fetchall()]
