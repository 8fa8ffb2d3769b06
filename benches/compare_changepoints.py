#!/usr/bin/env python3
"""Side-by-side timing and agreement: econseries against ruptures, its Rust-backed
ports and R's changepoint, on identical data, in one run.

Adapted from the project's shared cpd_bench.py (same signal, penalty and settings).

Signal (SYNTHETIC, fixed seed): rng = numpy.random.default_rng(20240601 + n);
  regime "dense":  n // 100 changes; regime "sparse": 5 changes in all;
  change positions = sorted sample of multiples of 20; level jumps U(1, 3)*(+-1),
  first level 0; noise N(0, 1).
Problem: change in mean, cost = sum of squared deviations, penalty beta = 2 ln(n) per change
  (BIC with sigma = 1; R changepoint's SIC for cpt.mean on unit-variance data),
  minimum segment length 2, every index a candidate (jump = 1).
Tools (each (tool, n) in its own subprocess, wall-clock timeout; a tool that times out is
  skipped at larger n of the same regime):
  econseries  FPOP / PELT  release build of benches/changepoint.rs, timing mode
                           (cargo bench --bench changepoint --no-run)
  ruptures    Pelt(model="l2", min_size=2, jump=1)          pure Python, O(segment) costs
  ruptures    KernelCPD(kernel="linear", min_size=2)         C PELT, exact for l2
  ruptures-rs Pelt (same arguments; Rust core)               if installed
  changepoint-doctor Pelt and Fpop (min_segment_len=2, jump=1; Rust core)   if installed
  R changepoint 2.3   cpt.mean(method="PELT", penalty="Manual", pen.value=beta, minseglen=2)
Timing: fit + predict only (data loading and process start excluded), measured inside each
  tool's own process; repeats 7 (econseries) or 5 (others) if one run < 0.2 s, 3 if < 5 s, else 1;
  the table shows medians. "ratio" = tool median / econseries FPOP median at the same n.
Agreement: "identical" = same change points as econseries FPOP.
Environment line: versions, load average, and a two-thread probe (the bench binary's
  --parallel-probe): for jobs of about 1 ms and 50 ms, two jobs on two threads over one alone
  (1 = parallel, 2 = one after the other).

Usage (from the repository root):
  python3 benches/compare_changepoints.py                      # all sizes, both regimes
  python3 benches/compare_changepoints.py --sizes 1000 10000 --timeout 30
Needs: numpy (pip). Every reference is optional: ruptures, ruptures-rs, changepoint-doctor (pip),
  and R's changepoint 2.3 (Rscript on the PATH; its library found by R itself, or in the folder
  named by --r-lib or R_LIBS_USER). Those not installed are skipped, and listed at the end.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

SEED = 20240601
MIN_SIZE = 2
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

TOOLS = [
    ("econseries", "FPOP"),
    ("econseries", "PELT"),
    ("ruptures", "KernelCPD"),
    ("ruptures", "Pelt"),
    ("ruptures-rs", "Pelt"),
    ("changepoint-doctor", "Pelt"),
    ("changepoint-doctor", "Fpop"),
    ("R changepoint", "PELT"),
]


def make_signal(n, n_bkps):
    rng = np.random.default_rng(SEED + n)
    cand = np.arange(1, n // 20)
    bkps = sorted(int(b) * 20 for b in rng.choice(cand, size=n_bkps, replace=False))
    jumps = rng.uniform(1.0, 3.0, size=n_bkps) * rng.choice([-1.0, 1.0], size=n_bkps)
    levels = np.concatenate([[0.0], np.cumsum(jumps)])
    edges = [0] + bkps + [n]
    mean = np.empty(n)
    for k in range(len(edges) - 1):
        mean[edges[k]:edges[k + 1]] = levels[k]
    return mean + rng.normal(0.0, 1.0, size=n)


def reps_for(first, many=5):
    return many if first < 0.2 else (3 if first < 5 else 1)


def python_worker(tool, algo, path, pen):
    y = np.loadtxt(path)
    times, bk = [], None
    while True:
        t0 = time.perf_counter()
        if tool in ("ruptures", "ruptures-rs"):
            rpt = __import__("ruptures" if tool == "ruptures" else "ruptures_rs")
            if algo == "KernelCPD":
                est = rpt.KernelCPD(kernel="linear", min_size=MIN_SIZE).fit(y)
            else:
                est = rpt.Pelt(model="l2", min_size=MIN_SIZE, jump=1).fit(y)
            out = [int(b) for b in est.predict(pen=pen)]
        elif tool == "changepoint-doctor":
            import cpd
            if algo == "Fpop":
                est = cpd.Fpop(min_segment_len=MIN_SIZE, jump=1)
            else:
                est = cpd.Pelt(model="l2", min_segment_len=MIN_SIZE, jump=1)
            out = [int(b) for b in est.fit(y).predict(pen=pen).breakpoints]
        else:
            raise ValueError(tool)
        times.append(time.perf_counter() - t0)
        bk = out
        if len(times) >= reps_for(times[0]):
            break
    print(json.dumps({"bkps": bk, "times": times}))


R_SCRIPT = """
{libpaths}suppressMessages(library(changepoint))
y <- scan("{path}", quiet=TRUE)
times <- c()
repeat {{
  t0 <- Sys.time()
  fit <- cpt.mean(y, method="PELT", penalty="Manual", pen.value={pen:.17g}, minseglen={L})
  times <- c(times, as.numeric(difftime(Sys.time(), t0, units="secs")))
  first <- times[1]
  reps <- if (first < 0.2) 5 else if (first < 5) 3 else 1
  if (length(times) >= reps) break
}}
cat(paste0('{{"bkps": [', paste(c(cpts(fit), length(y)), collapse=","), '], "times": [',
           paste(sprintf("%.9g", times), collapse=","), ']}}'), "\\n")
"""


def command(tool, algo, path, pen, exe, r_lib):
    if tool == "econseries":
        return [exe, "--cpd-timing", path, algo.lower(), repr(pen), str(MIN_SIZE)]
    if tool == "R changepoint":
        return ["Rscript", "-e", R_SCRIPT.format(libpaths=r_libpaths(r_lib), path=path, pen=pen, L=MIN_SIZE)]
    return [sys.executable, os.path.abspath(__file__), "--worker", tool, algo, path, repr(pen)]


def r_libpaths(r_lib):
    """The R line that puts --r-lib first on the library path (nothing without one)."""
    return f'.libPaths(c("{r_lib}", .libPaths()))\n' if r_lib else ""


def available(tool, r_lib):
    """Whether a reference can run here: its Python module imports, or Rscript is on the PATH and
    loads changepoint."""
    if tool == "econseries":
        return True
    if tool == "R changepoint":
        import shutil
        if shutil.which("Rscript") is None:
            return False
        probe = r_libpaths(r_lib) + "suppressMessages(library(changepoint))"
        try:
            return subprocess.run(["Rscript", "-e", probe], capture_output=True, timeout=120).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False
    mod = {"ruptures": "ruptures", "ruptures-rs": "ruptures_rs", "changepoint-doctor": "cpd"}.get(tool)
    try:
        __import__(mod)
        return True
    except ImportError:
        return False


def build():
    out = subprocess.run(["cargo", "bench", "--bench", "changepoint", "--no-run",
                          "--message-format=json"], cwd=ROOT, capture_output=True, text=True, check=True)
    exe = None
    for line in out.stdout.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("target", {}).get("name") == "changepoint" \
                and msg.get("executable"):
            exe = msg["executable"]
    if exe is None:
        raise SystemExit("could not find the changepoint bench executable")
    return exe


def fmt_time(t):
    return f"{t * 1e3:.3g} ms" if t < 1 else f"{t:.3g} s"


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        python_worker(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
        return
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 1000000])
    ap.add_argument("--regimes", nargs="+", default=["dense", "sparse"])
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--r-lib", default=os.environ.get("R_LIBS_USER") or None,
                    help="an R library folder to search first (default: R's own library paths)")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "compare_changepoints.json"))
    ap.add_argument("--only", nargs="*", default=None, help="tool names to run")
    args = ap.parse_args()

    exe = build()
    # A private copy: a rebuild during the run must not swap the binary under it.
    import shutil
    private = os.path.join(tempfile.mkdtemp(), "econseries_changepoint_bench")
    shutil.copy2(exe, private)
    exe = private
    env = {"python": sys.version.split()[0], "numpy": np.__version__, "cpus": os.cpu_count()}
    try:
        import ruptures
        env["ruptures"] = ruptures.__version__
    except ImportError:
        pass
    try:
        env["load_average_at_start"] = os.getloadavg()
    except OSError:
        pass
    # Whether two threads run at once here, for jobs of about 1 ms and 50 ms (wall time of two
    # jobs on two threads over one alone: 1 = parallel, 2 = one after the other). FPOP runs the
    # two halves of a long series on two threads, so its times at 1e4 depend on this.
    probe = subprocess.run([exe, "--parallel-probe"], capture_output=True, text=True, check=True).stdout
    env["two_thread_probe"] = json.loads(probe)
    print("# environment:", json.dumps(env), flush=True)
    wanted = {tool for tool, _ in TOOLS if not args.only or tool in args.only}
    missing = sorted(t for t in wanted if not available(t, args.r_lib))
    if missing:
        print("# not installed, skipped:", ", ".join(missing), flush=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for regime in args.regimes:
            skipped = set()
            for n in args.sizes:
                k = n // 100 if regime == "dense" else 5
                y = make_signal(n, k)
                path = os.path.join(tmp, f"{regime}_{n}.txt")
                np.savetxt(path, y, fmt="%.17g")
                pen = 2.0 * math.log(n)
                print(f"\n## {regime}, n = {n}, {k} true changes, pen = {pen:.4f}", flush=True)
                for tool, algo in TOOLS:
                    if args.only and tool not in args.only:
                        continue
                    if tool in missing:
                        continue
                    rec = {"regime": regime, "n": n, "tool": tool, "algo": algo}
                    if (tool, algo) in skipped:
                        rec["status"] = "skipped"
                        results.append(rec)
                        continue
                    try:
                        p = subprocess.run(command(tool, algo, path, pen, exe, args.r_lib),
                                           capture_output=True, text=True, timeout=args.timeout)
                    except OSError as e:
                        rec["status"] = f"error: {e}"
                        results.append(rec)
                        print(f"{tool:20s} {algo:10s} {rec['status']}", flush=True)
                        continue
                    except subprocess.TimeoutExpired:
                        rec["status"] = f"> {args.timeout:.0f} s"
                        skipped.add((tool, algo))
                        results.append(rec)
                        print(f"{tool:20s} {algo:10s} timeout", flush=True)
                        continue
                    if p.returncode != 0:
                        rec["status"] = "error: " + (p.stderr.strip().splitlines() or ["?"])[-1][:200]
                        results.append(rec)
                        print(f"{tool:20s} {algo:10s} {rec['status']}", flush=True)
                        continue
                    d = json.loads([l for l in p.stdout.splitlines() if l.startswith("{")][-1])
                    rec.update(status="ok", bkps=d["bkps"], median=statistics.median(d["times"]),
                               min=min(d["times"]), repeats=len(d["times"]))
                    results.append(rec)
                    print(f"{tool:20s} {algo:10s} median {fmt_time(rec['median'])}  "
                          f"K={len(d['bkps']) - 1}", flush=True)
    with open(args.out, "w") as f:
        json.dump({"env": env, "results": results}, f, indent=1)

    print("\n| regime | n | tool | algorithm | median | ratio to econseries FPOP | identical to econseries |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        ours = next((o for o in results if o["regime"] == r["regime"] and o["n"] == r["n"]
                     and o["tool"] == "econseries" and o["algo"] == "FPOP" and o.get("status") == "ok"), None)
        if r.get("status") != "ok":
            lower = ""
            if ours and r.get("status", "").startswith(">"):
                lower = f"> {args.timeout / ours['median']:.3g}×"
            print(f"| {r['regime']} | {r['n']:,} | {r['tool']} | {r['algo']} | {r['status']} | {lower} | |")
            continue
        ratio = f"{r['median'] / ours['median']:.3g}×" if ours else ""
        same = (r["bkps"] == ours["bkps"]) if ours else ""
        print(f"| {r['regime']} | {r['n']:,} | {r['tool']} | {r['algo']} | {fmt_time(r['median'])} | "
              f"{ratio} | {'yes' if same is True else ('no' if same is False else '')} |")

    print("\nFastest exact reference per case (timeouts count as the timeout, a lower bound):")
    print("\n| regime | n | econseries FPOP | fastest reference | its median | econseries is faster by |")
    print("|---|---|---|---|---|---|")
    for regime in args.regimes:
        for n in args.sizes:
            rows = [r for r in results if r["regime"] == regime and r["n"] == n]
            ours = next((r for r in rows if r["tool"] == "econseries" and r["algo"] == "FPOP"
                         and r.get("status") == "ok"), None)
            refs = [r for r in rows if r["tool"] != "econseries"]
            if not ours or not refs:
                continue
            timed = [(r["median"], f"{r['tool']} {r['algo']}", "") for r in refs if r.get("status") == "ok"]
            if not timed:
                print(f"| {regime} | {n:,} | {fmt_time(ours['median'])} | every reference > "
                      f"{args.timeout:.0f} s or skipped | | > {args.timeout / ours['median']:.3g}× |")
                continue
            t, name, _ = min(timed)
            print(f"| {regime} | {n:,} | {fmt_time(ours['median'])} | {name} | {fmt_time(t)} | "
                  f"{t / ours['median']:.3g}× |")

    print("\nReferences not installed here, skipped: " + (", ".join(missing) if missing else "none"))


if __name__ == "__main__":
    main()
