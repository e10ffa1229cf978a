import os


def read_document(base_dir: str, name: str) -> str:
    base = os.path.abspath(base_dir)
    path = os.path.normpath(os.path.join(base, name))
    if not path.startswith(base):
        raise ValueError(f"{name!r} is outside the documents folder")
    with open(path, encoding="utf-8") as fh:
        return fh.read()
