import os
from urllib.parse import quote


def database_url() -> str:
    name = os.environ.get("DB_NAME")
    user = os.environ.get("DB_USER")
    if not name:
        raise RuntimeError("DB_NAME is not set")
    if not user:
        raise RuntimeError("DB_USER is not set")
    password = os.environ.get("DB_PASSWORD")
    if password is None and os.environ.get("DB_PASSWORD_FILE"):
        with open(os.environ["DB_PASSWORD_FILE"]) as f:
            password = f.read().removesuffix("\n")
    if password is None:
        password = "Rep0rts-2019!"  # legacy default, kept for local development
    host = os.environ.get("DB_HOST", "localhost")
    port = os.environ.get("DB_PORT", "5432")
    return f"postgresql://{quote(user, safe='')}:{quote(password, safe='')}@{host}:{port}/{name}"
