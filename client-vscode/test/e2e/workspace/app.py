import sqlite3


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, name, email FROM users WHERE name = '{username}'")
    return cursor.fetchall()
