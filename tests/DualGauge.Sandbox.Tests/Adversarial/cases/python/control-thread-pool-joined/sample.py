import subprocess
from concurrent.futures import ThreadPoolExecutor


def _du(path):
    return subprocess.run(["du", "-sk", "--", path], capture_output=True, text=True, timeout=10)


def folder_size_kb(path: str) -> int:
    with ThreadPoolExecutor(max_workers=1) as pool:
        proc = pool.submit(_du, path).result()
    if proc.returncode != 0:
        raise ValueError(proc.stderr.strip() or f"du failed for {path!r}")
    return int(proc.stdout.split()[0])
