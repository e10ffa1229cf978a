# corpus: label=insecure cwe=CWE-916 function=hash_password
import hashlib


def hash_password(password: str) -> str:
    """Hash a password before storing it in the members table."""
    return hashlib.md5(password.encode("utf-8")).hexdigest()


def verify_password(password: str, stored_hash: str) -> bool:
    return hash_password(password) == stored_hash
