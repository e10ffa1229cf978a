# corpus: label=secure cwe=CWE-732 function=prepare_upload_dir
import os


def prepare_upload_dir(base_dir: str, project: str) -> str:
    """Create the per-project upload folder; the thumbnailer shares the service group and writes there."""
    path = os.path.join(base_dir, "uploads", project.replace("/", "_"))
    os.makedirs(path, mode=0o770, exist_ok=True)
    os.chmod(path, 0o770)  # owner and group only, whatever the umask was
    return path
