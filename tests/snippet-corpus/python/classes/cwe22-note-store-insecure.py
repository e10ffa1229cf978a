# corpus: label=insecure cwe=CWE-22 function=read_note class=NoteStore
from pathlib import Path


class NoteStore:
    """Stores markdown notes as files under a per-user directory."""

    def __init__(self, root="~/.notes"):
        self.root = Path(root).expanduser()
        self.root.mkdir(parents=True, exist_ok=True)

    def save_note(self, title: str, body: str) -> Path:
        path = self.root / (title.replace(" ", "_").replace("/", "_") + ".md")
        path.write_text(body, encoding="utf-8")
        return path

    def read_note(self, note_name: str) -> str:
        path = self.root / note_name
        if not path.suffix:
            path = path.with_suffix(".md")
        return path.read_text(encoding="utf-8")

    def list_notes(self):
        return sorted(p.stem for p in self.root.glob("*.md"))
