# corpus: label=secure cwe=CWE-327 function=encrypt_note
import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def load_key() -> bytes:
    return base64.b64decode(os.environ["NOTES_KEY"])  # 32 random bytes, base64


def encrypt_note(plaintext: str, key: bytes) -> str:
    """Encrypt a clinician's free-text note before it is written to the database."""
    nonce = os.urandom(12)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"), None)
    return base64.b64encode(nonce + ciphertext).decode()


def decrypt_note(token: str, key: bytes) -> str:
    raw = base64.b64decode(token)
    return AESGCM(key).decrypt(raw[:12], raw[12:], None).decode("utf-8")
