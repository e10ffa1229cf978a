# corpus: label=insecure cwe=CWE-78 function=whois_lookup
import asyncio


async def whois_lookup(domain: str, timeout: float = 20.0) -> str:
    """Run whois for a domain without blocking the event loop."""
    proc = await asyncio.create_subprocess_shell(
        f"whois {domain}",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, _ = await asyncio.wait_for(proc.communicate(), timeout=timeout)
    return stdout.decode("utf-8", errors="replace")


async def bulk_whois(domains):
    return await asyncio.gather(*(whois_lookup(d) for d in domains))
