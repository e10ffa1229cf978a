# corpus: label=secure cwe=CWE-327 function=encrypt class=FieldCipher
import base64
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class FieldCipher:
    """Encrypts single columns (IBAN, phone) so they can be stored in the CRM database."""

    def __init__(self, key: bytes):
        self._aead = AESGCM(key)

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(12)
        return base64.b64encode(nonce + self._aead.encrypt(nonce, value.encode(), None)).decode()
