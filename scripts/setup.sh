#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for DualGauge: the Docker engine (when missing), the tools the
# tests drive (Neovim, Chromium), the .NET build, and the sandbox image. Idempotent; safe to re-run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_apt=()
command -v dockerd >/dev/null 2>&1 || need_apt+=(docker.io)
command -v mmdebstrap >/dev/null 2>&1 || need_apt+=(mmdebstrap)
if [ "${DUALGAUGE_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
  command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  sudo_ apt-get update -o DPkg::Lock::Timeout=300 -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${need_apt[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "the .NET 10 SDK is required: https://dot.net/download" >&2; exit 2; }

# Docker engine: use the one DOCKER_HOST names, or the local socket; start dockerd when nothing answers.
if ! docker info >/dev/null 2>&1; then
  if [ -n "${DOCKER_HOST:-}" ]; then
    echo "Docker at DOCKER_HOST=$DOCKER_HOST does not answer" >&2; exit 3
  fi
  log "starting dockerd"
  if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
    sudo_ systemctl start docker
  else
    mkdir -p /tmp/dualgauge
    sudo_ nohup dockerd >/tmp/dualgauge/dockerd.log 2>&1 &
  fi
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { echo "dockerd did not start; see /tmp/dualgauge/dockerd.log" >&2; exit 3; }
fi

if [ "${DUALGAUGE_SETUP_TEST_TOOLS:-0}" = 1 ]; then
  # Microsoft's SARIF Multitool, which the tests validate every SARIF file with (pinned in tests/tools).
  log "installing the SARIF Multitool"
  (cd "$here/tests/tools" && npm ci --no-audit --no-fund >/dev/null) || { echo "npm ci in tests/tools failed (the SARIF Multitool)" >&2; exit 2; }
  chmod u+x "$here"/tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
fi

log "building DualGauge"
dotnet build "$here/DualGauge.sln" -c Release -v quiet -nologo -clp:ErrorsOnly
dotnet publish "$here/server/DualGauge.Cli" -c Release -o "$here/.dualgauge/cli" -v quiet -nologo -clp:ErrorsOnly
log "making sure the sandbox image exists (the first build takes about a minute)"
"$here/.dualgauge/cli/dualgauge" sandbox build
