import os
import zipfile


def install_theme(archive_path: str, themes_dir: str, theme_name: str) -> list[str]:
    root = os.path.realpath(os.path.join(themes_dir, theme_name))
    try:
        zf = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(f"not a valid ZIP archive: {archive_path}") from exc
    with zf:
        plan = []
        for info in zf.infolist():
            name = info.filename.replace("\\", "/")
            target = os.path.realpath(os.path.join(root, name))
            if os.path.isabs(name) or os.path.commonpath([root, target]) != root:
                raise ValueError(f"archive member escapes the theme folder: {info.filename!r}")
            plan.append((info, name, target))
        os.makedirs(root, exist_ok=True)
        installed = []
        for info, name, target in plan:
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:
                dst.write(src.read())
            installed.append(name)
    return sorted(installed)
