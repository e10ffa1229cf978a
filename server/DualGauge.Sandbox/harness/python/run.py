"""DualGauge Python harness, supervisor side: job JSON on stdin, trace JSON lines on stdout
(harness/README.md). The tests run HERE, in the supervisor; the sample runs in its own process
(candidate.py, started under dg-launch's filter), loaded once and forked per test. Calls cross as
data; every test result is decided here."""

import os
import socket
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dgsup  # noqa: E402
import dgwire  # noqa: E402
from dgevidence import Run, emit_load_events, end_test  # noqa: E402
from dgsup import one_line  # noqa: E402

CANDIDATE = os.path.join(HERE, "candidate.py")
_reprs = None


def short_repr(value):
    global _reprs
    if _reprs is None:
        import reprlib
        _reprs = reprlib.Repr()
        _reprs.maxstring = 120
        _reprs.maxother = 120
        _reprs.maxlist = _reprs.maxtuple = _reprs.maxdict = _reprs.maxset = 8
    try:
        return _reprs.repr(value)
    except Exception as e:
        return f"<unrepresentable {type(value).__name__}: {type(e).__name__}>"


def _serialize(conn):
    """The database's bytes. serialize() refuses some file-backed connections; a backup into memory
    (reading only, so never blocked by the test's own open transaction) does not."""
    import sqlite3
    try:
        return conn.serialize()
    except sqlite3.Error:
        pass
    mem = sqlite3.connect(":memory:")
    try:
        conn.backup(mem)
        return mem.serialize()
    finally:
        mem.close()


def _restore(conn, data):
    """Puts the state the sample left into the test's own connection. A backup *into* a connection with
    an open transaction would wait forever (SQLITE_BUSY), so it is only the fallback, after a commit."""
    import sqlite3
    try:
        conn.deserialize(data)
        return
    except sqlite3.Error:
        pass
    conn.commit()
    mem = sqlite3.connect(":memory:")
    try:
        mem.deserialize(data)
        mem.backup(conn, pages=-1, sleep=0.0)
    finally:
        mem.close()


class RemoteObject:
    """A handle on an object that stayed in the candidate's process. Every use is a request; every
    answer is data (or another handle). Equality is identity: compare the data it gives back."""

    __slots__ = ("_dg_ctx", "_dg_h", "_dg_info")

    def __init__(self, ctx, info):
        object.__setattr__(self, "_dg_ctx", ctx)
        object.__setattr__(self, "_dg_h", info["$ref"])
        object.__setattr__(self, "_dg_info", info)

    def __getattr__(self, name):
        if name.startswith("_dg_"):
            raise AttributeError(name)
        return self._dg_ctx._request("getattr", ref=self._dg_h, name=name)

    def __setattr__(self, name, value):
        self._dg_ctx._request("setattr", ref=self._dg_h, name=name, value=self._dg_ctx._encode(value))

    @property
    def __dict__(self):
        return self._dg_ctx._request("vars", ref=self._dg_h)

    def __call__(self, *args, **kwargs):
        return self._dg_ctx._invoke(self._dg_info.get("type", "object"), "callref", args, kwargs, ref=self._dg_h)

    def _dg_special(self, name, *args):
        return self._dg_ctx._request("special", ref=self._dg_h, name=name, args=self._dg_ctx._encode(list(args)))

    def __repr__(self):
        return str(self._dg_info.get("repr") or f"<remote {self._dg_info.get('type')}>")

    def __len__(self):
        return int(self._dg_special("len"))

    def __iter__(self):
        return iter(self._dg_special("iter"))

    def __contains__(self, item):
        return bool(self._dg_special("contains", item))

    def __bool__(self):
        return bool(self._dg_special("bool"))

    def __str__(self):
        return str(self._dg_special("str"))

    def __getitem__(self, key):
        return self._dg_special("getitem", key)

    def __setitem__(self, key, value):
        self._dg_special("setitem", key, value)

    def __delitem__(self, key):
        self._dg_special("delitem", key)

    def __enter__(self):
        return self._dg_special("enter")

    def __exit__(self, *exc):
        return self._dg_special("exit", None, None, None)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash((id(self._dg_ctx), self._dg_h))


class Attempt:
    __slots__ = ("value", "error")

    def __init__(self, value, error):
        self.value = value
        self.error = error

    def __repr__(self):
        return f"Attempt(value={self.value!r}, error={self.error!r})"


class Context:
    """What a test sees: the same API as always (call, attempt, function, solution, workdir, fixtures),
    now backed by requests to the candidate's process."""

    def __init__(self, run, chan, entry_point, workdir, fixtures, pid=None):
        self._run = run
        self._pid = pid
        self.last_cpu_ms = None   # CPU time of the last call, measured by the supervisor from /proc
        self._canaried = False
        self._chan = chan
        self.entry_point = entry_point
        self.workdir = workdir
        self.fixtures = fixtures
        self._next = 0
        self._dbs = {}
        self._db_count = 0
        self._callbacks = {}
        self._encoder = dgwire.Encoder(handle_of=self._handle_of, on_sqlite=self._wire_db, on_callable=self._wire_callable)
        self._decoder = dgwire.Decoder(on_ref=lambda w: RemoteObject(self, w))
        self.solution = RemoteObject(self, {"$ref": 0, "type": "module", "repr": "<module 'solution'>"})

    # -- encoding --
    def _handle_of(self, v):
        if isinstance(v, RemoteObject):
            return {"$ref": v._dg_h}
        return None

    def _wire_db(self, conn):
        import sqlite3
        key = self._dbs_key(conn)
        return {"$sqlite": key, "data": dgwire.base64.b64encode(_serialize(conn)).decode("ascii"),
                "rowFactory": "Row" if conn.row_factory is sqlite3.Row else None}

    def _dbs_key(self, conn):
        for k, c in self._dbs.items():
            if c is conn:
                return k
        self._db_count += 1
        self._dbs[self._db_count] = conn
        return self._db_count

    def _wire_callable(self, fn):
        if isinstance(fn, RemoteObject):
            return None
        k = len(self._callbacks) + 1
        self._callbacks[k] = fn
        return {"$cb": k}

    def _encode(self, value):
        return self._encoder.encode(value)

    # -- requests --
    def _request(self, op, **fields):
        self._next += 1
        rid = self._next
        msg = {"id": rid, "op": op}
        for k, v in fields.items():
            msg[k] = v
        self._chan.send(msg)
        while True:
            reply = self._chan.next_message()
            if "ev" in reply:
                self._run.on_candidate_event(reply)
                continue
            if reply.get("op") == "callback":
                self._serve_callback(reply)
                continue
            if reply.get("re") != rid:
                raise dgsup.Protocol(f"an answer to a request never made: {one_line(str(reply), 200)}")
            for key, data in (reply.get("db") or {}).items():
                conn = self._dbs.get(int(key))
                if conn is not None:
                    _restore(conn, dgwire.base64.b64decode(data))
            if reply.get("ok") is True:
                return self._decoder.decode(reply.get("value"))
            if reply.get("ok") is False and isinstance(reply.get("error"), dict):
                error = dgwire.rebuild_exception(reply["error"])
                error.__dg_from_sample__ = True  # the sample's own answer, not the harness failing
                raise error
            raise dgsup.Protocol("a malformed answer")

    def _serve_callback(self, msg):
        fn = self._callbacks.get(msg.get("cb"))
        try:
            if fn is None:
                raise LookupError("no such callback")
            value = fn(*self._decoder.decode(msg.get("args") or []), **self._decoder.decode(msg.get("kwargs") or {"$dict": []}))
            reply = {"re": msg.get("id"), "ok": True, "value": self._encode(value)}
        except dgwire.WireError as e:
            reply = {"re": msg.get("id"), "ok": False, "error": dgwire.exception_info(TypeError(str(e)))}
        except Exception as e:
            reply = {"re": msg.get("id"), "ok": False, "error": dgwire.exception_info(e)}
        self._chan.send(reply)

    def _invoke(self, name, op, args, kwargs, **fields):
        shown = [short_repr(a) for a in args] + [f"{k}={short_repr(v)}" for k, v in kwargs.items()]
        try:
            wired_args, wired_kwargs = self._encode(list(args)), self._encode(dict(kwargs))
        except Exception as e:
            self._run.on_call(dict(function=name, args=shown, error=dict(type="NotJudged", message=f"{type(e).__name__}: {e}"), ms=0))
            raise dgsup.NotJudged(f"an argument of {name} cannot cross the sandbox boundary: {type(e).__name__}: {e}") from None
        cpu_before = dgsup.cpu_ms(self._pid) if self._pid else None
        start = time.monotonic()
        try:
            value = self._request(op, args=wired_args, kwargs=wired_kwargs, **fields)
        except (dgsup.CandidateGone, dgsup.TestTimeout, dgsup.OutputFlood, dgsup.Protocol):
            self._run.on_call(dict(function=name, args=shown, error=dict(type="Interrupted", message="the call did not return"),
                                   ms=round((time.monotonic() - start) * 1000.0, 3)))
            raise
        except BaseException as e:
            if not getattr(e, "__dg_from_sample__", False):
                # The call machinery failed (a reply that cannot be read back...): never the sample's answer.
                self._run.on_call(dict(function=name, args=shown, error=dict(type="NotJudged", message=f"{type(e).__name__}: {e}"), ms=0))
                raise dgsup.NotJudged(f"the call to {name} could not be completed: {type(e).__name__}: {e}") from None
            self._run.on_call(dict(function=name, args=shown, error=dict(type=type(e).__name__, message=one_line(e, 2000)),
                                   ms=round((time.monotonic() - start) * 1000.0, 3)))
            self._first_canary()
            raise
        ms = round((time.monotonic() - start) * 1000.0, 3)
        cpu_after = dgsup.cpu_ms(self._pid) if self._pid else None
        self.last_cpu_ms = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
        self._run.on_call(dict(function=name, args=shown, result=short_repr(value), ms=ms, cpu_ms=self.last_cpu_ms))
        self._first_canary()
        return value

    def _first_canary(self):
        # After the first call (a monitor the sample switches off at once) and at the end of the test
        # (one it left off); one per call would double the cost of a test that calls 2,000 times.
        if not self._canaried:
            self._canaried = True
            self._canary()

    def _canary(self):
        nonce = os.urandom(8).hex()
        claimed = self._request("canary", nonce=nonce)
        closed = claimed.get("closed", 0) if isinstance(claimed, dict) else 0
        self._run.check_canary(nonce, expected_sql=max(0, len(self._dbs) - int(closed or 0)))

    # -- the tests' API --
    def call(self, *args, **kwargs):
        return self._invoke(self.entry_point, "call", args, kwargs, fn=self.entry_point)

    def attempt(self, *args, **kwargs):
        try:
            return Attempt(self.call(*args, **kwargs), None)
        except Exception as e:
            return Attempt(None, e)

    def function(self, name):
        if not self._request("has", fn=name):
            raise AttributeError(f"the solution defines no function {name}")

        def recorded(*args, **kwargs):
            return self._invoke(name, "call", args, kwargs, fn=name)

        recorded.__name__ = name
        return recorded

    def run_main(self, argv=(), stdin=""):
        """Program mode (entry point "__main__"): runs the sample as a program with this argv and stdin, in
        the sample's process with the monitors on; returns {stdout, exit_code, error, truncated}."""
        return self._invoke("__main__", "main", (list(argv), stdin), {})

    def not_judged(self, reason):
        """Ends the test as "not judged" (never passed, never failed): the probe could not decide."""
        raise dgsup.NotJudged(str(reason))

    def prepare(self, source, *args):
        """Runs set-up code in the sample's process before the next call (seeding `random`, freezing
        `time.time`, setting os.environ): the tests' way to arrange what the sample will see."""
        self._request("prepare", source=source, args=self._encode(list(args)))

    def probe(self, source, *args):
        """Runs inspection code in the sample's process; returns its variable `result` as data."""
        return self._request("prepare", source=source, args=self._encode(list(args)))

    def handle(self, source, *args):
        """Like probe, but `result` stays in the sample's process and comes back as a handle (a store
        the sample will mutate, a logger, a context it must use)."""
        return self._request("prepare", source=source, args=self._encode(list(args)), handle=True)


class Zygote:
    """The candidate's long-lived process: loads the sample once, forks one process per test."""

    def __init__(self, watch, sample_path):
        self.sup, cand = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        os.set_inheritable(self.sup.fileno(), False)
        null = os.open(os.devnull, os.O_WRONLY)
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "TMPDIR": "/tmp",
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}
        self.proc = watch.launch(["/usr/bin/python3", "-I", CANDIDATE, str(cand.fileno()), sample_path],
                                 keep=[cand.fileno()], stdout=null, stderr=null, cwd=dgsup.JOB_DIR, env=env)
        os.close(null)
        cand.close()
        self.watch = watch
        self.chan = dgsup.Channel(self.sup, watch, [], {}, 0)
        self.pid = self.proc.pid

    def expect(self, op, seconds, run, pid=None):
        self.chan.deadline = time.monotonic() + seconds
        while True:
            msg = self.chan.next_message()
            if "ev" in msg:
                run.on_candidate_event(msg)
                continue
            if msg.get("op") == "status" and (op != "status" or (pid is not None and msg.get("pid") != pid)):
                continue  # the late answer to a status request that had timed out
            if msg.get("op") == op:
                return msg
            raise dgsup.Protocol(f"expected {op}, got {one_line(str(msg), 200)}")

    def fork(self, fds, workdir, run):
        socket.send_fds(self.sup, [dgwire.dumps({"op": "fork", "workdir": workdir})], fds)
        return int(self.expect("forked", 10, run)["pid"])

    def status(self, pid, run):
        self.chan.send({"op": "status", "pid": pid})
        try:
            return self.expect("status", 10, run, pid=pid).get("code")
        except dgsup.Protocol as e:
            run.tamper.append(("protocol", f"the sample's zygote channel carried something the zygote never says: {e}"))
            return None
        except (dgsup.CandidateGone, dgsup.TestTimeout):
            return None

    def alive(self):
        return self.proc.poll() is None

    def kill(self):
        try:
            os.killpg(self.pid, 9)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc.wait()


def _exec_tests(source_bytes, path):
    """The tests module, compiled from memory: it is never written where the sample could read it."""
    import types
    module = types.ModuleType("tests")
    module.__file__ = path
    sys.modules["tests"] = module
    exec(compile(source_bytes, path, "exec", dont_inherit=True), module.__dict__)
    return module


def main():
    job = dgsup.read_job()
    dgsup.harden()
    nonce = str(job.get("nonce") or "")
    sample_path, fixtures = dgsup.write_job_files(job)
    trace = dgsup.open_trace(nonce)
    trace.emit("harness", language="python", version=dgsup.HARNESS_VERSION, runtime="Python " + sys.version.split()[0],
               isolation="supervisor")
    timeout_ms = int(job.get("testTimeoutMs") or 3000)
    out_cap = int(job.get("outputCapBytes") or 16384)
    entry = job["entryPoint"]
    watch = dgsup.Watch()
    run = Run(job, trace, watch)

    tests_module = None
    try:
        tests_module = _exec_tests(dgsup.file_bytes(job["testsFile"]), "tests.py")
    except BaseException as e:
        trace.emit("load", ok=False, phase="import", error=f"tests.py: {one_line(f'{type(e).__name__}: {e}')}", diagnostics="")
        trace.emit("end")
        return 0

    zygote = Zygote(watch, sample_path)
    try:
        zygote.expect("ready", 20, run)
        watch.take()  # the interpreter's own start-up, before any of the sample ran
        run.events = []
        zygote.chan.send({"op": "load", "entry": entry})
        loaded = zygote.expect("loaded", timeout_ms / 1000.0 + 2, run)
    except dgsup.TestTimeout:
        loaded = {"ok": False, "phase": "import", "error": f"loading solution.py timed out after {timeout_ms} ms", "diagnostics": ""}
    except dgsup.CandidateGone:
        code = zygote.proc.poll()
        loaded = {"ok": False, "phase": "import", "error": f"the sample's process exited while loading (exit code {code})", "diagnostics": ""}
    except dgsup.Protocol as e:
        run.tamper.append(("protocol", str(e)))
        loaded = {"ok": False, "phase": "import", "error": f"the sample's process broke the harness protocol: {e}", "diagnostics": ""}
    if not loaded.get("ok"):
        zygote.kill()
        trace.emit("load", ok=False, phase=loaded.get("phase", "import"), error=str(loaded.get("error", ""))[:2000],
                   diagnostics=dgsup.cap_text(str(loaded.get("diagnostics") or ""), dgsup.DIAGNOSTICS_CAP))
        for kind, detail in run.tamper:
            trace.emit("tamper", kind=kind, detail=detail)
        trace.emit("end")
        return 0
    trace.emit("load", ok=True, phase="import")
    emit_load_events(trace, watch)
    run.events = []

    for index, test in enumerate(job["tests"]):
        run_test(run, zygote, tests_module, index, test, entry, fixtures, timeout_ms, out_cap)
    zygote.kill()
    watch.kill_strays()
    watch.close()
    trace.emit("end")
    return 0


def run_test(run, zygote, tests_module, index, test, entry, fixtures, timeout_ms, out_cap):
    trace = run.trace
    test_id = test["id"]
    workdir = dgsup.fresh_workdir(index, test_id)
    trace.emit("test_start", test=test_id, kind=test.get("kind", "functional"), workdir=workdir, fixtures=fixtures)
    test_fn = getattr(tests_module, "test_" + test_id, None)
    if not callable(test_fn):
        trace.emit("test_end", test=test_id, status="fail", message=f"tests.py defines no function test_{test_id}", ms=0)
        return
    if not zygote.alive():
        trace.emit("test_end", test=test_id, status="crash", message="the sample's process is gone (killed by an earlier test)", ms=0)
        return
    (out_r, out_w, err_r, err_w), caps = dgsup.make_capture_pipes(out_cap)
    sup_sock, cand_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    start = time.monotonic()
    limit = None
    try:
        pid = zygote.fork([cand_sock.fileno(), out_w, err_w], workdir, run)
    except BaseException as e:
        cand_sock.close()
        for fd in (out_r, out_w, err_r, err_w):
            os.close(fd)
        sup_sock.close()
        trace.emit("test_end", test=test_id, status="crash", message=f"the sample's process could not start the test: {type(e).__name__}", ms=0)
        return
    cand_sock.close()
    os.close(out_w)
    os.close(err_w)
    chan = dgsup.Channel(sup_sock, run.watch, caps, {out_r: caps[0], err_r: caps[1]}, start + timeout_ms / 1000.0)
    ctx = Context(run, chan, entry, workdir, fixtures, pid)
    we_killed = False
    try:
        try:
            test_fn(ctx)
        finally:
            if ctx._next and not chan.closed:
                try:
                    ctx._canary()  # the monitors must still be on when the test ends
                except (AssertionError, Exception):
                    pass
        status, message = "pass", ""
    except AssertionError as e:
        status, message = "fail", one_line(e, 2000) if str(e) else "assertion failed"
    except dgsup.TestTimeout:
        status, message, limit = "timeout", f"timed out after {timeout_ms} ms", ("time", f"the test ran longer than {timeout_ms} ms")
    except dgsup.OutputFlood:
        status, message, limit = "crash", "output flood", ("output", f"the test wrote more than {dgsup.FLOOD_BYTES} bytes of output")
    except dgsup.Protocol as e:
        run.tamper.append(("protocol", str(e)))
        status, message = "fail", f"the sample's process broke the harness protocol: {e}"
    except dgsup.NotJudged as e:
        status, message = "not_judged", one_line(e, 2000)
    except dgsup.CandidateGone:
        code = zygote.status(pid, run)
        we_killed = True
        if code == 0:
            run.tamper.append(("early-exit", "the sample's process exited with code 0 in the middle of a call, before the test had its answer"))
            status, message = "fail", "the sample's process exited during the call (exit code 0)"
        elif code is not None and code < 0:
            sig = -code
            status, message = "crash", f"killed by signal {dgsup.signal_name(sig)}"
            if sig == 9:
                limit = ("memory", "the test process was killed (out of memory)")
                message += " (out of memory)"
        else:
            status, message = "crash", f"the sample's process exited with code {code} before the test finished"
    except BaseException as e:
        status, message = "fail", one_line(f"{type(e).__name__}: {e}", 2000)
    ms = round((time.monotonic() - start) * 1000.0, 3)
    if status in ("pass", "fail") and not we_killed:
        # Threads the call left running get a moment first; then the test process ends when its channel
        # closes, and what it started (children, grandchildren) gets a moment to finish.
        dgsup.settle_threads(pid)
        chan.closed = True
        sup_sock.close()
        late = run.watch.settle(exclude={zygote.pid})
        if late:
            run.tamper.append(("outlived", f"{len(late)} process(es) of the sample were still running {500} ms after the test ended (killed)"))
    try:
        os.killpg(pid, 9)
    except (ProcessLookupError, PermissionError):
        pass
    if not we_killed:
        zygote.status(pid, run)
    run.watch.kill_strays(exclude={zygote.pid})
    chan.drain_outputs()
    try:
        sup_sock.close()
    except OSError:
        pass
    for fd in (out_r, err_r):
        try:
            os.close(fd)
        except OSError:
            pass
    run.flush_test_events(test_id)
    end_test(trace, test_id, status, message, ms, limit, caps)


if __name__ == "__main__":
    sys.exit(dgsup.main_guard(main))
