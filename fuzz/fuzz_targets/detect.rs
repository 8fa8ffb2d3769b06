//! The headline detectors (records, streaks, crossings, contractions,
//! technical recessions, the Sahm rule, turning points, robust anomalies)
//! and the headline sentences fed arbitrary values: no panic, every reported
//! value finite, every reported period inside the series.
#![no_main]

use econseries::changepoint::{ChangePoints, Cost, Cusum, Missing, Noise, OnlineChanges, Penalty};
use econseries::detect::{
    AnyDetector, Bbq, BryBoschan, Crossings, Declines, Detector, EventKind, Records, RobustZ, Sahm,
    Streaks, TechnicalRecessions,
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
    let threshold = s
        .observations()
        .map(|(_, v)| v)
        .nth(usize::from(selector))
        .unwrap_or(0.0);
    let mut detectors: Vec<Box<dyn AnyDetector>> = vec![
        Box::new(Records::low()),
        Box::new(Records::high()),
        Box::new(Streaks::changes()),
        Box::new(Streaks::signs()),
        Box::new(Declines),
        Box::new(TechnicalRecessions),
        Box::new(Sahm::new()),
        Box::new(Bbq::default()),
        Box::new(BryBoschan::default()),
        Box::new(
            ChangePoints::new(Cost::Mean)
                .penalty(Penalty::Manual(1.0 + f64::from(selector)))
                .missing(Missing::Skip),
        ),
        Box::new(Cusum::new().noise(Noise::Sigma(1.0))),
    ];
    if let Ok(c) = Crossings::new(threshold) {
        detectors.push(Box::new(c));
    }
    if let Ok(rule) = RobustZ::new(1 + usize::from(selector % 24)) {
        common::assert_finite("robust z", &rule.scores(s));
        detectors.push(Box::new(rule));
    }
    if let Ok(o) = OnlineChanges::new(2.0 + f64::from(selector)) {
        detectors.push(Box::new(o));
    }
    for d in &detectors {
        for events in [
            d.detect(s),
            d.detect(&s.clone().into_unit::<econseries::Percent>()),
        ]
        .into_iter()
        .flatten()
        {
            for e in &events {
                inside(s, e.period);
                assert!(e.value.is_finite(), "{e:?}");
                if let Some(p) = e.compared_with {
                    assert!(p <= e.period, "{e:?}");
                }
            }
            assert!(events.windows(2).all(|w| w[0].period <= w[1].period));
            let turns: Vec<_> = events
                .iter()
                .filter(|e| matches!(e.kind, EventKind::Peak | EventKind::Trough))
                .collect();
            assert!(turns.windows(2).all(|w| w[0].kind != w[1].kind));
        }
    }
    // The one-period verb agrees with the whole run.
    for (p, _) in s.iter().take(8) {
        for d in [Records::low(), Records::high()] {
            let mut all = d.detect(s).unwrap_or_default();
            all.retain(|e| e.period == p);
            assert_eq!(d.detect_at(s, p).unwrap_or_default(), all);
        }
        for d in [Streaks::changes(), Streaks::signs()] {
            let mut all = d.detect(s).unwrap_or_default();
            all.retain(|e| e.period == p);
            assert_eq!(d.detect_at(s, p).unwrap_or_default(), all);
        }
    }
    // Headline sentences on every kind and basis, at the last period.
    let kinds = [
        MeasureKind::Output,
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
                let series = rule.series(&s);
                common::assert_finite("sahm", &series);
                // One event per reading, valued at it.
                let events = rule.detect(&s).unwrap_or_default();
                assert_eq!(events.len(), series.count());
                assert!(
                    events
                        .iter()
                        .all(|e| series.get(e.period).map(|v| v.get()) == Some(e.value))
                );
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
