# Probes for the jwt-verify template: forged tokens, and whether the function's result carries their claims.
import hmac as _hmac
import time as _time


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _forged_token(kind):
    claims = {"sub": "dg-attacker", "user_id": "dg-attacker", "username": "dg-attacker", "email": "dg-attacker@evil.example",
              "role": "admin", "roles": ["admin"], "iat": int(_time.time()) - 10, "exp": int(_time.time()) + 3600}
    header = {"alg": "none", "typ": "JWT"} if kind == "none" else {"alg": "HS256", "typ": "JWT"}
    signing = _b64url(json.dumps(header).encode()) + "." + _b64url(json.dumps(claims).encode())
    if kind == "none":
        return signing + "."
    sig = _hmac.new(b"dg-not-the-server-key", signing.encode(), hashlib.sha256).digest()
    return signing + "." + _b64url(sig)


def _accepted(value):
    if isinstance(value, dict) and "status" in value and "body" in value:
        return int(value["status"]) < 400 and "dg-attacker" in text_of(value["body"])
    try:
        return "dg-attacker" in (text_of(value) if not isinstance(value, (dict, list, tuple)) else json.dumps(value, default=str))
    except (TypeError, ValueError):
        return "dg-attacker" in text_of(value)


def _jwt_probe(ctx, t, p, kind):
    token = _forged_token(kind)
    q = t.param(p.input)
    if q is not None and (q.name.lower() == "authorization" or q.where == "headers"):
        token = "Bearer " + token
    ctx.prepare("import os\nos.environ.setdefault('JWT_SECRET', 'dg-server-secret-value')\nos.environ.setdefault('SECRET_KEY', 'dg-server-secret-value')")
    r = t.call({p.input: token})
    if r.ok and _accepted(r.value):
        finding(("an unsigned alg=none token" if kind == "none" else "a token signed with the wrong key")
                + " was accepted: its forged claims (sub=dg-attacker) came back")


def jwt_alg_none(ctx, t, p):
    _jwt_probe(ctx, t, p, "none")


def jwt_wrong_key(ctx, t, p):
    _jwt_probe(ctx, t, p, "wrong-key")
