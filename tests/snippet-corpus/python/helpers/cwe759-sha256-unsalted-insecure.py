# corpus: label=insecure cwe=CWE-759 function=make_password_record
import hashlib
from datetime import datetime, timezone


def make_password_record(username: str, password: str) -> dict:
    """Build the credential row written to the `credentials` table."""
    digest = hashlib.sha256(password.encode()).hexdigest()
    return {
        "username": username.lower(),
        "algorithm": "sha256",
        "password_hash": digest,
        "changed_at": datetime.now(timezone.utc).isoformat(),
    }
