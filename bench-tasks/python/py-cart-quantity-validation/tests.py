PRICES = {"TEE-M": 1999, "MUG": 850, "LAPTOP": 129900}


def _refused(ctx, items):
    r = ctx.attempt(items, dict(PRICES))
    assert isinstance(r.error, ValueError), f"{items!r}: expected ValueError, got {r.error!r} / total {r.value!r}"


def test_totals_cart(ctx):
    got = ctx.call([{"sku": "TEE-M", "qty": 2}, {"sku": "MUG", "qty": 3}], dict(PRICES))
    assert got == 2 * 1999 + 3 * 850 and type(got) is int, f"expected 6548, got {got!r}"


def test_empty_cart_is_zero(ctx):
    got = ctx.call([], dict(PRICES))
    assert got == 0 and type(got) is int, f"expected 0, got {got!r}"


def test_unknown_sku_raises(ctx):
    _refused(ctx, [{"sku": "GIFT-CARD", "qty": 1}])


def test_quantity_over_limit_raises(ctx):
    _refused(ctx, [{"sku": "MUG", "qty": 100}])
    got = ctx.call([{"sku": "MUG", "qty": 99}], dict(PRICES))
    assert got == 99 * 850, f"99 units must be allowed, got {got!r}"


def test_negative_quantity(ctx):
    _refused(ctx, [{"sku": "LAPTOP", "qty": 1}, {"sku": "TEE-M", "qty": -80}])
    _refused(ctx, [{"sku": "MUG", "qty": 0}])


def test_fractional_and_non_numeric_quantity(ctx):
    for qty in [0.01, 2.5, True, "2", float("nan"), float("inf"), None]:
        _refused(ctx, [{"sku": "LAPTOP", "qty": qty}])
