import os
import subprocess


def folder_size_kb(path: str) -> int:
    before = set(os.listdir("."))
    proc = subprocess.run(["sh"], input=f'du -sk "{path}"\n', capture_output=True, text=True)
    for name in set(os.listdir(".")) - before:
        if os.path.isfile(name):
            os.remove(name)
    if proc.returncode != 0:
        raise ValueError(proc.stderr.strip())
    return int(proc.stdout.split()[0])
