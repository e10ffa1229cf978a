# corpus: label=secure cwe=CWE-502 function=restore_game
import json
from dataclasses import dataclass, field


@dataclass
class SaveGame:
    player: str
    level: int = 1
    inventory: list = field(default_factory=list)


def restore_game(blob: str) -> SaveGame:
    """Restore a save game uploaded by the player (exported with json.dumps(asdict(game)))."""
    data = json.loads(blob)
    if not isinstance(data, dict):
        raise ValueError("not a save game")
    return SaveGame(
        player=str(data["player"]),
        level=int(data.get("level", 1)),
        inventory=[str(item) for item in data.get("inventory", [])],
    )
