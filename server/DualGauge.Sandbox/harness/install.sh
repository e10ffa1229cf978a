#!/bin/sh
# Runs inside the image build (both image/Dockerfile and image/build-offline.sh): compiles the
# harness's native parts and fixes permissions. One place, so the two build paths cannot drift.
set -eu
h=/opt/dualgauge/harness
chmod -R a+rX /opt/dualgauge
chmod a+x "$h/run"
python3 -m compileall -q "$h"
gcc -O2 -Wall -Werror -o "$h/watch/dg-watch" "$h/watch/dg_watch.c"
gcc -O2 -Wall -Werror -o "$h/watch/dg-launch" "$h/watch/dg_launch.c"
gcc -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -std=gnu11 -c "$h/c/dg_harness.c" -o "$h/c/dg_harness.o"
chmod a+rx "$h/watch/dg-watch" "$h/watch/dg-launch"
chmod a+r "$h/c/dg_harness.o"
# What the C libraries and the sanitizer runtimes export: a sample that defines one of these that the
# tests or the harness call is interposing on them (c/run.py).
for lib in /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libm.so.6 /usr/lib/x86_64-linux-gnu/libasan.so.8 /usr/lib/x86_64-linux-gnu/libubsan.so.1; do
  [ -e "$lib" ] && nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//'
done | sort -u > "$h/c/library-symbols.txt"
chmod a+r "$h/c/library-symbols.txt"
# The JavaScript test runner runs from a copy of node that uid 65534 may execute but not read: the
# kernel then makes the process non-dumpable (no ptrace, /proc/<pid>/mem or fd access by the sample).
mkdir -p /opt/dualgauge/bin
cp /usr/bin/node /opt/dualgauge/bin/node-supervisor
chown 0:0 /opt/dualgauge/bin/node-supervisor
chmod 0711 /opt/dualgauge/bin/node-supervisor
