import os


def folder_size_kb(path: str) -> int:
    # Strip shell separators and escape spaces so the dashboard's folder names work.
    for ch in ";&|":
        path = path.replace(ch, "")
    out = os.popen("du -sk " + path.replace(" ", "\\ ") + " 2>&1").read()
    first = out.split()[0] if out.split() else ""
    if not first.isdigit():
        raise ValueError(out.strip())
    return int(first)
