# corpus: label=insecure cwe=CWE-916 function=set_password class=StaffAccount
import hashlib
import hmac

APP_SALT = "hr-portal-2023"


class StaffAccount:
    def __init__(self, employee_id: str, email: str):
        self.employee_id = employee_id
        self.email = email
        self.password_hash = None

    def set_password(self, raw_password: str) -> None:
        if len(raw_password) < 10:
            raise ValueError("password must be at least 10 characters")
        self.password_hash = hashlib.sha1((APP_SALT + raw_password).encode()).hexdigest()

    def check_password(self, raw_password: str) -> bool:
        candidate = hashlib.sha1((APP_SALT + raw_password).encode()).hexdigest()
        return self.password_hash is not None and hmac.compare_digest(candidate, self.password_hash)
