//! Technical recessions: two or more consecutive quarterly declines.

use super::declines::level_fell;
use super::detector::{Detector, bound_to_one_frequency};
use super::event::{Event, EventKind};
use crate::error::Result;
use crate::period::{Frequency, Quarter};
use crate::series::Series;
use crate::unit::Percent;

/// Technical recessions: two or more consecutive quarters of decline in a
/// quarterly level (real GDP), or of negative growth.
///
/// The rule of thumb of the press, not the NBER's definition: a missing
/// value ends a run, and a flat quarter is not a decline. It is a rule
/// about quarters, so only quarterly series are accepted (two monthly
/// declines of imports are not a recession):
/// `Detector<Quarter>` and `Detector<Quarter, Percent>`.
///
/// Every quarter from the second decline of a run on has an event, counting
/// the declines so far and compared with the run's first quarter; the
/// run's last event is the whole recession.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series};
/// use econseries::detect::{Detector, EventKind, TechnicalRecessions};
///
/// let q = Quarter::new(2008, 1)?;
/// let gdp = Series::from_values(q, [100.0, 100.5, 100.0, 99.0, 98.5, 99.0, 98.0])?;
/// let r = TechnicalRecessions.detect(&gdp)?;
/// // 2008-Q3..2009-Q1; the single decline in 2009-Q3 is not one.
/// assert_eq!(r.len(), 2);
/// assert_eq!((r[1].period, r[1].compared_with), (q + 4, Some(q + 2)));
/// assert_eq!(r[1].kind, EventKind::TechnicalRecession { length: 3 });
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TechnicalRecessions;

/// Events for the runs of two or more slots where `declined` holds.
fn runs<U: crate::unit::Value>(
    series: &Series<Quarter, U>,
    declined: impl Fn(usize) -> bool,
) -> Vec<Event<Quarter>> {
    let values = series.raw();
    let mut out = Vec::new();
    let mut first = None;
    for (i, &x) in values.iter().enumerate() {
        if !declined(i) {
            first = None;
            continue;
        }
        let start = *first.get_or_insert(i);
        let length = i - start + 1;
        if length >= 2 {
            out.push(Event::new(
                series.period(i),
                x,
                EventKind::TechnicalRecession { length },
                Some(series.period(start)),
            ));
        }
    }
    out
}

impl Detector<Quarter> for TechnicalRecessions {
    fn detect(&self, level: &Series<Quarter>) -> Result<Vec<Event<Quarter>>> {
        let values = level.raw();
        Ok(runs(level, |i| level_fell(values, i)))
    }
}

impl Detector<Quarter, Percent> for TechnicalRecessions {
    fn detect(&self, growth: &Series<Quarter, Percent>) -> Result<Vec<Event<Quarter>>> {
        let values = growth.raw();
        Ok(runs(growth, |i| values.get(i).is_some_and(|&x| x < 0.0)))
    }
}

impl TechnicalRecessions {
    fn levels(&self, level: &Series<Quarter>) -> Result<Vec<Event<Quarter>>> {
        self.detect(level)
    }

    fn growth(&self, growth: &Series<Quarter, Percent>) -> Result<Vec<Event<Quarter>>> {
        self.detect(growth)
    }
}

bound_to_one_frequency!(
    TechnicalRecessions,
    Frequency::Quarterly,
    Quarter,
    levels,
    growth
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_end_runs() {
        let q = Quarter::new(2020, 1).unwrap();
        let s: Series<Quarter> =
            Series::from_options(q, [Some(3.0), Some(2.0), None, Some(1.0), Some(0.5)]).unwrap();
        assert!(TechnicalRecessions.detect(&s).unwrap().is_empty());
        let growth = Series::from_values(q, [-1.0, -0.5, 0.0, -0.2, -0.1, -0.3])
            .unwrap()
            .into_unit::<Percent>();
        let r = TechnicalRecessions.detect(&growth).unwrap();
        assert_eq!(
            r.iter().map(|e| e.period).collect::<Vec<_>>(),
            [q + 1, q + 4, q + 5]
        );
        assert_eq!(r[2].kind, EventKind::TechnicalRecession { length: 3 });
    }
}
