//! Year-on-year percent change (FRED `pc1`) on 10 million monthly points,
//! against polars' `pct_change(12)` on the same numbers and against a plain
//! copy of the same bytes (the memory-bandwidth floor), in one run.
//!
//! Shape: 10,000 synthetic monthly series of 1,000 months each (83 years; a
//! single series cannot hold 10 million months, since periods end in year
//! 9999). econseries computes a calendar-correct `pc1` per series. polars gets
//! the easiest possible job: one contiguous `Float64` column of all 10 million
//! values and one positional `pct_change(12)` call, with no grouping (so it is
//! wrong at the 9,999 series boundaries, and cheaper than the correct
//! `.over(id)` form). The copy clones every series, allocation included, as
//! `pc1` allocates its output.
//!
//! Data: synthetic (a seeded geometric random walk), labelled as such.
//!
//! Run: `cargo bench --features polars --bench yoy`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::{Month, Series};
use polars::prelude::{NamedFrom, pct_change};

const SERIES: usize = 10_000;
const MONTHS: usize = 1_000;

/// A seeded xorshift generator: deterministic synthetic data without a dependency.
fn walk(seed: u64, n: usize) -> Vec<f64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut level = 100.0_f64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            level *= 1.0 + (u - 0.5) * 0.04;
            level
        })
        .collect()
}

fn bench_yoy(c: &mut Criterion) {
    let start = Month::new(1940, 1).expect("valid month");
    let raw: Vec<Vec<f64>> = (0..SERIES).map(|i| walk(i as u64, MONTHS)).collect();
    let series: Vec<Series<Month>> = raw
        .iter()
        .map(|v| Series::from_values(start, v.iter().copied()).expect("finite"))
        .collect();
    let flat: Vec<f64> = raw.concat();
    let column = polars::prelude::Series::new("value".into(), &flat);
    let lag = polars::prelude::Series::new("n".into(), [12i64]);

    let mut group = c.benchmark_group("yoy_10M_monthly");
    group.throughput(Throughput::Elements((SERIES * MONTHS) as u64));
    group.sample_size(20);

    group.bench_function("copy_floor", |b| {
        b.iter(|| {
            for s in &series {
                black_box(s.clone());
            }
        })
    });
    group.bench_function("econseries_pc1", |b| {
        b.iter(|| {
            for s in &series {
                black_box(s.pc1());
            }
        })
    });
    group.bench_function("polars_pct_change_12", |b| {
        b.iter(|| black_box(pct_change(&column, &lag).expect("pct_change")))
    });
    group.finish();
}

criterion_group!(benches, bench_yoy);
criterion_main!(benches);
