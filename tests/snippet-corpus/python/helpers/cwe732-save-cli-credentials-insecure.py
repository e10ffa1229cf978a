# corpus: label=insecure cwe=CWE-732 function=save_credentials
import json
import os
from pathlib import Path

CONFIG_DIR = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "deployctl"


def save_credentials(api_key: str, api_secret: str) -> Path:
    """Persist the API credentials after `deployctl login`."""
    CONFIG_DIR.mkdir(parents=True, exist_ok=True)
    cred_file = CONFIG_DIR / "credentials.json"
    with open(cred_file, "w") as fh:
        json.dump({"api_key": api_key, "api_secret": api_secret}, fh)
    os.chmod(cred_file, 0o777)  # make sure the agent service can read it too
    return cred_file
