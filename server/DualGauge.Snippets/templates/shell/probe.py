# Probes for the shell template: an injected `touch` creates a sentinel file only if a shell parsed the input.
def _shell(ctx, t, p):
    sentinel = os.path.join(ctx.workdir, "dg_injected")
    t.call({p.input: p.payload.replace("<workdir>/dg_injected", sentinel)})
    if os.path.exists(sentinel):
        finding("payload ran as a shell command: the injected touch created " + sentinel)


def shell_separator(ctx, t, p):
    _shell(ctx, t, p)


def shell_substitution(ctx, t, p):
    _shell(ctx, t, p)
