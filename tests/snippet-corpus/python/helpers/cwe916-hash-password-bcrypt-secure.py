# corpus: label=secure cwe=CWE-916 function=hash_password
import bcrypt


def hash_password(password: str) -> str:
    """Hash a password before storing it in the members table."""
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=12)).decode("ascii")


def verify_password(password: str, stored_hash: str) -> bool:
    return bcrypt.checkpw(password.encode("utf-8"), stored_hash.encode("ascii"))
