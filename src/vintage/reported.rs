//! [`PeriodRevision`]: one period's value as first reported and as known later.

use chrono::NaiveDate;

use super::series::VintagedSeries;
use crate::period::Period;
use crate::unit::Value;

/// How a revision changed a value, comparing the first report with a later
/// one.
///
/// Signs are taken in {−, 0, +}, as in [`RevisionStats`](super::RevisionStats):
/// a zero revised to anything else, or anything revised to zero, is a sign
/// change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RevisionKind {
    /// The value is the one first reported.
    Unchanged,
    /// Same sign, larger magnitude: a deeper contraction, faster growth.
    Larger,
    /// Same sign, smaller magnitude: a shallower contraction, slower growth.
    Smaller,
    /// The sign changed: a contraction revised away, growth revised into a
    /// contraction.
    SignChange,
}

/// One period's value as first reported and as known on a later date:
/// "first reported as −0.3%, later revised to −0.6%".
///
/// Built by [`VintagedSeries::first_vs_known`] and
/// [`VintagedSeries::first_vs_latest`]. On a vintaged series of a derived
/// number (growth from [`map_vintages`](VintagedSeries::map_vintages)), the
/// first report is the first vintage in which that number is defined, each
/// value computed within its vintage.
///
/// ```text
/// revision = first − value     (the crate's convention: first minus later)
/// ```
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, vintage::{RevisionKind, VintagedSeries}};
///
/// let q4: Quarter = "2024-Q4".parse()?;
/// // US real GDP (GDPC1): BEA's advance estimate and the December 2025 vintage.
/// let gdp = VintagedSeries::from_vintages([
///     ("2025-04-30".parse()?, Series::from_values(q4, [23542.349, 23526.085])?),
///     ("2025-12-23".parse()?, Series::from_values(q4, [23586.542, 23548.21])?),
/// ])?;
/// let growth = gdp.map_vintages(|s| s.pca());
/// let r = growth.first_vs_latest(q4 + 1).ok_or("not published")?;
/// assert_eq!((format!("{:.1}", r.first), format!("{:.1}", r.value)), ("-0.3%".into(), "-0.6%".into()));
/// assert_eq!((r.first_published.to_string(), r.published.to_string()), ("2025-04-30".into(), "2025-12-23".into()));
/// assert_eq!(r.kind(), RevisionKind::Larger); // a deeper contraction
/// assert!((r.revision() - 0.372).abs() < 1e-3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PeriodRevision<P: Period, U: Value = f64> {
    /// The period.
    pub period: P,
    /// The value as first reported.
    pub first: U,
    /// The day it was first reported (the start of its real-time interval).
    #[cfg_attr(feature = "serde", serde(with = "date_text"))]
    pub first_published: NaiveDate,
    /// The value as known on [`as_of`](Self::as_of).
    pub value: U,
    /// The day that value was published (the start of its real-time
    /// interval): the date of the last revision, or of the first report if
    /// there was none.
    #[cfg_attr(feature = "serde", serde(with = "date_text"))]
    pub published: NaiveDate,
    /// The date the period is looked at.
    #[cfg_attr(feature = "serde", serde(with = "date_text"))]
    pub as_of: NaiveDate,
    /// How many distinct values had been published by then (1: never
    /// revised). As in ALFRED, a vintage that republishes a value unchanged
    /// does not count.
    pub releases: usize,
}

impl<P: Period, U: Value> PeriodRevision<P, U> {
    /// First report minus the value as known: positive if the first report
    /// was higher.
    pub fn revision(&self) -> f64 {
        self.first.get() - self.value.get()
    }

    /// Whether any revision had been published by [`as_of`](Self::as_of)
    /// (the value may have come back to the first report).
    pub fn is_revised(&self) -> bool {
        self.releases > 1
    }

    /// How the value compares with the first report.
    pub fn kind(&self) -> RevisionKind {
        let (a, b) = (self.first.get(), self.value.get());
        if a == b {
            RevisionKind::Unchanged
        } else if sign(a) != sign(b) {
            RevisionKind::SignChange
        } else if b.abs() > a.abs() {
            RevisionKind::Larger
        } else {
            RevisionKind::Smaller
        }
    }
}

fn sign(x: f64) -> i8 {
    if x > 0.0 {
        1
    } else if x < 0.0 {
        -1
    } else {
        0
    }
}

impl<P: Period, U: Value> VintagedSeries<P, U> {
    /// `period`'s first report against its value as known on `date`; see
    /// [`PeriodRevision`]. `None` if `period` had no value on `date` (not
    /// yet published, or published as missing).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::{RevisionKind, VintagedSeries}};
    ///
    /// let q: Quarter = "2025-Q1".parse()?;
    /// let growth = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [-0.3])?),
    ///     ("2025-05-29".parse()?, Series::from_values(q, [-0.2])?),
    ///     ("2025-06-26".parse()?, Series::from_values(q, [-0.5])?),
    /// ])?;
    /// let second = growth.first_vs_known(q, "2025-06-01".parse()?).ok_or("unknown")?;
    /// assert_eq!((second.value, second.releases, second.kind()), (-0.2, 2, RevisionKind::Smaller));
    /// assert!(growth.first_vs_known(q, "2025-04-29".parse()?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn first_vs_known(&self, period: P, date: NaiveDate) -> Option<PeriodRevision<P, U>> {
        let mut first = None;
        let mut releases = 0;
        for o in self.history(period) {
            if o.realtime.start() > date {
                break;
            }
            if let Some(v) = o.value {
                releases += 1;
                first.get_or_insert((v, o.realtime.start()));
            }
            if o.realtime.contains(date) {
                let (first, first_published) = first?;
                return Some(PeriodRevision {
                    period,
                    first,
                    first_published,
                    value: o.value?,
                    published: o.realtime.start(),
                    as_of: date,
                    releases,
                });
            }
        }
        None
    }

    /// `period`'s first report against its value in the latest vintage; see
    /// [`first_vs_known`](Self::first_vs_known).
    pub fn first_vs_latest(&self, period: P) -> Option<PeriodRevision<P, U>> {
        let latest = self.vintage_dates().last().copied()?;
        self.first_vs_known(period, latest)
    }
}

/// Dates as `YYYY-MM-DD` strings (chrono's serde support is not enabled).
#[cfg(feature = "serde")]
mod date_text {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;
    use crate::series::Series;
    use crate::vintage::{RealtimeInterval, VintageObservation};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn kinds_and_missing() {
        let q: Quarter = "2025-Q1".parse().unwrap();
        let v = |values: [f64; 2]| {
            VintagedSeries::from_vintages([
                (
                    d("2025-01-01"),
                    Series::<Quarter>::from_values(q, [values[0]]).unwrap(),
                ),
                (
                    d("2025-02-01"),
                    Series::from_values(q, [values[1]]).unwrap(),
                ),
            ])
            .unwrap()
        };
        let kind = |a, b| v([a, b]).first_vs_latest(q).unwrap().kind();
        assert_eq!(kind(-0.3, -0.6), RevisionKind::Larger);
        assert_eq!(kind(-0.3, -0.1), RevisionKind::Smaller);
        assert_eq!(kind(-0.3, 0.2), RevisionKind::SignChange);
        assert_eq!(kind(0.0, 0.2), RevisionKind::SignChange);
        assert_eq!(kind(1.0, 1.0), RevisionKind::Unchanged);
        let same = v([1.0, 1.0]).first_vs_latest(q).unwrap();
        assert_eq!((same.releases, same.is_revised()), (1, false));
        assert_eq!(same.published, d("2025-01-01"));
        // Published as missing first, then a value, then missing again.
        let iv = |a: &str, b: &str| RealtimeInterval::new(d(a), d(b)).unwrap();
        let gappy: VintagedSeries<Quarter> = VintagedSeries::new([
            VintageObservation::new(q, iv("2025-01-01", "2025-01-31"), None),
            VintageObservation::new(q, iv("2025-02-01", "2025-02-28"), Some(2.0)),
            VintageObservation::new(q, iv("2025-03-01", "9999-12-31"), None),
        ])
        .unwrap();
        assert!(gappy.first_vs_known(q, d("2025-01-15")).is_none());
        let r = gappy.first_vs_known(q, d("2025-02-15")).unwrap();
        assert_eq!(
            (r.first, r.first_published, r.releases),
            (2.0, d("2025-02-01"), 1)
        );
        assert!(gappy.first_vs_latest(q).is_none());
        assert!(gappy.first_vs_known(q + 1, d("2025-02-15")).is_none());
    }
}
