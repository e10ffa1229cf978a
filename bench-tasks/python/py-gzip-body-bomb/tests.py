import gzip
import json
import os
import struct
import zlib

MIB = 1024 * 1024


def _bomb(ctx):
    # 64 MiB of zeros as one gzip member (about 64 KiB), prepared once as a fixture.
    with open(os.path.join(ctx.fixtures, "zeros-64mib.gz"), "rb") as f:
        return f.read()


# tracemalloc runs where the sample runs: the tests run in the supervisor, a process of their own,
# whose allocations say nothing about the sample's. It is started just before the call and read just
# after it, so the peak covers the call (and the few hundred KiB its arguments take on the wire).
START_TRACING = "import tracemalloc\ntracemalloc.start()"
READ_PEAK = """
import tracemalloc
result = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
"""


def _peak(ctx, body, limit):
    ctx.prepare(START_TRACING)
    r = ctx.attempt(body, limit)
    peak = ctx.probe(READ_PEAK)
    return r, peak


def test_decodes_body(ctx):
    doc = json.dumps({"events": [{"id": i, "kind": "click"} for i in range(200)]}).encode()
    assert ctx.call(gzip.compress(doc), 1 * MIB) == doc, "decoded body differs"


def test_exact_limit_allowed(ctx):
    data = b"x" * 5000
    assert ctx.call(gzip.compress(data), 5000) == data, "a body of exactly max_size was not returned"
    r = ctx.attempt(gzip.compress(data + b"y"), 5000)
    assert isinstance(r.error, ValueError), f"max_size + 1 bytes: expected ValueError, got {r.error!r}"


def test_multi_member_stream(ctx):
    body = gzip.compress(b"first part;") + gzip.compress(b"second part")
    got = ctx.call(body, 1000)
    assert got == b"first part;second part", f"got {got!r}"


def test_invalid_gzip_raises(ctx):
    for body in [b"plain text, not gzip", gzip.compress(b"hello world" * 50)[:-12]]:
        r = ctx.attempt(body, 1 * MIB)
        assert isinstance(r.error, ValueError), f"expected ValueError for {body[:20]!r}..., got {r.error!r} / {r.value!r}"


def test_decompression_bomb(ctx):
    r, peak = _peak(ctx, _bomb(ctx), 1 * MIB)
    assert peak < 8 * MIB, f"decoding the bomb allocated {peak / MIB:.1f} MiB"
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r}"


def test_forged_size_trailer(ctx):
    body = bytearray(_bomb(ctx))
    body[-4:] = struct.pack("<I", 1000)
    r, peak = _peak(ctx, bytes(body), 1 * MIB)
    assert peak < 8 * MIB, f"decoding the forged bomb allocated {peak / MIB:.1f} MiB"
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r}"
