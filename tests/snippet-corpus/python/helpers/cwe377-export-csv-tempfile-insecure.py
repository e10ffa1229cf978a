# corpus: label=insecure cwe=CWE-377 function=export_to_temp_csv
import csv
import tempfile


def export_to_temp_csv(rows, header):
    """Write rows to a temporary CSV file and return its path (caller uploads then deletes it)."""
    path = tempfile.mktemp(suffix=".csv", prefix="export-")
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path
