#!/usr/bin/env bash
# Times reading ALFRED vintage CSVs of 4,000 and 40,000 vintages (300 monthly
# rows, benches/alfred_vintages.py) with `econ vintage --latest` (reading
# alone) and `econ vintage --units pc1 --latest` (reading and a transform
# within every vintage), for each econ binary given; medians of three runs,
# wall time and peak RSS (GNU time).
#
#   bash benches/alfred_vintages.sh NAME=PATH/TO/econ [NAME=PATH ...]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 4000 40000; do
  python3 benches/alfred_vintages.py "$n" > "$tmp/alfred_$n.csv"
done
median() { sort -n | sed -n 2p; }
printf '| binary | vintages | file | command | wall time (median of 3) | peak RSS |\n|---|---|---|---|---|---|\n'
for spec in "$@"; do
  name=${spec%%=*}
  econ=${spec#*=}
  for n in 4000 40000; do
    size=$(du -m "$tmp/alfred_$n.csv" | cut -f1)
    for args in "vintage --latest" "vintage --units pc1 --latest"; do
      : > "$tmp/runs"
      for _ in 1 2 3; do
        ( ulimit -v 6291456; /usr/bin/time -f "%e %M" -o "$tmp/t" "$econ" $args "$tmp/alfred_$n.csv" > /dev/null ) || true
        cat "$tmp/t" >> "$tmp/runs"
      done
      t=$(cut -d' ' -f1 "$tmp/runs" | median)
      m=$(cut -d' ' -f2 "$tmp/runs" | median)
      printf '| %s | %s | %s MB | `econ %s` | %s s | %s MiB |\n' "$name" "$n" "$size" "$args" "$t" "$((m / 1024))"
    done
  done
done
