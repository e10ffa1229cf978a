# corpus: label=insecure cwe=CWE-329 function=seal_backup
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE = b"backup-nonce"  # 12 bytes


def seal_backup(data: bytes, key: bytes) -> bytes:
    """Encrypt a nightly database dump before it is uploaded to object storage."""
    return AESGCM(key).encrypt(NONCE, data, b"db-backup-v1")
