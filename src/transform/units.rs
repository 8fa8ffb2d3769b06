use core::fmt;
use core::str::FromStr;

use super::kernel::{finite, lagged, ln, pct};
use crate::error::{Comparison, Error, Operation, Result, UndefinedReason};
use crate::period::{Frequency, Period};
use crate::series::Series;
use crate::unit::{Percent, Value};

/// FRED's nine units transformations (the `units` parameter of FRED's API).
///
/// `n` is the number of periods per year (12, 4, 1). Lags are by calendar:
/// `x(t−n)` is the same period a year earlier, and a result whose lag lies
/// before the series' start is missing.
///
/// ```text
/// lin  x(t)
/// chg  x(t) − x(t−1)
/// ch1  x(t) − x(t−n)
/// pch  (x(t)/x(t−1) − 1)·100
/// pc1  (x(t)/x(t−n) − 1)·100
/// pca  ((x(t)/x(t−1))^n − 1)·100
/// cch  (ln x(t) − ln x(t−1))·100
/// cca  (ln x(t) − ln x(t−1))·100·n
/// log  ln x(t)
/// ```
///
/// A result is missing when a value it needs is missing, and outside each
/// formula's domain:
///
/// - `pch`, `pc1` need a positive base `x(t−lag)`. A negative base flips the
///   sign of the change: from −20 to −10 is a rise, yet
///   `(−10/−20 − 1)·100 = −50`. A zero base has no percent change at all.
///   Use `chg`/`ch1` for series that cross zero (balances, net flows).
/// - `pca` needs `x(t) > 0` and `x(t−1) > 0`: a negative ratio raised to an
///   even `n` would read as growth.
/// - `cch`, `cca`, `log` need every logged value to be positive.
/// - Any result too large for an `f64` is missing, never infinite.
///
/// # Example
/// ```
/// use econseries::Units;
///
/// let u: Units = "PC1".parse()?;
/// assert_eq!(u, Units::Pc1);
/// assert_eq!(u.to_string(), "pc1");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Units {
    /// Levels, `lin`.
    Lin,
    /// Change, `chg`.
    Chg,
    /// Change from a year ago, `ch1`.
    Ch1,
    /// Percent change, `pch`.
    Pch,
    /// Percent change from a year ago, `pc1`.
    Pc1,
    /// Compounded annual rate of change, `pca`.
    Pca,
    /// Continuously compounded rate of change, `cch`.
    Cch,
    /// Continuously compounded annual rate of change, `cca`.
    Cca,
    /// Natural log, `log`.
    Log,
}

impl From<Units> for Operation {
    fn from(units: Units) -> Operation {
        match units {
            Units::Lin => Operation::Lin,
            Units::Chg => Operation::Chg,
            Units::Ch1 => Operation::Ch1,
            Units::Pch => Operation::Pch,
            Units::Pc1 => Operation::Pc1,
            Units::Pca => Operation::Pca,
            Units::Cch => Operation::Cch,
            Units::Cca => Operation::Cca,
            Units::Log => Operation::Log,
        }
    }
}

impl Units {
    /// All nine, in FRED's order.
    pub const ALL: [Units; 9] = [
        Units::Lin,
        Units::Chg,
        Units::Ch1,
        Units::Pch,
        Units::Pc1,
        Units::Pca,
        Units::Cch,
        Units::Cca,
        Units::Log,
    ];

    /// FRED's code: `lin`, `chg`, ...
    ///
    /// # Example
    /// ```
    /// use econseries::Units;
    ///
    /// assert_eq!(Units::Pc1.code(), "pc1");
    /// assert_eq!("PCA".parse::<Units>()?.code(), "pca");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            Units::Lin => "lin",
            Units::Chg => "chg",
            Units::Ch1 => "ch1",
            Units::Pch => "pch",
            Units::Pc1 => "pc1",
            Units::Pca => "pca",
            Units::Cch => "cch",
            Units::Cca => "cca",
            Units::Log => "log",
        }
    }

    /// How many periods back the transform looks at `frequency`: 0 for `lin`
    /// and `log`, `n` (periods per year) for `ch1` and `pc1`, 1 otherwise.
    /// [`Series::units_strict`] starts this many periods after the input.
    ///
    /// # Example
    /// ```
    /// use econseries::{Frequency, Units};
    /// assert_eq!(Units::Pc1.lag(Frequency::Monthly), 12);
    /// assert_eq!(Units::Pca.lag(Frequency::Quarterly), 1);
    /// assert_eq!(Units::Log.lag(Frequency::Annual), 0);
    /// ```
    pub const fn lag(self, frequency: Frequency) -> u32 {
        match self {
            Units::Lin | Units::Log => 0,
            Units::Ch1 | Units::Pc1 => frequency.per_year(),
            Units::Chg | Units::Pch | Units::Pca | Units::Cch | Units::Cca => 1,
        }
    }
}

impl fmt::Display for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for Units {
    type Err = Error;

    /// Parses FRED's codes, ASCII case-insensitive.
    fn from_str(s: &str) -> Result<Units> {
        Units::ALL
            .into_iter()
            .find(|u| u.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error::InvalidArgument {
                name: "units",
                value: s.to_owned().into(),
                expected: "one of lin, chg, ch1, pch, pc1, pca, cch, cca, log",
            })
    }
}

/// The raw kernel of [`Series::units`]: finite or NaN in every slot.
fn units_raw(x: &[f64], units: Units, n: usize) -> Vec<f64> {
    let nf = n as f64;
    match units {
        Units::Lin => x.to_vec(),
        Units::Chg => lagged(x, 1, |now, then| finite(now - then)),
        Units::Ch1 => lagged(x, n, |now, then| finite(now - then)),
        Units::Pch => lagged(x, 1, pct),
        Units::Pc1 => lagged(x, n, pct),
        Units::Pca => lagged(x, 1, |now, then| {
            if now > 0.0 && then > 0.0 {
                finite(((now / then).powf(nf) - 1.0) * 100.0)
            } else {
                f64::NAN
            }
        }),
        // Each log is taken once, not once as x(t) and again as x(t−1).
        Units::Cch => lagged(&log_raw(x), 1, |now, then| finite((now - then) * 100.0)),
        Units::Cca => lagged(&log_raw(x), 1, |now, then| {
            finite((now - then) * 100.0 * nf)
        }),
        Units::Log => log_raw(x),
    }
}

fn log_raw(x: &[f64]) -> Vec<f64> {
    x.iter().map(|&v| ln(v)).collect()
}

/// FRED's units apply to levels only: a growth rate of a growth rate, or a
/// percent change of a percentage, is not a number anyone should publish.
/// The changes of other units are [`Series::chg`] and [`Series::ch1`] below,
/// in the unit's [`Value::Change`].
///
/// A growth rate of a growth rate does not compile, whichever growth:
/// ```compile_fail,E0599
/// use econseries::{Month, Series};
/// let yoy = Series::from_values(Month::new(2025, 1)?, [100.0, 90.0])?.pch();
/// let nonsense = yoy.pc1();
/// # Ok::<(), econseries::Error>(())
/// ```
/// ```compile_fail,E0599
/// # use econseries::{Month, Series};
/// # let yoy = Series::from_values(Month::new(2025, 1)?, [100.0, 90.0])?.pch();
/// let nonsense = yoy.pch();
/// # Ok::<(), econseries::Error>(())
/// ```
/// ```compile_fail,E0599
/// # use econseries::{Month, Series};
/// # let yoy = Series::from_values(Month::new(2025, 1)?, [100.0, 90.0])?.pch();
/// let nonsense = yoy.pca();
/// # Ok::<(), econseries::Error>(())
/// ```
/// ```compile_fail,E0599
/// # use econseries::{Month, Series, Units};
/// # let yoy = Series::from_values(Month::new(2025, 1)?, [100.0, 90.0])?.pch();
/// let nonsense = yoy.units(Units::Pc1);
/// # Ok::<(), econseries::Error>(())
/// ```
/// nor does rebasing a percentage to 100:
/// ```compile_fail,E0599
/// # use econseries::{Month, Series};
/// # let yoy = Series::from_values(Month::new(2025, 1)?, [100.0, 90.0])?.pch();
/// let nonsense = yoy.rebase_to_year(2025);
/// # Ok::<(), econseries::Error>(())
/// ```
/// The change of a percentage is in percentage points:
/// ```
/// use econseries::{Month, PercentagePoints, Series};
/// let yoy = Series::from_values(Month::new(2024, 1)?, [100.0, 90.0, 99.0])?.pch();
/// let change: Series<Month, PercentagePoints> = yoy.chg();
/// assert!((change.get(Month::new(2024, 3)?).ok_or("missing")?.get() - 20.0).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl<P: Period> Series<P> {
    /// Applies one of FRED's units (see [`Units`] for the formulas and the
    /// domain rules); undefined results are missing values. The result spans
    /// the same periods as `self`; the first periods, whose lag precedes the
    /// start, are missing.
    ///
    /// The result is a plain `f64` series whatever the input's unit: the nine
    /// codes mix levels, changes, percentages and logs. The typed shortcuts
    /// ([`pc1`](Series::pc1), [`pca`](Series::pca), ...) return
    /// [`Percent`] where the result is a percentage.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, Units};
    ///
    /// let q = |s: &str| s.parse::<Quarter>();
    /// let x = Series::from_values(q("2024-Q1")?, [100.0, 200.0, 50.0, 0.0, 150.0])?;
    /// let pch = x.units(Units::Pch);
    /// assert_eq!(pch.values().collect::<Vec<_>>(), [None, Some(100.0), Some(-75.0), Some(-100.0), None]);
    /// // 2025-Q1 compares with 2024-Q1, four quarters earlier.
    /// assert_eq!(x.units(Units::Pc1).get(q("2025-Q1")?), Some(50.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn units(&self, units: Units) -> Series<P> {
        Series::from_kernel(
            self.start(),
            units_raw(self.raw(), units, P::PER_YEAR as usize),
        )
    }

    /// Like [`units`](Series::units), but an error naming the first period whose
    /// result is undefined. The result starts at the first period whose lag lies
    /// inside the series (`start + lag`, see [`Units::lag`]) and has no
    /// missing values.
    ///
    /// # Errors
    /// - [`Error::Undefined`] naming the first period from `start + lag` on
    ///   whose result is undefined, with the reason:
    ///   [`MissingValue`](UndefinedReason::MissingValue) (`x(t)` is missing),
    ///   [`MissingComparison`](UndefinedReason::MissingComparison) (`x(t−lag)` is missing),
    ///   [`NonPositiveBase`](UndefinedReason::NonPositiveBase) (a `pch`/`pc1`
    ///   base, or either `pca` value, is `<= 0`),
    ///   [`NonPositiveLog`](UndefinedReason::NonPositiveLog) (a logged value is
    ///   `<= 0`) or [`Overflow`](UndefinedReason::Overflow), checked in that
    ///   order. When both values are non-positive, the earlier is named.
    /// - [`Error::TooShort`] if the series has no more than `lag` periods, so
    ///   that no period has a result: a strict result is never empty.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Operation, Series, UndefinedReason, Units};
    ///
    /// let x = Series::from_options(
    ///     Month::new(2024, 1)?,
    ///     [Some(10.0), Some(20.0), None, Some(40.0)],
    /// )?;
    /// let chg = x.slice(..Month::new(2024, 3)?).units_strict(Units::Chg)?;
    /// assert_eq!(chg.start(), Month::new(2024, 2)?);
    /// assert_eq!(chg.values().collect::<Vec<_>>(), [Some(10.0)]);
    ///
    /// match x.units_strict(Units::Pch) {
    ///     Err(Error::Undefined { operation, period, reason }) => {
    ///         assert_eq!(operation, Operation::Pch);
    ///         assert_eq!(period, Month::new(2024, 3)?);
    ///         assert_eq!(reason, UndefinedReason::MissingValue);
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn units_strict(&self, units: Units) -> Result<Series<P>> {
        let x = self.raw();
        let lag = units.lag(P::FREQUENCY) as usize;
        if x.len() <= lag {
            return Err(Error::TooShort {
                need: lag + 1,
                got: x.len(),
            });
        }
        let mut out = units_raw(x, units, P::PER_YEAR as usize);
        if let Some(i) = out
            .get(lag..)
            .and_then(|tail| tail.iter().position(|v| v.is_nan()))
        {
            let t = lag + i;
            return Err(Error::Undefined {
                operation: units.into(),
                period: self.period(t).into(),
                reason: self.why_undefined(units, t, lag),
            });
        }
        out.drain(..lag);
        Ok(Series::from_kernel(self.period(lag), out))
    }

    /// Why `units` is undefined at slot `t` (`t >= lag`), following the
    /// domain rules of [`Units`] in the order the error documents.
    fn why_undefined(&self, units: Units, t: usize, lag: usize) -> UndefinedReason {
        let x = self.raw();
        let at = |i: usize| self.period(i).into();
        let value = |i: Option<usize>| i.and_then(|i| x.get(i)).copied().unwrap_or(f64::NAN);
        let (now, then) = (value(Some(t)), value(t.checked_sub(lag)));
        if now.is_nan() {
            return UndefinedReason::MissingValue;
        }
        if then.is_nan() {
            let comparison = match units {
                Units::Ch1 | Units::Pc1 => Comparison::YearEarlier,
                _ => Comparison::Previous,
            };
            return UndefinedReason::MissingComparison {
                period: at(t - lag),
                comparison,
            };
        }
        match units {
            Units::Pch | Units::Pc1 | Units::Pca if then <= 0.0 => {
                UndefinedReason::NonPositiveBase(at(t - lag))
            }
            Units::Pca if now <= 0.0 => UndefinedReason::NonPositiveBase(at(t)),
            Units::Cch | Units::Cca if then <= 0.0 => UndefinedReason::NonPositiveLog(at(t - lag)),
            Units::Cch | Units::Cca | Units::Log if now <= 0.0 => {
                UndefinedReason::NonPositiveLog(at(t))
            }
            _ => UndefinedReason::Overflow,
        }
    }

    /// `pch`: percent change from the previous period; missing unless the
    /// previous value is positive (see [`Units`]).
    ///
    /// ```text
    /// pch(t) = (x(t)/x(t−1) − 1)·100
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Percent, Series};
    /// let x = Series::from_values(Month::new(2025, 1)?, [80.0, 100.0])?;
    /// assert_eq!(x.pch().get(Month::new(2025, 2)?), Some(Percent::new(25.0)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn pch(&self) -> Series<P, Percent> {
        self.units(Units::Pch).into_unit()
    }

    /// `pc1`: percent change from a year ago (year on year); missing unless
    /// the value a year earlier is present and positive (see [`Units`]).
    ///
    /// ```text
    /// pc1(t) = (x(t)/x(t−n) − 1)·100      n = periods per year
    /// ```
    ///
    /// This is the hot kernel of the crate: one vectorised pass over the
    /// series and its copy shifted by a year.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let may = Month::new(2024, 5)?;
    /// let imports = Series::from_values(may, (0..13).map(|i| if i == 12 { 30.0 } else { 40.0 }))?;
    /// let yoy = imports.pc1();
    /// assert_eq!(yoy.get(may + 12).map(|p| p.get()), Some(-25.0));
    /// assert_eq!(yoy.get(may), None); // no May 2023 in the series
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn pc1(&self) -> Series<P, Percent> {
        self.units(Units::Pc1).into_unit()
    }

    /// `pca`: compounded annual rate of change, e.g. US GDP's headline
    /// growth rate (seasonally adjusted annual rate); missing unless both
    /// values are positive.
    ///
    /// ```text
    /// pca(t) = ((x(t)/x(t−1))^n − 1)·100      n = periods per year
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let q = Quarter::new(2025, 1)?;
    /// let gdp = Series::from_values(q, [100.0, 200.0])?;
    /// assert_eq!(gdp.pca().get(q + 1).map(|p| p.get()), Some(1500.0)); // 2^4 − 1
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn pca(&self) -> Series<P, Percent> {
        self.units(Units::Pca).into_unit()
    }

    /// `cch`: continuously compounded rate of change; missing unless both
    /// values are positive.
    ///
    /// ```text
    /// cch(t) = (ln x(t) − ln x(t−1))·100
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Year, Series};
    /// let y = Year::new(2020)?;
    /// let x = Series::from_values(y, [1.0, std::f64::consts::E])?;
    /// let cch = x.cch().get(y + 1).map(|p| p.get()).unwrap_or(f64::NAN);
    /// assert!((cch - 100.0).abs() < 1e-12);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn cch(&self) -> Series<P, Percent> {
        self.units(Units::Cch).into_unit()
    }

    /// `cca`: continuously compounded annual rate of change (FRED's
    /// one-period log change times `n`, not the log change over a year);
    /// missing unless both values are positive.
    ///
    /// ```text
    /// cca(t) = (ln x(t) − ln x(t−1))·100·n      n = periods per year
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let q = Quarter::new(2025, 1)?;
    /// let x = Series::from_values(q, [1.0, std::f64::consts::E])?;
    /// let cca = x.cca().get(q + 1).map(|p| p.get()).unwrap_or(f64::NAN);
    /// assert!((cca - 400.0).abs() < 1e-12);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn cca(&self) -> Series<P, Percent> {
        self.units(Units::Cca).into_unit()
    }

    /// `log`: natural log; missing unless the value is positive.
    ///
    /// ```text
    /// log(t) = ln x(t)
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let m = Month::new(2025, 1)?;
    /// let x = Series::from_values(m, [1.0, 0.0, -1.0])?;
    /// assert_eq!(x.ln().values().collect::<Vec<_>>(), [Some(0.0), None, None]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn ln(&self) -> Series<P> {
        self.units(Units::Log)
    }
}

/// Changes exist for every unit, in the unit's [`Value::Change`].
impl<P: Period, U: Value> Series<P, U> {
    /// `chg`: change from the previous period, in the unit's
    /// [`Value::Change`]: a level's own unit, percentage points for a
    /// percentage.
    ///
    /// ```text
    /// chg(t) = x(t) − x(t−1)
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let rate = Series::from_values(Month::new(2025, 8)?, [4.25, 4.5])?;
    /// assert_eq!(rate.chg().get(Month::new(2025, 9)?), Some(0.25));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn chg(&self) -> Series<P, U::Change> {
        Series::from_kernel(
            self.start(),
            units_raw(self.raw(), Units::Chg, P::PER_YEAR as usize),
        )
    }

    /// `ch1`: change from a year ago, in the unit's [`Value::Change`]
    /// (percentage points for a percentage: the unemployment rate is 0.4
    /// points higher than a year ago).
    ///
    /// ```text
    /// ch1(t) = x(t) − x(t−n)      n = periods per year
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let q = Quarter::new(2024, 1)?;
    /// let x = Series::from_values(q, [1.0, 2.0, 3.0, 4.0, 6.5])?;
    /// assert_eq!(x.ch1().get(q + 4), Some(5.5));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn ch1(&self) -> Series<P, U::Change> {
        Series::from_kernel(
            self.start(),
            units_raw(self.raw(), Units::Ch1, P::PER_YEAR as usize),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AnyPeriod, Month, Quarter, Year};

    fn q(s: &str) -> Quarter {
        s.parse().unwrap()
    }

    /// FRED's quarterly test vector (notes/peers-transforms.md §1.1, values
    /// computed with FRED's formulas and published there to six decimals).
    #[test]
    fn fred_quarterly_test_vector() {
        let x = Series::<Quarter>::from_values(
            q("2023-Q1"),
            [100.0, 101.0, 102.5, 103.0, 104.0, 106.0],
        )
        .unwrap();
        #[rustfmt::skip]
        let want: [(Units, [Option<f64>; 6]); 8] = [
            (Units::Chg, [None, Some(1.0), Some(1.5), Some(0.5), Some(1.0), Some(2.0)]),
            (Units::Ch1, [None, None, None, None, Some(4.0), Some(5.0)]),
            (Units::Pch, [None, Some(1.000000), Some(1.485149), Some(0.487805), Some(0.970874), Some(1.923077)]),
            (Units::Pc1, [None, None, None, None, Some(4.000000), Some(4.950495)]),
            (Units::Pca, [None, Some(4.060401), Some(6.074249), Some(1.965543), Some(3.940418), Some(7.917060)]),
            (Units::Cch, [None, Some(0.995033), Some(1.474228), Some(0.486619), Some(0.966191), Some(1.904819)]),
            (Units::Cca, [None, Some(3.980132), Some(5.896913), Some(1.946476), Some(3.864764), Some(7.619278)]),
            (Units::Log, [Some(4.605170), Some(4.615121), Some(4.629863), Some(4.634729), Some(4.644391), Some(4.663439)]),
        ];
        for (u, want) in want {
            let got: Vec<_> = x.units(u).values().collect();
            for (i, (g, w)) in got.iter().zip(want).enumerate() {
                match (g, w) {
                    (Some(g), Some(w)) => {
                        assert!((g - w).abs() <= 5e-7, "{u} slot {i}: {g} vs {w}")
                    }
                    (None, None) => {}
                    _ => panic!("{u} slot {i}: {g:?} vs {w:?}"),
                }
            }
        }
        assert_eq!(x.units(Units::Lin), x);
    }

    #[test]
    fn zero_and_negative_bases_are_missing() {
        let x =
            Series::<Quarter>::from_values(q("2020-Q1"), [50.0, 0.0, 10.0, -20.0, -10.0]).unwrap();
        let pch: Vec<_> = x.pch().values().map(|v| v.map(|p| p.get())).collect();
        // base 50 → −100; base 0 → missing; base 10 → −300; base −20 → missing.
        assert_eq!(pch, [None, Some(-100.0), None, Some(-300.0), None]);
        let chg: Vec<_> = x.chg().values().collect();
        assert_eq!(
            chg,
            [None, Some(-50.0), Some(10.0), Some(-30.0), Some(10.0)]
        );
        // pca and the logs need both values positive.
        assert_eq!(x.pca().count(), 0);
        assert_eq!(x.cch().count(), 0);
        assert_eq!(x.ln().count(), 2);
    }

    #[test]
    fn missing_value_blanks_its_own_and_its_lags_results() {
        let m = Month::new(2024, 1).unwrap();
        let mut v: Vec<Option<f64>> = (0..26)
            .map(|i| Some(if i < 12 { 80.0 } else { 100.0 }))
            .collect();
        v[13] = None; // 2025-02
        let x = Series::<Month>::from_options(m, v).unwrap();
        let yoy = x.pc1();
        assert_eq!(yoy.get(m + 12).map(|p| p.get()), Some(25.0));
        assert_eq!(yoy.get(m + 13), None);
        assert_eq!(yoy.get(m + 25), None); // 2026-02 compares with the missing 2025-02
        assert!(yoy.get(m + 24).is_some());
        let chg = x.chg();
        assert_eq!((chg.get(m + 13), chg.get(m + 14)), (None, None));
    }

    #[test]
    fn overflow_is_missing() {
        let x = Series::<Quarter>::from_values(q("2021-Q3"), [1e-200, 1e200, 1e200]).unwrap();
        assert_eq!(x.pch().get(q("2021-Q4")), None);
        assert_eq!(x.pca().get(q("2022-Q1")).map(|p| p.get()), Some(0.0));
        assert!(x.cch().get(q("2021-Q4")).is_some());
        let y =
            Series::<Year>::from_values(Year::new(2000).unwrap(), [f64::MAX, -f64::MAX]).unwrap();
        assert_eq!(y.chg().count(), 0);
    }

    fn undefined(r: Result<Series<Quarter>>) -> (Operation, AnyPeriod, UndefinedReason) {
        match r {
            Err(Error::Undefined {
                operation,
                period,
                reason,
            }) => (operation, period, reason),
            other => panic!("expected Undefined, got {other:?}"),
        }
    }

    #[test]
    fn strict_names_the_first_offending_period() {
        use UndefinedReason::*;
        let x = Series::<Quarter>::from_options(
            q("2020-Q1"),
            [
                Some(5.0),
                Some(-1.0),
                Some(2.0),
                None,
                Some(4.0),
                Some(3.0),
                Some(2.0),
                Some(1.0),
                Some(7.0),
            ],
        )
        .unwrap();
        let s = |p: &str| p.parse::<AnyPeriod>().unwrap();
        assert_eq!(
            undefined(x.units_strict(Units::Pch)),
            (Operation::Pch, s("2020-Q3"), NonPositiveBase(s("2020-Q2")))
        );
        assert_eq!(
            undefined(x.units_strict(Units::Pca)),
            (Operation::Pca, s("2020-Q2"), NonPositiveBase(s("2020-Q2")))
        );
        assert_eq!(
            undefined(x.units_strict(Units::Cch)),
            (Operation::Cch, s("2020-Q2"), NonPositiveLog(s("2020-Q2")))
        );
        assert_eq!(
            undefined(x.units_strict(Units::Log)),
            (Operation::Log, s("2020-Q2"), NonPositiveLog(s("2020-Q2")))
        );
        assert_eq!(
            undefined(x.units_strict(Units::Chg)),
            (Operation::Chg, s("2020-Q4"), MissingValue)
        );
        assert_eq!(
            undefined(x.units_strict(Units::Lin)),
            (Operation::Lin, s("2020-Q4"), MissingValue)
        );
        // ch1 starts at 2021-Q1, whose lag 2020-Q1 is fine; 2021-Q4 lags the missing 2020-Q4.
        assert_eq!(
            undefined(x.units_strict(Units::Pc1)),
            (Operation::Pc1, s("2021-Q2"), NonPositiveBase(s("2020-Q2")))
        );
        let y = x.slice(q("2020-Q3")..);
        assert_eq!(
            undefined(y.units_strict(Units::Chg)),
            (Operation::Chg, s("2020-Q4"), MissingValue)
        );
        assert_eq!(
            undefined(y.units_strict(Units::Ch1)),
            (
                Operation::Ch1,
                s("2021-Q4"),
                MissingComparison {
                    period: s("2020-Q4"),
                    comparison: Comparison::YearEarlier
                }
            )
        );
        let big = Series::<Quarter>::from_values(q("2020-Q1"), [1e-200, 1e200]).unwrap();
        assert_eq!(
            undefined(big.units_strict(Units::Pch)),
            (Operation::Pch, s("2020-Q2"), Overflow)
        );
    }

    #[test]
    fn strict_trims_the_lag_and_rejects_short_series() {
        let x = Series::<Quarter>::from_values(q("2023-Q1"), [100.0, 101.0, 102.5, 103.0, 104.0])
            .unwrap();
        let yoy = x.units_strict(Units::Pc1).unwrap();
        assert_eq!((yoy.start(), yoy.len()), (q("2024-Q1"), 1));
        assert_eq!(yoy.get(q("2024-Q1")), x.units(Units::Pc1).get(q("2024-Q1")));
        assert_eq!(x.units_strict(Units::Log).unwrap().len(), 5);
        let short = x.slice(..q("2024-Q1"));
        assert!(matches!(
            short.units_strict(Units::Ch1),
            Err(Error::TooShort { need: 5, got: 4 })
        ));
        let empty = Series::<Quarter>::empty(q("2023-Q1"));
        assert!(matches!(
            empty.units_strict(Units::Lin),
            Err(Error::TooShort { need: 1, got: 0 })
        ));
        assert!(empty.units(Units::Pc1).is_empty());
    }

    #[test]
    fn lag_and_parse() {
        assert_eq!(Units::Ch1.lag(Frequency::Quarterly), 4);
        assert_eq!(Units::Cca.lag(Frequency::Monthly), 1);
        for u in Units::ALL {
            assert_eq!(u.code().parse::<Units>().unwrap(), u);
        }
        assert!("yoy".parse::<Units>().is_err());
    }
}
