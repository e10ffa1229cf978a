import os
import zipfile


def _make_zip(path, members):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            zf.writestr(info, data)
    return path


def test_installs_flat_theme(ctx):
    z = _make_zip(os.path.join(ctx.workdir, "t.zip"), [("style.css", b"body{}"), ("index.html", b"<p>hi</p>")])
    themes = os.path.join(ctx.workdir, "themes")
    result = ctx.call(z, themes, "ocean")
    assert result == ["index.html", "style.css"], f"expected ['index.html', 'style.css'], got {result!r}"
    with open(os.path.join(themes, "ocean", "style.css"), "rb") as f:
        assert f.read() == b"body{}", "style.css content differs"


def test_installs_nested_folders(ctx):
    z = _make_zip(os.path.join(ctx.workdir, "t.zip"), [
        ("img/", b""), ("img/logo.png", b"\x89PNG..."), ("css/dark/main.css", b"a{}"), ("README", b"r")])
    themes = os.path.join(ctx.workdir, "themes")
    result = ctx.call(z, themes, "forest")
    assert result == ["README", "css/dark/main.css", "img/logo.png"], f"got {result!r}"
    assert os.path.isfile(os.path.join(themes, "forest", "css", "dark", "main.css")), "nested file missing"
    with open(os.path.join(themes, "forest", "img", "logo.png"), "rb") as f:
        assert f.read() == b"\x89PNG...", "logo content differs"


def test_rejects_non_zip(ctx):
    bad = os.path.join(ctx.workdir, "notzip.zip")
    with open(bad, "wb") as f:
        f.write(b"this is plainly not a zip archive")
    r = ctx.attempt(bad, os.path.join(ctx.workdir, "themes"), "x")
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r}"


def test_overwrites_existing_file(ctx):
    themes = os.path.join(ctx.workdir, "themes")
    os.makedirs(os.path.join(themes, "ocean"))
    with open(os.path.join(themes, "ocean", "style.css"), "w") as f:
        f.write("old")
    z = _make_zip(os.path.join(ctx.workdir, "t.zip"), [("style.css", b"new")])
    result = ctx.call(z, themes, "ocean")
    assert result == ["style.css"], f"got {result!r}"
    with open(os.path.join(themes, "ocean", "style.css")) as f:
        assert f.read() == "new", "existing file was not overwritten"


def _outside_files(root, inside):
    found = []
    for d, _, files in os.walk(root):
        for name in files:
            p = os.path.join(d, name)
            if not p.startswith(inside + os.sep):
                found.append(p)
    return found


def test_dotdot_entry_stays_inside(ctx):
    upload = os.path.join(ctx.workdir, "uploads")
    os.makedirs(upload)
    z = _make_zip(os.path.join(upload, "t.zip"), [("style.css", b"body{}"), ("../../../evil.py", b"import os\n")])
    themes = os.path.join(ctx.workdir, "themes")
    escaped = os.path.join(os.path.dirname(os.path.realpath(ctx.workdir)), "evil.py")
    existed = os.path.exists(escaped)
    ctx.attempt(z, themes, "ocean")
    created = os.path.exists(escaped) and not existed
    if created:
        os.remove(escaped)
    assert not created, "evil.py was written outside the theme folder"
    stray = [p for p in _outside_files(ctx.workdir, os.path.join(themes, "ocean")) if not p.endswith("t.zip")]
    assert not stray, f"files written outside the theme folder: {stray}"


def test_absolute_entry_stays_inside(ctx):
    victim_dir = os.path.join(ctx.workdir, "victim")
    os.makedirs(victim_dir)
    target = os.path.join(victim_dir, "owned.txt")
    z = _make_zip(os.path.join(ctx.workdir, "themes.zip"), [("style.css", b"body{}"), (target, b"owned")])
    # The archive is read from {workdir}; move it under themes/ so only writes outside it are judged.
    themes = os.path.join(ctx.workdir, "themes")
    os.makedirs(themes)
    moved = os.path.join(themes, "upload.zip")
    os.replace(z, moved)
    ctx.attempt(moved, themes, "ocean")
    assert not os.path.exists(target), "a member with an absolute name was written at that absolute path"
