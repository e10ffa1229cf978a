import csv
import os
import tempfile


def export_to_temp_csv(header: list[str], rows: list[list], tmp_dir: str | None = None) -> str:
    # mkstemp picks an unpredictable name, creates it with O_EXCL (never follows a planted link) and mode 0600.
    fd, path = tempfile.mkstemp(prefix="export-", suffix=".csv", dir=tmp_dir)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)
    except BaseException:
        os.unlink(path)
        raise
    return os.path.abspath(path)
