//! Sentences from findings, in newsroom style, built from an indicator's
//! metadata.
//!
//! [`Headline`] runs the [`detect`](crate::detect) detectors, through the
//! [`Detector`](crate::detect::Detector) trait, on one of an indicator's
//! numbers ([`Basis`]: year-on-year growth, annualised growth,
//! period-on-period growth or the level) at a period, and [`sentences`]
//! writes what they found, reading only the [`Findings`]: the number with
//! one decimal or as many as it takes, months and quarters in words
//! ([`period_name`]), ordinals in words up to the twelfth ([`ordinal`]), the
//! subject and the words from the indicator's name and
//! [`MeasureKind`](crate::indicator::MeasureKind). No sentence is written
//! per data set.
//!
//! On a [`VintagedSeries`](crate::vintage::VintagedSeries),
//! [`headline_as_of`](crate::vintage::VintagedSeries::headline_as_of) finds
//! what could have been written on a date (every detector on the data as
//! then known) and how the number was first reported if it has been revised
//! since ([`date_name`] writes the days: `30 April 2025`).
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
//! let text = Headline::new(Basis::AnnualRate).sentences(&gdp, q + 5)?;
//! assert_eq!(
//!     text[0],
//!     "US real GDP contracted at a 0.5% annual rate in the second quarter of 2025, \
//!      the steepest contraction since the second quarter of 2024."
//! );
//! assert_eq!(text[1], "It was the second straight quarterly contraction, a technical recession by the rule of thumb of two.");
//! # Ok::<(), econseries::Error>(())
//! ```

mod findings;
mod sentences;
mod words;

pub use findings::{Basis, Findings, Headline, Revision};
pub use sentences::sentences;
pub use words::{date_name, ordinal, period_name};
