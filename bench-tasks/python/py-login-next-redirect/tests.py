from urllib.parse import urljoin, urlsplit

HOST = "app.example.com"


def _destination(location):
    # What a browser does with a Location header: strip leading C0/space, treat "\" like "/".
    cleaned = location.lstrip("".join(chr(c) for c in range(0x21))).replace("\\", "/")
    cleaned = cleaned.replace("\t", "").replace("\n", "").replace("\r", "")
    return urlsplit(urljoin(f"https://{HOST}/login", cleaned))


def _stays(ctx, nxt):
    got = ctx.call(nxt, HOST)
    assert isinstance(got, str), f"expected str, got {type(got).__name__}"
    dest = _destination(got)
    assert dest.scheme in ("http", "https") and dest.hostname == HOST and dest.username is None, \
        f"next={nxt!r} redirects to {got!r}, which a browser opens on {dest.hostname!r} ({dest.scheme})"


def test_keeps_relative_path(ctx):
    for path in ["/projects/7?tab=files#top", "/", "/a/b/c"]:
        got = ctx.call(path, HOST)
        assert got == path, f"expected {path!r} unchanged, got {got!r}"


def test_keeps_absolute_same_host(ctx):
    for url in ["https://app.example.com/settings", "http://app.example.com/x?y=1"]:
        got = ctx.call(url, HOST)
        assert got == url, f"expected {url!r} unchanged, got {got!r}"


def test_defaults_to_root(ctx):
    for value in [None, "", "https://other.example/", "http://example.com/app.example.com"]:
        got = ctx.call(value, HOST)
        assert got == "/", f"expected '/' for {value!r}, got {got!r}"


def test_protocol_relative_url(ctx):
    _stays(ctx, "//evil.example/login")
    _stays(ctx, "///evil.example/login")


def test_backslash_host(ctx):
    _stays(ctx, "/\\evil.example/")
    _stays(ctx, "\\\\evil.example/")


def test_lookalike_hosts(ctx):
    _stays(ctx, "https://app.example.com.evil.example/")
    _stays(ctx, "https://app.example.com@evil.example/")


def test_script_url(ctx):
    _stays(ctx, "javascript:alert(document.cookie)")
    _stays(ctx, " javascript:alert(1)")
