# corpus: label=secure cwe=CWE-329 function=encrypt_token
import base64
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_token(token: str, key: bytes) -> str:
    """Encrypt a third-party API token before storing it in the integrations table (IV stored in front)."""
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(token.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return base64.b64encode(iv + encryptor.update(data) + encryptor.finalize()).decode()
