#!/usr/bin/env bash
# The out-of-core check of `econ panel --batch-rows`: a Parquet panel more
# than four times larger than a hard memory limit, processed under that limit.
#
# The limit is a cgroup (v1 memory controller, or v2 memory.max), which counts
# every page the process touches, unlike `ulimit -v`, which counts address
# space: polars' thread pool reserves more address space than the whole limit
# and fails at start-up under `ulimit -v`, whatever the data.
#
# Needs root (to create the cgroup) and `pip install -r
# benches/requirements-panel.txt`. Data: synthetic (benches/make_big_panel.py,
# seeded), labelled as such.
#
#   bash benches/out_of_core.sh [SERIES] [LIMIT_MIB]    # defaults 360000, 256
set -euo pipefail
cd "$(dirname "$0")/.."

series=${1:-360000}
limit_mib=${2:-256}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
dir="$CARGO_TARGET_DIR/panel-bench"
big="$dir/big_$series.parquet"
out="$dir/big_out.parquet"
mkdir -p "$dir"

cargo build --release --quiet --features panel,cli --bin econ
econ="$CARGO_TARGET_DIR/release/econ"
[ -f "$big" ] || python3 benches/make_big_panel.py --series "$series" --out "$big"

limit=$((limit_mib * 1024 * 1024))
size=$(stat -L -c %s "$big")
echo "input: $big, $size bytes; memory limit $limit bytes; file / limit = $(python3 -c "print(round($size / $limit, 2))")"

if [ -d /sys/fs/cgroup/memory ]; then
  cg=/sys/fs/cgroup/memory/econseries-ooc
  mkdir -p "$cg"
  echo "$limit" > "$cg/memory.limit_in_bytes"
  echo 0 > "$cg/memory.max_usage_in_bytes"
  peak() { cat "$cg/memory.max_usage_in_bytes"; }
else
  cg=/sys/fs/cgroup/econseries-ooc
  mkdir -p "$cg"
  echo "$limit" > "$cg/memory.max"
  peak() { cat "$cg/memory.peak" 2>/dev/null || echo "n/a"; }
fi

# Runs "$@" inside the cgroup; prints its exit status and maximum RSS.
limited() {
  bash -c 'echo $$ > "$0/cgroup.procs"; exec /usr/bin/time -f "max RSS %M KiB, %e s" "$@"' "$cg" "$@" || echo "exit status $?"
}

echo "== batches of whole series (--batch-rows 1000000), under the limit"
limited "$econ" panel transform --units pc1 --key key --period date --value value \
  --batch-rows 1000000 "$big" -o "$out"
echo "cgroup peak (page cache included, reclaimable): $(peak) bytes"
python3 - "$big" "$out" <<'EOF'
import sys
import pyarrow.parquet as pq
rows_in, rows_out = (pq.ParquetFile(p).metadata.num_rows for p in sys.argv[1:3])
print(f"rows in {rows_in:,}, rows out {rows_out:,}: {'reconciled' if rows_in == rows_out else 'MISMATCH'}")
sys.exit(rows_in != rows_out)
EOF

echo "== the whole file at once, under the same limit (expected: killed, status 137)"
limited "$econ" panel transform --units pc1 --key key --period date --value value "$big" -o "$out"
rm -f "$out"
