import os


def read_note(filename):
    base = os.path.realpath("test_dir")
    target = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, target]) != base:
        return "Error: Invalid path"
    with open(target, encoding="utf-8") as f:
        return f.read()
