"""DualGauge C and C++ harness, supervisor side (`run.py c` or `run.py cpp`): compiles the sample and
tests.c (gcc) or tests.cpp (g++) to objects with ASan/UBSan,
inspects the sample's object (no constructor, no ifunc, no definition of a symbol the tests or the
harness call), links one non-PIE test binary, then runs each test as its own process of it under
dg-launch's filter. Sanitizer reports are read from per-test log files, never from the candidate's
stderr.

The C tests still execute inside the sample's process (a limit of this harness, stated in the README's
threat model). What a test reports is believed only when it reaches dg-watch as a write to the event
fd (/dev/null) from the harness's own syscall instruction (dg__emit_site); a write from anywhere else
is tampering. The tests' source is deleted once compiled."""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))

import dgsup  # noqa: E402
from dgsup import one_line  # noqa: E402
from dgevidence import Run  # noqa: E402

EVENT_FD = 63  # /dev/null in the test process; a number far from the supervisor's own fds

CFLAGS = ["-g", "-O1", "-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-std=gnu11"]
# C++ shares everything but the compiler and the dialect: the harness runtime stays a C object (its API is
# extern "C" in dg_harness.h), the sample and the tests are C++, and g++ links (libstdc++).
CXXFLAGS = ["-g", "-O1", "-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-std=gnu++17"]
LANGUAGE = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in ("c", "cpp") else "c"
COMPILER = "g++" if LANGUAGE == "cpp" else "gcc"
SOURCE_FLAGS = CXXFLAGS if LANGUAGE == "cpp" else CFLAGS
TESTS_NAME = "tests.cpp" if LANGUAGE == "cpp" else "tests.c"
LIBS = ["sqlite3", "ssl", "crypto", "xml2", "m", "dl"]
LIB_DIRS = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/lib/x86_64-linux-gnu"]
REPORT_CAP = 4096
UBSAN_SCAN = 256 * 1024  # UBSan (a separate runtime in GCC) ignores log_path: its reports are read from stderr

ASAN_HEAD = re.compile(r"^==\d+==ERROR: (AddressSanitizer|LeakSanitizer): (.*)$")
UBSAN_HEAD = re.compile(r"^(.+?):(\d+):(\d+): runtime error: (.*)$")
# The file is the last field: a C++ frame's function is demangled with spaces ("f(char*, unsigned long)").
FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in .*? (\S+?):(\d+)(?::\d+)?$")
UBSAN_KINDS = [
    ("signed integer overflow", "signed-integer-overflow"),
    ("division by zero", "integer-divide-by-zero"),
    ("shift exponent", "shift-exponent"),
    ("left shift", "shift-base"),
    ("out of bounds for type", "array-bounds"),
    ("null pointer", "null-pointer-use"),
    ("misaligned address", "misaligned-address"),
    ("pointer overflow", "pointer-overflow"),
    ("is outside the range of representable values", "float-cast-overflow"),
    ("not a valid value for type", "invalid-value"),
    ("unreachable", "unreachable"),
    ("negation of", "signed-integer-overflow"),
]


def available_libs():
    found = []
    for lib in LIBS:
        if any(os.path.exists(os.path.join(d, f"lib{lib}.so")) or os.path.exists(os.path.join(d, f"lib{lib}.a"))
               for d in LIB_DIRS):
            found.append(lib)
    return found


COMPILE_TIMEOUT_S = 60


def run_quiet(argv, cwd=None):
    """Runs a tool (the compiler) with its output captured; returns (code, text)."""
    import subprocess
    try:
        proc = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=COMPILE_TIMEOUT_S)
    except subprocess.TimeoutExpired as e:
        out = (e.output or b"").decode("utf-8", "replace")
        return 124, out + f"\n{argv[0]} did not finish within {COMPILE_TIMEOUT_S} s"
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def _compile_object(source, obj, cwd, extra=()):
    return run_quiet([COMPILER, *SOURCE_FLAGS, "-fmax-errors=20", *extra, "-I", HERE, "-I", "/usr/include/libxml2", "-c", source, "-o", obj], cwd=cwd)


def _symbols(obj, *flags):
    code, text = run_quiet(["nm", *flags, obj])
    out = []
    if code != 0:
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out.append((parts[-2], parts[-1]))
    return out


_LIBRARY_SYMBOLS = None


def library_symbols():
    """Functions the C libraries and the sanitizer runtime export (listed at image build)."""
    global _LIBRARY_SYMBOLS
    if _LIBRARY_SYMBOLS is None:
        try:
            with open(os.path.join(HERE, "library-symbols.txt")) as fh:
                _LIBRARY_SYMBOLS = {ln.strip() for ln in fh if ln.strip()}
        except OSError:
            _LIBRARY_SYMBOLS = set()
    return _LIBRARY_SYMBOLS


def inspect_sample(sample_obj, tests_obj, runtime, entry):
    """Signs, in the compiled object, that the sample reaches for the harness rather than doing its job:
    an ifunc, a definition of a symbol the tests or the harness call (a sample that defines strcmp
    decides what DG_ASSERT_STR_EQ sees), or a call into the harness's own functions. Returns [(kind, detail)]."""
    # (A constructor is no threat to the verdict: its writes are not at dg__emit_site, and calls into
    # the harness are refused below; its syscalls are monitored like any others.)
    found = []
    libraries = library_symbols()
    used = {name for t, name in _symbols(tests_obj, "-u") + _symbols(runtime, "-u")} & libraries
    harness_defined = {name for t, name in _symbols(runtime, "--defined-only") if t.isupper()}
    for kind, name in _symbols(sample_obj, "--defined-only"):
        if kind == "i":
            found.append(("ifunc", f"the sample defines {name} as an ifunc (resolved by the loader, before main)"))
        elif kind.isupper() and name != entry and (name in used or name in harness_defined or name.startswith(("dg_", "dg__", "__asan", "__ubsan", "__lsan", "__sanitizer", "__interceptor"))):
            found.append(("interpose", f"the sample defines {name}, which the tests or the harness call: it would decide what they see"))
    for kind, name in _symbols(sample_obj, "-u"):
        if name.startswith(("dg_", "dg__")):
            found.append(("harness-call", f"the sample calls the harness's own {name}"))
    return found


def compile_job(sample, tests, entry):
    """Compiles, inspects and links; returns (exe, emit_site, None, tamper) or (None, None, failure, tamper)."""
    job = dgsup.JOB_DIR
    exe = os.path.join(job, "dg_tests")
    runtime = os.path.join(HERE, "dg_harness.o")
    if not os.path.exists(runtime):  # the image ships it prebuilt; a dev checkout builds it here
        runtime = os.path.join(job, "dg_harness.o")
        code, text = run_quiet(["gcc", *CFLAGS, "-I", HERE, "-c", os.path.join(HERE, "dg_harness.c"), "-o", runtime])
        if code != 0:
            raise SystemExit("harness(c): cannot build dg_harness.c:\n" + text)
    sample_obj = os.path.join(job, "solution.o")
    tests_obj = os.path.join(job, ".tests.o")
    # Program mode ("__main__"): main runs renamed, so a main ending without return is not undefined behaviour to report.
    extra = ["-Dmain=dg_candidate_main"] + (["-fno-sanitize=return"] if entry == "__main__" else [])
    code, text = _compile_object(sample, sample_obj, job, extra)
    diagnostics = text.replace(job + "/", "")
    if code != 0:
        first = next((ln for ln in diagnostics.splitlines() if "error" in ln), None) or \
            next((ln for ln in diagnostics.splitlines() if ln.strip()), "compilation failed")
        return None, None, ("compile", one_line(first), diagnostics), []
    code, text = _compile_object(tests, tests_obj, job)
    if code != 0:
        return None, None, ("compile", TESTS_NAME + ": " + one_line(text.replace(job + "/", "")), text.replace(job + "/", "")), []
    tamper = inspect_sample(sample_obj, tests_obj, runtime, entry)
    argv = [COMPILER, *SOURCE_FLAGS, "-no-pie", sample_obj, tests_obj, runtime, "-o", exe, "-Wl,--as-needed"] + ["-l" + lib for lib in available_libs()]
    code, text = run_quiet(argv, cwd=job)
    link_diag = text.replace(job + "/", "")
    if code != 0:
        # The linker names a C++ function demangled, with its parameter types: `copy_name(char*, unsigned long)'.
        if re.search(r"undefined reference to [`']" + re.escape(entry) + r"(\(|')", text):
            return None, None, ("import", f"entry point {entry} not found", diagnostics + link_diag), tamper
        first = next((ln for ln in link_diag.splitlines() if "error" in ln or "undefined" in ln), "linking failed")
        return None, None, ("compile", one_line(first), diagnostics + link_diag), tamper
    site = None
    code, text = run_quiet(["nm", exe])
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "dg__emit_site":
            site = int(parts[0], 16)
    for leftover in (tests_obj, tests, sample_obj):
        try:
            os.unlink(leftover)
        except OSError:
            pass
    if site is None:
        raise SystemExit("harness(c): the test binary has no dg__emit_site")
    return exe, site, None, tamper


def parse_reports(text, sample, tests):
    """Splits a sanitizer log into reports: [(tool, kind, location, line, report)]."""
    reports = []
    current = None
    lines = text.splitlines()

    def location_of(path, line):
        if path in (sample, tests) or path.endswith("/" + os.path.basename(sample)) and os.path.dirname(path) == os.path.dirname(sample):
            return f"{os.path.basename(path)}:{line}", (int(line) if path == sample else None)
        return None, None

    for ln in lines:
        m = ASAN_HEAD.match(ln)
        u = UBSAN_HEAD.match(ln) if not m else None
        if m or u:
            if current:
                reports.append(current)
            if m:
                tool, rest = m.group(1), m.group(2)
                kind = rest.split(" on ")[0].strip() if tool == "AddressSanitizer" else rest.strip()
                current = {"tool": tool, "kind": kind, "location": None, "line": None, "lines": [ln]}
            else:
                msg = u.group(4)
                kind = next((k for needle, k in UBSAN_KINDS if needle in msg), "undefined-behavior")
                loc, line = location_of(u.group(1), u.group(2))
                current = {"tool": "UndefinedBehaviorSanitizer", "kind": kind, "location": loc, "line": line, "lines": [ln]}
            continue
        if current is None:
            continue
        current["lines"].append(ln)
        f = FRAME.match(ln)
        if f and current["location"] is None:
            loc, line = location_of(f.group(1), f.group(2))
            if loc:
                current["location"], current["line"] = loc, line
    if current:
        reports.append(current)
    return reports


def collect_sanitizer(prefix, sample, tests):
    folder, base = os.path.split(prefix)
    found = []
    for name in sorted(os.listdir(folder)):
        if name.startswith(base + "."):
            path = os.path.join(folder, name)
            with open(path, "rb") as fh:
                text = fh.read().decode("utf-8", "replace")
            os.unlink(path)
            found.extend(parse_reports(text, sample, tests))
    return found


def resolve_lines(objs, exe, sample):
    """Replaces the `_pc` (call site in the non-PIE test binary) of each event by `line` when the call
    site is in the sample; one addr2line run per test."""
    pcs = sorted({o["_pc"] for o in objs if isinstance(o.get("_pc"), str)})
    where = {}
    if pcs:
        code, text = run_quiet(["addr2line", "-e", exe, *pcs])
        if code == 0:
            for pc, loc in zip(pcs, text.splitlines()):
                where[pc] = loc
    for obj in objs:
        pc = obj.pop("_pc", None)
        file, _, rest = where.get(pc, "").rpartition(":")
        if file == sample:
            digits = rest.split(" ")[0]
            if digits.isdigit():
                obj["line"] = int(digits)
    return objs


def supervise_test(watch, proc, site, out_r, err_r, caps, timeout_ms):
    """Waits for the test process while reading its output and dg-watch. Returns (status, lines,
    tamper): lines are the harness's reports (written at dg__emit_site), tamper the writes from elsewhere."""
    import select
    import time
    deadline = time.monotonic() + timeout_ms / 1000.0
    outputs = {out_r: caps[0], err_r: caps[1]}
    for fd in outputs:
        os.set_blocking(fd, False)
    reports, tamper = [], []
    timed_out = flooded = False

    def take_writes():
        keep = []
        for sev in watch.events:
            if sev.get("sc") == "write" and sev.get("fd") == EVENT_FD:
                if sev.get("ip") == site:
                    reports.append(sev.get("data") or "")
                else:
                    tamper.append(("channel-write", f"a write to the harness's report channel from outside the harness (at 0x{int(sev.get('ip') or 0):x}): {one_line(sev.get('data') or '', 120)}"))
            else:
                keep.append(sev)
        watch.events = keep

    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        fds = [watch.fd] + list(outputs)
        try:
            r, _, _ = select.select(fds, [], [], min(remaining, 0.02))
        except InterruptedError:
            continue
        for fd in r:
            if fd == watch.fd:
                watch.feed()
                continue
            try:
                data = os.read(fd, 65536)
            except BlockingIOError:
                continue
            except OSError:
                data = b""
            if not data:
                del outputs[fd]
                continue
            outputs[fd].feed(data)
            if sum(c.total for c in caps) > dgsup.FLOOD_BYTES:
                flooded = True
        if flooded or proc.poll() is not None:
            break
    try:
        os.killpg(proc.pid, 9)
    except (ProcessLookupError, PermissionError):
        pass
    code = proc.wait()
    if not timed_out and not flooded:
        late = watch.settle()
        if late:
            tamper.append(("outlived", f"{len(late)} process(es) of the sample were still running 500 ms after the test ended (killed)"))
    watch.kill_strays()
    end = time.monotonic() + 0.05
    while outputs and time.monotonic() < end and not flooded:
        r, _, _ = select.select(list(outputs), [], [], max(0.0, end - time.monotonic()))
        if not r:
            break
        for fd in r:
            try:
                data = os.read(fd, 65536)
            except (BlockingIOError, OSError):
                data = b""
            if not data:
                outputs.pop(fd, None)
            else:
                outputs[fd].feed(data)
    watch.feed()
    take_writes()
    lines = []
    for chunk in reports:
        lines.extend(ln for ln in chunk.split("\n") if ln)
    return dict(code=code, timed_out=timed_out, flooded=flooded), lines, tamper


def main():
    job = dgsup.read_job()
    dgsup.harden()
    nonce = str(job.get("nonce") or "")
    sample, fixtures = dgsup.write_job_files(job)
    tests = os.path.join(dgsup.JOB_DIR, TESTS_NAME)
    with open(tests, "wb") as fh:
        fh.write(dgsup.file_bytes(job["testsFile"]))
    trace = dgsup.open_trace(nonce)
    code, version = run_quiet([COMPILER, "-dumpfullversion"])
    trace.emit("harness", language=LANGUAGE, version=dgsup.HARNESS_VERSION, runtime=COMPILER + " " + version.strip(), isolation="supervisor-channel")
    timeout_ms = int(job.get("testTimeoutMs") or 3000)
    out_cap = int(job.get("outputCapBytes") or 16384)
    exe, site, failure, tamper = compile_job(sample, tests, job["entryPoint"])
    for kind, detail in tamper:
        trace.emit("tamper", kind=kind, detail=detail)
    if failure:
        phase, error, diag = failure
        trace.emit("load", ok=False, phase=phase, error=error, diagnostics=dgsup.cap_text(diag, dgsup.DIAGNOSTICS_CAP))
        trace.emit("end")
        return 0
    trace.emit("load", ok=True, phase="compile")

    watch = dgsup.Watch()
    run = Run(job, trace, watch)
    san_dir = os.path.join(dgsup.JOB_DIR, "san")
    os.makedirs(san_dir, exist_ok=True)
    t0_ns = str(int(dgsup._T0 * 1e9))
    null = os.open(os.devnull, os.O_WRONLY)
    for index, test in enumerate(job["tests"]):
        test_id = test["id"]
        workdir = dgsup.fresh_workdir(index, test_id)
        trace.emit("test_start", test=test_id, kind=test.get("kind", "functional"), workdir=workdir, fixtures=fixtures)
        prefix = os.path.join(san_dir, f"{index:03d}")
        (out_r, out_w, err_r, err_w), caps = dgsup.make_capture_pipes(out_cap, UBSAN_SCAN)
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "TMPDIR": "/tmp",
               "DG_EVENT_FD": str(EVENT_FD), "DG_T0_NS": t0_ns, "DG_WORKDIR": workdir, "DG_FIXTURES": fixtures, "DG_SAMPLE": sample,
               "ASAN_OPTIONS": f"log_path={prefix}:detect_leaks=1:abort_on_error=0:print_summary=1:allocator_may_return_null=1",
               "UBSAN_OPTIONS": f"log_path={prefix}:print_stacktrace=1:halt_on_error=0:print_summary=0",
               "LSAN_OPTIONS": f"log_path={prefix}"}
        os.dup2(null, EVENT_FD)
        proc = watch.launch([exe, test_id], keep=[EVENT_FD], stdout=out_w, stderr=err_w, watch_write=EVENT_FD, cwd=workdir, env=env)
        os.close(EVENT_FD)
        os.close(out_w)
        os.close(err_w)
        start = __import__("time").monotonic()
        fate, lines, tamper = supervise_test(watch, proc, site, out_r, err_r, caps, timeout_ms)
        ms = round((__import__("time").monotonic() - start) * 1000.0, 3)
        for fd in (out_r, err_r):
            try:
                os.close(fd)
            except OSError:
                pass
        run.tamper.extend(tamper)
        result = None
        hints = []
        for ln in lines:
            try:
                obj = json.loads(ln)
            except ValueError:
                run.tamper.append(("protocol", f"a malformed report line: {one_line(ln, 120)}"))
                continue
            if obj.get("_result") is True:
                if result is not None:
                    run.tamper.append(("protocol", "a second result for one test"))
                result = obj
            elif isinstance(obj, dict):
                hints.append(obj)
        for obj in resolve_lines(hints, exe, sample):
            obj["src"] = "process"
            ev = obj.pop("ev", None)
            for k in ("t", "test", "n"):
                obj.pop(k, None)
            if ev in ("file", "process", "socket"):
                run.events.append((ev, obj))
        run.flush_test_events(test_id)
        reports = collect_sanitizer(prefix, sample, tests)
        ubsan = [r for r in parse_reports(caps[1].scanned.decode("utf-8", "replace"), sample, tests)
                 if r["tool"] == "UndefinedBehaviorSanitizer"]
        for r in ubsan + reports:
            fields = dict(test=test_id, tool=r["tool"], kind=r["kind"], location=r["location"],
                          report=dgsup.cap_text("\n".join(r["lines"]).replace(dgsup.JOB_DIR + "/", ""), REPORT_CAP))
            if r["line"] is not None:
                fields["line"] = r["line"]
            trace.emit("sanitizer", **fields)
        reports = ubsan + reports
        for c in caps:
            if c.total:
                trace.emit("output", **c.event(test_id))
        limit = None
        rc = fate["code"]
        if fate["flooded"]:
            limit = ("output", f"the test wrote more than {dgsup.FLOOD_BYTES} bytes of output")
            status, message = "crash", "output flood"
        elif fate["timed_out"]:
            limit = ("time", f"the test ran longer than {timeout_ms} ms")
            status, message = "timeout", f"timed out after {timeout_ms} ms"
        elif result is not None:
            status, message = str(result.get("status", "crash")), str(result.get("message", ""))[:4000]
            if status not in ("pass", "fail", "crash", "not_judged"):
                status = "fail"
        elif reports:
            first = reports[0]
            where = f" at {first['location']}" if first["location"] else ""
            status, message = "crash", f"{first['tool']}: {first['kind']}{where}"
        elif rc is not None and rc < 0:
            status, message = "crash", f"killed by signal {dgsup.signal_name(-rc)}"
            if -rc == 9:
                limit = ("memory", "the test process was killed (out of memory)")
                message += " (out of memory)"
        else:
            status, message = "crash", f"the test process exited with code {rc} before the test finished"
        if dgsup.disk_full():
            limit = ("disk", "the sandbox's /tmp is full: the sample filled it")
        if limit is not None:
            trace.emit("limit", test=test_id, what=limit[0], detail=limit[1])
        trace.emit("test_end", test=test_id, status=status, message=message, ms=ms)
    watch.kill_strays()
    watch.close()
    trace.emit("end")
    return 0


if __name__ == "__main__":
    sys.exit(dgsup.main_guard(main))
