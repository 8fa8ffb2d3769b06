//! [`ConfidenceIndex`] and its [`Neutral`] level.

use core::fmt;
use core::ops::RangeBounds;

use super::{Indicator, MeasureKind, Metadata};
use crate::error::{Error, Result};
use crate::period::Period;
use crate::series::Series;
use crate::unit::IndexPoints;

/// The neutral level of a confidence or diffusion index: the value that
/// separates "better" from "worse", and what "above" or "below" refers to in
/// a headline.
///
/// | variant | level | meaning | examples |
/// |---|---|---|---|
/// | [`LongRunAverage100`](Neutral::LongRunAverage100) | 100 | the average over a standardisation window | EC Economic Sentiment Indicator, OECD standardised confidence indicators |
/// | [`BasePeriod100`](Neutral::BasePeriod100) | 100 | the level of a base period | University of Michigan (1966Q1 = 100), Conference Board (1985 = 100) |
/// | [`Diffusion50`](Neutral::Diffusion50) | 50 | as many reports of "higher" as of "lower" | PMIs (ISM, S&P Global) |
/// | [`Balance0`](Neutral::Balance0) | 0 | as many positive as negative answers | survey balances (%positive − %negative) |
/// | [`Custom`](Neutral::Custom) | any | a threshold of your own | Conference Board expectations' 80 "recession signal" |
///
/// A base-period level is not a balance of opinion. For the University of
/// Michigan index of consumer sentiment, 100 is the level of the first
/// quarter of 1966; a month in which every question gets as many favourable
/// as unfavourable answers scores about 76 (five relative scores of 100,
/// divided by the 1966 base total 6.7558, plus the constant 2.0). "Below 100"
/// means "below the 1966 level", not "more pessimists than optimists".
///
/// # Example
/// ```
/// use econseries::indicator::Neutral;
///
/// assert_eq!(Neutral::Diffusion50.level(), 50.0);
/// assert_eq!(Neutral::BasePeriod100.level(), Neutral::LongRunAverage100.level());
/// assert_eq!(Neutral::Custom(80.0).level(), 80.0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", try_from = "serde_repr::Neutral")
)]
#[non_exhaustive]
pub enum Neutral {
    /// 100 is the average over a standardisation window (long-run average).
    LongRunAverage100,
    /// 100 is the level of a base period (not a balance of opinion).
    BasePeriod100,
    /// 50 means no change (diffusion index).
    Diffusion50,
    /// 0 means as many positive as negative answers (balance).
    Balance0,
    /// Any other level (must be finite).
    Custom(f64),
}

impl Neutral {
    /// The neutral value: 100, 100, 50, 0, or the custom level.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::Neutral;
    ///
    /// assert_eq!(Neutral::Diffusion50.level(), 50.0); // an ISM PMI of 48.7 signals contraction
    /// assert_eq!(Neutral::Custom(80.0).level(), 80.0);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn level(self) -> f64 {
        match self {
            Neutral::LongRunAverage100 | Neutral::BasePeriod100 => 100.0,
            Neutral::Diffusion50 => 50.0,
            Neutral::Balance0 => 0.0,
            Neutral::Custom(x) => x,
        }
    }

    /// `Ok(self)` if the level is finite.
    pub(crate) fn checked(self) -> Result<Neutral> {
        let x = self.level();
        if x.is_finite() {
            Ok(self)
        } else {
            Err(Error::NonFinite {
                value: x,
                period: None,
            })
        }
    }
}

/// The serde form of [`Neutral`], checked on the way in.
#[cfg(feature = "serde")]
mod serde_repr {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub(super) enum Neutral {
        LongRunAverage100,
        BasePeriod100,
        Diffusion50,
        Balance0,
        Custom(f64),
    }

    impl TryFrom<Neutral> for super::Neutral {
        type Error = crate::Error;

        fn try_from(n: Neutral) -> crate::Result<super::Neutral> {
            match n {
                Neutral::LongRunAverage100 => Ok(super::Neutral::LongRunAverage100),
                Neutral::BasePeriod100 => Ok(super::Neutral::BasePeriod100),
                Neutral::Diffusion50 => Ok(super::Neutral::Diffusion50),
                Neutral::Balance0 => Ok(super::Neutral::Balance0),
                Neutral::Custom(x) => super::Neutral::Custom(x).checked(),
            }
        }
    }
}

impl fmt::Display for Neutral {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Neutral::LongRunAverage100 => f.write_str("100 (long-run average)"),
            Neutral::BasePeriod100 => f.write_str("100 (base period)"),
            Neutral::Diffusion50 => f.write_str("50 (no change)"),
            Neutral::Balance0 => f.write_str("0 (balance)"),
            Neutral::Custom(x) => write!(f, "{x}"),
        }
    }
}

/// A confidence, sentiment or diffusion index with its [`Neutral`] level.
///
/// An index has an arbitrary origin, so it changes in **points**
/// ([`IndexPoints`]), never in percent: "sentiment fell 2.6 points", not
/// "fell 4.9%". Percent-change methods do not exist on this type:
///
/// ```compile_fail,E0599
/// # use econseries::{Month, Series};
/// # use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
/// # let s = Series::from_values(Month::new(2025, 1)?, [50.0])?;
/// let pmi = ConfidenceIndex::new(s, Metadata::new("PMI", "US"), Neutral::Diffusion50)?;
/// let growth = pmi.yoy(); // no such method
/// # Ok::<(), econseries::Error>(())
/// ```
///
/// # Example
/// ```
/// use econseries::{IndexPoints, Month, Series};
/// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
///
/// let oct = Month::new(2025, 10)?;
/// let s = Series::from_values(oct, [53.6, 51.0])?;
/// let meta = Metadata::new("University of Michigan consumer sentiment", "US");
/// let umich = ConfidenceIndex::new(s, meta, Neutral::BasePeriod100)?;
/// assert_eq!(umich.above_neutral(oct + 1), Some(false));
/// assert_eq!(umich.gap_to_neutral().get(oct + 1), Some(IndexPoints::new(-49.0)?));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ConfidenceIndex<P: Period> {
    pub(super) series: Series<P>,
    pub(super) metadata: Metadata,
    pub(super) neutral: Neutral,
}

impl<P: Period> ConfidenceIndex<P> {
    /// The index in `series`, described by `metadata`, with neutral level
    /// `neutral`.
    ///
    /// # Errors
    /// [`Error::NonFinite`] if `neutral` is a non-finite [`Neutral::Custom`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [48.7])?;
    /// let pmi = ConfidenceIndex::new(s.clone(), Metadata::new("ISM manufacturing PMI", "US"), Neutral::Diffusion50)?;
    /// assert_eq!(pmi.neutral().level(), 50.0);
    /// assert!(ConfidenceIndex::new(s, Metadata::new("x", "US"), Neutral::Custom(f64::NAN)).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(
        series: Series<P>,
        metadata: Metadata,
        neutral: Neutral,
    ) -> Result<ConfidenceIndex<P>> {
        Ok(ConfidenceIndex {
            series,
            metadata,
            neutral: neutral.checked()?,
        })
    }

    /// The metadata.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let meta = Metadata::new("University of Michigan consumer sentiment", "US");
    /// let umich = ConfidenceIndex::new(Series::from_values(Month::new(2025, 11)?, [51.0])?, meta, Neutral::BasePeriod100)?;
    /// assert_eq!(umich.metadata().name(), "University of Michigan consumer sentiment");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The neutral level.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let meta = Metadata::new("University of Michigan consumer sentiment", "US");
    /// let umich = ConfidenceIndex::new(Series::from_values(Month::new(2025, 11)?, [51.0])?, meta, Neutral::BasePeriod100)?;
    /// assert_eq!(umich.neutral(), Neutral::BasePeriod100); // 100 = 1966Q1, not a balance of opinion
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn neutral(&self) -> Neutral {
        self.neutral
    }

    /// The values, the metadata and the neutral level.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let nov = Month::new(2025, 11)?;
    /// let meta = Metadata::new("University of Michigan consumer sentiment", "US");
    /// let umich = ConfidenceIndex::new(Series::from_values(nov, [51.0])?, meta, Neutral::BasePeriod100)?;
    /// let (series, meta, neutral) = umich.into_parts();
    /// assert_eq!((series.get(nov), meta.area(), neutral), (Some(51.0), "US", Neutral::BasePeriod100));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn into_parts(self) -> (Series<P>, Metadata, Neutral) {
        (self.series, self.metadata, self.neutral)
    }

    /// Change from the previous period in index points (FRED `chg`).
    ///
    /// # Example
    /// ```
    /// use econseries::{IndexPoints, Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [50.0, 52.5])?;
    /// let pmi = ConfidenceIndex::new(s, Metadata::new("PMI", "US"), Neutral::Diffusion50)?;
    /// assert_eq!(pmi.change().get(Month::new(2025, 2)?), Some(IndexPoints::new(2.5)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn change(&self) -> Series<P, IndexPoints> {
        self.series.chg().into_unit()
    }

    /// Change from a year earlier in index points (FRED `ch1`).
    ///
    /// # Example
    /// ```
    /// use econseries::{IndexPoints, Quarter, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let s = Series::from_values(Quarter::new(2024, 1)?, [100.0, 101.0, 99.0, 98.0, 95.5])?;
    /// let esi = ConfidenceIndex::new(s, Metadata::new("ESI", "EA"), Neutral::LongRunAverage100)?;
    /// assert_eq!(esi.yoy_change().get(Quarter::new(2025, 1)?), Some(IndexPoints::new(-4.5)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn yoy_change(&self) -> Series<P, IndexPoints> {
        self.series.ch1().into_unit()
    }

    /// The distance from the neutral level, `x(t) − neutral`, in index
    /// points: negative below neutral.
    ///
    /// # Example
    /// ```
    /// use econseries::{IndexPoints, Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [48.5])?;
    /// let pmi = ConfidenceIndex::new(s, Metadata::new("PMI", "US"), Neutral::Diffusion50)?;
    /// assert_eq!(pmi.gap_to_neutral().get(Month::new(2025, 1)?), Some(IndexPoints::new(-1.5)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn gap_to_neutral(&self) -> Series<P, IndexPoints> {
        let neutral = self.neutral.level();
        self.series.map_raw(|x| x - neutral)
    }

    /// Whether the value at `p` is strictly above the neutral level: `None`
    /// if it is missing or `p` lies outside the series, `Some(false)` at
    /// exactly the neutral level.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let jan = Month::new(2025, 1)?;
    /// let s = Series::from_options(jan, [Some(50.9), Some(50.0), None])?;
    /// let pmi = ConfidenceIndex::new(s, Metadata::new("PMI", "US"), Neutral::Diffusion50)?;
    /// assert_eq!(pmi.above_neutral(jan), Some(true));
    /// assert_eq!(pmi.above_neutral(jan + 1), Some(false));
    /// assert_eq!(pmi.above_neutral(jan + 2), None);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn above_neutral(&self, p: P) -> Option<bool> {
        self.series.get(p).map(|x| x > self.neutral.level())
    }

    /// The index rescaled to mean 100 and standard deviation 10 over the
    /// window `base`, as the European Commission scales its Economic Sentiment
    /// Indicator; the result's neutral level is
    /// [`Neutral::LongRunAverage100`].
    ///
    /// ```text
    /// y(t) = 100 + 10 · (x(t) − m) / s
    /// m = mean of the present values in the window
    /// s = their sample standard deviation (divisor n − 1)
    /// ```
    ///
    /// Every period is rescaled, inside the window or not; missing values
    /// stay missing. The window is clipped to the series' span.
    ///
    /// The Commission states the target (mean 100, standard deviation 10
    /// over the standardisation sample) but not the divisor. The sample
    /// standard deviation is used here, as in R's `sd` and pandas' `std`; the
    /// population one (divisor n) differs by a factor √(n/(n−1)), under 0.1%
    /// for a window of more than 500 months.
    ///
    /// # Errors
    /// - [`Error::TooShort`] if the window holds fewer than two present values;
    /// - [`Error::InvalidArgument`] if they are all equal (no dispersion).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{ConfidenceIndex, Metadata, Neutral};
    ///
    /// let jan = Month::new(2025, 1)?;
    /// let s = Series::from_values(jan, [-10.0, 0.0, 10.0, 20.0])?;
    /// let balance = ConfidenceIndex::new(s, Metadata::new("consumer balance", "EA"), Neutral::Balance0)?;
    /// let esi_like = balance.standardized(jan..=jan + 2)?; // mean 0, sd 10 over the window
    /// assert_eq!(esi_like.get(jan + 1), Some(100.0));
    /// assert_eq!(esi_like.get(jan + 3), Some(120.0)); // outside the window, same scale
    /// assert_eq!(esi_like.neutral(), Neutral::LongRunAverage100);
    /// assert!(balance.standardized(jan..=jan).is_err()); // one value
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn standardized(&self, base: impl RangeBounds<P>) -> Result<ConfidenceIndex<P>> {
        let window = self.series.slice(base);
        let values: Vec<f64> = window.observations().map(|(_, x)| x).collect();
        let n = values.len();
        if n < 2 {
            return Err(Error::TooShort { need: 2, got: n });
        }
        // Two passes: the mean first, then squared deviations from it, which
        // is accurate even when the dispersion is small next to the level.
        // Values near f64::MAX are scaled by a power of two first (exact, and
        // the standardised values do not depend on scale).
        let scale = crate::transform::safe_scale(&values);
        let mean = values.iter().map(|x| x * scale).sum::<f64>() / n as f64;
        let ss: f64 = values
            .iter()
            .map(|x| (x * scale - mean) * (x * scale - mean))
            .sum();
        let sd = (ss / (n - 1) as f64).sqrt();
        if !(sd > 0.0 && sd.is_finite()) {
            let (first, last) = (window.first_valid(), window.last_valid());
            return Err(Error::InvalidArgument {
                name: "base",
                value: match (first, last) {
                    (Some(a), Some(b)) => format!("{a}..={b}").into(),
                    _ => String::new().into(),
                },
                expected: "a window whose values are not all equal",
            });
        }
        Ok(ConfidenceIndex {
            series: self
                .series
                .map_raw(|x| 100.0 + 10.0 * (x * scale - mean) / sd),
            metadata: self.metadata.clone(),
            neutral: Neutral::LongRunAverage100,
        })
    }
}

impl<P: Period> From<ConfidenceIndex<P>> for Indicator<P> {
    /// A generic indicator of kind [`MeasureKind::Index`] with the same
    /// neutral level.
    fn from(c: ConfidenceIndex<P>) -> Indicator<P> {
        Indicator::from_parts(
            c.series,
            c.metadata,
            MeasureKind::Index { neutral: c.neutral },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;

    fn index(values: &[f64]) -> ConfidenceIndex<Month> {
        let s = Series::from_values(Month::new(2020, 1).unwrap(), values.iter().copied()).unwrap();
        ConfidenceIndex::new(s, Metadata::new("x", "US"), Neutral::Balance0).unwrap()
    }

    #[test]
    fn standardized_errors() {
        let c = index(&[5.0, 5.0, 5.0]);
        let e = c.standardized(..).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid argument base = 2020-01..=2020-03: a window whose values are not all equal"
        );
        let e = c.standardized(Month::new(2030, 1).unwrap()..).unwrap_err();
        assert!(matches!(e, Error::TooShort { need: 2, got: 0 }));
    }

    #[test]
    fn standardized_keeps_missing_and_uses_sample_sd() {
        let s = Series::from_options(Month::new(2020, 1).unwrap(), [Some(1.0), None, Some(3.0)])
            .unwrap();
        let c = ConfidenceIndex::new(s, Metadata::new("x", "US"), Neutral::Balance0).unwrap();
        let z = c.standardized(..).unwrap();
        // mean 2, sample sd sqrt(2)
        let expect = 100.0 - 10.0 / 2f64.sqrt();
        assert!((z.get(Month::new(2020, 1).unwrap()).unwrap() - expect).abs() < 1e-12);
        assert_eq!(z.get(Month::new(2020, 2).unwrap()), None);
    }

    #[test]
    fn standardized_near_the_largest_float() {
        // 1.5e307 × [1, 2, 3, 4]: mean 2.5, sample sd √(5/3) in those units,
        // so z = 100 + 10 (k − 2.5)/√(5/3) whatever the unit; the plain sum
        // (6e307 + ...) would overflow.
        let c = index(&[1.5e307, 3e307, 4.5e307, 6e307]);
        let z = c.standardized(..).unwrap();
        let sd = (5.0f64 / 3.0).sqrt();
        for (k, (_, v)) in (1..=4).zip(z.observations()) {
            let expect = 100.0 + 10.0 * (f64::from(k) - 2.5) / sd;
            assert!((v - expect).abs() < 1e-12, "{k}: {v} vs {expect}");
        }
    }

    #[test]
    fn neutral_display_and_gap() {
        assert_eq!(Neutral::BasePeriod100.to_string(), "100 (base period)");
        let c = index(&[-3.0]);
        assert_eq!(
            c.gap_to_neutral()
                .get(Month::new(2020, 1).unwrap())
                .map(IndexPoints::get),
            Some(-3.0)
        );
        assert!(
            ConfidenceIndex::new(
                Series::<Month>::empty(Month::new(2020, 1).unwrap()),
                Metadata::new("x", "US"),
                Neutral::Custom(f64::INFINITY)
            )
            .is_err()
        );
    }
}
