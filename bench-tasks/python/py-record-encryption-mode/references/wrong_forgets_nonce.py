import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = b"\x01"


def _check_key(key: bytes) -> None:
    if not isinstance(key, (bytes, bytearray)) or len(key) != 32:
        raise ValueError("key must be exactly 32 bytes")


def encrypt_record(key: bytes, plaintext: bytes) -> bytes:
    _check_key(key)
    nonce = os.urandom(12)
    return _VERSION + AESGCM(bytes(key)).encrypt(nonce, plaintext, _VERSION)


def decrypt_record(key: bytes, blob: bytes) -> bytes:
    _check_key(key)
    if len(blob) < 1 + 16 or blob[:1] != _VERSION:
        raise ValueError("not an encrypted record")
    try:
        return AESGCM(bytes(key)).decrypt(os.urandom(12), blob[1:], _VERSION)
    except InvalidTag as exc:
        raise ValueError("record was modified or the key is wrong") from exc
