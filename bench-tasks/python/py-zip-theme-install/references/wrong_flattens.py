import os
import zipfile


def install_theme(archive_path: str, themes_dir: str, theme_name: str) -> list[str]:
    root = os.path.join(themes_dir, theme_name)
    try:
        zf = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile as exc:
        raise ValueError(str(exc))
    os.makedirs(root, exist_ok=True)
    installed = []
    with zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            name = os.path.basename(info.filename)
            with open(os.path.join(root, name), "wb") as out:
                out.write(zf.read(info))
            installed.append(name)
    return sorted(installed)
