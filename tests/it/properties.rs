//! Property tests for the laws the core promises: period arithmetic, text round
//! trips, series construction, and levels rebuilt from their growth rates.

use econseries::{Month, Period, Quarter, Series, Within, Year};
use proptest::prelude::*;

fn month() -> impl Strategy<Value = Month> {
    (1i32..=9999, 1u32..=12).prop_map(|(y, m)| Month::new(y, m).expect("valid"))
}

fn quarter() -> impl Strategy<Value = Quarter> {
    (1i32..=9999, 1u32..=4).prop_map(|(y, q)| Quarter::new(y, q).expect("valid"))
}

fn year() -> impl Strategy<Value = Year> {
    (1i32..=9999).prop_map(|y| Year::new(y).expect("valid"))
}

/// The laws every period type obeys.
fn period_laws<P: Period>(p: P, n: i64) -> Result<(), TestCaseError> {
    // Text round trips, canonical and FRED date form.
    prop_assert_eq!(p.to_string().parse::<P>().ok(), Some(p));
    prop_assert_eq!(p.first_day().to_string().parse::<P>().ok(), Some(p));
    prop_assert_eq!(P::from_index(p.index().into()).ok(), Some(p));
    // Days.
    prop_assert!(p.first_day() <= p.last_day());
    prop_assert_eq!(P::containing(p.first_day()).ok(), Some(p));
    prop_assert_eq!(P::containing(p.last_day()).ok(), Some(p));
    if let Ok(next) = p.checked_add(1) {
        prop_assert_eq!(p.last_day().succ_opt(), Some(next.first_day()));
        prop_assert!(next > p);
    }
    // Arithmetic: add then subtract is the identity whenever it is in range,
    // and the distance is what was added.
    match p.checked_add(n) {
        Ok(q) => {
            prop_assert_eq!(q.checked_sub(n).ok(), Some(p));
            prop_assert_eq!(i64::from(q.periods_since(p)), n);
            prop_assert_eq!(n.signum(), i64::from((q.cmp(&p)) as i8));
        }
        Err(_) => {
            let target = i64::from(p.index()) + n;
            prop_assert!(target < i64::from(P::MIN.index()) || target > i64::from(P::MAX.index()));
        }
    }
    Ok(())
}

/// The laws of nesting a finer period type in a coarser one.
fn nesting_laws<P: Within<C>, C: Period>(p: P) -> Result<(), TestCaseError> {
    let c: C = p.coarsen();
    prop_assert!(c.first_day() <= p.first_day() && p.last_day() <= c.last_day());
    let first = P::first_in(c);
    prop_assert_eq!(first.first_day(), c.first_day());
    let k = p.periods_since(first);
    prop_assert!((0..P::PER_PARENT as i32).contains(&k));
    Ok(())
}

proptest! {
    #[test]
    fn month_laws(p in month(), n in -200_000i64..200_000) {
        period_laws(p, n)?;
        nesting_laws::<Month, Quarter>(p)?;
        nesting_laws::<Month, Year>(p)?;
    }

    #[test]
    fn quarter_laws(p in quarter(), n in -50_000i64..50_000) {
        period_laws(p, n)?;
        nesting_laws::<Quarter, Year>(p)?;
    }

    #[test]
    fn year_laws(p in year(), n in -12_000i64..12_000) {
        period_laws(p, n)?;
    }

    #[test]
    fn quarter_accepts_compact_form(p in quarter()) {
        let compact = format!("{:04}Q{}", p.year(), p.quarter());
        prop_assert_eq!(compact.parse::<Quarter>().ok(), Some(p));
    }

    #[test]
    fn garbage_never_panics(s in "\\PC{0,16}") {
        let _ = s.parse::<Month>();
        let _ = s.parse::<Quarter>();
        let _ = s.parse::<Year>();
    }

    /// Pairs in any order with some periods left out give the same series as
    /// the slots in order with those periods missing.
    #[test]
    fn from_pairs_is_order_free(
        start in (1900i32..2100, 1u32..=12),
        slots in prop::collection::vec(prop::option::of(-1e6f64..1e6), 1..200),
        seed in any::<u64>(),
    ) {
        let start = Month::new(start.0, start.1).expect("valid");
        let mut pairs: Vec<(Month, f64)> = slots
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (start + i as i32, v)))
            .collect();
        prop_assume!(!pairs.is_empty());
        // Deterministic shuffle.
        let mut state = seed | 1;
        for i in (1..pairs.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            pairs.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let built = Series::from_pairs(pairs).expect("no duplicates");
        let expected = Series::from_options(start, slots.iter().copied()).expect("finite").trim();
        prop_assert_eq!(built, expected);
    }

    /// Levels rebuilt from one-period and year-on-year percent changes, and from
    /// log changes, give back the levels.
    #[test]
    fn levels_from_growth_rates(levels in prop::collection::vec(0.5f64..1e6, 13..120)) {
        let start = Month::new(2000, 1).expect("valid");
        let s = Series::from_values(start, levels.iter().copied()).expect("finite");
        let pch = s.pch();
        let pc1 = s.pc1();
        let cch = s.cch();
        let chg = s.chg();
        for t in 1..levels.len() {
            let p = start + t as i32;
            let g = pch.get(p).expect("defined for positive levels").get();
            let rebuilt = levels[t - 1] * (1.0 + g / 100.0);
            prop_assert!((rebuilt - levels[t]).abs() <= 1e-9 * levels[t], "pch at {p}");
            let l = cch.get(p).expect("defined").get();
            let rebuilt = levels[t - 1] * (l / 100.0).exp();
            prop_assert!((rebuilt - levels[t]).abs() <= 1e-9 * levels[t], "cch at {p}");
            let d = chg.get(p).expect("defined");
            prop_assert!((levels[t - 1] + d - levels[t]).abs() <= 1e-9 * levels[t].max(1.0), "chg at {p}");
            if t >= 12 {
                let g = pc1.get(p).expect("defined").get();
                let rebuilt = levels[t - 12] * (1.0 + g / 100.0);
                prop_assert!((rebuilt - levels[t]).abs() <= 1e-9 * levels[t], "pc1 at {p}");
            } else {
                prop_assert!(pc1.get(p).is_none());
            }
        }
    }

    /// Single months recovered from a year-to-date series give back the months.
    #[test]
    fn from_ytd_inverts_ytd(levels in prop::collection::vec(-1e4f64..1e4, 1..60)) {
        let start = Month::new(2010, 1).expect("valid");
        let s = Series::from_values(start, levels.iter().copied()).expect("finite");
        let back = s.ytd_sum().from_ytd();
        for (p, v) in s.observations() {
            let got = back.get(p).expect("complete years from January");
            prop_assert!((got - v).abs() <= 1e-9 * v.abs().max(1.0));
        }
    }

    /// Transforms never produce non-finite values, whatever the input.
    #[test]
    fn transforms_stay_finite(slots in prop::collection::vec(prop::option::of(prop_oneof![
        Just(0.0), Just(-1.0), Just(1e308), Just(-1e308), Just(1e-308), -1e3f64..1e3
    ]), 0..60)) {
        let s = Series::from_options(Quarter::new(2000, 1).expect("valid"), slots).expect("finite");
        for u in econseries::Units::ALL {
            prop_assert!(s.units(u).values().flatten().all(f64::is_finite), "{u}");
        }
    }
}
