# corpus: label=insecure cwe=CWE-78 function=trace_route
import subprocess

FORBIDDEN = (";", "&", "$", "`")


def trace_route(host):
    """Runs traceroute against a host given by a support engineer and returns its output."""
    if any(token in host for token in FORBIDDEN):
        raise ValueError("host contains forbidden characters")
    proc = subprocess.run(f"traceroute -m 8 -w 1 {host}", shell=True, capture_output=True, text=True, timeout=30)
    return proc.stdout
