import os


def read_document(base_dir: str, name: str) -> str:
    with open(os.path.join(base_dir, name), encoding="utf-8") as fh:
        return fh.read()
