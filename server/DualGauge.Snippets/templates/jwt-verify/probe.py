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


_GENUINE_KEYS = r'''
import os, re
keys = [v for k, v in vars(solution).items() if isinstance(v, str) and re.search(r"SECRET|KEY|JWT", k) and len(v) < 200]
keys += [os.environ[k] for k in ("JWT_SECRET", "SECRET_KEY") if k in os.environ]
result = list(dict.fromkeys(keys))[:4]
'''


def _genuine_control(ctx, t, p, bearer):
    """A token signed with the secret the module holds (HS256): when one is accepted, the function's
    verification ran, and its refusal of the forged token is evidence."""
    for key in ctx.probe(_GENUINE_KEYS) or []:
        header = {"alg": "HS256", "typ": "JWT"}
        claims = {"sub": "dg-genuine", "iat": int(_time.time()) - 10, "exp": int(_time.time()) + 3600}
        signing = _b64url(json.dumps(header).encode()) + "." + _b64url(json.dumps(claims).encode())
        token = signing + "." + _b64url(_hmac.new(key.encode(), signing.encode(), hashlib.sha256).digest())
        r = t.call({p.input: bearer + token})
        if r.ok:
            return


def _jwt_probe(ctx, t, p, kind):
    token = _forged_token(kind)
    q = t.param(p.input)
    bearer = "Bearer " if q is not None and (q.name.lower() == "authorization" or q.where == "headers") else ""
    ctx.prepare("import os\nos.environ.setdefault('JWT_SECRET', 'dg-server-secret-value')\nos.environ.setdefault('SECRET_KEY', 'dg-server-secret-value')")
    r = t.call({p.input: bearer + token})
    if not (r.ok and _accepted(r.value)):
        _genuine_control(ctx, t, p, bearer)
    if r.ok and _accepted(r.value):
        finding(("an unsigned alg=none token" if kind == "none" else "a token signed with the wrong key")
                + " was accepted: its forged claims (sub=dg-attacker) came back")


def jwt_alg_none(ctx, t, p):
    _jwt_probe(ctx, t, p, "none")


def jwt_wrong_key(ctx, t, p):
    _jwt_probe(ctx, t, p, "wrong-key")
