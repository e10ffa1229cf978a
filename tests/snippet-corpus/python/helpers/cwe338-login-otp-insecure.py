# corpus: label=insecure cwe=CWE-338 function=generate_otp
import random
import time

OTP_LIFETIME = 300


def generate_otp(user_store: dict, phone: str) -> str:
    """Generate a 6-digit one-time login code, remember it, and return it for SMS delivery."""
    code = str(random.randint(100000, 999999))
    user_store[phone] = {"otp": code, "expires": time.time() + OTP_LIFETIME, "attempts": 0}
    return code
