# corpus: label=secure cwe=CWE-22 function=tail_log
import os
from collections import deque

LOG_DIR = os.environ.get("APP_LOG_DIR", "/var/log/app")


def tail_log(options: dict) -> list:
    """Return the last N lines of a log file.

    options: {"log": "worker.log", "lines": 100}
    """
    log_name = options.get("log", "app.log")
    n = max(1, min(int(options.get("lines", 50)), 1000))
    base = os.path.realpath(LOG_DIR)
    path = os.path.realpath(os.path.join(base, log_name))
    if os.path.commonpath([base, path]) != base:
        raise PermissionError("log file must be inside " + base)
    with open(path, "r", errors="replace") as fh:
        return list(deque(fh, maxlen=n))
