from urllib.parse import urlsplit


def post_login_redirect(next_url: str | None, app_host: str) -> str:
    if not next_url:
        return "/"
    if any(ord(c) < 0x21 or c == "\\" for c in next_url):
        return "/"
    try:
        parts = urlsplit(next_url)
    except ValueError:
        return "/"
    if not parts.scheme and not parts.netloc:
        # A path on our site: must be absolute and must not be read as //host by a browser.
        return next_url if next_url.startswith("/") and not next_url.startswith("//") else "/"
    if parts.scheme in ("http", "https") and parts.hostname == app_host.lower() \
            and parts.username is None and parts.password is None:
        return next_url
    return "/"
