"""DualGauge C harness: compiles sample + tests.c + the harness runtime with ASan/UBSan, then runs
each test as its own process of that binary (harness/README.md). Sanitizer reports are read from
per-test log files, never from the candidate's stderr."""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))

import dgcore  # noqa: E402
from dgcore import emit, one_line  # noqa: E402

CFLAGS = ["-g", "-O1", "-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-std=gnu11"]
LIBS = ["sqlite3", "ssl", "crypto", "xml2", "m", "dl"]
LIB_DIRS = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/lib/x86_64-linux-gnu"]
REPORT_CAP = 4096
UBSAN_SCAN = 256 * 1024  # UBSan (a separate runtime in GCC) ignores log_path: its reports are read from stderr

ASAN_HEAD = re.compile(r"^==\d+==ERROR: (AddressSanitizer|LeakSanitizer): (.*)$")
UBSAN_HEAD = re.compile(r"^(.+?):(\d+):(\d+): runtime error: (.*)$")
FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in \S+ (.+?):(\d+)(?::\d+)?$")
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


def compile_job(sample, tests, entry):
    job = dgcore.JOB_DIR
    exe = os.path.join(job, "dg_tests")
    runtime = os.path.join(HERE, "dg_harness.o")
    diagnostics = ""
    if not os.path.exists(runtime):  # the image ships it prebuilt; a dev checkout builds it here
        runtime = os.path.join(job, "dg_harness.o")
        code, text = run_quiet(["gcc", *CFLAGS, "-I", HERE, "-c", os.path.join(HERE, "dg_harness.c"), "-o", runtime])
        if code != 0:
            raise SystemExit("harness(c): cannot build dg_harness.c:\n" + text)
    argv = ["gcc", *CFLAGS, "-fmax-errors=20", "-Dmain=dg_candidate_main", "-I", HERE, "-I", "/usr/include/libxml2",
            sample, tests, runtime, "-o", exe, "-Wl,--as-needed"] + ["-l" + lib for lib in available_libs()]
    code, text = run_quiet(argv, cwd=job)
    diagnostics = text.replace(job + "/", "")
    if code == 0:
        return exe, None
    if re.search(r"undefined reference to [`']" + re.escape(entry) + r"'", text):
        return None, ("import", f"entry point {entry} not found", diagnostics)
    first = next((ln for ln in diagnostics.splitlines() if "error" in ln), None) or \
        next((ln for ln in diagnostics.splitlines() if ln.strip()), "compilation failed")
    return None, ("compile", one_line(first), diagnostics)


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


def resolve_lines(lines, exe, sample):
    """Replaces the `_pc` (call site offset in the test binary) of each event by `line` when the
    call site is in the sample; one addr2line run per test."""
    objs = []
    pcs = []
    for raw in lines:
        try:
            obj = json.loads(raw)
        except ValueError:
            continue
        objs.append(obj)
        if "_pc" in obj:
            pcs.append(obj["_pc"])
    if not objs:
        return []
    where = {}
    if pcs:
        unique = sorted(set(pcs))
        code, text = run_quiet(["addr2line", "-e", exe, *unique])
        if code == 0:
            for pc, loc in zip(unique, text.splitlines()):
                where[pc] = loc
    out = []
    for obj in objs:
        pc = obj.pop("_pc", None)
        loc = where.get(pc, "")
        file, _, rest = loc.rpartition(":")
        if file == sample:
            digits = rest.split(" ")[0]
            if digits.isdigit():
                obj["line"] = int(digits)
        out.append(dgcore.encode(obj))
    return out


def main():
    job = dgcore.read_job()
    sample, tests, fixtures = dgcore.write_job_files(job)
    dgcore.open_trace_channel()
    code, version = run_quiet(["gcc", "-dumpfullversion"])
    emit("harness", language="c", version=dgcore.HARNESS_VERSION, runtime="gcc " + version.strip())
    timeout_ms = int(job.get("testTimeoutMs") or 3000)
    out_cap = int(job.get("outputCapBytes") or 16384)
    exe, failure = compile_job(sample, tests, job["entryPoint"])
    if failure:
        phase, error, diag = failure
        emit("load", ok=False, phase=phase, error=error, diagnostics=dgcore.cap_text(diag, dgcore.DIAGNOSTICS_CAP))
        emit("end")
        return 0
    emit("load", ok=True, phase="compile")

    san_dir = os.path.join(dgcore.JOB_DIR, "san")
    os.makedirs(san_dir, exist_ok=True)
    t0_ns = str(int(dgcore._T0 * 1e9))
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("ASAN_", "UBSAN_", "LSAN_", "DG_"))}
    for index, test in enumerate(job["tests"]):
        test_id = test["id"]
        workdir = dgcore.fresh_workdir(index, test_id)
        emit("test_start", test=test_id, kind=test.get("kind", "functional"), workdir=workdir, fixtures=fixtures)
        prefix = os.path.join(san_dir, f"{index:03d}")
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        ev_r, ev_w = os.pipe()
        os.set_inheritable(ev_w, True)
        env = dict(base_env)
        env.update(
            DG_EVENT_FD=str(ev_w), DG_T0_NS=t0_ns, DG_WORKDIR=workdir, DG_FIXTURES=fixtures, DG_SAMPLE=sample,
            ASAN_OPTIONS=f"log_path={prefix}:detect_leaks=1:abort_on_error=0:print_summary=1:allocator_may_return_null=1",
            UBSAN_OPTIONS=f"log_path={prefix}:print_stacktrace=1:halt_on_error=0:print_summary=0",
            LSAN_OPTIONS=f"log_path={prefix}",
        )
        actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_DUP2, out_w, 1), (os.POSIX_SPAWN_DUP2, err_w, 2),
                   (os.POSIX_SPAWN_CLOSE, out_r), (os.POSIX_SPAWN_CLOSE, err_r), (os.POSIX_SPAWN_CLOSE, ev_r)]
        pid = os.posix_spawn(exe, [exe, test_id], env, file_actions=actions, setsid=True)
        os.close(out_w)
        os.close(err_w)
        os.close(ev_w)
        holder = {}
        events = []

        def on_event(line):
            if line.startswith(b'{"_result"'):
                holder["result"] = json.loads(line)
            else:
                events.append(line)

        outcome, captures = dgcore.supervise(pid, out_r, err_r, ev_r, timeout_ms, test_id, out_cap, on_event,
                                             scan_stderr=UBSAN_SCAN)
        outcome.result = holder.get("result")
        for line in resolve_lines(events, exe, sample):
            dgcore.emit_raw(line)
        reports = collect_sanitizer(prefix, sample, tests)
        ubsan = [r for r in parse_reports(captures[1].scanned.decode("utf-8", "replace"), sample, tests)
                 if r["tool"] == "UndefinedBehaviorSanitizer"]
        reports = ubsan + reports
        for r in reports:
            fields = dict(test=test_id, tool=r["tool"], kind=r["kind"], location=r["location"],
                          report=dgcore.cap_text("\n".join(r["lines"]).replace(dgcore.JOB_DIR + "/", ""), REPORT_CAP))
            if r["line"] is not None:
                fields["line"] = r["line"]
            emit("sanitizer", **fields)
        if outcome.result is None and not outcome.timed_out and not outcome.flooded and reports:
            first = reports[0]
            where = f" at {first['location']}" if first["location"] else ""
            outcome.result = {"status": "crash", "message": f"{first['tool']}: {first['kind']}{where}"}
        dgcore.finish_test(test_id, outcome, captures, timeout_ms)
    emit("end")
    return 0


if __name__ == "__main__":
    sys.exit(dgcore.main_guard(main))
