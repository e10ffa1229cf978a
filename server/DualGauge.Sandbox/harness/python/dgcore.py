"""Shared parts of the Python and C harnesses: the trace channel, the job folder, and the
supervisor that runs one test in its own process group with a timeout, output capture and the
output-flood limit. See harness/README.md for the protocol."""

import base64
import json
import os
import select
import signal
import sys
import time

HARNESS_VERSION = "1.0.0"
JOB_DIR = os.environ.get("DG_JOB_DIR", "/tmp/job")
FLOOD_BYTES = 8 * 1024 * 1024
DIAGNOSTICS_CAP = 8 * 1024

_T0 = time.monotonic()
_trace_fd = None
_error_fd = 2


def fail_harness(message):
    """Reports a broken harness on the container's stderr (fd 2 is the candidates' sink by then)."""
    try:
        os.write(_error_fd, (str(message).rstrip() + "\n").encode("utf-8", "replace"))
    except OSError:
        pass
    return 1


def main_guard(main):
    try:
        return main()
    except SystemExit as e:
        if isinstance(e.code, str):
            return fail_harness(e.code)
        return e.code or 0
    except BaseException:
        import traceback
        return fail_harness("harness error:\n" + traceback.format_exc())


def now_ms():
    return round((time.monotonic() - _T0) * 1000.0, 3)


def open_trace_channel():
    """Keeps the real stdout as the trace channel and points fds 1 and 2 at a sink, so nothing
    the candidate (or a library) prints can ever reach the trace."""
    global _trace_fd, _error_fd
    _trace_fd = os.dup(1)
    os.set_inheritable(_trace_fd, False)
    _error_fd = os.dup(2)
    os.set_inheritable(_error_fd, False)
    sink = os.open(os.path.join(JOB_DIR, ".load-output"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    os.close(sink)
    return _trace_fd


def _write_all(fd, data):
    while data:
        n = os.write(fd, data)
        data = data[n:]


def encode(obj):
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str) + "\n").encode("utf-8", "replace")


def emit(ev, **fields):
    obj = {"ev": ev, "t": now_ms()}
    obj.update(fields)
    _write_all(_trace_fd, encode(obj))


def emit_raw(line):
    _write_all(_trace_fd, line if line.endswith(b"\n") else line + b"\n")


def one_line(text, cap=500):
    text = " ".join(str(text).split())
    return text if len(text) <= cap else text[: cap - 3] + "..."


def cap_text(text, cap):
    data = text.encode("utf-8", "replace")
    if len(data) <= cap:
        return text
    return data[:cap].decode("utf-8", "ignore") + "\n...[truncated]"


def read_job():
    raw = sys.stdin.buffer.read()
    try:
        job = json.loads(raw.decode("utf-8"))
    except Exception as e:  # a broken job is a harness-level failure
        raise SystemExit(f"harness: the job on stdin is not valid JSON: {e}")
    for key in ("entryPoint", "sample", "testsFile", "tests"):
        if key not in job:
            raise SystemExit(f"harness: the job has no '{key}'")
    return job


def _safe_join(root, rel):
    path = os.path.normpath(os.path.join(root, rel))
    if not (path + "/").startswith(root + "/") or os.path.isabs(rel):
        raise SystemExit(f"harness: job file path '{rel}' escapes the job folder")
    return path


def write_job_files(job):
    """Writes the sample, the tests file and the extra files under JOB_DIR; returns
    (sample_path, tests_path, fixtures_dir)."""
    os.makedirs(JOB_DIR, exist_ok=True)
    os.makedirs(os.path.join(JOB_DIR, "fixtures"), exist_ok=True)
    os.makedirs(os.path.join(JOB_DIR, "work"), exist_ok=True)
    paths = []
    for f in [job["sample"], job["testsFile"]] + list(job.get("files") or []):
        path = _safe_join(JOB_DIR, f["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if f.get("base64") is not None:
            data = base64.b64decode(f["base64"])
        else:
            data = (f.get("content") or "").encode("utf-8")
        with open(path, "wb") as fh:
            fh.write(data)
        paths.append(path)
    return paths[0], paths[1], os.path.join(JOB_DIR, "fixtures")


def fresh_workdir(index, test_id):
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in test_id)[:80]
    path = os.path.join(JOB_DIR, "work", f"{index:03d}-{safe}")
    os.makedirs(path, exist_ok=True)
    return path


class Capture:
    """One captured stream of a test: keeps the first `cap` bytes, counts the rest."""

    def __init__(self, name, cap, scan=0):
        self.name = name
        self.cap = cap
        self.kept = bytearray()
        self.total = 0
        self.scan_cap = scan       # the C harness reads UBSan reports from the first `scan` bytes
        self.scanned = bytearray()

    def feed(self, data):
        self.total += len(data)
        room = self.cap - len(self.kept)
        if room > 0:
            self.kept += data[:room]
        room = self.scan_cap - len(self.scanned)
        if room > 0:
            self.scanned += data[:room]

    def event(self, test_id):
        return dict(test=test_id, stream=self.name, text=self.kept.decode("utf-8", "replace"),
                    bytes=self.total, truncated=self.total > len(self.kept))


def signal_name(sig):
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"signal {sig}"


class Outcome:
    def __init__(self):
        self.result = None       # the "_result" object the test process reported
        self.timed_out = False
        self.flooded = False
        self.returncode = None
        self.ms = 0.0


def supervise(pid, out_r, err_r, ev_r, timeout_ms, test_id, out_cap, on_event, scan_stderr=0):
    """Waits for the test process `pid` (leader of its own process group) while pumping its
    stdout/stderr into captures and its event lines to `on_event`. Kills the whole group on
    timeout or output flood. Returns (Outcome, [Capture stdout, Capture stderr])."""
    start = time.monotonic()
    deadline = start + timeout_ms / 1000.0
    out, err = Capture("stdout", out_cap), Capture("stderr", out_cap, scan_stderr)
    outcome = Outcome()
    pending = bytearray()
    fds = {out_r: out, err_r: err, ev_r: None}
    for fd in fds:
        os.set_blocking(fd, False)
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None

    def drain(fd):
        nonlocal pending
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                return True
            except OSError:
                return False
            if not data:
                return False
            target = fds[fd]
            if target is None:
                pending += data
                while True:
                    nl = pending.find(b"\n")
                    if nl < 0:
                        break
                    line = bytes(pending[:nl])
                    del pending[: nl + 1]
                    on_event(line)
            else:
                target.feed(data)
                if out.total + err.total > FLOOD_BYTES:
                    outcome.flooded = True
                    return True

    open_fds = set(fds)
    exited = False
    status = None
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            outcome.timed_out = True
            break
        watch = list(open_fds) + ([pidfd] if pidfd is not None else [])
        try:
            ready, _, _ = select.select(watch, [], [], min(remaining, 0.05 if pidfd is None else remaining))
        except InterruptedError:
            continue
        for fd in ready:
            if fd == pidfd:
                exited = True
            elif not drain(fd):
                open_fds.discard(fd)
        if outcome.flooded:
            break
        if exited or pidfd is None:
            wpid, st = os.waitpid(pid, os.WNOHANG)
            if wpid == pid:
                status = st
                break
            exited = False
    if status is None:
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(pid, 0)
    else:
        # Background processes the candidate left behind must not outlive the test.
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    outcome.ms = round((time.monotonic() - start) * 1000.0, 3)
    for fd in list(open_fds):
        if not outcome.flooded:
            drain(fd)
    if pending:
        on_event(bytes(pending))
    for fd in fds:
        os.close(fd)
    if pidfd is not None:
        os.close(pidfd)
    outcome.returncode = os.waitstatus_to_exitcode(status)
    return outcome, [out, err]


def prefer_oom_kill():
    """Makes the calling test process the OOM killer's first choice, so the harness survives."""
    try:
        with open("/proc/self/oom_score_adj", "w") as fh:
            fh.write("1000")
    except OSError:
        pass


def finish_test(test_id, outcome, captures, timeout_ms, emit_fn=None):
    """Emits the output/limit/test_end events of a supervised test."""
    emit_fn = emit_fn or emit
    for c in captures:
        if c.total:
            emit_fn("output", **c.event(test_id))
    if outcome.flooded:
        emit_fn("limit", test=test_id, what="output",
                detail=f"the test wrote more than {FLOOD_BYTES} bytes of output")
        status, message = "crash", "output flood"
    elif outcome.timed_out:
        emit_fn("limit", test=test_id, what="time", detail=f"the test ran longer than {timeout_ms} ms")
        status, message = "timeout", f"timed out after {timeout_ms} ms"
    elif outcome.result is not None:
        status, message = outcome.result.get("status", "crash"), outcome.result.get("message", "")
    elif outcome.returncode is not None and outcome.returncode < 0:
        sig = -outcome.returncode
        status, message = "crash", f"killed by signal {signal_name(sig)}"
        if sig == signal.SIGKILL:
            # Nobody here sent it: the container's OOM killer did (test processes volunteer first).
            emit_fn("limit", test=test_id, what="memory", detail="the test process was killed (out of memory)")
            message += " (out of memory)"
    else:
        status, message = "crash", f"the test process exited with code {outcome.returncode} before the test finished"
    emit_fn("test_end", test=test_id, status=status, message=message, ms=outcome.ms)
