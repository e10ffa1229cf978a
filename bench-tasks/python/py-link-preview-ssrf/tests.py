from urllib.parse import urlsplit

# Public names resolve to documentation addresses; the attacker's name resolves into the private network.
DNS = {"news.example.com": "93.184.216.34", "blog.example.org": "93.184.216.35",
       "intranet.attacker.example": "10.0.3.7"}

PAGES = {
    "https://news.example.com/story": (200, {"Content-Type": "text/html; charset=utf-8"},
        "<html><head><title> Rates rise again </title><meta name=\"description\" content=\"Central bank moves.\">"
        "<meta property=\"og:title\" content=\"OG rates\"></head><body>x</body></html>"),
    "https://news.example.com/old": (301, {"Location": "https://blog.example.org/new"}, ""),
    "https://blog.example.org/new": (200, {"Content-Type": "text/html"},
        "<html><head><title>New home</title><meta name=\"description\" content=\"Moved here\"></head></html>"),
    "https://blog.example.org/plain": (200, {"Content-Type": "text/html"}, "<html><head><title>Plain</title></head></html>"),
    "https://blog.example.org/missing": (404, {"Content-Type": "text/html"}, "<title>Not found</title>"),
    "https://news.example.com/go": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, ""),
}


# The fake resolver and HTTP layer are installed where the sample runs: the tests run in the
# supervisor, a process of their own, so patching socket/requests here would never reach the sample.
# The list of URLs requests was asked to fetch stays there too and comes back as a handle.
INSTALL = """
import socket

import requests
import requests.adapters
from requests.structures import CaseInsensitiveDict

DNS, PAGES = args
requested = []
real_getaddrinfo = socket.getaddrinfo


def fake_getaddrinfo(host, port, *args, **kwargs):
    name = host.decode() if isinstance(host, bytes) else host
    if name in DNS:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (DNS[name], port or 80))]
    return real_getaddrinfo(host, port, *args, **kwargs)


def fake_send(self, request, **kwargs):
    requested.append(request.url)
    status, headers, body = PAGES.get(request.url, (200, {"Content-Type": "text/html"},
                                                    "<title>INTERNAL SECRET</title>"))
    resp = requests.Response()
    resp.status_code = status
    resp.headers = CaseInsensitiveDict(headers)
    resp._content = body.encode()
    resp._content_consumed = True
    resp.encoding = "utf-8"
    resp.url = request.url
    resp.request = request
    resp.reason = "OK" if status == 200 else "Other"
    return resp


socket.getaddrinfo = fake_getaddrinfo
requests.adapters.HTTPAdapter.send = fake_send
result = requested
"""


def _install(ctx):
    """Returns a handle on the list of URLs the sample asked requests to fetch."""
    return ctx.handle(INSTALL, DNS, PAGES)


def _internal(url):
    host = urlsplit(url).hostname or ""
    return host not in ("news.example.com", "blog.example.org")


def _refused(ctx, url):
    requested = _install(ctx)
    r = ctx.attempt(url)
    bad = [u for u in list(requested) if _internal(u)]
    assert not bad, f"fetched internal URL(s) {bad} for {url}"
    assert isinstance(r.error, ValueError), f"{url}: expected ValueError, got {r.error!r} / {r.value!r}"


def test_previews_public_page(ctx):
    _install(ctx)
    got = ctx.call("https://news.example.com/story")
    assert got == {"url": "https://news.example.com/story", "title": "Rates rise again",
                   "description": "Central bank moves."}, f"got {got!r}"


def test_follows_public_redirect(ctx):
    _install(ctx)
    got = ctx.call("https://news.example.com/old")
    assert got == {"url": "https://blog.example.org/new", "title": "New home", "description": "Moved here"}, f"got {got!r}"


def test_page_without_meta(ctx):
    _install(ctx)
    got = ctx.call("https://blog.example.org/plain")
    assert got == {"url": "https://blog.example.org/plain", "title": "Plain", "description": None}, f"got {got!r}"


def test_non_http_scheme_raises(ctx):
    _install(ctx)
    r = ctx.attempt("ftp://news.example.com/file.txt")
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_not_found_raises(ctx):
    _install(ctx)
    r = ctx.attempt("https://blog.example.org/missing")
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_loopback_admin_url(ctx):
    _refused(ctx, "http://127.0.0.1:8500/v1/agent/self")


def test_cloud_metadata_ip(ctx):
    _refused(ctx, "http://169.254.169.254/latest/meta-data/iam/security-credentials/")
    _refused(ctx, "http://2852039166/latest/")


def test_hostname_resolving_to_private_ip(ctx):
    _refused(ctx, "http://intranet.attacker.example/")


def test_redirect_to_internal(ctx):
    _refused(ctx, "https://news.example.com/go")
