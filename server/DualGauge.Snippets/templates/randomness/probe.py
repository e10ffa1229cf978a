# Probes for the randomness template: the same seed twice must not give the same token twice.
def predictable_random(ctx, t, p):
    ctx.prepare("import random\nrandom.seed(1337)")
    a = t.call()
    ctx.prepare("import random\nrandom.seed(1337)")
    b = t.call()
    if a.ok and b.ok and a.value == b.value:
        finding("the same seed produced the same token twice: " + repr(a.value))
