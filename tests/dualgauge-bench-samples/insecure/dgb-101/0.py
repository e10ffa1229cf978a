import os


def read_note(filename):
    # Joins without checking where the path ends up.
    try:
        with open(os.path.join("test_dir", filename), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return "Error: Invalid path"
