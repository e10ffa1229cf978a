# corpus: label=insecure cwe=CWE-89 function=sales_report
"""Print total sales for a region. Usage: sales_report.py REGION [SINCE]"""
import os
import sqlite3
import sys

DB = os.environ.get("SALES_DB", "sales.db")


def sales_report(region, since="1970-01-01"):
    conn = sqlite3.connect(DB)
    cur = conn.cursor()
    cur.execute(
        "SELECT product, SUM(qty), SUM(qty * unit_price) FROM sales "
        "WHERE region = '%s' AND sold_on >= '%s' GROUP BY product" % (region, since)
    )
    rows = cur.fetchall()
    conn.close()
    return rows


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 1
    since = argv[2] if len(argv) > 2 else "1970-01-01"
    for product, qty, revenue in sales_report(argv[1], since):
        print(f"{product:<30}{qty:>8}{revenue:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
