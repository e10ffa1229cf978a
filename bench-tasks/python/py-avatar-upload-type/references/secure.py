import os
import secrets

_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
]


def _image_extension(data: bytes) -> str:
    for magic, ext in _SIGNATURES:
        if data.startswith(magic) and len(data) > len(magic):
            return ext
    raise ValueError("only PNG, JPEG and GIF images are accepted")


def save_avatar(upload_dir: str, filename: str, data: bytes) -> str:
    # The stored name never comes from the browser: the extension follows the detected content type.
    ext = _image_extension(data)
    if b"<?php" in data[:4096].lower() or b"<script" in data[:4096].lower():
        raise ValueError("image contains embedded script")
    os.makedirs(upload_dir, exist_ok=True)
    while True:
        name = secrets.token_hex(16) + ext
        try:
            with open(os.path.join(upload_dir, name), "xb") as f:
                f.write(data)
            return name
        except FileExistsError:
            continue
