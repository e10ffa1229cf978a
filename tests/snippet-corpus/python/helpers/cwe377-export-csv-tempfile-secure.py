# corpus: label=secure cwe=CWE-377 function=export_to_temp_csv
import csv
import os
import tempfile


def export_to_temp_csv(rows, header):
    """Write rows to a temporary CSV file and return its path (caller uploads then deletes it)."""
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="export-")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path
