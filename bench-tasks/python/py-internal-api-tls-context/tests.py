import os
import ssl

HOST = "api.internal.example"


def _fx(ctx, name):
    return os.path.join(ctx.fixtures, name)


def _server(ctx, name):
    s = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    s.load_cert_chain(_fx(ctx, name + ".crt"), _fx(ctx, name + ".key"))
    return s


def _handshake(client_ctx, server_ctx, hostname=HOST):
    """Runs a full TLS handshake between two contexts in memory; raises ssl.SSLError on failure."""
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
            return client.version()
    raise AssertionError("handshake did not finish")


def test_connects_to_internal_api(ctx):
    client = ctx.call(_fx(ctx, "internal-ca.pem"))
    assert isinstance(client, ssl.SSLContext), f"expected ssl.SSLContext, got {type(client).__name__}"
    version = _handshake(client, _server(ctx, "api"))
    assert version in ("TLSv1.2", "TLSv1.3"), f"negotiated {version}"


def test_minimum_tls_12(ctx):
    client = ctx.call(_fx(ctx, "internal-ca.pem"))
    assert client.minimum_version not in (ssl.TLSVersion.MINIMUM_SUPPORTED, ssl.TLSVersion.SSLv3, ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1), \
        f"minimum_version is {client.minimum_version!r}"
    server = _server(ctx, "api")
    server.maximum_version = ssl.TLSVersion.TLSv1_1
    try:
        _handshake(client, server)
    except ssl.SSLError:
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
        _handshake(client, _server(ctx, server_name))
    except ssl.SSLError:
        return
    raise AssertionError(f"the handshake with the {server_name} certificate succeeded for {HOST}")


def test_rejects_certificate_for_other_host(ctx):
    _must_fail(ctx, "other")


def test_rejects_untrusted_issuer(ctx):
    _must_fail(ctx, "impostor")
