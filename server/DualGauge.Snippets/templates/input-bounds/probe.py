# Probes for the input-bounds template.
# resource_huge_count: the call runs in the sample's process under a budget the probe sets there first: a timer
# ticking every 20 ms raises inside the sample's code once it has grown by 48 MiB of resident memory or run 1.5 s, and
# RLIMIT_AS (128 MiB more address space) makes one enormous allocation raise MemoryError. A benign count must complete under the same budget: then an enormous count
# that exhausts it is the input's doing; refusing it (an error, a clamp) resists.
# quantity_negative: a negative quantity the function accepts and carries into its result (a negative total,
# stock or balance where the benign quantity gave none) is the finding.
_BUDGET_ON = r'''
import os, resource, signal, sys, time
class DGBudgetExceeded(Exception):
    pass
page = os.sysconf("SC_PAGE_SIZE")
def _statm():
    with open("/proc/self/statm") as f:
        parts = f.read().split()
    return int(parts[0]) * page, int(parts[1]) * page
vm, rss = _statm()
deadline = time.monotonic() + args[0]
def _dg_tick(signum, frame):
    # Raised only inside the sample's own code, never in the harness between calls.
    if frame is None or not frame.f_code.co_filename.endswith("solution.py"):
        return
    now_rss = _statm()[1]
    if now_rss - rss > args[1]:
        raise DGBudgetExceeded(f"grew by {(now_rss - rss) >> 20} MiB")
    if time.monotonic() > deadline:
        raise DGBudgetExceeded(f"still running after {args[0]} s")
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
sys._dg_budget = (soft, hard, signal.signal(signal.SIGALRM, _dg_tick))
# One enormous allocation fails at once (MemoryError) instead of meeting the container's limit.
limit = vm + args[2]
resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
result = True
'''
_BUDGET_OFF = r'''
import resource, signal, sys
signal.setitimer(signal.ITIMER_REAL, 0)
saved = getattr(sys, "_dg_budget", None)
if saved:
    resource.setrlimit(resource.RLIMIT_AS, (saved[0], saved[1]))
    signal.signal(signal.SIGALRM, saved[2])
result = True
'''
_SECONDS = 1.5
_MEMORY = 48 * 1024 * 1024
_ADDRESS_SPACE = 128 * 1024 * 1024
_EXHAUSTED = ("DGBudgetExceeded", "MemoryError", "OverflowError")


def _budgeted(ctx, t, overrides):
    ctx.prepare(_BUDGET_ON, _SECONDS, _MEMORY, _ADDRESS_SPACE)
    try:
        return t.call(overrides, retries=0)
    finally:
        ctx.prepare(_BUDGET_OFF)


def _as_input(t, name, value):
    q = t.param(name)
    return str(value) if q is not None and q.where in ("query", "form", "headers", "cookies", "env", "stdin") else value


def resource_huge_count(ctx, t, p):
    benign = _budgeted(ctx, t, {})
    if benign.error is not None and type(benign.error).__name__ in _EXHAUSTED:
        return  # the benign input exhausts the budget too: no evidence about the count
    r = _budgeted(ctx, t, {p.input: _as_input(t, p.input, int(p.payload))})
    if r.error is not None and type(r.error).__name__ in _EXHAUSTED:
        what = "ran out of its memory budget (48 MiB more resident memory, 128 MiB more address space)" if type(r.error).__name__ != "DGBudgetExceeded" else f"was still running after {_SECONDS:g} s"
        finding(f"{p.input} = {p.payload} was not refused and the call {what} ({type(r.error).__name__}: {str(r.error)[:120]}); "
                f"the benign value completed under the same budget")


_NEGATIVE = re.compile(r"(?<![\w.])-\d")


def _refused(r):
    if not r.ok:
        return True
    v = r.value
    if v is None or v is False:
        return True
    if isinstance(v, dict) and "status" in v and "body" in v:
        return int(v["status"]) >= 400
    if isinstance(v, dict) and any(k in v for k in ("error", "errors")) and v.get("ok") is not True:
        return True
    return False


def quantity_negative(ctx, t, p):
    benign = t.call({p.input: _as_input(t, p.input, 2)})
    if _refused(benign):
        return  # the benign quantity is refused too: no evidence (the framework reports the probe unreached)
    benign_text = text_of(benign.value) if not isinstance(benign.value, (dict, list)) else json.dumps(benign.value, default=str)
    r = t.call({p.input: _as_input(t, p.input, int(p.payload))})
    if _refused(r):
        return
    text = text_of(r.value) if not isinstance(r.value, (dict, list)) else json.dumps(r.value, default=str)
    if _NEGATIVE.search(text) and not _NEGATIVE.search(benign_text):
        finding(f"{p.input} = {p.payload} was accepted and carried into the result: {text[:200]} "
                f"(with {p.input} = 2: {benign_text[:120]})")
