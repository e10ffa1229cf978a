# corpus: label=secure cwe=CWE-330 function=create_reset_token
import secrets
import sqlite3
import time

TOKEN_TTL = 3600


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Create a password-reset token for the user and store it with an expiry."""
    token = secrets.token_urlsafe(32)
    conn.execute(
        "INSERT INTO password_resets (user_id, token, expires_at) VALUES (?, ?, ?)",
        (user_id, token, int(time.time()) + TOKEN_TTL),
    )
    conn.commit()
    return token
