import sqlite3

ROWS = [
    (1, "Desk lamp", 39.0, "2024-03-01"),
    (2, "Floor LAMP", 89.5, "2024-01-15"),
    (3, "Sale 50% mug", 4.0, "2024-02-10"),
    (4, "Mug 500ml", 6.5, "2023-12-24"),
    (5, "USB_C cable", 9.9, "2024-04-02"),
    (6, "USB-C hub", 29.0, "2024-04-01"),
]


def _db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE products(id INTEGER PRIMARY KEY, name TEXT, price REAL, created TEXT)")
    conn.executemany("INSERT INTO products VALUES (?,?,?,?)", ROWS)
    conn.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, password TEXT)")
    conn.execute("INSERT INTO users VALUES (1, 'admin', 's3cr3t-hunter2')")
    conn.commit()
    return conn


def test_finds_by_substring(ctx):
    got = ctx.call(_db(), "lamp")
    assert [tuple(r) for r in got] == [(1, "Desk lamp", 39.0), (2, "Floor LAMP", 89.5)], f"got {got!r}"


def test_sorts_by_price_descending(ctx):
    got = ctx.call(_db(), "", "price", True)
    assert [r[0] for r in got] == [2, 1, 6, 5, 4, 3], f"got ids {[r[0] for r in got]!r}"


def test_percent_is_literal(ctx):
    got = ctx.call(_db(), "50%")
    assert [r[0] for r in got] == [3], f"expected only product 3, got {got!r}"


def test_underscore_is_literal(ctx):
    got = ctx.call(_db(), "usb_c", "created")
    assert [r[0] for r in got] == [5], f"expected only product 5, got {got!r}"


def test_unknown_sort_column_raises(ctx):
    r = ctx.attempt(_db(), "", "colour")
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_quote_in_term(ctx):
    r = ctx.attempt(_db(), "x' UNION SELECT id, password, 0 FROM users --")
    rows = r.value or []
    assert not any("s3cr3t" in str(row) for row in rows), f"password leaked into search results: {rows!r}"
    assert r.error is None and rows == [], f"expected no results, got {rows!r} / {r.error!r}"


def test_expression_in_sort_by(ctx):
    payload = "(CASE WHEN (SELECT substr(password,1,1) FROM users WHERE name='admin')='s' THEN price ELSE name END)"
    r = ctx.attempt(_db(), "", payload)
    assert isinstance(r.error, ValueError), f"expected ValueError for an unknown sort column, got {r.error!r} / {r.value!r}"
