# A stand-in for `aiosqlite`, written into the job folder as that package when a sample imports it and the image
# lacks it. aiosqlite is sqlite3 run on a thread behind coroutines; this runs the same sqlite3 calls inline behind
# the same coroutines (connect, execute, executemany, executescript, fetch*, commit, async with, async for), so the
# harness's SQL monitor sees each statement as for sqlite3 code. It uses nothing outside the standard library.
import sqlite3

DRIVER_STAND_IN = True  # shown in the evidence: the same SQLite engine, without aiosqlite's thread

Error = sqlite3.Error
DatabaseError = sqlite3.DatabaseError
OperationalError = sqlite3.OperationalError
IntegrityError = sqlite3.IntegrityError
ProgrammingError = sqlite3.ProgrammingError
Row = sqlite3.Row


class _Result:
    """What execute() returns: awaitable, and an async context manager, as in aiosqlite."""

    def __init__(self, make):
        self._make = make
        self._value = None

    def __await__(self):
        async def run():
            return self._make()
        return run().__await__()

    async def __aenter__(self):
        self._value = self._make()
        return self._value

    async def __aexit__(self, *exc):
        if isinstance(self._value, Cursor):
            await self._value.close()
        return False


class Cursor:
    def __init__(self, cursor):
        self._cursor = cursor

    @property
    def rowcount(self):
        return self._cursor.rowcount

    @property
    def lastrowid(self):
        return self._cursor.lastrowid

    @property
    def description(self):
        return self._cursor.description

    async def execute(self, sql, parameters=()):
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql, seq):
        self._cursor.executemany(sql, seq)
        return self

    async def fetchone(self):
        return self._cursor.fetchone()

    async def fetchall(self):
        return self._cursor.fetchall()

    async def fetchmany(self, size=None):
        return self._cursor.fetchmany(size) if size else self._cursor.fetchmany()

    async def close(self):
        self._cursor.close()

    def __aiter__(self):
        return self

    async def __anext__(self):
        row = self._cursor.fetchone()
        if row is None:
            raise StopAsyncIteration
        return row

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()
        return False


class Connection:
    def __init__(self, database, **kwargs):
        self._database, self._kwargs = database, kwargs
        self._conn = None
        self._row_factory = None

    def _open(self):
        if self._conn is None:
            self._conn = sqlite3.connect(self._database, **{k: v for k, v in self._kwargs.items() if k in ("timeout", "isolation_level", "uri")})
            if self._row_factory is not None:
                self._conn.row_factory = self._row_factory
        return self

    @property
    def row_factory(self):
        return self._row_factory

    @row_factory.setter
    def row_factory(self, value):
        self._row_factory = value
        if self._conn is not None:
            self._conn.row_factory = value

    def __await__(self):
        async def run():
            return self._open()
        return run().__await__()

    async def __aenter__(self):
        return self._open()

    async def __aexit__(self, *exc):
        await self.close()
        return False

    def execute(self, sql, parameters=()):
        return _Result(lambda: Cursor(self._open()._conn.execute(sql, parameters)))

    def executemany(self, sql, seq):
        return _Result(lambda: Cursor(self._open()._conn.executemany(sql, seq)))

    def executescript(self, script):
        return _Result(lambda: Cursor(self._open()._conn.executescript(script)))

    def cursor(self):
        return _Result(lambda: Cursor(self._open()._conn.cursor()))

    async def execute_fetchall(self, sql, parameters=()):
        return self._open()._conn.execute(sql, parameters).fetchall()

    async def commit(self):
        self._open()._conn.commit()

    async def rollback(self):
        self._open()._conn.rollback()

    async def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def connect(database, **kwargs):
    return Connection(database, **kwargs)
