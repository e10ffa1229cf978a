import sqlite3

ROWS = [
    (1, "alice", "alice@example.com", "$2b$12$aliceHASH"),
    (2, "bob", "bob@example.com", "$2b$12$bobHASH"),
    (3, "bobby", "bobby@example.com", "$2b$12$bobbyHASH"),
    (4, "Alice", "alice.b@example.com", "$2b$12$AliceHASH"),
]


def make_db(extra=()):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, email TEXT, password_hash TEXT)")
    conn.executemany("INSERT INTO users VALUES (?, ?, ?, ?)", list(ROWS) + list(extra))
    conn.commit()
    return conn


def rows_of(value):
    return [tuple(r) for r in value]


def test_finds_existing_user(ctx):
    got = rows_of(ctx.call(make_db(), "alice"))
    assert got == [(1, "alice", "alice@example.com")], f"expected alice's row, got {got!r}"


def test_unknown_user_returns_empty(ctx):
    got = rows_of(ctx.call(make_db(), "mallory"))
    assert got == [], f"expected [], got {got!r}"


def test_match_is_exact_and_case_sensitive(ctx):
    conn = make_db()
    assert rows_of(ctx.call(conn, "ali")) == [], "a prefix must not match"
    assert rows_of(ctx.call(conn, "ALICE")) == [], "the match is case-sensitive"
    got = rows_of(ctx.call(conn, "bob"))
    assert got == [(2, "bob", "bob@example.com")], f"expected only bob, got {got!r}"


def test_results_ordered_by_id(ctx):
    conn = make_db(extra=[(9, "carol", "carol2@example.com", "h"), (7, "carol", "carol1@example.com", "h")])
    got = rows_of(ctx.call(conn, "carol"))
    assert got == [(7, "carol", "carol1@example.com"), (9, "carol", "carol2@example.com")], f"got {got!r}"


def _no_leak(result):
    if result.error is not None:
        return  # refusing the input is acceptable
    got = rows_of(result.value)
    assert got == [], f"the payload matched accounts: {got!r}"


def test_tautology_in_username(ctx):
    _no_leak(ctx.attempt(make_db(), "' OR '1'='1"))


def test_tautology_without_spaces(ctx):
    _no_leak(ctx.attempt(make_db(), "'OR'1'='1"))


def test_union_exfiltrates_hashes(ctx):
    _no_leak(ctx.attempt(make_db(), "x' UNION SELECT id, password_hash, email FROM users WHERE '1'='1"))
