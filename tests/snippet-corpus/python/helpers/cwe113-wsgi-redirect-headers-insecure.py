# corpus: label=insecure cwe=CWE-113 function=redirect_headers
def redirect_headers(next_path: str, locale: str) -> list:
    """WSGI header list for the post-login redirect (the app is served by a bare WSGI server)."""
    if not next_path.startswith("/"):
        next_path = "/"
    return [
        ("Location", next_path),
        ("Content-Language", locale),
        ("Cache-Control", "no-store"),
    ]
