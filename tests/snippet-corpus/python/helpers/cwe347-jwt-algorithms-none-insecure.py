# corpus: label=insecure cwe=CWE-347 function=decode_session
import os

import jwt

SESSION_KEY = os.environ.get("SESSION_KEY", "change-me")


def decode_session(session_token: str):
    """Decode the session cookie; older mobile builds still send unsigned tokens, so accept those too."""
    header = jwt.get_unverified_header(session_token)
    if header.get("alg") == "none":
        return jwt.decode(session_token, options={"verify_signature": False})
    return jwt.decode(session_token, SESSION_KEY, algorithms=["HS256"])
