//! STL, classical decomposition, the HP filter (two- and one-sided) and
//! Hamilton's filter fed arbitrary values: a typed error or components that
//! are finite or missing, on the input's span; the slice functions return
//! finite numbers or an error.
#![no_main]

use econseries::seasonal::{Classical, Hamilton, HpFilter, Missing, Model, Stl};
use econseries::{Month, Period, Quarter, Series, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

use common::assert_finite;

fn run<P: Period>(s: &Series<P>, selector: u8, params: [u8; 8]) {
    let missing = if selector & 8 == 0 {
        Missing::Reject
    } else {
        Missing::Interpolate
    };
    let model = if selector & 16 == 0 {
        Model::Additive
    } else {
        Model::Multiplicative
    };
    let stl = Stl::new()
        .robust(selector & 32 != 0)
        .model(model)
        .missing(missing);
    let stl = if selector & 64 != 0 {
        stl.seasonal(13).period(P::PER_YEAR.max(2) as usize)
    } else {
        stl
    };
    for stl in [stl, stl_from(params)] {
        if let Ok(d) = stl.fit(s) {
            for c in [
                d.observed(),
                d.trend(),
                d.seasonal(),
                d.remainder(),
                &d.adjusted(),
            ] {
                assert_eq!((c.start(), c.len()), (s.start(), s.len()));
                assert_finite("stl", c);
            }
            assert!(d.seasonal_strength().is_finite() && d.trend_strength().is_finite());
        }
    }
    if let Ok(d) = Classical::new().model(model).missing(missing).fit(s) {
        for c in [d.trend(), d.seasonal(), d.remainder(), &d.adjusted()] {
            assert_eq!((c.start(), c.len()), (s.start(), s.len()));
            assert_finite("classical", c);
        }
    }
    for hp in [
        HpFilter::new(),
        HpFilter::new().one_sided(),
        HpFilter::new().lambda(f64::from(selector) * 1e3),
    ] {
        if let Ok(tc) = hp.missing(missing).apply(s) {
            assert_finite("hp trend", tc.trend());
            assert_finite("hp cycle", tc.cycle());
        }
    }
    if let Ok(tc) = Hamilton::new().missing(missing).apply(s) {
        assert_finite("hamilton trend", tc.trend());
        assert_finite("hamilton cycle", tc.cycle());
    }
}

/// Every STL setting from eight bytes: period, the three lengths (0 for the
/// default; even and tiny ones are invalid and must be refused), jumps,
/// degrees and iteration counts.
fn stl_from(p: [u8; 8]) -> Stl {
    let len = |b: u8| usize::from(b % 40);
    let mut stl = Stl::new()
        .period(usize::from(p[0] % 30))
        .seasonal(len(p[1]))
        .jumps(
            1 + usize::from(p[4] % 4),
            1 + usize::from(p[4] / 4 % 4),
            1 + usize::from(p[4] / 16 % 4),
        )
        .degrees(p[5] % 3, p[5] / 3 % 3, p[5] / 9 % 3)
        .iterations(usize::from(p[6] % 4), usize::from(p[6] / 4 % 4))
        .robust(p[7] & 1 == 1);
    if p[2] != 0 {
        stl = stl.trend(len(p[2]));
    }
    if p[3] != 0 {
        stl = stl.low_pass(len(p[3]));
    }
    stl
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Some((&params, rest)) = rest.split_first_chunk::<8>() else {
        return;
    };
    let values = common::values(rest);
    // The slice APIs take any numbers, non-finite ones included.
    let raw: Vec<f64> = values.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
    let lambda = [1600.0, 0.0, -1.0, f64::NAN, 1e300][usize::from(selector) % 5];
    for f in [
        HpFilter::new().lambda(lambda),
        HpFilter::new().lambda(lambda).one_sided(),
    ] {
        if let Ok(t) = f.trend_slice(&raw) {
            assert!(t.iter().all(|x| x.is_finite()), "hp on a slice: {t:?}");
        }
    }
    let (h, p) = (usize::from(selector % 9), usize::from(selector % 5));
    if let Ok(c) = Hamilton::new().horizon(h).lags(p).cycle_slice(&raw) {
        assert_eq!(c.len(), raw.len() + 1 - h - p);
        assert!(c.iter().all(|x| x.is_finite()));
    }
    if let Ok(c) = stl_from(params).fit_slice(&raw) {
        assert_eq!(c.trend().len(), raw.len());
        assert!(
            c.trend()
                .iter()
                .chain(c.seasonal())
                .chain(c.remainder())
                .all(|x| x.is_finite()),
            "stl on a slice"
        );
    }
    match selector % 3 {
        0 => run(
            &common::finite_series(Month::new(1990, 1).unwrap_or(Month::MIN), &values),
            selector,
            params,
        ),
        1 => run(
            &common::finite_series(Quarter::new(1990, 1).unwrap_or(Quarter::MIN), &values),
            selector,
            params,
        ),
        _ => run(
            &common::finite_series(Year::new(1900).unwrap_or(Year::MIN), &values),
            selector,
            params,
        ),
    }
});
