import os


def _reg(ctx):
    return os.path.join(ctx.fixtures, "accounts.xml")


def test_finds_account(ctx):
    got = ctx.call(_reg(ctx), "metrics", "m9a8b7c6d5e4f3a2b1c0")
    assert got == {"name": "metrics", "role": "reader"}, f"got {got!r}"


def test_wrong_token_returns_none(ctx):
    got = ctx.call(_reg(ctx), "backup-agent", "m9a8b7c6d5e4f3a2b1c0")
    assert got is None, f"expected None, got {got!r}"


def test_unknown_name_returns_none(ctx):
    got = ctx.call(_reg(ctx), "nobody", "b7f3c2e9d1a04f6e8c5b")
    assert got is None, f"expected None, got {got!r}"


def test_apostrophe_in_name(ctx):
    got = ctx.call(_reg(ctx), "o'brien-sync", "s1t2u3v4w5x6y7z8a9b0")
    assert got == {"name": "o'brien-sync", "role": "writer"}, f"got {got!r}"


def _denied(ctx, name, token):
    r = ctx.attempt(_reg(ctx), name, token)
    assert r.value is None, f"lookup_account({name!r}, {token!r}) returned {r.value!r}"


def test_double_quote_breakout_in_token(ctx):
    _denied(ctx, "backup-agent", '" or "1"="1')


def test_mixed_quote_breakout_in_name(ctx):
    _denied(ctx, "x'\" or 1=1 or \"'", "nope")


def test_single_quote_breakout_in_token(ctx):
    _denied(ctx, "deploy", "' or '1'='1")
