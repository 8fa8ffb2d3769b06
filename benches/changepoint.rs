//! Change in mean, exact search: FPOP against PELT (the algorithm of R's
//! changepoint, ruptures and their ports) in one run.
//!
//! Shape: unit-variance normal noise around a piecewise-constant mean, n =
//! 10³ … 10⁶, in two regimes: `dense`, one change per 100 points, and
//! `sparse`, five changes in all. Penalty β = 2·ln n (BIC for σ = 1), minimum
//! segment length 2, every index a candidate. PELT is O(n²) in the sparse
//! regime, so it runs there only up to n = 10⁴.
//!
//! Data: synthetic (seeded), labelled as such; slices, since a `Series`
//! holds at most 119,988 months.
//!
//! Run: `cargo bench --bench changepoint`.
//!
//! The same binary times the crate for `benches/compare_changepoints.py`,
//! which runs ruptures and R's changepoint on identical data in the same run:
//! `changepoint-<hash> --cpd-timing FILE METHOD PENALTY MIN_SIZE` reads one
//! value per line, and prints `{"bkps": [...], "times": [...]}` (fit times in
//! seconds; `bkps` in ruptures' form, n included); `--parallel-probe` times two
//! threads against one on jobs of about 1 ms and 50 ms (FPOP splits long
//! series over two threads, and a virtual machine may not run a second one
//! at once).

use std::hint::black_box;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use econseries::changepoint::{ChangePoints, Cost, Method, Penalty};

/// A seeded xorshift generator with Box–Muller normals: synthetic data without a dependency.
struct Rng(u64);

impl Rng {
    fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * core::f64::consts::PI * v).cos()
    }
}

/// `changes` level shifts of size U(1, 3)·(±1) at evenly spread positions, plus N(0, 1) noise.
fn signal(n: usize, changes: usize) -> Vec<f64> {
    let mut rng = Rng(0x5EED_0000 + n as u64);
    let mut level = 0.0;
    let step = n / (changes + 1);
    (0..n)
        .map(|i| {
            if i > 0 && i % step == 0 && i / step <= changes {
                let sign = if rng.uniform() < 0.5 { -1.0 } else { 1.0 };
                level += sign * (1.0 + 2.0 * rng.uniform());
            }
            level + rng.normal()
        })
        .collect()
}

fn detector(n: usize, method: Method) -> ChangePoints {
    ChangePoints::new(Cost::Mean)
        .penalty(Penalty::Manual(2.0 * (n as f64).ln()))
        .min_size(2)
        .method(method)
}

fn bench(c: &mut Criterion) {
    for (regime, changes) in [("dense", None), ("sparse", Some(5))] {
        let mut group = c.benchmark_group(format!("changepoint_mean_{regime}"));
        group.sample_size(10);
        group.warm_up_time(std::time::Duration::from_millis(500));
        group.measurement_time(std::time::Duration::from_secs(2));
        for n in [1_000usize, 10_000, 100_000, 1_000_000] {
            let y = signal(n, changes.unwrap_or(n / 100));
            group.throughput(Throughput::Elements(n as u64));
            for (name, method) in [("fpop", Method::Fpop), ("pelt", Method::Pelt)] {
                if method == Method::Pelt && changes.is_some() && n > 10_000 {
                    continue;
                }
                let d = detector(n, method);
                group.bench_with_input(BenchmarkId::new(name, n), &y, |b, y| {
                    b.iter(|| d.segment_slice(black_box(y)).map(|s| s.changes().len()))
                });
            }
        }
        group.finish();
    }
}

/// The timing mode of `compare_changepoints.py`.
fn timing(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let [file, method, penalty, min_size] = args else {
        return Err("usage: --cpd-timing FILE METHOD PENALTY MIN_SIZE".into());
    };
    let y: Vec<f64> = std::fs::read_to_string(file)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    let d = ChangePoints::new(Cost::Mean)
        .penalty(Penalty::Manual(penalty.parse()?))
        .min_size(min_size.parse()?)
        .method(method.parse()?);
    let mut times = Vec::new();
    let bkps = loop {
        let t0 = Instant::now();
        let seg = d.segment_slice(&y)?;
        times.push(t0.elapsed().as_secs_f64());
        let first = times[0];
        let reps = if first < 0.2 {
            7
        } else if first < 5.0 {
            3
        } else {
            1
        };
        if times.len() >= reps {
            break seg.ruptures_breakpoints();
        }
    };
    let list = |v: &[String]| v.join(",");
    println!(
        "{{\"bkps\": [{}], \"times\": [{}]}}",
        list(&bkps.iter().map(ToString::to_string).collect::<Vec<_>>()),
        list(&times.iter().map(|t| format!("{t:e}")).collect::<Vec<_>>())
    );
    Ok(())
}

/// Integer work the optimiser cannot remove, about `rounds` multiply-adds long.
fn busy(rounds: u64) -> u64 {
    let (mut s, mut x) = (0u64, black_box(1u64));
    for _ in 0..rounds {
        s = s.wrapping_add(x ^ (s >> 3));
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    }
    s
}

/// `--parallel-probe`: whether this machine runs two short jobs at once. For
/// jobs of about 1 ms and 50 ms alone, the wall time of two of them on two
/// threads, as a ratio to one alone (1 = fully parallel, 2 = one after the
/// other); prints `{"ms": [...], "ratios": [[...], [...]]}`.
fn parallel_probe() {
    let mut rounds = 1u64 << 16;
    loop {
        let t0 = Instant::now();
        black_box(busy(rounds));
        if t0.elapsed().as_secs_f64() > 1e-3 {
            break;
        }
        rounds *= 2;
    }
    let mut ms = Vec::new();
    let mut ratios = Vec::new();
    for (scale, trials) in [(1u64, 20), (50, 3)] {
        let r = rounds * scale;
        let t0 = Instant::now();
        black_box(busy(r));
        let alone = t0.elapsed().as_secs_f64();
        let mut row = Vec::new();
        for _ in 0..trials {
            let t0 = Instant::now();
            std::thread::scope(|sc| {
                let h = sc.spawn(|| black_box(busy(r)));
                black_box(busy(r));
                let _ = h.join();
            });
            row.push(format!("{:.2}", t0.elapsed().as_secs_f64() / alone));
        }
        ms.push(format!("{:.1}", alone * 1e3));
        ratios.push(format!("[{}]", row.join(", ")));
    }
    println!(
        "{{\"ms\": [{}], \"ratios\": [{}]}}",
        ms.join(", "),
        ratios.join(", ")
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--cpd-timing") {
        return timing(&args[i + 1..]);
    }
    if args.iter().any(|a| a == "--parallel-probe") {
        parallel_probe();
        return Ok(());
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
    Ok(())
}
