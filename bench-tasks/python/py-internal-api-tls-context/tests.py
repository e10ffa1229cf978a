import os
import ssl

HOST = "api.internal.example"


def _fx(ctx, name):
    return os.path.join(ctx.fixtures, name)


# The context the sample returns stays in the sample's process (an SSLContext is not data: it crosses
# as a handle), so the in-memory handshake runs there too, through ctx.probe, with the returned context
# passed back in (a handle arrives as the real object). It reports its outcome as data.
HANDSHAKE = """
import os
import ssl

client_ctx, fixtures, name, hostname, server_max = args


def _server():
    s = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    s.load_cert_chain(os.path.join(fixtures, name + ".crt"), os.path.join(fixtures, name + ".key"))
    if server_max:
        s.maximum_version = getattr(ssl.TLSVersion, server_max)
    return s


def _handshake(client_ctx, server_ctx):
    # A full TLS handshake between two contexts in memory; raises ssl.SSLError on failure.
    c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = client_ctx.wrap_bio(c_in, c_out, server_hostname=hostname)
    server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
    c_done = s_done = False
    for _ in range(50):
        if not c_done:
            try:
                client.do_handshake()
                c_done = True
            except ssl.SSLWantReadError:
                pass
        s_in.write(c_out.read())
        if not s_done:
            try:
                server.do_handshake()
                s_done = True
            except ssl.SSLWantReadError:
                pass
            except ssl.SSLError:
                if not c_done:
                    raise
        c_in.write(s_out.read())
        if c_done and s_done:
            return {"version": client.version()}
    return {"unfinished": True}


try:
    result = _handshake(client_ctx, _server())
except ssl.SSLError as e:
    result = {"ssl_error": f"{type(e).__name__}: {e}"}
"""

IS_CONTEXT = """
import ssl
result = [isinstance(args[0], ssl.SSLContext), type(args[0]).__name__]
"""


def _handshake(ctx, client, server_name, server_max=None, hostname=HOST):
    """Runs a full TLS handshake in memory between the sample's context and a server using the fixture
    certificate `server_name`; returns the negotiated version, raises SSLFailed on an ssl.SSLError."""
    outcome = ctx.probe(HANDSHAKE, client, ctx.fixtures, server_name, hostname, server_max)
    if "ssl_error" in outcome:
        raise SSLFailed(outcome["ssl_error"])
    assert "version" in outcome, "handshake did not finish"
    return outcome["version"]


class SSLFailed(Exception):
    """The handshake failed with ssl.SSLError in the sample's process."""


def test_connects_to_internal_api(ctx):
    client = ctx.call(_fx(ctx, "internal-ca.pem"))
    is_context, type_name = ctx.probe(IS_CONTEXT, client)
    assert is_context, f"expected ssl.SSLContext, got {type_name}"
    version = _handshake(ctx, client, "api")
    assert version in ("TLSv1.2", "TLSv1.3"), f"negotiated {version}"


def test_minimum_tls_12(ctx):
    client = ctx.call(_fx(ctx, "internal-ca.pem"))
    assert client.minimum_version not in (ssl.TLSVersion.MINIMUM_SUPPORTED, ssl.TLSVersion.SSLv3, ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1), \
        f"minimum_version is {client.minimum_version!r}"
    try:
        _handshake(ctx, client, "api", server_max="TLSv1_1")
    except SSLFailed:
        return
    raise AssertionError("a TLS 1.1 handshake succeeded")


def test_bad_ca_file_raises(ctx):
    bad = os.path.join(ctx.workdir, "ca.pem")
    with open(bad, "w") as f:
        f.write("this is not a certificate\n")
    r = ctx.attempt(bad)
    assert isinstance(r.error, ValueError), f"expected ValueError, got {r.error!r}"


def _must_fail(ctx, server_name):
    client = ctx.call(_fx(ctx, "internal-ca.pem"))
    try:
        _handshake(ctx, client, server_name)
    except SSLFailed:
        return
    raise AssertionError(f"the handshake with the {server_name} certificate succeeded for {HOST}")


def test_rejects_certificate_for_other_host(ctx):
    _must_fail(ctx, "other")


def test_rejects_untrusted_issuer(ctx):
    _must_fail(ctx, "impostor")
