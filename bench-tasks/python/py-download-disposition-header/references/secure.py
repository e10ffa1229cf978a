import unicodedata
from urllib.parse import quote


def _ascii_fallback(name: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKD", name):
        if ch.isascii() and ch.isprintable() and ch not in '"\\':
            out.append(ch)
        elif not unicodedata.combining(ch):
            out.append("_")
    return "".join(out).strip() or "download"


def download_headers(filename: str, size: int) -> dict[str, str]:
    # Control characters can never be part of a header; drop them from both parameters.
    clean = "".join(ch for ch in filename if unicodedata.category(ch) != "Cc")
    disposition = f'attachment; filename="{_ascii_fallback(clean)}"; filename*=UTF-8\'\'{quote(clean, safe="")}'
    return {
        "Content-Type": "application/octet-stream",
        "Content-Length": str(int(size)),
        "Content-Disposition": disposition,
    }
