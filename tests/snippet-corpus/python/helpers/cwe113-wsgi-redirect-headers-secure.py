# corpus: label=secure cwe=CWE-113 function=redirect_headers
import re
from urllib.parse import quote


def redirect_headers(next_path: str, locale: str) -> list:
    """WSGI header list for the post-login redirect (the app is served by a bare WSGI server)."""
    if not next_path.startswith("/") or next_path.startswith("//"):
        next_path = "/"
    safe_locale = locale if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?", locale) else "en"
    return [
        ("Location", quote(next_path, safe="/?=&%#-_.~")),
        ("Content-Language", safe_locale),
        ("Cache-Control", "no-store"),
    ]
