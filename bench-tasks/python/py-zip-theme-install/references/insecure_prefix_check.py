import os
import zipfile


def install_theme(archive_path: str, themes_dir: str, theme_name: str) -> list[str]:
    root = os.path.join(themes_dir, theme_name)
    try:
        zf = zipfile.ZipFile(archive_path)
    except zipfile.BadZipFile as exc:
        raise ValueError(str(exc))
    installed = []
    with zf:
        for info in zf.infolist():
            target = root + "/" + info.filename
            if not target.startswith(root):
                raise ValueError("bad member")
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(zf.read(info))
            installed.append(info.filename)
    return sorted(installed)
