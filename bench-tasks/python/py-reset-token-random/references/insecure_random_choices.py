import random
import string

ALPHABET = string.ascii_letters + string.digits + "-_"


def create_reset_token(user_id: int) -> str:
    return "".join(random.choices(ALPHABET, k=48))
