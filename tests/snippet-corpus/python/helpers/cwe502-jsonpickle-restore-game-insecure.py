# corpus: label=insecure cwe=CWE-502 function=restore_game
from dataclasses import dataclass, field

import jsonpickle


@dataclass
class SaveGame:
    player: str
    level: int = 1
    inventory: list = field(default_factory=list)


def restore_game(blob: str) -> SaveGame:
    """Restore a save game uploaded by the player (exported with jsonpickle.encode)."""
    state = jsonpickle.decode(blob)
    if not isinstance(state, SaveGame):
        raise ValueError("not a save game")
    return state
