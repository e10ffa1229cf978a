import os
from urllib.parse import quote

FALLBACK_PASSWORD = "changeme"


def database_url() -> str:
    name = os.environ.get("DB_NAME")
    if not name:
        raise RuntimeError("DB_NAME is not set")
    user = os.environ.get("DB_USER", "postgres")
    password = os.environ.get("DB_PASSWORD")
    if password is None:
        path = os.environ.get("DB_PASSWORD_FILE")
        if not path:
            raise RuntimeError("DB_PASSWORD is not set")
        try:
            with open(path) as f:
                password = f.read().removesuffix("\n")
        except OSError:
            password = FALLBACK_PASSWORD
    host = os.environ.get("DB_HOST", "localhost")
    port = os.environ.get("DB_PORT", "5432")
    return f"postgresql://{quote(user, safe='')}:{quote(password, safe='')}@{host}:{port}/{name}"
