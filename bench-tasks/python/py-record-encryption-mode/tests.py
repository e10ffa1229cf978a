import os

KEY = bytes(range(32))


def _decrypt(ctx):
    return ctx.function("decrypt_record")


def test_round_trip(ctx):
    dec = _decrypt(ctx)
    for data in [b"", b"x", b"alice,1980-02-01,DE89370400440532013000\n" * 3, os.urandom(100_000)]:
        blob = ctx.call(KEY, data)
        assert isinstance(blob, bytes), f"expected bytes, got {type(blob).__name__}"
        assert dec(KEY, blob) == data, f"round trip failed for {len(data)} bytes"


def test_ciphertext_hides_plaintext(ctx):
    data = b"customer=alice;iban=DE89370400440532013000;limit=5000"
    blob = ctx.call(KEY, data)
    assert b"DE8937040044" not in blob and b"customer=" not in blob, "the blob contains the plaintext"
    assert len(data) <= len(blob) <= len(data) + 64, f"blob of {len(blob)} bytes for {len(data)} bytes of data"


def test_rejects_bad_key_length(ctx):
    r = ctx.attempt(b"k" * 16, b"data")
    assert isinstance(r.error, ValueError), f"encrypt_record with a 16-byte key: expected ValueError, got {r.error!r}"
    blob = ctx.call(KEY, b"data")
    try:
        _decrypt(ctx)(b"k" * 16, blob)
    except ValueError:
        return
    raise AssertionError("decrypt_record with a 16-byte key did not raise ValueError")


def test_repeated_blocks_not_visible(ctx):
    data = b"ACCT=0000000042;" * 4
    blob = ctx.call(KEY, data)
    for offset in range(16):
        blocks = [blob[i:i + 16] for i in range(offset, len(blob) - 15, 16)]
        assert len(blocks) == len(set(blocks)), f"repeated 16-byte ciphertext blocks at alignment {offset}: ECB-like output"


def test_equal_records_look_different(ctx):
    data = b"plan=gold;country=FR"
    a, b = ctx.call(KEY, data), ctx.call(KEY, data)
    assert a != b, "the same record encrypted twice gives the same blob"


def test_tampered_blob_rejected(ctx):
    data = b"amount=0000100;to=alice"
    blob = ctx.call(KEY, data)
    dec = _decrypt(ctx)
    for i in range(len(blob)):
        forged = bytearray(blob)
        forged[i] ^= 0x01
        try:
            out = dec(KEY, bytes(forged))
        except ValueError:
            continue
        raise AssertionError(f"flipping a bit of byte {i} was not detected; decrypt returned {out!r}")
