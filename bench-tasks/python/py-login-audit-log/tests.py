import logging
import unicodedata


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def _logger(ctx):
    log = logging.getLogger(f"audit.{id(ctx)}")
    log.setLevel(logging.DEBUG)
    log.propagate = False
    h = _Collect()
    log.addHandler(h)
    return log, h


def _message(ctx, username, ip="203.0.113.9", success=True):
    log, h = _logger(ctx)
    ctx.call(log, username, ip, success)
    assert len(h.records) == 1, f"expected exactly one log record, got {len(h.records)}"
    rec = h.records[0]
    assert rec.levelno == logging.INFO, f"expected INFO, got {rec.levelname}"
    return rec.getMessage()


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
    log, h = _logger(ctx)
    for i in range(3):
        ctx.call(log, f"user{i}", "192.0.2.1", i % 2 == 0)
    assert len(h.records) == 3, f"expected 3 records, got {len(h.records)}"


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
