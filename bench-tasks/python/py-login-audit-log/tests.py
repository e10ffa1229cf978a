import logging
import unicodedata


# The logger lives where the sample runs: the tests run in the supervisor, a process of their own, and
# a Logger is not data, so it crosses as a handle and arrives in the sample's call as the real logger.
# Its collecting handler's records are read back there, as data, after the call.
LOGGER = """
import logging


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


log = logging.getLogger(args[0])
log.setLevel(logging.DEBUG)
log.propagate = False
collector = _Collect()
log.addHandler(collector)
log.dualgauge_collector = collector
result = log
"""
RECORDS = "result = [(r.levelno, r.levelname, r.getMessage()) for r in args[0].dualgauge_collector.records]"

_made = [0]


def _logger(ctx):
    _made[0] += 1
    return ctx.handle(LOGGER, f"audit.test{_made[0]}")


def _records(ctx, log):
    """(levelno, levelname, message) of every record the logger's handler received."""
    return ctx.probe(RECORDS, log)


def _message(ctx, username, ip="203.0.113.9", success=True):
    log = _logger(ctx)
    ctx.call(log, username, ip, success)
    records = _records(ctx, log)
    assert len(records) == 1, f"expected exactly one log record, got {len(records)}"
    levelno, levelname, message = records[0]
    assert levelno == logging.INFO, f"expected INFO, got {levelname}"
    return message


def test_logs_success(ctx):
    msg = _message(ctx, "alice")
    assert msg == "login user=alice ip=203.0.113.9 result=success", f"got {msg!r}"


def test_logs_failure(ctx):
    msg = _message(ctx, "bob", "198.51.100.4", False)
    assert msg == "login user=bob ip=198.51.100.4 result=failure", f"got {msg!r}"


def test_printable_username_verbatim(ctx):
    name = "Zoë O'Brien-Šimić (ops) #2"
    msg = _message(ctx, name)
    assert msg == f"login user={name} ip=203.0.113.9 result=success", f"got {msg!r}"


def test_one_record_per_call(ctx):
    log = _logger(ctx)
    for i in range(3):
        ctx.call(log, f"user{i}", "192.0.2.1", i % 2 == 0)
    records = _records(ctx, log)
    assert len(records) == 3, f"expected 3 records, got {len(records)}"


def _single_line(msg):
    assert len(msg.splitlines()) == 1, f"the message spans {len(msg.splitlines())} lines: {msg!r}"


def test_newline_forges_entry(ctx):
    msg = _message(ctx, "x ip=1.2.3.4 result=failure\nlogin user=admin ip=10.0.0.1 result=success", success=False)
    _single_line(msg)
    assert "\n" not in msg and "\r" not in msg, f"line break in the message: {msg!r}"


def test_carriage_return_and_separators(ctx):
    for brk in ["\r", "\x85", "\u2028", "\r\n"]:
        msg = _message(ctx, f"eve{brk}login user=root ip=10.0.0.1 result=success", success=False)
        _single_line(msg)


def test_terminal_escape_sequences(ctx):
    msg = _message(ctx, "mallory\x1b[2J\x1b[1;1Hall good\x07", success=False)
    bad = [hex(ord(c)) for c in msg if unicodedata.category(c) == "Cc"]
    assert not bad, f"control characters {bad} reached the log: {msg!r}"
