//! "Lowest since" for every observation: the crate's one-pass monotonic stack
//! ([`Records`], through the [`Detector`] trait) against the scan-per-point
//! definition, in one run.
//!
//! Shapes (synthetic data, a seeded random walk, labelled as such):
//!
//! - `records_10M_monthly`: 10,000 series of 1,000 months each, 10 million
//!   points in all (a single series cannot hold 10 million months, since
//!   periods end in year 9999). The stack does one pass per series; the
//!   scan walks back from every point to its first blocker, which on a
//!   random walk costs about the square root of the series length per
//!   point.
//! - `records_worst_case`: one series of 20,000 months falling every month,
//!   so every point is a record low and the scan is fully quadratic
//!   (200 million comparisons); the stack still does one pass.
//!
//! Both return the same answers (checked before timing).
//!
//! Run: `cargo bench --bench records`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use econseries::detect::{Detector, Records};
use econseries::{Month, Series};

const SERIES: usize = 10_000;
const MONTHS: usize = 1_000;
const WORST: usize = 20_000;

/// A seeded xorshift random walk: deterministic synthetic data without a dependency.
fn walk(seed: u64, n: usize) -> Vec<f64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut level = 100.0_f64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            level += u - 0.5;
            level
        })
        .collect()
}

/// The definition: for every point, scan back to the last value at least as low.
fn scan(values: &[f64]) -> Vec<Option<usize>> {
    (0..values.len())
        .map(|i| values[..i].iter().rposition(|&y| y <= values[i]))
        .collect()
}

/// The stack's answers as indices, for the agreement check.
fn stack(series: &Series<Month>) -> Vec<Option<usize>> {
    Records::low()
        .detect(series)
        .expect("records")
        .iter()
        .map(|e| {
            // A record is compared with where records began; the scan says
            // "none".
            (!e.is_record())
                .then(|| e.compared_with.map(|p| (p - series.start()) as usize))
                .flatten()
        })
        .collect()
}

fn bench_records(c: &mut Criterion) {
    let start = Month::new(1900, 1).expect("valid month");
    let raw: Vec<Vec<f64>> = (0..SERIES).map(|i| walk(i as u64, MONTHS)).collect();
    let series: Vec<Series<Month>> = raw
        .iter()
        .map(|v| Series::from_values(start, v.iter().copied()).expect("finite"))
        .collect();
    for (s, v) in series.iter().zip(&raw).take(100) {
        assert_eq!(stack(s), scan(v), "the two methods disagree");
    }

    let mut group = c.benchmark_group("records_10M_monthly");
    group.throughput(Throughput::Elements((SERIES * MONTHS) as u64));
    group.sample_size(10);
    group.bench_function("econseries_stack", |b| {
        b.iter(|| {
            for s in &series {
                black_box(Records::low().detect(black_box(s)).expect("records"));
            }
        })
    });
    group.bench_function("scan_per_point", |b| {
        b.iter(|| {
            for v in &raw {
                black_box(scan(black_box(v)));
            }
        })
    });
    group.finish();

    let falling: Vec<f64> = (0..WORST).map(|i| -(i as f64)).collect();
    let worst = Series::from_values(start, falling.iter().copied()).expect("finite");
    assert_eq!(stack(&worst), scan(&falling), "the two methods disagree");
    let mut group = c.benchmark_group("records_worst_case");
    group.throughput(Throughput::Elements(WORST as u64));
    group.sample_size(10);
    group.bench_function("econseries_stack", |b| {
        b.iter(|| black_box(Records::low().detect(black_box(&worst)).expect("records")))
    });
    group.bench_function("scan_per_point", |b| {
        b.iter(|| black_box(scan(black_box(&falling))))
    });
    group.finish();
}

criterion_group!(benches, bench_records);
criterion_main!(benches);
