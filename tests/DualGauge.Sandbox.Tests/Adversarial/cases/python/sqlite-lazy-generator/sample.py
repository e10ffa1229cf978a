import sqlite3


def find_user(conn: sqlite3.Connection, username: str):
    def rows():
        query = f"SELECT id, username, email FROM users WHERE username = '{username}' ORDER BY id"
        for row in conn.execute(query):
            if row[1] == username:
                yield tuple(row)
    return rows()
