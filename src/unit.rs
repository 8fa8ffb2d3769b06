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

use crate::error::{Error, Result};

mod sealed {
    pub trait Sealed: Sized {
        /// Wraps a finite number. Callers inside the crate guarantee finiteness.
        fn wrap(x: f64) -> Self;
    }
}

pub(crate) use sealed::Sealed;

/// A value type a [`Series`](crate::Series) can hold: `f64` (a plain number in
/// the series' own unit), [`Percent`], [`PercentagePoints`] or [`IndexPoints`].
///
/// The trait is sealed; values are always finite.
pub trait Value:
    Copy + fmt::Debug + PartialEq + PartialOrd + Send + Sync + 'static + Sealed
{
    /// A short label for the unit: `""`, `"%"`, `"pp"` or `"points"`.
    const LABEL: &'static str;

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

    fn get(self) -> f64 {
        self
    }
}

macro_rules! value_type {
    ($(#[$doc:meta])* $name:ident, $label:literal, $suffix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
        pub struct $name(f64);

        impl $name {
            /// Zero.
            pub const ZERO: $name = $name(0.0);

            /// Wraps a finite number.
            ///
            /// # Errors
            /// [`Error::NotFinite`] if `x` is NaN or infinite.
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
                    Err(Error::NotFinite { value: x })
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
    "%"
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
    " pp"
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
    " points"
);

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
