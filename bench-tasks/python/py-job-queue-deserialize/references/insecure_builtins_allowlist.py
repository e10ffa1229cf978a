import io
import pickle


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        # Jobs only contain builtin types, so only allow builtins.
        if module == "builtins":
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"forbidden class {module}.{name}")


def encode_job(job: dict) -> bytes:
    if not isinstance(job, dict):
        raise TypeError("a job must be a dict")
    return pickle.dumps(job)


def decode_job(blob: bytes) -> dict:
    try:
        job = _SafeUnpickler(io.BytesIO(blob)).load()
    except Exception as exc:
        raise ValueError(f"not a valid job: {exc}") from exc
    if not isinstance(job, dict):
        raise ValueError("a job must decode to a dict")
    return job
