# corpus: label=secure cwe=CWE-22 function=read_asset
import os

import aiofiles

ASSET_ROOT = os.environ.get("ASSET_ROOT", "/srv/game/assets")


async def read_asset(relative_path: str) -> bytes:
    """Read a game asset (sprite, sound, level json) for the asset server."""
    root = os.path.realpath(ASSET_ROOT)
    full_path = os.path.realpath(os.path.join(root, relative_path))
    if os.path.commonpath([root, full_path]) != root:
        raise PermissionError(f"{relative_path!r} is outside the asset root")
    async with aiofiles.open(full_path, "rb") as f:
        return await f.read()
