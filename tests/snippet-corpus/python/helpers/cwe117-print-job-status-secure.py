# corpus: label=secure cwe=CWE-117 function=report_job
from datetime import datetime, timezone


def report_job(job_name: str, status: str) -> None:
    """The worker's status lines go to stdout, which the container runtime ships to the log store."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    safe_name = job_name.replace("\r", "\\r").replace("\n", "\\n")
    safe_status = status.replace("\r", "\\r").replace("\n", "\\n")
    print(f"{stamp} INFO job={safe_name} status={safe_status}")
