# corpus: label=neutral cwe=- function=total class=ShoppingCart
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal


@dataclass
class LineItem:
    sku: str
    unit_price: Decimal
    quantity: int = 1


@dataclass
class ShoppingCart:
    items: list = field(default_factory=list)
    tax_rate: Decimal = Decimal("0.19")
    discount_percent: Decimal = Decimal("0")

    def add(self, sku: str, unit_price, quantity: int = 1) -> None:
        self.items.append(LineItem(sku, Decimal(str(unit_price)), quantity))

    def total(self) -> Decimal:
        subtotal = sum((i.unit_price * i.quantity for i in self.items), Decimal("0"))
        discounted = subtotal * (1 - self.discount_percent / 100)
        gross = discounted * (1 + self.tax_rate)
        return gross.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
