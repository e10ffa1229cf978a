# corpus: label=secure cwe=CWE-916 function=set_password class=StaffAccount
import hashlib
import hmac
import os

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


class StaffAccount:
    def __init__(self, employee_id: str, email: str):
        self.employee_id = employee_id
        self.email = email
        self.password_hash = None

    def set_password(self, raw_password: str) -> None:
        if len(raw_password) < 10:
            raise ValueError("password must be at least 10 characters")
        salt = os.urandom(16)
        key = hashlib.scrypt(raw_password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
        self.password_hash = f"scrypt${salt.hex()}${key.hex()}"

    def check_password(self, raw_password: str) -> bool:
        if not self.password_hash:
            return False
        _, salt_hex, key_hex = self.password_hash.split("$")
        key = hashlib.scrypt(raw_password.encode(), salt=bytes.fromhex(salt_hex),
                             n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
        return hmac.compare_digest(key.hex(), key_hex)
