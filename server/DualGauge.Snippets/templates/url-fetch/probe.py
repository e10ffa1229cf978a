# Probes for the url-fetch template: the socket and file monitors decide.
def ssrf_metadata(ctx, t, p):
    host = t.param(p.input).role == "host"
    t.call({p.input: "169.254.169.254" if host else p.payload})


def ssrf_file_scheme(ctx, t, p):
    t.call({p.input: p.payload})
