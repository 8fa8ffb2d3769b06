use super::kernel;
use crate::error::{Comparison, Error, Operation, Result, UndefinedReason};
use crate::period::{Period, Year};
use crate::series::Series;
use crate::unit::{Percent, Value};

/// Rebasing, deflating and compound growth are for levels: a percentage
/// rebased to 100 or deflated means nothing.
impl<P: Period> Series<P> {
    /// Rebased so that the value at `base` is 100.
    ///
    /// ```text
    /// r(t) = (100·x(t)) / x(base)
    /// ```
    ///
    /// Growth rates are unchanged. The product is formed first (as pandas
    /// does), so the base period itself may read 99.99999999999999.
    ///
    /// # Errors
    /// [`Error::Undefined`] naming `base` if its value is missing or `base`
    /// lies outside the series ([`MissingValue`](UndefinedReason::MissingValue)),
    /// or if it is not positive ([`NonPositiveBase`](UndefinedReason::NonPositiveBase)).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// let m = Month::new(2019, 12)?;
    /// let imports = Series::from_values(m, [40.0, 30.0, 50.0])?;
    /// let idx = imports.rebase_to_period(m)?;
    /// assert_eq!(idx.values().collect::<Vec<_>>(), [Some(100.0), Some(75.0), Some(125.0)]);
    /// assert!(imports.rebase_to_period(m - 1).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rebase_to_period(&self, base: P) -> Result<Series<P>> {
        let undefined = |reason| Error::Undefined {
            operation: Operation::Rebase,
            period: base.into(),
            reason,
        };
        let b = self
            .position(base)
            .and_then(|i| self.raw().get(i).copied())
            .filter(|b| !b.is_nan())
            .ok_or_else(|| undefined(UndefinedReason::MissingValue))?;
        if b <= 0.0 {
            return Err(undefined(UndefinedReason::NonPositiveBase(base.into())));
        }
        Ok(self.map_raw(|x| 100.0 * x / b))
    }

    /// Rebased so that the mean over calendar year `year` is 100 ("2017 = 100").
    ///
    /// ```text
    /// r(t) = (100·x(t)) / mean(x over the n periods of year)
    /// ```
    ///
    /// # Errors
    /// [`Error::Undefined`] with the year as its period (e.g. `"2017"`) if
    /// any period of the year is missing or outside the series
    /// ([`IncompleteWindow`](UndefinedReason::IncompleteWindow)), if the mean is
    /// not positive ([`NonPositiveBase`](UndefinedReason::NonPositiveBase)) or
    /// if the sum overflows ([`Overflow`](UndefinedReason::Overflow)).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let q = Quarter::new(2017, 1)?;
    /// let gdp = Series::from_values(q, [90.0, 100.0, 100.0, 110.0, 120.0])?;
    /// let idx = gdp.rebase_to_year(2017)?;
    /// assert_eq!(idx.get(q + 4), Some(120.0));
    /// assert!(gdp.rebase_to_year(2018).is_err()); // only 2018-Q1 is known
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn rebase_to_year(&self, year: i32) -> Result<Series<P>> {
        let base = Year::new(year)?;
        let undefined = |reason| Error::Undefined {
            operation: Operation::Rebase,
            period: base.into(),
            reason,
        };
        let n = P::PER_YEAR as usize;
        let first = P::from_index(i64::from(year) * i64::from(P::PER_YEAR))
            .ok()
            .and_then(|p| self.position(p))
            .filter(|&i| i + n <= self.len())
            .ok_or_else(|| undefined(UndefinedReason::IncompleteWindow))?;
        let window = self.raw().get(first..first + n).unwrap_or_default();
        if window.iter().any(|v| v.is_nan()) {
            return Err(undefined(UndefinedReason::IncompleteWindow));
        }
        let mean = kernel::mean(window);
        if !mean.is_finite() {
            return Err(undefined(UndefinedReason::Overflow));
        }
        if mean <= 0.0 {
            return Err(undefined(UndefinedReason::NonPositiveBase(base.into())));
        }
        Ok(self.map_raw(|x| 100.0 * x / mean))
    }

    /// Deflated by a price index (100 in its base period), turning a nominal
    /// series into a real one in the index's base-period prices.
    ///
    /// ```text
    /// real(t) = x(t)·100 / price(t)
    /// ```
    ///
    /// The result spans the periods the two series have in common (see
    /// [`align`](Series::align)); it is missing where either value is missing
    /// or the price index is not positive.
    ///
    /// # Example
    /// ```
    /// use econseries::{Year, Series};
    /// let y = Year::new(2020)?;
    /// let nominal = Series::from_values(y, [100.0, 110.0, 121.0])?;
    /// let prices = Series::from_values(y + 1, [110.0, 0.0])?;
    /// let real = nominal.deflate(&prices);
    /// assert_eq!(real.start(), y + 1);
    /// assert_eq!(real.values().collect::<Vec<_>>(), [Some(100.0), None]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn deflate<V: Value>(&self, price_index: &Series<P, V>) -> Series<P> {
        let (x, price) = self.align(price_index);
        let out = x
            .raw()
            .iter()
            .zip(price.raw())
            .map(|(&v, &p)| {
                let r = v * 100.0 / p;
                if p > 0.0 && r.is_finite() {
                    r
                } else {
                    f64::NAN
                }
            })
            .collect();
        Series::from_raw(x.start(), out)
    }

    /// Compound annual growth rate from `from` to `to`.
    ///
    /// ```text
    /// cagr = ((x(to)/x(from))^(n/k) − 1)·100
    ///        n = periods per year, k = to − from in periods
    /// ```
    ///
    /// With `k = n` this is [`pc1`](Series::pc1) at `to`; with `k = 1`, [`pca`](Series::pca).
    ///
    /// # Errors
    /// - [`Error::InvalidArgument`] unless `from < to`.
    /// - [`Error::Undefined`] naming `to`, as for `pc1` at `to`:
    ///   [`MissingValue`](UndefinedReason::MissingValue) if `x(to)` is missing
    ///   or outside the series, [`MissingComparison`](UndefinedReason::MissingComparison) if
    ///   `x(from)` is, [`NonPositiveBase`](UndefinedReason::NonPositiveBase)
    ///   naming whichever of the two is not positive (`from` first), or
    ///   [`Overflow`](UndefinedReason::Overflow).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// let q = Quarter::new(2023, 1)?;
    /// let x = Series::from_values(q, [100.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 121.0])?;
    /// // 21% over two years is 10% a year.
    /// assert!((x.cagr(q, q + 8)?.get() - 10.0).abs() < 1e-12);
    /// assert!(x.cagr(q + 1, q + 8).is_err()); // zero base
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn cagr(&self, from: P, to: P) -> Result<Percent> {
        if from >= to {
            return Err(Error::InvalidArgument {
                name: "to",
                value: to.to_string().into(),
                expected: "a period after `from`",
            });
        }
        let undefined = |reason| Error::Undefined {
            operation: Operation::Cagr,
            period: to.into(),
            reason,
        };
        let value = |p: P| self.get(p).map(Value::get);
        let end = value(to).ok_or_else(|| undefined(UndefinedReason::MissingValue))?;
        let start = value(from).ok_or_else(|| {
            undefined(UndefinedReason::MissingComparison {
                period: from.into(),
                comparison: Comparison::Base,
            })
        })?;
        for (p, v) in [(from, start), (to, end)] {
            if v <= 0.0 {
                return Err(undefined(UndefinedReason::NonPositiveBase(p.into())));
            }
        }
        let k = f64::from(to.periods_since(from));
        let r = ((end / start).powf(f64::from(P::PER_YEAR) / k) - 1.0) * 100.0;
        Percent::new(r).map_err(|_| undefined(UndefinedReason::Overflow))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter, Year};

    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    fn ap(s: &str) -> crate::AnyPeriod {
        s.parse().unwrap()
    }

    fn reason<T: core::fmt::Debug>(r: Result<T>) -> (String, UndefinedReason) {
        match r {
            Err(Error::Undefined { period, reason, .. }) => (period.to_string(), reason),
            other => panic!("expected Undefined, got {other:?}"),
        }
    }

    #[test]
    fn rebase_to_period_rules() {
        let x = Series::<Month>::from_options(
            m(2020, 1),
            [Some(50.0), None, Some(0.0), Some(-1.0), Some(75.0)],
        )
        .unwrap();
        let r = x.rebase_to_period(m(2020, 1)).unwrap();
        assert_eq!(
            r.values().collect::<Vec<_>>(),
            [Some(100.0), None, Some(0.0), Some(-2.0), Some(150.0)]
        );
        use UndefinedReason::*;
        assert_eq!(
            reason(x.rebase_to_period(m(2020, 2))),
            ("2020-02".into(), MissingValue)
        );
        assert_eq!(
            reason(x.rebase_to_period(m(2019, 12))),
            ("2019-12".into(), MissingValue)
        );
        assert_eq!(
            reason(x.rebase_to_period(m(2020, 3))),
            ("2020-03".into(), NonPositiveBase(ap("2020-03")))
        );
        assert_eq!(
            reason(x.rebase_to_period(m(2020, 4))),
            ("2020-04".into(), NonPositiveBase(ap("2020-04")))
        );
    }

    #[test]
    fn rebase_to_year_rules() {
        let q = Quarter::new(2016, 3).unwrap();
        let x = Series::<Quarter>::from_options(
            q,
            [
                Some(1.0),
                Some(1.0),
                Some(2.0),
                Some(4.0),
                Some(6.0),
                Some(8.0),
                None,
                Some(-5.0),
            ],
        )
        .unwrap();
        let r = x.rebase_to_year(2017).unwrap();
        assert_eq!(r.get(q + 2), Some(40.0)); // mean 5
        use UndefinedReason::*;
        assert_eq!(
            reason(x.rebase_to_year(2016)),
            ("2016".into(), IncompleteWindow)
        );
        assert_eq!(
            reason(x.rebase_to_year(2018)),
            ("2018".into(), IncompleteWindow)
        );
        assert_eq!(
            reason(x.rebase_to_year(2030)),
            ("2030".into(), IncompleteWindow)
        );
        assert!(matches!(
            x.rebase_to_year(-5),
            Err(Error::YearOutOfRange { year: -5 })
        ));
        let neg = Series::<Year>::from_values(Year::new(2017).unwrap(), [-3.0]).unwrap();
        assert_eq!(
            reason(neg.rebase_to_year(2017)),
            ("2017".into(), NonPositiveBase(ap("2017")))
        );
    }

    #[test]
    fn deflate_on_common_span() {
        let x = Series::<Month>::from_values(m(2020, 1), [100.0, 200.0, 300.0]).unwrap();
        let p = Series::<Month>::from_options(m(2020, 2), [Some(200.0), None, Some(50.0)]).unwrap();
        let real = x.deflate(&p);
        assert_eq!(real.start(), m(2020, 2));
        assert_eq!(real.values().collect::<Vec<_>>(), [Some(100.0), None]);
        let far = Series::<Month>::from_values(m(2030, 1), [100.0]).unwrap();
        assert!(x.deflate(&far).is_empty());
    }

    #[test]
    fn cagr_rules() {
        let x = Series::<Year>::from_options(
            Year::new(2000).unwrap(),
            [Some(100.0), None, Some(121.0), Some(0.0)],
        )
        .unwrap();
        let y = |n| Year::new(n).unwrap();
        assert!((x.cagr(y(2000), y(2002)).unwrap().get() - 10.0).abs() < 1e-12);
        assert!(matches!(
            x.cagr(y(2002), y(2002)),
            Err(Error::InvalidArgument { .. })
        ));
        assert!(matches!(
            x.cagr(y(2002), y(2000)),
            Err(Error::InvalidArgument { .. })
        ));
        use UndefinedReason::*;
        assert_eq!(
            reason(x.cagr(y(2000), y(2001))),
            ("2001".into(), MissingValue)
        );
        assert_eq!(
            reason(x.cagr(y(1999), y(2002))),
            (
                "2002".into(),
                MissingComparison {
                    period: ap("1999"),
                    comparison: Comparison::Base
                }
            )
        );
        assert_eq!(
            reason(x.cagr(y(2000), y(2003))),
            ("2003".into(), NonPositiveBase(ap("2003")))
        );
        let big = Series::<Year>::from_values(y(2000), [1e-300, 1e300]).unwrap();
        assert_eq!(
            reason(big.cagr(y(2000), y(2001))),
            ("2001".into(), Overflow)
        );
        // k = n is pc1, k = 1 is pca.
        let q = Series::<Quarter>::from_values(
            Quarter::new(2020, 1).unwrap(),
            [100.0, 103.0, 99.0, 104.0, 107.0],
        )
        .unwrap();
        let (q0, q4) = (q.start(), q.start() + 4);
        let pc1 = q.pc1().get(q4).unwrap().get();
        assert!((q.cagr(q0, q4).unwrap().get() - pc1).abs() < 1e-12);
        let pca = q.pca().get(q4).unwrap().get();
        assert!((q.cagr(q4 - 1, q4).unwrap().get() - pca).abs() < 1e-12);
    }
}
