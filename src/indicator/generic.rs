//! [`Indicator`]: the generic indicator, whose kind is a run-time value.

use core::any::TypeId;

use super::{MeasureKind, Metadata};
use crate::error::{ChangeUnit, Error, Operation, Result};
use crate::period::Period;
use crate::series::Series;
use crate::unit::{IndexPoints, Percent, PercentagePoints, Value};

/// A series with its metadata and its [`MeasureKind`], for the indicators
/// without a type of their own (the unemployment rate, a budget balance, a
/// PMI) and for code that handles indicators of any kind (files, the
/// command line).
///
/// The kind is checked at run time: percent changes of a balance, a rate or
/// an index are refused with [`Error::NotAllowed`], and a change is returned
/// only in the unit the kind implies (the caller names it, usually by the
/// type of the binding):
///
/// | kind | `change::<U>()` / `yoy_change::<U>()` with `U` = |
/// |---|---|
/// | flow, stock, balance | `f64` (the series' own unit) |
/// | rate | [`PercentagePoints`] |
/// | index | [`IndexPoints`] |
///
/// The named indicators ([`Exports`](super::Exports),
/// [`TradeBalance`](super::TradeBalance), [`Gdp`](super::Gdp),
/// [`ConfidenceIndex`](super::ConfidenceIndex)) make the same rules
/// compile-time ones, and convert into an `Indicator` with `From`.
///
/// # Example
/// ```
/// use econseries::{Error, Month, PercentagePoints, Series};
/// use econseries::indicator::{Indicator, MeasureKind, Metadata, SeasonalAdjustment};
///
/// let sep = Month::new(2025, 9)?;
/// let s = Series::from_options(sep, [Some(4.4), None, Some(4.5)])?; // no October 2025 release
/// let meta = Metadata::new("US unemployment rate", "US")
///     .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
///     .with_source("BLS via FRED (UNRATE)");
/// let unrate = Indicator::new(s, meta, MeasureKind::Rate)?;
///
/// let change: Series<Month, PercentagePoints> = unrate.change()?;
/// assert_eq!(change.get(sep + 1), None); // missing, not a two-month change
/// assert_eq!(change.get(sep + 2), None);
///
/// assert!(matches!(unrate.yoy(), Err(Error::NotAllowed { kind: "rate", .. })));
/// assert!(unrate.change::<f64>().is_err()); // a rate changes in percentage points
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator<P: Period> {
    pub(super) series: Series<P>,
    pub(super) metadata: Metadata,
    pub(super) kind: MeasureKind,
}

impl<P: Period> Indicator<P> {
    /// An indicator of kind `kind`.
    ///
    /// # Errors
    /// [`Error::NonFinite`] if `kind` is an index whose custom neutral level
    /// is not finite.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata, Neutral};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [49.1])?;
    /// let kind = MeasureKind::Index { neutral: Neutral::Diffusion50 };
    /// let pmi = Indicator::new(s, Metadata::new("ISM manufacturing PMI", "US"), kind)?;
    /// assert_eq!(pmi.kind(), kind);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn new(series: Series<P>, metadata: Metadata, kind: MeasureKind) -> Result<Indicator<P>> {
        if let Some(neutral) = kind.neutral() {
            neutral.checked()?;
        }
        Ok(Indicator::from_parts(series, metadata, kind))
    }

    /// Built from parts already validated.
    pub(crate) fn from_parts(
        series: Series<P>,
        metadata: Metadata,
        kind: MeasureKind,
    ) -> Indicator<P> {
        Indicator {
            series,
            metadata,
            kind,
        }
    }

    /// The metadata.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata};
    ///
    /// let meta = Metadata::new("US unemployment rate", "US").with_source("BLS via FRED (UNRATE)");
    /// let unrate = Indicator::new(Series::from_values(Month::new(2025, 9)?, [4.4])?, meta, MeasureKind::Rate)?;
    /// assert_eq!(unrate.metadata().source(), Some("BLS via FRED (UNRATE)"));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The measure kind.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata};
    ///
    /// let meta = Metadata::new("US unemployment rate", "US");
    /// let unrate = Indicator::new(Series::from_values(Month::new(2025, 9)?, [4.4])?, meta, MeasureKind::Rate)?;
    /// assert_eq!(unrate.kind(), MeasureKind::Rate);
    /// assert!(!unrate.kind().has_percent_changes());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn kind(&self) -> MeasureKind {
        self.kind
    }

    /// The values, the metadata and the kind.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata};
    ///
    /// let sep = Month::new(2025, 9)?;
    /// let meta = Metadata::new("US unemployment rate", "US");
    /// let unrate = Indicator::new(Series::from_values(sep, [4.4])?, meta, MeasureKind::Rate)?;
    /// let (series, meta, kind) = unrate.into_parts();
    /// assert_eq!((series.get(sep), meta.name(), kind), (Some(4.4), "US unemployment rate", MeasureKind::Rate));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn into_parts(self) -> (Series<P>, Metadata, MeasureKind) {
        (self.series, self.metadata, self.kind)
    }

    /// Percent change from the previous period (FRED `pch`).
    ///
    /// # Errors
    /// [`Error::NotAllowed`] unless the kind is a flow or a stock.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [-10.0, 5.0])?;
    /// let budget = Indicator::new(s, Metadata::new("budget balance", "US"), MeasureKind::Balance)?;
    /// let e = budget.pch().unwrap_err();
    /// assert_eq!(e.to_string(), "pch (percent change) is not meaningful for balance series");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn pch(&self) -> Result<Series<P, Percent>> {
        self.percent_allowed(Operation::Pch)?;
        Ok(self.series.pch())
    }

    /// Percent change from a year earlier (FRED `pc1`).
    ///
    /// # Errors
    /// [`Error::NotAllowed`] unless the kind is a flow or a stock.
    ///
    /// # Example
    /// ```
    /// use econseries::{Percent, Quarter, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata};
    ///
    /// let s = Series::from_values(Quarter::new(2024, 1)?, [100.0, 100.0, 100.0, 100.0, 103.0])?;
    /// let debt = Indicator::new(s, Metadata::new("household debt", "US"), MeasureKind::Stock)?;
    /// let yoy = debt.yoy()?.get(Quarter::new(2025, 1)?).map(Percent::get);
    /// assert!((yoy.unwrap_or(f64::NAN) - 3.0).abs() < 1e-9);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn yoy(&self) -> Result<Series<P, Percent>> {
        self.percent_allowed(Operation::Pc1)?;
        Ok(self.series.pc1())
    }

    /// Growth from the previous period compounded to an annual rate (FRED
    /// `pca`).
    ///
    /// # Errors
    /// [`Error::NotAllowed`] unless the kind is a flow or a stock.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [4.0, 4.1])?;
    /// let unrate = Indicator::new(s, Metadata::new("unemployment rate", "US"), MeasureKind::Rate)?;
    /// assert!(matches!(unrate.annualized_growth(), Err(Error::NotAllowed { .. })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn annualized_growth(&self) -> Result<Series<P, Percent>> {
        self.percent_allowed(Operation::Pca)?;
        Ok(self.series.pca())
    }

    /// Change from the previous period (FRED `chg`) in unit `U`, which must
    /// be the kind's unit: `f64` for a flow, a stock or a balance,
    /// [`PercentagePoints`] for a rate, [`IndexPoints`] for an index.
    ///
    /// # Errors
    /// [`Error::NotAllowed`] if `U` is not the kind's unit.
    ///
    /// # Example
    /// ```
    /// use econseries::{IndexPoints, Month, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata, Neutral};
    ///
    /// let s = Series::from_values(Month::new(2025, 1)?, [49.0, 50.5])?;
    /// let kind = MeasureKind::Index { neutral: Neutral::Diffusion50 };
    /// let pmi = Indicator::new(s, Metadata::new("PMI", "US"), kind)?;
    /// let change = pmi.change::<IndexPoints>()?;
    /// assert_eq!(change.get(Month::new(2025, 2)?), Some(IndexPoints::new(1.5)?));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn change<U: Value>(&self) -> Result<Series<P, U>> {
        self.unit_allowed::<U>(false)?;
        Ok(self.series.chg().into_unit())
    }

    /// Change from a year earlier (FRED `ch1`) in unit `U`, which must be the
    /// kind's unit (see [`change`](Indicator::change)).
    ///
    /// # Errors
    /// [`Error::NotAllowed`] if `U` is not the kind's unit.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, PercentagePoints, Series};
    /// use econseries::indicator::{Indicator, MeasureKind, Metadata};
    ///
    /// let mut values = vec![4.1; 13];
    /// values[12] = 4.4;
    /// let s = Series::from_values(Month::new(2024, 9)?, values)?;
    /// let unrate = Indicator::new(s, Metadata::new("unemployment rate", "US"), MeasureKind::Rate)?;
    /// let d: Series<Month, PercentagePoints> = unrate.yoy_change()?;
    /// let sep = d.get(Month::new(2025, 9)?).map(PercentagePoints::get);
    /// assert!((sep.unwrap_or(f64::NAN) - 0.3).abs() < 1e-9);
    /// let e = unrate.yoy_change::<f64>().unwrap_err();
    /// assert_eq!(e.to_string(), "year-on-year change in the series' unit is not meaningful for rate series");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn yoy_change<U: Value>(&self) -> Result<Series<P, U>> {
        self.unit_allowed::<U>(true)?;
        Ok(self.series.ch1().into_unit())
    }

    fn percent_allowed(&self, operation: Operation) -> Result<()> {
        if self.kind.has_percent_changes() {
            Ok(())
        } else {
            Err(Error::NotAllowed {
                operation,
                kind: self.kind.name(),
            })
        }
    }

    /// `Ok` if `U` is the unit changes of this kind are measured in.
    fn unit_allowed<U: Value>(&self, yoy: bool) -> Result<()> {
        let expected = match self.kind {
            MeasureKind::Rate => TypeId::of::<PercentagePoints>(),
            MeasureKind::Index { .. } => TypeId::of::<IndexPoints>(),
            MeasureKind::Output | MeasureKind::Flow | MeasureKind::Stock | MeasureKind::Balance => {
                TypeId::of::<f64>()
            }
        };
        let asked = TypeId::of::<U>();
        if asked == expected {
            return Ok(());
        }
        let unit = match asked {
            t if t == TypeId::of::<f64>() => ChangeUnit::Level,
            t if t == TypeId::of::<PercentagePoints>() => ChangeUnit::PercentagePoints,
            t if t == TypeId::of::<IndexPoints>() => ChangeUnit::IndexPoints,
            _ => ChangeUnit::Percent,
        };
        Err(Error::NotAllowed {
            operation: Operation::Change {
                year_on_year: yoy,
                unit,
            },
            kind: self.kind.name(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Month;
    use crate::indicator::Neutral;

    fn ind(kind: MeasureKind) -> Indicator<Month> {
        let s = Series::from_values(Month::new(2025, 1).unwrap(), [1.0, 2.0]).unwrap();
        Indicator::new(s, Metadata::new("x", "US"), kind).unwrap()
    }

    #[test]
    fn units_refused_by_kind() {
        let index = MeasureKind::Index {
            neutral: Neutral::Balance0,
        };
        for kind in [
            MeasureKind::Output,
            MeasureKind::Flow,
            MeasureKind::Stock,
            MeasureKind::Balance,
            MeasureKind::Rate,
            index,
        ] {
            let i = ind(kind);
            assert_eq!(
                i.unit_allowed::<f64>(false).is_ok(),
                !matches!(kind, MeasureKind::Rate | MeasureKind::Index { .. })
            );
            assert_eq!(
                i.unit_allowed::<PercentagePoints>(true).is_ok(),
                kind == MeasureKind::Rate
            );
            assert_eq!(i.unit_allowed::<IndexPoints>(false).is_ok(), kind == index);
            assert!(i.unit_allowed::<Percent>(false).is_err());
            assert_eq!(
                i.percent_allowed(Operation::Pch).is_ok(),
                kind.has_percent_changes()
            );
        }
        let e = ind(MeasureKind::Flow)
            .unit_allowed::<Percent>(true)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "year-on-year change in percent is not meaningful for flow series"
        );
        let e = ind(index)
            .unit_allowed::<PercentagePoints>(false)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "change in percentage points is not meaningful for index series"
        );
    }

    #[test]
    fn non_finite_neutral_is_rejected() {
        let s = Series::<Month>::empty(Month::new(2025, 1).unwrap());
        let kind = MeasureKind::Index {
            neutral: Neutral::Custom(f64::NAN),
        };
        assert!(matches!(
            Indicator::new(s, Metadata::new("x", "US"), kind),
            Err(Error::NonFinite { .. })
        ));
    }
}
