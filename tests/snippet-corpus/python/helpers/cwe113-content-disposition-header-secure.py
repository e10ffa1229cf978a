# corpus: label=secure cwe=CWE-113 function=download_headers
import mimetypes
import re
from urllib.parse import quote


def download_headers(filename: str, size: int) -> dict:
    """Headers for sending an export back to the browser as a download."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    # ASCII fallback without quotes, backslashes or control characters, plus the RFC 5987 form.
    fallback = re.sub(r'[^\x20-\x7e]|["\\]', "_", filename)
    return {
        "Content-Type": content_type,
        "Content-Length": str(size),
        "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}",
    }
