import subprocess


def folder_size_kb(path: str) -> int:
    proc = subprocess.run(f'du -sk "{path}"', shell=True, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ValueError(proc.stderr.strip())
    return int(proc.stdout.split()[0])
