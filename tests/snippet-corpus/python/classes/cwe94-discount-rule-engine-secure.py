# corpus: label=secure cwe=CWE-94 function=applies class=DiscountRule
import operator
import re

_OPS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le,
        "==": operator.eq, "!=": operator.ne}
_CLAUSE = re.compile(r"^\s*(cart_total|country|items)\s*(>=|<=|==|!=|>|<)\s*('([^']*)'|-?\d+(?:\.\d+)?)\s*$")


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
        # only "<field> <op> <literal>" clauses joined by "and" are supported
        for clause in self.condition.split(" and "):
            m = _CLAUSE.match(clause)
            if not m:
                raise ValueError(f"unsupported rule clause: {clause!r}")
            field, op, literal, text = m.group(1), m.group(2), m.group(3), m.group(4)
            value = text if text is not None else float(literal)
            if not _OPS[op](context[field], value):
                return False
        return True

    def discount_for(self, cart: dict) -> float:
        return round(cart.get("total", 0) * self.percent / 100, 2) if self.applies(cart) else 0.0
