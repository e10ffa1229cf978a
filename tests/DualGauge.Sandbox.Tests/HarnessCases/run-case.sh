#!/bin/sh
# Runs one harness conformance case through the sandbox image, with the production isolation
# flags, and prints the trace (one JSON event per line).
#   run-case.sh <case-folder> [image]      e.g. run-case.sh py-sql dualgauge-sandbox:dev
set -eu
case_dir=${1:?usage: run-case.sh <case-folder> [image]}
image=${2:-${DG_IMAGE:-dualgauge-sandbox:dev}}
here=$(cd "$(dirname "$0")" && pwd)
[ -d "$case_dir" ] || case_dir="$here/$case_dir"
[ -f "$case_dir/job.json" ] || { echo "run-case.sh: no job.json in $case_dir" >&2; exit 2; }
lang=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["language"])' "$case_dir/job.json")
exec docker run -i --rm --network none --read-only --tmpfs /tmp:rw,exec,nosuid,nodev,size=64m \
  --memory 256m --pids-limit 64 --cap-drop ALL --security-opt no-new-privileges --user 65534 \
  -w /tmp -e HOME=/tmp "$image" /opt/dualgauge/harness/run "$lang" < "$case_dir/job.json"
