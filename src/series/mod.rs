//! [`Series`]: a regular calendar series with explicit missing values.

use core::fmt;
use core::marker::PhantomData;
use core::ops::{Bound, RangeBounds};

use crate::error::{Error, Result};
use crate::period::{Frequency, Period};
use crate::unit::{Slot, Value};

mod any;
mod arith;

pub use any::AnySeries;
pub(crate) use any::{each_any, map_any};

/// A regular calendar series: a start period and one value slot for every
/// period after it, with missing values explicit.
///
/// Every period from [`start`](Series::start) to [`end`](Series::end) has a
/// slot, so the value for `p - 12` is always 12 slots before the value for `p`:
/// lags are by calendar, never by row. The API speaks `Option<U>` for a slot;
/// how "missing" is stored is an internal matter.
///
/// `U` says what the numbers are: a plain `f64` in the series' own unit (the
/// default), or [`Percent`](crate::Percent),
/// [`PercentagePoints`](crate::PercentagePoints) or
/// [`IndexPoints`](crate::IndexPoints) for derived series.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
///
/// // Rows in any order; the gap in March becomes a missing value.
/// let s = Series::from_pairs([
///     (Month::new(2025, 4)?, 103.0),
///     (Month::new(2025, 1)?, 100.0),
///     (Month::new(2025, 2)?, 101.0),
/// ])?;
/// assert_eq!(s.len(), 4);
/// assert_eq!(s.get(Month::new(2025, 3)?), None);
/// assert_eq!(s.get(Month::new(2025, 4)?), Some(103.0));
/// # Ok::<(), econseries::Error>(())
/// ```
pub struct Series<P: Period, U: Value = f64> {
    start: P,
    /// One slot per period; NaN marks a missing value (never stored otherwise,
    /// because every constructor rejects or normalises non-finite numbers).
    values: Vec<f64>,
    unit: PhantomData<U>,
}

impl<P: Period, U: Value> Series<P, U> {
    /// An empty series anchored at `start`.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let s = Series::<Month>::empty(Month::new(2025, 5)?);
    /// assert!(s.is_empty());
    /// assert_eq!((s.start(), s.end()), (Month::new(2025, 5)?, None));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn empty(start: P) -> Series<P, U> {
        Series {
            start,
            values: Vec::new(),
            unit: PhantomData,
        }
    }

    /// A series of consecutive values starting at `start`, none missing.
    ///
    /// # Errors
    /// [`Error::NonFinite`] for a NaN or infinite value (naming its period);
    /// [`Error::PeriodOverflow`] if the series would run past [`Period::MAX`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let gdp = Series::from_values("2024-Q1".parse::<Quarter>()?, [100.0, 101.0, 102.0])?;
    /// assert_eq!(gdp.end(), Some("2024-Q3".parse()?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_values(start: P, values: impl IntoIterator<Item = U>) -> Result<Series<P, U>> {
        Self::from_options(start, values.into_iter().map(Some))
    }

    /// A series of consecutive slots starting at `start`; `None` is a missing value.
    ///
    /// # Errors
    /// [`Error::NonFinite`] for a NaN or infinite value (naming its period);
    /// [`Error::PeriodOverflow`] if the series would run past [`Period::MAX`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let s = Series::from_options(Month::new(2025, 9)?, [Some(4.3), None, Some(4.5)])?;
    /// assert_eq!(s.get(Month::new(2025, 10)?), None);
    /// assert_eq!(s.count(), 2);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_options(
        start: P,
        values: impl IntoIterator<Item = Option<U>>,
    ) -> Result<Series<P, U>> {
        let room = i64::from(P::MAX.index()) - i64::from(start.index()) + 1;
        let mut out = Vec::new();
        for (i, v) in values.into_iter().enumerate() {
            if i as i64 >= room {
                return Err(Error::PeriodOverflow {
                    period: start.into(),
                    op: '+',
                    amount: i as i64,
                });
            }
            out.push(match v {
                None => f64::NAN,
                Some(v) => {
                    let x = v.get();
                    if !x.is_finite() {
                        return Err(Error::NonFinite {
                            period: Some(period_at(start, i).into()),
                            value: x,
                        });
                    }
                    x
                }
            });
        }
        Ok(Series {
            start,
            values: out,
            unit: PhantomData,
        })
    }

    /// A series from (period, value) pairs in any order. Periods between the
    /// first and the last that are not given become missing values. A value
    /// may be given plain (`2.5`) or as an option (`Some(2.5)`, `None` for an
    /// explicit missing value); either way the unit is inferred, so
    /// `[(may, Some(2.5)), (june, None)]` needs no annotation.
    ///
    /// # Errors
    /// [`Error::NoObservations`] if `pairs` is empty; [`Error::DuplicatePeriod`]
    /// naming the first period given twice; [`Error::NonFinite`] for a NaN or
    /// infinite value.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series};
    /// let may = Month::new(2025, 5)?;
    /// let dup = Series::from_pairs([(may, 1.0), (may, 2.0)]);
    /// assert!(matches!(dup, Err(Error::DuplicatePeriod { period }) if period.to_string() == "2025-05"));
    ///
    /// // Explicit missing values: the unit is inferred from `Some(2.5)`.
    /// let s = Series::from_pairs([(may, Some(2.5)), (may + 1, None)])?;
    /// assert_eq!(s.last(), Some((may, 2.5)));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_pairs<V: Slot<Unit = U>>(
        pairs: impl IntoIterator<Item = (P, V)>,
    ) -> Result<Series<P, U>> {
        let mut rows: Vec<(P, f64)> = Vec::new();
        for (p, v) in pairs {
            let x = match v.into_option() {
                None => f64::NAN,
                Some(v) => {
                    let x = v.get();
                    if !x.is_finite() {
                        return Err(Error::NonFinite {
                            period: Some(p.into()),
                            value: x,
                        });
                    }
                    x
                }
            };
            rows.push((p, x));
        }
        // Stable sort keeps input order among equal periods, so the duplicate
        // reported is the first one in sorted order.
        rows.sort_by_key(|&(p, _)| p);
        let (Some(&(first, _)), Some(&(last, _))) = (rows.first(), rows.last()) else {
            return Err(Error::NoObservations);
        };
        if let Some((p, _)) = rows.windows(2).find_map(|w| match w {
            [a, b] if a.0 == b.0 => Some(*a),
            _ => None,
        }) {
            return Err(Error::DuplicatePeriod { period: p.into() });
        }
        // Periods lie in `MIN..=MAX`, so the span is at most the maximum span
        // (119,988 months): the allocation is bounded whatever the input.
        let len = usize::try_from(last.periods_since(first)).unwrap_or(0) + 1;
        let mut values = vec![f64::NAN; len];
        for (p, x) in rows {
            if let Some(slot) = usize::try_from(p.periods_since(first))
                .ok()
                .and_then(|i| values.get_mut(i))
            {
                *slot = x;
            }
        }
        Ok(Series {
            start: first,
            values,
            unit: PhantomData,
        })
    }

    /// Builds a series from raw slots, turning any non-finite number into a
    /// missing value. For kernels whose results are finite or undefined.
    pub(crate) fn from_raw(start: P, mut values: Vec<f64>) -> Series<P, U> {
        for v in &mut values {
            if !v.is_finite() {
                *v = f64::NAN;
            }
        }
        Series {
            start,
            values,
            unit: PhantomData,
        }
    }

    /// Like [`from_raw`](Series::from_raw) for slots that are already finite
    /// or NaN, without its pass over the values: the hot growth kernels
    /// (`pc1`) map infinities to NaN as they go, and a second pass would cost
    /// them a third of their time. Checked in debug builds.
    pub(crate) fn from_kernel(start: P, values: Vec<f64>) -> Series<P, U> {
        debug_assert!(values.iter().all(|v| v.is_finite() || v.is_nan()));
        Series {
            start,
            values,
            unit: PhantomData,
        }
    }

    /// The raw slots, NaN for missing.
    pub(crate) fn raw(&self) -> &[f64] {
        &self.values
    }

    /// The first period of the series (also for an empty series, whose anchor it is).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// // US imports of goods from China, millions of USD.
    /// let imports = Series::from_values(Month::new(2025, 3)?, [29_383.7, 25_378.1, 20_493.9])?;
    /// assert_eq!(imports.start(), Month::new(2025, 3)?);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn start(&self) -> P {
        self.start
    }

    /// The last period of the series, `None` if it is empty.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_values(Month::new(2025, 3)?, [29_383.7, 25_378.1, 20_493.9])?;
    /// assert_eq!(imports.end(), Some(Month::new(2025, 5)?));
    /// assert_eq!(Series::<Month>::empty(Month::new(2025, 3)?).end(), None);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn end(&self) -> Option<P> {
        if self.values.is_empty() {
            None
        } else {
            Some(period_at(self.start, self.values.len() - 1))
        }
    }

    /// The number of periods spanned, missing ones included.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 3)?, [Some(29_383.7), None, Some(20_493.9)])?;
    /// assert_eq!(imports.len(), 3); // the missing April counts
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether the series spans no periods.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_values(Month::new(2025, 5)?, [20_493.9])?;
    /// assert!(!imports.is_empty());
    /// assert!(imports.slice(..Month::new(2025, 5)?).is_empty());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The series' frequency.
    ///
    /// # Example
    /// ```
    /// use econseries::{Frequency, Quarter, Series};
    ///
    /// let gdp = Series::from_values(Quarter::new(2025, 1)?, [30_042.113])?;
    /// assert_eq!(gdp.frequency(), Frequency::Quarterly);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn frequency(&self) -> Frequency {
        P::FREQUENCY
    }

    /// The slot of period `p` in `values`, if `p` lies in the span.
    pub(crate) fn position(&self, p: P) -> Option<usize> {
        let i = p.periods_since(self.start);
        usize::try_from(i).ok().filter(|&i| i < self.values.len())
    }

    /// The period of slot `i`.
    pub(crate) fn period(&self, i: usize) -> P {
        period_at(self.start, i)
    }

    /// The value at `p`: `None` if it is missing or `p` lies outside the series.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None])?;
    /// assert_eq!(imports.get(Month::new(2025, 4)?), Some(25_378.1));
    /// assert_eq!(imports.get(Month::new(2025, 5)?), None); // missing
    /// assert_eq!(imports.get(Month::new(2024, 5)?), None); // outside the series
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn get(&self, p: P) -> Option<U> {
        self.position(p)
            .and_then(|i| self.values.get(i))
            .and_then(|&x| slot(x))
    }

    /// Whether `p` lies within the series' span (whether or not its value is missing).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None])?;
    /// assert!(imports.contains(Month::new(2025, 5)?)); // in the span, though missing
    /// assert!(!imports.contains(Month::new(2025, 6)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn contains(&self, p: P) -> bool {
        self.position(p).is_some()
    }

    /// Every period of the span with its value, in order.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None])?;
    /// let rows: Vec<_> = imports.iter().collect();
    /// assert_eq!(rows, [(Month::new(2025, 4)?, Some(25_378.1)), (Month::new(2025, 5)?, None)]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (P, Option<U>)> + '_ {
        let start = self.start;
        self.values
            .iter()
            .enumerate()
            .map(move |(i, &x)| (period_at(start, i), slot(x)))
    }

    /// The non-missing observations, in order.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None, Some(18_948.7)])?;
    /// let present: Vec<_> = imports.observations().collect();
    /// assert_eq!(present, [(Month::new(2025, 4)?, 25_378.1), (Month::new(2025, 6)?, 18_948.7)]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn observations(&self) -> impl Iterator<Item = (P, U)> + '_ {
        self.iter().filter_map(|(p, v)| v.map(|v| (p, v)))
    }

    /// The values of the span in order, `None` for missing.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None])?;
    /// assert_eq!(imports.values().collect::<Vec<_>>(), [Some(25_378.1), None]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn values(&self) -> impl ExactSizeIterator<Item = Option<U>> + '_ {
        self.values.iter().map(|&x| slot(x))
    }

    /// The periods whose value is missing.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None, Some(18_948.7)])?;
    /// assert_eq!(imports.missing().collect::<Vec<_>>(), [Month::new(2025, 5)?]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn missing(&self) -> impl Iterator<Item = P> + '_ {
        self.iter().filter(|(_, v)| v.is_none()).map(|(p, _)| p)
    }

    /// The number of non-missing values.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None, Some(18_948.7)])?;
    /// assert_eq!((imports.count(), imports.len()), (2, 3));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn count(&self) -> usize {
        self.values.iter().filter(|x| !x.is_nan()).count()
    }

    /// The first period with a value.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 3)?, [None, Some(25_378.1), Some(20_493.9), None])?;
    /// assert_eq!(imports.first_valid(), Some(Month::new(2025, 4)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn first_valid(&self) -> Option<P> {
        self.values
            .iter()
            .position(|x| !x.is_nan())
            .map(|i| self.period(i))
    }

    /// The last period with a value.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 3)?, [None, Some(25_378.1), Some(20_493.9), None])?;
    /// assert_eq!(imports.last_valid(), Some(Month::new(2025, 5)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn last_valid(&self) -> Option<P> {
        self.values
            .iter()
            .rposition(|x| !x.is_nan())
            .map(|i| self.period(i))
    }

    /// The first observation: its period and value, `None` if every value
    /// is missing.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 3)?, [None, Some(25_378.1), Some(20_493.9), None])?;
    /// assert_eq!(imports.first(), Some((Month::new(2025, 4)?, 25_378.1)));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn first(&self) -> Option<(P, U)> {
        let i = self.values.iter().position(|x| !x.is_nan())?;
        Some((self.period(i), slot(*self.values.get(i)?)?))
    }

    /// The latest observation: its period and value, `None` if every value
    /// is missing. Trailing missing values (a month not yet published) are
    /// skipped.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let unrate = Series::from_options(Month::new(2025, 8)?, [Some(4.3), Some(4.4), None])?;
    /// assert_eq!(unrate.last(), Some((Month::new(2025, 9)?, 4.4)));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn last(&self) -> Option<(P, U)> {
        let i = self.values.iter().rposition(|x| !x.is_nan())?;
        Some((self.period(i), slot(*self.values.get(i)?)?))
    }

    /// The part of the series within `range`, clipped to the series' span.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let s = Series::from_values(Month::new(2025, 1)?, [1.0, 2.0, 3.0, 4.0])?;
    /// let feb_mar = s.slice(Month::new(2025, 2)?..=Month::new(2025, 3)?);
    /// assert_eq!(feb_mar.values().collect::<Vec<_>>(), [Some(2.0), Some(3.0)]);
    /// let none = s.slice(Month::new(2030, 1)?..);
    /// assert!(none.is_empty());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn slice(&self, range: impl RangeBounds<P>) -> Series<P, U> {
        let n = self.values.len() as i64;
        let rel = |p: P| i64::from(p.periods_since(self.start));
        let lo = match range.start_bound() {
            Bound::Included(&p) => rel(p),
            Bound::Excluded(&p) => rel(p) + 1,
            Bound::Unbounded => 0,
        }
        .clamp(0, n);
        let hi = match range.end_bound() {
            Bound::Included(&p) => rel(p) + 1,
            Bound::Excluded(&p) => rel(p),
            Bound::Unbounded => n,
        }
        .clamp(lo, n);
        let (lo, hi) = (lo as usize, hi as usize);
        Series {
            start: if lo < self.values.len() {
                self.period(lo)
            } else {
                self.start
            },
            values: self.values.get(lo..hi).unwrap_or_default().to_vec(),
            unit: PhantomData,
        }
    }

    /// The series without its leading and trailing missing values.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let imports = Series::from_options(Month::new(2025, 3)?, [None, Some(25_378.1), Some(20_493.9), None])?;
    /// let trimmed = imports.trim();
    /// assert_eq!((trimmed.start(), trimmed.len()), (Month::new(2025, 4)?, 2));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn trim(&self) -> Series<P, U> {
        match (self.first_valid(), self.last_valid()) {
            (Some(a), Some(b)) => self.slice(a..=b),
            _ => Series::empty(self.start),
        }
    }

    /// Both series restricted to the periods they have in common (the
    /// intersection of their spans). Empty series if the spans do not overlap.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let a = Series::from_values("2024-Q1".parse::<Quarter>()?, [1.0, 2.0, 3.0])?;
    /// let b = Series::from_values("2024-Q2".parse::<Quarter>()?, [20.0, 30.0, 40.0])?;
    /// let (a2, b2) = a.align(&b);
    /// assert_eq!(a2.start(), b2.start());
    /// assert_eq!(a2.len(), 2);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn align<V: Value>(&self, other: &Series<P, V>) -> (Series<P, U>, Series<P, V>) {
        let lo = self.start.max(other.start);
        match (self.end(), other.end()) {
            (Some(a), Some(b)) if lo <= a.min(b) => {
                let hi = a.min(b);
                (self.slice(lo..=hi), other.slice(lo..=hi))
            }
            _ => (Series::empty(lo), Series::empty(lo)),
        }
    }

    /// The same numbers relabelled as unit `V` (for example a growth-rate file
    /// read as plain numbers, declared to be [`Percent`](crate::Percent)).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Percent, Series};
    ///
    /// // Year-on-year growth read from a file as plain numbers.
    /// let growth = Series::from_values(Month::new(2025, 5)?, [-41.4])?.into_unit::<Percent>();
    /// assert_eq!(growth.get(Month::new(2025, 5)?), Some(Percent::new(-41.4)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn into_unit<V: Value>(self) -> Series<P, V> {
        Series {
            start: self.start,
            values: self.values,
            unit: PhantomData,
        }
    }

    /// The same numbers as plain `f64`.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Percent, Series};
    ///
    /// let growth = Series::from_values(Month::new(2025, 5)?, [Percent::new(-41.4)?])?;
    /// assert_eq!(growth.into_raw().get(Month::new(2025, 5)?), Some(-41.4));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn into_raw(self) -> Series<P> {
        self.into_unit()
    }

    /// Applies `f` to every present value, mapping non-finite results to missing.
    pub(crate) fn map_raw<V: Value>(&self, mut f: impl FnMut(f64) -> f64) -> Series<P, V> {
        Series::from_raw(
            self.start,
            self.values
                .iter()
                .map(|&x| if x.is_nan() { x } else { f(x) })
                .collect(),
        )
    }
}

/// The period `i` slots after `start`. Slots exist only for in-range periods,
/// so the fallback is unreachable.
fn period_at<P: Period>(start: P, i: usize) -> P {
    P::from_index(i64::from(start.index()) + i as i64).unwrap_or(P::MAX)
}

fn slot<U: Value>(x: f64) -> Option<U> {
    if x.is_nan() {
        None
    } else {
        Some(<U as crate::unit::Sealed>::wrap(x))
    }
}

impl<P: Period, U: Value> Clone for Series<P, U> {
    fn clone(&self) -> Self {
        Series {
            start: self.start,
            values: self.values.clone(),
            unit: PhantomData,
        }
    }
}

impl<P: Period, U: Value> PartialEq for Series<P, U> {
    /// Same start, same span, and every slot equal (missing equals missing).
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start
            && self.values.len() == other.values.len()
            && self
                .values
                .iter()
                .zip(&other.values)
                .all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()) || a == b)
    }
}

impl<P: Period, U: Value> fmt::Debug for Series<P, U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Series")
            .field("start", &self.start)
            .field("unit", &U::LABEL)
            .field(
                "values",
                &self.values().map(|v| v.map(Value::get)).collect::<Vec<_>>(),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Percent, Quarter};

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    #[test]
    fn from_pairs_sorts_fills_gaps_and_rejects() {
        let s: Series<Month> = Series::from_pairs([(m(2025, 3), 3.0), (m(2025, 1), 1.0)]).unwrap();
        assert_eq!(s.start(), m(2025, 1));
        assert_eq!(s.values().collect::<Vec<_>>(), [Some(1.0), None, Some(3.0)]);
        assert_eq!(s.missing().collect::<Vec<_>>(), [m(2025, 2)]);

        let e =
            Series::<Month>::from_pairs([(m(2025, 3), 1.0), (m(2025, 1), 2.0), (m(2025, 3), 3.0)])
                .unwrap_err();
        assert_eq!(e.to_string(), "duplicate period 2025-03");
        let e = Series::<Month>::from_pairs([(m(2025, 3), f64::NAN)]).unwrap_err();
        assert_eq!(e.to_string(), "value NaN at 2025-03 is not finite");
        let e = Series::<Month>::from_pairs(Vec::<(Month, f64)>::new()).unwrap_err();
        assert!(matches!(e, Error::NoObservations));
        let e = Series::<Month>::from_pairs([(m(2025, 3), f64::INFINITY)]).unwrap_err();
        assert!(matches!(e, Error::NonFinite { .. }));
    }

    #[test]
    fn explicit_missing_in_pairs() {
        let s: Series<Month> =
            Series::from_pairs([(m(2025, 1), Some(1.0)), (m(2025, 2), None)]).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s.last_valid(), Some(m(2025, 1)));
        assert_eq!(s.trim().len(), 1);
    }

    #[test]
    fn overflow_is_an_error() {
        let r = Series::<Month>::from_values(Month::MAX, [1.0, 2.0]);
        assert!(matches!(r, Err(Error::PeriodOverflow { .. })));
        assert!(Series::<Month>::from_values(Month::MAX, [1.0]).is_ok());
    }

    #[test]
    fn slicing_and_bounds() {
        let s: Series<Quarter> =
            Series::from_values("2020-Q1".parse().unwrap(), [1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        let q = |t: &str| t.parse::<Quarter>().unwrap();
        assert_eq!(s.slice(q("2020-Q2")..q("2020-Q4")).len(), 2);
        assert_eq!(s.slice(q("2019-Q1")..=q("2020-Q1")).len(), 1);
        assert_eq!(s.slice(..).len(), 5);
        assert!(s.slice(q("2020-Q3")..q("2020-Q2")).is_empty());
        assert!(s.slice(q("2030-Q3")..).is_empty());
        assert!(s.slice(..q("2010-Q1")).is_empty());
        assert_eq!(s.get(q("2019-Q4")), None);
        assert!(!s.contains(q("2021-Q2")));
        assert_eq!(s.end(), Some(q("2021-Q1")));
    }

    #[test]
    fn align_disjoint() {
        let a: Series<Month> = Series::from_values(m(2020, 1), [1.0]).unwrap();
        let b: Series<Month, Percent> =
            Series::from_values(m(2021, 1), [Percent::new(1.0).unwrap()]).unwrap();
        let (x, y) = a.align(&b);
        assert!(x.is_empty() && y.is_empty());
    }

    #[test]
    fn equality_treats_missing_as_equal() {
        let a: Series<Month> = Series::from_options(m(2020, 1), [Some(1.0), None]).unwrap();
        assert_eq!(a, a.clone());
        let b: Series<Month> = Series::from_options(m(2020, 1), [Some(1.0), Some(2.0)]).unwrap();
        assert_ne!(a, b);
    }
}
