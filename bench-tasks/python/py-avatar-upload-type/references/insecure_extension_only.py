import os
import uuid

ALLOWED = {".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg", ".gif": ".gif"}


def save_avatar(upload_dir: str, filename: str, data: bytes) -> str:
    ext = os.path.splitext(filename)[1].lower()
    if ext not in ALLOWED:
        raise ValueError("only PNG, JPEG and GIF images are accepted")
    os.makedirs(upload_dir, exist_ok=True)
    name = uuid.uuid4().hex + ALLOWED[ext]
    with open(os.path.join(upload_dir, name), "wb") as f:
        f.write(data)
    return name
