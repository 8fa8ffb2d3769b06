//! X-11 on a panel: `Panel::x11` (feature `panel`) on 10,000 synthetic
//! monthly series of 300 months each (3 million rows), from a polars
//! `DataFrame` with a string key and text periods to the output frame.
//!
//! The series are those of `benches/x11.rs` (seeded random walk in logs times
//! a fixed seasonal pattern and noise). The answer is checked before timing:
//! the output has one row per input row and the first series' seasonal
//! factors average 1 over its last year within 1%.
//!
//! Run: `cargo bench --features panel --bench x11_panel`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::panel::{Panel, PanelColumns};
use econseries::seasonal::X11;
use polars::prelude::{Column, DataFrame};

mod common;
use common::synthetic;

fn bench(c: &mut Criterion) {
    const SERIES: usize = 10_000;
    const MONTHS: usize = 300;
    let months: Vec<String> = (0..MONTHS)
        .map(|i| format!("{}-{:02}", 2000 + i / 12, i % 12 + 1))
        .collect();
    let mut key = Vec::with_capacity(SERIES * MONTHS);
    let mut period = Vec::with_capacity(SERIES * MONTHS);
    let mut value = Vec::with_capacity(SERIES * MONTHS);
    for s in 0..SERIES {
        let id = format!("s{s:05}");
        for (m, v) in months.iter().zip(synthetic(1000 + s as u64, MONTHS)) {
            key.push(id.clone());
            period.push(m.clone());
            value.push(v);
        }
    }
    let df = DataFrame::new(
        SERIES * MONTHS,
        vec![
            Column::new("id".into(), key),
            Column::new("month".into(), period),
            Column::new("value".into(), value),
        ],
    )
    .expect("frame");
    let panel =
        Panel::from_dataframe(df, &PanelColumns::new(["id"], "month", "value")).expect("panel");
    let x11 = X11::new();
    let out = panel.x11(&x11).expect("x11");
    assert_eq!(out.height(), SERIES * MONTHS);
    let s: Vec<f64> = out
        .column("seasonal")
        .expect("column")
        .f64()
        .expect("f64")
        .iter()
        .take(MONTHS)
        .map(|v| v.unwrap_or(f64::NAN))
        .collect();
    let last = s[MONTHS - 12..].iter().sum::<f64>() / 12.0;
    assert!((last - 1.0).abs() < 0.01, "{last}");
    let mut group = c.benchmark_group("x11_panel_10k_x_300");
    group.throughput(Throughput::Elements((SERIES * MONTHS) as u64));
    group.sample_size(10);
    group.bench_function("Panel::x11", |b| {
        b.iter(|| black_box(panel.x11(&x11).expect("x11")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
