# aiofiles.os for the aiofiles stand-in: os calls behind coroutines (see aiofiles.py). Standard library only.
import os as _os
from os import path  # noqa: F401 (aiofiles.os.path)


def _wrap(fn):
    async def run(*args, **kwargs):
        return fn(*args, **kwargs)
    return run


stat = _wrap(_os.stat)
remove = unlink = _wrap(_os.remove)
rename = _wrap(_os.rename)
replace = _wrap(_os.replace)
mkdir = _wrap(_os.mkdir)
makedirs = _wrap(_os.makedirs)
rmdir = _wrap(_os.rmdir)
listdir = _wrap(_os.listdir)
scandir = _wrap(_os.scandir)
