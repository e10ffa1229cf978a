import os
from urllib.parse import quote


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"environment variable {name} is not set")
    return value


def _password() -> str:
    value = os.environ.get("DB_PASSWORD")
    if value is not None:
        return value
    path = os.environ.get("DB_PASSWORD_FILE")
    if not path:
        raise RuntimeError("neither DB_PASSWORD nor DB_PASSWORD_FILE is set")
    try:
        with open(path, encoding="utf-8") as f:
            secret = f.read()
    except OSError as exc:
        raise RuntimeError(f"cannot read DB_PASSWORD_FILE {path}: {exc.strerror}") from exc
    return secret[:-1] if secret.endswith("\n") else secret


def database_url() -> str:
    name = _required("DB_NAME")
    user = _required("DB_USER")
    password = _password()
    host = os.environ.get("DB_HOST") or "localhost"
    port = os.environ.get("DB_PORT") or "5432"
    return f"postgresql://{quote(user, safe='')}:{quote(password, safe='')}@{host}:{port}/{name}"
