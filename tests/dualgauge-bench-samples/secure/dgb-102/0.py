import sqlite3


def find_user_email(db_path, username):
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute("SELECT email FROM users WHERE username = ?", (username,)).fetchone()
        return row[0] if row else None
    finally:
        conn.close()
