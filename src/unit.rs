//! What a number means: plain values, percent, percentage points, index points.
//!
//! A year-on-year change of a level (imports in dollars) is a [`Percent`]; the
//! change of a rate (the unemployment rate) is in [`PercentagePoints`]; the change
//! of a confidence index is in [`IndexPoints`]. They are distinct types, so a
//! `Series<Month, Percent>` cannot be passed where a
//! `Series<Month, PercentagePoints>` is expected.
//!
//! Every value type is a finite `f64`: constructors reject NaN and infinities.

use core::fmt;

use crate::error::{Error, Operation, Result};

mod sealed {
    pub trait Sealed: Sized {
        /// Wraps a finite number. Callers inside the crate guarantee finiteness.
        fn wrap(x: f64) -> Self;
    }
}

pub(crate) use sealed::Sealed;

/// A value type a [`Series`](crate::Series) can hold: `f64` (a level in
/// the series' own unit: dollars, index points of a price index, persons),
/// [`Percent`], [`PercentagePoints`] or [`IndexPoints`].
///
/// The unit decides which transforms exist: growth rates (`pc1`, `pch`,
/// `pca`, ...) only for levels (`f64`), and the change of a value is in
/// [`Value::Change`]: the change of a percentage is in percentage points.
///
/// The trait is sealed; values are always finite.
pub trait Value:
    Copy + fmt::Debug + PartialEq + PartialOrd + Send + Sync + 'static + Sealed
{
    /// A short label for the unit: `""`, `"%"`, `"pp"` or `"points"`.
    const LABEL: &'static str;

    /// The unit's name as written in JSON and CSV headers: `level`,
    /// `percent`, `percentage_points` or `index_points`.
    const NAME: &'static str;

    /// The unit of a difference of two values: a level's change is a level,
    /// a percentage's change is in [`PercentagePoints`], a change of
    /// percentage points or index points is in the same unit.
    type Change: Value;

    /// The value as a plain number.
    fn get(self) -> f64;
}

impl Sealed for f64 {
    fn wrap(x: f64) -> f64 {
        x
    }
}

impl Value for f64 {
    const LABEL: &'static str = "";
    const NAME: &'static str = "level";
    type Change = f64;

    fn get(self) -> f64 {
        self
    }
}

/// One slot of a series as given to
/// [`Series::from_pairs`](crate::Series::from_pairs): a value (`2.5`,
/// `Percent::new(2.5)?`) or an optional value (`Some(2.5)`, `None`), so that
/// `[(may, Some(2.5)), (june, None)]` needs no type annotation.
///
/// Sealed: implemented for every [`Value`] and `Option` of it.
pub trait Slot: slot_sealed::Sealed {
    /// The value type.
    type Unit: Value;

    /// The value, `None` for a missing one.
    fn into_option(self) -> Option<Self::Unit>;
}

mod slot_sealed {
    pub trait Sealed {}
}

impl<U: Value> slot_sealed::Sealed for U {}
impl<U: Value> slot_sealed::Sealed for Option<U> {}

impl<U: Value> Slot for U {
    type Unit = U;

    fn into_option(self) -> Option<U> {
        Some(self)
    }
}

impl<U: Value> Slot for Option<U> {
    type Unit = U;

    fn into_option(self) -> Option<U> {
        self
    }
}

macro_rules! value_type {
    ($(#[$doc:meta])* $name:ident, $label:literal, $suffix:literal, $unit_name:literal, $change:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
        pub struct $name(f64);

        impl $name {
            /// Zero.
            pub const ZERO: $name = $name(0.0);

            /// Wraps a finite number.
            ///
            /// # Errors
            /// [`Error::NonFinite`] if `x` is NaN or infinite.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use econseries::", stringify!($name), ";")]
            ///
            #[doc = concat!("let x = ", stringify!($name), "::new(-0.3)?;")]
            #[doc = concat!("assert_eq!(x, ", stringify!($name), "::try_from(-0.3)?);")]
            #[doc = concat!("assert!(", stringify!($name), "::new(f64::NAN).is_err());")]
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn new(x: f64) -> Result<$name> {
                if x.is_finite() {
                    Ok($name(x))
                } else {
                    Err(Error::NonFinite { value: x, period: None })
                }
            }

            /// The number.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use econseries::", stringify!($name), ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($name), "::new(-0.3)?.get(), -0.3);")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::ZERO.get(), 0.0);")]
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub const fn get(self) -> f64 {
                self.0
            }
        }

        impl Sealed for $name {
            fn wrap(x: f64) -> $name {
                $name(x)
            }
        }

        impl Value for $name {
            const LABEL: &'static str = $label;
            const NAME: &'static str = $unit_name;
            type Change = $change;

            fn get(self) -> f64 {
                self.0
            }
        }

        impl TryFrom<f64> for $name {
            type Error = Error;

            fn try_from(x: f64) -> Result<$name> {
                $name::new(x)
            }
        }

        impl From<$name> for f64 {
            fn from(v: $name) -> f64 {
                v.0
            }
        }

        impl fmt::Display for $name {
            /// Formats the number followed by the unit; a precision applies to
            /// the number (`format!("{:.1}", p)` gives `-41.4%`).
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match f.precision() {
                    Some(p) => write!(f, "{:.*}{}", p, self.0, $suffix),
                    None => write!(f, "{}{}", self.0, $suffix),
                }
            }
        }
    };
}

value_type!(
    /// A percentage, such as a growth rate: `-41.4` means −41.4%.
    ///
    /// `Percent − Percent` is in [`PercentagePoints`], `Percent + Percent` a
    /// `Percent`; a percentage and percentage points, or index points, do not
    /// add up:
    /// ```compile_fail,E0277
    /// use econseries::{Percent, PercentagePoints};
    /// let x = Percent::new(2.0)? + PercentagePoints::new(0.5)?;
    /// # Ok::<(), econseries::Error>(())
    /// ```
    /// ```compile_fail,E0277
    /// use econseries::{IndexPoints, Percent};
    /// let x = Percent::new(2.0)? - IndexPoints::new(0.5)?;
    /// # Ok::<(), econseries::Error>(())
    /// ```
    /// ```compile_fail,E0308
    /// use econseries::Percent;
    /// let x: Percent = Percent::new(2.0)? - Percent::new(0.5)?;
    /// # Ok::<(), econseries::Error>(())
    /// ```
    ///
    /// # Example
    /// ```
    /// use econseries::Percent;
    /// let p = Percent::new(-41.438)?;
    /// assert_eq!(format!("{p:.1}"), "-41.4%");
    /// assert!(Percent::new(f64::INFINITY).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    Percent,
    "%",
    "%",
    "percent",
    PercentagePoints
);

value_type!(
    /// A difference between two percentages, such as the change of a rate:
    /// `0.3` means 0.3 percentage points.
    ///
    /// # Example
    /// ```
    /// use econseries::PercentagePoints;
    /// assert_eq!(format!("{:.1}", PercentagePoints::new(0.3)?), "0.3 pp");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    PercentagePoints,
    "pp",
    " pp",
    "percentage_points",
    PercentagePoints
);

value_type!(
    /// A difference in index points, such as the monthly change of a
    /// confidence index: `-2.1` means 2.1 points lower.
    ///
    /// # Example
    /// ```
    /// use econseries::IndexPoints;
    /// assert_eq!(format!("{:.1}", IndexPoints::new(-2.1)?), "-2.1 points");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    IndexPoints,
    "points",
    " points",
    "index_points",
    IndexPoints
);

/// `checked_add`/`checked_sub` and the operators `+`, `-` (which panic
/// where the checked form errs, as `Month + i32` does) for one pair of value
/// types: `$lhs op $rhs = $out`.
macro_rules! value_ops {
    ($lhs:ident, $rhs:ident, add: $add_out:ident, sub: $sub_out:ident) => {
        impl $lhs {
            #[doc = concat!("`self + rhs` as [`", stringify!($add_out), "`].")]
            ///
            /// # Errors
            /// [`Error::Overflow`] if the sum does not fit in an `f64`.
            ///
            /// # Example
            /// ```
            /// use econseries::{IndexPoints, Percent, PercentagePoints};
            ///
            #[doc = concat!("let a = ", stringify!($lhs), "::new(1.5)?;")]
            #[doc = concat!("let b = ", stringify!($rhs), "::new(0.25)?;")]
            #[doc = concat!("assert_eq!(a.checked_add(b)?.get(), 1.75);")]
            #[doc = concat!("assert!(", stringify!($lhs), "::new(f64::MAX)?.checked_add(", stringify!($rhs), "::new(f64::MAX)?).is_err());")]
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn checked_add(self, rhs: $rhs) -> Result<$add_out> {
                finite(self.0 + rhs.0, Operation::Add).map($add_out)
            }

            #[doc = concat!("`self - rhs` as [`", stringify!($sub_out), "`].")]
            ///
            /// # Errors
            /// [`Error::Overflow`] if the difference does not fit in an `f64`.
            ///
            /// # Example
            /// ```
            /// use econseries::{IndexPoints, Percent, PercentagePoints};
            ///
            #[doc = concat!("let a = ", stringify!($lhs), "::new(4.5)?;")]
            #[doc = concat!("let b = ", stringify!($rhs), "::new(4.25)?;")]
            #[doc = concat!("assert_eq!(a.checked_sub(b)?, ", stringify!($sub_out), "::new(0.25)?);")]
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub fn checked_sub(self, rhs: $rhs) -> Result<$sub_out> {
                finite(self.0 - rhs.0, Operation::Subtract).map($sub_out)
            }
        }

        impl core::ops::Add<$rhs> for $lhs {
            type Output = $add_out;

            /// The sum.
            ///
            /// # Panics
            #[doc = concat!("If the sum overflows an `f64`; [`", stringify!($lhs), "::checked_add`] returns an error instead.")]
            #[track_caller]
            // Panics: the operator's documented contract (as `Month + i32`);
            // `checked_add` is the non-panicking form.
            #[allow(clippy::panic)]
            fn add(self, rhs: $rhs) -> $add_out {
                match self.checked_add(rhs) {
                    Ok(v) => v,
                    Err(e) => panic!("{e}"),
                }
            }
        }

        impl core::ops::Sub<$rhs> for $lhs {
            type Output = $sub_out;

            /// The difference.
            ///
            /// # Panics
            #[doc = concat!("If the difference overflows an `f64`; [`", stringify!($lhs), "::checked_sub`] returns an error instead.")]
            #[track_caller]
            // Panics: the operator's documented contract; `checked_sub` is
            // the non-panicking form.
            #[allow(clippy::panic)]
            fn sub(self, rhs: $rhs) -> $sub_out {
                match self.checked_sub(rhs) {
                    Ok(v) => v,
                    Err(e) => panic!("{e}"),
                }
            }
        }
    };
}

/// `x` if finite, else the overflow of `operation` (the operands being
/// finite, a non-finite result can only be an overflow).
fn finite(x: f64, operation: Operation) -> Result<f64> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Error::Overflow { operation })
    }
}

// A difference of two percentages is in percentage points ("inflation fell
// 0.3 points"); a sum of percentages is a percentage (contributions to
// growth). A percentage plus percentage points has no operator: the intent
// (a rate moved by a change) is `Percent::new(rate.get() + change.get())`.
value_ops!(Percent, Percent, add: Percent, sub: PercentagePoints);
value_ops!(PercentagePoints, PercentagePoints, add: PercentagePoints, sub: PercentagePoints);
value_ops!(IndexPoints, IndexPoints, add: IndexPoints, sub: IndexPoints);

macro_rules! value_neg {
    ($($name:ident),*) => {$(
        impl core::ops::Neg for $name {
            type Output = $name;

            /// The value with its sign flipped (never overflows).
            fn neg(self) -> $name {
                $name(-self.0)
            }
        }
    )*};
}

value_neg!(Percent, PercentagePoints, IndexPoints);

#[cfg(feature = "serde")]
mod serde_impls {
    use super::*;

    macro_rules! serde_value {
        ($name:ident) => {
            impl serde::Serialize for $name {
                fn serialize<S: serde::Serializer>(
                    &self,
                    s: S,
                ) -> core::result::Result<S::Ok, S::Error> {
                    s.serialize_f64(self.0)
                }
            }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(
                    d: D,
                ) -> core::result::Result<$name, D::Error> {
                    let x = <f64 as serde::Deserialize>::deserialize(d)?;
                    $name::new(x).map_err(serde::de::Error::custom)
                }
            }
        };
    }

    serde_value!(Percent);
    serde_value!(PercentagePoints);
    serde_value!(IndexPoints);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_finite() {
        assert!(Percent::new(f64::NAN).is_err());
        assert!(PercentagePoints::try_from(f64::NEG_INFINITY).is_err());
        assert_eq!(IndexPoints::new(1.5).unwrap().get(), 1.5);
    }

    #[test]
    fn display() {
        assert_eq!(Percent::new(2.5).unwrap().to_string(), "2.5%");
        assert_eq!(format!("{:.2}", Percent::new(-0.6484).unwrap()), "-0.65%");
    }
}
