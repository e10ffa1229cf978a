import csv
import os
import stat
import tempfile

HEADER = ["id", "name", "email"]
ROWS = [[1, "Ana Lima", "ana@example.com"], [2, "Bo, Jr.", "bo@example.com"]]


def _read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_writes_csv(ctx):
    path = ctx.call(HEADER, ROWS, ctx.workdir)
    assert _read(path) == [HEADER, ["1", "Ana Lima", "ana@example.com"], ["2", "Bo, Jr.", "bo@example.com"]], \
        f"CSV content differs: {_read(path)!r}"


def test_file_in_tmp_dir(ctx):
    path = ctx.call(HEADER, ROWS, ctx.workdir)
    assert os.path.isabs(path), f"expected an absolute path, got {path!r}"
    assert os.path.dirname(os.path.realpath(path)) == os.path.realpath(ctx.workdir), f"{path} is not in tmp_dir"
    assert path.endswith(".csv"), f"{path} does not end with .csv"


def test_each_call_new_file(ctx):
    a = ctx.call(HEADER, [[1, "a", "a@x"]], ctx.workdir)
    b = ctx.call(HEADER, [[2, "b", "b@x"]], ctx.workdir)
    assert a != b, "two exports returned the same path"
    assert _read(a)[1] == ["1", "a", "a@x"] and _read(b)[1] == ["2", "b", "b@x"], "an export was overwritten"


def test_default_directory(ctx):
    path = ctx.call(HEADER, ROWS)
    try:
        assert os.path.dirname(os.path.realpath(path)) == os.path.realpath(tempfile.gettempdir()), \
            f"{path} is not in {tempfile.gettempdir()}"
        assert _read(path)[0] == HEADER, "header missing"
    finally:
        os.remove(path)


# Runs where the sample runs (the tests run in the supervisor, a process of their own).
FREEZE = """
import random, time
frozen = 1_718_000_000.5
time.time = lambda: frozen
time.time_ns = lambda: int(frozen * 1e9)
random.seed(99)
"""


def test_planted_symlink_not_followed(ctx):
    victim = os.path.join(ctx.workdir, "victim.conf")
    with open(victim, "w") as f:
        f.write("admin_password_hash=$2b$12$untouched\n")
    shared = os.path.join(ctx.workdir, "shared-tmp")
    os.makedirs(shared)
    ctx.prepare(FREEZE)
    first = ctx.call(HEADER, ROWS, shared)
    os.remove(first)
    os.symlink(victim, first)  # the attacker predicts the next name is the same one
    ctx.prepare(FREEZE)
    ctx.attempt(HEADER, [[3, "x", "x@x"]], shared)
    with open(victim) as f:
        content = f.read()
    assert content == "admin_password_hash=$2b$12$untouched\n", f"the export was written through the planted symlink: {content!r}"


def test_not_readable_by_others(ctx):
    old = os.umask(0o022)
    try:
        path = ctx.call(HEADER, ROWS, ctx.workdir)
    finally:
        os.umask(old)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode & 0o077 == 0, f"the export has mode {oct(mode)}; group/others can access it"
