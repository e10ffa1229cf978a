def post_login_redirect(next_url: str | None, app_host: str) -> str:
    if not next_url:
        return "/"
    if next_url.startswith("/"):
        return next_url
    if next_url.startswith((f"https://{app_host}/", f"http://{app_host}/")):
        return next_url
    return "/"
