//! Sentences from findings, in newsroom style, built from an indicator's
//! metadata.
//!
//! [`Headline`] runs the [`detect`](crate::detect) detectors on one of an
//! indicator's numbers ([`Basis`]: year-on-year growth, annualised growth,
//! period-on-period growth or the level) at a period, and [`sentences`]
//! writes what they found: the number with one decimal, months and
//! quarters in words ([`period_name`]), ordinals in words up to the twelfth
//! ([`ordinal`]), and the subject taken from the indicator's
//! [`Metadata`](crate::Metadata). No sentence is written per data set.
//!
//! On a [`VintagedSeries`](crate::vintage::VintagedSeries),
//! [`Headline::sentences_as_of`] writes the headline as it could have been
//! written on a date (every detector on the data as then known) and adds
//! how the number was first reported if it has been revised since
//! ([`date_name`] writes the days: `30 April 2025`).
//!
//! # Example
//! ```
//! use econseries::{Quarter, Series, Year};
//! use econseries::indicator::{Gdp, Metadata, PriceBasis};
//! use econseries::narrate::{Basis, Headline};
//!
//! let meta = Metadata::new("US real GDP", "US")
//!     .with_price_basis(PriceBasis::Chained { reference_year: Year::new(2017)? });
//! let q = Quarter::new(2024, 1)?;
//! let levels = [100.0, 99.0, 99.5, 100.6, 100.52, 100.4];
//! let gdp = Gdp::new(Series::from_values(q, levels)?, meta)?;
//! let text = Headline::new(Basis::AnnualRate).sentences(&gdp.into(), q + 5)?;
//! assert_eq!(
//!     text[0],
//!     "US real GDP shrank at a 0.5% annual rate in the second quarter of 2025, \
//!      the steepest decline since the second quarter of 2024."
//! );
//! assert_eq!(text[1], "It was the second straight quarterly contraction, a technical recession by the rule of thumb of two.");
//! # Ok::<(), econseries::Error>(())
//! ```

mod headline;
mod words;

pub use headline::{Basis, Findings, Headline, sentences};
pub use words::{date_name, ordinal, period_name};
