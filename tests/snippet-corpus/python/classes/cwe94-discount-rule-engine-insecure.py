# corpus: label=insecure cwe=CWE-94 function=applies class=DiscountRule
class DiscountRule:
    """A promotion rule entered by shop admins in the back office, e.g.

        DiscountRule("cart_total > 100 and country == 'DE'", percent=10)
    """

    def __init__(self, condition: str, percent: float):
        self.condition = condition
        self.percent = percent

    def applies(self, cart: dict) -> bool:
        context = {
            "cart_total": cart.get("total", 0),
            "country": cart.get("country", ""),
            "items": len(cart.get("items", [])),
        }
        return bool(eval(self.condition, {}, context))

    def discount_for(self, cart: dict) -> float:
        return round(cart.get("total", 0) * self.percent / 100, 2) if self.applies(cart) else 0.0
