# corpus: label=insecure cwe=CWE-732 function=prepare_upload_dir
import os


def prepare_upload_dir(base_dir: str, project: str) -> str:
    """Create the per-project upload folder; the thumbnailer runs as another user and must write there."""
    path = os.path.join(base_dir, "uploads", project.replace("/", "_"))
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o777)
    return path
