#!/bin/sh
# Builds the DualGauge sandbox image.
#   build.sh --tag <image:tag> [--offline|--dockerfile]
# Without a mode: offline (mmdebstrap from this machine's apt sources) when mmdebstrap is on PATH
# or no registry is reachable, else the Dockerfile.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tag=""; mode=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) [ $# -ge 2 ] || { echo "build.sh: --tag needs a value" >&2; exit 2; }; tag=$2; shift 2 ;;
    --offline) mode=offline; shift ;;
    --dockerfile) mode=dockerfile; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (usage: build.sh --tag <image:tag> [--offline|--dockerfile])" >&2; exit 2 ;;
  esac
done
[ -n "$tag" ] || { echo "build.sh: missing --tag <image:tag>" >&2; exit 2; }
command -v docker >/dev/null 2>&1 || { echo "build.sh: docker CLI not found on PATH" >&2; exit 3; }
docker info >/dev/null 2>&1 || { echo "build.sh: the Docker engine is not reachable (is dockerd running? DOCKER_HOST=${DOCKER_HOST:-unset})" >&2; exit 3; }

if [ -z "$mode" ]; then
  if command -v mmdebstrap >/dev/null 2>&1; then
    mode=offline
  elif docker pull -q debian:bookworm-20250520-slim >/dev/null 2>&1; then
    mode=dockerfile
  else
    echo "build.sh: no registry reachable and mmdebstrap not installed (apt-get install mmdebstrap)" >&2; exit 3
  fi
fi

case "$mode" in
  offline) exec "$here/build-offline.sh" --tag "$tag" ;;
  dockerfile)
    echo "build.sh: building $tag from image/Dockerfile" >&2
    docker build -f "$here/Dockerfile" -t "$tag" "$here/.." || { echo "build.sh: docker build failed for $tag" >&2; exit 1; }
    ;;
esac
