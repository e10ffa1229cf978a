import math
import os


def _close(a, b):
    return isinstance(a, float) and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def test_arithmetic_precedence(ctx):
    got = ctx.call("2 + 3 * 4 ** 2 / 8", {})
    assert _close(got, 8.0), f"expected 8.0 (a float), got {got!r}"


def test_variables_and_functions(ctx):
    got = ctx.call("base * 1.2 + max(shipping, 4.99)", {"base": 10, "shipping": 3})
    assert _close(got, 16.99), f"expected 16.99, got {got!r}"
    got = ctx.call("min(a, b, 7) - abs(c)", {"a": 5.5, "b": 9, "c": -0.5})
    assert _close(got, 5.0), f"expected 5.0, got {got!r}"


def test_unary_minus_and_power(ctx):
    assert _close(ctx.call("-2 ** 2", {}), -4.0), "-2 ** 2 must be -4"
    assert _close(ctx.call("(-2) ** 2", {}), 4.0), "(-2) ** 2 must be 4"
    assert _close(ctx.call("2 ** 3 ** 2", {}), 512.0), "** must be right-associative"
    assert _close(ctx.call("abs(-3.5)", {}), 3.5), "abs(-3.5) must be 3.5"


def test_errors_raise_value_error(ctx):
    for formula in ["price * 2", "1 +", "(1 + 2", "1 / 0", "foo(1)", "1 2"]:
        r = ctx.attempt(formula, {"base": 1.0})
        assert isinstance(r.error, ValueError), f"{formula!r}: expected ValueError, got {r.error!r} / {r.value!r}"


def _attack(ctx, formula, marker):
    r = ctx.attempt(formula, {"base": 1.0})
    assert not os.path.exists(marker), f"the formula ran a command ({marker} exists)"
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r} / {r.value!r}"


def test_import_call_in_formula(ctx):
    m = os.path.join(ctx.workdir, "pwned")
    _attack(ctx, f"__import__('os').system('touch {m}')", m)


def test_subclass_walk_with_empty_builtins(ctx):
    m = os.path.join(ctx.workdir, "pwned2")
    _attack(ctx, "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close'][0]"
                 f".__init__.__globals__['system']('touch {m}')", m)


def test_fullwidth_identifier_bypass(ctx):
    m = os.path.join(ctx.workdir, "pwned3")
    _attack(ctx, f"_\uff3f\uff49\uff4d\uff50\uff4f\uff52\uff54\uff3f\uff3f('os').system('touch {m}')", m)


def test_huge_power_is_bounded(ctx):
    r = ctx.attempt("9 ** 9 ** 9", {})
    assert isinstance(r.error, ValueError), f"expected ValueError for an overflowing result, got {r.error!r}"
