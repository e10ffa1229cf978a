# corpus: label=insecure cwe=CWE-78 function=compress_logs
"""Interactive helper: gzip log files matching a pattern in LOG_DIR."""
import os

LOG_DIR = os.environ.get("LOG_DIR", "/var/log/myapp")


def compress_logs(pattern):
    os.chdir(LOG_DIR)
    print(f"Compressing {pattern} in {LOG_DIR} ...")
    exit_code = os.system("gzip -9 " + pattern)
    return exit_code == 0


if __name__ == "__main__":
    pat = input("File pattern to compress (e.g. *.log.1): ").strip()
    if compress_logs(pat):
        print("done")
    else:
        print("gzip reported an error")
