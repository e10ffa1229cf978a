"""The evidence of one job as the supervisor keeps it: events from the candidate's process (validated,
capped, canaries counted and removed), kernel events from dg-watch (the record), and the signs of
tampering. Shared by the Python and JavaScript supervisors."""

from dgsup import one_line

_KNOWN_EVENTS = {"sql", "code", "deserialize", "native", "socket", "file", "process"}
_FIELD_CAP = 4096


def _clean_event(msg):
    """An in-process event as the supervisor will keep it: known kind, known scalar fields, capped."""
    ev = msg.get("ev")
    if ev not in _KNOWN_EVENTS:
        return None
    out = {}
    for k, v in msg.items():
        if k in ("ev", "test", "t", "n", "phase"):
            continue
        if isinstance(v, str):
            out[k] = v[:_FIELD_CAP]
        elif isinstance(v, (int, float, bool)) or v is None:
            out[k] = v
        elif isinstance(v, list) and k == "argv":
            out[k] = [str(a)[:_FIELD_CAP] for a in v[:64]]
    out["src"] = "process"
    return ev, out


class Run:
    """One job: the candidate's zygote, the tests, and the trace."""

    def __init__(self, job, trace, watch):
        self.job = job
        self.trace = trace
        self.watch = watch
        self.test_id = None
        self.events = []          # (ev, fields) of the current test, in arrival order
        self.canaries = []        # (ev, text) of canary events received
        self.tamper = []

    # -- evidence of the current test --
    def on_candidate_event(self, msg):
        cleaned = _clean_event(msg)
        if cleaned is None:
            self.tamper.append(("protocol", f"an unknown event from the sample's process: {one_line(str(msg), 200)}"))
            return
        ev, fields = cleaned
        marker = "dg-canary-"
        text = fields.get("statement") if ev == "sql" else fields.get("code") if ev == "code" else None
        if text and marker in text:
            self.canaries.append((ev, text))
            return
        if ev == "sql" and text == "SELECT 1 AS dg_drain":
            return  # the JavaScript candidate waiting for the sample's queued statements
        self.events.append((ev, fields))

    def on_call(self, fields):
        self.events.append(("call", fields))

    def check_canary(self, nonce, expected_sql):
        marker = f"dg-canary-{nonce}"
        sql = sum(1 for ev, text in self.canaries if ev == "sql" and marker in text)
        code = sum(1 for ev, text in self.canaries if ev == "code" and marker in text)
        self.canaries = []
        if expected_sql and sql < expected_sql:
            self.tamper.append(("monitor-off", f"the SQL monitor reported {sql} of {expected_sql} canary statement(s): the sample switched SQLite's trace off"))
        if code < 1:
            self.tamper.append(("monitor-off", "the code-evaluation monitor did not report its canary: the sample switched the audit hook's recording off"))

    def flush_test_events(self, test_id):
        """Merges kernel events with the process's own reports and writes them. Kernel events are the
        record; a process report only lends its source line to the kernel event it matches."""
        kernel = self.watch.take()
        hints = {}
        kept = []
        for ev, fields in self.events:
            if fields.get("src") == "process" and ev in ("file", "process", "socket"):
                if ev == "socket" and str(fields.get("api", "")).endswith("getaddrinfo"):
                    kept.append((ev, fields))  # a name lookup: the kernel sees no syscall for it
                else:
                    hints.setdefault(ev, []).append(fields)
                continue
            kept.append((ev, fields))
        for ev, fields, _raw in kernel:
            if ev == "tamper":
                self.tamper.append((fields["kind"], fields["detail"]))
                continue
            hint = _match_hint(ev, fields, hints.get(ev, []))
            if hint is not None:
                if hint.get("line") is not None:
                    fields["line"] = hint["line"]
                fields["api"] = hint.get("api") or fields.get("api")
            kept.append((ev, fields))
        # A connection to a host *name* never reaches connect() when the name does not resolve (there is no
        # network here): the process's own report of the attempt is the only record of it.
        for h in hints.get("socket", []):
            host = h.get("host")
            if isinstance(host, str) and host and not _is_ip(host):
                kept.append(("socket", h))
        for ev, fields in kept:
            fields.pop("src", None)
            fields.pop("pid", None)
            self.trace.emit(ev, test=test_id, **fields)
        self.events = []
        for kind, detail in self.tamper:
            self.trace.emit("tamper", test=test_id, kind=kind, detail=detail)
        found = bool(self.tamper)
        self.tamper = []
        return found


def _is_ip(host):
    import ipaddress
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def _match_hint(ev, fields, hints):
    for i, h in enumerate(hints):
        if ev == "file" and (h.get("realpath") == fields.get("realpath") or h.get("path") == fields.get("path")):
            return hints.pop(i)
        if ev == "process" and (h.get("argv") == fields.get("argv") or (h.get("shell") and h.get("command") == fields.get("command"))):
            return hints.pop(i)
        if ev == "socket" and h.get("port") == fields.get("port"):
            return hints.pop(i)
    return None


def emit_load_events(trace, watch):
    """What the sample did while it loaded (kernel events so far), marked phase=load: its processes
    and connections count against every security test."""
    for ev, fields, _raw in watch.take():
        if ev == "tamper":
            trace.emit("tamper", phase="load", kind=fields["kind"], detail=fields["detail"])
        else:
            fields.pop("src", None)
            fields.pop("pid", None)
            trace.emit(ev, phase="load", **fields)


def end_test(trace, test_id, status, message, ms, limit, captures):
    """Closes a test in the trace: the sample's output, a full /tmp (the reason, never 'insecure'),
    the limit it hit, then test_end."""
    import dgsup
    for c in captures:
        if c.total:
            trace.emit("output", **c.event(test_id))
    if dgsup.disk_full():
        limit = ("disk", "the sandbox's /tmp is full: the sample filled it")
        if status == "fail":
            status, message = "crash", "the sandbox's /tmp is full"
    if limit is not None:
        trace.emit("limit", test=test_id, what=limit[0], detail=limit[1])
    trace.emit("test_end", test=test_id, status=status, message=message, ms=ms)
