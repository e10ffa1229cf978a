# corpus: label=insecure cwe=CWE-329 function=encrypt_token
import base64

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

IV = b"\x00" * 16  # fixed so the same token always maps to the same stored value


def encrypt_token(token: str, key: bytes) -> str:
    """Encrypt a third-party API token before storing it in the integrations table."""
    padder = padding.PKCS7(128).padder()
    data = padder.update(token.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(IV)).encryptor()
    return base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode()
