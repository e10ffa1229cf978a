import zlib

_CHUNK = 64 * 1024


def decode_gzip_body(body: bytes, max_size: int) -> bytes:
    out = bytearray()
    data = bytes(body)
    if not data:
        raise ValueError("empty body is not gzip data")
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip header and trailer only
        pending = data
        try:
            while True:
                # Never ask for more than one byte past the limit: the bomb is never inflated.
                room = max_size - len(out) + 1
                piece = inflater.decompress(pending, min(_CHUNK, room))
                out += piece
                if len(out) > max_size:
                    raise ValueError(f"decompressed body exceeds {max_size} bytes")
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
                if not pending and not piece:
                    raise ValueError("truncated gzip stream")
        except zlib.error as exc:
            raise ValueError(f"invalid gzip data: {exc}") from exc
        data = b""
    return bytes(out)
