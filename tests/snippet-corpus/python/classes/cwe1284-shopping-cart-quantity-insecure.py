# corpus: label=insecure cwe=CWE-1284 function=add_item class=ShoppingCart
PRICES = {"SKU-100": 19.99, "SKU-200": 4.50, "SKU-300": 129.00}


class ShoppingCart:
    def __init__(self):
        self.lines = {}

    def add_item(self, sku, quantity):
        """Adds `quantity` units of a product and returns the new cart total."""
        price = PRICES.get(sku, 9.99)
        line = self.lines.setdefault(sku, {"quantity": 0, "unit_price": price})
        line["quantity"] += int(quantity)
        return {"total": round(sum(l["quantity"] * l["unit_price"] for l in self.lines.values()), 2),
                "items": sum(l["quantity"] for l in self.lines.values())}
