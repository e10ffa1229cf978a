import secrets


def create_reset_token(user_id: int) -> str:
    return secrets.token_hex(8)
