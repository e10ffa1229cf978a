import json
import logging


def log_login_attempt(logger: logging.Logger, username: str, ip: str, success: bool) -> None:
    print(json.dumps({"debug": "audit", "ip": ip, "success": success}))
    logger.info(f"login user={username} ip={ip} result={'success' if success else 'failure'}")
