import sqlite3


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    query = f"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id"
    return [tuple(row) for row in conn.execute(query).fetchall()]
