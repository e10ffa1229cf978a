from urllib.parse import quote


def download_headers(filename: str, size: int) -> dict[str, str]:
    fallback = filename.encode("ascii", "replace").decode("ascii").replace("?", "_")
    return {
        "Content-Type": "application/octet-stream",
        "Content-Length": str(size),
        "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}",
    }
