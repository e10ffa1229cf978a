from urllib.parse import quote


def download_headers(filename: str, size: int) -> dict[str, str]:
    name = filename.replace("\r", "").replace("\n", "")
    fallback = "".join(c if c.isascii() else "_" for c in name)
    return {
        "Content-Type": "application/octet-stream",
        "Content-Length": str(size),
        "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}",
    }
