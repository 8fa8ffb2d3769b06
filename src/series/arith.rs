//! Arithmetic between aligned series: [`Series::map`], [`Series::zip_with`]
//! and the operators the units allow.
//!
//! | left | op | right | result |
//! |---|---|---|---|
//! | level (`f64`) | `+ - * /` | level | level |
//! | [`Percent`] | `+` | [`Percent`] | [`Percent`] |
//! | [`Percent`] | `-` | [`Percent`] | [`PercentagePoints`] |
//! | [`PercentagePoints`] | `+ -` | [`PercentagePoints`] | [`PercentagePoints`] |
//! | [`IndexPoints`] | `+ -` | [`IndexPoints`] | [`IndexPoints`] |
//! | any | `* /` | `f64` | the same unit |
//! | level | `+ -` | `f64` | level |
//! | any | unary `-` | | the same unit |
//!
//! Two series combine over the periods they have in common (the
//! intersection of their spans, as [`Series::align`]); a result is missing
//! where either value is missing or where it is not a finite number (an
//! overflow, a division by zero), never `inf`. Operators are defined on
//! references (`&a - &b`) and on owned series (`a - b`).
//!
//! Units that do not add up do not compile:
//! ```compile_fail,E0369
//! use econseries::{Month, Percent, PercentagePoints, Series};
//! let g: Series<Month, Percent> = Series::from_values(Month::new(2025, 1)?, [Percent::new(2.0)?])?;
//! let d: Series<Month, PercentagePoints> = g.chg();
//! let x = &g + &d;
//! # Ok::<(), econseries::Error>(())
//! ```
//! ```compile_fail,E0369
//! use econseries::{Month, Percent, Series};
//! let g: Series<Month, Percent> = Series::from_values(Month::new(2025, 1)?, [Percent::new(2.0)?])?;
//! let level = Series::from_values(Month::new(2025, 1)?, [100.0])?;
//! let x = &level + &g;
//! # Ok::<(), econseries::Error>(())
//! ```
//! ```compile_fail,E0308
//! use econseries::{Month, Percent, Series};
//! let g: Series<Month, Percent> = Series::from_values(Month::new(2025, 1)?, [Percent::new(2.0)?])?;
//! let x: Series<Month, Percent> = &g - &g; // percentage points
//! # Ok::<(), econseries::Error>(())
//! ```
//! ```compile_fail,E0308
//! use econseries::{Month, Quarter, Series};
//! let m = Series::from_values(Month::new(2025, 1)?, [1.0])?;
//! let q = Series::from_values(Quarter::new(2025, 1)?, [1.0])?;
//! let x = &m + &q;
//! # Ok::<(), econseries::Error>(())
//! ```

use super::Series;
use crate::period::Period;
use crate::unit::{IndexPoints, Percent, PercentagePoints, Value};

impl<P: Period, U: Value> Series<P, U> {
    /// `f` applied to every value; a missing value stays missing, and a
    /// result that is not finite (possible only for an `f64` result) is
    /// missing.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// // Monthly imports in millions of dollars, as billions.
    /// let imports = Series::from_options(Month::new(2025, 4)?, [Some(25_378.1), None])?;
    /// let bn = imports.map(|x| x / 1000.0);
    /// assert_eq!(bn.values().collect::<Vec<_>>(), [Some(25.3781), None]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn map<V: Value>(&self, mut f: impl FnMut(U) -> V) -> Series<P, V> {
        self.map_raw(|x| f(<U as crate::unit::Sealed>::wrap(x)).get())
    }

    /// `f` applied to the values of `self` and `other` at each period they
    /// have in common (the intersection of their spans); missing where
    /// either value is missing or the result is not finite.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let jan = Month::new(2025, 1)?;
    /// let exports = Series::from_values(jan, [10.0, 11.0, 12.0])?;
    /// let imports = Series::from_options(jan + 1, [Some(30.0), None])?;
    /// // The exports' share of two-way trade, where both are known.
    /// let share = exports.zip_with(&imports, |x, m| 100.0 * x / (x + m));
    /// assert_eq!(share.start(), jan + 1);
    /// assert_eq!(share.values().collect::<Vec<_>>(), [Some(26.829268292682926), None]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn zip_with<V: Value, W: Value>(
        &self,
        other: &Series<P, V>,
        mut f: impl FnMut(U, V) -> W,
    ) -> Series<P, W> {
        self.zip_raw(other, |x, y| {
            f(
                <U as crate::unit::Sealed>::wrap(x),
                <V as crate::unit::Sealed>::wrap(y),
            )
            .get()
        })
    }

    /// [`zip_with`](Series::zip_with) on raw numbers: `f` sees only present
    /// values; non-finite results become missing.
    fn zip_raw<V: Value, W: Value>(
        &self,
        other: &Series<P, V>,
        mut f: impl FnMut(f64, f64) -> f64,
    ) -> Series<P, W> {
        let (a, b) = self.align(other);
        let values = a
            .raw()
            .iter()
            .zip(b.raw())
            .map(|(&x, &y)| {
                if x.is_nan() || y.is_nan() {
                    f64::NAN
                } else {
                    f(x, y)
                }
            })
            .collect();
        Series::from_raw(a.start(), values)
    }
}

/// `&Series<P, L> op &Series<P, R> = Series<P, O>`, and the same on owned
/// series, computed on raw numbers by `$f`.
macro_rules! series_op {
    ($trait:ident, $method:ident, $lhs:ty, $rhs:ty, $out:ty, $f:expr) => {
        impl<P: Period> core::ops::$trait<&Series<P, $rhs>> for &Series<P, $lhs> {
            type Output = Series<P, $out>;

            fn $method(self, rhs: &Series<P, $rhs>) -> Series<P, $out> {
                self.zip_raw(rhs, $f)
            }
        }

        impl<P: Period> core::ops::$trait<Series<P, $rhs>> for Series<P, $lhs> {
            type Output = Series<P, $out>;

            fn $method(self, rhs: Series<P, $rhs>) -> Series<P, $out> {
                self.zip_raw(&rhs, $f)
            }
        }
    };
}

series_op!(Add, add, f64, f64, f64, |x, y| x + y);
series_op!(Sub, sub, f64, f64, f64, |x, y| x - y);
series_op!(Mul, mul, f64, f64, f64, |x, y| x * y);
series_op!(Div, div, f64, f64, f64, |x, y| x / y);
series_op!(Add, add, Percent, Percent, Percent, |x, y| x + y);
series_op!(Sub, sub, Percent, Percent, PercentagePoints, |x, y| x - y);
series_op!(
    Add,
    add,
    PercentagePoints,
    PercentagePoints,
    PercentagePoints,
    |x, y| x + y
);
series_op!(
    Sub,
    sub,
    PercentagePoints,
    PercentagePoints,
    PercentagePoints,
    |x, y| x - y
);
series_op!(Add, add, IndexPoints, IndexPoints, IndexPoints, |x, y| x
    + y);
series_op!(Sub, sub, IndexPoints, IndexPoints, IndexPoints, |x, y| x
    - y);

/// `&Series<P, U> op f64` for every unit, and on an owned series.
macro_rules! scalar_op {
    ($trait:ident, $method:ident, [$($unit:ty),*], $f:expr) => {$(
        impl<P: Period> core::ops::$trait<f64> for &Series<P, $unit> {
            type Output = Series<P, $unit>;

            fn $method(self, rhs: f64) -> Series<P, $unit> {
                let f: fn(f64, f64) -> f64 = $f;
                self.map_raw(|x| f(x, rhs))
            }
        }

        impl<P: Period> core::ops::$trait<f64> for Series<P, $unit> {
            type Output = Series<P, $unit>;

            fn $method(self, rhs: f64) -> Series<P, $unit> {
                (&self).$method(rhs)
            }
        }
    )*};
}

scalar_op!(
    Mul,
    mul,
    [f64, Percent, PercentagePoints, IndexPoints],
    |x, k| x * k
);
scalar_op!(
    Div,
    div,
    [f64, Percent, PercentagePoints, IndexPoints],
    |x, k| x / k
);
// A constant added to a level shifts it; added to a percentage it would
// mix units, so only levels have it.
scalar_op!(Add, add, [f64], |x, k| x + k);
scalar_op!(Sub, sub, [f64], |x, k| x - k);

impl<P: Period, U: Value> core::ops::Neg for &Series<P, U> {
    type Output = Series<P, U>;

    fn neg(self) -> Series<P, U> {
        self.map_raw(|x| -x)
    }
}

impl<P: Period, U: Value> core::ops::Neg for Series<P, U> {
    type Output = Series<P, U>;

    fn neg(self) -> Series<P, U> {
        -&self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    fn jan() -> Month {
        Month::new(2025, 1).unwrap()
    }

    #[test]
    fn levels_combine_on_the_common_span_with_missing_propagated() {
        let a = Series::from_options(jan(), [Some(1.0), Some(2.0), None, Some(4.0)]).unwrap();
        let b = Series::from_options(jan() + 1, [Some(10.0), Some(20.0), Some(0.0)]).unwrap();
        let sum = &a + &b;
        assert_eq!(sum.start(), jan() + 1);
        assert_eq!(
            sum.values().collect::<Vec<_>>(),
            [Some(12.0), None, Some(4.0)]
        );
        let ratio = &a / &b;
        // 4 / 0 is not a number anyone should see: missing, never inf.
        assert_eq!(ratio.values().collect::<Vec<_>>(), [Some(0.2), None, None]);
        let big = Series::from_values(jan(), [f64::MAX]).unwrap();
        assert_eq!((&big + &big).get(jan()), None);
        assert_eq!((big.clone() * 2.0).get(jan()), None);
        assert_eq!((-big).get(jan()), Some(-f64::MAX));
    }

    #[test]
    fn units_follow_the_table() {
        let p = |x: f64| Percent::new(x).unwrap();
        let a = Series::from_values(jan(), [p(3.0), p(2.5)]).unwrap();
        let b = Series::from_values(jan(), [p(2.5), p(2.5)]).unwrap();
        let diff: Series<Month, PercentagePoints> = &a - &b;
        assert_eq!(diff.get(jan()), Some(PercentagePoints::new(0.5).unwrap()));
        let sum: Series<Month, Percent> = a.clone() + b;
        assert_eq!(sum.get(jan() + 1), Some(p(5.0)));
        let half: Series<Month, Percent> = &a / 2.0;
        assert_eq!(half.get(jan()), Some(p(1.5)));
        let mapped = a.map(|x| x.get() * 10.0);
        assert_eq!(mapped.get(jan()), Some(30.0));
    }
}
