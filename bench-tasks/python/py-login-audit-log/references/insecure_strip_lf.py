import logging


def log_login_attempt(logger: logging.Logger, username: str, ip: str, success: bool) -> None:
    clean = username.replace("\n", "\\n")
    logger.info("login user=%s ip=%s result=%s", clean, ip, "success" if success else "failure")
