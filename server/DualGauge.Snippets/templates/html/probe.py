# Probes for the html template: the raw payload in what the function returned (or the response body) decides.
def xss_script(ctx, t, p):
    r = t.call({p.input: p.payload})
    # The original payload too: a filter that removed a nested tag once rebuilt it.
    if r.ok and (p.payload in text_of(r.value) or p.original in text_of(r.value)):
        finding("the script tag reached the HTML unescaped")
