# DualGauge probe runtime (Python).
#
# The generated tests.py is this file, then the probe files of the templates chosen for the snippet,
# then the plan (PLAN, JSON data written by the planner) and `register(globals())`. It runs in the
# harness supervisor, outside the sample's process: every call goes through ctx (data across a socket),
# so nothing here is reachable by the sample. Probes are plain functions `probe(ctx, t, p)`:
#   t: the Target (the function under test, its parameters and how to call it);
#   p: the Probe (the input parameter it attacks, the payload, the template's trigger hits).
# A probe reports a vulnerability by raising AssertionError (finding(...)); the trace oracles named in
# the template descriptor judge the rest. When the function never ran to completion (every call raised
# a setup error: a missing module, table or fixture), the test ends "not judged", never passed.
import ast
import base64
import hashlib
import io
import json
import os
import pickle
import random
import errno
import re
import sqlite3
import tarfile
import zipfile

PROGRAMMING_ERRORS = ("NameError", "TypeError", "AttributeError", "ImportError", "ModuleNotFoundError",
                      "SyntaxError", "RecursionError", "UnboundLocalError")
_MISSING_SQL = re.compile(r"no such (table|column): ([\w.\"`\[\]]+)|table (\w+) has no column named (\w+)")
_NETWORK = ("ConnectionRefusedError", "ConnectionError", "URLError", "gaierror", "NewConnectionError",
            "MaxRetryError", "ConnectTimeout", "Timeout", "ConnectTimeoutError", "TimeoutError", "OSError")


# The file system's answers (a read-only root, a missing or forbidden path): the call ran the code to its file access.
_FILE_SYSTEM_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR,
                       errno.ENOTEMPTY, errno.ELOOP, errno.ENAMETOOLONG}


class Outcome:
    """What one call of the function under test did: its value, or the exception the sample raised."""

    def __init__(self, value=None, error=None):
        self.value, self.error = value, error

    @property
    def ok(self):
        return self.error is None


def setup_error(error, allow_network=False):
    """Why an exception means the call never ran the code under test (None when it did: a ValueError
    the function raised to refuse its input is an answer, not a setup error)."""
    if error is None:
        return None
    name = type(error).__name__
    text = str(error)
    if name in ("ModuleNotFoundError", "ImportError"):
        return f"{name}: {text} (the sandbox image lacks a module the code imports)"
    if name == "OperationalError" and re.search(r"no such (table|column)|has no column named|unable to open database", text):
        return f"{name}: {text} (the probe database does not have what the query expects)"
    if name in ("NameError", "UnboundLocalError"):
        return f"{name}: {text}"
    if getattr(error, "errno", None) in _FILE_SYSTEM_ERRNOS and not isinstance(error, ConnectionError):
        return None  # the code reached the file system (a read-only or missing path answered): not the network
    if not allow_network and name in _NETWORK and re.search(r"connect|resolve|network|refused|unreachable|Name or service|timed out|Errno", text, re.I):
        return f"{name}: {text} (the sandbox has no network)"
    if name == "KeyError" and re.search(r"HTTP_|environ|os\.environ", text):
        return f"{name}: {text} (an environment variable the code reads is not set)"
    return None


# Stand-ins a template's probe file registers for the sinks the sandbox has no server for (a MongoDB collection, an
# LDAP connection): provider(target, param) returns the value that parameter gets in every call (a handle to an object
# in the sample's process), or None. Every test of the function then calls it with the stand-in, not only the
# template's own probes.
STAND_INS = []


class Param:
    def __init__(self, spec):
        self.name = spec["name"]
        self.role = spec["role"]
        self.where = spec.get("where", "arg")   # arg | query | form | json | header | cookie | path | env | stdin
        self.has_default = bool(spec.get("default"))
        self.type = spec.get("type") or ""
        self.owner = spec.get("owner")  # for where == "option": the options dict this key belongs to


class Target:
    """The function under test, as the planner described it (PLAN["functions"][i])."""

    def __init__(self, ctx, spec):
        self.ctx = ctx
        self.spec = spec
        self.entry = spec["entry"]
        self.name = spec["name"]
        self.params = [Param(p) for p in spec.get("params", [])]
        self.http = spec.get("http")
        self.calls = []
        self._db_path = None

    # -- fixtures --
    def db_path(self):
        if self._db_path is None:
            self._db_path = os.path.join(self.ctx.workdir, "dg.sqlite3")
            conn = sqlite3.connect(self._db_path)
            for table, cols in self.spec.get("sqlTables", {}).items():
                _create_table(conn, table, cols)
            conn.commit()
            conn.close()
        return self._db_path

    def db(self):
        return sqlite3.connect(self.db_path())

    def file(self, name="report.txt", content="hello\n"):
        path = os.path.join(self.ctx.workdir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode())
        return path

    def setup(self):
        """Points the module's folder and database constants into the workdir, and writes a benign file."""
        for name in self.spec.get("dirs", []):
            self._override(name, self.ctx.workdir)
        for name in self.spec.get("dbs", []):
            self._override(name, self.db_path())
        if self.spec.get("standInDb"):
            self.db_path()  # a driver stand-in (psycopg2, pymysql) connects to this database: its tables exist
        if self.http is not None and self.http.get("framework") == "flask":
            self._override_flask_config()
        self.file()

    _CONFIG_DB = re.compile(r"(^|_)(DATABASE|DB|SQLITE)(_|$)|DB_PATH|DATABASE_PATH")
    _CONFIG_DIR = re.compile(r"FOLDER|DIR|ROOT|DIRECTORY|STORAGE|_PATH$|^PATH$")

    def _override_flask_config(self):
        """As module constants: the app's config folders (UPLOAD_FOLDER) point into the workdir and its SQLite
        database (DATABASE) at the probe database, so a view runs against folders and tables that exist."""
        try:
            app = getattr(self.ctx.solution, self.http.get("app") or "app", None)
            if app is None:
                return
            config = app.config
            for key in [k for k in list(config) if isinstance(k, str)]:
                value = config[key]
                if not isinstance(value, str) or "://" in value or not value.strip():
                    continue
                if self._CONFIG_DB.search(key) and not os.path.isdir(value):
                    config[key] = self.db_path()
                elif self._CONFIG_DIR.search(key) and not self._CONFIG_DB.search(key):
                    config[key] = self.ctx.workdir
        except Exception:
            pass  # an app whose config cannot be read keeps its own values: its probes then say what they saw

    def _override(self, name, value):
        if isinstance(getattr(self.ctx.solution, name, None), str):
            setattr(self.ctx.solution, name, value)

    # -- parameters --
    def param(self, name):
        return next((p for p in self.params if p.name == name), None)

    def has_role(self, *roles):
        return any(p.role in roles for p in self.params)

    def stand_in(self, p):
        """The stand-in a template registered for this parameter (see STAND_INS), or None."""
        if p is None or p.where not in ("arg", "init"):
            return None
        cache = self.__dict__.setdefault("_stand_ins", {})
        if p.name not in cache:
            cache[p.name] = next((v for v in (provider(self, p) for provider in STAND_INS) if v is not None), None)
        return cache[p.name]

    def benign(self, p):
        role, name = p.role, p.name.lower()
        stand_in = self.stand_in(p)
        if stand_in is not None:
            return stand_in
        if role == "connection":
            driver = self.spec.get("standInDb")
            if driver:
                # The driver the code imports, as its stand-in: placeholders in its style (%s) work.
                return self.ctx.handle(f"import {driver}\nresult = {driver}.connect()")
            return self.db()
        if role == "cursor":
            # A cursor cannot cross the boundary as data: it is opened in the sample's process, on the probe database.
            driver = self.spec.get("standInDb")
            if driver:
                return self.ctx.handle(f"import {driver}\nresult = {driver}.connect().cursor()")
            return self.ctx.handle("result = args[0].cursor()", self.db())
        if role == "database-path":
            return self.db_path()
        if role == "directory":
            return self.ctx.workdir
        if role == "file-path":
            return self.file() if p.where == "arg" else "report.txt"
        if role == "archive":
            return self.file("empty.zip", b"PK\x05\x06" + b"\x00" * 18)
        hosts = self.spec.get("hosts") or []
        if role == "url":
            # A host the code itself names (an allow-list entry) lets benign input pass its checks.
            return f"https://{hosts[0]}/index.html" if hosts else "http://127.0.0.1:9/index.html"
        if role == "host":
            return hosts[0] if hosts else "127.0.0.1"
        if role == "port":
            return 8080
        if role == "integer":
            value = 1 if name.endswith("id") else 8
            # Typed where the caller passes Python values; text where HTTP or the environment carries it.
            return value if p.where in ("arg", "init", "option", "json", "path") else str(value)
        if role == "index":
            return 0
        if role == "length":
            return 16
        if role == "boolean":
            return False
        if role == "float":
            return 1.0
        if role == "bytes":
            # A key-named buffer gets a valid AES-256 key, so code that encrypts with it runs on to what it does.
            return bytes(range(32)) if re.search(r"(^|_)key$", name) else b"hello"
        if role == "list":
            return ["hello"]
        if role == "map":
            return {}
        if role == "password":
            return "correct horse battery staple"
        if role == "salt":
            return b"0123456789abcdef" if "bytes" in p.type else "0123456789abcdef"
        if role == "callback":
            return None
        if role in ("request", "response"):
            return None
        if re.search(r"sort|order_by|column|field", name):
            # A column the probe database has, so an allow-list of columns lets the benign call through.
            for cols in self.spec.get("sqlTables", {}).values():
                if len(cols) > 1:
                    return cols[1]
            return "name"
        if re.search(r"direction|^order$|^dir$", name):
            return "asc"
        if "email" in name:
            return "alice@example.com"
        if "user" in name or "name" in name:
            return "alice"
        if "xml" in name:
            return "<r>hello</r>"
        if re.search(r"expr|formula|calc|equation|math", name):
            return "1 + 2"
        if re.search(r"json|payload|body|blob|state|cart|raw|config|document|doc$", name):
            return '{"a": 1}'  # valid JSON and YAML, so parsing code runs on to what it does with the data
        return "hello"

    # -- calling --
    def call(self, overrides=None, retries=4):
        """Calls the function once with benign values for every parameter the probe does not set."""
        overrides = dict(overrides or {})
        for _ in range(retries + 1):
            outcome = self._call_once(overrides)
            if not (outcome.error is not None and self._adapt_database(outcome.error)):
                break
        self.calls.append(outcome)
        return outcome

    def _values(self, overrides):
        values = {}
        for p in self.params:
            if p.where == "option":
                continue
            if p.name in overrides:
                value = overrides[p.name]
                # A payload for a list parameter (tags, ids) goes in as one element, as callers pass it.
                values[p.name] = [value] if p.role == "list" and isinstance(value, str) else value
            elif p.has_default and p.where in ("arg", "init") and p.role in ("text", "integer", "boolean", "map", "list", "float"):
                continue
            else:
                values[p.name] = self.benign(p)
        # Options objects get every key the function reads: the probe's value for its key, benign ones for the rest.
        for p in self.params:
            if p.where == "option" and p.owner is not None:
                options = values.get(p.owner)
                if not isinstance(options, dict):
                    options = {}
                options[p.name] = overrides[p.name] if p.name in overrides else self.benign(p)
                values[p.owner] = options
        return values

    def _call_once(self, overrides):
        values = self._values(overrides)
        try:
            if self.http is not None:
                return Outcome(self.ctx.function("__dg_http__")(self.http, self._request(values)))
            env = {p.name: str(values.pop(p.name)) for p in list(self.params) if p.where == "env" and p.name in values}
            stdin = next((values.pop(p.name) for p in list(self.params) if p.where == "stdin" and p.name in values), None)
            if env or stdin is not None:
                self.ctx.prepare("import io, os, sys\nos.environ.update(args[0])\nif args[1] is not None:\n    sys.stdin = io.StringIO(args[1])", env, stdin)
            args = {p.name: values[p.name] for p in self.params if p.where == "arg" and p.name in values}
            init = {p.name: values[p.name] for p in self.params if p.where == "init" and p.name in values}
            if init:
                args["_dg_init"] = init
            if self.entry == self.ctx.entry_point:
                return Outcome(self.ctx.call(**args))
            return Outcome(self.ctx.function(self.entry)(**args))
        except Exception as error:
            return Outcome(error=error)

    def _request(self, values):
        request = {"method": self.http.get("method", "GET"), "path": self.http.get("path", "/"),
                   "query": {}, "form": {}, "json": None, "data": None, "headers": {}, "cookies": {}, "files": {}, "pathArgs": {}, "args": {}}
        for p in self.params:
            if p.name not in values:
                continue
            value = values[p.name]
            if p.where == "json":
                request["json"] = dict(request["json"] or {}, **{p.name: value})
            elif p.where == "path":
                request["pathArgs"][p.name] = value
            elif p.where == "body":
                request["data"] = value if isinstance(value, (str, bytes)) else str(value)
            elif p.where in ("query", "form", "headers", "cookies", "files"):
                request[p.where][p.name] = value if isinstance(value, str) else str(value)
            elif p.where == "arg":
                request["args"][p.name] = value
        if (request["form"] or request["files"]) and request["method"] == "GET":
            request["method"] = "POST"
        if request["json"] is not None and request["method"] == "GET":
            request["method"] = "POST"
        return request

    def _adapt_database(self, error):
        """A query naming a table or column the probe database lacks: add it and call again (once per name)."""
        if type(error).__name__ != "OperationalError" or self._db_path is None:
            return False
        m = _MISSING_SQL.search(str(error))
        if not m:
            return False
        conn = sqlite3.connect(self._db_path)
        try:
            if m.group(1) == "table":
                name = m.group(2).strip("\"`[]").split(".")[-1]
                _create_table(conn, name, ["id", "name"])
            else:
                column = (m.group(2) or m.group(4)).strip("\"`[]").split(".")[-1]
                tables = [m.group(3)] if m.group(3) else [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
                if not tables:
                    _create_table(conn, "items", ["id", "name", column])
                for table in tables:
                    cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
                    if column in cols:
                        return False
                    conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}"')
                    conn.execute(f'UPDATE "{table}" SET "{column}" = ?', ["alice"])
            conn.commit()
            return True
        except sqlite3.Error:
            return False
        finally:
            conn.close()


def _create_table(conn, table, cols):
    conn.execute(f'CREATE TABLE IF NOT EXISTS "{table}" (' + ", ".join(f'"{c}"' for c in cols) + ")")
    for i, name in ((1, "alice"), (2, "bob")):
        conn.execute(f'INSERT INTO "{table}" VALUES (' + ", ".join("?" for _ in cols) + ")",
                     [i if c == "id" or c.endswith("_id") else name for c in cols])


class Probe:
    def __init__(self, spec):
        self.id = spec["id"]
        self.input = spec.get("input")
        self.payload = spec.get("payload")
        self.hits = spec.get("hits", [])
        self.args = spec.get("args", {})
        self.original = self.payload   # the payload as the descriptor writes it; p.payload may be a mutation of it
        self.mutation = None

    def uses(self, *words):
        return any(w in h for h in self.hits for w in words)


def finding(message):
    """A probe's own evidence of a vulnerability."""
    raise AssertionError(message)


# -- result inspection (what the function returned, as text a user would see) --
def text_of(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict) and "body" in value and "status" in value:
        return text_of(value["body"])
    if isinstance(value, (tuple, list)):
        return " ".join(text_of(v) for v in value)
    if value is None:
        return ""
    data = getattr(value, "data", None) or getattr(value, "body", None)
    return text_of(data) if isinstance(data, (bytes, str)) else str(value)


def headers_of(value):
    if isinstance(value, dict) and isinstance(value.get("headers"), list):
        return [(str(k), str(v)) for k, v in value["headers"]]
    if isinstance(value, dict):
        return [(str(k), str(v)) for k, v in value.items() if isinstance(v, (str, int))]
    if isinstance(value, (tuple, list)):
        for v in value:
            if isinstance(v, dict):
                return headers_of(v)
    return []


def comparable(value):
    """A result two calls can be compared on: a token, a digest, a number. None, booleans and short status
    words ("ok") are not: equal ones prove nothing about randomness or salting."""
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return len(text_of(value).strip()) >= 6


_HASH_RUN = re.compile(r"[A-Za-z0-9+/=$._-]{16,}")


def hash_like(value, exclude=""):
    """The digest-looking strings in a result (hex, base64, modular crypt): what a stored password looks like."""
    values = list(value.values()) if isinstance(value, dict) and "status" not in value else [value]
    runs = []
    for v in values:
        runs.extend(r for r in _HASH_RUN.findall(text_of(v)) if r != exclude)
    return runs


def redirect_target(value):
    for k, v in headers_of(value):
        if k.lower() == "location":
            return v
    if isinstance(value, dict):
        value = value.get("url") or value.get("redirect") or ""
    if isinstance(value, (tuple, list)):
        value = next((v for v in value if isinstance(v, str)), "")
    if isinstance(value, str):
        return value
    return str(getattr(value, "location", "") or getattr(value, "url", "") or "")


def external(target):
    target = target.strip().replace("\\", "/")
    return "evil.example" in target.split("?")[0] and not target.startswith("/" + "evil")


def literal_call(expression, function):
    """The positional and keyword arguments of `function(<literals>)`, or None when the example is not
    a plain call with literal arguments (then it is not run: the supervisor never evaluates sample text)."""
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name) and tree.func.id == function):
        return None
    try:
        args = [ast.literal_eval(a) for a in tree.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in tree.keywords if k.arg}
    except (ValueError, SyntaxError, TypeError):
        return None
    if any(k.arg is None for k in tree.keywords):
        return None
    return args, kwargs


# -- functional probes, shared by every template --
def smoke(ctx, t, p):
    """Benign inputs: fails only on programming errors. Evidence level: smoke run (behaviour not checked)."""
    r = t.call()
    if r.error is not None and type(r.error).__name__ in PROGRAMMING_ERRORS and setup_error(r.error) is None:
        finding(f"fails on benign input: {type(r.error).__name__}: {r.error}")


def example(ctx, t, p):
    """One of the snippet's own examples (a doctest or a docstring assert): a literal call and its expected value."""
    call = literal_call(p.args["expression"], t.name)
    if call is None:
        ctx.not_judged(f"the example {p.args['expression']!r} is not a call of {t.name} with literal arguments")
    args, kwargs = call
    names = [q.name for q in t.params if q.where == "arg"]
    values = dict(zip(names, args))
    values.update(kwargs)
    r = t.call(values)
    expected = p.args["expected"]
    if r.error is not None:
        if setup_error(r.error):
            return
        finding(f"{p.args['expression']} raised {type(r.error).__name__}: {r.error}; expected {expected}")
    try:
        expected_value = ast.literal_eval(expected)
        same = r.value == expected_value
    except (ValueError, SyntaxError):
        same = False
    if not same and repr(r.value) != expected and str(r.value) != expected:
        finding(f"{p.args['expression']}: expected {expected}, got {r.value!r}")


def register(namespace):
    """Defines test_<id> for every test in the plan, bound to its probe function."""
    for spec in PLAN["tests"]:
        probe = namespace.get(spec["probe"])
        if not callable(probe):
            raise LookupError(f"the plan names a probe {spec['probe']!r} that no probe file defines")
        namespace["test_" + spec["id"]] = _bind(probe, spec)


def _bind(probe, spec):
    def test(ctx):
        t = Target(ctx, PLAN["functions"][spec["function"]])
        p = Probe(spec)
        t.setup()
        try:
            probe(ctx, t, p)
            # The payload as written found nothing: its mutations (encodings, case, nesting, other separators) next,
            # so that a blacklist filter does not pass by luck.
            for mutation in spec.get("mutations") or []:
                p.payload, p.mutation = mutation["payload"], mutation["kind"]
                try:
                    probe(ctx, t, p)
                except AssertionError as error:
                    raise AssertionError(f"{error} (payload mutated, {mutation['kind']}: {mutation['payload']!r})") from None
        except AssertionError:
            raise
        except Exception as error:
            # The probe's own inspection failed on an unexpected result: that is no evidence either way.
            ctx.not_judged(f"the probe could not inspect the result: {type(error).__name__}: {error}")
        reasons = [setup_error(c.error, allow_network=spec.get("network", False)) for c in t.calls]
        if t.calls and all(reasons):
            # No call ran the code under test: whatever the probe concluded rests on nothing.
            ctx.not_judged("every call raised a setup error: " + reasons[-1])
    test.__name__ = "test_" + spec["id"]
    return test
