use core::fmt;
use core::str::FromStr;

use crate::error::{Error, Result};
use crate::period::{Period, Within};
use crate::series::Series;
use crate::unit::Value;

/// How sub-periods combine into a coarser period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Aggregation {
    /// Arithmetic mean (FRED `avg`).
    Mean,
    /// Sum (FRED `sum`).
    Sum,
    /// First present sub-period.
    First,
    /// Last present sub-period (FRED `eop`).
    Last,
    /// Minimum.
    Min,
    /// Maximum.
    Max,
}

impl Aggregation {
    /// The lowercase name: `mean`, `sum`, ...
    pub const fn name(self) -> &'static str {
        match self {
            Aggregation::Mean => "mean",
            Aggregation::Sum => "sum",
            Aggregation::First => "first",
            Aggregation::Last => "last",
            Aggregation::Min => "min",
            Aggregation::Max => "max",
        }
    }
}

impl fmt::Display for Aggregation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Aggregation {
    type Err = Error;

    /// Parses `mean` (or FRED's `avg`), `sum`, `first`, `last` (or `eop`), `min`, `max`.
    fn from_str(s: &str) -> Result<Aggregation> {
        match s.to_ascii_lowercase().as_str() {
            "mean" | "avg" => Ok(Aggregation::Mean),
            "sum" => Ok(Aggregation::Sum),
            "first" => Ok(Aggregation::First),
            "last" | "eop" => Ok(Aggregation::Last),
            "min" => Ok(Aggregation::Min),
            "max" => Ok(Aggregation::Max),
            _ => Err(Error::InvalidArgument {
                name: "method",
                value: s.to_owned(),
                expected: "one of mean, sum, first, last, min, max",
            }),
        }
    }
}

impl<P: Period, U: Value> Series<P, U> {
    /// Converts to the coarser period `C`; a coarser period is missing unless
    /// all its sub-periods are present.
    pub fn aggregate<C: Period>(&self, method: Aggregation) -> Series<C, U>
    where
        P: Within<C>,
    {
        let _ = method;
        todo!()
    }

    /// Like [`aggregate`](Series::aggregate) with a lowered bar: a coarser period
    /// needs only `min_count` present sub-periods.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless `1 <= min_count <= P::PER_PARENT`.
    pub fn aggregate_with<C: Period>(&self, method: Aggregation, min_count: u32) -> Result<Series<C, U>>
    where
        P: Within<C>,
    {
        let _ = (method, min_count);
        todo!()
    }
}
