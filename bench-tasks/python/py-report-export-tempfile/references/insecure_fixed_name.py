import csv
import os
import tempfile
import time


def export_to_temp_csv(header: list[str], rows: list[list], tmp_dir: str | None = None) -> str:
    directory = tmp_dir or tempfile.gettempdir()
    path = os.path.join(directory, f"export-{int(time.time())}-{os.getpid()}.csv")
    n = 0
    while os.path.isfile(path) and not os.path.islink(path):
        n += 1
        path = os.path.join(directory, f"export-{int(time.time())}-{os.getpid()}-{n}.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    os.chmod(path, 0o600)
    return os.path.abspath(path)
