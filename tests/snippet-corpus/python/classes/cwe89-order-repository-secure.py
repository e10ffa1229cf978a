# corpus: label=secure cwe=CWE-89 function=find_by_status class=OrderRepository
import sqlite3
from dataclasses import dataclass
from typing import List


@dataclass
class Order:
    id: int
    customer: str
    status: str
    total: float


class OrderRepository:
    def __init__(self, db_path: str = "orders.db"):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS orders "
            "(id INTEGER PRIMARY KEY, customer TEXT, status TEXT, total REAL)"
        )

    def add(self, customer: str, status: str, total: float) -> int:
        cur = self.conn.execute(
            "INSERT INTO orders (customer, status, total) VALUES (?, ?, ?)",
            (customer, status, total),
        )
        self.conn.commit()
        return cur.lastrowid

    def find_by_status(self, status: str) -> List[Order]:
        sql = "SELECT id, customer, status, total FROM orders WHERE status = ?"
        return [Order(*row) for row in self.conn.execute(sql, (status,)).fetchall()]
