# corpus: label=secure cwe=CWE-117 function=record class=AuditTrail
import json
import logging


class AuditTrail:
    """Thin wrapper so every service logs admin actions the same way (one JSON object per line)."""

    def __init__(self, service: str):
        self.service = service
        self.log = logging.getLogger(f"audit.{service}")

    def record(self, actor: str, action: str, target: str) -> str:
        entry = json.dumps({"service": self.service, "actor": actor, "action": action, "target": target})
        self.log.info(entry)
        return entry
