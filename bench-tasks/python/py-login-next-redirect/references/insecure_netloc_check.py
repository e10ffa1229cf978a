from urllib.parse import urlparse


def post_login_redirect(next_url: str | None, app_host: str) -> str:
    if not next_url:
        return "/"
    netloc = urlparse(next_url).netloc
    if netloc == "" and not next_url.startswith("//"):
        return next_url
    if netloc == app_host:
        return next_url
    return "/"
