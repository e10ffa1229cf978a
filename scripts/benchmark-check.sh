#!/usr/bin/env bash
# Measures `dualgauge check --diff` on a generated repository: 2,000 unchanged functions on main, then a change
# adding 10 or 50 functions (SQL, shell, path and plain helpers, half of them injectable), each checked cold
# (empty cache) and again fully cached. Prints a Markdown table. Run after scripts/setup.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dualgauge="$here/scripts/dualgauge"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
parallel="${DUALGAUGE_CHECK_PARALLEL:-2}"

# generate ROOT UNCHANGED CHANGED: a repository whose feature branch adds CHANGED functions to UNCHANGED ones.
generate() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, subprocess, sys
root, unchanged, changed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(root)
git = lambda *a: subprocess.run(["git", *a], cwd=root, check=True, capture_output=True)
git("init", "-q", "-b", "main"); git("config", "user.email", "bench@example.invalid"); git("config", "user.name", "bench")
per_file = 50
for f in range(unchanged // per_file):
    with open(os.path.join(root, f"lib_{f:03}.py"), "w") as out:
        for i in range(per_file):
            out.write(f"def helper_{f}_{i}(values, k={i}):\n    return [v * k + {f} for v in values]\n\n\n")
git("add", "-A"); git("commit", "-q", "--allow-empty", "-m", "unchanged code")
git("checkout", "-qb", "feature")
kinds = [
    ("import sqlite3\n", "def find_{n}(conn, name):\n    cur = conn.cursor()\n    cur.execute(\"SELECT id FROM t{n} WHERE name = '\" + name + \"'\")\n    return cur.fetchall()\n"),
    ("import sqlite3\n", "def find_safe_{n}(conn, name):\n    cur = conn.cursor()\n    cur.execute(\"SELECT id FROM t{n} WHERE name = ?\", (name,))\n    return cur.fetchall()\n"),
    ("import subprocess\n", "def ping_{n}(host):\n    return subprocess.run(\"ping -c 1 \" + host, shell=True, capture_output=True).returncode\n"),
    ("import subprocess\n", "def ping_safe_{n}(host):\n    return subprocess.run([\"ping\", \"-c\", \"1\", \"--\", host], capture_output=True).returncode\n"),
    ("import os\n", "def read_{n}(name):\n    with open(os.path.join(\"/srv/files{n}\", name)) as f:\n        return f.read()\n"),
    ("", "def total_{n}(items):\n    return sum(i * {n} for i in items)\n"),
]
for n in range(changed):
    prelude, body = kinds[n % len(kinds)]
    with open(os.path.join(root, f"new_{n:03}.py"), "w") as out:
        out.write(prelude + "\n\n" + body.format(n=n))
git("add", "-A"); git("commit", "-qm", "add functions")
PY
}

echo "| unchanged functions | changed functions | run | wall time (s) | sandbox jobs | cache hits |"
echo "|---:|---:|---|---:|---:|---:|"
for config in "2000 10" "2000 50" "0 50"; do
  read -r unchanged changed <<<"$config"
  repo="$work/repo-$unchanged-$changed"; cache="$work/cache-$unchanged-$changed"
  generate "$repo" "$unchanged" "$changed"
  for run in cold cached; do
    start=$(date +%s.%N)
    (cd "$repo" && "$dualgauge" check --diff main --parallel "$parallel" --cache-dir "$cache" --json "$work/$unchanged-$changed-$run.json" >"$work/$unchanged-$changed-$run.log" 2>&1) || true
    end=$(date +%s.%N)
    read -r jobs hits < <(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d['sandboxJobs'], d['cacheHits'])" "$work/$unchanged-$changed-$run.json")
    printf '| %s | %s | %s | %.1f | %s | %s |\n' "$unchanged" "$changed" "$run" "$(echo "$end - $start" | bc)" "$jobs" "$hits"
  done
done
