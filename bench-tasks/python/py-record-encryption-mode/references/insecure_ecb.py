from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def _check(key):
    if len(key) != 32:
        raise ValueError("key must be 32 bytes")


def encrypt_record(key: bytes, plaintext: bytes) -> bytes:
    _check(key)
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(data) + enc.finalize()


def decrypt_record(key: bytes, blob: bytes) -> bytes:
    _check(key)
    dec = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    data = dec.update(blob) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(data) + unpadder.finalize()
