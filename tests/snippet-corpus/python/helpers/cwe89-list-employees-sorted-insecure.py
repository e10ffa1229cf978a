# corpus: label=insecure cwe=CWE-89 function=list_employees
import sqlite3

DB_PATH = "hr.db"


def list_employees(options=None):
    """List employees.

    options:
        sort_by: column to sort on (default "last_name")
        direction: "asc" or "desc"
        limit: max rows
    """
    options = options or {}
    sort_by = options.get("sort_by", "last_name")
    direction = options.get("direction", "asc")
    limit = int(options.get("limit", 50))

    conn = sqlite3.connect(DB_PATH)
    try:
        sql = (
            "SELECT id, first_name, last_name, department, hired_on FROM employees "
            f"ORDER BY {sort_by} {direction} LIMIT ?"
        )
        return conn.execute(sql, (limit,)).fetchall()
    finally:
        conn.close()
