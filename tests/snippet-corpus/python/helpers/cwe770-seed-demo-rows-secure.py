# corpus: label=secure cwe=CWE-770 function=demo_rows
import random

FIRST = ["Ada", "Linus", "Grace", "Ken", "Barbara", "Dennis"]
CITIES = ["Lisbon", "Oslo", "Austin", "Kyoto", "Nairobi"]
MAX_ROWS = 1000


def demo_rows(count, seed=7):
    """Generates `count` fake customer rows for the admin demo-data screen (at most MAX_ROWS)."""
    count = int(count)
    if count < 0 or count > MAX_ROWS:
        raise ValueError(f"count must be between 0 and {MAX_ROWS}")
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        rows.append({
            "id": i + 1,
            "name": rng.choice(FIRST),
            "city": rng.choice(CITIES),
            "balance": round(rng.uniform(0, 5000), 2),
        })
    return rows
