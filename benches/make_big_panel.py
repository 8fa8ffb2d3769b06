#!/usr/bin/env python3
"""Writes a synthetic panel Parquet file of any size, sorted by key, in
constant memory: the input of the out-of-core check of `econ panel
--batch-rows` (see the README's "Larger than memory" section).

Data: synthetic (numpy, seeded), labelled as such; the same shape as
benches/compare_panel.py (monthly series of up to 360 months from 1995-01,
1% of values missing, one series in ten starting late), written 2,000 series
per row group so that no more than that is ever held in memory.

  python3 benches/make_big_panel.py --series 2000000 --out /tmp/big.parquet

Needs `pip install -r benches/requirements-panel.txt`. Do not commit the file.
"""

import argparse
import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

MONTHS = 360
CHUNK = 2_000


def chunk(rng, first: int, n: int) -> pa.Table:
    late = np.where(rng.random(n) < 0.1, (rng.random(n) * 240).astype(np.int64), 0)
    lengths = MONTHS - late
    sid = np.repeat(np.arange(first, first + n), lengths)
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    month = np.arange(len(sid)) - starts + np.repeat(late, lengths)
    logs = np.log(1.0 + (rng.random(len(sid)) - 0.5) * 0.04)
    csum = np.cumsum(logs)
    heads = np.cumsum(lengths) - lengths
    value = np.repeat(100.0 * (1.0 + rng.random(n)), lengths) * np.exp(
        csum - np.repeat(csum[heads] - logs[heads], lengths)
    )
    u = rng.random(len(sid))
    keep = u >= 0.005
    epoch = dt.date(1970, 1, 1)
    firsts = np.array(
        [(dt.date(1995 + m // 12, m % 12 + 1, 1) - epoch).days for m in range(MONTHS)],
        dtype=np.int32,
    )
    keys = np.char.add("S", np.char.zfill(sid.astype(str), 8))
    return pa.table(
        {
            "key": pa.array(keys[keep], pa.string()),
            "date": pa.array(firsts[month[keep]], pa.date32()),
            "value": pa.array(value[keep], pa.float64(), mask=(u < 0.01)[keep]),
        }
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--series", type=int, required=True)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    rng = np.random.default_rng(7)
    writer = None
    rows = 0
    for first in range(0, args.series, CHUNK):
        t = chunk(rng, first, min(CHUNK, args.series - first))
        if writer is None:
            writer = pq.ParquetWriter(args.out, t.schema)
        writer.write_table(t)
        rows += t.num_rows
    if writer is not None:
        writer.close()
    print(f"{args.out}: {args.series:,} series, {rows:,} rows")


if __name__ == "__main__":
    main()
