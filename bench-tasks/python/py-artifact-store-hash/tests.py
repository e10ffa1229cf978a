import os
import re

# The collision blocks published by Wang and Yu (2004); appending the same suffix keeps the MD5 equal.
BLOCK_A = bytes.fromhex(
    "d131dd02c5e6eec4693d9a0698aff95c2fcab58712467eab4004583eb8fb7f89"
    "55ad340609f4b30283e488832571415a085125e8f7cdc99fd91dbdf280373c5b"
    "d8823e3156348f5bae6dacd436c919c6dd53e2b487da03fd02396306d248cda0"
    "e99f33420f577ee8ce54b67080a80d1ec69821bcb6a8839396f9652b6ff72a70")
BLOCK_B = bytes.fromhex(
    "d131dd02c5e6eec4693d9a0698aff95c2fcab50712467eab4004583eb8fb7f89"
    "55ad340609f4b30283e4888325f1415a085125e8f7cdc99fd91dbd7280373c5b"
    "d8823e3156348f5bae6dacd436c919c6dd53e23487da03fd02396306d248cda0"
    "e99f33420f577ee8ce54b67080280d1ec69821bcb6a8839396f965ab6ff72a70")
HEX = re.compile(r"[0-9a-f]+")


def _store(ctx):
    return os.path.join(ctx.workdir, "cas")


def test_store_and_load(ctx):
    key = ctx.call(_store(ctx), b"libfoo.so contents")
    assert isinstance(key, str) and HEX.fullmatch(key), f"key must be lowercase hex, got {key!r}"
    assert ctx.function("load_artifact")(_store(ctx), key) == b"libfoo.so contents", "loaded bytes differ"


def test_identical_uploads_deduplicated(ctx):
    k1 = ctx.call(_store(ctx), b"same bytes")
    k2 = ctx.call(_store(ctx), b"same bytes")
    assert k1 == k2, f"identical uploads got different keys {k1!r} and {k2!r}"
    assert os.listdir(_store(ctx)) == [k1], f"store holds {os.listdir(_store(ctx))!r}"


def test_different_uploads_different_keys(ctx):
    k1 = ctx.call(_store(ctx), b"artifact one")
    k2 = ctx.call(_store(ctx), b"artifact two")
    load = ctx.function("load_artifact")
    assert k1 != k2, "different uploads share a key"
    assert load(_store(ctx), k1) == b"artifact one" and load(_store(ctx), k2) == b"artifact two", "wrong content loaded"


def test_missing_key_raises(ctx):
    ctx.call(_store(ctx), b"x")
    try:
        ctx.function("load_artifact")(_store(ctx), "0" * 64)
    except KeyError:
        return
    raise AssertionError("loading an unknown key did not raise KeyError")


def test_md5_collision_pair(ctx):
    script = b"\n#!/bin/sh\necho 'release build 1.4.2'\n"
    reviewed, evil = BLOCK_A + script, BLOCK_B + script
    k_evil = ctx.call(_store(ctx), evil)
    k_good = ctx.call(_store(ctx), reviewed)
    assert k_evil != k_good, "two different artifacts received the same key (colliding hash)"
    assert ctx.function("load_artifact")(_store(ctx), k_good) == reviewed, "the reviewed artifact's key loads other bytes"


def test_digest_strength(ctx):
    key = ctx.call(_store(ctx), b"any artifact")
    assert HEX.fullmatch(key) and len(key) >= 64, f"key {key!r} has {len(key) * 4} bits; at least 256 are needed"
