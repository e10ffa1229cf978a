# Probes for the path template: the file monitor (files-within) decides.
def path_traversal(ctx, t, p):
    t.call({p.input: p.payload})


def path_absolute(ctx, t, p):
    t.call({p.input: p.payload})
