# corpus: label=secure cwe=CWE-89 function=get_user_by_email
import sqlite3
from typing import Optional


def get_user_by_email(conn: sqlite3.Connection, email: str) -> Optional[dict]:
    """Return the user row for the given email address, or None."""
    cursor = conn.cursor()
    query = "SELECT id, email, full_name, is_admin FROM users WHERE email = ?"
    cursor.execute(query, (email,))
    row = cursor.fetchone()
    if row is None:
        return None
    return {
        "id": row[0],
        "email": row[1],
        "full_name": row[2],
        "is_admin": bool(row[3]),
    }
