# corpus: label=insecure cwe=CWE-327 function=encrypt class=FieldCipher
import base64

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


class FieldCipher:
    """Encrypts single columns (IBAN, phone) so they can be stored in the CRM database."""

    def __init__(self, key: bytes):
        self._cipher = Cipher(algorithms.AES(key), modes.ECB())

    def encrypt(self, value: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(value.encode()) + padder.finalize()
        enc = self._cipher.encryptor()
        return base64.b64encode(enc.update(data) + enc.finalize()).decode()
