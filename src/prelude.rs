//! The names most programs use, for a glob import.
//!
//! ```
//! use econseries::prelude::*;
//!
//! let imports = Series::from_values(Month::new(2024, 5)?, (0..13).map(|i| if i == 12 { 58.6 } else { 100.0 }))?;
//! let yoy = imports.pc1();
//! let low = Records::low().detect_at(&yoy, Month::new(2025, 5)?)?;
//! assert!(low[0].is_record());
//! # Ok::<(), econseries::Error>(())
//! ```

pub use crate::detect::{
    AnyDetector, Declines, Detector, Event, EventKind, Records, Streaks, TechnicalRecessions,
};
pub use crate::indicator::{
    ConfidenceIndex, Currency, Exports, Gdp, Imports, Indicator, MeasureKind, Metadata, Neutral,
    Scale, TradeBalance,
};
pub use crate::narrate::{Basis, Headline};
pub use crate::period::{Frequency, Month, Period, Quarter, Year};
pub use crate::series::Series;
pub use crate::transform::{Aggregation, Units};
pub use crate::unit::{IndexPoints, Percent, PercentagePoints, Value};
pub use crate::{AnySeries, Error, NaiveDate, Result};
