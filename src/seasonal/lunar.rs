//! The Lunar New Year problem: January and February as one observation.

use core::fmt;

use crate::error::Result;
use crate::period::{Month, Period};
use crate::series::Series;
use crate::unit::{Percent, Value};

/// A period of the calendar China's customs and statistics bureau publish in:
/// January and February together as one period, then March to December.
/// Eleven periods a year.
///
/// Displayed `2025-01/02` for the combined period and `2025-03` for a single
/// month.
///
/// # Example
/// ```
/// use econseries::{Month, seasonal::JanFebPeriod};
///
/// let p = JanFebPeriod::containing(Month::new(2025, 2)?);
/// assert!(p.is_jan_feb());
/// assert_eq!(p.to_string(), "2025-01/02");
/// assert_eq!(JanFebPeriod::containing(Month::new(2025, 3)?).to_string(), "2025-03");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JanFebPeriod {
    year: i32,
    /// 2 for January–February, 3..=12 for a single month.
    slot: u32,
}

impl JanFebPeriod {
    /// Periods per year.
    pub const PER_YEAR: u32 = 11;

    /// The period a month belongs to (January and February both give the
    /// combined period).
    pub fn containing(month: Month) -> JanFebPeriod {
        JanFebPeriod {
            year: month.year(),
            slot: month.month().max(2),
        }
    }

    /// The combined January–February period of `year`.
    ///
    /// # Errors
    /// [`Error::YearOutOfRange`](crate::Error::YearOutOfRange) outside the supported years.
    pub fn jan_feb(year: i32) -> Result<JanFebPeriod> {
        Month::new(year, 1).map(JanFebPeriod::containing)
    }

    /// The calendar year.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// Whether this is the combined January–February period.
    pub const fn is_jan_feb(self) -> bool {
        self.slot == 2
    }

    /// The first and last month of the period (January and February for the
    /// combined period, the month twice otherwise).
    pub fn months(self) -> (Month, Month) {
        let first = if self.is_jan_feb() { 1 } else { self.slot };
        (month(self.year, first), month(self.year, self.slot))
    }

    fn index(self) -> i64 {
        i64::from(self.year) * 11 + i64::from(self.slot) - 2
    }

    fn from_index(i: i64) -> JanFebPeriod {
        JanFebPeriod {
            year: i.div_euclid(11) as i32,
            slot: i.rem_euclid(11) as u32 + 2,
        }
    }
}

/// A month known to be valid (year from an existing period, month in 1..=12).
fn month(year: i32, m: u32) -> Month {
    Month::new(year, m).unwrap_or(Month::MIN)
}

impl fmt::Display for JanFebPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_jan_feb() {
            write!(f, "{:04}-01/02", self.year)
        } else {
            write!(f, "{:04}-{:02}", self.year, self.slot)
        }
    }
}

/// A monthly series with January and February combined into one observation,
/// as China's customs and statistics bureau publish them: the Lunar New Year
/// falls in either month, so single-month January or February figures (and
/// their year-on-year changes) swing with the holiday's date, while the
/// two-month total compares like with like.
///
/// Regular over [`JanFebPeriod`]s (eleven a year), with missing values
/// explicit; the year-on-year change compares each period with the same
/// period a year earlier, Jan–Feb with Jan–Feb. The values live in an
/// ordinary monthly [`Series`], each period at its last month (Jan–Feb at
/// February, January never holding a value), so every calendar rule of
/// `Series` applies unchanged: a year earlier is twelve months back for
/// every period.
///
/// # Example
/// ```
/// use econseries::{Month, Series, seasonal::{JanFebPeriod, JanFebSeries}};
///
/// // Jan and Feb 2024: 40 + 30; 2025: 30 + 40. The single months swing by a third,
/// // the combined period does not move.
/// let x = Series::from_values(Month::new(2024, 1)?, [40.0, 30.0, 35.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 30.0, 40.0, 36.0])?;
/// let c = JanFebSeries::from_monthly(&x);
/// let jf = JanFebPeriod::jan_feb(2025)?;
/// assert_eq!(c.get(jf), Some(70.0));
/// assert_eq!(c.yoy().get(jf).map(|p| p.get()), Some(0.0));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct JanFebSeries<U: Value = f64> {
    /// Each period's value at its last month, from the first period's last
    /// month to the last period's; January slots are missing.
    months: Series<Month, U>,
}

impl JanFebSeries {
    /// Combines a monthly series: the Jan–Feb period is the sum of January and
    /// February (missing unless both are present, including when the series
    /// starts in February or ends in January), March to December are copied.
    pub fn from_monthly(series: &Series<Month>) -> JanFebSeries {
        let value = |m: Month| series.get(m).unwrap_or(f64::NAN);
        JanFebSeries::build(series, |p| {
            let (a, b) = p.months();
            if p.is_jan_feb() {
                value(a) + value(b)
            } else {
                value(b)
            }
        })
    }

    /// Single periods from year-to-date figures as China publishes them, where
    /// the first release of a year covers January and February together (the
    /// January year-to-date value, if any, is ignored):
    ///
    /// ```text
    /// Jan–Feb(y) = ytd(Feb y)
    /// x(m)       = ytd(m) − ytd(m − 1)        m = March … December
    /// ```
    ///
    /// Missing where a value it needs is missing. Where January and February
    /// are both published as year-to-date figures, the single months are
    /// [`Series::from_ytd`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, seasonal::{JanFebPeriod, JanFebSeries}};
    /// let ytd = Series::from_options(Month::new(2025, 1)?, [None, Some(70.0), Some(105.0), Some(150.0)])?;
    /// let x = JanFebSeries::from_ytd(&ytd);
    /// assert_eq!(x.get(JanFebPeriod::jan_feb(2025)?), Some(70.0));
    /// assert_eq!(x.values().collect::<Vec<_>>(), [Some(70.0), Some(35.0), Some(45.0)]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_ytd(ytd: &Series<Month>) -> JanFebSeries {
        let value = |m: Month| ytd.get(m).unwrap_or(f64::NAN);
        JanFebSeries::build(ytd, |p| {
            let (_, last) = p.months();
            if p.is_jan_feb() {
                value(last)
            } else {
                value(last) - value(month(p.year(), p.slot - 1))
            }
        })
    }

    /// The periods spanned by `source`'s months, valued by `f`.
    fn build(source: &Series<Month>, f: impl Fn(JanFebPeriod) -> f64) -> JanFebSeries {
        let first = JanFebPeriod::containing(source.start());
        let Some(end) = source.end() else {
            return JanFebSeries::empty(first);
        };
        let last = JanFebPeriod::containing(end);
        let (start, stop) = (first.months().1, last.months().1);
        let values = (0..=stop.periods_since(start))
            .map(|i| {
                let m = start + i;
                if m.month() == 1 {
                    f64::NAN
                } else {
                    f(JanFebPeriod::containing(m))
                }
            })
            .collect();
        JanFebSeries {
            months: Series::from_raw(start, values),
        }
    }

    /// Year-on-year percent change against the same period a year earlier
    /// (eleven periods, twelve months, back); missing unless both values are
    /// present and the earlier one is positive.
    ///
    /// ```text
    /// yoy(t) = (x(t) / x(t − 11) − 1) · 100
    /// ```
    pub fn yoy(&self) -> JanFebSeries<Percent> {
        JanFebSeries {
            months: self.months.pc1(),
        }
    }
}

impl<U: Value> JanFebSeries<U> {
    fn empty(start: JanFebPeriod) -> JanFebSeries<U> {
        JanFebSeries {
            months: Series::empty(start.months().1),
        }
    }

    /// The first period.
    pub fn start(&self) -> JanFebPeriod {
        JanFebPeriod::containing(self.months.start())
    }

    /// The last period, `None` if the series is empty.
    pub fn end(&self) -> Option<JanFebPeriod> {
        self.months.end().map(JanFebPeriod::containing)
    }

    /// The number of periods spanned, missing ones included.
    pub fn len(&self) -> usize {
        self.end()
            .map_or(0, |e| (e.index() - self.start().index() + 1) as usize)
    }

    /// Whether the series spans no periods.
    pub fn is_empty(&self) -> bool {
        self.months.is_empty()
    }

    /// The value at `p`: `None` if missing or outside the series.
    pub fn get(&self, p: JanFebPeriod) -> Option<U> {
        self.months.get(p.months().1)
    }

    /// The values in order, `None` for missing.
    pub fn values(&self) -> impl ExactSizeIterator<Item = Option<U>> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// Every period with its value, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (JanFebPeriod, Option<U>)> + '_ {
        let start = self.start().index();
        (0..self.len()).map(move |i| {
            let p = JanFebPeriod::from_index(start + i as i64);
            (p, self.get(p))
        })
    }

    /// The values at the last month of each period, as a monthly series
    /// (Jan–Feb at February, January missing): for charts and for the
    /// monthly tools.
    pub fn as_monthly(&self) -> &Series<Month, U> {
        &self.months
    }
}

impl<U: Value> fmt::Debug for JanFebSeries<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JanFebSeries")
            .field("start", &self.start())
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

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    #[test]
    fn period_arithmetic_round_trips() {
        for y in [1, 1999, 2025, 9999] {
            for mo in 1..=12 {
                let p = JanFebPeriod::containing(m(y, mo));
                assert_eq!(JanFebPeriod::from_index(p.index()), p);
                assert_eq!(p.year(), y);
            }
        }
        let p = JanFebPeriod::containing(m(2024, 12));
        assert_eq!(
            JanFebPeriod::from_index(p.index() + 1),
            JanFebPeriod::jan_feb(2025).unwrap()
        );
        assert_eq!(p.months(), (m(2024, 12), m(2024, 12)));
        assert_eq!(
            JanFebPeriod::jan_feb(2025).unwrap().months(),
            (m(2025, 1), m(2025, 2))
        );
        assert!(JanFebPeriod::jan_feb(0).is_err());
    }

    #[test]
    fn partial_years_and_gaps() {
        // Starts in February: the first Jan–Feb lacks January.
        let x = Series::<Month>::from_options(m(2024, 2), [Some(1.0), Some(2.0), None, Some(4.0)])
            .unwrap();
        let c = JanFebSeries::from_monthly(&x);
        assert_eq!(c.start(), JanFebPeriod::jan_feb(2024).unwrap());
        assert_eq!(
            c.values().collect::<Vec<_>>(),
            [None, Some(2.0), None, Some(4.0)]
        );
        assert_eq!(c.end(), Some(JanFebPeriod::containing(m(2024, 5))));
        // Ends in January: the last Jan–Feb lacks February.
        let x = Series::<Month>::from_values(m(2024, 12), [1.0, 2.0]).unwrap();
        let c = JanFebSeries::from_monthly(&x);
        assert_eq!(c.values().collect::<Vec<_>>(), [Some(1.0), None]);
        let e = JanFebSeries::from_monthly(&Series::empty(m(2024, 1)));
        assert!(e.is_empty() && e.end().is_none());
    }

    #[test]
    fn yoy_needs_a_positive_base() {
        let x = Series::<Month>::from_values(
            m(2024, 1),
            (0..26).map(|i| if i == 3 { 0.0 } else { 10.0 + f64::from(i) }),
        )
        .unwrap();
        let y = JanFebSeries::from_monthly(&x).yoy();
        assert_eq!(y.len(), 23);
        assert!(y.values().take(11).all(|v| v.is_none()));
        // April 2025 against April 2024, whose value is 0.
        assert_eq!(y.get(JanFebPeriod::containing(m(2025, 4))), None);
        let may = y.get(JanFebPeriod::containing(m(2025, 5))).unwrap().get();
        assert!((may - (26.0 / 14.0 - 1.0) * 100.0).abs() < 1e-12);
    }
}
