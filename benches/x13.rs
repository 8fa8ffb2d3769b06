//! X-13 runs from spec text, as the Census program runs them: the regARIMA
//! model (fixed, or chosen automatically with outliers and calendar tests),
//! forecasts, and X-11 on the extended, pre-adjusted series.
//!
//! Shapes (`x13_per_series/<spec>_<series>`; parse and run, every table):
//! - specs: `fixed` = log, airline, trading day and Easter[8], one year of
//!   forecasts, X-11; `auto` = the default automatic run of R's `seasonal`
//!   with X-11 (automatic log test, `aictest=(td easter)`, `automdl`,
//!   `outlier`);
//! - series: `300`, a synthetic monthly series of 25 years (the generator of
//!   `benches/x11.rs`), and `impch_492`, FRED IMPCH from `data/`.
//! - `x13_10k_series_x_300_months/<spec>`: 10,000 synthetic series of 300
//!   months over rayon's pool (`auto` only with `X13_BENCH_AUTO_PANEL=1`).
//!
//! A spec the crate does not run yet is reported and skipped, not timed.
//! `benches/compare_x13.py` runs the program on the same specs and data (one
//! process per series, as the wrappers run it) and prints the ratios.
//!
//! Run: `cargo bench --bench x13`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::x13::spec::X13Spec;
use rayon::prelude::*;

mod common;
use common::{impch, synthetic};

/// The spec bodies; `benches/compare_x13.py` writes the same.
const SPECS: [(&str, &str); 2] = [
    (
        "fixed",
        "transform{function=log}\nregression{variables=(td easter[8])}\n\
         arima{model=(0 1 1)(0 1 1)}\nforecast{maxlead=12}\nx11{}\n",
    ),
    (
        "auto",
        "transform{function=auto}\nregression{aictest=(td easter)}\nautomdl{}\n\
         outlier{}\nforecast{maxlead=12}\nx11{}\n",
    ),
];

fn spec_text(values: &[f64], start_year: i32, body: &str) -> String {
    let mut s = format!("series{{title=\"s\" start={start_year}.1 period=12 data=(\n");
    for v in values {
        s.push_str(&format!("{v:?}\n"));
    }
    s.push_str(")}\n");
    s.push_str(body);
    s
}

fn run(text: &str) -> econseries::Result<f64> {
    let run = X13Spec::parse(text)?.run()?;
    Ok(run.adjusted()[0])
}

fn bench_series(c: &mut Criterion) {
    let mut group = c.benchmark_group("x13_per_series");
    for (spec, body) in SPECS {
        for (name, values, year) in [
            ("300", synthetic(1, 300), 2000),
            ("impch_492", impch(), 1985),
        ] {
            let text = spec_text(&values, year, body);
            if let Err(e) = run(&text) {
                eprintln!("skipped x13_per_series/{spec}_{name}: {e}");
                continue;
            }
            group.throughput(Throughput::Elements(values.len() as u64));
            group.bench_function(format!("{spec}_{name}"), |b| {
                b.iter(|| black_box(run(black_box(&text)).expect("run")))
            });
        }
    }
    group.finish();
}

fn bench_panel(c: &mut Criterion) {
    let texts: Vec<Vec<String>> = SPECS
        .iter()
        .map(|(_, body)| {
            (0..10_000)
                .map(|i| spec_text(&synthetic(1000 + i, 300), 2000, body))
                .collect()
        })
        .collect();
    let mut group = c.benchmark_group("x13_10k_series_x_300_months");
    group.throughput(Throughput::Elements(10_000 * 300));
    group.sample_size(10);
    for ((spec, _), texts) in SPECS.iter().zip(&texts) {
        // The automatic run takes long enough per series that ten samples
        // of 10,000 would take hours: only on request.
        if *spec == "auto" && std::env::var_os("X13_BENCH_AUTO_PANEL").is_none() {
            eprintln!("skipped x13_10k_series_x_300_months/auto: set X13_BENCH_AUTO_PANEL=1");
            continue;
        }
        if let Err(e) = run(&texts[0]) {
            eprintln!("skipped x13_10k_series_x_300_months/{spec}: {e}");
            continue;
        }
        group.bench_function(*spec, |b| {
            b.iter(|| {
                texts
                    .par_iter()
                    // A series the run refuses (none expected) counts as NaN, not a panic mid-bench.
                    .map(|t| run(t).unwrap_or(f64::NAN))
                    .sum::<f64>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_series, bench_panel);
criterion_main!(benches);
