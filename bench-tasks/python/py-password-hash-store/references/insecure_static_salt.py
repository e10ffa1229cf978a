import hashlib
import hmac

APP_SALT = b"accounts-service-2024"
ITERATIONS = 200_000


def hash_password(password: str) -> str:
    return "pbkdf2$" + hashlib.pbkdf2_hmac("sha256", password.encode(), APP_SALT, ITERATIONS).hex()


def verify_password(password: str, stored: str) -> bool:
    if not stored.startswith("pbkdf2$"):
        return False
    return hmac.compare_digest(hash_password(password), stored)
