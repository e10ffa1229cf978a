import ssl


def create_client_context(ca_file: str) -> ssl.SSLContext:
    with open(ca_file) as f:
        if "BEGIN CERTIFICATE" not in f.read():
            raise ValueError("not a PEM certificate")
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context
