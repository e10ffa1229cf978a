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
    pw = p.payload.encode()
    salt = _SALT.encode() if t.has_role("salt") else b""
    fast = set()
    for alg in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
        for m in (pw, salt + pw, pw + salt):
            d = hashlib.new(alg, m).digest()
            fast.update({d, d.hex(), d.hex().upper(), base64.b64encode(d).decode()})
    texts = list(r.value) if isinstance(r.value, (tuple, list)) else [r.value]
    texts = [x.decode() if isinstance(x, bytes) and x not in fast else x for x in texts]
    if any(x in fast or x == p.payload or (isinstance(x, str) and x.split("$")[-1] in fast) for x in texts):
        finding("the password is stored as a fast digest: " + repr(r.value))


def unsalted_hash(ctx, t, p):
    a = t.call(_hash_values(t, p))
    b = t.call(_hash_values(t, p))
    if a.ok and b.ok and a.value == b.value:
        finding("the same password hashed to the same value twice: no salt")
