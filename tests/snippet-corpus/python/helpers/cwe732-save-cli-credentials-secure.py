# corpus: label=secure cwe=CWE-732 function=save_credentials
import json
import os
from pathlib import Path

CONFIG_DIR = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "deployctl"


def save_credentials(api_key: str, api_secret: str) -> Path:
    """Persist the API credentials after `deployctl login`."""
    CONFIG_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    cred_file = CONFIG_DIR / "credentials.json"
    fd = os.open(cred_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump({"api_key": api_key, "api_secret": api_secret}, fh)
    os.chmod(cred_file, 0o600)  # O_CREAT mode is ignored for pre-existing files
    return cred_file
