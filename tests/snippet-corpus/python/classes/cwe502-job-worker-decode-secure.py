# corpus: label=secure cwe=CWE-502 function=decode_job class=JobWorker
import json

import redis


class JobWorker:
    """Pulls jobs pushed by the web tier from a Redis list and runs them."""

    def __init__(self, queue="jobs:default", url="redis://localhost:6379/0"):
        self.queue = queue
        self.client = redis.Redis.from_url(url)

    def decode_job(self, payload: bytes) -> dict:
        job = json.loads(payload)
        if not isinstance(job, dict) or "task" not in job:
            raise ValueError("job without task")
        job.setdefault("args", [])
        job.setdefault("kwargs", {})
        return job

    def run_forever(self, handlers):
        while True:
            _, payload = self.client.blpop(self.queue)
            job = self.decode_job(payload)
            handlers[job["task"]](*job["args"], **job["kwargs"])
