import hashlib
import os
import re

_KEY = re.compile(r"[0-9a-f]{40}")


def store_artifact(store_dir: str, data: bytes) -> str:
    key = hashlib.sha1(data).hexdigest()
    os.makedirs(store_dir, exist_ok=True)
    path = os.path.join(store_dir, key)
    try:
        with open(path, "xb") as f:
            f.write(data)
    except FileExistsError:
        pass
    return key


def load_artifact(store_dir: str, key: str) -> bytes:
    if not _KEY.fullmatch(key):
        raise KeyError(key)
    try:
        with open(os.path.join(store_dir, key), "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise KeyError(key) from None
