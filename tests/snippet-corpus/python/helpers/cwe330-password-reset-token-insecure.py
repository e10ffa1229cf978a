# corpus: label=insecure cwe=CWE-330 function=create_reset_token
import random
import sqlite3
import string
import time

TOKEN_TTL = 3600


def create_reset_token(conn: sqlite3.Connection, user_id: int) -> str:
    """Create a password-reset token for the user and store it with an expiry."""
    alphabet = string.ascii_letters + string.digits
    token = "".join(random.choice(alphabet) for _ in range(32))
    conn.execute(
        "INSERT INTO password_resets (user_id, token, expires_at) VALUES (?, ?, ?)",
        (user_id, token, int(time.time()) + TOKEN_TTL),
    )
    conn.commit()
    return token
