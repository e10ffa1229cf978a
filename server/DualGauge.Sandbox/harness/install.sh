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
