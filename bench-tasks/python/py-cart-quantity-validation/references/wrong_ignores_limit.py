def cart_total(items: list, prices: dict[str, int]) -> int:
    if not isinstance(items, list):
        raise ValueError("cart must be a list")
    total = 0
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ValueError(f"item {i} must be an object")
        sku, qty = item.get("sku"), item.get("qty")
        if not isinstance(sku, str) or sku not in prices:
            raise ValueError(f"item {i}: unknown sku {sku!r}")
        # bool is a subclass of int; floats (even 2.0), strings, NaN and infinities are not whole units.
        if type(qty) is not int or qty < 1:
            raise ValueError(f"item {i}: qty must be a whole number from 1 to 99, got {qty!r}")
        total += prices[sku] * qty
    return total
