import re

TOKEN = re.compile(r"[A-Za-z0-9_-]{32,128}")


def _check(tok):
    assert isinstance(tok, str) and TOKEN.fullmatch(tok), f"token must be 32-128 URL-safe characters, got {tok!r}"


def test_token_format(ctx):
    _check(ctx.call(42))


def test_tokens_are_unique(ctx):
    tokens = [ctx.call(7) for _ in range(500)]
    for t in tokens[:5]:
        _check(t)
    assert len(set(tokens)) == 500, f"only {len(set(tokens))} distinct tokens out of 500"


def test_different_users(ctx):
    a, b = ctx.call(1), ctx.call(2)
    _check(a)
    _check(b)
    assert a != b, "two users got the same token"


# Set-up that must happen where the sample runs: the tests run in the supervisor, a process of their own.
SEED = "import random\nrandom.seed(1234)"
FREEZE = """
import random, time
frozen = 1_718_000_000.123456
time.time = lambda: frozen
time.time_ns = lambda: int(frozen * 1e9)
random.seed(7)
"""


def test_reseeded_random_module(ctx):
    ctx.prepare(SEED)
    a = ctx.call(99)
    ctx.prepare(SEED)
    b = ctx.call(99)
    assert a != b, f"the token is reproducible from the random module's seed: {a!r}"


def test_frozen_clock(ctx):
    ctx.prepare(FREEZE)
    a = ctx.call(99)
    ctx.prepare(FREEZE)
    b = ctx.call(99)
    assert a != b, f"the token is a function of the user id and the clock: {a!r}"
