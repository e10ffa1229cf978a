# corpus: label=insecure cwe=CWE-22 function=read_asset
import os

import aiofiles

ASSET_ROOT = os.environ.get("ASSET_ROOT", "/srv/game/assets")


async def read_asset(relative_path: str) -> bytes:
    """Read a game asset (sprite, sound, level json) for the asset server."""
    full_path = os.path.normpath(os.path.join(ASSET_ROOT, relative_path))
    async with aiofiles.open(full_path, "rb") as f:
        return await f.read()
