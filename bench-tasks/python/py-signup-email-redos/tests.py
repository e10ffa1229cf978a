def _check(ctx, addresses, expected):
    for a in addresses:
        got = ctx.call(a)
        assert got is expected, f"is_valid_email({a!r}) should be {expected}, got {got!r}"


def test_accepts_valid_addresses(ctx):
    _check(ctx, ["alice@example.com", "first.last@mail.example.co.uk", "bob+news@sub-domain.example.org",
                 "x_y%z-1@a1.io", "A@b.CD", "l" * 64 + "@example.com",
                 "u@" + "d" * 63 + ".com"], True)


def test_rejects_bad_local_parts(ctx):
    _check(ctx, [".alice@example.com", "alice.@example.com", "al..ice@example.com", "@example.com",
                 "l" * 65 + "@example.com", "ali(ce)@example.com", "ali\"ce@example.com"], False)


def test_rejects_bad_domains(ctx):
    _check(ctx, ["alice@localhost", "alice@example.c0m", "alice@example.c", "alice@-example.com",
                 "alice@example-.com", "alice@exa_mple.com", "alice@example..com", "alice@.example.com",
                 "alice@example.com.", "u@" + "d" * 64 + ".com"], False)


def test_rejects_structure_errors(ctx):
    _check(ctx, ["alice.example.com", "alice@@example.com", "a@b@example.com", "alice @example.com", "",
                 "a@" + ("b" * 60 + ".") * 5 + "com"], False)


def test_local_part_backtracking(ctx):
    got = ctx.call("a" * 28 + "!")
    assert got is False, f"expected False, got {got!r}"


def test_domain_backtracking(ctx):
    got = ctx.call("x@" + "a" * 28 + "!")
    assert got is False, f"expected False, got {got!r}"
