//! Property tests for X-11: the additive identity, invariance to the scale of
//! a multiplicative series, a constant seasonal pattern recovered exactly,
//! and no panic on any input (synthetic series from proptest).

use econseries::seasonal::{SeasonalFilter, Table, X11, X11Mode};
use proptest::prelude::*;

const FILTERS: [SeasonalFilter; 8] = [
    SeasonalFilter::Msr,
    SeasonalFilter::X11Default,
    SeasonalFilter::S3x1,
    SeasonalFilter::S3x3,
    SeasonalFilter::S3x5,
    SeasonalFilter::S3x9,
    SeasonalFilter::S3x15,
    SeasonalFilter::Stable,
];

/// A seasonal series: a random walk level, a seasonal pattern and noise,
/// `years` years long (plus a part year), monthly or quarterly.
fn series() -> impl Strategy<Value = (Vec<f64>, usize, usize)> {
    (
        prop_oneof![Just(12usize), Just(4usize)],
        3usize..25,
        0usize..12,
        any::<u64>(),
    )
        .prop_map(|(period, years, extra, seed)| {
            let n = years * period + extra % period;
            let mut state = seed | 1;
            let mut rnd = move || {
                // xorshift: deterministic noise from the seed.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 10_000) as f64 / 10_000.0 - 0.5
            };
            let pattern: Vec<f64> = (0..period).map(|_| rnd()).collect();
            let mut level = 100.0;
            let y = (0..n)
                .map(|i| {
                    level += rnd();
                    level + 10.0 * pattern[i % period] + 2.0 * rnd()
                })
                .collect();
            (y, period, (seed % period as u64) as usize)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Additively the original is D10 + D12 + D13 exactly (D11 = B1 − D10,
    /// D13 = D11 − D12), and the extreme-value adjustments are the only
    /// difference between B1 and the modified series: C1 = B1 − B20,
    /// D1 = B1 − C20.
    #[test]
    fn additive_identities((y, period, first) in series(), f in 0usize..8) {
        let fit = X11::new().mode(X11Mode::Additive).seasonal_filter(FILTERS[f])
            .fit_slice(&y, period, first).unwrap();
        let t = |k| fit.table(k);
        let scale = y.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        for (i, yi) in y.iter().enumerate() {
            let sum = t(Table::D10)[i] + t(Table::D12)[i] + t(Table::D13)[i];
            prop_assert!((sum - yi).abs() <= 1e-12 * scale, "{i}: {sum} vs {yi}");
            prop_assert!((t(Table::C1)[i] + t(Table::B20)[i] - yi).abs() <= 1e-12 * scale);
            prop_assert!((t(Table::D1)[i] + t(Table::C20)[i] - yi).abs() <= 1e-12 * scale);
            prop_assert!((t(Table::D11)[i] + t(Table::D10)[i] - yi).abs() <= 1e-12 * scale);
        }
    }

    /// Multiplying a series by c multiplies the adjusted series and the
    /// trend by c and leaves factors, irregular, filters and statistics as
    /// they were (multiplicative, log-additive and pseudo-additive modes).
    #[test]
    fn scale_invariance((y, period, first) in series(), c in prop_oneof![Just(1e-6), Just(0.37), Just(1e4), Just(3.0e9)], m in 0usize..3) {
        let mode = [X11Mode::Multiplicative, X11Mode::LogAdditive, X11Mode::PseudoAdditive][m];
        let x11 = X11::new().mode(mode);
        let a = x11.fit_slice(&y, period, first).unwrap();
        let scaled: Vec<f64> = y.iter().map(|v| v * c).collect();
        let b = x11.fit_slice(&scaled, period, first).unwrap();
        for (k, factor) in [(Table::D10, 1.0), (Table::D11, c), (Table::D12, c), (Table::D13, 1.0)] {
            for (p, q) in a.table(k).iter().zip(b.table(k)) {
                prop_assert!((p * factor - q).abs() <= 1e-9 * q.abs(), "{k}: {p} vs {q}");
            }
        }
        let (da, db) = (a.diagnostics(), b.diagnostics());
        prop_assert_eq!(da.seasonal_filter(), db.seasonal_filter());
        prop_assert_eq!(da.trend_filters(), db.trend_filters());
        prop_assert!((da.q() - db.q()).abs() < 1e-6);
    }

    /// A series that is a level times (plus) a fixed seasonal pattern gives
    /// back that pattern as D10, the level as D12 and a neutral irregular,
    /// whatever the filter and the length.
    #[test]
    fn constant_pattern_recovered(period in prop_oneof![Just(12usize), Just(4usize)], years in 3usize..20,
                                  first in 0usize..12, level in 1.0f64..1e4, raw in prop::collection::vec(0.5f64..1.5, 12),
                                  f in 0usize..8, additive in any::<bool>()) {
        let first = first % period;
        let raw = &raw[..period];
        let mean = raw.iter().sum::<f64>() / period as f64;
        let (mode, pattern): (X11Mode, Vec<f64>) = if additive {
            (X11Mode::Additive, raw.iter().map(|r| (r - mean) * level).collect())
        } else {
            (X11Mode::Multiplicative, raw.iter().map(|r| r / mean).collect())
        };
        let n = years * period;
        let s = |i: usize| pattern[(first + i) % period];
        let y: Vec<f64> = (0..n).map(|i| if additive { level + s(i) } else { level * s(i) }).collect();
        let fit = X11::new().mode(mode).seasonal_filter(FILTERS[f]).fit_slice(&y, period, first).unwrap();
        let neutral = if additive { 0.0 } else { 1.0 };
        for i in 0..n {
            prop_assert!((fit.table(Table::D10)[i] - s(i)).abs() <= 1e-9 * level, "D10[{i}]");
            prop_assert!((fit.table(Table::D12)[i] - level).abs() <= 1e-9 * level, "D12[{i}]");
            prop_assert!((fit.table(Table::D13)[i] - neutral).abs() <= 1e-9, "D13[{i}]");
        }
    }

    /// Any finite input of at least three years gives finite components or a
    /// typed error, never a panic.
    #[test]
    fn never_panics(y in prop::collection::vec(prop_oneof![4 => -1e6f64..1e6, 1 => Just(0.0), 1 => 1e-300f64..1e-290], 0..120),
                    quarterly in any::<bool>(), first in 0usize..12, m in 0usize..4, f in 0usize..8, trend in prop::option::of(1usize..40)) {
        let period = if quarterly { 4 } else { 12 };
        let mode = [X11Mode::Multiplicative, X11Mode::Additive, X11Mode::PseudoAdditive, X11Mode::LogAdditive][m];
        let mut x11 = X11::new().mode(mode).seasonal_filter(FILTERS[f]);
        if let Some(t) = trend {
            x11 = x11.trend_filter(t);
        }
        if let Ok(fit) = x11.fit_slice(&y, period, first) {
            prop_assert_eq!(fit.table(Table::D11).len(), y.len());
        }
    }
}
