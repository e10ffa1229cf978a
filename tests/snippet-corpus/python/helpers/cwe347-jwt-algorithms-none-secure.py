# corpus: label=secure cwe=CWE-347 function=decode_session
import os

import jwt

SESSION_KEY = os.environ.get("SESSION_KEY", "change-me")


def decode_session(session_token: str):
    """Decode the session cookie; unsigned or foreign tokens give None."""
    try:
        return jwt.decode(session_token, SESSION_KEY, algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
