# corpus: label=secure cwe=CWE-89 function=list_employees
import sqlite3

DB_PATH = "hr.db"
SORTABLE_COLUMNS = {"id", "first_name", "last_name", "department", "hired_on"}


def list_employees(options=None):
    """List employees.

    options:
        sort_by: column to sort on (default "last_name")
        direction: "asc" or "desc"
        limit: max rows
    """
    options = options or {}
    sort_by = options.get("sort_by", "last_name")
    direction = str(options.get("direction", "asc")).lower()
    limit = int(options.get("limit", 50))

    # Identifiers can't be bound as parameters, so validate them against an allow-list
    if sort_by not in SORTABLE_COLUMNS:
        raise ValueError(f"cannot sort by {sort_by!r}")
    if direction not in ("asc", "desc"):
        raise ValueError("direction must be 'asc' or 'desc'")

    conn = sqlite3.connect(DB_PATH)
    try:
        sql = (
            "SELECT id, first_name, last_name, department, hired_on FROM employees "
            f"ORDER BY {sort_by} {direction.upper()} LIMIT ?"
        )
        return conn.execute(sql, (limit,)).fetchall()
    finally:
        conn.close()
