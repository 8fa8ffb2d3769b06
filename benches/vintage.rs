//! A transform within each vintage (`VintagedSeries::map_vintages`, what
//! `econ vintage --units pc1` runs), on synthetic real-time data (labelled
//! as such).
//!
//! Shape `map_vintages_pc1/{sweep,rebuild}/V`: V vintages (one a day) of 300
//! monthly periods each, every vintage revising three periods in turn, so each
//! period is revised about 3·V/300 times: 300 + 3·V stored values, V stretches,
//! V·300 values in the known series (T). `sweep` is the crate's
//! `map_vintages` (O(T·log T)); `rebuild` is the algorithm it replaced
//! (before issue 15): every stretch rebuilt by `as_of` from all stored values,
//! so O(V·(300 + 3·V)), timed at 1,000 and 4,000 vintages only. Both give the
//! same vintaged series (checked before timing).
//!
//! Run: `cargo bench --bench vintage`.

use std::collections::BTreeSet;
use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use econseries::vintage::{RealtimeInterval, VintageObservation, VintagedSeries};
use econseries::{Month, Units};

const PERIODS: usize = 300;

/// Synthetic: vintage k (day k after 1900-01-01) revises periods k, k + 1,
/// k + 2 (mod 300) of a level series starting in 2000-01.
fn synthetic(vintages: usize) -> VintagedSeries<Month> {
    let base = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid");
    let day = |k: usize| base + Days::new(k as u64);
    let start: Month = "2000-01".parse().expect("valid");
    let mut changes: Vec<Vec<usize>> = vec![vec![0]; PERIODS];
    for k in 1..vintages {
        for j in 0..3 {
            changes[(k + j) % PERIODS].push(k);
        }
    }
    let mut obs = Vec::new();
    for (i, ks) in changes.iter().enumerate() {
        for (n, &k) in ks.iter().enumerate() {
            let realtime = match ks.get(n + 1) {
                Some(&next) => RealtimeInterval::new(day(k), day(next) - Days::new(1)),
                None => Ok(RealtimeInterval::from(day(k))),
            }
            .expect("ordered");
            let value = 100.0 + i as f64 + 0.001 * k as f64;
            obs.push(VintageObservation::new(
                start + i as i32,
                realtime,
                Some(value),
            ));
        }
    }
    VintagedSeries::new(obs).expect("valid")
}

/// The replaced algorithm, through the public API: `as_of` per stretch.
fn rebuild(v: &VintagedSeries<Month>) -> VintagedSeries<Month> {
    let mut cuts = BTreeSet::new();
    for o in v.observations() {
        cuts.insert(o.realtime.start());
        if !o.realtime.is_current() {
            cuts.extend(o.realtime.end().succ_opt());
        }
    }
    let cuts: Vec<NaiveDate> = cuts.into_iter().collect();
    let mut obs = Vec::new();
    for (k, &from) in cuts.iter().enumerate() {
        let to = cuts
            .get(k + 1)
            .and_then(|c| c.pred_opt())
            .unwrap_or(RealtimeInterval::OPEN_END);
        let known = v.as_of(from);
        if known.is_empty() {
            continue;
        }
        let realtime = RealtimeInterval::new(from, to).expect("ordered");
        for (period, value) in known.units(Units::Pc1).iter() {
            obs.push(VintageObservation::new(period, realtime, value));
        }
    }
    VintagedSeries::new(obs).expect("valid")
}

fn key(v: &VintagedSeries<Month>) -> Vec<(Month, RealtimeInterval, Option<u64>)> {
    v.observations()
        .map(|o| (o.period, o.realtime, o.value.map(f64::to_bits)))
        .collect()
}

fn bench_map_vintages(c: &mut Criterion) {
    let mut group = c.benchmark_group("map_vintages_pc1");
    group.sample_size(10);
    for vintages in [1_000usize, 4_000, 40_000] {
        let v = synthetic(vintages);
        group.throughput(Throughput::Elements((vintages * PERIODS) as u64));
        let fast = v.map_vintages(|s| s.units(Units::Pc1));
        if vintages <= 4_000 {
            assert_eq!(key(&fast), key(&rebuild(&v)), "{vintages} vintages");
            group.bench_with_input(BenchmarkId::new("rebuild", vintages), &v, |b, v| {
                b.iter(|| black_box(rebuild(black_box(v))))
            });
        }
        group.bench_with_input(BenchmarkId::new("sweep", vintages), &v, |b, v| {
            b.iter(|| black_box(v.map_vintages(|s| s.units(Units::Pc1))))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_map_vintages);
criterion_main!(benches);
