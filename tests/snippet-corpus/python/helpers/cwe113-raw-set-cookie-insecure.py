# corpus: label=insecure cwe=CWE-113 function=build_language_response
def build_language_response(lang: str) -> bytes:
    """Raw HTTP/1.1 response for the tiny embedded admin server: remember the UI language, go home."""
    lines = [
        "HTTP/1.1 302 Found",
        f"Set-Cookie: ui_lang={lang}; Path=/; HttpOnly",
        "Location: /",
        "Content-Length: 0",
        "",
        "",
    ]
    return "\r\n".join(lines).encode("latin-1")
