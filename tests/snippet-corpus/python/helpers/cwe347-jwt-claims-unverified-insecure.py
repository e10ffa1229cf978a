# corpus: label=insecure cwe=CWE-347 function=user_from_token
import base64
import json


def user_from_token(token: str) -> dict:
    """Read the user id and roles from the bearer token the gateway forwards."""
    payload_b64 = token.split(".")[1]
    payload_b64 += "=" * (-len(payload_b64) % 4)
    claims = json.loads(base64.urlsafe_b64decode(payload_b64))
    return {"user_id": claims["sub"], "roles": claims.get("roles", [])}
