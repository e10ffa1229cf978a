# corpus: label=secure cwe=CWE-329 function=seal_backup
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def seal_backup(data: bytes, key: bytes) -> bytes:
    """Encrypt a nightly database dump before it is uploaded to object storage (nonce || ciphertext)."""
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, b"db-backup-v1")
