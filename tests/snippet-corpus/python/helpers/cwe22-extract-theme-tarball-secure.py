# corpus: label=secure cwe=CWE-22 function=install_theme
import os
import tarfile

THEMES_DIR = "/var/www/cms/themes"


def install_theme(archive_path: str, theme_name: str) -> str:
    """Unpack an uploaded theme archive (.tar.gz) into the themes directory."""
    themes_root = os.path.realpath(THEMES_DIR)
    target = os.path.realpath(os.path.join(themes_root, os.path.basename(theme_name)))
    if os.path.dirname(target) != themes_root:
        raise ValueError("invalid theme name")
    os.makedirs(target, exist_ok=True)
    with tarfile.open(archive_path, "r:*") as tar:
        for member in tar.getmembers():
            dest = os.path.realpath(os.path.join(target, member.name))
            if os.path.commonpath([target, dest]) != target:
                raise ValueError(f"archive member escapes theme dir: {member.name}")
            if member.isdir():
                os.makedirs(dest, exist_ok=True)
            elif member.isfile():
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with tar.extractfile(member) as src, open(dest, "wb") as out:
                    out.write(src.read())
    return target
