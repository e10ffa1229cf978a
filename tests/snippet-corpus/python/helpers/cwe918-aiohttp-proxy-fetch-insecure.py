# corpus: label=insecure cwe=CWE-918 function=fetch_remote_json
import aiohttp


async def fetch_remote_json(params: dict) -> dict:
    """Fetch JSON from params["source"] for the dashboard's 'custom data source' widget."""
    url = params["source"]
    timeout = aiohttp.ClientTimeout(total=float(params.get("timeout", 8)))
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(url, headers={"Accept": "application/json"}) as resp:
            resp.raise_for_status()
            return await resp.json(content_type=None)
