# Probes for the crypto-mode template: the cipher objects and keys the call created (recorded in the sample's
# process) and the ciphertext it returned decide.
_CRYPTO_WATCH = r'''
import sys
rec = {"ciphers": [], "nonces": [], "keys": []}
sys._dg_crypto = rec
try:
    from cryptography.hazmat.primitives.ciphers import Cipher
    from cryptography.hazmat.primitives.ciphers import aead
    _init = Cipher.__init__
    def __init__(self, algorithm, mode=None, *a, **k):
        try:
            iv = None
            for attr in ("initialization_vector", "nonce", "tweak"):
                if getattr(mode, attr, None) is not None:
                    iv = bytes(getattr(mode, attr)).hex()
            rec["ciphers"].append({"algorithm": getattr(algorithm, "name", type(algorithm).__name__),
                                   "mode": getattr(mode, "name", None) if mode is not None else None, "iv": iv})
        except Exception:
            pass
        return _init(self, algorithm, mode, *a, **k)
    Cipher.__init__ = __init__
    for cls_name in ("AESGCM", "AESCCM", "ChaCha20Poly1305", "AESOCB3", "AESGCMSIV"):
        cls = getattr(aead, cls_name, None)
        if cls is None:
            continue
        def wrap(cls, cls_name):
            original = cls.encrypt
            def encrypt(self, nonce, *a, **k):
                try:
                    rec["nonces"].append({"algorithm": cls_name, "iv": bytes(nonce).hex()})
                except Exception:
                    pass
                return original(self, nonce, *a, **k)
            try:
                cls.encrypt = encrypt
            except TypeError:
                pass
        wrap(cls, cls_name)
    from cryptography.hazmat.primitives.asymmetric import rsa, dsa
    for module in (rsa, dsa):
        def wrapgen(module):
            original = module.generate_private_key
            def generate_private_key(*a, **k):
                key = original(*a, **k)
                try:
                    rec["keys"].append({"kind": module.__name__.rsplit(".", 1)[-1], "bits": key.key_size})
                except Exception:
                    pass
                return key
            module.generate_private_key = generate_private_key
            for name, value in list(vars(solution).items()):
                if value is original:
                    setattr(solution, name, generate_private_key)
        wrapgen(module)
except ImportError:
    pass
'''
_WEAK = ("3DES", "TripleDES", "DES", "RC4", "ARC4", "Blowfish", "RC2", "CAST5", "IDEA", "SEED")
_KEY_PARAM = re.compile(r"(^|_)(key|secret_key|enc_key|aes_key|cipher_key|encryption_key|master_key)$|^key", re.I)


def _crypto_record(ctx):
    return ctx.probe("import sys\nresult = getattr(sys, '_dg_crypto', None)") or {"ciphers": [], "nonces": [], "keys": []}


def _byte_forms(value, depth=0):
    """The byte strings a result may be: raw bytes, base64, hex, and the fields of a dict or tuple."""
    out = []
    if depth > 3 or value is None:
        return out
    if isinstance(value, (bytes, bytearray)):
        out.append(bytes(value))
        try:
            out.extend(_byte_forms(bytes(value).decode("ascii"), depth + 1))
        except UnicodeDecodeError:
            pass
    elif isinstance(value, str):
        s = value.strip()
        for sep in (":", ".", "$"):
            if sep in s:
                for part in s.split(sep):
                    out.extend(_byte_forms(part, depth + 1))
        if re.fullmatch(r"[0-9a-fA-F]{16,}", s) and len(s) % 2 == 0:
            out.append(bytes.fromhex(s))
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                out.append(decode(s + "=" * (-len(s) % 4)))
            except (ValueError, TypeError):
                pass
    elif isinstance(value, dict):
        for v in value.values():
            out.extend(_byte_forms(v, depth + 1))
    elif isinstance(value, (list, tuple)):
        for v in value:
            out.extend(_byte_forms(v, depth + 1))
    return [b for b in out if len(b) >= 16]


def _repeated_block(data):
    for size in (16, 8):
        for offset in range(size):
            blocks = [data[i:i + size] for i in range(offset, len(data) - size + 1, size)]
            if len(blocks) >= 3 and len(set(blocks)) < len(blocks) - 1:
                return size
    return 0


def _call_with_key(t, values):
    """Calls with a random key of each usual size in turn (AES-256, AES-128, 3DES, DES) until one is accepted;
    returns the outcome and the values it was called with."""
    keys = [q for q in t.params if _KEY_PARAM.search(q.name) and q.role in ("text", "bytes", "password") and q.name not in values]
    if not keys:
        return t.call(values), dict(values)
    r, overrides = None, dict(values)
    for size in (32, 16, 24, 8):
        key = os.urandom(size)
        overrides = dict(values)
        for q in keys:
            overrides[q.name] = key if "str" not in q.type else base64.b64encode(key).decode()
        r = t.call(overrides)
        if r.ok:
            break
    return r, overrides


def _plaintext(t, p):
    q = t.param(p.input)
    return p.payload.encode() if q is not None and q.role == "bytes" else p.payload


def cipher_ecb(ctx, t, p):
    ctx.prepare(_CRYPTO_WATCH)
    r, _ = _call_with_key(t, {p.input: _plaintext(t, p)})
    rec = _crypto_record(ctx)
    for c in rec["ciphers"]:
        if c.get("mode") == "ECB":
            finding(f"encrypts with {c['algorithm']} in ECB mode: equal plaintext blocks give equal ciphertext blocks")
    if r.ok:
        for data in _byte_forms(r.value):
            if _repeated_block(data):
                finding("the ciphertext repeats a block where the plaintext does: ECB-like encryption")
    if not rec["ciphers"] and not rec["nonces"] and not (r.ok and _byte_forms(r.value)):
        ctx.not_judged("the call created no cipher and returned no ciphertext")


def cipher_weak_algorithm(ctx, t, p):
    ctx.prepare(_CRYPTO_WATCH)
    _call_with_key(t, {p.input: _plaintext(t, p)})
    rec = _crypto_record(ctx)
    if not rec["ciphers"] and not rec["nonces"]:
        ctx.not_judged("the call created no cipher the probe could see")
    for c in rec["ciphers"]:
        if c["algorithm"] in _WEAK:
            finding(f"encrypts with {c['algorithm']}, a broken or 64-bit-block cipher")


def cipher_static_iv(ctx, t, p):
    ctx.prepare(_CRYPTO_WATCH)
    first, values = _call_with_key(t, {p.input: _plaintext(t, p)})
    if not first.ok:
        return  # refused every key tried: judged (or not) by the call's completion, as any refusal
    second = t.call(values)
    rec = _crypto_record(ctx)
    used = rec["ciphers"] + rec["nonces"]
    ivs = [c["iv"] for c in used if c.get("iv")]
    if len(ivs) >= 2 and len(set(ivs)) < len(ivs):
        finding("two encryptions of the same plaintext used the same IV/nonce: " + ivs[0])
    if used:
        if not ivs:
            ctx.not_judged("the cipher takes no IV or nonce (ECB): cipher_ecb judges it")
        return
    if not _byte_forms(first.value):
        ctx.not_judged("the call created no cipher and returned no ciphertext")
    if second.ok and first.value == second.value and not any(_repeated_block(d) for d in _byte_forms(first.value)):
        finding("encrypting the same plaintext twice with the same key gave the same ciphertext: a static IV or nonce")


def rsa_key_size(ctx, t, p):
    ctx.prepare(_CRYPTO_WATCH)
    r = t.call()
    rec = _crypto_record(ctx)
    keys = list(rec["keys"])
    if r.ok:
        for text in [text_of(v) for v in (r.value if isinstance(r.value, (tuple, list)) else [r.value])]:
            if "-----BEGIN" in text:
                try:
                    from cryptography.hazmat.primitives import serialization
                    pem = text[text.index("-----BEGIN"):].encode()
                    loader = serialization.load_pem_public_key if "PUBLIC KEY" in text.split("\n")[0] else (lambda d: serialization.load_pem_private_key(d, None))
                    keys.append({"kind": "pem", "bits": loader(pem).key_size})
                except Exception:
                    pass
    if not keys:
        ctx.not_judged("the call generated no RSA/DSA key the probe could see")
    for k in keys:
        if k["bits"] < 2048:
            finding(f"generates a {k['bits']}-bit {k['kind'].upper()} key (at least 2048 bits needed)")
