use core::fmt;
use core::str::FromStr;

use super::kernel::{self, Sum};
use crate::error::{Error, Result};
use crate::period::{Period, Within};
use crate::series::Series;
use crate::unit::Value;

/// How sub-periods combine into a coarser period, for
/// [`Series::aggregate`]. Every method works on the present sub-periods only;
/// whether there are enough of them is decided by the `min_count` of
/// [`Series::aggregate_with`].
///
/// ```text
/// mean   (x₁ + … + x_m) / m
/// sum    x₁ + … + x_m
/// first  the first present value
/// last   the last present value
/// min    min(x₁, …, x_m)
/// max    max(x₁, …, x_m)
/// ```
///
/// # Example
/// ```
/// use econseries::Aggregation;
/// assert_eq!("eop".parse::<Aggregation>()?, Aggregation::Last);
/// assert_eq!(Aggregation::Mean.to_string(), "mean");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Aggregation {
    /// Arithmetic mean (FRED `avg`).
    Mean,
    /// Sum (FRED `sum`).
    Sum,
    /// First present sub-period.
    First,
    /// Last present sub-period (FRED `eop`).
    Last,
    /// Minimum.
    Min,
    /// Maximum.
    Max,
}

impl Aggregation {
    /// The lowercase name: `mean`, `sum`, ...
    ///
    /// # Example
    /// ```
    /// use econseries::Aggregation;
    ///
    /// assert_eq!(Aggregation::Sum.name(), "sum");
    /// assert_eq!("eop".parse::<Aggregation>()?.name(), "last"); // FRED's end of period
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Aggregation::Mean => "mean",
            Aggregation::Sum => "sum",
            Aggregation::First => "first",
            Aggregation::Last => "last",
            Aggregation::Min => "min",
            Aggregation::Max => "max",
        }
    }

    /// Combines the present values of `xs` (NaN = missing); NaN if none is.
    fn apply(self, xs: &[f64]) -> f64 {
        let mut present = xs.iter().copied().filter(|v| !v.is_nan());
        match self {
            Aggregation::Mean => kernel::mean(xs),
            Aggregation::Sum => {
                let mut sum = Sum::default();
                present.for_each(|v| sum.add(v));
                sum.total()
            }
            Aggregation::First => present.next().unwrap_or(f64::NAN),
            Aggregation::Last => present.next_back().unwrap_or(f64::NAN),
            Aggregation::Min => present.reduce(f64::min).unwrap_or(f64::NAN),
            Aggregation::Max => present.reduce(f64::max).unwrap_or(f64::NAN),
        }
    }
}

impl fmt::Display for Aggregation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Aggregation {
    type Err = Error;

    /// Parses `mean` (or FRED's `avg`), `sum`, `first`, `last` (or `eop`), `min`, `max`.
    fn from_str(s: &str) -> Result<Aggregation> {
        match s.to_ascii_lowercase().as_str() {
            "mean" | "avg" => Ok(Aggregation::Mean),
            "sum" => Ok(Aggregation::Sum),
            "first" => Ok(Aggregation::First),
            "last" | "eop" => Ok(Aggregation::Last),
            "min" => Ok(Aggregation::Min),
            "max" => Ok(Aggregation::Max),
            _ => Err(Error::InvalidArgument {
                name: "method",
                value: s.to_owned().into(),
                expected: "one of mean, sum, first, last, min, max",
            }),
        }
    }
}

impl<P: Period, U: Value> Series<P, U> {
    /// Converts to the coarser period `C` (month → quarter, month → year,
    /// quarter → year); a coarser period is missing unless all its
    /// sub-periods are present, so a quarter is never the mean of one month.
    ///
    /// The result spans every `C` that overlaps the series, from the one
    /// containing the start to the one containing the end; sub-periods outside
    /// the series count as missing, so a partial first or last `C` is missing.
    /// Use [`aggregate_with`](Series::aggregate_with) to accept fewer
    /// sub-periods, and [`aggregate_count`](Series::aggregate_count) to see how
    /// many are present.
    ///
    /// # Example
    /// ```
    /// use econseries::{Aggregation, Month, Quarter, Series};
    /// let unrate = Series::from_options(
    ///     Month::new(2025, 7)?,
    ///     [Some(4.3), Some(4.3), Some(4.4), None, Some(4.6), Some(4.4)],
    /// )?;
    /// let q = unrate.aggregate::<Quarter>(Aggregation::Max);
    /// assert_eq!(q.values().collect::<Vec<_>>(), [Some(4.4), None]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate<C: Period>(&self, method: Aggregation) -> Series<C, U>
    where
        P: Within<C>,
    {
        self.aggregate_at_least(method, P::PER_PARENT)
    }

    /// Like [`aggregate`](Series::aggregate) with a lowered bar: a coarser period
    /// needs only `min_count` present sub-periods, and the method is applied to
    /// those that are present (`first`/`last` are the first/last present values).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `1 <= min_count <= P::PER_PARENT`
    /// (`min_count = 0` would invent values for periods with no data).
    ///
    /// # Example
    /// ```
    /// use econseries::{Aggregation, Month, Year, Series};
    /// let m = Month::new(2025, 1)?;
    /// let x = Series::from_options(m, (1..=12).map(|i| (i != 10).then_some(f64::from(i))))?;
    /// let strict = x.aggregate::<Year>(Aggregation::Last);
    /// assert_eq!(strict.get(Year::new(2025)?), None);
    /// let lax = x.aggregate_with::<Year>(Aggregation::Sum, 11)?;
    /// assert_eq!(lax.get(Year::new(2025)?), Some(68.0));
    /// assert!(x.aggregate_with::<Year>(Aggregation::Sum, 0).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate_with<C: Period>(
        &self,
        method: Aggregation,
        min_count: u32,
    ) -> Result<Series<C, U>>
    where
        P: Within<C>,
    {
        if !(1..=P::PER_PARENT).contains(&min_count) {
            return Err(Error::InvalidArgument {
                name: "min_count",
                value: min_count.to_string().into(),
                expected: "between 1 and the number of sub-periods per period",
            });
        }
        Ok(self.aggregate_at_least(method, min_count))
    }

    /// The number of present sub-periods in each coarser period `C`, over the
    /// same span as [`aggregate`](Series::aggregate) (never missing; 0 where
    /// nothing is present).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Quarter, Series};
    /// let x = Series::from_options(Month::new(2025, 2)?, [Some(1.0), None, Some(3.0)])?;
    /// let n = x.aggregate_count::<Quarter>();
    /// assert_eq!(n.values().collect::<Vec<_>>(), [Some(1.0), Some(1.0)]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate_count<C: Period>(&self) -> Series<C>
    where
        P: Within<C>,
    {
        self.aggregate_raw(|xs| f64::from(count_present(xs)))
    }

    fn aggregate_at_least<C: Period>(&self, method: Aggregation, min_count: u32) -> Series<C, U>
    where
        P: Within<C>,
    {
        self.aggregate_raw(|xs| {
            if count_present(xs) >= min_count {
                method.apply(xs)
            } else {
                f64::NAN
            }
        })
    }

    /// `f` applied to the slots of each coarser period overlapping the series
    /// (only the slots inside the series, so a partial group is shorter).
    fn aggregate_raw<C: Period, V: Value>(&self, f: impl Fn(&[f64]) -> f64) -> Series<C, V>
    where
        P: Within<C>,
    {
        let first: C = self.start().parent();
        let x = self.raw();
        if x.is_empty() {
            return Series::empty(first);
        }
        let m = P::PER_PARENT as usize;
        let offset = self.start().periods_since(P::first_in(first)) as usize;
        // Slots of the first group, if the series starts inside it.
        let head = ((m - offset) % m).min(x.len());
        let (partial, whole) = x.split_at(head);
        let groups = (head > 0)
            .then_some(partial)
            .into_iter()
            .chain(whole.chunks(m));
        Series::from_raw(first, groups.map(f).collect())
    }
}

fn count_present(xs: &[f64]) -> u32 {
    xs.iter().filter(|v| !v.is_nan()).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter, Year};

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    fn vals<P: Period>(s: &Series<P>) -> Vec<Option<f64>> {
        s.values().collect()
    }

    #[test]
    fn every_method_on_full_and_partial_quarters() {
        // 2025-02..2025-10: Q1 partial (Feb, Mar), Q2 full, Q3 has a gap, Q4 partial (Oct).
        let x = Series::<Month>::from_options(
            m(2025, 2),
            [
                Some(2.0),
                Some(3.0),
                Some(6.0),
                Some(4.0),
                Some(5.0),
                Some(7.0),
                None,
                Some(9.0),
                Some(10.0),
            ],
        )
        .unwrap();
        let q = |a| vals(&x.aggregate::<Quarter>(a));
        assert_eq!(q(Aggregation::Mean), [None, Some(5.0), None, None]);
        assert_eq!(q(Aggregation::Sum), [None, Some(15.0), None, None]);
        assert_eq!(q(Aggregation::First), [None, Some(6.0), None, None]);
        assert_eq!(q(Aggregation::Last), [None, Some(5.0), None, None]);
        assert_eq!(q(Aggregation::Min), [None, Some(4.0), None, None]);
        assert_eq!(q(Aggregation::Max), [None, Some(6.0), None, None]);
        assert_eq!(
            x.aggregate::<Quarter>(Aggregation::Mean).start(),
            Quarter::new(2025, 1).unwrap()
        );
        assert_eq!(
            vals(&x.aggregate_count::<Quarter>()),
            [Some(2.0), Some(3.0), Some(2.0), Some(1.0)]
        );

        let lax = |a| vals(&x.aggregate_with::<Quarter>(a, 2).unwrap());
        assert_eq!(
            lax(Aggregation::Mean),
            [Some(2.5), Some(5.0), Some(8.0), None]
        );
        assert_eq!(
            lax(Aggregation::First),
            [Some(2.0), Some(6.0), Some(7.0), None]
        );
        assert_eq!(
            lax(Aggregation::Last),
            [Some(3.0), Some(5.0), Some(9.0), None]
        );
        let one = |a| vals(&x.aggregate_with::<Quarter>(a, 1).unwrap());
        assert_eq!(
            one(Aggregation::Sum),
            [Some(5.0), Some(15.0), Some(16.0), Some(10.0)]
        );
        assert_eq!(
            one(Aggregation::Min),
            [Some(2.0), Some(4.0), Some(7.0), Some(10.0)]
        );
    }

    #[test]
    fn min_count_is_validated() {
        let x = Series::<Quarter>::from_values(Quarter::new(2025, 1).unwrap(), [1.0]).unwrap();
        for bad in [0, 5] {
            let e = x.aggregate_with::<Year>(Aggregation::Sum, bad).unwrap_err();
            assert!(
                matches!(
                    e,
                    Error::InvalidArgument {
                        name: "min_count",
                        ..
                    }
                ),
                "{e:?}"
            );
        }
        assert_eq!(
            vals(&x.aggregate_with::<Year>(Aggregation::Sum, 1).unwrap()),
            [Some(1.0)]
        );
    }

    #[test]
    fn short_and_empty_input() {
        // One month in the middle of a quarter.
        let x = Series::<Month>::from_values(m(2025, 5), [7.0]).unwrap();
        assert_eq!(vals(&x.aggregate::<Quarter>(Aggregation::Sum)), [None]);
        assert_eq!(
            vals(&x.aggregate_with::<Year>(Aggregation::Sum, 1).unwrap()),
            [Some(7.0)]
        );
        let e = Series::<Month>::empty(m(2025, 5));
        let y = e.aggregate::<Year>(Aggregation::Mean);
        assert!(y.is_empty());
        assert_eq!(y.start(), Year::new(2025).unwrap());
        assert!(e.aggregate_count::<Quarter>().is_empty());
    }

    #[test]
    fn quarters_to_years() {
        let x =
            Series::<Quarter>::from_values(Quarter::new(2023, 1).unwrap(), (1..=8).map(f64::from))
                .unwrap();
        let y = x.aggregate::<Year>(Aggregation::Mean);
        assert_eq!(vals(&y), [Some(2.5), Some(6.5)]);
        assert_eq!(y.end(), Some(Year::new(2024).unwrap()));
    }
}
