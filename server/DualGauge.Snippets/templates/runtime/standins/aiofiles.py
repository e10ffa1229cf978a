# A stand-in for `aiofiles`, written into the job folder as that package when a sample imports it and the image
# lacks it. aiofiles runs the built-in open() and os calls on a thread behind coroutines; this runs the same calls
# inline behind the same coroutines (open as an async context manager, read, write, readline, async iteration,
# aiofiles.os), so the harness's file monitor sees each open as for open() code. Standard library only.
import io
import os as _os

DRIVER_STAND_IN = True  # the same file calls, without aiofiles' thread


class _File:
    def __init__(self, args, kwargs):
        self._args, self._kwargs = args, kwargs
        self._f = None

    def _open(self):
        if self._f is None:
            self._f = io.open(*self._args, **self._kwargs)
        return self

    def __await__(self):
        async def run():
            return self._open()
        return run().__await__()

    async def __aenter__(self):
        return self._open()

    async def __aexit__(self, *exc):
        await self.close()
        return False

    @property
    def name(self):
        return self._f.name if self._f else self._args[0]

    async def read(self, *args):
        return self._f.read(*args)

    async def readline(self, *args):
        return self._f.readline(*args)

    async def readlines(self, *args):
        return self._f.readlines(*args)

    async def write(self, data):
        return self._f.write(data)

    async def writelines(self, lines):
        return self._f.writelines(lines)

    async def seek(self, *args):
        return self._f.seek(*args)

    async def tell(self):
        return self._f.tell()

    async def flush(self):
        return self._f.flush()

    async def truncate(self, *args):
        return self._f.truncate(*args)

    async def close(self):
        if self._f is not None:
            self._f.close()

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = self._f.readline()
        if not line:
            raise StopAsyncIteration
        return line


def open(*args, **kwargs):  # noqa: A001 (the aiofiles name)
    return _File(args, kwargs)
