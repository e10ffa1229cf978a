# corpus: label=secure cwe=CWE-78 function=compress_logs
"""Interactive helper: gzip log files matching a pattern in LOG_DIR."""
import glob
import os
import subprocess

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/myapp")


def compress_logs(pattern):
    print(f"Compressing {pattern} in {LOG_DIR} ...")
    # expand the glob in Python and pass the matches as separate argv entries
    files = sorted(glob.glob(os.path.join(glob.escape(LOG_DIR), os.path.basename(pattern))))
    if not files:
        return False
    result = subprocess.run(["gzip", "-9", "--", *files])
    return result.returncode == 0


if __name__ == "__main__":
    pat = input("File pattern to compress (e.g. *.log.1): ").strip()
    if compress_logs(pat):
        print("done")
    else:
        print("gzip reported an error")
