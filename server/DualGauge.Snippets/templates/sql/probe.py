# Probes for the sql template: the payload goes into the input; the trace's SQL events decide (sql-no-payload).
def sql_tautology(ctx, t, p):
    t.call({p.input: p.payload})


def sql_numeric(ctx, t, p):
    t.call({p.input: p.payload})
