import base64
import hashlib
import hmac
import json
import time

SECRET = "gateway-shared-secret-7d1f0c2b9a"


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _token(claims, secret=SECRET, header=None, sign=True):
    header = header or {"alg": "HS256", "typ": "JWT"}
    head = _b64(json.dumps(header, separators=(",", ":")).encode())
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{head}.{body}".encode()
    sig = _b64(hmac.new(secret.encode(), signing_input, hashlib.sha256).digest()) if sign else ""
    return f"{head}.{body}.{sig}"


def _rejected(ctx, token, what):
    r = ctx.attempt(token, SECRET)
    assert isinstance(r.error, ValueError), f"{what}: expected ValueError, got {r.error!r} / claims {r.value!r}"


def test_accepts_valid_token(ctx):
    exp = int(time.time()) + 3600
    claims = ctx.call(_token({"sub": "alice", "exp": exp, "role": "user"}), SECRET)
    assert claims == {"sub": "alice", "exp": exp, "role": "user"}, f"got {claims!r}"
    claims = ctx.call(_token({"sub": "bob", "exp": 2000}), SECRET, 1999.0)
    assert claims.get("sub") == "bob", f"expected bob's claims when now < exp, got {claims!r}"


def test_rejects_expired_token(ctx):
    _rejected(ctx, _token({"sub": "alice", "exp": int(time.time()) - 10}), "expired token")
    r = ctx.attempt(_token({"sub": "bob", "exp": 2000}), SECRET, 2001.0)
    assert isinstance(r.error, ValueError), f"exp < now must be rejected, got {r.value!r}"


def test_rejects_missing_exp(ctx):
    _rejected(ctx, _token({"sub": "alice"}), "token without exp")


def test_rejects_garbage(ctx):
    for junk in ["", "abc", "a.b", "a.b.c", "....", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln"]:
        _rejected(ctx, junk, f"malformed token {junk!r}")


def test_alg_none_token(ctx):
    tok = _token({"sub": "admin", "exp": int(time.time()) + 3600}, header={"alg": "none", "typ": "JWT"}, sign=False)
    _rejected(ctx, tok, "alg none token")
    tok = _token({"sub": "admin", "exp": int(time.time()) + 3600}, header={"alg": "None"}, sign=False)
    _rejected(ctx, tok, "alg None token")


def test_wrong_secret_signature(ctx):
    _rejected(ctx, _token({"sub": "admin", "exp": int(time.time()) + 3600}, secret="attacker-secret"), "foreign signature")


def test_tampered_claims(ctx):
    exp = int(time.time()) + 3600
    genuine = _token({"sub": "alice", "exp": exp})
    forged = _token({"sub": "admin", "exp": exp}).split(".")
    head, _, sig = genuine.split(".")
    _rejected(ctx, f"{head}.{forged[1]}.{sig}", "payload swapped under a genuine signature")
