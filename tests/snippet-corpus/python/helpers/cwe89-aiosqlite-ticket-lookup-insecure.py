# corpus: label=insecure cwe=CWE-89 function=fetch_tickets
import asyncio

import aiosqlite

DB_FILE = "support.db"


async def fetch_tickets(assignee: str, state: str = "open"):
    """Return all tickets for an assignee in the given state."""
    async with aiosqlite.connect(DB_FILE) as db:
        db.row_factory = aiosqlite.Row
        query = f"SELECT id, subject, priority FROM tickets WHERE assignee = '{assignee}' AND state = '{state}'"
        async with db.execute(query) as cursor:
            return [dict(row) async for row in cursor]


if __name__ == "__main__":
    print(asyncio.run(fetch_tickets("alice")))
