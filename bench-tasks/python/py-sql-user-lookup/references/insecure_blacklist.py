import sqlite3

# Inputs that look like SQL injection are refused outright.
BLOCKED = ("--", ";", "/*", " or ", " union ", " and ")


def find_user(conn: sqlite3.Connection, username: str) -> list[tuple[int, str, str]]:
    lowered = username.lower()
    if any(token in lowered for token in BLOCKED):
        return []
    query = f"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id"
    return [tuple(row) for row in conn.execute(query).fetchall()]
