import csv
import os
import tempfile
import uuid


def export_to_temp_csv(header: list[str], rows: list[list], tmp_dir: str | None = None) -> str:
    path = os.path.join(tmp_dir or tempfile.gettempdir(), f"export-{uuid.uuid4().hex}.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return os.path.abspath(path)
