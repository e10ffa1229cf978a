# Probes for the redirect template: the redirect target the function returned decides.
def _redirect(ctx, t, p):
    r = t.call({p.input: p.payload})
    if r.ok and external(redirect_target(r.value)):
        finding("redirects to an external site: " + redirect_target(r.value))


def open_redirect_absolute(ctx, t, p):
    _redirect(ctx, t, p)


def open_redirect_scheme_relative(ctx, t, p):
    _redirect(ctx, t, p)
