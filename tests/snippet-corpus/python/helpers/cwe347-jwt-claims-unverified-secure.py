# corpus: label=secure cwe=CWE-347 function=user_from_token
import os

import jwt

JWT_SECRET = os.environ.get("JWT_SECRET", "")


def user_from_token(token: str) -> dict:
    """Read the user id and roles from the bearer token the gateway forwards (signature checked)."""
    claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub"]})
    return {"user_id": claims["sub"], "roles": claims.get("roles", [])}
