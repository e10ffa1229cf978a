# corpus: label=insecure cwe=CWE-117 function=record_failed_login
import logging

logger = logging.getLogger("security")


def record_failed_login(username: str, source_ip: str, attempts: int) -> None:
    """Write a failed sign-in to the security log that the SIEM ingests line by line."""
    logger.warning("failed login user=%s ip=%s attempts=%d", username, source_ip, attempts)
