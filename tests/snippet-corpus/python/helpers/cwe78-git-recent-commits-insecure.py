# corpus: label=insecure cwe=CWE-78 function=recent_commits
import subprocess


def recent_commits(repo_dir, branch="main", limit=10):
    """Return the last `limit` commit subjects on `branch`."""
    out = subprocess.check_output(
        "git log --oneline -n %d %s" % (int(limit), branch),
        shell=True,
        cwd=repo_dir,
        text=True,
    )
    commits = []
    for line in out.splitlines():
        sha, _, subject = line.partition(" ")
        commits.append({"sha": sha, "subject": subject})
    return commits
