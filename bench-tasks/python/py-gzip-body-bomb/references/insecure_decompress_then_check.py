import gzip
import zlib


def decode_gzip_body(body: bytes, max_size: int) -> bytes:
    try:
        data = gzip.decompress(body)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"invalid gzip body: {exc}") from exc
    if len(data) > max_size:
        raise ValueError("body too large")
    return data
