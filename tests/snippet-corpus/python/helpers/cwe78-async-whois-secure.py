# corpus: label=secure cwe=CWE-78 function=whois_lookup
import asyncio
import re

_DOMAIN = re.compile(r"^(?!-)[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$", re.IGNORECASE)


async def whois_lookup(domain: str, timeout: float = 20.0) -> str:
    """Run whois for a domain without blocking the event loop."""
    if not _DOMAIN.match(domain):
        raise ValueError(f"not a domain name: {domain!r}")
    proc = await asyncio.create_subprocess_exec(
        "whois", domain,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, _ = await asyncio.wait_for(proc.communicate(), timeout=timeout)
    return stdout.decode("utf-8", errors="replace")


async def bulk_whois(domains):
    return await asyncio.gather(*(whois_lookup(d) for d in domains))
