import sqlite3


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    query = f"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id"
    rows = [tuple(row) for row in sqlite3.Connection.execute(conn, query).fetchall()]
    return [r for r in rows if r[1] == username]
