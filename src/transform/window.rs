use super::kernel::{self, lagged, pct};
use crate::error::{Error, Operation, Result, UndefinedReason};
use crate::period::Period;
use crate::series::Series;
use crate::unit::{Percent, Value};

impl<P: Period, U: Value> Series<P, U> {
    /// Mean over the `k` periods ending at each period; missing unless all `k`
    /// are present, so the first `k − 1` periods are missing and a missing
    /// value blanks the `k` windows that contain it.
    ///
    /// ```text
    /// mean_k(t) = (x(t−k+1) + … + x(t)) / k
    /// ```
    ///
    /// O(n) whatever `k`, and free of the drift of a running sum: see
    /// [`rolling_sum`](Series::rolling_sum). The mean of finite values is
    /// finite even where their sum is not (three values of 1e308 average to
    /// 1e308).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `k == 0`.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let m = Month::new(2025, 7)?;
    /// let unrate = Series::from_options(m, [Some(4.2), Some(4.3), Some(4.4), None, Some(4.6)])?;
    /// let ma3 = unrate.rolling_mean(3)?;
    /// assert!((ma3.get(m + 2).unwrap_or(f64::NAN) - 4.3).abs() < 1e-12);
    /// assert_eq!(ma3.get(m + 4), None); // its window holds the missing month
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rolling_mean(&self, k: usize) -> Result<Series<P, U>> {
        let k = check_window(k)?;
        let kf = k as f64;
        let x = self.raw();
        let mut out = kernel::rolling_sum(x, k);
        for v in &mut out {
            *v /= kf;
        }
        // A window sum can overflow (and read as missing) only if a value
        // exceeds f64::MAX / k; such windows' means are taken again on the
        // values times 2⁻⁶⁴ (exact), where the sum fits.
        if x.iter().any(|v| v.abs() > f64::MAX / kf) {
            let scaled: Vec<f64> = x.iter().map(|v| v * kernel::DOWN).collect();
            let sums = kernel::rolling_sum(&scaled, k);
            for (v, s) in out.iter_mut().zip(sums) {
                if v.is_nan() && !s.is_nan() {
                    *v = kernel::unscaled_mean(s, kf);
                }
            }
        }
        Ok(Series::from_kernel(self.start(), out))
    }

    /// Sum over the `k` periods ending at each period; missing unless all `k`
    /// are present.
    ///
    /// ```text
    /// sum_k(t) = x(t−k+1) + … + x(t)
    /// ```
    ///
    /// O(n) whatever `k`. A running sum that adds the entering value and
    /// subtracts the leaving one drifts; here the series is cut into blocks of
    /// `k` and each window is the compensated sum of the tail of one block
    /// plus that of the head of the next, so every result is computed afresh
    /// and agrees with pandas' `rolling(k).sum()` to about 1e-15 relative.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] if `k == 0`.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let q = Quarter::new(2024, 1)?;
    /// let flows = Series::from_values(q, [1.0, 2.0, 3.0, 4.0, 5.0])?;
    /// let annual = flows.rolling_sum(4)?;
    /// assert_eq!(annual.values().collect::<Vec<_>>(), [None, None, None, Some(10.0), Some(14.0)]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rolling_sum(&self, k: usize) -> Result<Series<P, U>> {
        let k = check_window(k)?;
        Ok(Series::from_kernel(
            self.start(),
            kernel::rolling_sum(self.raw(), k),
        ))
    }

    /// Like [`rolling_mean`](Series::rolling_mean), but starting at the first
    /// complete window (`start + k − 1`) and an error instead of any missing
    /// value.
    ///
    /// # Errors
    /// - [`Error::InvalidArgument`] if `k == 0`.
    /// - [`Error::TooShort`] if the series has fewer than `k` periods.
    /// - [`Error::Undefined`] naming the first period whose window is not
    ///   complete: [`MissingValue`](UndefinedReason::MissingValue) if its own
    ///   value is missing, [`IncompleteWindow`](UndefinedReason::IncompleteWindow)
    ///   if an earlier one is (a mean never overflows).
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series, UndefinedReason};
    /// let m = Month::new(2025, 8)?;
    /// let unrate = Series::from_options(m, [Some(4.3), Some(4.4), None, Some(4.5), Some(4.6)])?;
    /// let head = unrate.slice(..m + 2).rolling_mean_strict(2)?;
    /// assert_eq!(head.start(), m + 1);
    /// match unrate.rolling_mean_strict(2) {
    ///     Err(Error::Undefined { period, reason, .. }) => {
    ///         assert_eq!(period, m + 2);
    ///         assert_eq!(reason, UndefinedReason::MissingValue);
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rolling_mean_strict(&self, k: usize) -> Result<Series<P, U>> {
        let out = self.rolling_mean(k)?;
        self.window_strict(Operation::RollingMean, out, k)
    }

    /// Like [`rolling_sum`](Series::rolling_sum), but starting at the first
    /// complete window (`start + k − 1`) and an error instead of any missing
    /// value.
    ///
    /// # Errors
    /// As for [`rolling_mean_strict`](Series::rolling_mean_strict).
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Quarter, Series, UndefinedReason};
    /// let q = Quarter::new(2024, 1)?;
    /// let x = Series::from_options(q, [None, Some(1.0), Some(2.0), Some(3.0)])?;
    /// assert_eq!(x.slice(q + 1..).rolling_sum_strict(3)?.values().collect::<Vec<_>>(), [Some(6.0)]);
    /// match x.rolling_sum_strict(2) {
    ///     Err(Error::Undefined { period, reason, .. }) => {
    ///         assert_eq!(period, q + 1);
    ///         assert_eq!(reason, UndefinedReason::IncompleteWindow);
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rolling_sum_strict(&self, k: usize) -> Result<Series<P, U>> {
        let out = self.rolling_sum(k)?;
        self.window_strict(Operation::RollingSum, out, k)
    }

    /// The strict form of a rolling result `out` (same span as `self`).
    fn window_strict(
        &self,
        operation: Operation,
        out: Series<P, U>,
        k: usize,
    ) -> Result<Series<P, U>> {
        let n = self.len();
        if n < k {
            return Err(Error::TooShort { need: k, got: n });
        }
        let first = k - 1;
        let tail = out.raw().get(first..).unwrap_or_default();
        if let Some(i) = tail.iter().position(|v| v.is_nan()) {
            let t = first + i;
            let x = self.raw();
            let reason = if x.get(t).is_none_or(|v| v.is_nan()) {
                UndefinedReason::MissingValue
            } else if x
                .get(t + 1 - k..t)
                .is_some_and(|w| w.iter().any(|v| v.is_nan()))
            {
                UndefinedReason::IncompleteWindow
            } else {
                UndefinedReason::Overflow
            };
            return Err(Error::Undefined {
                operation,
                period: self.period(t).into(),
                reason,
            });
        }
        Ok(out.slice(self.period(first)..))
    }

    /// Year-to-date sum: the cumulative sum from the first period of the
    /// calendar year to each period.
    ///
    /// ```text
    /// ytd(t) = x(first period of t's year) + … + x(t)
    /// ```
    ///
    /// Missing at `t` if any period of that year up to `t` is missing. Periods
    /// of the year before the series' start count as missing, so a monthly
    /// series starting in March has no year-to-date values for its first year.
    /// For an annual series the year-to-date sum is the series itself.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let nov = Month::new(2024, 11)?;
    /// let x = Series::from_values(nov, [5.0, 6.0, 1.0, 2.0, 3.0])?;
    /// let ytd = x.ytd_sum();
    /// assert_eq!(ytd.values().collect::<Vec<_>>(), [None, None, Some(1.0), Some(3.0), Some(6.0)]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn ytd_sum(&self) -> Series<P, U> {
        Series::from_kernel(self.start(), self.ytd_raw())
    }

    fn ytd_raw(&self) -> Vec<f64> {
        kernel::ytd(self.raw(), self.start().position() - 1, P::PER_YEAR)
    }

    /// Like [`ytd_sum`](Series::ytd_sum), but starting at the first period
    /// that opens a calendar year (the first whose year-to-date window lies
    /// inside the series) and an error instead of any missing value.
    ///
    /// # Errors
    /// - [`Error::TooShort`] if no year opens inside the series; `need` is the
    ///   number of periods up to and including the first one that would.
    /// - [`Error::Undefined`] naming the first missing value from there on
    ///   ([`MissingValue`](UndefinedReason::MissingValue)), or the first
    ///   period whose sum overflows ([`Overflow`](UndefinedReason::Overflow)).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let nov = Month::new(2024, 11)?;
    /// let x = Series::from_values(nov, [5.0, 6.0, 1.0, 2.0])?;
    /// let ytd = x.ytd_sum_strict()?;
    /// assert_eq!(ytd.start(), Month::new(2025, 1)?);
    /// assert_eq!(ytd.values().collect::<Vec<_>>(), [Some(1.0), Some(3.0)]);
    /// assert!(x.slice(..nov + 2).ytd_sum_strict().is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn ytd_sum_strict(&self) -> Result<Series<P, U>> {
        let per_year = P::PER_YEAR as usize;
        let first = (per_year + 1 - self.start().position() as usize) % per_year;
        let n = self.len();
        if n <= first {
            return Err(Error::TooShort {
                need: first + 1,
                got: n,
            });
        }
        let out = self.ytd_raw();
        let tail = out.get(first..).unwrap_or_default();
        if let Some(i) = tail.iter().position(|v| v.is_nan()) {
            let t = first + i;
            // The sum up to t − 1 (if in the same year) was defined, so either
            // x(t) itself is missing or adding it overflowed.
            let reason = if self.raw().get(t).is_none_or(|v| v.is_nan()) {
                UndefinedReason::MissingValue
            } else {
                UndefinedReason::Overflow
            };
            return Err(Error::Undefined {
                operation: Operation::YtdSum,
                period: self.period(t).into(),
                reason,
            });
        }
        Ok(Series::from_kernel(self.period(first), tail.to_vec()))
    }

    /// Single periods recovered from a year-to-date series (the inverse of
    /// [`ytd_sum`](Series::ytd_sum), up to rounding).
    ///
    /// ```text
    /// x(t) = ytd(t)               if t is the first period of its year
    /// x(t) = ytd(t) − ytd(t−1)    otherwise
    /// ```
    ///
    /// Missing if either value is missing; the period before the series'
    /// start counts as missing.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let nov = Month::new(2024, 11)?;
    /// let ytd = Series::from_values(nov, [50.0, 60.0, 5.0, 12.0])?;
    /// let single = ytd.from_ytd();
    /// assert_eq!(single.values().collect::<Vec<_>>(), [None, Some(10.0), Some(5.0), Some(7.0)]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_ytd(&self) -> Series<P, U> {
        Series::from_kernel(
            self.start(),
            kernel::from_ytd(self.raw(), self.start().position() - 1, P::PER_YEAR),
        )
    }
}

fn check_window(k: usize) -> Result<usize> {
    if k == 0 {
        Err(Error::InvalidArgument {
            name: "k",
            value: k.to_string().into(),
            expected: "a window of at least 1 period",
        })
    } else {
        Ok(k)
    }
}

/// Growth of year-to-date sums exists for levels only, like every growth rate.
impl<P: Period> Series<P> {
    /// Year-on-year percent change of the year-to-date sum, as China's customs
    /// and statistics bureau publish it ("exports rose 5.6% in January to
    /// October"); missing unless both sums exist and last year's is positive.
    ///
    /// ```text
    /// ytd_yoy(t) = (ytd(t)/ytd(t−n) − 1)·100      n = periods per year
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let q = Quarter::new(2024, 1)?;
    /// let x = Series::from_values(q, [1.0, 1.0, 1.0, 1.0, 1.0, 2.0])?;
    /// // H1 2025 = 3 against H1 2024 = 2.
    /// assert_eq!(x.ytd_yoy().get(q + 5).map(|p| p.get()), Some(50.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn ytd_yoy(&self) -> Series<P, Percent> {
        Series::from_kernel(
            self.start(),
            lagged(&self.ytd_raw(), P::PER_YEAR as usize, pct),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter, Year};

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    fn vals<P: Period, U: Value>(s: &Series<P, U>) -> Vec<Option<f64>> {
        s.values().map(|v| v.map(Value::get)).collect()
    }

    #[test]
    fn rolling_blanks_every_window_holding_a_gap() {
        let x = Series::<Month>::from_options(
            m(2025, 1),
            [
                Some(1.0),
                Some(2.0),
                Some(3.0),
                None,
                Some(5.0),
                Some(6.0),
                Some(7.0),
                Some(8.0),
            ],
        )
        .unwrap();
        assert_eq!(
            vals(&x.rolling_sum(3).unwrap()),
            [
                None,
                None,
                Some(6.0),
                None,
                None,
                None,
                Some(18.0),
                Some(21.0)
            ]
        );
        assert_eq!(vals(&x.rolling_mean(1).unwrap()), vals(&x));
        assert!(x.rolling_mean(9).unwrap().values().all(|v| v.is_none()));
        assert!(matches!(
            x.rolling_sum(0),
            Err(Error::InvalidArgument { name: "k", .. })
        ));
        assert!(x.rolling_mean(0).is_err());
    }

    #[test]
    fn rolling_strict() {
        let x = Series::<Month>::from_options(
            m(2025, 1),
            [Some(1.0), None, Some(3.0), Some(4.0), Some(5.0)],
        )
        .unwrap();
        let e = x.rolling_sum_strict(3).unwrap_err();
        assert!(
            matches!(&e, Error::Undefined { operation: Operation::RollingSum, period, reason: UndefinedReason::IncompleteWindow } if period.to_string() == "2025-03"),
            "{e:?}"
        );
        let e = x.rolling_mean_strict(1).unwrap_err();
        assert!(
            matches!(&e, Error::Undefined { period, reason: UndefinedReason::MissingValue, .. } if period.to_string() == "2025-02"),
            "{e:?}"
        );
        let tail = x.slice(m(2025, 3)..).rolling_mean_strict(2).unwrap();
        assert_eq!(
            (tail.start(), vals(&tail)),
            (m(2025, 4), vec![Some(3.5), Some(4.5)])
        );
        assert!(matches!(
            x.rolling_sum_strict(6),
            Err(Error::TooShort { need: 6, got: 5 })
        ));
        let big =
            Series::<Year>::from_values(Year::new(2000).unwrap(), [f64::MAX, f64::MAX]).unwrap();
        assert!(matches!(
            big.rolling_sum_strict(2),
            Err(Error::Undefined {
                reason: UndefinedReason::Overflow,
                ..
            })
        ));
        // The mean of the same values is representable (issue 15).
        assert_eq!(vals(&big.rolling_mean_strict(2).unwrap()), [Some(f64::MAX)]);
        let huge = Series::<Year>::from_options(
            Year::new(2000).unwrap(),
            [
                Some(1e308),
                Some(1e308),
                Some(1e308),
                None,
                Some(-1e308),
                Some(1.0),
            ],
        )
        .unwrap();
        assert_eq!(
            vals(&huge.rolling_mean(2).unwrap()),
            [
                None,
                Some(1e308),
                Some(1e308),
                None,
                None,
                Some(-5e307 + 0.5)
            ]
        );
    }

    #[test]
    fn ytd_resets_each_year_and_respects_gaps() {
        let x = Series::<Quarter>::from_options(
            Quarter::new(2023, 3).unwrap(),
            [
                Some(1.0),
                Some(1.0),
                Some(2.0),
                None,
                Some(3.0),
                Some(4.0),
                Some(5.0),
            ],
        )
        .unwrap();
        // 2023 starts mid-year: missing. 2024: 2, gap blanks Q2..Q4. 2025: 5.
        assert_eq!(
            vals(&x.ytd_sum()),
            [None, None, Some(2.0), None, None, None, Some(5.0)]
        );
        let back = x.ytd_sum().from_ytd();
        assert_eq!(
            vals(&back),
            [None, None, Some(2.0), None, None, None, Some(5.0)]
        );
        let y =
            Series::<Year>::from_options(Year::new(2000).unwrap(), [Some(1.0), None, Some(3.0)])
                .unwrap();
        assert_eq!(y.ytd_sum(), y);
        assert_eq!(y.from_ytd(), y);
    }

    #[test]
    fn ytd_yoy_compares_same_months() {
        let x = Series::<Month>::from_values(m(2024, 1), (1..=14).map(f64::from)).unwrap();
        let yoy = x.ytd_yoy();
        // Jan 2025 = 13 vs Jan 2024 = 1; Jan–Feb 2025 = 27 vs 3.
        assert_eq!(yoy.get(m(2025, 1)).map(|p| p.get()), Some(1200.0));
        assert_eq!(yoy.get(m(2025, 2)).map(|p| p.get()), Some(800.0));
        assert_eq!(yoy.get(m(2024, 12)), None);
    }

    #[test]
    fn ytd_strict() {
        let x = Series::<Month>::from_options(
            m(2024, 11),
            [Some(1.0), Some(1.0), Some(2.0), Some(3.0), None, Some(4.0)],
        )
        .unwrap();
        let e = x.ytd_sum_strict().unwrap_err();
        assert!(
            matches!(&e, Error::Undefined { operation: Operation::YtdSum, period, reason: UndefinedReason::MissingValue } if period.to_string() == "2025-03"),
            "{e:?}"
        );
        let ok = x.slice(..m(2025, 3)).ytd_sum_strict().unwrap();
        assert_eq!(
            (ok.start(), vals(&ok)),
            (m(2025, 1), vec![Some(2.0), Some(5.0)])
        );
        assert!(matches!(
            x.slice(..m(2025, 1)).ytd_sum_strict(),
            Err(Error::TooShort { need: 3, got: 2 })
        ));
        let jan = x.slice(m(2025, 1)..m(2025, 3)).ytd_sum_strict().unwrap();
        assert_eq!(jan.start(), m(2025, 1));
    }
}
