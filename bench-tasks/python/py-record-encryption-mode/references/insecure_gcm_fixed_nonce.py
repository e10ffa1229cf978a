import hashlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _nonce(key: bytes) -> bytes:
    return hashlib.sha256(b"nonce" + key).digest()[:12]


def encrypt_record(key: bytes, plaintext: bytes) -> bytes:
    if len(key) != 32:
        raise ValueError("key must be 32 bytes")
    return AESGCM(key).encrypt(_nonce(key), plaintext, None)


def decrypt_record(key: bytes, blob: bytes) -> bytes:
    if len(key) != 32:
        raise ValueError("key must be 32 bytes")
    try:
        return AESGCM(key).decrypt(_nonce(key), blob, None)
    except InvalidTag as exc:
        raise ValueError("tampered") from exc
