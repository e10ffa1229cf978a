# corpus: label=insecure cwe=CWE-78 function=create_archive class=BackupManager
import datetime
import os


class BackupManager:
    def __init__(self, source_dir: str, backup_dir: str):
        self.source_dir = source_dir
        self.backup_dir = backup_dir
        os.makedirs(backup_dir, exist_ok=True)

    def create_archive(self, label: str) -> str:
        """Create a gzipped tarball of the source directory tagged with `label`."""
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        archive = f"{self.backup_dir}/{label}-{stamp}.tar.gz"
        rc = os.system(f"tar -czf {archive} -C {self.source_dir} .")
        if rc != 0:
            raise RuntimeError(f"tar exited with {rc}")
        return archive

    def list_archives(self):
        return sorted(f for f in os.listdir(self.backup_dir) if f.endswith(".tar.gz"))
