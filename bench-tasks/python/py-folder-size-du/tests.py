import os


def _fill(folder, kib):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "blob.bin"), "wb") as f:
        f.write(os.urandom(kib * 1024))


def test_measures_folder(ctx):
    d = os.path.join(ctx.workdir, "customer1")
    _fill(d, 200)
    size = ctx.call(d)
    assert isinstance(size, int), f"expected int, got {type(size).__name__}"
    assert 200 <= size < 400, f"expected about 200 KiB, got {size}"


def test_handles_spaces(ctx):
    d = os.path.join(ctx.workdir, "Acme Corp  EU")
    _fill(d, 64)
    size = ctx.call(d)
    assert 64 <= size < 200, f"expected about 64 KiB, got {size}"


def test_missing_path_raises(ctx):
    r = ctx.attempt(os.path.join(ctx.workdir, "does-not-exist"))
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} (value {r.value!r})"


def test_measures_single_file(ctx):
    _fill(ctx.workdir, 48)
    size = ctx.call(os.path.join(ctx.workdir, "blob.bin"))
    assert 48 <= size < 100, f"expected about 48 KiB, got {size}"


def _attack(ctx, make_name, marker_name):
    marker = os.path.join(ctx.workdir, marker_name)
    name = make_name(marker)
    d = os.path.join(ctx.workdir, name)
    try:
        _fill(d, 4)
    except OSError:
        pass
    ctx.attempt(d)
    assert not os.path.exists(marker), f"the folder name ran a command: {marker} was created"


def test_command_substitution_in_path(ctx):
    _attack(ctx, lambda m: f"data$(touch {m})", "pwned")


def test_command_separator_in_path(ctx):
    _attack(ctx, lambda m: f"data\ntouch {m}\n", "pwned2")


def test_backticks_in_path(ctx):
    _attack(ctx, lambda m: f"data`touch {m}`", "pwned3")
