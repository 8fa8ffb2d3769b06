//! STL and the HP filter, on synthetic data (labelled as such).
//!
//! Shapes:
//! - `stl_600_months`: one monthly series of 600 months (50 years), STL with
//!   statsmodels' defaults, plain and robust.
//! - `stl_10k_series_x_360_months`: 10,000 monthly series of 360 months each,
//!   STL with the defaults, as a loop over the series (the crate has no panel
//!   API yet).
//! - `hp_two_sided` and `hp_one_sided`: the HP filter (λ = 1600) on slices of
//!   10⁵ and 10⁶ points; the time grows linearly with n. `hp_two_sided` also
//!   times `direct`, the crate's solve before issue 15 (the system
//!   `(I + λK'K) τ = x` factorised as written, which loses accuracy as λ
//!   grows), so that the accurate formulation is compared with it in one run.
//!
//! Data: synthetic, a seeded random walk plus a fixed seasonal pattern and
//! noise (the same generator as `benches/compare_seasonal.py`, which times
//! statsmodels on the same numbers and reports the ratios).
//!
//! Run: `cargo bench --bench seasonal`, or `python3 benches/compare_seasonal.py`
//! for the comparison with statsmodels.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use econseries::seasonal::{HpFilter, Stl};

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
        ("hp_two_sided", HpFilter::new().lambda(1600.0)),
        ("hp_one_sided", HpFilter::new().lambda(1600.0).one_sided()),
    ] {
        let mut group = c.benchmark_group(name);
        group.sample_size(10);
        for n in [100_000usize, 1_000_000] {
            let x = synthetic(7, n);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new("econseries", n), &x, |b, x| {
                b.iter(|| black_box(f.trend_slice(black_box(x)).expect("hp")))
            });
            if name == "hp_two_sided" {
                group.bench_with_input(BenchmarkId::new("direct", n), &x, |b, x| {
                    b.iter(|| black_box(direct(black_box(x), 1600.0)))
                });
            }
        }
        group.finish();
    }
}

/// The two-sided HP trend as the crate computed it before issue 15: the
/// banded LDLᵀ factorisation of `I + λK'K` itself (accurate for small λ only;
/// kept here as the speed baseline).
// Bounds: every index is `i`, `i ± 1`, `i ± 2` under the guards shown.
#[allow(clippy::indexing_slicing)]
fn direct(x: &[f64], lambda: f64) -> Vec<f64> {
    let n = x.len();
    if n < 3 || lambda == 0.0 {
        return x.to_vec();
    }
    let rows = n - 2;
    let valid = |r: usize| usize::from(r < rows);
    let diag = |i: usize| {
        let a = if i >= 2 { valid(i - 2) } else { 0 };
        let b = if i >= 1 { valid(i - 1) } else { 0 };
        (a + 4 * b + valid(i)) as f64
    };
    let off1 = |i: usize| {
        let b = if i >= 1 { valid(i - 1) } else { 0 };
        -2.0 * (b + valid(i)) as f64
    };
    let l2 = |i: usize, d: &[f64]| lambda * valid(i) as f64 / d[i];
    let mut d = vec![0.0; n];
    let mut l1 = vec![0.0; n];
    let mut t = vec![0.0; n];
    for i in 0..n {
        let mut di = 1.0 + lambda * diag(i);
        let mut zi = x[i];
        if i >= 1 {
            di -= l1[i - 1] * l1[i - 1] * d[i - 1];
            zi -= l1[i - 1] * t[i - 1];
        }
        if i >= 2 {
            let l = l2(i - 2, &d);
            di -= l * l * d[i - 2];
            zi -= l * t[i - 2];
        }
        d[i] = di;
        t[i] = zi;
        if i + 1 < n {
            let mut e = lambda * off1(i);
            if i >= 1 {
                e -= l2(i - 1, &d) * d[i - 1] * l1[i - 1];
            }
            l1[i] = e / di;
        }
    }
    for i in (0..n).rev() {
        let mut v = t[i] / d[i];
        if i + 1 < n {
            v -= l1[i] * t[i + 1];
        }
        if i + 2 < n {
            v -= l2(i, &d) * t[i + 2];
        }
        t[i] = v;
    }
    t
}

criterion_group!(benches, bench_stl, bench_hp);
criterion_main!(benches);
