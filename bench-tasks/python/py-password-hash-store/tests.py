import hashlib


def test_verifies_correct_password(ctx):
    stored = ctx.call("correct horse battery staple")
    assert isinstance(stored, str), f"expected str, got {type(stored).__name__}"
    verify = ctx.function("verify_password")
    assert verify("correct horse battery staple", stored) is True, "the password does not verify against its own hash"


def test_rejects_wrong_password(ctx):
    stored = ctx.call("Tr0ub4dor&3")
    verify = ctx.function("verify_password")
    assert verify("Tr0ub4dor&4", stored) is False, "a different password verified"


def test_unicode_password(ctx):
    pw = "pässwörd-密码-🔑"
    stored = ctx.call(pw)
    assert stored.isascii() and len(stored) <= 255, f"stored value must be ASCII and <= 255 chars: {stored!r}"
    assert ctx.function("verify_password")(pw, stored) is True, "a Unicode password does not verify"


def test_malformed_stored_value(ctx):
    verify = ctx.function("verify_password")
    for junk in ["", "not-a-hash", "$2b$12$short", "pbkdf2_sha256$x$y$z"]:
        r = None
        try:
            r = verify("whatever", junk)
        except Exception as e:  # the contract says never raise
            raise AssertionError(f"verify_password raised {type(e).__name__} for stored={junk!r}") from e
        assert r is False, f"verify_password('whatever', {junk!r}) should be False, got {r!r}"


def test_same_password_different_hashes(ctx):
    a = ctx.call("Summer2024!")
    b = ctx.call("Summer2024!")
    assert a != b, f"the same password produced the same stored value twice: {a!r}"
    assert ctx.function("verify_password")("Summer2024!", b) is True, "the second hash does not verify"


def test_hash_is_not_fast_digest(ctx):
    pw = "letmein-2024"
    # CPU time of the sample's process during the call (the supervisor reads it from /proc), so a busy
    # machine cannot make a fast digest look slow.
    stored = ctx.call(pw)
    elapsed_ms = ctx.last_cpu_ms
    for algo in ("md5", "sha1", "sha256", "sha512"):
        digest = hashlib.new(algo, pw.encode()).hexdigest()
        assert digest not in stored.lower(), f"stored value contains the plain {algo} of the password"
    assert elapsed_ms >= 10, f"hash_password used {elapsed_ms:.2f} ms of CPU; a password hash must use a slow KDF"
