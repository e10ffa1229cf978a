def cart_total(items: list, prices: dict[str, int]) -> int:
    total = 0
    for item in items:
        sku, qty = item.get("sku"), item.get("qty")
        if sku not in prices:
            raise ValueError(f"unknown sku {sku}")
        if not isinstance(qty, (int, float)):
            raise ValueError("qty must be a number")
        if qty < 1 or qty > 99:
            raise ValueError("qty out of range")
        total += prices[sku] * qty
    return total
