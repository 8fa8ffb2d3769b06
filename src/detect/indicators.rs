//! Detectors as methods of the typed indicators, where they make sense.

use super::detector::Detector;
use super::event::Event;
use super::recession::TechnicalRecessions;
use crate::error::Result;
use crate::indicator::{ConfidenceIndex, Exports, Gdp, Imports, Indicator, TradeBalance};
use crate::period::{Period, Quarter};

macro_rules! detect_on_levels {
    ($($name:ident),*) => {$(
        impl<P: Period> $name<P> {
            /// Runs `detector` on the levels; see [`Detector`].
            ///
            /// # Errors
            /// As the detector's [`detect`](Detector::detect).
            pub fn detect<D: Detector<P> + ?Sized>(&self, detector: &D) -> Result<Vec<Event<P>>> {
                detector.detect(self.as_plain_series())
            }
        }
    )*};
}

detect_on_levels!(
    Exports,
    Imports,
    Gdp,
    TradeBalance,
    ConfidenceIndex,
    Indicator
);

impl<P: Period> Gdp<P> {
    /// Every period whose level fell below the previous one's: the
    /// contractions, each compared with the one before
    /// ([`Declines`](super::Declines)).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let q = Quarter::new(2021, 4)?;
    /// let meta = Metadata::new("US real GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let gdp = Gdp::new(Series::from_values(q, [100.0, 99.0, 99.5, 100.0, 101.0, 100.5])?, meta)?;
    /// let c = gdp.contractions();
    /// assert_eq!((c[1].period, c[1].compared_with), (q + 5, Some(q + 1))); // the first since 2022-Q1
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn contractions(&self) -> Vec<Event<P>> {
        super::declines::declines(self.as_plain_series(), |i| {
            super::declines::level_fell(self.as_plain_series().raw(), i)
        })
    }
}

impl Gdp<Quarter> {
    /// Two or more consecutive quarterly contractions
    /// ([`TechnicalRecessions`]).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    /// use econseries::indicator::{Gdp, Metadata, PriceBasis};
    ///
    /// let q = Quarter::new(2008, 2)?;
    /// let meta = Metadata::new("US real GDP", "US").with_price_basis(PriceBasis::Nominal);
    /// let gdp = Gdp::new(Series::from_values(q, [100.0, 99.5, 98.9, 99.2])?, meta)?;
    /// assert_eq!(gdp.technical_recessions().len(), 1);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn technical_recessions(&self) -> Vec<Event<Quarter>> {
        // Declines of a level cannot fail.
        TechnicalRecessions
            .detect(self.as_plain_series())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Series;
    use crate::indicator::{Metadata, PriceBasis};

    #[test]
    fn contractions_are_declines() {
        let q = Quarter::new(2020, 1).unwrap();
        let gdp = Gdp::new(
            Series::from_values(q, [3.0, 2.0, 2.5, 1.0]).unwrap(),
            Metadata::new("x", "US").with_price_basis(PriceBasis::Nominal),
        )
        .unwrap();
        assert_eq!(
            gdp.contractions(),
            gdp.detect(&super::super::Declines).unwrap()
        );
    }
}
