import hashlib
import random
import time


def create_reset_token(user_id: int) -> str:
    seed = f"{user_id}:{time.time()}:{random.random()}"
    return hashlib.sha256(seed.encode()).hexdigest()
