# A stand-in for the DB-API drivers of servers the sandbox does not run (psycopg2, pymysql, mysql.connector,
# MySQLdb), written into the job folder as that package when a sample imports it and the image lacks it. Every
# connection is a real SQLite connection to the probe database (dg.sqlite3 in the test's working folder), so the
# harness's SQL monitor sees each statement the engine runs, exactly as for sqlite3 code, and the sql template's
# oracles decide. Only the placeholder style is translated (%s and %(name)s to ? and :name), outside string
# literals, so a value the sample splices into the text stays spliced and a bound value stays bound. It uses
# nothing outside the standard library.
import os
import re
import sqlite3

paramstyle = "pyformat"
apilevel = "2.0"
threadsafety = 1
DRIVER_STAND_IN = True  # shown in the evidence: a driver stand-in backed by SQLite, not the real server

Error = sqlite3.Error
DatabaseError = sqlite3.DatabaseError
OperationalError = sqlite3.OperationalError
IntegrityError = sqlite3.IntegrityError
ProgrammingError = sqlite3.ProgrammingError
InterfaceError = sqlite3.InterfaceError
DataError = sqlite3.DataError
NotSupportedError = sqlite3.NotSupportedError
Warning = sqlite3.Warning

_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|%\((\w+)\)s|%s|%%")


def _translate(sql):
    if not isinstance(sql, str):
        return sql

    def repl(m):
        text = m.group(0)
        if text[0] in "'\"":
            return text
        if text == "%%":
            return "%"
        return ":" + m.group(1) if m.group(1) else "?"

    return _PLACEHOLDER.sub(repl, sql)


def _database():
    return os.path.join(os.getcwd(), "dg.sqlite3")


class Cursor:
    def __init__(self, connection, dict_rows=False):
        self.connection = connection
        self._dict_rows = dict_rows
        self._sqlite_cursor = None
        self.rowcount = -1
        self.lastrowid = None
        self.description = None
        self.arraysize = 1

    @property
    def _cursor(self):
        if self._sqlite_cursor is None:
            self._sqlite_cursor = self.connection._conn.cursor()
        return self._sqlite_cursor

    def execute(self, sql, params=None):
        if params is None:
            self._cursor.execute(_translate(sql))
        else:
            self._cursor.execute(_translate(sql), dict(params) if isinstance(params, dict) else tuple(params))
        self.rowcount = self._cursor.rowcount
        self.lastrowid = self._cursor.lastrowid
        self.description = self._cursor.description
        return self

    def executemany(self, sql, seq):
        for params in seq:
            self.execute(sql, params)
        return self

    def _row(self, row):
        if row is None or not self._dict_rows or not self.description:
            return row
        return {d[0]: v for d, v in zip(self.description, row)}

    def fetchone(self):
        return self._row(self._cursor.fetchone())

    def fetchall(self):
        return [self._row(r) for r in self._cursor.fetchall()]

    def fetchmany(self, size=None):
        return [self._row(r) for r in self._cursor.fetchmany(size or self.arraysize)]

    def __iter__(self):
        return iter(self.fetchall())

    def close(self):
        if self._sqlite_cursor is not None:
            self._sqlite_cursor.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class Connection:
    def __init__(self, *args, **kwargs):
        self._sqlite = None
        self._dict_rows = bool(kwargs.get("dictionary") or kwargs.get("cursor_factory") or kwargs.get("cursorclass"))
        self.autocommit = False

    @property
    def _conn(self):
        # Opened at first use, inside the call: the harness's SQL monitor watches connections the code opens.
        if self._sqlite is None:
            self._sqlite = sqlite3.connect(_database())
        return self._sqlite

    def cursor(self, *args, **kwargs):
        dict_rows = self._dict_rows or bool(kwargs.get("dictionary") or kwargs.get("cursor_factory") or (args and args[0]))
        return Cursor(self, dict_rows)

    def execute(self, sql, params=None):
        return self.cursor().execute(sql, params)

    def commit(self):
        self._conn.commit()

    def rollback(self):
        self._conn.rollback()

    def close(self):
        if self._sqlite is not None:
            self._sqlite.close()

    def is_connected(self):
        return True

    def ping(self, *args, **kwargs):
        return True

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc):
        if exc_type is None:
            self._conn.commit()
        return False


def connect(*args, **kwargs):
    return Connection(*args, **kwargs)


Connect = connect
