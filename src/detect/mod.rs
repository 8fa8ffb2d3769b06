//! Change detection, from the newsroom kind to statistical change points,
//! behind one trait.
//!
//! These are the questions of the news: *is this the steepest fall since
//! 2020? the first contraction since when? how many months in a row?* Each
//! detector is a value (configured by its constructor and builder methods)
//! implementing [`Detector`]: `detect(&series)` for every finding,
//! `detect_at(&series, period)` for those at one period, both yielding
//! [`Event`]s, the one finding type. [`narrate`](crate::narrate) turns
//! events into sentences; vintages replay detectors as known on a date,
//! panels run them on every series, charts mark their events, and the `econ`
//! command prints them, all through the trait.
//!
//! | question | detector | event |
//! |---|---|---|
//! | lowest / highest since …, on record | [`Records`] | [`EventKind::Low`], [`EventKind::High`] |
//! | n-th straight rise or fall | [`Streaks`] | [`EventKind::Streak`] |
//! | above / below a threshold (neutral level) | [`Crossings`] | [`EventKind::Crossing`] |
//! | decline, contraction, first since … | [`Declines`] | [`EventKind::Decline`] |
//! | technical recession (quarterly) | [`TechnicalRecessions`] | [`EventKind::TechnicalRecession`] |
//! | Sahm rule (monthly) | [`Sahm`] | [`EventKind::Sahm`] |
//! | business-cycle peaks and troughs | [`Bbq`] (quarterly), [`BryBoschan`] (monthly), [`TurningPoints`] (by frequency) | [`EventKind::Peak`], [`EventKind::Trough`] |
//! | outliers | [`RobustZ`] | [`EventKind::Anomaly`] |
//! | shifts in mean, variance or trend | [`ChangePoints`](crate::changepoint::ChangePoints), [`Cusum`](crate::changepoint::Cusum), [`OnlineChanges`](crate::changepoint::OnlineChanges) | [`EventKind::Shift`] |
//!
//! Missing values are never bridged silently: a record skips them, a streak
//! ends at them, a crossing compares with the last observation and says
//! when the series was last on the new side.
//!
//! # Example
//! ```
//! use econseries::{Month, Series};
//! use econseries::detect::{Detector, Records, Streaks};
//!
//! let jan = Month::new(2025, 1)?;
//! let yoy = Series::from_values(jan, [-5.0, 2.0, -1.0, -3.0, -6.0])?;
//! let may = jan + 4;
//! let low = Records::low().detect_at(&yoy, may)?;
//! assert!(low[0].is_record()); // the steepest decline on record
//! let run = Streaks::signs().detect_at(&yoy, may)?;
//! assert_eq!(run[0].compared_with, Some(jan + 2)); // a run since March
//! # Ok::<(), econseries::Error>(())
//! ```

mod anomaly;
mod crossing;
mod declines;
mod detector;
mod event;
mod indicators;
mod recession;
mod records;
mod sahm;
mod streaks;
mod turning;

pub use anomaly::RobustZ;
pub use crossing::Crossings;
pub use declines::Declines;
pub use detector::{AnyDetector, Detector};
pub use event::{Direction, Event, EventKind, Evidence, FieldValue, Fit};
pub use recession::TechnicalRecessions;
pub use records::{Extreme, Records};
pub use sahm::Sahm;
pub use streaks::{StreakBasis, Streaks};
pub use turning::{Bbq, BryBoschan, TurningPoints};

#[cfg(feature = "plot")]
pub(crate) use streaks::run_ends;
