# corpus: label=insecure cwe=CWE-327 function=encrypt_note
import base64
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def load_key() -> bytes:
    return base64.b64decode(os.environ["NOTES_KEY"])  # 32 random bytes, base64


def encrypt_note(plaintext: str, key: bytes) -> str:
    """Encrypt a clinician's free-text note before it is written to the database."""
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode()


def decrypt_note(token: str, key: bytes) -> str:
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    data = decryptor.update(base64.b64decode(token)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")
