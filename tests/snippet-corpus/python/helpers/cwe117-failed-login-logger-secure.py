# corpus: label=secure cwe=CWE-117 function=record_failed_login
import logging

logger = logging.getLogger("security")


def _clean(value: str) -> str:
    # One log record is one line: escape line breaks and other control characters.
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in value)


def record_failed_login(username: str, source_ip: str, attempts: int) -> None:
    """Write a failed sign-in to the security log that the SIEM ingests line by line."""
    logger.warning("failed login user=%s ip=%s attempts=%d", _clean(username), _clean(source_ip), attempts)
