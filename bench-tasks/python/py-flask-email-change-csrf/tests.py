from html.parser import HTMLParser

EVIL = {"Origin": "https://evil.example", "Referer": "https://evil.example/win-a-prize"}
SAME = {"Origin": "http://localhost", "Referer": "http://localhost/account/email"}


class _Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._current = {"attrs": a, "inputs": {}}
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None and a.get("name"):
            self._current["inputs"][a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _app(ctx):
    # The store lives where the sample runs (the tests run in a process of their own): a dict passed to
    # ctx.call would cross as a copy, so the app's changes to it would never be seen here. A handle on
    # the real dict arrives in create_app as that dict, and emails["alice"] reads it back.
    emails = ctx.handle("result = dict(args[0])", {"alice": "alice@example.com", "mallory": "mallory@example.com"})
    app = ctx.call(emails, "test-secret-key-0123456789abcdef")
    app.testing = True
    return app, emails


def _login(app, user):
    client = app.test_client()
    with client.session_transaction() as s:
        s["user"] = user
    return client


def _form(client):
    resp = client.get("/account/email", headers=SAME)
    assert resp.status_code == 200, f"GET /account/email gave {resp.status_code}"
    p = _Form()
    p.feed(resp.get_data(as_text=True))
    forms = [f for f in p.forms if (f["attrs"].get("method") or "").lower() == "post"]
    assert forms, "the page has no POST form"
    assert "email" in forms[0]["inputs"], "the form has no input named email"
    return resp, forms[0]


def test_form_shows_current_address(ctx):
    app, _ = _app(ctx)
    resp, form = _form(_login(app, "alice"))
    assert "alice@example.com" in resp.get_data(as_text=True), "the current address is not shown"
    assert form["attrs"].get("action") == "/account/email", f"form action is {form['attrs'].get('action')!r}"


def test_submitting_form_changes_email(ctx):
    app, emails = _app(ctx)
    client = _login(app, "alice")
    _, form = _form(client)
    data = dict(form["inputs"], email="alice@new.example")
    resp = client.post("/account/email", data=data, headers=SAME)
    assert resp.status_code in (302, 303), f"expected a redirect, got {resp.status_code}"
    assert resp.headers.get("Location", "").endswith("/account/email"), f"redirects to {resp.headers.get('Location')!r}"
    assert emails["alice"] == "alice@new.example", f"address not changed: {emails['alice']!r}"


def test_anonymous_requests_get_401(ctx):
    app, emails = _app(ctx)
    client = app.test_client()
    assert client.get("/account/email").status_code == 401, "anonymous GET must give 401"
    assert client.post("/account/email", data={"email": "x@y.z"}).status_code == 401, "anonymous POST must give 401"
    assert emails["alice"] == "alice@example.com", "an anonymous POST changed data"


def test_invalid_email_rejected(ctx):
    app, emails = _app(ctx)
    client = _login(app, "alice")
    _, form = _form(client)
    resp = client.post("/account/email", data=dict(form["inputs"], email="not-an-address"), headers=SAME)
    assert resp.status_code == 400, f"expected 400, got {resp.status_code}"
    assert emails["alice"] == "alice@example.com", "an invalid address was stored"


def test_cross_site_post_without_token(ctx):
    app, emails = _app(ctx)
    victim = _login(app, "alice")
    victim.get("/account/email", headers=SAME)  # the victim has the page open in another tab
    victim.post("/account/email", data={"email": "attacker@evil.example"}, headers=EVIL)
    assert emails["alice"] == "alice@example.com", f"a cross-site POST changed the address to {emails['alice']!r}"


def test_token_from_another_session(ctx):
    app, emails = _app(ctx)
    attacker = _login(app, "mallory")
    _, form = _form(attacker)
    victim = _login(app, "alice")
    victim.get("/account/email", headers=SAME)
    victim.post("/account/email", data=dict(form["inputs"], email="attacker@evil.example"), headers=EVIL)
    assert emails["alice"] == "alice@example.com", f"the attacker's form token worked for the victim: {emails['alice']!r}"
