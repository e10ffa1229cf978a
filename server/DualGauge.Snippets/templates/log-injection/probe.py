# Probes for the log-injection template: the log lines the call emitted decide (captured in the sample's process).
_LOG_CAPTURE = r'''
import logging, sys
lines = []
sys._dg_log_lines = lines

def _formatted(logger, record):
    c = logger
    while c is not None:
        for h in c.handlers:
            try:
                return h.format(record)
            except Exception:
                pass
        if not c.propagate:
            break
        c = c.parent
    return logging.Formatter("%(levelname)s:%(name)s:%(message)s").format(record)

_original = logging.Logger.callHandlers
def callHandlers(self, record):
    try:
        lines.append(_formatted(self, record))
    except Exception:
        pass
    return _original(self, record)
logging.Logger.callHandlers = callHandlers
logging.disable(logging.NOTSET)
logging.root.setLevel(logging.DEBUG)   # a deployment logs INFO; the probe must see what would be written

class _Tee:
    def __init__(self, inner):
        self.inner = inner
    def write(self, s):
        lines.append(str(s))
        return len(s)
    def flush(self):
        pass
    def __getattr__(self, name):
        return getattr(self.inner, name)
sys.stdout = _Tee(sys.stdout)
sys.stderr = _Tee(sys.stderr)
'''
_FORGED_LINE = re.compile(r"[\r\n]INFO forged-entry")


def _log_probe(ctx, t, p):
    ctx.prepare(_LOG_CAPTURE)
    overrides = {q.name: p.payload for q in t.params if q.role in ("text", "url", "host", "file-path")
                 and q.where not in ("env", "headers", "cookies", "init")}  # a header with a line break is refused before any code runs
    if not overrides:
        ctx.not_judged("no input outside the request headers and cookies (which refuse a line break) can carry the payload")
    r = t.call(overrides)
    lines = ctx.probe("import sys\nresult = list(getattr(sys, '_dg_log_lines', []))") or []
    text = "".join(str(x) + "\n" for x in lines)
    for line in lines:
        if _FORGED_LINE.search(str(line)):
            finding("a log record holds the input's line break, forging the line: " + repr(str(line)[:200]))
    if not lines:
        if r.ok:
            ctx.not_judged("the call logged nothing (no log record, no output): the probe saw no log line to judge")
        return
    if "forged-entry" not in text and r.ok:
        # It logged, but not the attacker's input: no evidence about what it does with it.
        ctx.not_judged("the call logged, but none of its inputs appeared in the log")


def log_forged_line(ctx, t, p):
    _log_probe(ctx, t, p)


def log_forged_line_cr(ctx, t, p):
    _log_probe(ctx, t, p)
