# corpus: label=insecure cwe=CWE-918 function=fetch class=AvatarFetcher
import io

import requests


class AvatarFetcher:
    """Downloads a profile picture from a URL supplied in the user's profile form."""

    MAX_BYTES = 2 * 1024 * 1024

    def __init__(self, session=None):
        self.session = session or requests.Session()

    def fetch(self, image_url: str) -> bytes:
        resp = self.session.get(image_url, stream=True, timeout=10)
        resp.raise_for_status()
        if not resp.headers.get("Content-Type", "").startswith("image/"):
            raise ValueError("URL does not point to an image")
        buf = io.BytesIO()
        for chunk in resp.iter_content(8192):
            buf.write(chunk)
            if buf.tell() > self.MAX_BYTES:
                raise ValueError("image too large")
        return buf.getvalue()
