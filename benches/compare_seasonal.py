#!/usr/bin/env python3
"""STL and HP filter speed: econseries (criterion) against statsmodels, same data.

Run from the repository root:

    python3 benches/compare_seasonal.py            # statsmodels timings, then cargo bench
    python3 benches/compare_seasonal.py --no-cargo # reuse the last criterion results

It times statsmodels' STL(...).fit() and hpfilter on the same synthetic series
as benches/seasonal.rs (the same xorshift generator, reimplemented below),
runs `cargo bench --bench seasonal`, reads criterion's estimates from
$CARGO_TARGET_DIR/criterion (default ./target), and prints one table with the
ratio statsmodels / econseries for each shape. statsmodels' figure is the best
of several batches and econseries' criterion's median, so that other load on
the machine inflates neither side much (the best-of favours statsmodels). Both sides run in this one
invocation, on the same machine and data. The target of issue #7 is a ratio
of at least 20 for STL per series; the script exits with status 1 if a STL
ratio falls below it.

Data: synthetic (a seeded random walk plus a fixed seasonal pattern and noise).
Requirements: numpy; statsmodels (tests/fixtures/seasonal/requirements.txt) for the
reference column, skipped (and said so) if it is not installed. The table also shows
`hp_two_sided/direct`, the HP solve the crate used before issue 15, timed in the same
criterion run.
"""

import json
import os
import subprocess
import sys
import time

import numpy as np

try:
    import statsmodels
    from statsmodels.tsa.filters.hp_filter import hpfilter
    from statsmodels.tsa.seasonal import STL
except ImportError:  # the econseries column is still printed
    statsmodels = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASK = (1 << 64) - 1
PATTERN = [-8.0, -3.0, 0.0, 1.0, 2.0, 4.0, 5.0, 4.0, 1.0, -1.0, -2.0, -3.0]
TARGET = 20.0


def synthetic(seed, n):
    """The generator of benches/seasonal.rs, bit for bit."""
    state = ((seed * 0x9E3779B97F4A7C15) & MASK) | 1
    out = np.empty(n)
    level = 100.0

    def uniform():
        nonlocal state
        state ^= (state << 13) & MASK
        state ^= state >> 7
        state ^= (state << 17) & MASK
        return (state >> 11) / float(1 << 53)

    for i in range(n):
        level += uniform() - 0.5
        out[i] = level + PATTERN[i % 12] + 2.0 * (uniform() - 0.5)
    return out


def best_of(fn, repeat, number):
    """Mean seconds per call of the best of `repeat` batches of `number` calls."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t) / number)
    return best


def statsmodels_times():
    y600 = synthetic(1, 600)
    times = {}
    times["stl_600_months/econseries"] = best_of(lambda: STL(y600, period=12).fit(), 5, 40)
    times["stl_600_months/econseries_robust"] = best_of(
        lambda: STL(y600, period=12, robust=True).fit(), 5, 8
    )
    panel = [synthetic(1000 + i, 360) for i in range(10_000)]
    t = time.perf_counter()
    for y in panel:
        STL(y, period=12).fit()
    times["stl_10k_series_x_360_months/econseries"] = time.perf_counter() - t
    for n in (100_000, 1_000_000):
        x = synthetic(7, n)
        times[f"hp_two_sided/econseries/{n}"] = best_of(lambda: hpfilter(x, lamb=1600), 3, 1)
    return times


def criterion_times():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    base = os.path.join(target, "criterion")
    out = {}
    for key in [
        "stl_600_months/econseries",
        "stl_600_months/econseries_robust",
        "stl_10k_series_x_360_months/econseries",
        "hp_two_sided/econseries/100000",
        "hp_two_sided/econseries/1000000",
        "hp_two_sided/direct/100000",
        "hp_two_sided/direct/1000000",
        "hp_one_sided/econseries/100000",
        "hp_one_sided/econseries/1000000",
    ]:
        path = os.path.join(base, *key.split("/"), "new", "estimates.json")
        if not os.path.exists(path):
            continue
        with open(path) as fh:
            out[key] = json.load(fh)["median"]["point_estimate"] * 1e-9
    return out


def fmt(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def main():
    if statsmodels is None:
        print(f"statsmodels not installed: its column is skipped; numpy {np.__version__}; synthetic data",
              flush=True)
        sm = {}
    else:
        print(f"statsmodels {statsmodels.__version__}, numpy {np.__version__}; synthetic data", flush=True)
        sm = statsmodels_times()
    if "--no-cargo" not in sys.argv:
        subprocess.run(["cargo", "bench", "--bench", "seasonal"], cwd=ROOT, check=True)
    rs = criterion_times()
    rows = [
        ("STL, 600 months", "stl_600_months/econseries"),
        ("STL robust, 600 months", "stl_600_months/econseries_robust"),
        ("STL, 10,000 series x 360 months (loop)", "stl_10k_series_x_360_months/econseries"),
        ("HP two-sided, n = 10^5", "hp_two_sided/econseries/100000"),
        ("HP two-sided, n = 10^6", "hp_two_sided/econseries/1000000"),
        ("HP two-sided, direct solve (before issue 15), n = 10^5", "hp_two_sided/direct/100000"),
        ("HP two-sided, direct solve (before issue 15), n = 10^6", "hp_two_sided/direct/1000000"),
        ("HP one-sided (Kalman), n = 10^5", "hp_one_sided/econseries/100000"),
        ("HP one-sided (Kalman), n = 10^6", "hp_one_sided/econseries/1000000"),
    ]
    print()
    print("| shape | statsmodels | econseries | ratio |")
    print("|---|---|---|---|")
    failed = False
    for name, key in rows:
        ours = rs.get(key)
        if ours is None:
            print(f"| {name} | | (not measured) | |")
            continue
        theirs = sm.get(key)
        if theirs is None:
            print(f"| {name} | (none) | {fmt(ours)} | |")
            continue
        ratio = theirs / ours
        print(f"| {name} | {fmt(theirs)} | {fmt(ours)} | {ratio:.1f}x |")
        if key.startswith("stl") and ratio < TARGET:
            failed = True
    # Ratios only of what was measured: with --no-cargo and no earlier
    # criterion run, or a run cut short, some shapes are missing.
    big, small = rs.get("hp_two_sided/econseries/1000000"), rs.get("hp_two_sided/econseries/100000")
    if big is not None and small is not None:
        print(f"\nHP two-sided time at 10^6 / at 10^5: {big / small:.1f} (linear: 10)")
    for n in ("100000", "1000000"):
        old, ours = rs.get(f"hp_two_sided/direct/{n}"), rs.get(f"hp_two_sided/econseries/{n}")
        if old is not None and ours is not None:
            print(f"HP two-sided at n = {n}: direct solve / econseries = {old / ours:.2f}")
    skipped = ["statsmodels (not installed)"] if statsmodels is None else []
    unmeasured = [name for name, key in rows if key not in rs]
    if unmeasured:
        skipped.append(f"{len(unmeasured)} of {len(rows)} econseries shapes (no criterion results; "
                       "run without --no-cargo)")
    print("References skipped: " + ("; ".join(skipped) if skipped else "none"))
    if failed:
        print(f"STL below the {TARGET:.0f}x target")
        sys.exit(1)


if __name__ == "__main__":
    main()
