import sqlite3


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id")
    return cursor.fetchall()
