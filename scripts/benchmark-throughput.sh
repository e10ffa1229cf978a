#!/usr/bin/env bash
# Measures `dualgauge bench` throughput on the bundled default with --parallel 1, 2 and 4, and prints a
# Markdown table (samples, wall time, samples/s). Run on a quiet machine after scripts/setup.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
echo "| --parallel | samples | wall time (s) | samples/s |"
echo "|---:|---:|---:|---:|"
for j in ${DUALGAUGE_BENCH_PARALLEL:-1 2 4}; do
  "$here/scripts/dualgauge" bench --parallel "$j" --format json --out "$out/j$j" "$@" >"$out/j$j.log" 2>&1 || true
  line="$(grep -E '^[0-9]+ samples in' "$out/j$j.log" | tail -1)"
  samples="$(awk '{print $1}' <<<"$line")"; secs="$(awk '{print $4}' <<<"$line")"
  rate="$(awk -v n="$samples" -v s="$secs" 'BEGIN { if (s > 0) printf "%.2f", n / s; else print "n/a" }')"
  echo "| $j | ${samples:-?} | ${secs:-?} | $rate |"
done
rm -rf "$out"
