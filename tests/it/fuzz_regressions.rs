//! Every input on which a fuzz target (`fuzz/`, see its README) failed, kept
//! inline with the invariant it broke. Each test names the target and the
//! artifact; the bytes are the artifact's, decoded as the target decodes them.

use econseries::detect::{Bbq, BryBoschan};
use econseries::seasonal::{HpFilter, Missing, Stl, hamilton_cycle, hp_trend, hp_trend_one_sided};
use econseries::{Error, Month, Period, Quarter, Series, Units, Year};

/// The value decoding of `fuzz/fuzz_targets/common.rs` (`values`), kept in
/// step with it: the first byte picks raw `f64` bits, small integers or
/// hundredths.
fn fuzz_values(data: &[u8]) -> Vec<Option<f64>> {
    let Some((&mode, rest)) = data.split_first() else {
        return Vec::new();
    };
    match mode % 3 {
        0 => rest
            .chunks_exact(8)
            .map(|c| {
                let b: [u8; 8] = c.try_into().expect("eight bytes");
                (c[0] != 0xff).then(|| f64::from_le_bytes(b))
            })
            .collect(),
        1 => rest
            .iter()
            .map(|&b| {
                let x = b as i8;
                (x != i8::MIN).then_some(f64::from(x))
            })
            .collect(),
        _ => rest
            .chunks_exact(2)
            .map(|c| {
                let x = i16::from_le_bytes([c[0], c[1]]);
                (x != i16::MIN).then(|| f64::from(x) / 100.0)
            })
            .collect(),
    }
}

/// Target `detect`, artifact `crash-734307a4fc3250168d6d8c57b2980e49aedd63ef`:
/// Bry-Boschan's refinement moved a turn past its neighbour, and the cycle
/// rule then subtracted a later position from an earlier one (an overflow
/// panic in debug builds, a wrapped length in release).
#[test]
fn bry_boschan_turns_stay_in_time_order() {
    let data = [
        0x80, 0x31, 0x37, 0xff, 0xff, 0xff, 0x33, 0x00, 0x1c, 0x29, 0x01, 0xb8, 0x1f, 0xd0, 0x01,
        0x23, 0x23, 0x01, 0xad, 0x31, 0x7c, 0x23, 0x90, 0x23, 0xb8, 0x00, 0x1d, 0x29, 0xca, 0x29,
        0xca, 0x7c,
    ];
    let (&selector, rest) = data.split_first().expect("non-empty");
    assert_eq!(
        selector % 3,
        2,
        "the target read this input as an annual series"
    );
    let values = fuzz_values(rest);
    let s = Series::from_options(Year::new(1900).expect("valid"), values).expect("finite");
    for turns in [BryBoschan::default().date(&s), Bbq::default().date(&s)]
        .into_iter()
        .flatten()
    {
        assert!(
            turns
                .windows(2)
                .all(|w| w[0].period < w[1].period && w[0].turn != w[1].turn),
            "{turns:?}"
        );
        assert!(turns.iter().all(|t| s.contains(t.period)));
    }
    // The same values as a monthly series (the detector's main use).
    let m = Series::from_options(
        Month::new(1990, 1).expect("valid"),
        s.values().collect::<Vec<_>>(),
    )
    .expect("finite");
    if let Ok(turns) = BryBoschan::default().date(&m) {
        assert!(turns.windows(2).all(|w| w[0].period < w[1].period));
    }
}

/// Target `seasonal`, artifact `crash-79b761aef28e74930dece254157fbbe75d6d4f3b`:
/// the HP filter with λ = 1e300 on three small values returned NaN (the
/// banded factorisation overflows) instead of an error.
#[test]
fn hp_filter_overflow_is_an_error_not_nan() {
    let data = [0x27, 0x01, 0x00, 0x26, 0x26];
    let (&selector, rest) = data.split_first().expect("non-empty");
    let lambda = [1600.0, 0.0, -1.0, f64::NAN, 1e300][usize::from(selector) % 5];
    let raw: Vec<f64> = fuzz_values(rest)
        .into_iter()
        .map(|v| v.unwrap_or(f64::NAN))
        .collect();
    assert_eq!(raw, [0.0, 38.0, 38.0]);
    assert!(matches!(
        hp_trend(&raw, lambda),
        Err(Error::Overflow { .. })
    ));
    // The one-sided filter stays finite here (its gain tends to 0); whatever
    // it returns is finite or an error.
    if let Ok(t) = hp_trend_one_sided(&raw, lambda) {
        assert!(t.iter().all(|v| v.is_finite()));
    }
    let s = Series::from_values(Quarter::new(2000, 1).expect("valid"), raw).expect("finite");
    assert!(matches!(
        HpFilter::new().lambda(lambda).apply(&s),
        Err(Error::Overflow { .. })
    ));
}

/// Target `transforms`, artifact `crash-af2198a987baf6a2ea0162b3d20aa8d01b47883e`:
/// a false alarm of the target, kept for the law it now checks: a strict
/// transform equals the lenient one from its first defined period on, with
/// every value present.
#[test]
fn strict_units_equal_lenient_units_after_the_lag() {
    let data = [0x02u8, 0x29, 0x2b, 0x2b, 0x0a, 0x00];
    let (&selector, rest) = data.split_first().expect("non-empty");
    let (_, rest) = rest.split_first().expect("window byte");
    assert_eq!(selector % 3, 2, "an annual series");
    let s =
        Series::from_options(Year::new(1900).expect("valid"), fuzz_values(rest)).expect("finite");
    for u in Units::ALL {
        let lenient = s.units(u);
        if let Ok(strict) = s.units_strict(u) {
            assert_eq!(strict, lenient.slice(strict.start()..), "{}", u.code());
            assert_eq!(strict.count(), strict.len());
            assert_eq!(
                strict.start().periods_since(s.start()),
                u.lag(Year::FREQUENCY) as i32
            );
        }
    }
}

/// Target `seasonal`, artifact `crash-f6e0ee3891c3f96565d1d8689ea7e77c6847c213`:
/// robust STL on four annual values near 1e21 and −1e276 gave a seasonal
/// strength of NaN (the variances overflowed); the strengths are ratios of
/// variances, now computed on values scaled to at most 1.
#[test]
fn seasonal_strength_of_huge_values_is_finite() {
    let data: [u8; 42] = [
        0xec, 0x00, 0x0b, 0xf2, 0x6b, 0x07, 0xbf, 0xfe, 0xff, 0xc9, 0xf9, 0x55, 0x03, 0x21, 0x00,
        0x00, 0xf7, 0xf9, 0x6b, 0xf5, 0x08, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44,
        0x46, 0x44, 0x44, 0x44, 0x44, 0x00, 0x00, 0x00, 0x00, 0x44, 0x44, 0x44,
    ];
    let (&selector, rest) = data.split_first().expect("non-empty");
    let (_params, rest) = rest
        .split_first_chunk::<8>()
        .expect("eight parameter bytes");
    assert_eq!(selector % 3, 2, "an annual series");
    let values: Vec<Option<f64>> = fuzz_values(rest)
        .into_iter()
        .map(|v| v.filter(|x| x.is_finite()))
        .collect();
    assert_eq!(values.len(), 4);
    let s = Series::from_options(Year::new(1900).expect("valid"), values).expect("finite");
    let stl = Stl::new()
        .robust(true)
        .missing(Missing::Interpolate)
        .seasonal(13)
        .period(2);
    match stl.fit(&s) {
        Ok(d) => {
            assert!((0.0..=1.0).contains(&d.seasonal_strength()));
            assert!((0.0..=1.0).contains(&d.trend_strength()));
        }
        Err(e) => assert!(
            matches!(e, Error::Overflow { .. } | Error::Undefined { .. }),
            "{e}"
        ),
    }
    // The same law on plain huge values.
    let big = Series::from_values(
        Year::new(1900).expect("valid"),
        [1e300, -1e300, 2e300, -2e300, 1e300, -1e300],
    )
    .expect("finite");
    let d = Stl::new().period(2).fit(&big).expect("a fit");
    assert!((0.0..=1.0).contains(&d.seasonal_strength()));
    assert!((0.0..=1.0).contains(&d.trend_strength()));
}

/// Target `seasonal`, artifact `crash-366e91fb54ee11997b34b605c7483b8179b34cc9`:
/// a false alarm of the target, kept for the law it now checks: Hamilton's
/// cycle has one value for every period from `h + p − 1` on.
#[test]
fn hamilton_cycle_length() {
    let x: Vec<f64> = (0..40).map(|i| f64::from(i % 7)).collect();
    for (h, p) in [(1, 1), (8, 4), (3, 2)] {
        let c = hamilton_cycle(&x, h, p).expect("long enough");
        assert_eq!(c.len(), x.len() + 1 - h - p);
        assert!(c.iter().all(|v| v.is_finite()));
    }
    assert!(matches!(
        hamilton_cycle(&x, usize::MAX, usize::MAX),
        Err(Error::TooShort { .. })
    ));
}
