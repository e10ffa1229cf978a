# Probes for the password-hash template: compare with fast digests; hash twice.
_SALT = "0123456789abcdef"


def _hash_values(t, p):
    values = {p.input: p.payload}
    for q in t.params:
        if q.role == "salt":
            values[q.name] = _SALT.encode() if "bytes" in q.type else _SALT
    return values


def fast_hash(ctx, t, p):
    r = t.call(_hash_values(t, p))
    if not r.ok:
        return
    if not hash_like(r.value, p.payload):
        ctx.not_judged("the function returns no stored form of the password to inspect: " + repr(r.value)[:80])
    pw = p.payload.encode()
    salt = _SALT.encode() if t.has_role("salt") else b""
    fast = set()
    for alg in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
        for m in (pw, salt + pw, pw + salt):
            d = hashlib.new(alg, m).digest()
            fast.update({d, d.hex(), d.hex().upper(), base64.b64encode(d).decode()})
    texts = list(r.value) if isinstance(r.value, (tuple, list)) else list(r.value.values()) if isinstance(r.value, dict) else [r.value]
    texts = [x.decode() if isinstance(x, bytes) and x not in fast else x for x in texts]
    texts = [x for x in texts if isinstance(x, (str, bytes))] + hash_like(r.value, p.payload)
    if any(x in fast or x == p.payload or (isinstance(x, str) and x.split("$")[-1] in fast) for x in texts):
        finding("the password is stored as a fast digest: " + repr(r.value))


def unsalted_hash(ctx, t, p):
    a = t.call(_hash_values(t, p))
    b = t.call(_hash_values(t, p))
    if a.ok and b.ok and not hash_like(a.value, p.payload):
        ctx.not_judged("the function returns no stored form to compare: " + repr(a.value)[:80])
    if a.ok and b.ok and hash_like(a.value, p.payload) == hash_like(b.value, p.payload):
        finding("the same password hashed to the same value twice: no salt")
