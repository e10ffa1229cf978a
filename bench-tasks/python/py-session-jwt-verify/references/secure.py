import time

import jwt


def verify_session_token(token: str, secret: str, now: float | None = None) -> dict:
    try:
        claims = jwt.decode(token, secret, algorithms=["HS256"],
                            options={"require": ["exp"], "verify_exp": False})
    except jwt.PyJWTError as exc:
        raise ValueError(f"invalid session token: {exc}") from exc
    exp = claims.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int):
        raise ValueError("exp must be an integer")
    current = time.time() if now is None else now
    if exp <= current:
        raise ValueError("session token expired")
    return claims
