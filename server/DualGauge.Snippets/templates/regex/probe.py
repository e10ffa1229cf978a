# Probes for the regex template: the duration oracle (max-duration) decides.
def redos_letters(ctx, t, p):
    t.call({p.input: p.payload})


def redos_digits(ctx, t, p):
    t.call({p.input: p.payload})
