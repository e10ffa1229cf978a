# corpus: label=insecure cwe=CWE-113 function=download_headers
import mimetypes


def download_headers(filename: str, size: int) -> dict:
    """Headers for sending an export back to the browser as a download."""
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return {
        "Content-Type": content_type,
        "Content-Length": str(size),
        "Content-Disposition": f'attachment; filename="{filename}"',
    }
