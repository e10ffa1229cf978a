"""DualGauge JavaScript harness, supervisor side: job JSON on stdin, trace JSON lines on stdout.

Three processes: this supervisor (trace, deadlines, kernel events), the test runner (runner.js: the
tests, from an execute-only copy of node so the kernel keeps it non-dumpable) and the candidate
(candidate.js under dg-launch's filter: the sample, loaded afresh for each test). Every message between
runner and candidate passes through here, so the supervisor sees each call, answer and event, and a
candidate that stops answering is cut off at the test's deadline."""

import os
import select
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))

import dgsup  # noqa: E402
import dgwire  # noqa: E402
from dgsup import one_line  # noqa: E402
from dgevidence import Run, emit_load_events, end_test  # noqa: E402

NODE = "/usr/bin/node"
NODE_SUPERVISOR = "/opt/dualgauge/bin/node-supervisor"
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "TMPDIR": "/tmp",
       # node derives its global folders from its own path; the runner's copy lives under /opt, so all are named.
       "NODE_PATH": "/usr/lib/x86_64-linux-gnu/nodejs:/usr/share/nodejs:/usr/lib/nodejs"}


class Peer:
    """One socket end with line framing, non-blocking on this side."""

    def __init__(self, sock):
        self.sock = sock
        sock.setblocking(False)
        self.buf = bytearray()
        self.closed = False

    def fileno(self):
        return self.sock.fileno()

    def send(self, msg):
        data = memoryview(dgwire.dumps(msg))
        while data:
            try:
                n = self.sock.send(data)
                data = data[n:]
            except BlockingIOError:
                select.select([], [self.sock], [], 0.05)
            except (BrokenPipeError, ConnectionResetError, OSError):
                self.closed = True
                return False
        return True

    def read(self):
        """Reads what is there; returns the complete messages (raises dgsup.Protocol on garbage)."""
        out = []
        while True:
            try:
                data = self.sock.recv(1 << 20)
            except BlockingIOError:
                break
            except OSError:
                data = b""
            if not data:
                self.closed = True
                break
            self.buf += data
            if len(self.buf) > dgwire.MAX_LINE and self.buf.find(b"\n") < 0:
                raise dgsup.Protocol(f"a message over {dgwire.MAX_LINE} bytes")
        while True:
            nl = self.buf.find(b"\n")
            if nl < 0:
                break
            line = bytes(self.buf[:nl])
            del self.buf[: nl + 1]
            try:
                out.append(dgwire.loads(line))
            except dgwire.WireError as e:
                raise dgsup.Protocol(str(e))
        return out


class Candidate:
    def __init__(self, watch, sample_path, entry, out_cap):
        sup, cand = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        os.set_inheritable(sup.fileno(), False)
        (out_r, out_w, err_r, err_w), self.caps = dgsup.make_capture_pipes(out_cap)
        self.proc = watch.launch([NODE, "--stack-size=4000", os.path.join(HERE, "candidate.js"), str(cand.fileno()),
                                  str(cand.fileno()), sample_path, entry],
                                 keep=[cand.fileno()], stdout=out_w, stderr=err_w, cwd=dgsup.JOB_DIR, env=ENV)
        cand.close()
        os.close(out_w)
        os.close(err_w)
        self.peer = Peer(sup)
        self.outputs = {out_r: self.caps[0], err_r: self.caps[1]}
        self.pid = self.proc.pid

    def alive(self):
        return self.proc.poll() is None and not self.peer.closed

    def kill(self):
        try:
            os.killpg(self.pid, 9)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for fd in list(self.outputs):
            try:
                os.close(fd)
            except OSError:
                pass
        self.outputs = {}
        self.peer.closed = True
        try:
            self.peer.sock.close()
        except OSError:
            pass


class Relay:
    """The select loop over the runner, the candidate, the candidate's output and dg-watch."""

    def __init__(self, run, runner_peer, watch):
        self.run = run
        self.runner = runner_peer
        self.watch = watch
        self.cand = None
        self.canary = None       # (nonce, expected sql) awaiting the candidate's answer
        self.pending = {}        # request id -> op, of requests forwarded to the candidate
        self.cpu_start = {}      # request id -> the candidate's CPU ms when the call left
        self.flooded = False
        self.backlog = []        # candidate messages read while waiting for something else
        self.fatal = None        # the uncaught error that ended the candidate, as it reported it

    def drain_output(self, fd):
        cap = self.cand.outputs.get(fd) if self.cand else None
        if cap is None:
            return
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                del self.cand.outputs[fd]
                return
            cap.feed(data)
            if sum(c.total for c in self.cand.caps) > dgsup.FLOOD_BYTES:
                self.flooded = True
                return

    def poll(self, timeout):
        fds = [self.watch.fd]
        if not self.runner.closed:
            fds.append(self.runner.fileno())
        if self.cand is not None:
            if not self.cand.peer.closed:
                fds.append(self.cand.peer.fileno())
            fds += list(self.cand.outputs)
        try:
            r, _, _ = select.select(fds, [], [], max(0.0, timeout))
        except InterruptedError:
            return [], []
        from_runner, from_cand = [], []
        for fd in r:
            if fd == self.watch.fd:
                self.watch.feed()
            elif fd == self.runner.fileno():
                from_runner += self.runner.read()
            elif self.cand is not None and fd == self.cand.peer.fileno():
                from_cand += self.cand.peer.read()
            else:
                self.drain_output(fd)
        return from_runner, from_cand

    def candidate_message(self, msg):
        """Routes one message from the candidate: events stay here, answers go to the runner."""
        if "ev" in msg:
            self.run.on_candidate_event(msg)
            return None
        if msg.get("op") == "fatal":
            err = msg.get("error") or {}
            self.fatal = one_line(f"{err.get('name', 'Error')}: {err.get('message', '')}", 500)
            return None
        if msg.get("op") == "callback":
            self.runner.send({"c": msg})
            return None
        rid = msg.get("re")
        if rid not in self.pending:
            raise dgsup.Protocol(f"an answer to a request never made: {one_line(str(msg), 200)}")
        op = self.pending.pop(rid)
        if op == "canary" and self.canary is not None:
            nonce, expected = self.canary
            self.canary = None
            value = msg.get("value")
            closed = 0
            if isinstance(value, dict) and "$obj" in value:
                closed = dict((k, v) for k, v in value["$obj"]).get("closed", 0) or 0
            self.run.check_canary(nonce, expected_sql=max(0, int(expected) - int(closed)))
        if op in ("load",):
            return msg
        start = self.cpu_start.pop(rid, None)
        if start is not None and self.cand is not None:
            end = dgsup.cpu_ms(self.cand.pid)
            if end is not None:
                msg["cpu"] = end - start  # measured here, from /proc: the sample cannot report its own
        self.runner.send({"c": msg})
        return None

    def runner_request(self, msg):
        """Forwards one request from the runner to the candidate, noting what it asked."""
        c = msg.get("c")
        if not isinstance(c, dict):
            return
        if "id" in c and "op" in c:
            self.pending[c["id"]] = c["op"]
            if c["op"] in ("call", "callref", "method") and self.cand is not None:
                self.cpu_start[c["id"]] = dgsup.cpu_ms(self.cand.pid)
            if c["op"] == "canary":
                self.canary = (str(c.get("nonce")), int(c.get("expectSql") or 0))
        if self.cand is None or not self.cand.alive() or not self.cand.peer.send(c):
            self.runner.send({"gone": "the sample's process is gone"})

    def request_candidate(self, msg, deadline):
        """Sends the supervisor's own request (a load) and waits for its answer."""
        self.pending[msg["id"]] = msg["op"]
        if not self.cand.peer.send(msg):
            raise dgsup.CandidateGone("the sample's process closed its channel")
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise dgsup.TestTimeout()
            _, from_cand = self.poll(min(remaining, 1.0))
            for m in from_cand:
                reply = self.candidate_message(m)
                if reply is not None and reply.get("re") == msg["id"]:
                    return reply
            if self.cand.peer.closed or self.cand.proc.poll() is not None:
                self.poll(0)
                raise dgsup.CandidateGone("the sample's process ended")


def start_candidate(relay, watch, sample_path, entry, out_cap, timeout_ms, label, started=None):
    """Starts the candidate (or takes the one already starting) and loads the sample; returns None or
    (phase, error, diagnostics)."""
    cand = started or Candidate(watch, sample_path, entry, out_cap)
    relay.cand = cand
    deadline = time.monotonic() + 20
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return ("import", "the JavaScript runtime did not start in time", "")
        # What was read while waiting for the runner comes first: polling before it would sit out the
        # timeout for a message that has already arrived.
        from_cand, relay.backlog = relay.backlog, []
        if not any(m.get("op") == "ready" for m in from_cand):
            _, from_cand = relay.poll(min(remaining, 1.0))
        if any(m.get("op") == "ready" for m in from_cand):
            break
        if not cand.alive():
            return ("import", f"the JavaScript runtime exited at start (exit code {cand.proc.poll()})", "")
    watch.take()  # node's own start-up, before any of the sample ran
    relay.run.events = []
    return load(relay, timeout_ms, label)


def load(relay, timeout_ms, label):
    try:
        reply = relay.request_candidate({"id": label, "op": "load"}, time.monotonic() + timeout_ms / 1000.0 + 2)
    except dgsup.TestTimeout:
        return ("import", f"loading solution.js timed out after {timeout_ms} ms", "")
    except dgsup.CandidateGone:
        return ("import", f"the sample's process exited while loading (exit code {relay.cand.proc.poll()})", "")
    if reply.get("ok"):
        return None
    err = reply.get("error") or {}
    message = str(err.get("message", ""))
    error = message if message.startswith("entry point ") else one_line(f"{err.get('name', 'Error')}: {message}")
    return (err.get("phase") or "import", error, str(err.get("stack") or ""))


def main():
    job = dgsup.read_job()
    dgsup.harden()
    nonce = str(job.get("nonce") or "")
    sample_path, fixtures = dgsup.write_job_files(job)
    trace = dgsup.open_trace(nonce)
    timeout_ms = int(job.get("testTimeoutMs") or 3000)
    out_cap = int(job.get("outputCapBytes") or 16384)
    entry = job["entryPoint"]
    watch = dgsup.Watch()
    run = Run(job, trace, watch)

    rsup, rrun = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    os.set_inheritable(rsup.fileno(), False)
    null = os.open(os.devnull, os.O_RDWR)
    runner_bin = NODE_SUPERVISOR if os.access(NODE_SUPERVISOR, os.X_OK) else NODE
    runner_proc = subprocess.Popen([runner_bin, "--stack-size=4000", os.path.join(HERE, "runner.js"), str(rrun.fileno())],
                                   pass_fds=[rrun.fileno()], stdin=null, stdout=null, stderr=null, cwd=dgsup.JOB_DIR, env=ENV)
    rrun.close()
    os.close(null)
    runner = Peer(rsup)
    relay = Relay(run, runner, watch)
    # The candidate starts while the runner does: both runtimes boot at once on two cores.
    relay.cand = Candidate(watch, sample_path, entry, out_cap)

    def runner_wait(key, seconds):
        deadline = time.monotonic() + seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or runner.closed:
                return None
            from_runner, from_cand = relay.poll(min(remaining, 1.0))
            relay.backlog += from_cand
            for m in from_runner:
                if key in m:
                    return m

    ready = runner_wait("ready", 20)
    if ready is None:
        raise SystemExit("harness(javascript): the test runner did not start")
    trace.emit("harness", language="javascript", version=dgsup.HARNESS_VERSION, runtime=f"Node.js {ready.get('node', '?')}", isolation="supervisor")
    runner.send({"op": "init", "tests": dgsup.file_bytes(job["testsFile"]).decode("utf-8", "replace"), "entryPoint": entry,
                 "fixtures": fixtures, "jobDir": dgsup.JOB_DIR})
    inited = runner_wait("inited", 20)
    if inited is None or not inited.get("inited"):
        error = (inited or {}).get("error") or "tests.js: the test runner failed"
        trace.emit("load", ok=False, phase="import", error=error, diagnostics=(inited or {}).get("diagnostics", ""))
        trace.emit("end")
        runner_proc.kill()
        return 0

    failure = start_candidate(relay, watch, sample_path, entry, out_cap, timeout_ms, "load", started=relay.cand)
    if failure is not None:
        relay.cand.kill()
        trace.emit("load", ok=False, phase=failure[0], error=failure[1][:2000], diagnostics=dgsup.cap_text(failure[2], dgsup.DIAGNOSTICS_CAP))
        for kind, detail in run.tamper:
            trace.emit("tamper", kind=kind, detail=detail)
        trace.emit("end")
        runner_proc.kill()
        return 0
    trace.emit("load", ok=True, phase="import")
    emit_load_events(trace, watch)
    run.events = []
    for c in relay.cand.caps:
        c.reset()

    for index, test in enumerate(job["tests"]):
        run_test(run, relay, runner, watch, index, test, sample_path, entry, fixtures, timeout_ms, out_cap)
    if relay.cand is not None:
        relay.cand.kill()
    runner_proc.kill()
    watch.kill_strays()
    watch.close()
    trace.emit("end")
    return 0


def run_test(run, relay, runner, watch, index, test, sample_path, entry, fixtures, timeout_ms, out_cap):
    trace = run.trace
    test_id = test["id"]
    workdir = dgsup.fresh_workdir(index, test_id)
    trace.emit("test_start", test=test_id, kind=test.get("kind", "functional"), workdir=workdir, fixtures=fixtures)
    start = time.monotonic()
    deadline = start + timeout_ms / 1000.0
    status, message, limit = None, "", None
    if relay.cand is None or not relay.cand.alive():
        if relay.cand is not None:
            relay.cand.kill()
        failure = start_candidate(relay, watch, sample_path, entry, out_cap, timeout_ms, f"load-{index}")
        if failure is not None:
            status, message = "crash", f"the sample could not be started again: {failure[1]}"
    else:
        failure = load(relay, timeout_ms, f"load-{index}")
        if failure is not None:
            status, message = "crash", f"the sample did not load again: {failure[1]}"
    for c in relay.cand.caps:
        c.reset()
    relay.flooded = False
    relay.fatal = None
    why_gone = None
    if status is None:
        runner.send({"op": "run", "test": test_id, "workdir": workdir})
        done = None
        while done is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                why_gone = "timeout"
                break
            try:
                from_runner, from_cand = relay.poll(min(remaining, 1.0))
                for m in from_cand:
                    relay.candidate_message(m)
                for m in from_runner:
                    if "done" in m:
                        done = m["done"]
                    elif "call" in m and isinstance(m["call"], dict):
                        run.on_call({k: v for k, v in m["call"].items() if k in ("function", "args", "result", "error", "ms")})
                    elif "c" in m:
                        relay.runner_request(m)
            except dgsup.Protocol as e:
                run.tamper.append(("protocol", str(e)))
                why_gone = "protocol"
                break
            if relay.flooded:
                why_gone = "flood"
                break
            if done is None and relay.cand is not None and (relay.cand.peer.closed or relay.cand.proc.poll() is not None) and not relay.pending == {}:
                why_gone = "exit"
                break
            if runner.closed:
                done = {"status": "crash", "message": "the test runner died"}
        if why_gone is not None:
            code = None
            if why_gone == "exit":
                try:
                    code = relay.cand.proc.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    code = None
            relay.cand.kill()
            runner.send({"gone": why_gone})
            # The runner finishes the test with the error; its verdict is replaced by the reason.
            wait_until = time.monotonic() + 2
            while time.monotonic() < wait_until and not runner.closed:
                from_runner, _ = relay.poll(0.2)
                if any("done" in m for m in from_runner):
                    break
                for m in from_runner:
                    if "c" in m:
                        runner.send({"gone": why_gone})
            if why_gone == "timeout":
                status, message, limit = "timeout", f"timed out after {timeout_ms} ms", ("time", f"the test ran longer than {timeout_ms} ms")
            elif why_gone == "flood":
                status, message, limit = "crash", "output flood", ("output", f"the test wrote more than {dgsup.FLOOD_BYTES} bytes of output")
            elif why_gone == "protocol":
                status, message = "fail", "the sample's process broke the harness protocol"
            elif code == 0:
                run.tamper.append(("early-exit", "the sample's process exited with code 0 in the middle of a call, before the test had its answer"))
                status, message = "fail", "the sample's process exited during the call (exit code 0)"
            elif code is not None and code < 0:
                status, message = "crash", f"killed by signal {dgsup.signal_name(-code)}"
                if -code == 9:
                    limit = ("memory", "the test process was killed (out of memory)")
                    message += " (out of memory)"
            else:
                status, message = "crash", f"the sample's process exited with code {code} before the test finished"
            if relay.fatal:
                message += f": {relay.fatal}"
        else:
            status = done.get("status") if done.get("status") in ("pass", "fail", "crash", "not_judged") else "fail"
            message = str(done.get("message") or "")[:4000]
    ms = round((time.monotonic() - start) * 1000.0, 3)
    if relay.cand is not None:
        if why_gone is None:
            late = watch.settle(exclude={relay.cand.pid})
            if late:
                run.tamper.append(("outlived", f"{len(late)} process(es) of the sample were still running 500 ms after the test ended (killed)"))
        watch.kill_strays(exclude={relay.cand.pid})
        if relay.cand.alive():
            relay.poll(0.01)
    run.flush_test_events(test_id)
    relay.pending = {}
    relay.canary = None
    end_test(trace, test_id, status, message, ms, limit, relay.cand.caps if relay.cand is not None else [])


if __name__ == "__main__":
    sys.exit(dgsup.main_guard(main))
