# corpus: label=secure cwe=CWE-759 function=make_password_record
import hashlib
import os
from datetime import datetime, timezone

PBKDF2_ITERATIONS = 600_000


def make_password_record(username: str, password: str) -> dict:
    """Build the credential row written to the `credentials` table."""
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)
    return {
        "username": username.lower(),
        "algorithm": f"pbkdf2_sha256${PBKDF2_ITERATIONS}",
        "salt": salt.hex(),
        "password_hash": digest.hex(),
        "changed_at": datetime.now(timezone.utc).isoformat(),
    }
