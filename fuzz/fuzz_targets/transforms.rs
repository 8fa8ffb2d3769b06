//! Every FRED transform, rolling windows, year-to-date, rebasing, deflating
//! and frequency conversion fed arbitrary values (finite, extreme, missing;
//! non-finite ones must be refused by the constructor): outputs are finite or
//! missing, never longer than the input, never a panic.
#![no_main]

use econseries::{Aggregation, Month, Period, Quarter, Series, Units, Value, Within, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

use common::assert_finite;

const METHODS: [Aggregation; 6] = [
    Aggregation::Mean,
    Aggregation::Sum,
    Aggregation::First,
    Aggregation::Last,
    Aggregation::Min,
    Aggregation::Max,
];

fn same_span<P: Period, V: Value>(what: &str, a: &Series<P>, b: &Series<P, V>) {
    assert_eq!(
        (a.start(), a.len()),
        (b.start(), b.len()),
        "{what} changed the span"
    );
    assert_finite(what, b);
}

fn run<P: Period>(s: &Series<P>, k: usize, selector: u8) {
    for u in Units::ALL {
        let out = s.units(u);
        same_span(u.code(), s, &out);
        if let Ok(strict) = s.units_strict(u) {
            // The strict form starts after the first lag and has every value.
            assert_eq!(
                strict,
                out.slice(strict.start()..),
                "strict {} disagrees",
                u.code()
            );
            assert_eq!(strict.count(), strict.len());
        }
    }
    same_span("pc1", s, &s.pc1());
    same_span("pca", s, &s.pca());
    same_span("cca", s, &s.cca());
    for k in [k, 1, P::PER_YEAR as usize] {
        if let Ok(r) = s.rolling_mean(k) {
            same_span("rolling_mean", s, &r);
        }
        if let Ok(r) = s.rolling_sum(k) {
            same_span("rolling_sum", s, &r);
        }
        if let Ok(r) = s.rolling_mean_strict(k) {
            assert_finite("rolling_mean_strict", &r);
        }
        if let Ok(r) = s.rolling_sum_strict(k) {
            assert_finite("rolling_sum_strict", &r);
        }
    }
    same_span("ytd_sum", s, &s.ytd_sum());
    same_span("ytd_yoy", s, &s.ytd_yoy());
    same_span("from_ytd", s, &s.from_ytd());
    if let Ok(r) = s.ytd_sum_strict() {
        assert_finite("ytd_sum_strict", &r);
    }
    if let (Some(first), Some(last)) = (s.first_valid(), s.last_valid()) {
        let base = s
            .iter()
            .nth(usize::from(selector) % s.len().max(1))
            .map_or(first, |(p, _)| p);
        if let Ok(r) = s.rebase_to_period(base) {
            same_span("rebase_to_period", s, &r);
        }
        if let Ok(r) = s.rebase_to_year(base.year()) {
            same_span("rebase_to_year", s, &r);
        }
        if let Ok(g) = s.cagr(first, last) {
            assert!(g.get().is_finite());
        }
        // Deflating by the series itself, and by its reverse.
        assert_finite("deflate", &s.deflate(s));
        let mut reversed: Vec<Option<f64>> = s.values().collect();
        reversed.reverse();
        if let Ok(r) = Series::from_options(s.start(), reversed) {
            assert_finite("deflate", &s.deflate(&r));
        }
    }
}

fn aggregate<P: Period + Within<C>, C: Period>(s: &Series<P>) {
    for m in METHODS {
        let a: Series<C> = s.aggregate(m);
        assert_finite(m.name(), &a);
        for n in 0..=P::PER_PARENT + 1 {
            match s.aggregate_with::<C>(m, n) {
                Ok(a) => assert_finite(m.name(), &a),
                Err(_) => assert!(n == 0 || n > P::PER_PARENT),
            }
        }
    }
    let counts: Series<C> = s.aggregate_count();
    assert_finite("aggregate_count", &counts);
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Some((&k, rest)) = rest.split_first() else {
        return;
    };
    let values = common::values(rest);
    let k = usize::from(k % 30);
    match selector % 3 {
        0 => {
            let s = common::finite_series(
                Month::new(1990, 1 + u32::from(selector % 12)).unwrap_or(Month::MIN),
                &values,
            );
            run(&s, k, selector);
            aggregate::<Month, Quarter>(&s);
            aggregate::<Month, Year>(&s);
        }
        1 => {
            let s = common::finite_series(
                Quarter::new(1990, 1 + u32::from(selector % 4)).unwrap_or(Quarter::MIN),
                &values,
            );
            run(&s, k, selector);
            aggregate::<Quarter, Year>(&s);
        }
        _ => {
            let s = common::finite_series(Year::new(1900).unwrap_or(Year::MIN), &values);
            run(&s, k, selector);
        }
    }
});
