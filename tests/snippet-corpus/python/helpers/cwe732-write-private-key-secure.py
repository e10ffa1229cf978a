# corpus: label=secure cwe=CWE-732 function=store_private_key
import os
from pathlib import Path


def store_private_key(pem: str, key_dir: str, name: str = "service") -> Path:
    """Save the generated TLS key next to the certificate, readable by its owner only."""
    target = Path(key_dir) / f"{name}.key"
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(pem)
    os.chmod(target, 0o600)
    return target
