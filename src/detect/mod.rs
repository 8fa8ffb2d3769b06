//! Headline change detection: records, streaks, crossings, contractions,
//! recession rules, turning points and anomalies.
//!
//! These are the questions of the news: *is this the steepest fall since
//! 2020? the first contraction since when? how many months in a row?* Each
//! detector is a pure function of a [`Series`](crate::Series) that returns
//! structured results (periods, values, the period compared with), never
//! text; each result converts into an [`Event`], the one finding type that
//! [`narrate`](crate::narrate) turns into sentences.
//!
//! | question | detector | event |
//! |---|---|---|
//! | lowest / highest since …, on record | [`records`], [`record_at`] | [`EventKind::Low`], [`EventKind::High`] |
//! | n-th straight rise or fall | [`streaks`], [`streak_at`] | [`EventKind::Streak`] |
//! | above / below a threshold (neutral level) | [`crossings`] | [`EventKind::Crossing`] |
//! | contraction, first since … | [`contractions`] | [`EventKind::Contraction`] |
//! | technical recession | [`technical_recessions`] | [`EventKind::TechnicalRecession`] |
//! | Sahm rule | [`Sahm`] | [`EventKind::Sahm`] |
//! | business-cycle peaks and troughs | [`Bbq`] (quarterly), [`BryBoschan`] (monthly) | [`EventKind::Peak`], [`EventKind::Trough`] |
//! | outliers | [`RobustZ`] | [`EventKind::Anomaly`] |
//!
//! Missing values are never bridged silently: a record skips them, a streak
//! ends at them, a crossing compares with the last observation and says
//! when the series was last on the new side.
//!
//! # Example
//! ```
//! use econseries::{Month, Series};
//! use econseries::detect::{record_at, streak_at, Extreme, StreakBasis};
//!
//! let jan = Month::new(2025, 1)?;
//! let yoy = Series::from_values(jan, [-5.0, 2.0, -1.0, -3.0, -6.0])?;
//! let may = jan + 4;
//! let low = record_at(&yoy, Extreme::Low, may).ok_or("missing")?;
//! assert!(low.is_record()); // the steepest decline on record
//! let run = streak_at(&yoy, StreakBasis::Sign, may).ok_or("no streak")?;
//! assert_eq!(run.length, 3); // the third straight month of decline
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod anomaly;
mod crossing;
mod event;
mod recession;
mod records;
mod streaks;
mod turning;

pub use anomaly::{Anomaly, RobustZ};
pub use crossing::{Crossing, crossings};
pub use event::{Direction, Event, EventKind};
pub use recession::{
    Contraction, Recession, Sahm, SahmReading, contractions, technical_recessions,
};
pub use records::{Extreme, Record, record_at, records};
pub use streaks::{Streak, StreakBasis, streak_at, streaks};
pub use turning::{Bbq, BryBoschan, Turn, TurningPoint};
