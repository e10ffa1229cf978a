# Probes for the code-eval template: the code monitor (no-code-eval) decides.
def eval_injection(ctx, t, p):
    t.call({p.input: p.payload})
