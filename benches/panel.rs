//! Year-on-year growth and records for every series of a long table: the
//! panel engine against polars' own expressions, in one run.
//!
//! Shape: 100,000 synthetic monthly series × 360 months (36 million rows),
//! 1% of values missing (half as null values, half as absent rows), one
//! series in ten starting late; string keys, `Date` periods, rows sorted by
//! key then date. Data: synthetic (seeded), labelled as such. With
//! `ECON_PANEL_PARQUET=path` the bench reads that file instead (the one
//! `benches/compare_panel.py` writes, so that Python and Rust see the same
//! numbers); `ECON_PANEL_SERIES` shrinks the generated panel.
//!
//! - `econseries_yoy_records`: `Panel::from_dataframe` (decode, group,
//!   check), `transform(pc1)`, `detect(&Records::low())` of the growth: a
//!   frame with key, date, kind, pc1, compared_with and record for every
//!   observed growth rate. Calendar-correct.
//! - `econseries_yoy`: the same without records.
//! - `polars_sort_pct_change_over`: `sort([key, date])` then
//!   `pct_change(12).over(key)`: positional, so wrong after a gap (the
//!   fastest polars formulation, not a correct one).
//!
//! The calendar-correct polars formulations (upsample, self-join on the date
//! a year earlier) and pandas are timed by `benches/compare_panel.py`, which
//! also runs this bench and prints the ratios.
//!
//! Run: `cargo bench --features panel --bench panel` (threads:
//! `RAYON_NUM_THREADS` for econseries, `POLARS_MAX_THREADS` for polars).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::Units;
use econseries::detect::Records;
use econseries::panel::{Panel, PanelColumns};
use polars::prelude::{
    Column, DataFrame, DateChunked, IntoColumn, IntoLazy, IntoSeries, ParquetReader, SerReader,
    SortMultipleOptions, col, lit,
};

/// A seeded xorshift step returning a uniform number in [0, 1).
fn uniform(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

/// The synthetic panel: `series` × 360 months from 1995-01.
fn synthetic(series: usize) -> DataFrame {
    let months = 360usize;
    let mut keys: Vec<String> = Vec::new();
    let mut dates = Vec::new();
    let mut values: Vec<Option<f64>> = Vec::new();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for s in 0..series {
        let late = if uniform(&mut state) < 0.1 {
            (uniform(&mut state) * 240.0) as usize
        } else {
            0
        };
        let mut level = 100.0 * (1.0 + uniform(&mut state));
        let key = format!("S{s:07}");
        for m in late..months {
            level *= 1.0 + (uniform(&mut state) - 0.5) * 0.04;
            let u = uniform(&mut state);
            if u < 0.005 {
                continue; // an absent row: a gap
            }
            let (y, mo) = (1995 + (m / 12) as i32, (m % 12) as u32 + 1);
            keys.push(key.clone());
            dates.push(chrono::NaiveDate::from_ymd_opt(y, mo, 1).expect("valid date"));
            values.push((u >= 0.01).then_some(level));
        }
    }
    let n = keys.len();
    DataFrame::new(
        n,
        vec![
            Column::new("key".into(), keys),
            DateChunked::from_naive_date("date".into(), dates)
                .into_series()
                .into_column(),
            Column::new("value".into(), values),
        ],
    )
    .expect("frame")
}

fn load() -> DataFrame {
    match std::env::var("ECON_PANEL_PARQUET") {
        Ok(path) => ParquetReader::new(std::fs::File::open(&path).expect("ECON_PANEL_PARQUET"))
            .finish()
            .expect("parquet"),
        Err(_) => {
            let n = std::env::var("ECON_PANEL_SERIES")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(100_000);
            synthetic(n)
        }
    }
}

fn bench_panel(c: &mut Criterion) {
    let df = load();
    let cols = PanelColumns::new(["key"], "date", "value");
    let mut group = c.benchmark_group("panel_yoy_records");
    group.throughput(Throughput::Elements(df.height() as u64));
    group.sample_size(10);

    group.bench_function("econseries_yoy_records", |b| {
        b.iter(|| {
            let panel = Panel::from_dataframe(df.clone(), &cols).expect("panel");
            let yoy = panel.transform(Units::Pc1.into()).expect("pc1");
            drop(panel);
            black_box(yoy.detect(&Records::low()).expect("records"))
        })
    });
    group.bench_function("econseries_yoy", |b| {
        b.iter(|| {
            let panel = Panel::from_dataframe(df.clone(), &cols).expect("panel");
            black_box(
                panel
                    .transform(Units::Pc1.into())
                    .and_then(|p| p.to_dataframe())
                    .expect("pc1"),
            )
        })
    });
    group.bench_function("polars_sort_pct_change_over", |b| {
        b.iter(|| {
            let expr = col("value")
                .pct_change(lit(12))
                .over([col("key")])
                .expect("over")
                .alias("yoy");
            black_box(
                df.clone()
                    .lazy()
                    .sort(["key", "date"], SortMultipleOptions::default())
                    .with_column(expr)
                    .collect()
                    .expect("polars"),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench_panel);
criterion_main!(benches);
