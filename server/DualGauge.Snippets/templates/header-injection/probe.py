# Probes for the header-injection template: the header bytes the function produced decide.
# A response the framework built (werkzeug and Django refuse CR/LF in a header value: the call raises, which is
# the code resisting), a header mapping or list a helper returned, or header text it returned.
_HEADER_NAME = re.compile(r"^(location|set-cookie|content-[\w-]+|cache-control|link|refresh|www-authenticate|x-[\w-]+"
                          r"|access-control-[\w-]+|vary|etag|expires|pragma|retry-after|status)$", re.I)
_FORGED = re.compile(r"(\r\n|\r|\n)X-Injected:", re.I)


def _header_pairs(value):
    """(name, value) pairs the result carries as headers: every header of a response, the header-named keys of a
    mapping, a WSGI-style list of (name, value) pairs."""
    if isinstance(value, dict) and isinstance(value.get("headers"), list) and "status" in value:
        return [(str(k), str(v)) for k, v in value["headers"]], True
    pairs = []
    if isinstance(value, (list, tuple)) and value and all(isinstance(x, (list, tuple)) and len(x) == 2 and isinstance(x[0], str) for x in value):
        pairs = [(x[0], str(x[1])) for x in value]
    elif isinstance(value, (list, tuple)):
        for v in value:
            inner, _ = _header_pairs(v)
            pairs.extend(inner)
    elif isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list, tuple)):
                inner, _ = _header_pairs(v)
                pairs.extend(inner)
            elif isinstance(v, (str, bytes)):
                pairs.append((str(k), v.decode("latin-1") if isinstance(v, bytes) else v))
    return [(k, v) for k, v in pairs if _HEADER_NAME.match(k.strip())], False


def _split(value):
    pairs, response = _header_pairs(value)
    for k, v in pairs:
        if k.strip().lower() == "x-injected":
            return f"the response carries a forged header {k}: {v}"
        if "\r" in v or "\n" in v:
            return f"the {k} header value holds a line break from the input: {v!r}"
    if isinstance(value, (str, bytes)):
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        if _FORGED.search(text):
            return f"the header text returned starts a forged header line: {text[:160]!r}"
    return None


def _header_probe(ctx, t, p):
    # Every text input carries the payload (whichever reaches a header shows it); request headers and cookies
    # refuse a line break before any code runs, so they keep their benign values unless the probe chose one.
    overrides = {q.name: p.payload for q in t.params if q.role in ("text", "url", "file-path") and q.where not in ("env", "headers", "cookies", "init")}
    overrides[p.input] = p.payload
    r = t.call(overrides)
    if not r.ok:
        return  # refused: the function, or the framework it hands the header to, raised on the line break
    why = _split(r.value)
    if why:
        finding(why)


def header_crlf(ctx, t, p):
    _header_probe(ctx, t, p)


def header_lf_only(ctx, t, p):
    _header_probe(ctx, t, p)
