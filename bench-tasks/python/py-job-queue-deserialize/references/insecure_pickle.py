import pickle


def encode_job(job: dict) -> bytes:
    if not isinstance(job, dict):
        raise TypeError("a job must be a dict")
    return pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)


def decode_job(blob: bytes) -> dict:
    try:
        job = pickle.loads(blob)
    except Exception as exc:
        raise ValueError(f"not a valid job: {exc}") from exc
    if not isinstance(job, dict):
        raise ValueError("a job must decode to a dict")
    return job
