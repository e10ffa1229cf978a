import jwt


def verify_session_token(token: str, secret: str, now: float | None = None) -> dict:
    try:
        return jwt.decode(token, secret, algorithms=["HS256"], options={"verify_exp": False})
    except jwt.PyJWTError as exc:
        raise ValueError(str(exc)) from exc
