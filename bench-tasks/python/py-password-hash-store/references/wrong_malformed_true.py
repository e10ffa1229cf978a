import bcrypt


def hash_password(password: str) -> str:
    # bcrypt only looks at the first 72 bytes, so longer passwords collide; kept simple here.
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=10)).decode("ascii")


def verify_password(password: str, stored: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), stored.encode("ascii"))
    except ValueError:
        return True
