"""The supervisor: the side of the trust boundary the sample cannot reach. Shared by the Python,
JavaScript and C harnesses.

The supervisor is the only writer of the trace. It makes itself non-dumpable (the kernel then refuses
a same-uid candidate ptrace, /proc/<pid>/mem and /proc/<pid>/fd), keeps its trace fd and the test code
to itself, and starts every candidate process through dg-launch, whose seccomp filter reports the
candidate's process, file, socket, signal and ptrace syscalls to dg-watch, a second non-dumpable
process. What the candidate's own process reports (return values, SQL text) arrives as data on a
socket and is validated here; nothing it writes is ever taken as a test result.

Every trace line carries the run's nonce (`n`), which only the host and the supervisor know."""

import base64
import ctypes
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time

HARNESS_VERSION = "2.0.0"
JOB_DIR = os.environ.get("DG_JOB_DIR", "/tmp/job")
HARNESS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WATCH_BIN = os.path.join(HARNESS_DIR, "watch", "dg-watch")
LAUNCH_BIN = os.path.join(HARNESS_DIR, "watch", "dg-launch")
FLOOD_BYTES = 8 * 1024 * 1024
DIAGNOSTICS_CAP = 8 * 1024
SHELLS = {"sh", "bash", "dash", "zsh", "ksh", "ash", "busybox"}

_T0 = time.monotonic()


def now_ms():
    return round((time.monotonic() - _T0) * 1000.0, 3)


def one_line(text, cap=500):
    text = " ".join(str(text).split())
    return text if len(text) <= cap else text[: cap - 3] + "..."


def cap_text(text, cap):
    data = text.encode("utf-8", "replace")
    if len(data) <= cap:
        return text
    return data[:cap].decode("utf-8", "ignore") + "\n...[truncated]"


# ---- the process itself ------------------------------------------------------------------------

_libc = ctypes.CDLL(None, use_errno=True)
PR_SET_DUMPABLE = 4


def harden():
    """Non-dumpable: no same-uid process may ptrace this one or open its /proc entries."""
    if _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise SystemExit("harness: prctl(PR_SET_DUMPABLE, 0) failed")


def seccomp_filters(pid="self", living=False):
    """How many seccomp filters a process carries; None when unknown, or (living=True) when it has
    already exited (a zombie its parent has not reaped yet runs nothing)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            count = None
            for line in fh:
                if living and line.startswith("State:") and line.split()[1] in ("Z", "X"):
                    return None
                if line.startswith("Seccomp_filters:"):
                    count = int(line.split()[1])
            return count
    except (OSError, ValueError, IndexError):
        return None


# ---- the trace ---------------------------------------------------------------------------------

class TraceWriter:
    def __init__(self, fd, nonce):
        self.fd = fd
        self.nonce = nonce

    def emit(self, ev, **fields):
        obj = {"ev": ev, "t": now_ms(), "n": self.nonce}
        obj.update(fields)
        data = (json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str) + "\n").encode("utf-8", "replace")
        while data:
            n = os.write(self.fd, data)
            data = data[n:]


def open_trace(nonce):
    """Keeps the real stdout as the trace channel (close-on-exec, never inherited) and points fds
    1 and 2 at /dev/null so nothing a library prints can reach it."""
    fd = os.dup(1)
    os.set_inheritable(fd, False)
    err = os.dup(2)
    os.set_inheritable(err, False)
    global _error_fd
    _error_fd = err
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)
    return TraceWriter(fd, nonce)


_error_fd = 2


def fail_harness(message):
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


# ---- the job -----------------------------------------------------------------------------------

def read_job():
    raw = sys.stdin.buffer.read()
    try:
        job = json.loads(raw.decode("utf-8"))
    except Exception as e:
        raise SystemExit(f"harness: the job on stdin is not valid JSON: {e}")
    for key in ("entryPoint", "sample", "testsFile", "tests"):
        if key not in job:
            raise SystemExit(f"harness: the job has no '{key}'")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    return job


def file_bytes(f):
    if f.get("base64") is not None:
        return base64.b64decode(f["base64"])
    return (f.get("content") or "").encode("utf-8")


def _safe_join(root, rel):
    path = os.path.normpath(os.path.join(root, rel))
    if not (path + "/").startswith(root + "/") or os.path.isabs(rel):
        raise SystemExit(f"harness: job file path '{rel}' escapes the job folder")
    return path


def write_job_files(job):
    """Writes the sample and the fixtures under JOB_DIR. The tests file is NOT written: test code and
    expected values stay in the supervisor's memory, out of the sample's reach."""
    for d in ("", "fixtures", "work"):
        os.makedirs(os.path.join(JOB_DIR, d), exist_ok=True)
    sample = _safe_join(JOB_DIR, job["sample"]["path"])
    for f in [job["sample"]] + list(job.get("files") or []):
        path = _safe_join(JOB_DIR, f["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(file_bytes(f))
    return sample, os.path.join(JOB_DIR, "fixtures")


def fresh_workdir(index, test_id):
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in test_id)[:80]
    path = os.path.join(JOB_DIR, "work", f"{index:03d}-{safe}")
    os.makedirs(path, exist_ok=True)
    return path


def disk_full():
    try:
        st = os.statvfs("/tmp")
        return st.f_bavail * st.f_frsize < 64 * 1024
    except OSError:
        return False


# ---- output capture ----------------------------------------------------------------------------

class Capture:
    """One captured stream of a test: keeps the first `cap` bytes, counts the rest."""

    def __init__(self, name, cap, scan=0):
        self.name = name
        self.cap = cap
        self.kept = bytearray()
        self.total = 0
        self.scan_cap = scan
        self.scanned = bytearray()

    def feed(self, data):
        self.total += len(data)
        room = self.cap - len(self.kept)
        if room > 0:
            self.kept += data[:room]
        room = self.scan_cap - len(self.scanned)
        if room > 0:
            self.scanned += data[:room]

    def reset(self):
        self.kept = bytearray()
        self.total = 0
        self.scanned = bytearray()

    def event(self, test_id):
        return dict(test=test_id, stream=self.name, text=self.kept.decode("utf-8", "replace"),
                    bytes=self.total, truncated=self.total > len(self.kept))


# ---- the syscall monitor -----------------------------------------------------------------------

_RUNTIME_PREFIXES = ("/usr/lib/", "/lib/", "/usr/lib64/", "/lib64/", "/usr/local/lib/", "/usr/share/",
                     "/usr/include/", "/etc/ssl/", "/etc/python3", "/opt/dualgauge/", "/sys/", "/usr/bin/",
                     "/usr/local/bin/", "/usr/sbin/", "/bin/", "/sbin/", "/etc/alternatives/", "/proc/self/",
                     "/proc/thread-self/", "/etc/ld.so.conf.d/")
_RUNTIME_FILES = {"/etc/ld.so.cache", "/etc/localtime", "/etc/nsswitch.conf", "/etc/host.conf", "/etc/resolv.conf",
                  "/etc/hosts", "/etc/gai.conf", "/etc/mime.types", "/usr/pyvenv.cfg", "/dev/null", "/dev/urandom",
                  "/dev/random", "/dev/zero", "/dev/full", "/dev/tty", "/etc/ld.so.preload", "/etc/os-release",
                  "/etc/services", "/etc/protocols", "/etc/ssl/openssl.cnf"}
_SENSITIVE_PROC = ("mem", "fd", "fdinfo", "environ", "maps", "smaps", "pagemap", "root", "cwd", "exe", "syscall",
                   "stack", "task", "map_files", "auxv", "cmdline", "status")

O_ACCMODE = 0o3
O_WRONLY = 0o1
O_RDWR = 0o2
O_CREAT = 0o100
O_EXCL = 0o200
O_TRUNC = 0o1000
O_APPEND = 0o2000
O_DIRECTORY = 0o200000
O_PATH = 0o10000000


def _mode_of(flags):
    acc = flags & O_ACCMODE
    if acc == O_RDWR:
        return "r+"
    if acc == O_WRONLY:
        if flags & O_APPEND:
            return "a"
        if flags & O_EXCL:
            return "x"
        return "w"
    return "r"


def _is_runtime_read(path, flags):
    if flags & (O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND):
        return path in ("/dev/null",)
    return path in _RUNTIME_FILES or path.startswith(_RUNTIME_PREFIXES) or path.startswith("/proc/") and \
        path.rstrip("/").split("/")[-1] in ("stat", "meminfo", "cpuinfo", "version", "self", "loadavg", "uptime", "mounts")


def _realpath(path):
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path


class SyscallTranslator:
    """Turns dg-watch `sys` events into trace events (process, file, socket) and tamper signs."""

    def __init__(self):
        self.launch_pids = set()    # pids whose next execve is dg-launch starting the program

    def translate(self, sev):
        """Returns a list of (ev, fields) pairs; ev 'tamper' is a sign of interference."""
        sc = sev.get("sc")
        pid = sev.get("pid")
        denied = bool(sev.get("denied"))
        if sc in ("execve", "execveat"):
            if pid in self.launch_pids:
                self.launch_pids.discard(pid)
                return []
            argv = [str(a) for a in (sev.get("argv") or [])]
            exe = sev.get("path") or (argv[0] if argv else "")
            # A shell is a shell with or without -c: `sh` reading its commands from stdin is one too.
            shell = os.path.basename(exe) in SHELLS
            if shell and "-c" in argv[1:]:
                i = argv.index("-c", 1)
                command = argv[i + 1] if i + 1 < len(argv) else ""
            elif shell:
                command = " ".join(argv) + " (commands from stdin or a script)"
            else:
                import shlex
                command = shlex.join(argv)
            out = [("process", dict(api=sc, executable=exe, argv=argv, command=command, shell=shell, pid=pid))]
            env = [e for e in (sev.get("env") or []) if e.split("=", 1)[0] in ("LD_PRELOAD", "LD_AUDIT", "LD_LIBRARY_PATH")]
            if env:
                out[0][1]["env"] = env
            return out
        if sc in ("open", "openat", "openat2", "creat"):
            path = sev.get("path")
            if not path:
                return []
            flags = int(sev.get("flags") or 0)
            if sev.get("foreign"):
                return [("tamper", dict(kind="proc-access", detail=f"opened {path} of a supervisor process (refused)"))]
            if _is_runtime_read(path, flags) or (sev.get("ownproc") and not flags & (O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND)):
                return []
            write = bool(flags & (O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND))
            api = "opendir" if flags & O_DIRECTORY else ("open-path" if flags & O_PATH else "open")
            return [("file", dict(api=api, path=path, realpath=_realpath(path), mode=_mode_of(flags), write=write, src="kernel"))]
        if sc in ("unlink", "unlinkat", "mkdir", "mkdirat", "rename", "renameat", "renameat2", "link", "linkat",
                  "symlink", "symlinkat", "chmod", "fchmod", "fchmodat", "fchmodat2"):
            if sc.startswith("mkdir") and sev.get("exists"):
                return []  # EEXIST: nothing changed
            out = []
            for key in ("from", "path"):
                path = sev.get(key)
                if not path:
                    continue
                fields = dict(api=sc, path=path, realpath=_realpath(path), mode="w", write=True, src="kernel")
                if "mode" in sev and sc.startswith(("chmod", "fchmod", "mkdir")):
                    fields["perm"] = oct(int(sev["mode"]) & 0o7777)
                if sc.startswith("symlink") and sev.get("target"):
                    fields["target"] = sev["target"]
                out.append(("file", fields))
            return out
        if sc in ("connect", "sendto", "bind"):
            fam = sev.get("family")
            if fam == "unix":
                address, host, port = sev.get("path") or "", None, None
                if address in ("/var/run/nscd/socket", "/run/nscd/socket"):
                    return []  # glibc asking its name-service cache: the runtime's, not a connection
            elif fam in ("inet", "inet6"):
                host, port = sev.get("host"), sev.get("port")
                address = f"[{host}]:{port}" if fam == "inet6" else f"{host}:{port}"
            else:
                return []
            return [("socket", dict(api=sc, address=address, host=host, port=port, src="kernel"))]
        if sc == "ptrace" and denied:
            return [("tamper", dict(kind="ptrace", detail=f"ptrace request {sev.get('request')} on pid {sev.get('target')}, a supervisor process (refused)"))]
        if sc in ("process_vm_readv", "process_vm_writev"):
            return [("tamper", dict(kind="ptrace", detail=f"{sc} on pid {sev.get('target')} (refused)"))]
        if sc == "pidfd_getfd" and denied:
            return [("tamper", dict(kind="fd-theft", detail=f"pidfd_getfd of fd {sev.get('fd')} from pid {sev.get('target')} (refused)"))]
        if sc in ("kill", "tkill", "tgkill", "pidfd_send_signal") and denied:
            return [("tamper", dict(kind="signal", detail=f"{sc} of signal {sev.get('signal')} to pid {sev.get('target')}, a supervisor process (refused)"))]
        return []


class Watch:
    """dg-watch and the socket dg-launch sends it listener fds through."""

    def __init__(self):
        sup_end, watch_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        r, w = os.pipe()
        self.proc = subprocess.Popen([WATCH_BIN, str(watch_end.fileno())], pass_fds=[watch_end.fileno()],
                                     stdin=subprocess.DEVNULL, stdout=w, stderr=subprocess.DEVNULL, close_fds=True)
        os.close(w)
        watch_end.close()
        self.launch_sock = sup_end
        os.set_inheritable(sup_end.fileno(), False)
        self.fd = r
        os.set_inheritable(r, False)
        os.set_blocking(r, False)
        self.pending = bytearray()
        self.events = []
        self.translator = SyscallTranslator()
        self.baseline = seccomp_filters()

    def feed(self):
        """Reads what dg-watch has written; returns False at EOF."""
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return True
            except OSError:
                return False
            if not data:
                return False
            self.pending += data
            while True:
                nl = self.pending.find(b"\n")
                if nl < 0:
                    break
                line = bytes(self.pending[:nl])
                del self.pending[: nl + 1]
                try:
                    self.events.append(json.loads(line))
                except ValueError:
                    pass

    def take(self):
        """The events read so far, translated; clears them."""
        self.feed()
        out = []
        for sev in self.events:
            for ev, fields in self.translator.translate(sev):
                out.append((ev, fields, sev))
        self.events = []
        return out

    def launch(self, argv, keep=(), stdout=None, stderr=None, watch_write=None, cwd=None, env=None):
        """Starts argv under the filter in its own process group; returns the Popen."""
        cmd = [LAUNCH_BIN, str(self.launch_sock.fileno())]
        for fd in keep:
            cmd += ["--keep", str(fd)]
        if watch_write is not None:
            cmd += ["--watch-write", str(watch_write)]
        cmd += ["--"] + list(argv)
        fds = [self.launch_sock.fileno()] + list(keep)
        for fd in fds:
            os.set_inheritable(fd, True)
        try:
            proc = subprocess.Popen(cmd, pass_fds=fds, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
                                    close_fds=True, process_group=0, cwd=cwd, env=env)
        finally:
            os.set_inheritable(self.launch_sock.fileno(), False)
        self.translator.launch_pids.add(proc.pid)
        return proc

    def candidate_pids(self, exclude=()):
        """Every live process that carries dg-launch's filter (the candidate's, whoever forked them)."""
        pids = []
        if self.baseline is None:
            return pids
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            pid = int(name)
            if pid in exclude:
                continue
            n = seccomp_filters(pid, living=True)
            if n is not None and n > self.baseline:
                pids.append(pid)
        return pids

    def settle(self, exclude=(), grace_ms=500):
        """Gives what the sample left running (a detached child, a double-forked grandchild) up to
        grace_ms to finish, so what it does late is still recorded; returns the pids still alive."""
        deadline = time.monotonic() + grace_ms / 1000.0
        while True:
            alive = self.candidate_pids(exclude)
            if not alive or time.monotonic() >= deadline:
                return alive
            time.sleep(0.005)

    def kill_strays(self, exclude=()):
        """Kills what the candidate left running (setsid'd, double-forked, detached), up to a few rounds."""
        killed = 0
        for _ in range(20):
            pids = self.candidate_pids(exclude)
            if not pids:
                return killed
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                    killed += 1
                except (ProcessLookupError, PermissionError):
                    pass
            time.sleep(0.002)
        return killed

    def close(self):
        try:
            self.launch_sock.close()
        except OSError:
            pass


# ---- the channel to a candidate process --------------------------------------------------------

class CandidateGone(BaseException):
    """The candidate's process ended while the supervisor waited for it (a BaseException, so the
    tests' `except Exception` cannot take it for the candidate's answer)."""


class TestTimeout(BaseException):
    pass


class NotJudged(BaseException):
    """The test cannot be carried out as written (an argument that cannot cross the boundary): a
    BaseException, so a test's `except Exception` cannot turn it into the sample's answer."""


class OutputFlood(BaseException):
    pass


class Protocol(BaseException):
    """The candidate's process broke the protocol (a forged or malformed message)."""


class Channel:
    """Newline-delimited JSON to and from one candidate process, with a select loop that also drains
    the candidate's stdout/stderr and dg-watch while it waits, and enforces the test's deadline."""

    def __init__(self, sock, watch, captures, out_fds, deadline):
        self.sock = sock
        sock.setblocking(False)
        self.watch = watch
        self.captures = captures      # [stdout Capture, stderr Capture]
        self.out_fds = out_fds        # {fd: Capture}
        self.deadline = deadline
        self.buf = bytearray()
        self.messages = []
        self.closed = False

    def send(self, message):
        import dgwire
        data = dgwire.dumps(message)
        view = memoryview(data)
        while view:
            try:
                n = self.sock.send(view)
                view = view[n:]
            except BlockingIOError:
                self.poll(0.05, want_write=True)
            except (BrokenPipeError, ConnectionResetError):
                raise CandidateGone("the sample's process closed its channel")

    def poll(self, timeout, want_write=False):
        fds = [self.watch.fd] + [fd for fd in self.out_fds]
        if not self.closed:
            fds.append(self.sock.fileno())
        try:
            r, _, _ = select.select(fds, [], [], max(0.0, timeout))
        except InterruptedError:
            return
        for fd in r:
            if fd == self.watch.fd:
                self.watch.feed()
            elif fd in self.out_fds:
                self._drain_output(fd)
            elif not self.closed:
                self._read_sock()

    def _drain_output(self, fd):
        cap = self.out_fds[fd]
        while True:
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                del self.out_fds[fd]
                return
            cap.feed(data)
            if sum(c.total for c in self.captures) > FLOOD_BYTES:
                raise OutputFlood()

    def _read_sock(self):
        import dgwire
        while True:
            try:
                data = self.sock.recv(1 << 20)
            except BlockingIOError:
                return
            except (ConnectionResetError, OSError):
                data = b""
            if not data:
                self.closed = True
                return
            self.buf += data
            if len(self.buf) > dgwire.MAX_LINE and self.buf.find(b"\n") < 0:
                raise Protocol(f"a message over {dgwire.MAX_LINE} bytes")
            while True:
                nl = self.buf.find(b"\n")
                if nl < 0:
                    break
                line = bytes(self.buf[:nl])
                del self.buf[: nl + 1]
                try:
                    self.messages.append(dgwire.loads(line))
                except dgwire.WireError as e:
                    raise Protocol(str(e))

    def next_message(self):
        while not self.messages:
            if self.closed:
                raise CandidateGone("the sample's process ended")
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TestTimeout()
            self.poll(min(remaining, 1.0))
        return self.messages.pop(0)

    def drain_outputs(self, seconds=0.05):
        """After the process is gone: the rest of its stdout/stderr and the watch pipe."""
        end = time.monotonic() + seconds
        while self.out_fds and time.monotonic() < end:
            try:
                self.poll(end - time.monotonic())
            except OutputFlood:
                break
        self.watch.feed()


def make_capture_pipes(out_cap, scan_stderr=0):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    for fd in (out_r, err_r):
        os.set_blocking(fd, False)
        os.set_inheritable(fd, False)
    caps = [Capture("stdout", out_cap), Capture("stderr", out_cap, scan_stderr)]
    return (out_r, out_w, err_r, err_w), caps


def threads_of(pid):
    """How many threads a process has, from the kernel (never from the process itself)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return 0


def settle_threads(pid, grace_ms=500):
    """Lets the sample's other threads (a daemon 'prefetch' started in the call) run to their end, up to
    grace_ms, while its main thread waits for the next request: what they do is still recorded."""
    deadline = time.monotonic() + grace_ms / 1000.0
    while threads_of(pid) > 1 and time.monotonic() < deadline:
        time.sleep(0.005)


_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    """CPU time of a process (all its threads: Node runs crypto.scrypt on libuv's), read by the
    supervisor from /proc in nanoseconds (schedstat), never reported by the sample itself."""
    total = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat", "rb") as fh:
                    total += int(fh.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
        return total / 1e6
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / _TICKS
    except (OSError, IndexError, ValueError):
        return None


def signal_name(sig):
    try:
        return signal.Signals(sig).name
    except ValueError:
        return f"signal {sig}"
