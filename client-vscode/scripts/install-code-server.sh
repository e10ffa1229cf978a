#!/usr/bin/env bash
# Installs code-server 4.100.3 (the last release that runs on Node 20) into a cache outside the
# repository. Idempotent: a finished install is marked and reused.
set -euo pipefail

CACHE="${DUALGAUGE_CACHE:-$HOME/.cache/dualgauge}"
VERSION="4.100.3"
PREFIX="$CACHE/code-server-$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"

if [[ -f "$PREFIX/.installed" && -x "$BIN" ]]; then
  echo "$BIN"
  exit 0
fi

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s build-essential >/dev/null 2>&1 || need_apt+=(build-essential)
if ((${#need_apt[@]})); then
  echo "installing Debian packages: ${need_apt[*]}" >&2
  apt-get -o DPkg::Lock::Timeout=300 update >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${need_apt[@]}" >&2
fi

# @vscode/ripgrep downloads a release binary at install time, which cannot be fetched here;
# it first looks in this cache, so seed it with Debian's rg.
RG_TMP="$CACHE/tmp"
RG_CACHE="$RG_TMP/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
RG_TAR="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -f "$RG_TAR" ]]; then
  staging="$(mktemp -d)"
  cp "$(command -v rg)" "$staging/rg"
  tar -C "$staging" -czf "$RG_TAR" rg
  rm -rf "$staging"
fi

mkdir -p "$PREFIX"
echo "installing code-server@$VERSION into $PREFIX (about a minute)" >&2
(
  cd "$PREFIX"
  [[ -f package.json ]] || echo '{"name":"dualgauge-code-server","private":true}' > package.json
  # node-pty's postinstall calls npx, which would otherwise wait for a confirmation.
  TMPDIR="$RG_TMP" npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm \
    --foreground-scripts=false "code-server@$VERSION" >&2
)
[[ -x "$BIN" ]] || { echo "code-server install finished but $BIN is missing" >&2; exit 1; }
touch "$PREFIX/.installed"
echo "$BIN"
