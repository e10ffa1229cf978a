def post_login_redirect(next_url: str | None, app_host: str) -> str:
    if not next_url:
        return "/"
    if next_url.startswith("/") and not next_url.startswith("//"):
        return next_url
    if next_url.startswith(("http://", "https://")) and ("://" + app_host) in next_url:
        return next_url
    return "/"
