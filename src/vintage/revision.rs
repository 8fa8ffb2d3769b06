//! [`Revisions`]: first release against latest, and their summary statistics.

use core::ops::RangeBounds;

use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// The first release and the latest value of every period of a
/// [`VintagedSeries`](super::VintagedSeries), side by side.
///
/// The revision of a period is **first release minus latest**, as in the
/// crate's issue: a positive revision means the first report was higher than
/// what is published now. It is in the units of the values, so for a growth
/// rate in percent it is in percentage points.
///
/// ```text
/// r(t)          = first(t) − latest(t)          for every t with both values
/// mean          = Σ r(t) / n
/// mean_absolute = Σ |r(t)| / n
/// sign change   ⇔ sign(first(t)) ≠ sign(latest(t)), with sign ∈ {−, 0, +}
/// ```
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, vintage::Revisions};
///
/// let q: Quarter = "2025-Q1".parse()?;
/// let first = Series::from_values(q, [-0.3, 3.0, 4.3])?;
/// let latest = Series::from_values(q, [-0.6, 3.8, 4.4])?;
/// let stats = Revisions::new(first, latest).stats()?;
/// assert_eq!((stats.count, stats.revised, stats.sign_changes), (3, 3, 0));
/// assert!((stats.mean - (0.3 - 0.8 - 0.1) / 3.0).abs() < 1e-12);
/// assert!((stats.mean_absolute - (0.3 + 0.8 + 0.1) / 3.0).abs() < 1e-12);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Revisions<P: Period, U: Value = f64> {
    first: Series<P, U>,
    latest: Series<P, U>,
}

/// Summary statistics of revisions; see [`Revisions`] for the definitions.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct RevisionStats {
    /// Periods with both a first release and a latest value.
    pub count: usize,
    /// Periods whose latest value differs from the first release.
    pub revised: usize,
    /// Mean revision (first minus latest).
    pub mean: f64,
    /// Mean absolute revision.
    pub mean_absolute: f64,
    /// Periods whose sign changed between first release and latest (a
    /// contraction revised away, a rise revised into a fall, a zero revised
    /// to either).
    pub sign_changes: usize,
}

impl RevisionStats {
    /// The share of periods whose sign changed, between 0 and 1.
    pub fn sign_change_share(&self) -> f64 {
        // `count` is never 0: `Revisions::stats` refuses to build empty stats.
        self.sign_changes as f64 / self.count.max(1) as f64
    }
}

impl<P: Period, U: Value> Revisions<P, U> {
    /// First releases and latest values to compare.
    pub fn new(first: Series<P, U>, latest: Series<P, U>) -> Revisions<P, U> {
        Revisions { first, latest }
    }

    /// The first release of every period.
    pub fn first(&self) -> &Series<P, U> {
        &self.first
    }

    /// The latest value of every period.
    pub fn latest(&self) -> &Series<P, U> {
        &self.latest
    }

    /// The comparison restricted to the periods in `range`.
    pub fn slice(&self, range: impl RangeBounds<P> + Clone) -> Revisions<P, U> {
        Revisions {
            first: self.first.slice(range.clone()),
            latest: self.latest.slice(range),
        }
    }

    /// The revision of every period both series span (first minus latest),
    /// missing where either value is missing.
    pub fn revision(&self) -> Series<P> {
        let (first, latest) = self.first.align(&self.latest);
        Series::from_raw(
            first.start(),
            first
                .raw()
                .iter()
                .zip(latest.raw())
                .map(|(a, b)| a - b)
                .collect(),
        )
    }

    /// Mean, mean absolute revision and sign changes over the periods with
    /// both values.
    ///
    /// # Errors
    /// [`Error::NoObservations`] if no period has both values;
    /// [`Error::Undefined`] (overflow) if a revision is too large for an `f64`.
    pub fn stats(&self) -> Result<RevisionStats> {
        let (first, latest) = self.first.align(&self.latest);
        let mut count = 0usize;
        let (mut revised, mut sign_changes) = (0, 0);
        let (mut mean, mut mean_abs) = (0.0f64, 0.0f64);
        for (i, (&a, &b)) in first.raw().iter().zip(latest.raw()).enumerate() {
            if a.is_nan() || b.is_nan() {
                continue;
            }
            let r = a - b;
            if !r.is_finite() {
                return Err(Error::Undefined {
                    operation: Operation::Revision,
                    period: first.period(i).into(),
                    reason: UndefinedReason::Overflow,
                });
            }
            count += 1;
            // Running means stay finite where a plain sum of large revisions would not.
            mean += (r - mean) / count as f64;
            mean_abs += (r.abs() - mean_abs) / count as f64;
            revised += usize::from(a != b);
            sign_changes += usize::from(sign(a) != sign(b));
        }
        if count == 0 {
            return Err(Error::NoObservations);
        }
        Ok(RevisionStats {
            count,
            revised,
            mean,
            mean_absolute: mean_abs,
            sign_changes,
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;

    #[test]
    fn sign_changes_and_empty() {
        let q: Quarter = "2020-Q1".parse().unwrap();
        let first = Series::from_options(q, [Some(-0.1), Some(0.0), Some(1.0), None]).unwrap();
        let latest = Series::from_options(q, [Some(0.2), Some(0.5), Some(1.0), Some(2.0)]).unwrap();
        let r = Revisions::new(first, latest);
        let s = r.stats().unwrap();
        assert_eq!((s.count, s.revised, s.sign_changes), (3, 2, 2));
        assert!((s.sign_change_share() - 2.0 / 3.0).abs() < 1e-15);
        assert_eq!(r.revision().get(q + 3), None);
        let e = r.slice(q + 3..).stats().unwrap_err();
        assert!(matches!(e, Error::NoObservations));
        let big = Revisions::new(
            Series::<Quarter>::from_values(q, [1e308]).unwrap(),
            Series::from_values(q, [-1e308]).unwrap(),
        );
        assert!(matches!(big.stats(), Err(Error::Undefined { .. })));
    }
}
