# corpus: label=secure cwe=CWE-113 function=do_GET class=LanguageHandler
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

SUPPORTED_LANGS = {"en", "de", "fr", "es", "it", "ja", "pt-BR"}


class LanguageHandler(BaseHTTPRequestHandler):
    """GET /set-language?lang=de  -> sets a cookie and redirects to the home page."""

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        lang = query.get("lang", ["en"])[0]
        if lang not in SUPPORTED_LANGS:
            lang = "en"
        self.send_response(302)
        self.send_header("Set-Cookie", f"lang={lang}; Path=/; SameSite=Lax")
        self.send_header("Location", "/")
        self.send_header("Content-Length", "0")
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8080), LanguageHandler).serve_forever()
