# corpus: label=secure cwe=CWE-918 function=fetch_remote_json
from urllib.parse import urlsplit

import aiohttp

ALLOWED_SOURCES = {"api.open-meteo.com", "api.coingecko.com", "status.example-saas.io"}


async def fetch_remote_json(params: dict) -> dict:
    """Fetch JSON from params["source"] for the dashboard's 'custom data source' widget."""
    url = params["source"]
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_SOURCES:
        raise PermissionError(f"data source {parts.hostname!r} is not allow-listed")
    if parts.port not in (None, 443) or parts.username or parts.password:
        raise PermissionError("custom ports and credentials are not allowed")
    timeout = aiohttp.ClientTimeout(total=float(params.get("timeout", 8)))
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(url, headers={"Accept": "application/json"},
                               allow_redirects=False) as resp:
            resp.raise_for_status()
            return await resp.json(content_type=None)
