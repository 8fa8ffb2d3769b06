//! The headline detectors (records, streaks, crossings, contractions,
//! technical recessions, the Sahm rule, turning points, robust anomalies)
//! and the headline sentences fed arbitrary values: no panic, every reported
//! value finite, every reported period inside the series.
#![no_main]

use econseries::detect::{
    Bbq, BryBoschan, Extreme, RobustZ, Sahm, StreakBasis, contractions, crossings, record_at,
    records, streak_at, streaks, technical_recessions,
};
use econseries::indicator::{MeasureKind, Metadata, Neutral};
use econseries::narrate::{Basis, Headline};
use econseries::{Indicator, Month, Period, Quarter, Series, Year};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn inside<P: Period>(s: &Series<P>, p: P) {
    assert!(s.contains(p), "period {p} outside the series");
}

fn run<P: Period>(s: &Series<P>, selector: u8) {
    for extreme in [Extreme::Low, Extreme::High] {
        for r in records(s, extreme) {
            inside(s, r.period);
            assert!(r.since.is_none_or(|p| p < r.period));
            assert!(r.value.is_finite());
            let at = record_at(s, extreme, r.period);
            assert_eq!(at.map(|a| a.since), Some(r.since));
            assert!(r.event(s, extreme).value.is_finite());
        }
    }
    for basis in [StreakBasis::Change, StreakBasis::Sign] {
        for st in streaks(s, basis) {
            inside(s, st.start);
            assert!(st.event(s).value.is_finite());
        }
        for (p, _) in s.iter() {
            if let Some(st) = streak_at(s, basis, p) {
                assert!(st.start <= p);
                assert!(st.length >= 1);
            }
        }
    }
    let threshold = s
        .observations()
        .map(|(_, v)| v)
        .nth(usize::from(selector))
        .unwrap_or(0.0);
    if let Ok(cs) = crossings(s, threshold) {
        for c in cs {
            inside(s, c.period);
            assert!(c.event().value.is_finite());
        }
    }
    for c in contractions(s) {
        inside(s, c.period);
        assert!(c.event().value.is_finite());
    }
    for r in technical_recessions(s) {
        assert!(r.event(s).value.is_finite());
    }
    if let Ok(tps) = Bbq::default().date(s) {
        for t in &tps {
            inside(s, t.period);
            assert!(t.value.is_finite());
        }
        assert!(
            tps.windows(2)
                .all(|w| w[0].period < w[1].period && w[0].turn != w[1].turn)
        );
    }
    if let Ok(tps) = BryBoschan::default().date(s) {
        for t in &tps {
            inside(s, t.period);
            assert!(t.value.is_finite());
        }
        assert!(
            tps.windows(2)
                .all(|w| w[0].period < w[1].period && w[0].turn != w[1].turn)
        );
    }
    if let Ok(rule) = RobustZ::new(1 + usize::from(selector % 24)) {
        common::assert_finite("robust z", &rule.scores(s));
        for a in rule.anomalies(s) {
            inside(s, a.period);
            assert!(a.event().value.is_finite());
        }
    }
    // Headline sentences on every kind and basis, at the last period.
    let kinds = [
        MeasureKind::Flow,
        MeasureKind::Stock,
        MeasureKind::Balance,
        MeasureKind::Rate,
        MeasureKind::Index {
            neutral: Neutral::Diffusion50,
        },
    ];
    let kind = kinds[usize::from(selector) % kinds.len()];
    if let (Some(end), Ok(ind)) = (
        s.end(),
        Indicator::new(s.clone(), Metadata::new("x", "US"), kind),
    ) {
        for basis in [
            Basis::YearOnYear,
            Basis::AnnualRate,
            Basis::PeriodOnPeriod,
            Basis::Level,
        ] {
            if let Ok(sentences) = Headline::new(basis).sentences(&ind, end) {
                for line in sentences {
                    assert!(!line.contains("NaN") && !line.contains("inf"), "{line}");
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let values = common::values(rest);
    match selector % 3 {
        0 => {
            let s = common::finite_series(
                Month::new(1990, 1 + u32::from(selector % 12)).unwrap_or(Month::MIN),
                &values,
            );
            run(&s, selector);
            for rule in [Sahm::new(), Sahm::new().strict()] {
                for r in rule.compute(&s) {
                    assert!(
                        r.value.is_none_or(|v| v.get().is_finite())
                            && r.ma3.is_none_or(f64::is_finite)
                    );
                    let _ = r.event();
                }
                common::assert_finite("sahm", &rule.series(&s));
            }
        }
        1 => {
            let s = common::finite_series(
                Quarter::new(1990, 1 + u32::from(selector % 4)).unwrap_or(Quarter::MIN),
                &values,
            );
            run(&s, selector);
        }
        _ => {
            let s = common::finite_series(Year::new(1900).unwrap_or(Year::MIN), &values);
            run(&s, selector);
        }
    }
});
