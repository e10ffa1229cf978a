import logging
import unicodedata


def _printable(value: str) -> str:
    # Keep printable text as typed; show control characters, line/paragraph separators and
    # unassigned/format characters as \\x.. / \\u.. escapes so one call is always one line.
    out = []
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def log_login_attempt(logger: logging.Logger, username: str, ip: str, success: bool) -> None:
    logger.info("login user=%s ip=%s result=%s", _printable(username), _printable(ip),
                "success" if success else "failure")
