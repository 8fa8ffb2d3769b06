//! STL and the HP filter, on synthetic data (labelled as such).
//!
//! Shapes:
//! - `stl_600_months`: one monthly series of 600 months (50 years), STL with
//!   statsmodels' defaults, plain and robust.
//! - `stl_10k_series_x_360_months`: 10,000 monthly series of 360 months each,
//!   STL with the defaults, as a loop over the series (the crate has no panel
//!   API yet).
//! - `hp_two_sided` and `hp_one_sided`: the HP filter (λ = 1600) on slices of
//!   10⁵ and 10⁶ points; the time grows linearly with n.
//!
//! Data: synthetic, a seeded random walk plus a fixed seasonal pattern and
//! noise (the same generator as `benches/compare_seasonal.py`, which times
//! statsmodels on the same numbers and reports the ratios).
//!
//! Run: `cargo bench --bench seasonal`, or `python3 benches/compare_seasonal.py`
//! for the comparison with statsmodels.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use econseries::seasonal::{Stl, hp_trend, hp_trend_one_sided};

/// Synthetic monthly data: xorshift64 uniform noise driving a random walk,
/// plus a fixed 12-month pattern and noise. Must match `synthetic()` in
/// `benches/compare_seasonal.py`.
fn synthetic(seed: u64, n: usize) -> Vec<f64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut uniform = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    const PATTERN: [f64; 12] = [
        -8.0, -3.0, 0.0, 1.0, 2.0, 4.0, 5.0, 4.0, 1.0, -1.0, -2.0, -3.0,
    ];
    let mut level = 100.0;
    (0..n)
        .map(|i| {
            level += uniform() - 0.5;
            level + PATTERN[i % 12] + 2.0 * (uniform() - 0.5)
        })
        .collect()
}

fn bench_stl(c: &mut Criterion) {
    let y = synthetic(1, 600);
    let mut group = c.benchmark_group("stl_600_months");
    group.throughput(Throughput::Elements(600));
    let plain = Stl::new().period(12);
    let robust = plain.robust(true);
    group.bench_function("econseries", |b| {
        b.iter(|| black_box(plain.fit_slice(black_box(&y)).expect("fit")))
    });
    group.bench_function("econseries_robust", |b| {
        b.iter(|| black_box(robust.fit_slice(black_box(&y)).expect("fit")))
    });
    group.finish();

    let panel: Vec<Vec<f64>> = (0..10_000).map(|i| synthetic(1000 + i, 360)).collect();
    let mut group = c.benchmark_group("stl_10k_series_x_360_months");
    group.throughput(Throughput::Elements(10_000 * 360));
    group.sample_size(10);
    group.bench_function("econseries", |b| {
        b.iter(|| {
            for y in &panel {
                black_box(plain.fit_slice(y).expect("fit"));
            }
        })
    });
    group.finish();
}

fn bench_hp(c: &mut Criterion) {
    for (name, f) in [
        ("hp_two_sided", hp_trend as fn(&[f64], f64) -> _),
        ("hp_one_sided", hp_trend_one_sided),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        for n in [100_000usize, 1_000_000] {
            let x = synthetic(7, n);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new("econseries", n), &x, |b, x| {
                b.iter(|| black_box(f(black_box(x), 1600.0).expect("hp")))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_stl, bench_hp);
criterion_main!(benches);
