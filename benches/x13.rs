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
//! - `x13_estimation/airline_td_easter_300`: one regARIMA estimation (log
//!   airline, trading day, Easter[8], leap-year pre-adjustment) on the
//!   synthetic 300 months, through the library API (no spec parsing, no X-11);
//! - `x13_estimation/outlier_search_300`: the automatic AO/LS outlier search
//!   (the program's default critical value) with a log airline model on the
//!   same series with an additive outlier and a level shift put in, so that the
//!   search adds outliers, refits and deletes;
//! - `x13_automdl/airline_300`: automatic model identification
//!   (`AutoModel`, log, the program's defaults with the outlier search) on the
//!   synthetic 300 months: dozens of estimations, the bulk of an automatic
//!   run.
//!
//! A spec the crate does not run yet is reported and skipped, not timed.
//! `benches/compare_x13.py` runs the program on the same specs and data (one
//! process per series, as the wrappers run it) and prints the ratios.
//!
//! Run: `cargo bench --bench x13`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::Month;
use econseries::x13::regressors::{RegressorOptions, Regressors, Span, Variable};
use econseries::x13::spec::X13Spec;
use econseries::x13::{ArimaOrder, AutoModel, OutlierSearch, RegArima, Transform};
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

/// Log airline with trading day and Easter[8] on `values` (monthly from
/// 2000-01), ready to fit.
fn airline_td_easter(values: &[f64]) -> econseries::Result<RegArima> {
    let span = Span::new(Month::new(2000, 1)?, values.len())?;
    let opts = RegressorOptions::new().log(true).differencing(1, 1);
    let regressors = Regressors::new([Variable::TradingDay, Variable::Easter(8)]);
    let mut model = RegArima::new(ArimaOrder::airline())
        .transform(Transform::Log)
        .leap_year_adjust(true);
    for c in regressors.matrix(&span, &opts)?.columns() {
        model = model.regressor(c.name.clone(), c.values.clone());
    }
    Ok(model)
}

fn bench_estimation(c: &mut Criterion) {
    let mut group = c.benchmark_group("x13_estimation");
    let values = synthetic(1, 300);
    let model = airline_td_easter(&values).expect("regressors");
    group.bench_function("airline_td_easter_300", |b| {
        b.iter(|| {
            black_box(
                model
                    .fit_slice(black_box(&values), 12, (2000, 1))
                    .expect("fit")
                    .likelihood()
                    .aicc,
            )
        })
    });
    // An additive outlier in month 100 and a level shift from month 200.
    let mut shocked = values.clone();
    shocked[100] *= 1.15;
    for v in &mut shocked[200..] {
        *v *= 0.9;
    }
    let search = RegArima::new(ArimaOrder::airline())
        .transform(Transform::Log)
        .outlier_search(OutlierSearch::program_default(shocked.len()));
    let found = search.fit_slice(&shocked, 12, (2000, 1)).expect("fit");
    eprintln!(
        "x13_estimation/outlier_search_300 finds {} outliers",
        found.outliers().len()
    );
    group.bench_function("outlier_search_300", |b| {
        b.iter(|| {
            black_box(
                search
                    .fit_slice(black_box(&shocked), 12, (2000, 1))
                    .expect("fit")
                    .outliers()
                    .len(),
            )
        })
    });
    group.finish();
    let mut group = c.benchmark_group("x13_automdl");
    group.sample_size(10);
    let auto = AutoModel::new().transform(Transform::Log);
    group.bench_function("airline_300", |b| {
        b.iter(|| {
            black_box(
                auto.fit_slice(black_box(&values), 12, (2000, 1))
                    .expect("automdl")
                    .fit()
                    .likelihood()
                    .aicc,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench_estimation, bench_series, bench_panel);
criterion_main!(benches);
