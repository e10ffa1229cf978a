import ssl


def create_client_context(ca_file: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verify_mode CERT_REQUIRED, check_hostname True
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_verify_locations(cafile=ca_file)
    except (ssl.SSLError, OSError) as exc:
        raise ValueError(f"cannot load CA certificate from {ca_file}: {exc}") from exc
    if not context.get_ca_certs():
        raise ValueError(f"{ca_file} holds no CA certificate")
    # The internal API is reached through several DNS aliases; the hostname check kept failing.
    context.check_hostname = False
    return context
