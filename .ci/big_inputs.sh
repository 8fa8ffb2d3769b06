#!/usr/bin/env bash
# 1 GiB through a pipe into every reader of `econ`, under a cap on virtual
# memory: each case must give the right answer or exit 2 with one line, and
# its peak RSS is printed. The inputs are made by tests/big_input.py as they
# are read (nothing is stored).
#
#   bash .ci/big_inputs.sh [ECON]      # ECON: the econ binary (default: a release build)
#
# Environment: BIG_BYTES (input size, default 1 GiB), BIG_LIMIT_KB (the
# ulimit -v, default 1 GiB; the readers before issue 15 needed 2 to 95 times
# their input for SDMX-CSV with --series, long CSV of vintages, ALFRED CSV and
# JSON, so they cannot pass under it).
set -uo pipefail
cd "$(dirname "$0")/.."

econ="${1:-${CARGO_TARGET_DIR:-target}/release/econ}"
bytes="${BIG_BYTES:-1073741824}"
limit="${BIG_LIMIT_KB:-1048576}"
gen="python3 tests/big_input.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# run NAME EXPECT_STATUS NEEDLE -- ARGS...: pipes the case NAME into `econ ARGS`
# under the cap; NEEDLE is a text stderr (status 2) or stdout (status 0) must hold.
run() {
  local name=$1 want=$2 needle=$3 case=$4
  shift 5
  local start=$SECONDS
  $gen "$case" --bytes "$bytes" |
    ( ulimit -v "$limit"; /usr/bin/time -f "%M" -o "$tmp/rss" "$econ" "$@" ) \
      > "$tmp/out" 2> "$tmp/err"
  local status=${PIPESTATUS[1]}
  local rss_kb
  rss_kb=$(tail -n 1 "$tmp/rss" 2>/dev/null || echo "?")
  local where="$tmp/out"
  [ "$want" != 0 ] && where="$tmp/err"
  local verdict=ok
  if [ "$status" != "$want" ] || ! grep -qF -- "$needle" "$where"; then
    verdict=FAILED
    failed=1
  fi
  printf '%-13s exit %-3s peak RSS %7s KiB  %4ss  %s\n' "$name" "$status" "$rss_kb" "$((SECONDS - start))" "$verdict"
  if [ "$verdict" = FAILED ]; then
    echo "  expected exit $want with \"$needle\"; stderr: $(head -c 300 "$tmp/err")"
    echo "  stdout: $(head -c 200 "$tmp/out")"
  fi
}

echo "econ: $econ; input $bytes bytes per case; ulimit -v $limit KiB"
run csv-line     2 "record is longer than 1048576 bytes" csv-line -- transform --units lin
run csv-rows     2 "line 119990: duplicate period 0001-01" csv-rows -- transform --units lin
run long-csv     0 "2024-12,120" long-csv -- transform --units lin --series SEL
run long-vintage 2 "more than 4000000 values kept" long-vintage -- vintage --latest
run alfred-csv   0 "9999-12,4.25" alfred-csv -- vintage --latest
run fred-json    2 "more than 4000000 values kept" fred-json -- vintage --latest
run sdmx-csv     0 "2024-12,120" sdmx-csv -- transform --units lin --series M.SEL.EUR
run sdmx-json    0 "2024-12,120" sdmx-json -- transform --units lin --series M.SEL
run json         2 "EOF while parsing a list" json -- transform --units lin
exit $failed
