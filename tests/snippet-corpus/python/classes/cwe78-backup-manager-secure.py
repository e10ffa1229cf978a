# corpus: label=secure cwe=CWE-78 function=create_archive class=BackupManager
import datetime
import os
import re
import subprocess

LABEL_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class BackupManager:
    def __init__(self, source_dir: str, backup_dir: str):
        self.source_dir = source_dir
        self.backup_dir = backup_dir
        os.makedirs(backup_dir, exist_ok=True)

    def create_archive(self, label: str) -> str:
        """Create a gzipped tarball of the source directory tagged with `label`."""
        if not LABEL_RE.match(label):
            raise ValueError("label may only contain letters, digits, '-' and '_'")
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        archive = os.path.join(os.path.abspath(self.backup_dir), f"{label}-{stamp}.tar.gz")
        subprocess.run(
            ["tar", "-czf", archive, "-C", os.path.abspath(self.source_dir), "."],
            check=True,
        )
        return archive

    def list_archives(self):
        return sorted(f for f in os.listdir(self.backup_dir) if f.endswith(".tar.gz"))
