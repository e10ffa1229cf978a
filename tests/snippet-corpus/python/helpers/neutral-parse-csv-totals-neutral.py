# corpus: label=neutral cwe=- function=totals_by_category
import csv
import io
from collections import defaultdict
from decimal import Decimal


def totals_by_category(csv_text: str) -> dict:
    """Sum the `amount` column per `category` of an expenses CSV held in memory."""
    totals = defaultdict(Decimal)
    reader = csv.DictReader(io.StringIO(csv_text))
    for row in reader:
        category = (row.get("category") or "uncategorized").strip().lower()
        amount = row.get("amount", "0").replace(",", "").strip() or "0"
        totals[category] += Decimal(amount)
    return dict(sorted(totals.items(), key=lambda kv: kv[1], reverse=True))
