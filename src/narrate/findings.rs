//! [`Headline`]: an indicator's findings at a period, and their sentences.

use chrono::NaiveDate;

use crate::detect::{
    AnyDetector, Crossings, Declines, Detector, Direction, Event, EventKind, Records, Streaks,
    TechnicalRecessions,
};
use crate::error::{Comparison, Error, Operation, Result, UndefinedReason};
use crate::indicator::{Indicator, MeasureKind};
use crate::period::{Frequency, Period};
use crate::series::Series;
use crate::unit::Percent;

/// Which number of an indicator a headline is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Basis {
    /// Percent change from a year earlier: "fell 41.4% year on year".
    YearOnYear,
    /// Growth from the previous period at an annual rate (US GDP):
    /// "contracted at a 0.3% annual rate".
    AnnualRate,
    /// Percent change from the previous period: "fell 24.0% month on month".
    PeriodOnPeriod,
    /// The level itself: "dropped to 51.0 from 53.6".
    Level,
}

impl Basis {
    /// A short name: `yoy`, `annual-rate`, `pop` or `level`.
    ///
    /// # Example
    /// ```
    /// use econseries::narrate::Basis;
    /// assert_eq!(Basis::PeriodOnPeriod.name(), "pop");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Basis::YearOnYear => "yoy",
            Basis::AnnualRate => "annual-rate",
            Basis::PeriodOnPeriod => "pop",
            Basis::Level => "level",
        }
    }

    /// Whether the number is a growth rate (every basis but the level).
    ///
    /// # Example
    /// ```
    /// use econseries::narrate::Basis;
    /// assert!(Basis::YearOnYear.is_growth() && !Basis::Level.is_growth());
    /// ```
    pub const fn is_growth(self) -> bool {
        !matches!(self, Basis::Level)
    }
}

/// How a number was first reported and how it stands on a later date, for
/// the sentence that says so ("The figure was first reported on …").
/// Built by the vintage layer
/// ([`VintagedSeries::headline_as_of`](crate::vintage::VintagedSeries::headline_as_of)).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Revision {
    /// The number as first reported.
    pub first: f64,
    /// The day it was first reported.
    pub first_published: NaiveDate,
    /// The number as known on the later date.
    pub value: f64,
    /// The day that value was published.
    pub published: NaiveDate,
}

impl Revision {
    /// A revision from `first` (published on `first_published`) to `value`
    /// (published on `published`).
    ///
    /// # Example
    /// ```
    /// use econseries::narrate::Revision;
    ///
    /// let r = Revision::new(-0.3, "2025-04-30".parse()?, -0.6, "2025-12-23".parse()?);
    /// assert!(r.is_revised());
    /// # Ok::<(), chrono::ParseError>(())
    /// ```
    pub const fn new(
        first: f64,
        first_published: NaiveDate,
        value: f64,
        published: NaiveDate,
    ) -> Revision {
        Revision {
            first,
            first_published,
            value,
            published,
        }
    }

    /// Whether the number differs from its first report.
    pub fn is_revised(&self) -> bool {
        self.first != self.value
    }
}

/// What [`Headline::findings`] found about one period: the number the
/// headline is about, whose number it is, and the events that qualify it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct Findings<P: Period> {
    /// The indicator's name, the subject of the sentences.
    pub name: String,
    /// What the indicator measures, which decides the words: output
    /// contracts, trade falls, an index drops.
    pub kind: MeasureKind,
    /// The period.
    pub period: P,
    /// Which number the headline is about.
    pub basis: Basis,
    /// That number at the period (a growth rate in percent, or the level).
    pub value: f64,
    /// For [`Basis::Level`], the previous observation and its period.
    pub previous: Option<(P, f64)>,
    /// The first observed period of the number's series: where "records
    /// began".
    pub history_start: P,
    /// The events at the period, from the detectors that apply: a record
    /// ([`Low`](EventKind::Low)/[`High`](EventKind::High)) in the direction
    /// of the news, a [`Decline`](EventKind::Decline) of a growth rate, a
    /// [`Streak`](EventKind::Streak), a
    /// [`TechnicalRecession`](EventKind::TechnicalRecession) (quarterly
    /// output) and a [`Crossing`](EventKind::Crossing) of an index's neutral
    /// level.
    pub events: Vec<Event<P>>,
    /// For findings as known on a date, the number as first reported;
    /// `None` otherwise.
    pub revision: Option<Revision>,
}

impl<P: Period> Findings<P> {
    /// The first event of a kind.
    pub(crate) fn event(&self, f: impl Fn(&EventKind) -> bool) -> Option<&Event<P>> {
        self.events.iter().find(|e| f(&e.kind))
    }

    /// The event the headline leads with, as an editor would rank them: of
    /// a record (or "the lowest since …") and "the first decline since …",
    /// the one that reaches further back (the decline on a tie), and only if
    /// it reaches at least a year back; `None` if neither is news.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    /// use econseries::detect::EventKind;
    /// use econseries::indicator::{Currency, Imports, Metadata};
    /// use econseries::narrate::{Basis, Headline};
    ///
    /// // A steep fall, then a small one: the February fall was the steepest
    /// // since the record 13 months earlier; the decline before it was in January.
    /// let mut v = vec![100.0, 60.0];
    /// v.extend([100.0; 12]);
    /// v.extend([95.0, 70.0]);
    /// let meta = Metadata::new("Imports", "US").with_currency(Currency::USD);
    /// let imports = Imports::new(Series::from_values(Month::new(2024, 1)?, v)?, meta)?;
    /// let f = Headline::new(Basis::PeriodOnPeriod).findings(&imports, Month::new(2025, 4)?)?;
    /// let lead = f.lead().ok_or("no lead")?;
    /// assert_eq!((lead.kind, lead.compared_with), (EventKind::Low { record: false }, Some(Month::new(2024, 2)?)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lead(&self) -> Option<&Event<P>> {
        let year = P::PER_YEAR as i32;
        let reach = |e: &Event<P>| e.periods_back().unwrap_or(0);
        let record = self
            .event(|k| matches!(k, EventKind::Low { .. } | EventKind::High { .. }))
            .filter(|e| reach(e) >= year);
        // "The first decline since …": a decline after at least one period
        // without; with no earlier decline, it reaches to where records began.
        let decline =
            self.event(|k| matches!(k, EventKind::Decline))
                .filter(|e| match e.compared_with {
                    Some(_) => reach(e) > 1 && reach(e) >= year,
                    None => self.period.periods_since(self.history_start) >= year,
                });
        let decline_reach = |e: &Event<P>| match e.compared_with {
            Some(_) => reach(e),
            None => self.period.periods_since(self.history_start),
        };
        match (record, decline) {
            (Some(r), Some(d)) if reach(r) > decline_reach(d) => Some(r),
            (_, Some(d)) => Some(d),
            (r, None) => r,
        }
    }
}

/// Builds the findings and sentences of an indicator at a period.
///
/// The detectors run, through the [`Detector`] trait, on the basis series
/// (year-on-year growth, annualised growth, period-on-period growth or the
/// level): [`Records`] in the direction of the news, [`Declines`] of a
/// growth rate, [`Streaks`] (of signs for growth, of changes for a level),
/// [`TechnicalRecessions`] for quarterly output, and [`Crossings`] of an
/// index's neutral level. [`sentences`](super::sentences) writes them from
/// the indicator's name and [`MeasureKind`]; nothing is written per data
/// set.
///
/// # Example
/// ```
/// use econseries::{Month, Series};
/// use econseries::indicator::{Currency, Imports, Metadata};
/// use econseries::narrate::{Basis, Headline};
///
/// let mut values = vec![100.0; 24];
/// values.extend([90.0, 80.0]);
/// let meta = Metadata::new("US imports of widgets", "US").with_currency(Currency::USD);
/// let imports = Imports::new(Series::from_values(Month::new(2023, 1)?, values)?, meta)?;
/// let s = Headline::new(Basis::YearOnYear).sentences(&imports, Month::new(2025, 2)?)?;
/// assert_eq!(s[0], "US imports of widgets fell 20.0% year on year in February 2025, \
///                   the steepest fall in the 14 months since records began in January 2024.");
/// assert_eq!(s[1], "It was the second straight month of year-on-year decline.");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Headline {
    basis: Basis,
}

impl Headline {
    /// A headline about `basis`.
    pub const fn new(basis: Basis) -> Headline {
        Headline { basis }
    }

    /// The basis this headline is about.
    pub const fn basis(&self) -> Basis {
        self.basis
    }

    /// The number of `indicator` the headline is about, as a series.
    ///
    /// # Errors
    /// [`Error::NotAllowed`] for a growth basis on a kind without percent
    /// changes (a rate, an index, a balance).
    pub fn number<P: Period>(&self, indicator: &Indicator<P>) -> Result<Series<P>> {
        Ok(match self.basis {
            Basis::YearOnYear => indicator.yoy()?.into_raw(),
            Basis::AnnualRate => indicator.annualized_growth()?.into_raw(),
            Basis::PeriodOnPeriod => indicator.pch()?.into_raw(),
            Basis::Level => indicator.as_plain_series().clone(),
        })
    }

    /// Why the number is missing at `at`: the level itself, the level it
    /// compares with, or a base that is not positive.
    fn undefined<P: Period>(&self, level: &Series<P>, at: P) -> Error {
        let (operation, comparison) = match self.basis {
            Basis::YearOnYear => (Operation::Pc1, Some((P::PER_YEAR, Comparison::YearEarlier))),
            Basis::AnnualRate => (Operation::Pca, Some((1, Comparison::Previous))),
            Basis::PeriodOnPeriod => (Operation::Pch, Some((1, Comparison::Previous))),
            Basis::Level => (Operation::Lin, None),
        };
        let earlier = comparison.and_then(|(lag, c)| Some((at.checked_sub(lag.into()).ok()?, c)));
        let reason = match (level.get(at), earlier) {
            (None, _) | (_, None) => UndefinedReason::MissingValue,
            (Some(_), Some((then, comparison))) => match level.get(then) {
                None => UndefinedReason::MissingComparison {
                    period: then.into(),
                    comparison,
                },
                Some(v) if v <= 0.0 => UndefinedReason::NonPositiveBase(then.into()),
                Some(_) => UndefinedReason::Overflow,
            },
        };
        Error::Undefined {
            operation,
            period: at.into(),
            reason,
        }
    }

    /// The findings of `indicator` at `at`. Any typed indicator converts,
    /// borrowed or not (`&imports`, `gdp`, `&indicator`).
    ///
    /// # Errors
    /// [`Error::NotAllowed`] for a growth basis on a kind without percent
    /// changes (a rate, an index, a balance); [`Error::Undefined`] if the
    /// number at `at` is missing (or `at` is outside the series).
    pub fn findings<P: Period>(
        &self,
        indicator: impl Into<Indicator<P>>,
        at: P,
    ) -> Result<Findings<P>> {
        let indicator = indicator.into();
        let number = self.number(&indicator)?;
        let value = number
            .get(at)
            .ok_or_else(|| self.undefined(indicator.as_plain_series(), at))?;
        let history_start = number.first_valid().unwrap_or(at);
        let kind = indicator.kind();
        let mut events = Vec::new();
        let mut previous = None;
        if self.basis.is_growth() {
            let growth: Series<P, Percent> = number.into_unit();
            let direction = direction_of(value, 0.0);
            if let Some(d) = direction {
                events.extend(records(d).detect_at(&growth, at)?);
            }
            if value < 0.0 {
                events.extend(Declines.detect_at(&growth, at)?);
            }
            events.extend(Streaks::signs().detect_at(&growth, at)?);
            let quarterly_output = P::FREQUENCY == Frequency::Quarterly
                && kind == MeasureKind::Output
                && matches!(self.basis, Basis::AnnualRate | Basis::PeriodOnPeriod);
            if quarterly_output {
                // Quarterly declines of the level, the same quarters as
                // negative growth; the detector takes quarterly series only.
                let rule: &dyn AnyDetector = &TechnicalRecessions;
                events.extend(
                    rule.detect(indicator.as_plain_series())?
                        .into_iter()
                        .filter(|e| e.period == at),
                );
            }
        } else {
            previous = number
                .slice(..at)
                .last_valid()
                .and_then(|p| Some((p, number.get(p)?)));
            if let Some(d) = previous.and_then(|(_, before)| direction_of(value, before)) {
                events.extend(records(d).detect_at(&number, at)?);
            }
            events.extend(Streaks::changes().detect_at(&number, at)?);
            if let MeasureKind::Index { neutral } = kind {
                events.extend(Crossings::new(neutral.level())?.detect_at(&number, at)?);
            }
        }
        Ok(Findings {
            name: indicator.metadata().name().to_owned(),
            kind,
            period: at,
            basis: self.basis,
            value,
            previous,
            history_start,
            events,
            revision: None,
        })
    }
}

/// The direction of the news: up if `value` is above `reference`.
fn direction_of(value: f64, reference: f64) -> Option<Direction> {
    if value > reference {
        Some(Direction::Up)
    } else if value < reference {
        Some(Direction::Down)
    } else {
        None
    }
}

/// The records in the direction of the news: lows for a fall.
fn records(d: Direction) -> Records {
    match d {
        Direction::Down => Records::low(),
        Direction::Up => Records::high(),
    }
}
