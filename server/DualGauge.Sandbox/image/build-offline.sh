#!/bin/sh
# Offline build of the DualGauge sandbox image:
#   1. base image  dualgauge-sandbox-base:<hash of packages.txt>  from mmdebstrap (this machine's
#      own apt sources, no mirror argument) piped into `docker import`; reused while packages.txt
#      is unchanged;
#   2. a thin harness layer on top (seconds to rebuild when only the harness changes).
# Usage: build-offline.sh --tag <image:tag>
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tag=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=$2; shift 2 ;;
    *) echo "build-offline.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$tag" ] || { echo "build-offline.sh: missing --tag <image:tag>" >&2; exit 2; }
command -v mmdebstrap >/dev/null 2>&1 || { echo "build-offline.sh: mmdebstrap not found (apt-get install mmdebstrap)" >&2; exit 3; }

pkgs=$(grep -v '^[[:space:]]*\(#\|$\)' "$here/packages.txt" | tr -d ' \t' | paste -sd, -)
[ -n "$pkgs" ] || { echo "build-offline.sh: $here/packages.txt lists no package" >&2; exit 2; }
hash=$(printf '%s' "$pkgs" | sha256sum | cut -c1-16)
base="dualgauge-sandbox-base:$hash"

if docker image inspect "$base" >/dev/null 2>&1; then
  echo "build-offline.sh: reusing $base" >&2
else
  echo "build-offline.sh: creating $base with mmdebstrap (packages: $pkgs)" >&2
  # Root can run mmdebstrap directly; other users need unshare mode.
  mode=root; [ "$(id -u)" = 0 ] || mode=unshare
  if ! mmdebstrap --mode="$mode" --variant=minbase --include="$pkgs" \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
      --dpkgopt='path-include=/usr/share/locale/locale.alias' \
      --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
      bookworm - | docker import - "$base" >/dev/null; then
    echo "build-offline.sh: mmdebstrap | docker import failed for $base" >&2
    exit 1
  fi
fi

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp -R "$here/../harness" "$ctx/harness"
cp "$here/hosts" "$ctx/hosts"
cat > "$ctx/Dockerfile" <<DOCKERFILE
FROM $base
COPY harness /opt/dualgauge/harness
COPY hosts /etc/hosts
# ping carries file capabilities, which no-new-privileges turns into EPERM at exec; a copy without
# them uses unprivileged ICMP sockets (Docker allows them through net.ipv4.ping_group_range).
RUN if [ -e /usr/bin/ping ]; then cp /usr/bin/ping /usr/bin/ping.nocap && mv /usr/bin/ping.nocap /usr/bin/ping; fi
RUN sh /opt/dualgauge/harness/install.sh
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 NODE_PATH=/usr/share/nodejs:/usr/lib/nodejs
USER 65534
WORKDIR /tmp
DOCKERFILE
# BuildKit (default in Docker CLI 23+) tries to resolve a local-only base from a registry;
# the legacy builder uses the local image directly.
if ! DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$ctx" >/dev/null; then
  echo "build-offline.sh: harness layer build failed for $tag (base $base)" >&2
  exit 1
fi
echo "build-offline.sh: built $tag on $base" >&2
