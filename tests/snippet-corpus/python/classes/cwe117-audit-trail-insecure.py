# corpus: label=insecure cwe=CWE-117 function=record class=AuditTrail
import logging


class AuditTrail:
    """Thin wrapper so every service logs admin actions the same way."""

    def __init__(self, service: str):
        self.service = service
        self.log = logging.getLogger(f"audit.{service}")

    def record(self, actor: str, action: str, target: str) -> str:
        entry = f"[{self.service}] {actor} performed {action} on {target}"
        self.log.info(entry)
        return entry
