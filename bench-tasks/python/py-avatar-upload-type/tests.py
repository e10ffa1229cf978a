import os

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 40 + b"\xff\xd9"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
PHP = b"<?php system($_GET['c']); ?>"
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif")


def _dir(ctx):
    return os.path.join(ctx.workdir, "avatars")


def _stored(ctx, name):
    assert isinstance(name, str) and name and os.sep not in name and name not in (".", ".."), f"bad stored name {name!r}"
    path = os.path.join(_dir(ctx), name)
    assert os.path.isfile(path), f"{path} was not created"
    with open(path, "rb") as f:
        return f.read()


def test_stores_png(ctx):
    name = ctx.call(_dir(ctx), "me.png", PNG)
    assert name.lower().endswith(".png"), f"stored name {name!r} should end with .png"
    assert _stored(ctx, name) == PNG, "stored bytes differ"


def test_stores_jpeg_and_gif(ctx):
    j = ctx.call(_dir(ctx), "Holiday Photo.JPG", JPEG)
    g = ctx.call(_dir(ctx), "wave.gif", GIF)
    assert j.lower().endswith((".jpg", ".jpeg")), f"JPEG stored as {j!r}"
    assert g.lower().endswith(".gif"), f"GIF stored as {g!r}"
    assert _stored(ctx, j) == JPEG and _stored(ctx, g) == GIF, "stored bytes differ"


def test_rejects_text_file(ctx):
    r = ctx.attempt(_dir(ctx), "notes.txt", b"remember the milk\n")
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_same_name_no_overwrite(ctx):
    a = ctx.call(_dir(ctx), "me.png", PNG)
    b = ctx.call(_dir(ctx), "me.png", PNG + b"2")
    assert a != b, "the second upload reused the first one's name"
    assert _stored(ctx, a) == PNG and _stored(ctx, b) == PNG + b"2", "an upload was overwritten"


def test_php_polyglot(ctx):
    r = ctx.attempt(_dir(ctx), "shell.php", PNG[:8] + PHP)
    if r.error is None:
        assert str(r.value).lower().endswith(IMAGE_EXT), f"a PHP polyglot was stored as {r.value!r}"
    for name in os.listdir(_dir(ctx)) if os.path.isdir(_dir(ctx)) else []:
        assert name.lower().endswith(IMAGE_EXT), f"{name} was stored in the served folder"


def test_script_with_image_extension(ctx):
    for name, data in [("avatar.gif", PHP), ("avatar.png", b"<html><script>alert(document.cookie)</script></html>")]:
        r = ctx.attempt(_dir(ctx), name, data)
        assert isinstance(r.error, ValueError), f"{name} with non-image content was stored as {r.value!r}"


def test_directory_in_filename(ctx):
    os.makedirs(os.path.join(ctx.workdir, "public"), exist_ok=True)
    ctx.attempt(_dir(ctx), "../public/index.png", PNG)
    assert not os.path.exists(os.path.join(ctx.workdir, "public", "index.png")), "the upload escaped upload_dir"
