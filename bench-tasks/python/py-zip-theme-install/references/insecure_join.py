import os
import zipfile


def install_theme(archive_path: str, themes_dir: str, theme_name: str) -> list[str]:
    root = os.path.join(themes_dir, theme_name)
    if not zipfile.is_zipfile(archive_path):
        raise ValueError("not a zip file")
    installed = []
    with zipfile.ZipFile(archive_path) as zf:
        for info in zf.infolist():
            target = os.path.join(root, info.filename)
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(zf.read(info))
            installed.append(info.filename)
    return sorted(installed)
