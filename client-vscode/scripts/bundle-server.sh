#!/usr/bin/env bash
# Publishes the language server into client-vscode/server/ and copies the bench tasks beside it, so a
# packaged install matches snippets against the bench tasks: the server reads DUALGAUGE_TASKS, else a
# bench-tasks folder beside its own binary (server/bench-tasks here), else one above it.
#   DG_ARTIFACTS  build output folder (default: $DUALGAUGE_CACHE/artifacts, outside the repository)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
CACHE="${DUALGAUGE_CACHE:-$HOME/.cache/dualgauge}"
OUT="$HERE/server"

rm -rf "$OUT"
DG_ARTIFACTS="${DG_ARTIFACTS:-$CACHE/artifacts}" dotnet publish "$REPO/server/DualGauge.LanguageServer" \
  -c Release -r linux-x64 --no-self-contained -o "$OUT" -nologo -v quiet
[[ -f "$OUT/dualgauge-languageserver.dll" ]] || { echo "bundle-server: $OUT/dualgauge-languageserver.dll missing after publish" >&2; exit 1; }

# Only what the task loader reads: manifests, tests, fixtures and references (no caches).
[[ -d "$REPO/bench-tasks" ]] || { echo "bundle-server: $REPO/bench-tasks not found" >&2; exit 1; }
mkdir -p "$OUT/bench-tasks"
(cd "$REPO/bench-tasks" && find . -mindepth 2 -type f ! -path '*/__pycache__/*' ! -path '*/node_modules/*' ! -name '*.pyc' -print0 \
  | xargs -0 cp --parents -t "$OUT/bench-tasks")
count="$(find "$OUT/bench-tasks" -name task.yaml | wc -l)"
((count > 0)) || { echo "bundle-server: no task.yaml copied into $OUT/bench-tasks" >&2; exit 1; }
echo "bundle-server: server and $count bench tasks in $OUT" >&2
