# corpus: label=insecure cwe=CWE-770 function=demo_rows
import random

FIRST = ["Ada", "Linus", "Grace", "Ken", "Barbara", "Dennis"]
CITIES = ["Lisbon", "Oslo", "Austin", "Kyoto", "Nairobi"]


def demo_rows(count, seed=7):
    """Generates `count` fake customer rows for the admin demo-data screen."""
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
