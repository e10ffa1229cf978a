import secrets


def create_reset_token(user_id: int) -> str:
    # 32 random bytes -> 43 URL-safe characters, 256 bits of entropy; the user id is stored beside it.
    return secrets.token_urlsafe(32)
