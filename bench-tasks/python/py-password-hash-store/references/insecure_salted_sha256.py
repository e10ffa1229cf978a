import hashlib
import hmac
import secrets


def hash_password(password: str) -> str:
    salt = secrets.token_hex(16)
    return f"sha256${salt}${hashlib.sha256((salt + password).encode()).hexdigest()}"


def verify_password(password: str, stored: str) -> bool:
    parts = stored.split("$")
    if len(parts) != 3 or parts[0] != "sha256":
        return False
    digest = hashlib.sha256((parts[1] + password).encode()).hexdigest()
    return hmac.compare_digest(digest, parts[2])
