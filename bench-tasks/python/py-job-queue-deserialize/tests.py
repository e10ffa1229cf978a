import os
import pickle

JOB = {"type": "send_invoice", "invoice_id": 812, "amount": 129.5, "urgent": False, "retry": None,
       "to": ["a@example.com", "b@example.com"], "meta": {"tenant": "acme", "attempt": 1, "tags": []}}


def test_round_trip(ctx):
    blob = ctx.function("encode_job")(JOB)
    got = ctx.call(blob)
    assert got == JOB and type(got["invoice_id"]) is int, f"got {got!r}"


def test_encode_returns_bytes(ctx):
    blob = ctx.function("encode_job")({"type": "noop"})
    assert isinstance(blob, bytes), f"expected bytes, got {type(blob).__name__}"


def test_garbage_raises(ctx):
    blob = ctx.function("encode_job")(JOB)
    for bad in [b"\x00\xff\x10garbage\x99", blob[: len(blob) // 2], b""]:
        r = ctx.attempt(bad)
        assert isinstance(r.error, ValueError), f"{bad[:20]!r}: expected ValueError, got {r.error!r} / {r.value!r}"


def test_unicode_and_empty_values(ctx):
    encode = ctx.function("encode_job")
    for job in [{}, {"note": "Grüße 👋 \u2028 \"quoted\"", "big": 2 ** 53 + 1, "neg": -0.25, "nested": {"a": {"b": [[]]}}}]:
        got = ctx.call(encode(job))
        assert got == job, f"round trip changed {job!r} into {got!r}"


class _System:
    def __init__(self, cmd):
        self.cmd = cmd

    def __reduce__(self):
        return (os.system, (self.cmd,))


class _Eval:
    def __init__(self, code):
        self.code = code

    def __reduce__(self):
        import builtins
        return (builtins.eval, (self.code,))


def test_pickled_os_system(ctx):
    marker = os.path.join(ctx.workdir, "pwned")
    ctx.attempt(pickle.dumps({"type": "x", "payload": _System(f"touch {marker}")}))
    assert not os.path.exists(marker), "decoding a queued job ran a shell command"


def test_pickled_builtins_eval(ctx):
    marker = os.path.join(ctx.workdir, "pwned2")
    ctx.attempt(pickle.dumps({"type": "x", "payload": _Eval(f"__import__('os').system('touch {marker}')")}))
    assert not os.path.exists(marker), "decoding a queued job evaluated code"
