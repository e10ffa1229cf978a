"""In-process monitors of the Python candidate: one audit hook, SQLite's trace callback and a PyYAML
wrapper. They run inside the sample's own process, so what they report is evidence that can only add
findings: the process, file and socket events the verdict rests on come from dg-watch, outside the
process; these add the sample line and what only the interpreter sees (SQL text, eval'd code,
deserialised classes). Canaries (canary()) show the supervisor that they are still switched on.
Recording goes through `state.sink(ev, fields)` while `state.active` is true."""

import os
import shlex
import sys

SHELLS = {"sh", "bash", "dash", "zsh", "ksh", "ash", "busybox"}
CODE_CAP = 2048


class State:
    active = False
    busy = False          # re-entrancy guard: the monitors' own work is never recorded
    sample_path = None
    sink = None


state = State()


def _candidate_line():
    f = sys._getframe(1)
    target = state.sample_path
    while f is not None:
        if f.f_code.co_filename == target:
            return f.f_lineno
        f = f.f_back
    return None


def _from_import_system():
    f = sys._getframe(1)
    while f is not None:
        name = f.f_code.co_filename
        if name.startswith("<frozen importlib") or name.startswith("<frozen zipimport"):
            return True
        f = f.f_back
    return False


def record(ev, **fields):
    line = _candidate_line()
    if line is not None:
        fields["line"] = line
    state.sink(ev, fields)


def _process(api, executable, argv, shell_hint=None):
    argv = [os.fsdecode(a) if isinstance(a, (bytes, os.PathLike)) else str(a) for a in (argv or [])]
    if executable is not None:
        executable = os.fsdecode(executable)
    exe = executable or (argv[0] if argv else "")
    is_shell = shell_hint if shell_hint is not None else (
        os.path.basename(exe) in SHELLS and "-c" in argv[1:])
    if is_shell and shell_hint is None:
        idx = argv.index("-c", 1)
        command = argv[idx + 1] if idx + 1 < len(argv) else ""
    else:
        command = shlex.join(argv)
    record("process", api=api, executable=exe, argv=argv, command=command, shell=bool(is_shell))


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def _mode_from_flags(flags):
    acc = flags & (os.O_WRONLY | os.O_RDWR)
    if acc == os.O_RDWR:
        return "r+"
    if acc == os.O_WRONLY:
        if flags & os.O_APPEND:
            return "a"
        if flags & os.O_EXCL:
            return "x"
        return "w"
    return "r"


def _file(api, path, mode, write):
    if isinstance(path, int) or path is None:
        return
    try:
        path = os.fsdecode(path)
    except TypeError:
        return
    absolute = os.path.abspath(path)
    try:
        real = os.path.realpath(absolute)
    except (OSError, ValueError):
        real = absolute
    record("file", api=api, path=absolute, realpath=real, mode=mode, write=write)


def _hook(event, args):
    if not state.active or state.busy:
        return
    state.busy = True
    try:
        _dispatch(event, args)
    except Exception:
        pass  # a monitor must never change the candidate's behaviour
    finally:
        state.busy = False


def _dispatch(event, args):
    if event == "open":
        path, mode, flags = args
        if _from_import_system():
            return
        if mode is None:
            mode = _mode_from_flags(flags or 0)
            write = bool((flags or 0) & _WRITE_FLAGS)
        else:
            mode = mode.replace("b", "").replace("t", "") or "r"
            write = any(c in mode for c in "wax+")
        _file("open" if event == "open" else event, path, mode, write)
    elif event == "subprocess.Popen":
        executable, argv, _cwd, _env = args
        if isinstance(argv, (str, bytes)):
            argv = [argv]
        _process("subprocess.Popen", executable, list(argv))
    elif event == "os.system":
        _process("os.system", "/bin/sh", ["/bin/sh", "-c", os.fsdecode(args[0])], shell_hint=None)
    elif event == "os.exec":
        path, argv, _env = args
        _process("os.exec", path, list(argv))
    elif event == "os.posix_spawn":
        path, argv, _env = args
        _process("os.posix_spawn", path, list(argv))
    elif event == "os.spawn":
        _mode, path, argv, _env = args
        _process("os.spawn", path, list(argv))
    elif event in ("os.remove", "os.rmdir", "os.mkdir", "shutil.rmtree", "os.truncate", "os.chmod", "os.chown"):
        _file(event, args[0], "w", True)
    elif event == "os.rename":
        _file(event, args[0], "w", True)
        _file(event, args[1], "w", True)
    elif event in ("os.listdir", "os.scandir"):
        _file(event, args[0] if args[0] is not None else ".", "r", False)
    elif event == "socket.connect":
        _sock, address = args
        _socket("socket.connect", address)
    elif event == "socket.getaddrinfo":
        host, port = args[0], args[1]
        if host is None or _is_ip(host):
            return  # a numeric address is followed by socket.connect, recorded there
        _socket("socket.getaddrinfo", (os.fsdecode(host) if isinstance(host, bytes) else host, port))
    elif event == "compile":
        source, filename = args
        if _from_import_system() or _from_ast_parse():
            return  # importing a module, or parsing to an AST without running anything
        if isinstance(source, bytes):
            source = source.decode("utf-8", "replace")
        elif not isinstance(source, str):
            return  # an AST or code object: the string was recorded when it was parsed
        record("code", api=_code_api(), code=source[:CODE_CAP], caller=_caller_origin())
    elif event == "sqlite3.connect/handle":
        _trace_connection(args[0])
    elif event == "sqlite3.connect":
        database = args[0]
        if isinstance(database, (str, bytes, os.PathLike)):
            name = os.fsdecode(database)
            if name and name != ":memory:" and not name.startswith("file:"):
                _file("sqlite3.connect", name, "r+", True)
    elif event == "pickle.find_class":
        module, name = args
        record("deserialize", api="pickle.find_class", detail=f"{module}.{name}")
    elif event in ("marshal.loads", "marshal.load"):
        if _from_import_system():
            return  # the import system reading a .pyc file
        record("deserialize", api=event, detail="code/data from bytes")
    elif event == "ctypes.dlopen":
        record("native", api="ctypes.dlopen", detail=str(args[0]))


def _from_ast_parse():
    """ast.parse compiles with PyCF_ONLY_AST: it builds a tree and runs nothing."""
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename == __file__:
        f = f.f_back
    return f is not None and f.f_code.co_name == "parse" and os.path.basename(f.f_code.co_filename) == "ast.py"


def _caller_origin():
    """'sample' when the candidate's own code called eval/exec/compile, 'library' when a library did
    (a template engine compiling its templates, namedtuple): an oracle without a payload judges only the former."""
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename == __file__:
        f = f.f_back
    return "sample" if f is not None and f.f_code.co_filename == state.sample_path else "library"


def _code_api():
    """Tells eval from exec from compile by the caller's source line (the audit event is the same)."""
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename == __file__:
        f = f.f_back
    try:
        import linecache
        text = linecache.getline(f.f_code.co_filename, f.f_lineno)
    except Exception:
        text = ""
    for name in ("eval", "exec"):
        if name + "(" in text:
            return name
    return "compile"


def _is_ip(host):
    import ipaddress
    try:
        ipaddress.ip_address(os.fsdecode(host) if isinstance(host, bytes) else host)
        return True
    except ValueError:
        return False


def _socket(api, address):
    if isinstance(address, tuple) and len(address) >= 2:
        host, port = str(address[0]), address[1]
        shown = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        record("socket", api=api, address=shown, host=host, port=port)
    else:
        path = os.fsdecode(address) if isinstance(address, (bytes, str)) else str(address)
        record("socket", api=api, address=path, host=None, port=None)


# --- sqlite3: every statement through SQLite's own trace callback, on every connection -------------
# The audit event sqlite3.connect/handle hands over each new connection, however it was made, and the
# engine's own trace (sqlite3_trace_v2) reports every statement it runs (bound values expanded, quotes doubled), whichever Python
# path reached it: Connection.execute(conn, sql), sqlite3.Cursor(conn), executescript, generators.

_connections = []
_sqlite = None


def _sqlite_lib():
    """SQLite's own C API, from the library the sqlite3 module already loaded."""
    global _sqlite
    if _sqlite is None:
        import ctypes
        lib = ctypes.CDLL("libsqlite3.so.0")
        cb_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
        lib.sqlite3_expanded_sql.restype = ctypes.c_void_p
        lib.sqlite3_expanded_sql.argtypes = [ctypes.c_void_p]
        lib.sqlite3_trace_v2.argtypes = [ctypes.c_void_p, ctypes.c_uint, cb_type, ctypes.c_void_p]
        lib.sqlite3_free.argtypes = [ctypes.c_void_p]

        def on_statement(kind, _ctx, stmt, text):
            try:
                expanded = lib.sqlite3_expanded_sql(stmt)
                raw = ctypes.string_at(expanded) if expanded else (ctypes.string_at(text) if text else b"")
                if expanded:
                    lib.sqlite3_free(expanded)
                _sql(raw.decode("utf-8", "replace"))
            except Exception:
                pass
            return 0

        _sqlite = (lib, ctypes, cb_type(on_statement))
    return _sqlite


def _sql(statement):
    if state.active and not state.busy and isinstance(statement, str):
        state.busy = True
        try:
            record("sql", api="sqlite3.trace", statement=statement)
        finally:
            state.busy = False


def _trace_connection(conn):
    """Registers SQLITE_TRACE_STMT on the connection's sqlite3* handle (the first field after the
    object header in CPython 3.11's pysqlite_Connection; the image pins the interpreter)."""
    try:
        lib, ctypes, callback = _sqlite_lib()
        db = ctypes.c_void_p.from_address(id(conn) + 16).value
        if db:
            lib.sqlite3_trace_v2(db, 1, callback, None)
            _connections.append(conn)
    except Exception:
        pass


# A statement that fails to prepare (no such table, a syntax error a payload caused) never reaches
# the engine's trace, but its text was built and handed to SQLite: connections made through
# sqlite3.connect, and the harness's fixture connections, record such statements with the error.

_connection_class = None


def connection_class():
    global _connection_class
    if _connection_class is None:
        import sqlite3

        def failed(statement, error):
            if isinstance(statement, str) and isinstance(error, sqlite3.Error):
                _sql_failed(statement, error)

        class Connection(sqlite3.Connection):
            def cursor(self, factory=None):
                return super().cursor(factory or Cursor)

            def execute(self, statement, *args, **kwargs):
                try:
                    return super().execute(statement, *args, **kwargs)
                except sqlite3.Error as e:
                    failed(statement, e)
                    raise

            def executemany(self, statement, *args, **kwargs):
                try:
                    return super().executemany(statement, *args, **kwargs)
                except sqlite3.Error as e:
                    failed(statement, e)
                    raise

            def executescript(self, script, *args, **kwargs):
                try:
                    return super().executescript(script, *args, **kwargs)
                except sqlite3.Error as e:
                    failed(script, e)
                    raise

        class Cursor(sqlite3.Cursor):
            def execute(self, statement, *args, **kwargs):
                try:
                    return super().execute(statement, *args, **kwargs)
                except sqlite3.Error as e:
                    failed(statement, e)
                    raise

            def executemany(self, statement, *args, **kwargs):
                try:
                    return super().executemany(statement, *args, **kwargs)
                except sqlite3.Error as e:
                    failed(statement, e)
                    raise

        Connection.__name__ = Connection.__qualname__ = "Connection"
        Cursor.__name__ = Cursor.__qualname__ = "Cursor"
        _connection_class = Connection
        base_connect = sqlite3.connect

        def connect(*args, **kwargs):
            if "factory" not in kwargs and len(args) < 6:
                kwargs["factory"] = Connection
            return base_connect(*args, **kwargs)

        connect.__doc__ = base_connect.__doc__
        sqlite3.connect = connect
        sqlite3.dbapi2.connect = connect
    return _connection_class


def _sql_failed(statement, error):
    if state.active and not state.busy:
        state.busy = True
        try:
            record("sql", api="sqlite3.prepare", statement=statement, error=f"{type(error).__name__}: {error}")
        finally:
            state.busy = False


def canary(nonce, extra_connections=()):
    """Runs one marked statement on every connection the monitor traces and compiles one marked string:
    the supervisor expects their events back. A monitor switched off by the sample shows as a missing canary."""
    marker = f"dg-canary-{nonce}"
    seen = set()
    count = 0
    closed = 0
    for conn in list(_connections) + list(extra_connections):
        if id(conn) in seen:
            continue
        seen.add(id(conn))
        try:
            conn.execute(f"SELECT '{marker}'").fetchall()
            count += 1
        except Exception:
            closed += 1
    # As the sample left the monitor: a canary that switched it back on would prove nothing.
    compile(f"'{marker}'", "<dualgauge-canary>", "eval")
    return {"sql": count, "closed": closed}


# --- PyYAML: constructors that build arbitrary Python objects -------------------------------------

def _patch_yaml(constructor):
    cls = constructor.FullConstructor

    def wrap(original, kind):
        def wrapper(self, name, mark, *args, **kwargs):
            if state.active and not state.busy:
                state.busy = True
                try:
                    record("deserialize", api="yaml.unsafe", detail=f"{kind}{name}")
                finally:
                    state.busy = False
            return original(self, name, mark, *args, **kwargs)
        return wrapper

    cls.find_python_name = wrap(cls.find_python_name, "")
    cls.find_python_module = wrap(cls.find_python_module, "module ")


class _PostImportPatcher:
    """A meta-path finder that patches sqlite3/PyYAML right after they are imported, so the harness
    pays for neither unless the tests or the candidate use them."""

    targets = {"yaml.constructor": _patch_yaml}

    def find_spec(self, name, path=None, target=None):
        patch = self.targets.get(name)
        if patch is None:
            return None
        sys.meta_path.remove(self)
        try:
            import importlib.util
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original_exec = loader.exec_module

        def exec_module(module):
            original_exec(module)
            try:
                patch(module)
            except Exception:
                pass

        loader.exec_module = exec_module
        return spec


def install(sample_path, sink):
    state.sample_path = sample_path
    state.sink = sink
    sys.meta_path.insert(0, _PostImportPatcher())
    for name, patch in _PostImportPatcher.targets.items():
        if name in sys.modules:
            patch(sys.modules[name])
    sys.addaudithook(_hook)
