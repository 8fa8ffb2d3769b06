//! [`Detector`]: the one trait every detector implements, and
//! [`AnyDetector`] for series whose frequency is known only at run time.

use core::any::{Any, TypeId};

use super::event::Event;
use crate::error::{Error, Result};
use crate::period::{Frequency, Month, Period, Quarter, Year};
use crate::series::Series;
use crate::unit::{Percent, Value};

/// A detector: configured as a value, run on a series, yielding
/// [`Event`]s in period order.
///
/// `P` and `U` say which series the detector accepts, so what makes no
/// sense does not compile: [`TechnicalRecessions`](super::TechnicalRecessions)
/// implements `Detector<Quarter>` and `Detector<Quarter, Percent>` only,
/// [`Sahm`](super::Sahm) `Detector<Month>` only.
///
/// The two verbs agree: [`detect_at`](Detector::detect_at) gives exactly the
/// events of [`detect`](Detector::detect) at that period (a streak or a
/// recession has an event at each of its periods, counting so far), possibly
/// faster. Everything that consumes detectors (sentences, vintages as known
/// on a date, panels, charts, the CLI) takes this trait, so a detector
/// written once is available in all of them.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::detect::{Detector, Direction, EventKind, Records, Streaks};
///
/// let jan = Month::new(2025, 1)?;
/// let yoy = Series::from_values(jan, [-5.0, 2.0, -1.0, -3.0, -6.0])?;
/// let may = jan + 4;
/// let low = Records::low().detect_at(&yoy, may)?;
/// assert!(low[0].is_record()); // the steepest decline on record
/// let run = Streaks::signs().detect_at(&yoy, may)?;
/// assert!(matches!(run[0].kind, EventKind::Streak { direction: Direction::Down, length: 3, .. }));
/// # Ok::<(), econseries::Error>(())
/// ```
///
/// Technical recessions are a rule about quarters:
/// ```compile_fail,E0277
/// use econseries::{Month, Series};
/// use econseries::detect::{Detector, TechnicalRecessions};
///
/// let imports = Series::from_values(Month::new(2025, 1)?, [3.0, 2.0, 1.0])?;
/// TechnicalRecessions.detect(&imports)?;
/// # Ok::<(), econseries::Error>(())
/// ```
pub trait Detector<P: Period, U: Value = f64> {
    /// Every event in `series`, in period order.
    ///
    /// # Errors
    /// As the detector documents (too few observations for a turning-point
    /// rule, a zero noise estimate for a change-point penalty, ...).
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>>;

    /// The events at `at`: those of [`detect`](Detector::detect) whose
    /// period is `at`, none if `at` lies outside the series.
    ///
    /// # Errors
    /// As [`detect`](Detector::detect).
    fn detect_at(&self, series: &Series<P, U>, at: P) -> Result<Vec<Event<P>>> {
        let mut events = self.detect(series)?;
        events.retain(|e| e.period == at);
        Ok(events)
    }
}

impl<P: Period, U: Value, D: Detector<P, U> + ?Sized> Detector<P, U> for &D {
    fn detect(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        (**self).detect(series)
    }

    fn detect_at(&self, series: &Series<P, U>, at: P) -> Result<Vec<Event<P>>> {
        (**self).detect_at(series, at)
    }
}

/// A detector for series whose frequency (and whether they are levels or
/// changes) is known only at run time: a file read by the CLI, a panel's
/// series, an [`AnySeries`](crate::AnySeries).
///
/// Every detector implements it: those that take every frequency through
/// [`Detector`] (by a blanket implementation), the frequency-bound ones
/// ([`TechnicalRecessions`](super::TechnicalRecessions),
/// [`Sahm`](super::Sahm)) by refusing the other frequencies with
/// [`Error::FrequencyMismatch`]. A series of levels (`f64`) goes to the
/// level methods; a growth rate ([`Percent`]) or a change
/// ([`PercentagePoints`](crate::PercentagePoints),
/// [`IndexPoints`](crate::IndexPoints)) to the change methods, where a
/// decline is a value below zero. Call it through
/// [`detect`](trait.AnyDetector.html#method.detect) on `dyn AnyDetector`,
/// from code generic over the period and the unit.
///
/// # Example
/// ```
/// use econseries::{Month, Quarter, Series};
/// use econseries::detect::{AnyDetector, Declines, TechnicalRecessions};
///
/// let detectors: [&dyn AnyDetector; 2] = [&Declines, &TechnicalRecessions];
/// let gdp = Series::from_values(Quarter::new(2008, 2)?, [100.0, 99.5, 98.9, 99.2])?;
/// assert_eq!(detectors[1].detect(&gdp)?.len(), 1);
/// let imports = Series::from_values(Month::new(2025, 1)?, [3.0, 2.0, 1.0])?;
/// assert_eq!(detectors[0].detect(&imports)?.len(), 2);
/// assert_eq!(detectors[0].detect(&imports.pch())?.len(), 2); // growth below zero
/// assert!(detectors[1].detect(&imports).is_err()); // a monthly series
/// # Ok::<(), econseries::Error>(())
/// ```
pub trait AnyDetector: Send + Sync {
    /// The events of a monthly level series.
    ///
    /// # Errors
    /// As the detector documents; [`Error::FrequencyMismatch`] if it does
    /// not take monthly series.
    fn detect_monthly(&self, series: &Series<Month>) -> Result<Vec<Event<Month>>>;

    /// The events of a quarterly level series.
    ///
    /// # Errors
    /// As [`detect_monthly`](AnyDetector::detect_monthly), for quarters.
    fn detect_quarterly(&self, series: &Series<Quarter>) -> Result<Vec<Event<Quarter>>>;

    /// The events of an annual level series.
    ///
    /// # Errors
    /// As [`detect_monthly`](AnyDetector::detect_monthly), for years.
    fn detect_annual(&self, series: &Series<Year>) -> Result<Vec<Event<Year>>>;

    /// The events of a monthly growth (or change) series.
    ///
    /// # Errors
    /// As [`detect_monthly`](AnyDetector::detect_monthly).
    fn detect_monthly_growth(&self, series: &Series<Month, Percent>) -> Result<Vec<Event<Month>>>;

    /// The events of a quarterly growth (or change) series.
    ///
    /// # Errors
    /// As [`detect_quarterly`](AnyDetector::detect_quarterly).
    fn detect_quarterly_growth(
        &self,
        series: &Series<Quarter, Percent>,
    ) -> Result<Vec<Event<Quarter>>>;

    /// The events of an annual growth (or change) series.
    ///
    /// # Errors
    /// As [`detect_annual`](AnyDetector::detect_annual).
    fn detect_annual_growth(&self, series: &Series<Year, Percent>) -> Result<Vec<Event<Year>>>;
}

impl<D> AnyDetector for D
where
    D: Detector<Month>
        + Detector<Quarter>
        + Detector<Year>
        + Detector<Month, Percent>
        + Detector<Quarter, Percent>
        + Detector<Year, Percent>
        + Send
        + Sync,
{
    fn detect_monthly(&self, series: &Series<Month>) -> Result<Vec<Event<Month>>> {
        self.detect(series)
    }

    fn detect_quarterly(&self, series: &Series<Quarter>) -> Result<Vec<Event<Quarter>>> {
        self.detect(series)
    }

    fn detect_annual(&self, series: &Series<Year>) -> Result<Vec<Event<Year>>> {
        self.detect(series)
    }

    fn detect_monthly_growth(&self, series: &Series<Month, Percent>) -> Result<Vec<Event<Month>>> {
        self.detect(series)
    }

    fn detect_quarterly_growth(
        &self,
        series: &Series<Quarter, Percent>,
    ) -> Result<Vec<Event<Quarter>>> {
        self.detect(series)
    }

    fn detect_annual_growth(&self, series: &Series<Year, Percent>) -> Result<Vec<Event<Year>>> {
        self.detect(series)
    }
}

impl dyn AnyDetector + '_ {
    /// The events of `series`, whatever its period type and unit: a level
    /// (`f64`) goes to the level method of its frequency, a growth rate or
    /// a change to the growth method.
    ///
    /// # Errors
    /// As the detector documents; [`Error::FrequencyMismatch`] for a
    /// frequency the detector does not take.
    pub fn detect<P: Period, U: Value>(&self, series: &Series<P, U>) -> Result<Vec<Event<P>>> {
        // `Period` is sealed to three types and the units to four, so one
        // of these casts applies; the results come back through the same
        // kind of cast.
        let events: Box<dyn Any> = if TypeId::of::<U>() == TypeId::of::<f64>() {
            let s: Series<P> = series.clone().into_unit();
            let s: &dyn Any = &s;
            if let Some(s) = s.downcast_ref::<Series<Month>>() {
                Box::new(self.detect_monthly(s)?)
            } else if let Some(s) = s.downcast_ref::<Series<Quarter>>() {
                Box::new(self.detect_quarterly(s)?)
            } else if let Some(s) = s.downcast_ref::<Series<Year>>() {
                Box::new(self.detect_annual(s)?)
            } else {
                Box::new(())
            }
        } else {
            let s: Series<P, Percent> = series.clone().into_unit();
            let s: &dyn Any = &s;
            if let Some(s) = s.downcast_ref::<Series<Month, Percent>>() {
                Box::new(self.detect_monthly_growth(s)?)
            } else if let Some(s) = s.downcast_ref::<Series<Quarter, Percent>>() {
                Box::new(self.detect_quarterly_growth(s)?)
            } else if let Some(s) = s.downcast_ref::<Series<Year, Percent>>() {
                Box::new(self.detect_annual_growth(s)?)
            } else {
                Box::new(())
            }
        };
        events
            .downcast::<Vec<Event<P>>>()
            .map(|e| *e)
            .map_err(|_| Error::FrequencyMismatch {
                expected: Frequency::Monthly,
                found: P::FREQUENCY,
            })
    }
}

/// Implements [`AnyDetector`] for a detector bound to one frequency:
/// `$level` and `$growth` are its methods for that frequency's levels and
/// growth series, every other method refuses.
macro_rules! bound_to_one_frequency {
    ($t:ty, $freq:expr, $period:ident, $level:ident, $growth:ident) => {
        impl $crate::detect::AnyDetector for $t {
            fn detect_monthly(
                &self,
                s: &$crate::series::Series<$crate::period::Month>,
            ) -> $crate::error::Result<Vec<$crate::detect::Event<$crate::period::Month>>> {
                bound_to_one_frequency!(@pick $period, Month, $level, self, s, $freq)
            }

            fn detect_quarterly(
                &self,
                s: &$crate::series::Series<$crate::period::Quarter>,
            ) -> $crate::error::Result<Vec<$crate::detect::Event<$crate::period::Quarter>>> {
                bound_to_one_frequency!(@pick $period, Quarter, $level, self, s, $freq)
            }

            fn detect_annual(
                &self,
                s: &$crate::series::Series<$crate::period::Year>,
            ) -> $crate::error::Result<Vec<$crate::detect::Event<$crate::period::Year>>> {
                bound_to_one_frequency!(@pick $period, Year, $level, self, s, $freq)
            }

            fn detect_monthly_growth(
                &self,
                s: &$crate::series::Series<$crate::period::Month, $crate::unit::Percent>,
            ) -> $crate::error::Result<Vec<$crate::detect::Event<$crate::period::Month>>> {
                bound_to_one_frequency!(@pick $period, Month, $growth, self, s, $freq)
            }

            fn detect_quarterly_growth(
                &self,
                s: &$crate::series::Series<$crate::period::Quarter, $crate::unit::Percent>,
            ) -> $crate::error::Result<Vec<$crate::detect::Event<$crate::period::Quarter>>> {
                bound_to_one_frequency!(@pick $period, Quarter, $growth, self, s, $freq)
            }

            fn detect_annual_growth(
                &self,
                s: &$crate::series::Series<$crate::period::Year, $crate::unit::Percent>,
            ) -> $crate::error::Result<Vec<$crate::detect::Event<$crate::period::Year>>> {
                bound_to_one_frequency!(@pick $period, Year, $growth, self, s, $freq)
            }
        }
    };
    (@pick Month, Month, $m:ident, $self:ident, $s:ident, $freq:expr) => { $self.$m($s) };
    (@pick Quarter, Quarter, $m:ident, $self:ident, $s:ident, $freq:expr) => { $self.$m($s) };
    (@pick Year, Year, $m:ident, $self:ident, $s:ident, $freq:expr) => { $self.$m($s) };
    (@pick $bound:ident, $asked:ident, $m:ident, $self:ident, $s:ident, $freq:expr) => {{
        let _ = $s;
        Err($crate::detect::detector::only::<$crate::period::$asked>($freq))
    }};
}

pub(crate) use bound_to_one_frequency;

/// The error of a frequency-bound detector asked about another frequency.
pub(crate) fn only<P: Period>(frequency: Frequency) -> Error {
    Error::FrequencyMismatch {
        expected: frequency,
        found: P::FREQUENCY,
    }
}
