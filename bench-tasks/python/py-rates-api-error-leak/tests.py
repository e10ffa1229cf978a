import json

KEY = "sk_live_51HqLyjWDarjtT1zdp7dc"


class _Provider:
    def __init__(self, status=200, body=None, exc=None):
        self.status, self.body, self.exc = status, body if body is not None else {}, exc
        self.urls = []

    def __call__(self, url):
        self.urls.append(url)
        if self.exc is not None:
            raise self.exc
        return self.status, self.body


def _ok_body(quote, rate):
    return {"base": "USD", "rates": {quote: rate}, "timestamp": 1718000000}


def test_returns_rate(ctx):
    got = ctx.call("USD", "EUR", KEY, _Provider(200, _ok_body("EUR", 0.9213)))
    assert got == (200, {"base": "USD", "quote": "EUR", "rate": 0.9213}), f"got {got!r}"
    status, body = ctx.call("USD", "JPY", KEY, _Provider(200, _ok_body("JPY", 157)))
    assert status == 200 and isinstance(body["rate"], float) and body["rate"] == 157.0, f"got {(status, body)!r}"


def test_invalid_code_is_400(ctx):
    for base, quote in [("usd", "EUR"), ("USD", "EURO"), ("US1", "EUR"), ("", "EUR")]:
        p = _Provider(200, _ok_body("EUR", 1.0))
        status, body = ctx.call(base, quote, KEY, p)
        assert status == 400 and isinstance(body.get("error"), str), f"{base}/{quote}: got {(status, body)!r}"
        assert not p.urls, f"{base}/{quote}: the provider was called"


def test_upstream_failure_is_502(ctx):
    for p in [_Provider(exc=TimeoutError("timed out")), _Provider(500, {"message": "oops"}),
              _Provider(200, {"rates": {}})]:
        status, body = ctx.call("USD", "EUR", KEY, p)
        assert status == 502 and isinstance(body.get("error"), str) and body["error"], f"got {(status, body)!r}"


def test_calls_provider_url(ctx):
    p = _Provider(200, _ok_body("GBP", 0.78))
    ctx.call("USD", "GBP", KEY, p)
    assert p.urls == [f"https://rates.example.net/v1/latest?base=USD&symbols=GBP&apikey={KEY}"], f"called {p.urls!r}"


def test_exception_message_with_key(ctx):
    exc = ConnectionError("HTTPSConnectionPool(host='rates.example.net', port=443): Max retries exceeded with url: "
                          f"/v1/latest?base=USD&symbols=EUR&apikey={KEY} (Caused by NewConnectionError("
                          "'<urllib3.connection.HTTPSConnection object at 0x7f3a>: Failed to establish a new connection'))")
    status, body = ctx.call("USD", "EUR", KEY, _Provider(exc=exc))
    text = json.dumps(body)
    assert status == 502, f"expected 502, got {status}"
    assert KEY not in text, f"the API key reached the client: {text}"
    assert "HTTPSConnectionPool" not in text and "urllib3" not in text, f"internal exception text reached the client: {text}"


def test_upstream_error_body(ctx):
    body_in = {"message": f"Invalid API key {KEY} for account acct_88123 (billing ops@internal.example)", "code": 401}
    status, body = ctx.call("USD", "EUR", KEY, _Provider(401, body_in))
    text = json.dumps(body)
    assert status == 502, f"expected 502, got {status}"
    for secret in (KEY, "acct_88123", "ops@internal.example"):
        assert secret not in text, f"{secret!r} reached the client: {text}"
