# corpus: label=secure cwe=CWE-78 function=disk_usage
import shlex
import subprocess


def disk_usage(opts):
    """Return human readable disk usage for opts["path"].

    opts = {"path": "/srv/data", "depth": 1}
    """
    path = opts.get("path", ".")
    depth = int(opts.get("depth", 0))
    # quote the user-supplied path; "--" stops du from treating it as an option
    cmd = f"du -h --max-depth={depth} -- {shlex.quote(path)} | sort -rh | head -n 20"
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    entries = []
    for line in proc.stdout.splitlines():
        size, _, name = line.partition("\t")
        entries.append((name, size))
    return entries
