//! X-11 seasonal adjustment (the Census program's defaults: multiplicative,
//! MSR, automatic Henderson filter) on synthetic and real monthly series.
//!
//! Shapes:
//! - `x11_per_series/{240,480,720}`: one monthly series of 20, 40 and 60
//!   years, synthetic (the generator of `benches/compare_x11.py`, which runs
//!   the Census program on the same numbers and reports the ratios).
//! - `x11_per_series/impch_492`: FRED IMPCH (US imports from China, `data/`),
//!   41 years.
//! - `x11_with_diagnostics/{240,480,720}`: as `x11_per_series`, and the
//!   quality statistics too (computed on demand, so not in the shapes above).
//! - `x11_10k_series_x_300_months`: 10,000 synthetic monthly series of 300
//!   months, adjusted in parallel over rayon's pool (as `Panel::x11` does,
//!   without the polars frame around it; `benches/panel.rs` times that).
//!
//! Each shape checks its answer before timing: the D10 factors of the first
//! series average 1 over its last year within 1%.
//!
//! Run: `cargo bench --bench x11`, or `python3 benches/compare_x11.py` for the
//! comparison with the program.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::seasonal::{Table, X11};
use rayon::prelude::*;

mod common;
use common::{impch, synthetic};

fn check(y: &[f64]) {
    let fit = X11::new().fit_slice(y, 12, 0).expect("fit");
    let d10 = fit.table(Table::D10);
    let last: f64 = d10[d10.len() - 12..].iter().sum::<f64>() / 12.0;
    assert!((last - 1.0).abs() < 0.01, "D10 averages {last}");
}

fn bench_series(c: &mut Criterion) {
    let x11 = X11::new();
    let mut group = c.benchmark_group("x11_per_series");
    for n in [240, 480, 720] {
        let y = synthetic(1, n);
        check(&y);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(n.to_string(), |b| {
            b.iter(|| black_box(x11.fit_slice(black_box(&y), 12, 0).expect("fit")))
        });
    }
    let y = impch();
    check(&y);
    group.throughput(Throughput::Elements(y.len() as u64));
    group.bench_function("impch_492", |b| {
        b.iter(|| black_box(x11.fit_slice(black_box(&y), 12, 0).expect("fit")))
    });
    group.finish();
    // The same with the diagnostics (M1..M11, Q, F-tests, D9.A), which
    // `fit_slice` computes only when asked for.
    let mut group = c.benchmark_group("x11_with_diagnostics");
    for n in [240, 480, 720] {
        let y = synthetic(1, n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(n.to_string(), |b| {
            b.iter(|| {
                let fit = x11.fit_slice(black_box(&y), 12, 0).expect("fit");
                black_box(fit.diagnostics().q())
            })
        });
    }
    group.finish();
}

fn bench_panel(c: &mut Criterion) {
    let x11 = X11::new();
    let panel: Vec<Vec<f64>> = (0..10_000).map(|i| synthetic(1000 + i, 300)).collect();
    check(&panel[0]);
    let mut group = c.benchmark_group("x11_10k_series_x_300_months");
    group.throughput(Throughput::Elements(10_000 * 300));
    group.sample_size(10);
    group.bench_function("econseries", |b| {
        b.iter(|| {
            panel
                .par_iter()
                .map(|y| x11.fit_slice(y, 12, 0).expect("fit").table(Table::D11)[0])
                .sum::<f64>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_series, bench_panel);
criterion_main!(benches);
