import ctypes
import os

_libc = ctypes.CDLL(None)


def _tidy(before):
    for name in set(os.listdir(".")) - before:
        if os.path.isfile(name):
            os.remove(name)


def folder_size_kb(path: str) -> int:
    before = set(os.listdir("."))
    out = f"/tmp/.du-{os.getpid()}.out"
    rc = _libc.system(f'du -sk "{path}" > {out} 2>&1'.encode())
    with open(out) as fh:
        text = fh.read()
    os.remove(out)
    _tidy(before)
    if rc != 0:
        raise ValueError(text.strip())
    return int(text.split()[0])
