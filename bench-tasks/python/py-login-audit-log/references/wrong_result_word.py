import logging


def log_login_attempt(logger: logging.Logger, username: str, ip: str, success: bool) -> None:
    safe = username.encode("unicode_escape").decode("ascii") if not username.isprintable() else username
    logger.info("login user=%s ip=%s result=%s", safe, ip, "ok" if success else "failed")
