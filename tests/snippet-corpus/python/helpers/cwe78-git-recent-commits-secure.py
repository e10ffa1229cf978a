# corpus: label=secure cwe=CWE-78 function=recent_commits
import re
import subprocess

REF_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$")


def recent_commits(repo_dir, branch="main", limit=10):
    """Return the last `limit` commit subjects on `branch`."""
    if not REF_RE.match(branch) or ".." in branch:
        raise ValueError(f"invalid branch name: {branch!r}")
    out = subprocess.check_output(
        ["git", "log", "--oneline", "-n", str(int(limit)), branch, "--"],
        cwd=repo_dir,
        text=True,
    )
    commits = []
    for line in out.splitlines():
        sha, _, subject = line.partition(" ")
        commits.append({"sha": sha, "subject": subject})
    return commits
