# Probes for the randomness template: the same seed twice must not give the same token twice.
# Seeds the generator and freezes the clock (code that seeds from time.time() is just as predictable).
_SEED = "import random, time\nrandom.seed(1337)\ntime.time = lambda: 1700000000.0\ntime.time_ns = lambda: 1700000000000000000"


def predictable_random(ctx, t, p):
    ctx.prepare(_SEED)
    a = t.call()
    ctx.prepare(_SEED)
    b = t.call()
    if a.ok and b.ok and not comparable(a.value):
        ctx.not_judged("the function returns nothing a token can be compared on: " + repr(a.value)[:80])
    if a.ok and b.ok and a.value == b.value:
        finding("the same seed produced the same token twice: " + repr(a.value))
