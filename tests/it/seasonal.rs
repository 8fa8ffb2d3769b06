//! Integration tests: seasonal adjustment and trend filters against
//! statsmodels, numpy and pandas (fixtures and the script that computed them
//! in `tests/fixtures/seasonal/`).
//!
//! Tolerance: the components are in the unit of the series, so they are
//! compared on the series' scale: `|got − want| <= TOL · max(1, max |x|)`.
//! TOL is 1e-10, a hundred times tighter than the 1e-8 the crate promises;
//! the largest deviation measured is printed by each test (`--nocapture`).

use econseries::seasonal::{
    Classical, Decomposition, Hamilton, HpFilter, JanFebSeries, Missing, Model, Stl,
};
use econseries::{Error, Month, Period, Quarter, Series, UndefinedReason, Year};

use crate::fixtures::{Table, data};

/// Relative to the series' scale (see the module docs).
const TOL: f64 = 1e-10;

const IMPCH: &str = "us_imports_goods_from_china_impch_monthly";
const UNRATE: &str = "us_unemployment_rate_unrate_monthly";
const UMICH: &str = "umich_consumer_sentiment_umcsent_monthly_1980_2025-11";
const GDPC1: &str = "us_real_gdp_gdpc1_quarterly_1947_2025q1";
const GDP: &str = "us_nominal_gdp_quarterly_1980_2025q3";
const NILE: &str = "bundled_R_datasets_Nile_annual";

fn scale<P: Period>(x: &Series<P>) -> f64 {
    x.observations().map(|(_, v)| v.abs()).fold(1.0, f64::max)
}

/// Compares `got` with column `column` of `table` on the periods of `got`
/// (which must be those of the table), both missing or within
/// `TOL · scale`; returns the largest deviation relative to `scale`.
#[track_caller]
fn compare<P: Period>(table: &Table, column: &str, got: &Series<P>, scale: f64) -> f64 {
    compare_with(table, column, got, scale, TOL)
}

#[track_caller]
fn compare_with<P: Period>(
    table: &Table,
    column: &str,
    got: &Series<P>,
    scale: f64,
    tol: f64,
) -> f64 {
    let want = table.column::<P>(column);
    let periods: Vec<P> = got.iter().map(|(p, _)| p).collect();
    let expected: Vec<P> = want.iter().map(|&(p, _)| p).collect();
    assert_eq!(periods, expected, "{} [{column}]: spans differ", table.file);
    let mut worst: f64 = 0.0;
    let mut bad = Vec::new();
    for ((p, g), &(_, w)) in got.iter().zip(&want) {
        match (g, w) {
            (None, None) => {}
            (Some(g), Some(w)) => {
                let d = (g - w).abs() / scale;
                worst = worst.max(d);
                if d.is_nan() || d > tol {
                    bad.push(format!("  {p}: got {g}, want {w}"));
                }
            }
            _ => bad.push(format!("  {p}: got {g:?}, want {w:?}")),
        }
    }
    assert!(
        bad.is_empty(),
        "{} [{column}]: {} of {} differ by more than {tol:e} x {scale}:\n{}",
        table.file,
        bad.len(),
        want.len(),
        bad[..bad.len().min(10)].join("\n")
    );
    worst
}

fn compare_decomposition<P: Period>(file: &str, x: &Series<P>, d: &Decomposition<P>) -> f64 {
    let t = Table::fixture(&format!("seasonal/{file}"));
    let s = scale(x);
    let mut worst = compare(&t, "trend", d.trend(), s);
    match d.model() {
        // Factors around 1: their own scale.
        Model::Multiplicative => {
            worst = worst.max(compare(&t, "seasonal", d.seasonal(), 1.0));
            worst = worst.max(compare(&t, "remainder", d.remainder(), 1.0));
        }
        _ => {
            worst = worst.max(compare(&t, "seasonal", d.seasonal(), s));
            worst = worst.max(compare(&t, "remainder", d.remainder(), s));
        }
    }
    if t.columns().iter().any(|c| c == "weights") {
        // The weights are bisquares of remainder / (6 · median |remainder|):
        // a small remainder's rounding is magnified, so they get the
        // promised 1e-8 rather than TOL.
        let w = d.robust_weights().expect("a robust fit has weights");
        let dw = compare_with(&t, "weights", w, 1.0, 1e-8);
        eprintln!("{file}: weights deviate by up to {dw:.2e}");
    }
    eprintln!("{file}: largest deviation {worst:.2e} of scale {s}");
    worst
}

/// Source: statsmodels STL (tests/fixtures/seasonal/generate.py), monthly.
#[test]
fn stl_monthly_matches_statsmodels() {
    let impch = data::<Month>(IMPCH);
    for (file, stl) in [
        ("stl_impch.csv", Stl::new()),
        ("stl_impch_robust.csv", Stl::new().robust(true)),
        (
            "stl_impch_multiplicative.csv",
            Stl::new().model(Model::Multiplicative),
        ),
    ] {
        let d = stl.fit(&impch).expect("fit");
        compare_decomposition(file, &impch, &d);
    }
    // 30 months: subseries shorter than the seasonal window.
    let short = impch.slice(Month::new(2023, 7).expect("month")..);
    assert_eq!(short.len(), 30);
    compare_decomposition(
        "stl_impch_short.csv",
        &short,
        &Stl::new().fit(&short).expect("fit"),
    );

    let umich = data::<Month>(UMICH);
    let custom = Stl::new()
        .seasonal(13)
        .trend(25)
        .low_pass(15)
        .degrees(0, 1, 0)
        .jumps(2, 3, 2);
    compare_decomposition(
        "stl_umich_custom.csv",
        &umich,
        &custom.fit(&umich).expect("fit"),
    );
    compare_decomposition(
        "stl_umich_custom_robust.csv",
        &umich,
        &custom.robust(true).fit(&umich).expect("fit"),
    );
}

/// Values near `f64::MAX`: the robust fit of IMPCH × 2¹⁰⁰⁵ (an exact
/// scaling; the largest value is about 1.8e307), scaled back, equals
/// statsmodels' fit of IMPCH (tests/fixtures/seasonal/generate.py) within
/// the same tolerance. The plain loess sums of such values overflow.
#[test]
fn stl_near_the_largest_float_matches_statsmodels() {
    let impch = data::<Month>(IMPCH);
    let k = 2f64.powi(1005);
    let big = impch.map(|v| v * k);
    let d = Stl::new().robust(true).fit(&big).expect("fit");
    let t = Table::fixture("seasonal/stl_impch_robust.csv");
    let s = scale(&impch);
    for (column, part) in [
        ("trend", d.trend()),
        ("seasonal", d.seasonal()),
        ("remainder", d.remainder()),
    ] {
        compare(&t, column, &part.map(|v| v / k), s);
    }
}

/// Source: statsmodels STL (tests/fixtures/seasonal/generate.py), quarterly.
#[test]
fn stl_quarterly_matches_statsmodels() {
    let gdpc1 = data::<Quarter>(GDPC1);
    compare_decomposition("stl_gdpc1.csv", &gdpc1, &gdpc1.stl().expect("fit"));
    compare_decomposition(
        "stl_gdpc1_robust.csv",
        &gdpc1,
        &Stl::new().robust(true).fit(&gdpc1).expect("fit"),
    );
    let gdp = data::<Quarter>(GDP);
    let custom = Stl::new()
        .robust(true)
        .seasonal(9)
        .trend(11)
        .low_pass(7)
        .degrees(1, 0, 1)
        .jumps(3, 2, 4);
    compare_decomposition(
        "stl_gdp_custom_robust.csv",
        &gdp,
        &custom.fit(&gdp).expect("fit"),
    );
}

/// Source: statsmodels STL on pandas' linear interpolation of UNRATE's
/// missing October 2025. Without opting in, the gap is an error naming it.
#[test]
fn stl_missing_values_policy() {
    let unrate = data::<Month>(UNRATE);
    let oct = Month::new(2025, 10).expect("month");
    assert_eq!(unrate.missing().collect::<Vec<_>>(), [oct]);
    match unrate.stl() {
        Err(Error::Undefined {
            operation: econseries::Operation::Stl,
            period,
            reason: UndefinedReason::MissingValue,
        }) => assert_eq!(period.to_string(), "2025-10"),
        other => panic!("{other:?}"),
    }
    let d = Stl::new()
        .missing(Missing::Interpolate)
        .fit(&unrate)
        .expect("fit");
    assert_eq!(d.filled(), [oct]);
    compare_decomposition("stl_unrate_interpolated.csv", &unrate, &d);
    // Nothing in the output is missing or non-finite.
    for s in [d.trend(), d.seasonal(), d.remainder()] {
        assert_eq!(s.count(), unrate.len());
    }
}

#[test]
fn stl_rejects_bad_input() {
    let impch = data::<Month>(IMPCH);
    let mut v: Vec<f64> = impch.values().map(|v| v.expect("complete")).collect();
    v[3] = -1.0;
    let neg = Series::from_values(impch.start(), v).expect("series");
    assert!(matches!(
        Stl::new().model(Model::Multiplicative).fit(&neg),
        Err(Error::Undefined { reason: UndefinedReason::NonPositiveLog(p), .. }) if p.to_string() == "1985-04"
    ));
    let nile = data::<Year>(NILE);
    assert!(matches!(
        nile.stl(),
        Err(Error::InvalidArgument { name: "period", .. })
    ));
    assert!(Stl::new().period(10).fit(&nile).is_ok());
    assert!(matches!(
        impch.slice(..Month::new(1986, 11).expect("month")).stl(),
        Err(Error::TooShort { need: 24, got: 22 })
    ));
}

/// Source: statsmodels seasonal_decompose, additive and multiplicative.
#[test]
fn classical_matches_seasonal_decompose() {
    fn check<P: Period>(stem: &str) {
        let x = data::<P>(stem);
        let t = Table::fixture(&format!("seasonal/classical_{stem}.csv"));
        let s = scale(&x);
        let add = Classical::new().fit(&x).expect("additive");
        let mul = Classical::new()
            .model(Model::Multiplicative)
            .fit(&x)
            .expect("multiplicative");
        let worst = [
            compare(&t, "trend_add", add.trend(), s),
            compare(&t, "seasonal_add", add.seasonal(), s),
            compare(&t, "resid_add", add.remainder(), s),
            compare(&t, "trend_mul", mul.trend(), s),
            compare(&t, "seasonal_mul", mul.seasonal(), 1.0),
            compare(&t, "resid_mul", mul.remainder(), 1.0),
        ]
        .into_iter()
        .fold(0.0, f64::max);
        eprintln!("classical {stem}: largest deviation {worst:.2e}");
        assert_eq!(
            add.trend().count(),
            x.len() - 2 * (P::PER_YEAR as usize / 2)
        );
    }
    check::<Month>(IMPCH);
    check::<Quarter>(GDPC1);
}

/// Source: statsmodels hpfilter (two-sided) and numpy dense solves
/// (one-sided), λ by frequency.
#[test]
fn hp_matches_statsmodels_and_dense_one_sided() {
    fn check<P: Period>(stem: &str) {
        let x = data::<P>(stem);
        let t = Table::fixture(&format!("seasonal/hp_{stem}.csv"));
        let s = scale(&x);
        let two = x.hp_filter().expect("hp");
        let one = HpFilter::new().one_sided().apply(&x).expect("one-sided");
        let worst = [
            compare(&t, "trend", two.trend(), s),
            compare(&t, "cycle", two.cycle(), s),
            compare(&t, "trend_one_sided", one.trend(), s),
            compare(&t, "cycle_one_sided", one.cycle(), s),
        ]
        .into_iter()
        .fold(0.0, f64::max);
        eprintln!("hp {stem}: largest deviation {worst:.2e}");
    }
    check::<Month>(IMPCH);
    check::<Quarter>(GDPC1);
    check::<Year>(NILE);
    let unrate = data::<Month>(UNRATE);
    assert!(matches!(
        unrate.hp_filter(),
        Err(Error::Undefined { operation: econseries::Operation::Hp, period, .. }) if period.to_string() == "2025-10"
    ));
    assert!(matches!(
        HpFilter::new().lambda(-1.0).apply(&data::<Year>(NILE)),
        Err(Error::InvalidArgument { name: "lambda", .. })
    ));
}

/// Source: numpy lstsq of x(t) on a constant and x(t−h) … x(t−h−p+1).
#[test]
fn hamilton_matches_lstsq() {
    fn check<P: Period>(stem: &str) {
        let x = data::<P>(stem);
        let t = Table::fixture(&format!("seasonal/hamilton_{stem}.csv"));
        let s = scale(&x);
        let f = x.hamilton_filter().expect("hamilton");
        let worst = compare(&t, "trend", f.trend(), s).max(compare(&t, "cycle", f.cycle(), s));
        eprintln!("hamilton {stem}: largest deviation {worst:.2e}");
    }
    check::<Quarter>(GDPC1);
    check::<Month>(IMPCH);
    let gdpc1 = data::<Quarter>(GDPC1);
    let custom = Hamilton::new()
        .horizon(8)
        .lags(4)
        .apply(&gdpc1)
        .expect("explicit");
    assert_eq!(custom, gdpc1.hamilton_filter().expect("default"));
}

/// Source: numpy variances of statsmodels STL components.
#[test]
fn seasonal_strength_matches_numpy() {
    let t = Table::fixture("seasonal/strength.csv");
    let stems: Vec<&str> = t.fields("stem").collect();
    let want =
        |col: &str| -> Vec<f64> { t.fields(col).map(|v| v.parse().expect("number")).collect() };
    let (fs, ft) = (want("seasonal_strength"), want("trend_strength"));
    for (i, stem) in stems.iter().enumerate() {
        let d = if stem.contains("quarterly") {
            let x = data::<Quarter>(stem);
            let d = x.stl().expect("fit");
            (d.seasonal_strength(), d.trend_strength())
        } else {
            let x = data::<Month>(stem);
            let d = x.stl().expect("fit");
            (d.seasonal_strength(), d.trend_strength())
        };
        assert!((d.0 - fs[i]).abs() < 1e-10, "{stem}: {} vs {}", d.0, fs[i]);
        assert!((d.1 - ft[i]).abs() < 1e-10, "{stem}: {} vs {}", d.1, ft[i]);
    }
    // Raw imports are strongly seasonal; seasonally adjusted GDP much less.
    assert!(fs[0] > 0.8 && fs[2] < 0.4, "{fs:?}");
}

/// Source: pandas groupby (Jan+Feb combined), year-on-year on the combined
/// periods, and single periods from year-to-date releases without January.
#[test]
fn lunar_new_year_combination_matches_pandas() {
    let impch = data::<Month>(IMPCH);
    let t = Table::fixture("seasonal/lny_impch.csv");
    let labels: Vec<&str> = t.fields("period").collect();
    let combined = JanFebSeries::from_monthly(&impch);
    let got: Vec<String> = combined.iter().map(|(p, _)| p.to_string()).collect();
    assert_eq!(got, labels);
    assert_eq!(combined.len(), 41 * 11);
    let s = scale(&impch);
    let num = |v: &str| (!v.is_empty()).then(|| v.parse::<f64>().expect("number"));
    let ytd = impch.ytd_sum();
    let from_ytd = JanFebSeries::from_ytd(&ytd);
    let yoy = combined.yoy();
    for (i, ((v, y), f)) in t
        .fields("value")
        .zip(t.fields("yoy"))
        .zip(t.fields("from_ytd"))
        .enumerate()
    {
        let close = |g: Option<f64>, w: Option<f64>, scale: f64| match (g, w) {
            (None, None) => true,
            (Some(g), Some(w)) => (g - w).abs() <= TOL * scale,
            _ => false,
        };
        let c = combined.values().nth(i).flatten();
        let r = yoy.values().nth(i).flatten().map(|p| p.get());
        let z = from_ytd.values().nth(i).flatten();
        assert!(close(c, num(v), s), "{}: {c:?} vs {v}", labels[i]);
        assert!(close(r, num(y), 100.0), "{}: {r:?} vs {y}", labels[i]);
        assert!(close(z, num(f), s), "{}: {z:?} vs {f}", labels[i]);
    }
    // When January and February are both published year to date, the single
    // months come back exactly (Series::from_ytd).
    let back = ytd.from_ytd();
    for (p, v) in impch.observations() {
        let g = back.get(p).expect("present");
        assert!((g - v).abs() <= 1e-9 * s, "{p}");
    }
    // 2025: January–February imports from China, against a year earlier.
    let jf = econseries::seasonal::JanFebPeriod::jan_feb(2025).expect("period");
    let change = yoy.get(jf).expect("present").get();
    let (j24, f24, j25, f25) = (
        impch.get(Month::new(2024, 1).expect("m")).expect("v"),
        impch.get(Month::new(2024, 2).expect("m")).expect("v"),
        impch.get(Month::new(2025, 1).expect("m")).expect("v"),
        impch.get(Month::new(2025, 2).expect("m")).expect("v"),
    );
    assert!((change - ((j25 + f25) / (j24 + f24) - 1.0) * 100.0).abs() < 1e-9);
}

mod properties {
    //! No panic and no non-finite number on any input, and the identities
    //! every decomposition keeps. Inputs are synthetic (proptest).

    use econseries::seasonal::Stl;

    pub(super) fn hp_trend(x: &[f64], lambda: f64) -> econseries::Result<Vec<f64>> {
        econseries::seasonal::HpFilter::new()
            .lambda(lambda)
            .trend_slice(x)
    }
    pub(super) fn hp_trend_one_sided(x: &[f64], lambda: f64) -> econseries::Result<Vec<f64>> {
        econseries::seasonal::HpFilter::new()
            .lambda(lambda)
            .one_sided()
            .trend_slice(x)
    }
    pub(super) fn hamilton_cycle(x: &[f64], h: usize, p: usize) -> econseries::Result<Vec<f64>> {
        econseries::seasonal::Hamilton::new()
            .horizon(h)
            .lags(p)
            .cycle_slice(x)
    }

    use proptest::prelude::*;

    fn values(max: usize) -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec(-1e6f64..1e6, 0..max)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any settings on any series: an error, or finite components that
        /// add back up to the data.
        #[test]
        fn stl_is_total(
            y in values(90),
            period in 2usize..14,
            seasonal in 1usize..16,
            degrees in (0u8..3, 0u8..2, 0u8..2),
            jumps in (0usize..4, 1usize..5, 1usize..4),
            robust in any::<bool>(),
        ) {
            let stl = Stl::new()
                .period(period)
                .seasonal(seasonal)
                .degrees(degrees.0, degrees.1, degrees.2)
                .jumps(jumps.0, jumps.1, jumps.2)
                .robust(robust);
            if let Ok(c) = stl.fit_slice(&y) {
                for (i, &v) in y.iter().enumerate() {
                    let parts = [c.trend()[i], c.seasonal()[i], c.remainder()[i]];
                    prop_assert!(parts.iter().all(|p| p.is_finite()));
                    let sum = parts[0] + parts[1] + parts[2];
                    prop_assert!((sum - v).abs() <= 1e-6 * v.abs().max(1.0));
                }
                prop_assert!(c.weights().iter().all(|w| (0.0..=1.0).contains(w)));
            }
        }

        /// The HP filters are finite, keep a straight line, and the one-sided
        /// trend ends where the two-sided one does.
        #[test]
        fn hp_is_total(y in values(60), lambda in 0.0f64..1e7, a in -100.0f64..100.0, b in -5.0f64..5.0) {
            let two = hp_trend(&y, lambda).expect("valid lambda");
            let one = hp_trend_one_sided(&y, lambda).expect("valid lambda");
            prop_assert!(two.iter().chain(&one).all(|v| v.is_finite()));
            if let (Some(t), Some(o)) = (two.last(), one.last()) {
                // Equal in exact arithmetic; in floating point the error grows
                // with the data's scale times the condition number of
                // I + λK'K (at most 1 + 16λ), not with the trend's own value,
                // which can be near 0 by cancellation.
                let scale = y.iter().fold(0.0f64, |m, v| m.max(v.abs()));
                let tol = 1e-6 * t.abs().max(1.0) + 4.0 * f64::EPSILON * (1.0 + 16.0 * lambda) * scale;
                prop_assert!((t - o).abs() <= tol, "{} vs {}", t, o);
            }
            let line: Vec<f64> = (0..y.len()).map(|i| a + b * i as f64).collect();
            for (t, x) in hp_trend(&line, lambda).expect("valid").iter().zip(&line) {
                prop_assert!((t - x).abs() <= 1e-6 * x.abs().max(1.0));
            }
        }

        #[test]
        fn hamilton_is_total(y in values(60), h in 0usize..10, p in 0usize..6) {
            if let Ok(c) = hamilton_cycle(&y, h, p) {
                prop_assert_eq!(c.len(), y.len() + 1 - h - p);
                prop_assert!(c.iter().all(|v| v.is_finite()));
            }
        }
    }
}

/// Source: exact rational solves (Python `fractions`) of the two-sided system
/// and of every prefix for the one-sided filter,
/// `tests/fixtures/seasonal/hp_exact.py`: real series from `data/` and
/// synthetic ones, n from 3 to 200, λ from 1 to 1e16. Tolerance 1e-9 of the
/// series' scale (largest |x|, at least 1) at every λ; the table of the largest
/// errors by λ is printed (`--nocapture`).
#[test]
fn hp_matches_exact_rational_solves_for_every_lambda() {
    use self::properties::{hp_trend, hp_trend_one_sided};
    use std::collections::BTreeMap;
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/seasonal/hp_exact.csv"),
    )
    .expect("fixture");
    // (case, λ) -> (x, trend, one-sided trend)
    type Rows = (Vec<f64>, Vec<f64>, Vec<Option<f64>>);
    let mut cases: BTreeMap<(String, u64), Rows> = BTreeMap::new();
    let num = |s: &str| s.parse::<f64>().expect("number");
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [case, lambda, _, x, trend, one] = f[..] else {
            panic!("bad row {line}")
        };
        let e = cases
            .entry((case.to_owned(), num(lambda).to_bits()))
            .or_default();
        e.0.push(num(x));
        e.1.push(num(trend));
        e.2.push((!one.is_empty()).then(|| num(one)));
    }
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let mut worst: BTreeMap<u64, (f64, f64)> = BTreeMap::new();
    for ((case, lambda), (x, want, want_one)) in &cases {
        let lambda = f64::from_bits(*lambda);
        let scale = x.iter().map(|v| v.abs()).fold(1.0, f64::max);
        let two = hp_trend(x, lambda).unwrap_or_else(|e| panic!("{case} λ={lambda}: {e}"));
        let one =
            hp_trend_one_sided(x, lambda).unwrap_or_else(|e| panic!("{case} λ={lambda}: {e}"));
        let e2 = two
            .iter()
            .zip(want)
            .map(|(g, w)| (g - w).abs() / scale)
            .fold(0.0, f64::max);
        let e1 = one
            .iter()
            .zip(want_one)
            .filter_map(|(g, w)| w.map(|w| (g - w).abs() / scale))
            .fold(0.0, f64::max);
        let slot = worst.entry(lambda.to_bits()).or_default();
        slot.0 = slot.0.max(e2);
        slot.1 = slot.1.max(e1);
        assert!(
            e2 <= 1e-9,
            "{case} λ={lambda}: two-sided error {e2:.2e} of the scale"
        );
        assert!(
            e1 <= 1e-9,
            "{case} λ={lambda}: one-sided error {e1:.2e} of the scale"
        );
    }
    eprintln!("λ | two-sided | one-sided (largest error / scale)");
    for (lambda, (e2, e1)) in &worst {
        eprintln!("{:e} | {e2:.2e} | {e1:.2e}", f64::from_bits(*lambda));
    }
}
