"""DualGauge Python harness: job JSON on stdin, trace JSON lines on stdout (harness/README.md).
The sample is loaded once; each test runs in a forked child (own process group) that the parent
supervises for timeout, crash and output flood."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dgcore  # noqa: E402
from dgcore import emit, one_line  # noqa: E402
import dgmonitor  # noqa: E402
from dgmonitor import state  # noqa: E402


class HarnessTimeout(BaseException):
    """Raised by the load timer; a BaseException so `except Exception` in the sample cannot swallow it."""


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
    except Exception as e:  # a candidate's __repr__ may raise
        return f"<unrepresentable {type(value).__name__}: {type(e).__name__}>"


class Attempt:
    __slots__ = ("value", "error")

    def __init__(self, value, error):
        self.value = value
        self.error = error

    def __repr__(self):
        return f"Attempt(value={self.value!r}, error={self.error!r})"


class Context:
    def __init__(self, solution, entry_point, workdir, fixtures, sink):
        self.solution = solution
        self.entry_point = entry_point
        self.workdir = workdir
        self.fixtures = fixtures
        self._sink = sink

    def _invoke(self, name, fn, args, kwargs):
        shown = [short_repr(a) for a in args] + [f"{k}={short_repr(v)}" for k, v in kwargs.items()]
        start = dgcore.time.monotonic()
        state.active = True
        try:
            value = fn(*args, **kwargs)
        except BaseException as e:
            state.active = False
            ms = round((dgcore.time.monotonic() - start) * 1000.0, 3)
            self._sink("call", dict(function=name, args=shown,
                                    error=dict(type=type(e).__name__, message=one_line(e, 2000)), ms=ms))
            raise
        state.active = False
        ms = round((dgcore.time.monotonic() - start) * 1000.0, 3)
        self._sink("call", dict(function=name, args=shown, result=short_repr(value), ms=ms))
        return value

    def call(self, *args, **kwargs):
        return self._invoke(self.entry_point, getattr(self.solution, self.entry_point), args, kwargs)

    def attempt(self, *args, **kwargs):
        try:
            return Attempt(self.call(*args, **kwargs), None)
        except Exception as e:
            return Attempt(None, e)

    def function(self, name):
        fn = getattr(self.solution, name, None)
        if not callable(fn):
            raise AttributeError(f"the solution defines no function {name}")

        def recorded(*args, **kwargs):
            return self._invoke(name, fn, args, kwargs)

        recorded.__name__ = name
        return recorded


def _load_module(name, path, timeout_ms):
    """Compiles then executes a module file; returns (module, None) or (None, (phase, error, diagnostics))."""
    import traceback
    import types
    with open(path, "rb") as fh:
        source = fh.read()
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        diag = "".join(traceback.format_exception_only(type(e), e))
        return None, ("compile", one_line(f"{type(e).__name__}: {e}"), diag)
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    import signal

    def on_alarm(signum, frame):
        raise HarnessTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout_ms / 1000.0)
    try:
        exec(code, module.__dict__)
    except HarnessTimeout:
        return None, ("import", f"loading {os.path.basename(path)} timed out after {timeout_ms} ms", "")
    except BaseException as e:
        tb = "".join(traceback.format_exception(type(e), e, e.__traceback__))
        return None, ("import", one_line(f"{type(e).__name__}: {e}"), tb)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return module, None


def _run_child(test_fn, ctx, ev_w, out_w, err_w, workdir, trace_fd, test_id):
    """In the forked test process: never returns."""
    status, message = "crash", "the test process ended unexpectedly"
    try:
        os.setpgid(0, 0)
        dgcore.prefer_oom_kill()
        os.close(trace_fd)  # the candidate must not reach the trace channel
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.close(out_w)
        os.close(err_w)
        os.chdir(workdir)

        def sink(ev, fields):
            obj = {"ev": ev, "t": dgcore.now_ms(), "test": test_id}
            obj.update(fields)
            dgcore._write_all(ev_w, dgcore.encode(obj))

        state.sink = sink
        ctx._sink = sink
        try:
            test_fn(ctx)
            status, message = "pass", ""
        except AssertionError as e:
            status = "fail"
            message = one_line(e, 2000) if str(e) else _assert_location(e)
        except BaseException as e:
            state.active = False
            status, message = "fail", one_line(f"{type(e).__name__}: {e}", 2000)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        dgcore._write_all(ev_w, dgcore.encode({"_result": True, "status": status, "message": message}))
    finally:
        os._exit(0)


def _assert_location(e):
    tb = e.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    if last is None:
        return "assertion failed"
    return f"assertion failed at {os.path.basename(last.tb_frame.f_code.co_filename)}:{last.tb_lineno}"


def main():
    job = dgcore.read_job()
    sample_path, tests_path, fixtures = dgcore.write_job_files(job)
    trace_fd = dgcore.open_trace_channel()
    emit("harness", language="python", version=dgcore.HARNESS_VERSION, runtime="Python " + sys.version.split()[0])
    timeout_ms = int(job.get("testTimeoutMs") or 3000)
    out_cap = int(job.get("outputCapBytes") or 16384)
    entry = job["entryPoint"]

    sys.path.insert(0, dgcore.JOB_DIR)
    dgmonitor.install(sample_path, lambda ev, fields: None)
    os.chdir(dgcore.JOB_DIR)

    solution, failure = _load_module("solution", sample_path, timeout_ms)
    if failure is None and not callable(getattr(solution, entry, None)):
        failure = ("import", f"entry point {entry} not found", "")
    tests_module = None
    if failure is None:
        tests_module, failure = _load_module("tests", tests_path, timeout_ms)
        if failure is not None:
            failure = (failure[0], f"{os.path.basename(tests_path)}: {failure[1]}", failure[2])
    if failure is not None:
        phase, error, diag = failure
        emit("load", ok=False, phase=phase, error=error, diagnostics=dgcore.cap_text(diag, dgcore.DIAGNOSTICS_CAP))
        emit("end")
        return 0
    emit("load", ok=True, phase="import")
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # load-time prints must not resurface in the first test's output

    import gc
    gc.collect()
    gc.freeze()  # forked children then share the loaded heap without copying it
    for index, test in enumerate(job["tests"]):
        test_id = test["id"]
        workdir = dgcore.fresh_workdir(index, test_id)
        emit("test_start", test=test_id, kind=test.get("kind", "functional"), workdir=workdir, fixtures=fixtures)
        test_fn = getattr(tests_module, "test_" + test_id, None)
        if not callable(test_fn):
            emit("test_end", test=test_id, status="fail",
                 message=f"{os.path.basename(tests_path)} defines no function test_{test_id}", ms=0)
            continue
        ctx = Context(solution, entry, workdir, fixtures, None)
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        ev_r, ev_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(out_r)
            os.close(err_r)
            os.close(ev_r)
            _run_child(test_fn, ctx, ev_w, out_w, err_w, workdir, trace_fd, test_id)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass  # the child already did it (or already exited)
        os.close(out_w)
        os.close(err_w)
        os.close(ev_w)
        holder = {}

        def on_event(line):
            if line.startswith(b'{"_result"'):
                import json
                holder["result"] = json.loads(line)
            else:
                dgcore.emit_raw(line)

        outcome, captures = dgcore.supervise(pid, out_r, err_r, ev_r, timeout_ms, test_id, out_cap, on_event)
        outcome.result = holder.get("result")
        dgcore.finish_test(test_id, outcome, captures, timeout_ms)
    emit("end")
    return 0


if __name__ == "__main__":
    sys.exit(dgcore.main_guard(main))
