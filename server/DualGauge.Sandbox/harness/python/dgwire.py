"""The data that crosses the boundary between the supervisor (tests, verdicts) and the candidate's
process (the sample). One JSON object per line over a socket. Values cross as plain data, never as
live objects: the supervisor only ever holds ints, strings, lists, dicts and the like that it built
itself, so a returned object cannot lie through __eq__, __str__ or __iter__. What is not data (an
instance of the sample's class, a Flask app) stays in the candidate's process and crosses as a handle
({"$ref": n}); the supervisor drives it by request (getattr, call, ...), and every answer is data again.

Tags (single-key objects): $tuple $list-free (lists are JSON arrays) $dict $set $frozenset $bytes
$bytearray $float (nan/inf) $int (big) $enum $std (datetime, Decimal, ...) $iter (a consumed iterator)
$sqlite (a database crossing as its serialised bytes) $ref (a handle) $cb (a supervisor callback)
$exc (an exception as a value)."""

import base64
import enum
import json

MAX_ITEMS = 100_000      # a returned iterator is consumed up to this many items
MAX_DEPTH = 64
MAX_LINE = 64 * 1024 * 1024


class WireError(Exception):
    """A value that cannot cross the boundary, or a message that is not of the protocol."""


def dumps(message):
    return (json.dumps(message, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n").encode("utf-8", "surrogatepass")


def loads(line):
    if len(line) > MAX_LINE:
        raise WireError(f"a message of {len(line)} bytes is over the {MAX_LINE} byte limit")
    try:
        obj = json.loads(line.decode("utf-8", "surrogatepass"))
    except (ValueError, UnicodeDecodeError) as e:
        raise WireError(f"not a JSON message: {e}") from None
    if not isinstance(obj, dict):
        raise WireError("a message is not a JSON object")
    return obj


def _qual(t):
    return f"{t.__module__}.{t.__qualname__}"


# Standard-library value types that cross as data and are rebuilt from text on the other side.
_STD = {
    "datetime.datetime": ("datetime", "datetime", "isoformat", "fromisoformat"),
    "datetime.date": ("datetime", "date", "isoformat", "fromisoformat"),
    "datetime.time": ("datetime", "time", "isoformat", "fromisoformat"),
    "decimal.Decimal": ("decimal", "Decimal", "str", None),
    "uuid.UUID": ("uuid", "UUID", "str", None),
    "fractions.Fraction": ("fractions", "Fraction", "str", None),
    "pathlib.PosixPath": ("pathlib", "PurePosixPath", "str", None),
    "pathlib.PurePosixPath": ("pathlib", "PurePosixPath", "str", None),
}

# Enum classes the supervisor rebuilds (others cross as their value).
_ENUM_MODULES = {"ssl", "http", "enum", "signal", "socket", "re", "inspect", "uuid"}


class Encoder:
    """Turns a value into wire data. `handle_of(obj)` gives a handle for what is not data (None to refuse),
    `on_sqlite(conn)` the wire form of a database connection, `on_callable(fn)` that of a function."""

    def __init__(self, handle_of=None, on_sqlite=None, on_callable=None):
        self.handle_of = handle_of
        self.on_sqlite = on_sqlite
        self.on_callable = on_callable

    def encode(self, v, depth=0):
        if depth > MAX_DEPTH:
            raise WireError("the value is nested too deeply to cross the sandbox boundary")
        t = type(v)
        if v is None or t is bool:
            return v
        if t is int:
            return v if -(2 ** 53) <= v <= 2 ** 53 else {"$int": str(v)}
        if t is float:
            if v != v or v in (float("inf"), float("-inf")):
                return {"$float": repr(v)}
            return v
        if t is str:
            return v
        if isinstance(v, enum.Enum):
            return {"$enum": _qual(t), "name": v.name, "value": self.encode(v.value, depth + 1)}
        if isinstance(v, bool):
            return bool(v)
        if isinstance(v, int):
            return self.encode(int.__index__(v), depth)
        if isinstance(v, float):
            return self.encode(float.__float__(v), depth)
        if isinstance(v, str):
            return str.__getitem__(v, slice(None))
        if isinstance(v, (bytes, memoryview)):
            return {"$bytes": base64.b64encode(bytes(v)).decode("ascii")}
        if isinstance(v, bytearray):
            return {"$bytearray": base64.b64encode(bytes(v)).decode("ascii")}
        if isinstance(v, tuple):
            return {"$tuple": [self.encode(x, depth + 1) for x in tuple.__iter__(v)]}
        if isinstance(v, list):
            return [self.encode(x, depth + 1) for x in list.__iter__(v)]
        if isinstance(v, dict) and t is not dict and t.__module__ not in ("collections", "builtins") and self.handle_of is not None:
            # A mapping of a library or of the sample (a Flask session) has behaviour: it stays an object.
            h = self.handle_of(v)
            if h is not None:
                return h
        if isinstance(v, dict):
            return {"$dict": [[self.encode(k, depth + 1), self.encode(x, depth + 1)] for k, x in dict.items(v)]}
        if isinstance(v, frozenset):
            return {"$frozenset": [self.encode(x, depth + 1) for x in frozenset.__iter__(v)]}
        if isinstance(v, set):
            return {"$set": [self.encode(x, depth + 1) for x in set.__iter__(v)]}
        q = _qual(t)
        if q in _STD:
            return {"$std": q, "v": str(v) if _STD[q][2] == "str" else v.isoformat()}
        if t.__module__ == "sqlite3" and t.__name__ == "Connection" and self.on_sqlite is not None:
            return self.on_sqlite(v)
        if t.__module__ == "sqlite3" and t.__name__ == "Row":
            return {"$tuple": [self.encode(x, depth + 1) for x in tuple(v)]}
        if isinstance(v, BaseException):
            return {"$exc": exception_info(v)}
        if self.on_callable is not None and callable(v) and not isinstance(v, type):
            c = self.on_callable(v)
            if c is not None:
                return c
        if self.handle_of is not None:
            h = self.handle_of(v)
            if h is not None:
                return h
        raise WireError(f"a {q} cannot cross the sandbox boundary (pass data: numbers, strings, lists, dicts, bytes)")


def exception_info(e):
    t = type(e)
    try:
        message = BaseException.__str__(e)
    except Exception:
        message = "<unprintable>"
    mro = []
    for k in t.__mro__:
        mro.append([k.__module__, k.__qualname__])
    args = []
    for a in getattr(e, "args", ()) or ():
        if type(a) in (str, int, float, bool) or a is None:
            args.append(a)
        else:
            args.append(repr(a)[:500])
    attrs = []
    try:
        for k, v in list(vars(e).items())[:32]:
            if not k.startswith("_") and (type(v) in (str, int, float, bool) or v is None):
                attrs.append([k[:100], v[:2000] if isinstance(v, str) else v])
    except TypeError:
        pass
    return {"type": t.__qualname__, "module": t.__module__, "mro": mro, "message": message[:4000], "args": args, "attrs": attrs}


_remote_classes = {}


def rebuild_exception(info):
    """An exception of the same name whose base is the nearest built-in class in its MRO, so
    `except ValueError` and isinstance checks behave as they would have in one process."""
    import builtins
    base = Exception
    for mod, name in info.get("mro") or []:
        if mod == "builtins" and isinstance(getattr(builtins, name, None), type) and issubclass(getattr(builtins, name), BaseException):
            base = getattr(builtins, name)
            break
    if base in (BaseException, SystemExit, KeyboardInterrupt, GeneratorExit):
        base = Exception  # a candidate must not be able to stop the supervisor with its exception type
    mod, name = info.get("module") or "builtins", info.get("type") or "Exception"
    if mod == "builtins" and getattr(builtins, name, None) is base:
        cls = base
    else:
        key = (mod, name, base)
        cls = _remote_classes.get(key)
        if cls is None:
            cls = type(name.rsplit(".", 1)[-1], (base,), {"__module__": mod, "__dg_remote__": True})
            _remote_classes[key] = cls
    args = info.get("args") or [info.get("message", "")]
    try:
        e = cls(*args)
    except Exception:
        e = cls.__new__(cls)
        e.args = (info.get("message", ""),)
    for k, v in info.get("attrs") or []:
        try:
            setattr(e, k, v)
        except (AttributeError, TypeError):
            pass
    return e


class Decoder:
    """Turns wire data back into values. `on_ref(data)`, `on_sqlite(data)`, `on_cb(data)` rebuild the
    tagged objects that need the endpoint (handles, databases, callbacks)."""

    def __init__(self, on_ref=None, on_sqlite=None, on_cb=None):
        self.on_ref = on_ref
        self.on_sqlite = on_sqlite
        self.on_cb = on_cb

    def decode(self, w, depth=0):
        if depth > MAX_DEPTH:
            raise WireError("the value is nested too deeply")
        if w is None or isinstance(w, (bool, int, float, str)):
            return w
        if isinstance(w, list):
            return [self.decode(x, depth + 1) for x in w]
        if not isinstance(w, dict) or len(w) == 0:
            raise WireError("an untagged object on the wire")
        if "$tuple" in w:
            return tuple(self.decode(x, depth + 1) for x in w["$tuple"])
        if "$dict" in w:
            return {self.decode(k, depth + 1): self.decode(x, depth + 1) for k, x in w["$dict"]}
        if "$bytes" in w:
            return base64.b64decode(w["$bytes"])
        if "$bytearray" in w:
            return bytearray(base64.b64decode(w["$bytearray"]))
        if "$set" in w:
            return {self.decode(x, depth + 1) for x in w["$set"]}
        if "$frozenset" in w:
            return frozenset(self.decode(x, depth + 1) for x in w["$frozenset"])
        if "$int" in w:
            return int(w["$int"])
        if "$float" in w:
            return float(w["$float"])
        if "$iter" in w:
            return iter([self.decode(x, depth + 1) for x in w["$iter"]])
        if "$enum" in w:
            value = self.decode(w.get("value"), depth + 1)
            mod, _, qual = w["$enum"].rpartition(".")
            if mod in _ENUM_MODULES:
                import importlib
                try:
                    return getattr(importlib.import_module(mod), qual)(value)
                except Exception:
                    pass
            return value
        if "$std" in w:
            spec = _STD.get(w["$std"])
            if spec is None:
                raise WireError(f"unknown standard type {w['$std']}")
            import importlib
            cls = getattr(importlib.import_module(spec[0]), spec[1])
            return getattr(cls, spec[3])(w["v"]) if spec[3] else cls(w["v"])
        if "$exc" in w:
            return rebuild_exception(w["$exc"])
        if "$ref" in w and self.on_ref is not None:
            return self.on_ref(w)
        if "$sqlite" in w and self.on_sqlite is not None:
            return self.on_sqlite(w)
        if "$cb" in w and self.on_cb is not None:
            return self.on_cb(w)
        raise WireError(f"an unknown tag on the wire: {sorted(w)[:3]}")
