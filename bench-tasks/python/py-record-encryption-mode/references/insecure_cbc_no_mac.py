import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def _check(key):
    if len(key) != 32:
        raise ValueError("key must be 32 bytes")


def encrypt_record(key: bytes, plaintext: bytes) -> bytes:
    _check(key)
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + enc.update(data) + enc.finalize()


def decrypt_record(key: bytes, blob: bytes) -> bytes:
    _check(key)
    if len(blob) < 32 or len(blob) % 16:
        raise ValueError("bad blob")
    dec = Cipher(algorithms.AES(key), modes.CBC(blob[:16])).decryptor()
    data = dec.update(blob[16:]) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(data) + unpadder.finalize()
