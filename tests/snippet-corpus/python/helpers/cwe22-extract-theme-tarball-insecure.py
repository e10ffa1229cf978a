# corpus: label=insecure cwe=CWE-22 function=install_theme
import os
import tarfile

THEMES_DIR = "/var/www/cms/themes"


def install_theme(archive_path: str, theme_name: str) -> str:
    """Unpack an uploaded theme archive (.tar.gz) into the themes directory."""
    target = os.path.join(THEMES_DIR, os.path.basename(theme_name))
    os.makedirs(target, exist_ok=True)
    with tarfile.open(archive_path, "r:*") as tar:
        for member in tar.getmembers():
            dest = os.path.join(target, member.name)
            if member.isdir():
                os.makedirs(dest, exist_ok=True)
            elif member.isfile():
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with tar.extractfile(member) as src, open(dest, "wb") as out:
                    out.write(src.read())
    return target
