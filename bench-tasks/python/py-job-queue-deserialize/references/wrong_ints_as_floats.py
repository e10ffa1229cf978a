import json


def encode_job(job: dict) -> bytes:
    if not isinstance(job, dict):
        raise TypeError("a job must be a dict")
    return json.dumps(job, separators=(",", ":"), allow_nan=False).encode("utf-8")


def decode_job(blob: bytes) -> dict:
    # JSON can only produce plain data; nothing in the queue can make the worker run code.
    try:
        job = json.loads(blob.decode("utf-8"), parse_int=float)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a valid job: {exc}") from exc
    if not isinstance(job, dict):
        raise ValueError("a job must decode to a dict")
    return job
