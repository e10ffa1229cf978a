# corpus: label=secure cwe=CWE-78 function=trace_route
import ipaddress
import re
import subprocess

_HOSTNAME = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def trace_route(host):
    """Runs traceroute against a host given by a support engineer and returns its output."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not _HOSTNAME.match(host):
            raise ValueError("not a valid host name or address")
    proc = subprocess.run(["traceroute", "-m", "8", "-w", "1", "--", host], capture_output=True, text=True, timeout=30)
    return proc.stdout
