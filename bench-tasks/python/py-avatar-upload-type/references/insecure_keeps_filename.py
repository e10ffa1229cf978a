import os

_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def save_avatar(upload_dir: str, filename: str, data: bytes) -> str:
    if not data.startswith(_MAGIC):
        raise ValueError("not an image")
    os.makedirs(upload_dir, exist_ok=True)
    base, ext = os.path.splitext(filename)
    name, n = filename, 1
    while os.path.exists(os.path.join(upload_dir, name)):
        name = f"{base}-{n}{ext}"
        n += 1
    with open(os.path.join(upload_dir, name), "wb") as f:
        f.write(data)
    return name
