#!/usr/bin/env python3
"""Year-on-year growth (and records) for every series of a long table:
econseries' panel engine against polars and pandas, side by side, in one run.

Data: synthetic (numpy, seeded), labelled as such: SERIES monthly series x 360
months (1995-01 .. 2024-12), string keys "S0000000", polars Date periods, rows
sorted by key then date. 1% of values are missing: half as null values, half as
absent rows (gaps); one series in ten starts late (up to 240 months).

What is timed, each on the same table already in memory (median of --repeat):

  econseries (Rust, criterion: `cargo bench --bench panel`)
    yoy+records  Panel::from_dataframe + transform(pc1) + detect(Records::low()):
                 key, date, kind, pc1, compared_with, record for every observed
                 growth rate. Calendar-correct.
    yoy          the same without records.
  polars-Rust    sort + pct_change(12).over(key), positional (same bench).
  polars (Python)
    positional   sort + pct_change(12).over(key): wrong after a gap.
    upsample     sort + upsample(every="1mo", group_by=key) + pct_change(12).over(key):
                 calendar-correct (a full monthly grid per key), gap rows kept.
    self-join    left join on (key, date) = (key, date.dt.offset_by("1y")):
                 calendar-correct.
  pandas
    positional   sort_values + groupby(key).pct_change(12, fill_method=None).
    freq         groupby(key).pct_change(12, freq="MS") on a date index:
                 calendar-correct (timed once: it is slow).

Every correct formulation is checked against econseries' output (all rows,
relative 1e-9), and the number of rows the positional ones get wrong is counted.

Peak memory: each pipeline (read the Parquet file, compute, write a Parquet
file) runs in its own process under /usr/bin/time -v; the maximum resident set
size is compared with the in-memory size of the input table
(the Arrow buffers of the three columns, as polars holds them: for the key,
16-byte views plus any string data; polars' estimated_size, also printed,
counts only the string bytes and so understates the key column by half).

Usage (from the crate root; needs `pip install -r benches/requirements-panel.txt`):

  python3 benches/compare_panel.py                # full size, 1 and 2 threads
  python3 benches/compare_panel.py --series 2000  # a quick run

Threads: RAYON_NUM_THREADS (econseries) and POLARS_MAX_THREADS (polars) are set
to each value of --threads for the Rust bench and the Python workers alike;
pandas is single-threaded.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = 360


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def generate(series: int, path: Path) -> None:
    """Writes the synthetic panel to `path` (deterministic for a given size)."""
    import numpy as np
    import polars as pl

    rng = np.random.default_rng(20251130)
    late = np.where(rng.random(series) < 0.1, (rng.random(series) * 240).astype(np.int64), 0)
    lengths = MONTHS - late
    sid = np.repeat(np.arange(series), lengths)
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    month = np.arange(len(sid)) - starts + np.repeat(late, lengths)
    level0 = 100.0 * (1.0 + rng.random(series))
    steps = 1.0 + (rng.random(len(sid)) - 0.5) * 0.04
    # Cumulative product within each series: log-sum, reset at every start.
    logs = np.log(steps)
    csum = np.cumsum(logs)
    base = np.repeat(csum[np.cumsum(lengths) - lengths] - logs[np.cumsum(lengths) - lengths], lengths)
    value = np.repeat(level0, lengths) * np.exp(csum - base)
    u = rng.random(len(sid))
    keep = u >= 0.005  # 0.5% absent rows
    value_or_null = np.where(u < 0.01, np.nan, value)  # another 0.5% null values
    df = pl.DataFrame(
        {
            "key": pl.Series(np.char.add("S", np.char.zfill(sid.astype(str), 7))),
            "date": pl.date_range(pl.date(1995, 1, 1), pl.date(2024, 12, 1), "1mo", eager=True)
            .gather(month)
            .alias("date"),
            "value": pl.Series(value_or_null).fill_nan(None),
        }
    ).filter(pl.Series(keep))
    path.parent.mkdir(parents=True, exist_ok=True)
    df.write_parquet(path, row_group_size=1 << 20)


# ---------------------------------------------------------------- workers ---


def polars_variants():
    import polars as pl

    def positional(df):
        return df.sort(["key", "date"]).with_columns(
            pl.col("value").pct_change(12).over("key").alias("yoy")
        )

    def upsample(df):
        return (
            df.sort(["key", "date"])
            .upsample(time_column="date", every="1mo", group_by="key")
            .with_columns(pl.col("key").forward_fill())
            .with_columns(pl.col("value").pct_change(12).over("key").alias("yoy"))
        )

    def self_join(df):
        lag = df.select(
            pl.col("key"),
            pl.col("date").dt.offset_by("1y").alias("date"),
            pl.col("value").alias("value_lag"),
        )
        return df.join(lag, on=["key", "date"], how="left").with_columns(
            (pl.col("value") / pl.col("value_lag") - 1.0).alias("yoy")
        )

    return {"positional": positional, "upsample": upsample, "self-join": self_join}


def pandas_variants():
    def positional(pdf):
        s = pdf.sort_values(["key", "date"])
        return s.assign(yoy=s.groupby("key", sort=False)["value"].pct_change(12, fill_method=None))

    def freq(pdf):
        s = pdf.set_index("date")
        # One Python-level apply per key: the result comes back in row order.
        yoy = s.groupby("key", sort=False)["value"].pct_change(12, freq="MS", fill_method=None)
        return pdf.assign(yoy=yoy.to_numpy())

    return {"positional": positional, "freq": freq}


def timed(f, arg, repeat):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f(arg)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def worker(args) -> None:
    """Times one library's variants in this process; prints JSON."""
    import polars as pl

    df = pl.read_parquet(args.path)
    result = {"rows": df.height, "input_bytes": df.to_arrow().nbytes,
              "estimated_size": df.estimated_size()}
    ref = pl.read_parquet(args.reference) if args.reference else None
    if args.worker == "polars":
        result["threads"] = pl.thread_pool_size()
        for name, f in polars_variants().items():
            t, out = timed(f, df, args.repeat)
            result[name] = {"seconds": t, **check(out, ref, name != "positional")}
    else:
        pdf = df.to_pandas()
        for name, f in pandas_variants().items():
            data, scale = pdf, 1.0
            if name == "freq":
                if args.pandas_freq_series == 0:
                    continue
                # One Python call per series: time it on the first series
                # only and scale by rows (labelled as extrapolated).
                keys = pdf["key"].drop_duplicates().iloc[: args.pandas_freq_series]
                data = pdf[pdf["key"].isin(keys)]
                scale = len(pdf) / len(data)
            t, out = timed(f, data, 1 if name == "freq" else args.repeat)
            result[name] = {
                "seconds": t * scale,
                "measured_rows": len(data),
                **check(pl.from_pandas(out[["key", "date", "yoy"]]), ref, name == "freq"),
            }
    print(json.dumps(result))


def check(out, ref, correct: bool) -> dict:
    """Compares yoy (a fraction) with econseries' pc1 (a percent) on every
    row of `out`'s keys; returns the number of rows that differ."""
    import polars as pl

    if ref is None:
        return {}
    ref = ref.join(out.select("key").unique(), on="key", how="semi")
    got = out.select("key", pl.col("date").cast(pl.Date), (pl.col("yoy") * 100.0).alias("got"))
    j = ref.select("key", "date", "pc1").join(got, on=["key", "date"], how="left")
    # pandas and polars give inf/NaN for a zero base; econseries gives missing.
    g = pl.when(pl.col("got").is_finite()).then(pl.col("got"))
    same = (g.is_null() & pl.col("pc1").is_null()) | (
        (g - pl.col("pc1")).abs() <= 1e-9 * pl.col("pc1").abs().clip(lower_bound=1.0)
    )
    wrong = j.select((~same.fill_null(False)).sum()).item()
    if correct and wrong:
        raise SystemExit(f"a calendar-correct formulation differs from econseries on {wrong} rows")
    return {"rows_differing_from_econseries": int(wrong)}


def pipeline(args) -> None:
    """One end-to-end run (read, compute, write) for the memory measurement."""
    import polars as pl

    out = Path(args.out or os.devnull)
    if args.pipeline == "polars-join":
        df = pl.read_parquet(args.path)
        polars_variants()["self-join"](df).write_parquet(out)
    elif args.pipeline == "polars-positional":
        df = pl.read_parquet(args.path)
        polars_variants()["positional"](df).write_parquet(out)
    elif args.pipeline == "pandas-positional":
        pdf = pl.read_parquet(args.path).to_pandas()
        pandas_variants()["positional"](pdf).to_parquet(out)
    elif args.pipeline == "read-only":
        pl.read_parquet(args.path)


# ------------------------------------------------------------------ driver ---


def run(cmd, env=None, capture=True):
    e = dict(os.environ)
    e.update(env or {})
    r = subprocess.run(cmd, env=e, cwd=ROOT, capture_output=capture, text=True)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{r.stdout}\n{r.stderr}")
    return r


def peak_rss(cmd, env=None) -> int:
    """Maximum resident set size (bytes) of `cmd`, from /usr/bin/time -v."""
    r = run(["/usr/bin/time", "-v", *cmd], env=env)
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) * 1024
    sys.exit("no RSS in /usr/bin/time output")


def rows_of(path: Path) -> int:
    import polars as pl

    return pl.scan_parquet(path).select(pl.len()).collect().item()


def criterion_median(name: str) -> float:
    est = target_dir() / "criterion" / "panel_yoy_records" / name / "new" / "estimates.json"
    return json.loads(est.read_text())["median"]["point_estimate"] / 1e9


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--series", type=int, default=100_000)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--pandas-freq-series", type=int, default=5000,
                   help="time pandas' freq= form on this many series and scale by rows (0: skip)")
    p.add_argument("--worker", choices=["polars", "pandas"])
    p.add_argument("--pipeline")
    p.add_argument("--path")
    p.add_argument("--reference")
    p.add_argument("--out")
    args = p.parse_args()
    if args.worker:
        return worker(args)
    if args.pipeline:
        return pipeline(args)

    import polars as pl

    try:
        import pandas
    except ImportError:
        pandas = None
    skipped = [] if pandas is not None else ["pandas (not installed)"]
    if not Path("/usr/bin/time").exists():
        skipped.append("peak memory (/usr/bin/time not installed)")
    bench_dir = target_dir() / "panel-bench"
    data = bench_dir / f"panel_{args.series}.parquet"
    if not data.exists():
        print(f"generating {data} ...", file=sys.stderr)
        generate(args.series, data)
    econ = target_dir() / "release" / "econ"
    print("building the release binary and the bench ...", file=sys.stderr)
    run(["cargo", "build", "--release", "--features", "panel,cli", "--bin", "econ"], capture=False)

    # econseries' own output, the reference for the correctness checks.
    reference = bench_dir / f"econ_{args.series}.parquet"
    run([econ, "panel", "transform", "--units", "pc1", "--key", "key", "--period", "date",
         "--value", "value", data, "-o", reference])

    table = {}
    thread_counts = [int(x) for x in args.threads.split(",")]
    for t in thread_counts:
        env = {"RAYON_NUM_THREADS": str(t), "POLARS_MAX_THREADS": str(t)}
        print(f"threads={t}: cargo bench ...", file=sys.stderr)
        run(["cargo", "bench", "--features", "panel,cli", "--bench", "panel", "--", "--noplot"],
            env={**env, "ECON_PANEL_PARQUET": str(data)}, capture=False)
        row = {
            "econseries yoy+records": criterion_median("econseries_yoy_records"),
            "econseries yoy": criterion_median("econseries_yoy"),
            "polars-Rust positional (wrong)": criterion_median("polars_sort_pct_change_over"),
        }
        print(f"threads={t}: polars (Python) ...", file=sys.stderr)
        pol = json.loads(run([sys.executable, __file__, "--worker", "polars", "--path", data,
                              "--reference", reference, "--repeat", str(args.repeat)], env=env).stdout)
        for k in ["positional", "upsample", "self-join"]:
            row[f"polars {k}" + (" (wrong)" if k == "positional" else "")] = pol[k]["seconds"]
            row[f"polars {k} wrong rows"] = pol[k].get("rows_differing_from_econseries")
        # pandas is single-threaded: timed once, with the first thread count asked for.
        if pandas is not None and t == thread_counts[0]:
            print("pandas ...", file=sys.stderr)
            extra = ["--pandas-freq-series", str(args.pandas_freq_series)]
            pan = json.loads(run([sys.executable, __file__, "--worker", "pandas", "--path", data,
                                  "--reference", reference, "--repeat", str(args.repeat), *extra]).stdout)
            row["pandas positional (wrong)"] = pan["positional"]["seconds"]
            row["pandas positional wrong rows"] = pan["positional"].get("rows_differing_from_econseries")
            if "freq" in pan:
                n = pan["freq"]["measured_rows"]
                label = "pandas freq" if n == rows_of(data) else f"pandas freq (timed on {n:,} rows, scaled)"
                row[label] = pan["freq"]["seconds"]
        table[t] = row
        input_bytes, rows, estimated = pol["input_bytes"], pol["rows"], pol["estimated_size"]

    print("peak memory ...", file=sys.stderr)
    out = bench_dir / "out.parquet"
    env2 = {"RAYON_NUM_THREADS": "2", "POLARS_MAX_THREADS": "2"}
    mem = {} if "peak memory (/usr/bin/time not installed)" in skipped else {
        "read the table only (polars)": peak_rss([sys.executable, __file__, "--pipeline", "read-only", "--path", data], env2),
        "econ panel detect --units pc1 ... records --low": peak_rss(
            [econ, "panel", "detect", "--units", "pc1", "--key", "key", "--period", "date",
             "--value", "value", data, "-o", out, "records", "--low"], env2),
        "econ panel detect --units pc1 --batch-rows 1000000 ... records --low": peak_rss(
            [econ, "panel", "detect", "--units", "pc1", "--key", "key", "--period", "date",
             "--value", "value", "--batch-rows", "1000000", data, "-o", out, "records", "--low"], env2),
        "econ panel transform --units pc1": peak_rss(
            [econ, "panel", "transform", "--units", "pc1", "--key", "key", "--period", "date",
             "--value", "value", data, "-o", out], env2),
        "polars self-join (correct)": peak_rss(
            [sys.executable, __file__, "--pipeline", "polars-join", "--path", data, "--out", out], env2),
        "polars positional (wrong)": peak_rss(
            [sys.executable, __file__, "--pipeline", "polars-positional", "--path", data, "--out", out], env2),
    }
    if mem and pandas is not None:
        mem["pandas positional (wrong)"] = peak_rss(
            [sys.executable, __file__, "--pipeline", "pandas-positional", "--path", data, "--out", out])

    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    print(f"\n## Panel benchmark: {args.series:,} series, {rows:,} rows; input table {input_bytes / 2**20:,.0f} MiB "
          f"in Arrow buffers (polars' estimated_size: {estimated / 2**20:,.0f} MiB)")
    pandas_version = f"pandas {pandas.__version__}" if pandas is not None else "no pandas"
    print(f"machine: {cpu}, {os.cpu_count()} cores; rustc, polars {pl.__version__}, {pandas_version}, "
          f"Python {platform.python_version()}\n")
    threads = list(table)
    print("| what | " + " | ".join(f"{t} thread{'s' if t > 1 else ''} (s)" for t in threads) + " |")
    print("|---|" + "---|" * len(threads))
    names = [k for k in table[threads[0]] if not k.endswith("wrong rows")]
    for k in names:
        cells = [f"{table[t][k]:.2f}" if isinstance(table[t].get(k), float) else "" for t in threads]
        print(f"| {k} | " + " | ".join(cells) + " |")
    print()
    for t in threads:
        row = table[t]
        ours = row["econseries yoy+records"]
        correct = min(row["polars upsample"], row["polars self-join"])
        line = f"threads={t}: fastest correct polars / econseries yoy+records = {correct / ours:.1f}x"
        if "pandas positional (wrong)" in row:
            line += f"; pandas positional / econseries = {row['pandas positional (wrong)'] / ours:.1f}x"
        for k in row:
            if k.startswith("pandas freq"):
                line += f"; {k} / econseries = {row[k] / ours:.0f}x"
        print(line)
    t0 = table[threads[0]]

    def count(v):
        return f"{v:,}" if isinstance(v, int) else "n/a"

    print(f"rows wrong (positional): polars {count(t0.get('polars positional wrong rows'))}, "
          f"pandas {count(t0.get('pandas positional wrong rows'))}\n")
    print("| peak RSS of a whole run (read, compute, write) | MiB | / input table |")
    print("|---|---|---|")
    for k, v in mem.items():
        print(f"| {k} | {v / 2**20:,.0f} | {v / input_bytes:.2f} |")
    print("\nSkipped (not installed here): " + (", ".join(skipped) if skipped else "none"))


if __name__ == "__main__":
    main()
