#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server) driven by headless
# Chromium. Installs what is missing (cached under $DUALGAUGE_CACHE, default ~/.cache/dualgauge),
# publishes the language server with the bench tasks beside it (scripts/bundle-server.sh), packages
# the .vsix, runs scripts/e2e.mjs and prints "N passed, N failed". Exits non-zero on any failure.
# Needs no stdin; safe to run again (each run uses a fresh temporary profile and port).
#   DUALGAUGE_E2E_SKIP_SERVER_BUILD=1  reuse client-vscode/server/ as it is
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${DUALGAUGE_CACHE:-$HOME/.cache/dualgauge}"
ARTIFACTS="$HERE/test-artifacts"
# A fresh artifacts folder per run, so a green run never shows an earlier run's failure screenshots.
rm -rf "$ARTIFACTS"
mkdir -p "$CACHE" "$ARTIFACTS" "$HERE/dist"

step() { echo "== $*"; }
# Setup failures count as one failed test so the summary line is always printed.
trap 'echo "setup failed at line $LINENO"; echo "0 passed, 1 failed"' ERR

step "code-server"
CODE_SERVER="$(bash "$HERE/scripts/install-code-server.sh")"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
[[ -x "$CHROMIUM" ]] || { echo "chromium not found (apt-get install chromium)"; echo "0 passed, 1 failed"; exit 1; }
export CHROMIUM

step "npm dependencies"
cd "$HERE"
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

step "language server and bench tasks"
if [[ -z "${DUALGAUGE_E2E_SKIP_SERVER_BUILD:-}" ]]; then
  bash "$HERE/scripts/bundle-server.sh"
fi
[[ -f "$HERE/server/dualgauge-languageserver.dll" ]] || { echo "server/dualgauge-languageserver.dll missing (run scripts/bundle-server.sh)"; echo "0 passed, 1 failed"; exit 1; }
[[ -d "$HERE/server/bench-tasks" ]] || { echo "server/bench-tasks missing (run scripts/bundle-server.sh)"; echo "0 passed, 1 failed"; exit 1; }

RUN="$(mktemp -d /tmp/dualgauge-e2e.XXXXXX)"
CS_PID=""
cleanup() {
  if [[ -n "$CS_PID" ]]; then kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true; fi
  if [[ -z "${DUALGAUGE_E2E_KEEP:-}" ]]; then rm -rf "$RUN"; else echo "kept $RUN"; fi
}
trap cleanup EXIT

step "package"
# The server carries native libraries, so the package is platform-specific (vsce --target).
# The bench tasks include throwaway TLS keys as fixtures (a task about certificate checks), which
# vsce's secret scan would refuse: private keys, and only those, are allowed.
node scripts/build.mjs --production
"$HERE/node_modules/.bin/vsce" package --no-dependencies --skip-license --allow-missing-repository --allow-package-secrets privatekey --no-rewrite-relative-links \
  --target linux-x64 -o "$HERE/dist/dualgauge.vsix" >/dev/null
echo "dist/dualgauge.vsix: $(stat -c %s "$HERE/dist/dualgauge.vsix") bytes"
(cd "$HERE/test/e2e/inline-provider" && "$HERE/node_modules/.bin/vsce" package --skip-license --allow-missing-repository -o "$RUN/inline-provider.vsix" >/dev/null)

step "VS Code profile in $RUN"
mkdir -p "$RUN/home" "$RUN/data/User" "$RUN/ext"
cp -r "$HERE/test/e2e/workspace" "$RUN/ws"
cat > "$RUN/data/User/settings.json" <<JSON
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "editor.inlineSuggest.enabled": true,
  "editor.quickSuggestions": { "other": "off", "comments": "off", "strings": "off" },
  "editor.suggestOnTriggerCharacters": false,
  "editor.wordBasedSuggestions": "off",
  "git.enabled": false,
  "dualgauge.trace.server": "messages"
}
JSON
cs_env=(env HOME="$RUN/home" XDG_CONFIG_HOME="$RUN/home/.config" XDG_DATA_HOME="$RUN/home/.local/share" XDG_CACHE_HOME="$RUN/home/.cache")
for vsix in "$HERE/dist/dualgauge.vsix" "$RUN/inline-provider.vsix"; do
  "${cs_env[@]}" "$CODE_SERVER" --user-data-dir "$RUN/data" --extensions-dir "$RUN/ext" --install-extension "$vsix" >"$RUN/install.log" 2>&1 \
    || { cat "$RUN/install.log"; echo "0 passed, 1 failed"; exit 1; }
done

PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
step "code-server on 127.0.0.1:$PORT"
"${cs_env[@]}" "$CODE_SERVER" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --user-data-dir "$RUN/data" --extensions-dir "$RUN/ext" "$RUN/ws" >"$RUN/code-server.log" 2>&1 &
CS_PID=$!
deadline=$((SECONDS + 60))
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; do
  if ((SECONDS > deadline)) || ! kill -0 "$CS_PID" 2>/dev/null; then
    cat "$RUN/code-server.log"; echo "code-server did not come up"; echo "0 passed, 1 failed"; exit 1
  fi
  sleep 0.2
done

step "e2e"
trap - ERR
set +e
node "$HERE/scripts/e2e.mjs" --url "http://127.0.0.1:$PORT" --workspace "$RUN/ws" --artifacts "$ARTIFACTS" --settings "$RUN/data/User/settings.json" 2>&1 | tee "$RUN/e2e.out"
rc=$?
# A driver that crashed before its summary (e.g. Chromium would not start) still yields one.
if ! grep -Eq '^[0-9]+ passed, [0-9]+ failed$' "$RUN/e2e.out"; then
  echo "the e2e driver ended without a summary (exit $rc)"
  echo "0 passed, 1 failed"
  ((rc != 0)) || rc=1
fi
set -e
# The extension's own log (server stderr, LSP trace) is the first thing to read on a failure.
find "$RUN/data/logs" -name '*DualGauge*.log' -exec cp {} "$ARTIFACTS/dualgauge-output.log" \; 2>/dev/null || true
cp "$RUN/code-server.log" "$ARTIFACTS/code-server.log" 2>/dev/null || true
grep -ho 'DualGauge activated in [0-9.]* ms' "$ARTIFACTS/dualgauge-output.log" 2>/dev/null | head -1 || true
exit $rc
