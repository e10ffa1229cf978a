"""The candidate's side of the Python harness: runs in the sample's own process, started by dg-launch
under the syscall filter. It holds nothing the verdict depends on: no tests, no expected values, no
trace channel, no supervisor fd. Everything it says (return values, exceptions, SQL it saw) is
evidence the supervisor weighs, never a result.

    python3 -I candidate.py CTRLFD SAMPLE_PATH

Zygote protocol on CTRLFD (JSON lines, see dgwire): it says {"op":"ready"}; on {"op":"load"} it imports
the sample and answers {"op":"loaded",...}; on {"op":"fork"} with three fds attached (the test's socket,
stdout, stderr) it forks the test process and answers {"op":"forked","pid":n}; {"op":"status","pid":n}
waits for it and answers its exit status. The test process serves requests on its socket (call, has,
getattr, setattr, vars, callref, special, prepare, canary) and streams monitor events ({"ev":...})."""

import os
import socket
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dgwire  # noqa: E402
import dgmonitor  # noqa: E402


class Handles:
    """Objects that are not data stay here; the supervisor holds their numbers."""

    def __init__(self):
        self.objects = {}
        self.by_id = {}

    def add(self, obj):
        key = id(obj)
        h = self.by_id.get(key)
        if h is None:
            h = len(self.objects) + 1
            self.objects[h] = obj
            self.by_id[key] = h
        return h

    def get(self, h):
        try:
            return self.objects[h]
        except KeyError:
            raise dgwire.WireError(f"no object with handle {h}") from None


class Peer:
    """One socket to the supervisor: newline-delimited JSON, blocking."""

    def __init__(self, sock):
        self.sock = sock
        self.reader = sock.makefile("rb", buffering=65536)

    def send(self, message):
        self.sock.sendall(dgwire.dumps(message))

    def recv(self):
        line = self.reader.readline(dgwire.MAX_LINE + 1)
        if not line:
            raise EOFError
        return dgwire.loads(line)


class TestServer:
    """Serves the supervisor's requests inside one test process."""

    def __init__(self, peer, solution):
        self.peer = peer
        self.solution = solution
        self.handles = Handles()
        self.handles.objects[0] = solution  # handle 0 is the sample module itself
        self.handles.by_id[id(solution)] = 0
        self.dbs = {}          # supervisor db id -> connection rebuilt here
        self.touched = set()   # db ids decoded by the current request
        self.next_cb = 0
        self.encoder = dgwire.Encoder(handle_of=self._handle_of, on_sqlite=None, on_callable=None)
        self.decoder = dgwire.Decoder(on_ref=lambda w: self.handles.get(w["$ref"]), on_sqlite=self._rebuild_db, on_cb=self._callback)

    def _handle_of(self, obj):
        t = type(obj)
        try:
            shown = repr(obj)
        except Exception:
            shown = f"<{t.__name__}>"
        return {"$ref": self.handles.add(obj), "type": t.__qualname__, "module": t.__module__,
                "repr": shown[:400], "callable": callable(obj)}

    def _rebuild_db(self, w):
        import sqlite3
        key = w["$sqlite"]
        conn = self.dbs.get(key)
        if conn is None:
            conn = sqlite3.connect(":memory:", check_same_thread=False, factory=dgmonitor.connection_class())
            self.dbs[key] = conn
        was = dgmonitor.state.busy
        dgmonitor.state.busy = True  # rebuilding the fixture is the harness's work, not the sample's
        try:
            conn.deserialize(dgwire.base64.b64decode(w["data"]))
        finally:
            dgmonitor.state.busy = was
        if w.get("rowFactory") == "Row":
            conn.row_factory = sqlite3.Row
        self.touched.add(key)
        return conn

    def _callback(self, w):
        peer, encoder, decoder = self.peer, self.encoder, self.decoder
        number = w["$cb"]

        def call_supervisor(*args, **kwargs):
            self.next_cb += 1
            rid = f"c{self.next_cb}"
            peer.send({"id": rid, "op": "callback", "cb": number,
                       "args": encoder.encode(list(args)), "kwargs": encoder.encode(kwargs)})
            while True:
                msg = peer.recv()
                if msg.get("re") == rid:
                    if msg.get("ok"):
                        return decoder.decode(msg.get("value"))
                    raise dgwire.rebuild_exception(msg.get("error") or {})
                self.serve_one(msg)

        return call_supervisor

    def _result(self, value):
        """Lazy results run here, inside the monitored process, before anything crosses."""
        import inspect
        if inspect.isawaitable(value):
            import asyncio
            value = asyncio.run(_await(value))
        if _is_iterator(value):
            items = []
            for item in value:
                items.append(item)
                if len(items) >= dgwire.MAX_ITEMS:
                    break
            return {"$iter": [self.encoder.encode(x) for x in items]}
        return self.encoder.encode(value)

    def _call(self, fn, msg):
        import threading
        args = self.decoder.decode(msg.get("args") or [])
        kwargs = self.decoder.decode(msg.get("kwargs") or {"$dict": []})
        before = set(threading.enumerate())
        try:
            return self._result(fn(*args, **kwargs))
        finally:
            # Work the call handed to a thread of its own (a "prefetch" after it returns) is part of
            # the call: up to 300 ms of it happens before the answer, where the test can see it.
            _join_new_threads(before, 0.3)

    def handle(self, msg):
        op = msg.get("op")
        if op == "call":
            fn = getattr(self.solution, msg["fn"], None)
            if not callable(fn):
                raise AttributeError(f"the solution defines no function {msg['fn']}")
            return self._call(fn, msg)
        if op == "has":
            return callable(getattr(self.solution, msg["fn"], None))
        if op == "callref":
            return self._call(self.handles.get(msg["ref"]), msg)
        if op == "getattr":
            return self._result(getattr(self.handles.get(msg["ref"]), msg["name"]))
        if op == "setattr":
            setattr(self.handles.get(msg["ref"]), msg["name"], self.decoder.decode(msg["value"]))
            return None
        if op == "vars":
            target = self.handles.get(msg["ref"])
            out = {}
            for k, v in vars(target).items():
                if not k.startswith("__"):
                    out[k] = v
            return self.encoder.encode(out)
        if op == "special":
            return self._special(self.handles.get(msg["ref"]), msg["name"], self.decoder.decode(msg.get("args") or []))
        if op == "prepare":
            # Set-up and inspection code from the tests (seed a generator, freeze the clock, build a
            # store the sample will mutate) runs where the sample runs; `result` is what comes back.
            scope = {"solution": self.solution, "args": self.decoder.decode(msg.get("args") or [])}
            was = dgmonitor.state.active
            dgmonitor.state.active = False  # the tests' own code, not the sample's
            try:
                exec(compile(msg["source"], "<dualgauge-prepare>", "exec"), scope)
            finally:
                dgmonitor.state.active = was
            result = scope.get("result")
            if msg.get("handle"):
                return self._handle_of(result)
            return self._result(result)
        if op == "main":
            # A program (entry point "__main__"): run the compiled sample as __main__ with this argv and stdin.
            argv, stdin = self.decoder.decode(msg.get("args") or [[], ""])[:2]
            return self.encoder.encode(_run_main(argv, stdin))
        if op == "canary":
            return self.encoder.encode(dgmonitor.canary(msg["nonce"], list(self.dbs.values())))
        raise dgwire.WireError(f"unknown request {op!r}")

    def _special(self, obj, name, args):
        import operator
        if name == "len":
            return len(obj)
        if name == "iter":
            return self._result(iter(obj))
        if name == "contains":
            return self.encoder.encode(args[0] in obj)
        if name == "bool":
            return bool(obj)
        if name == "str":
            return str(obj)
        if name == "getitem":
            return self._result(obj[args[0]])
        if name == "setitem":
            obj[args[0]] = args[1]
            return None
        if name == "delitem":
            del obj[args[0]]
            return None
        if name == "enter":
            return self._result(obj.__enter__())
        if name == "exit":
            return self._result(obj.__exit__(*args))
        if name in ("eq", "lt", "le", "gt", "ge", "ne"):
            return self._result(getattr(operator, name)(obj, args[0]))
        raise dgwire.WireError(f"unknown special {name!r}")

    def serve_one(self, msg):
        rid = msg.get("id")
        self.touched = set()
        try:
            value = self.handle(msg)
            reply = {"re": rid, "ok": True, "value": value}
        except dgwire.WireError as e:
            reply = {"re": rid, "ok": False, "error": dgwire.exception_info(TypeError(str(e)))}
        except BaseException as e:  # the candidate's own exception is its answer
            if isinstance(e, (SystemExit, KeyboardInterrupt)) and not isinstance(e, Exception):
                e = RuntimeError(f"the sample raised {type(e).__name__}({e})")
            reply = {"re": rid, "ok": False, "error": dgwire.exception_info(e)}
        if self.touched:
            reply["db"] = {str(k): dgwire.base64.b64encode(self.dbs[k].serialize()).decode("ascii") for k in self.touched}
        try:
            data = dgwire.dumps(reply)
        except (TypeError, ValueError) as e:
            data = dgwire.dumps({"re": rid, "ok": False, "error": dgwire.exception_info(TypeError(f"the result cannot be sent: {e}"))})
        self.peer.sock.sendall(data)

    def serve(self):
        while True:
            try:
                msg = self.peer.recv()
            except EOFError:
                return
            self.serve_one(msg)


def _join_new_threads(before, budget):
    import threading
    import time
    deadline = time.monotonic() + budget
    for t in threading.enumerate():
        if t in before or t is threading.current_thread():
            continue
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        t.join(remaining)


async def _await(value):
    return await value


def _is_iterator(value):
    if isinstance(value, (str, bytes, bytearray, list, tuple, dict, set, frozenset)):
        return False
    t = type(value)
    return hasattr(t, "__next__") and hasattr(t, "__iter__")


def _compile(sample_path):
    """Reads and compiles the sample before the supervisor starts watching: none of it runs yet."""
    import traceback
    with open(sample_path, "rb") as fh:
        source = fh.read()
    try:
        return compile(source, sample_path, "exec", dont_inherit=True), None
    except (SyntaxError, ValueError) as e:
        return None, ("compile", _one_line(f"{type(e).__name__}: {e}"), "".join(traceback.format_exception_only(type(e), e)))


# Program mode (entry point "__main__"): the compiled sample and its path; the sample runs per call, not at load.
PROGRAM = None
MAIN_OUTPUT_CAP = 1024 * 1024


def _run_main(argv, stdin):
    """Runs the sample as a program in this (test) process, with the monitors on: argv after the program
    name, stdin as text. File descriptors 0 and 1 become memory files for the run (memfd_create opens no
    path), so what the program, its children or os.write put on fd 1 is its stdout; stderr stays the test's.
    Returns {stdout, exit_code, error}: SystemExit gives its code, an uncaught exception exit code 1."""
    import io
    import traceback
    import types
    code, path = PROGRAM
    was = dgmonitor.state.active
    dgmonitor.state.active = False  # the harness's own set-up, not the sample's
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    data = stdin.encode("utf-8") if isinstance(stdin, str) else bytes(stdin or b"")
    fd_in, fd_out = os.memfd_create("dg-stdin"), os.memfd_create("dg-stdout")
    os.write(fd_in, data)
    os.lseek(fd_in, 0, 0)
    saved_fds = os.dup(0), os.dup(1)
    os.dup2(fd_in, 0)
    os.dup2(fd_out, 1)
    saved = sys.argv, sys.stdin, sys.stdout, sys.modules.get("__main__")
    module = types.ModuleType("__main__")
    module.__file__ = path
    sys.argv = [path] + [str(a) for a in (argv or [])]
    sys.stdin = open(0, "r", encoding="utf-8", errors="surrogateescape", closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", errors="surrogateescape", closefd=False)
    sys.modules["__main__"] = module
    status, error = 0, None
    dgmonitor.state.active = was
    try:
        exec(code, module.__dict__)
    except SystemExit as e:
        c = e.code
        status = 0 if c is None else c if isinstance(c, int) and not isinstance(c, bool) else 1
        if c is not None and not isinstance(c, int):
            sys.stderr.write(f"{c}\n")
    except BaseException as e:  # an uncaught exception ends a program with status 1 and a traceback
        status = 1
        error = {"type": type(e).__name__, "message": _one_line(f"{e}", 2000)}
        sys.stderr.write("".join(traceback.format_exception(type(e), e, e.__traceback__))[-8000:])
    finally:
        dgmonitor.state.active = False
        try:
            sys.stdout.flush()
        except Exception:
            pass
        sys.argv, sys.stdin, sys.stdout = saved[0], saved[1], saved[2]
        if saved[3] is not None:
            sys.modules["__main__"] = saved[3]
        os.dup2(saved_fds[0], 0)
        os.dup2(saved_fds[1], 1)
        for fd in saved_fds + (fd_in,):
            os.close(fd)
        size = os.lseek(fd_out, 0, 2)
        os.lseek(fd_out, 0, 0)
        chunks, left = [], min(size, MAIN_OUTPUT_CAP)
        while left > 0:
            chunk = os.read(fd_out, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        os.close(fd_out)
        dgmonitor.state.active = was
    out = b"".join(chunks).decode("utf-8", "replace")
    return {"stdout": out, "exit_code": status, "error": error, "truncated": size > MAIN_OUTPUT_CAP}


def _load(sample_path, code):
    """Executes the compiled sample as module `solution`; (module, None) or (None, (phase, error, diag))."""
    import traceback
    import types
    module = types.ModuleType("solution")
    module.__file__ = sample_path
    # The job folder comes last on the import path: the sample's own modules and the stand-ins a probe wrote for
    # drivers the image lacks (psycopg2, pymysql) import, and an installed package always wins over a stand-in.
    job = os.path.dirname(os.path.abspath(sample_path))
    if job not in sys.path:
        sys.path.append(job)
    sys.modules["solution"] = module
    try:
        exec(code, module.__dict__)
    except BaseException as e:
        tb = "".join(traceback.format_exception(type(e), e, e.__traceback__))
        return None, ("import", _one_line(f"{type(e).__name__}: {e}"), tb[-8000:])
    return module, None


def _one_line(text, cap=500):
    text = " ".join(str(text).split())
    return text if len(text) <= cap else text[: cap - 3] + "..."


def _recv_fds(sock, count):
    msg, fds, _flags, _addr = socket.recv_fds(sock, 65536, count)
    return msg, fds


def main():
    ctrl = socket.socket(fileno=int(sys.argv[1]))
    sample_path = sys.argv[2]
    peer = Peer(ctrl)
    dgmonitor.install(sample_path, lambda ev, fields: peer.send(dict(fields, ev=ev, phase="load")))
    import json  # noqa: F401  (imported before the sample so its own opens are the runtime's)
    import asyncio  # noqa: F401
    import inspect  # noqa: F401
    import operator  # noqa: F401
    import sqlite3  # noqa: F401
    import traceback  # noqa: F401
    dgmonitor.connection_class()  # sqlite3.connect records statements that fail to prepare
    code, failure = _compile(sample_path)
    peer.send({"op": "ready"})
    msg = peer.recv()
    if msg.get("op") != "load":
        return 2
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    dgmonitor.state.active = True
    solution = None
    if failure is None and msg.get("entry") == "__main__":
        # A program: compiled now, run by each test (op "main") with its own argv and stdin.
        global PROGRAM
        import types
        PROGRAM = (code, sample_path)
        solution = types.ModuleType("solution")
        solution.__file__ = sample_path
    elif failure is None:
        solution, failure = _load(sample_path, code)
    dgmonitor.state.active = False
    if failure is None and msg.get("entry") != "__main__" and not callable(getattr(solution, msg.get("entry", ""), None)):
        failure = ("import", f"entry point {msg.get('entry')} not found", "")
    if failure is not None:
        peer.send({"op": "loaded", "ok": False, "phase": failure[0], "error": failure[1], "diagnostics": failure[2]})
        return 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    peer.send({"op": "loaded", "ok": True})
    import gc
    gc.collect()
    gc.freeze()
    while True:
        try:
            data, fds = _recv_fds(ctrl, 3)
        except OSError:
            return 0
        if not data:
            return 0
        for line in data.splitlines():
            msg = dgwire.loads(line)
            if msg.get("op") == "fork" and len(fds) == 3:
                pid = os.fork()
                if pid == 0:
                    _child(ctrl, fds, msg, solution)
                try:
                    os.setpgid(pid, pid)  # from both sides: the group exists before anyone can signal it
                except OSError:
                    pass
                for fd in fds:
                    os.close(fd)
                fds = []
                peer.send({"op": "forked", "pid": pid})
            elif msg.get("op") == "status":
                try:
                    _, status = os.waitpid(int(msg["pid"]), 0)
                    code = os.waitstatus_to_exitcode(status)
                except ChildProcessError:
                    code = None
                peer.send({"op": "status", "pid": msg["pid"], "code": code})


def _child(ctrl, fds, msg, solution):
    """The test process: never returns."""
    try:
        os.setpgid(0, 0)
        sock_fd, out_fd, err_fd = fds
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        os.close(out_fd)
        os.close(err_fd)
        # The zygote's channel must not survive in the test process: socket.close() leaves the fd open
        # while the zygote's reader (makefile) still refers to it.
        try:
            os.close(ctrl.fileno())
        except OSError:
            pass
        ctrl.detach()
        os.chdir(msg["workdir"])
        sock = socket.socket(fileno=sock_fd)
        peer = Peer(sock)
        dgmonitor.state.sink = lambda ev, fields: peer.send(dict(fields, ev=ev))
        dgmonitor.state.active = True
        TestServer(peer, solution).serve()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
    finally:
        os._exit(0)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except EOFError:
        sys.exit(0)
