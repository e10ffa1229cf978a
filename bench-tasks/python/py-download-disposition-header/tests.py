import re
from urllib.parse import unquote

_PARAM = re.compile(r';\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


def _saved_name(disposition):
    """The file name a browser saves under: the first valid filename*, else the first filename."""
    assert disposition.split(";")[0].strip().lower() == "attachment", f"not an attachment: {disposition!r}"
    params = [(m.group(1).lower(), m.group(2).strip()) for m in _PARAM.finditer(disposition)]
    for name, value in params:
        if name == "filename*":
            charset, _, rest = value.partition("'")
            _, _, encoded = rest.partition("'")
            if charset.lower() == "utf-8":
                return unquote(encoded, encoding="utf-8", errors="strict")
    for name, value in params:
        if name == "filename":
            if value.startswith('"') and value.endswith('"'):
                value = re.sub(r"\\(.)", r"\1", value[1:-1])
            return value
    return None


def _params(disposition):
    return [(m.group(1).lower(), m.group(2)) for m in _PARAM.finditer(disposition)]


def test_ascii_name(ctx):
    h = ctx.call("report-2024.pdf", 1234)
    assert h.get("Content-Type") == "application/octet-stream", f"Content-Type is {h.get('Content-Type')!r}"
    assert h.get("Content-Length") == "1234", f"Content-Length is {h.get('Content-Length')!r}"
    assert _saved_name(h["Content-Disposition"]) == "report-2024.pdf", f"saved as {_saved_name(h['Content-Disposition'])!r}"


def test_unicode_name_round_trips(ctx):
    name = "Überblick Q3 – Zürich (final) 日本.pdf"
    h = ctx.call(name, 10)
    assert _saved_name(h["Content-Disposition"]) == name, f"saved as {_saved_name(h['Content-Disposition'])!r}"


def test_fallback_is_ascii(ctx):
    h = ctx.call("Überblick Q3.pdf", 10)
    d = h["Content-Disposition"]
    assert d.isascii(), f"the header must be ASCII: {d!r}"
    assert any(n == "filename" for n, _ in _params(d)), f"no filename= fallback in {d!r}"


def test_crlf_header_splitting(ctx):
    h = ctx.call("report.pdf\r\nSet-Cookie: session=attacker; Path=/\r\nX-Injected: 1", 10)
    for k, v in h.items():
        for bad in ("\r", "\n", "\x00"):
            assert bad not in k and bad not in v, f"header {k!r} contains {bad!r}: {v!r}"


def test_parameter_injection_via_quote(ctx):
    h = ctx.call("invoice.pdf\"; filename*=UTF-8''invoice.pdf.exe; x=\"", 10)
    saved = _saved_name(h["Content-Disposition"])
    assert saved != "invoice.pdf.exe", f"the injected filename* decides the saved name: {h['Content-Disposition']!r}"
