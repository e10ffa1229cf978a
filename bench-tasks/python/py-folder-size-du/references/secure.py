import subprocess


def folder_size_kb(path: str) -> int:
    proc = subprocess.run(["du", "-sk", "--", path], capture_output=True, text=True)
    if proc.returncode != 0:
        raise ValueError(proc.stderr.strip() or f"du failed for {path!r}")
    return int(proc.stdout.split()[0])
