import gzip
import struct
import zlib


def decode_gzip_body(body: bytes, max_size: int) -> bytes:
    if len(body) < 18:
        raise ValueError("too short for gzip")
    declared = struct.unpack("<I", body[-4:])[0]
    if declared > max_size:
        raise ValueError("body too large")
    try:
        data = gzip.decompress(body)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"invalid gzip body: {exc}") from exc
    if len(data) > max_size:
        raise ValueError("body too large")
    return data
