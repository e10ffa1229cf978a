#!/usr/bin/env bash
# One command on a fresh machine: set everything up, then run the bundled default benchmark
# (every task's secure reference and insecure variants) and write the reports to dualgauge-report/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
cd "$here"
"$here/scripts/dualgauge" bench --out dualgauge-report "$@"
