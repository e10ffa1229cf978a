# corpus: label=secure cwe=CWE-89 function=invoices_for_customer
import os

import psycopg2
import psycopg2.extras


def get_connection():
    return psycopg2.connect(os.environ["DATABASE_URL"])


def invoices_for_customer(cur, customer_ref, year=None):
    """Fetch invoices for a customer reference, optionally filtered by year."""
    sql = "SELECT id, number, amount_cents, issued_at FROM invoices WHERE customer_ref = %s"
    params = [customer_ref]
    if year:
        sql += " AND EXTRACT(YEAR FROM issued_at) = %s"
        params.append(int(year))
    sql += " ORDER BY issued_at DESC"
    cur.execute(sql, params)
    return cur.fetchall()


if __name__ == "__main__":
    with get_connection() as conn:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            for inv in invoices_for_customer(cur, os.environ.get("CUSTOMER", "ACME-001")):
                print(inv["number"], inv["amount_cents"])
