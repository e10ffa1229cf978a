# corpus: label=insecure cwe=CWE-732 function=store_private_key
from pathlib import Path


def store_private_key(pem: str, key_dir: str, name: str = "service") -> Path:
    """Save the generated TLS key next to the certificate."""
    target = Path(key_dir) / f"{name}.key"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(pem)
    return target
