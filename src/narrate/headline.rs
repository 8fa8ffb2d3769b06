//! [`Headline`]: an indicator's findings at a period, and their sentences.

use super::words::{adjective, capitalised, noun, one_decimal, period_name};
use crate::detect::{
    Direction, Event, EventKind, Extreme, StreakBasis, crossings, record_at, streak_at,
};
use crate::error::{Error, Result, UndefinedReason};
use crate::indicator::{Indicator, MeasureKind};
use crate::period::Period;
use crate::series::Series;

/// Which number of an indicator a headline is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Basis {
    /// Percent change from a year earlier: "fell 41.4% year on year".
    YearOnYear,
    /// Growth from the previous period at an annual rate (US GDP): "shrank
    /// at a 0.3% annual rate".
    AnnualRate,
    /// Percent change from the previous period: "rose 0.4% month on month".
    PeriodOnPeriod,
    /// The level itself: "fell to 51.0 from 53.6".
    Level,
}

impl Basis {
    /// A short name: `yoy`, `annual-rate`, `pop` or `level`.
    pub const fn name(self) -> &'static str {
        match self {
            Basis::YearOnYear => "yoy",
            Basis::AnnualRate => "annual-rate",
            Basis::PeriodOnPeriod => "pop",
            Basis::Level => "level",
        }
    }

    const fn is_growth(self) -> bool {
        !matches!(self, Basis::Level)
    }
}

/// What [`Headline::findings`] found about one period: the number the
/// headline is about and the events that qualify it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Findings<P: Period> {
    /// The period.
    pub period: P,
    /// Which number the headline is about.
    pub basis: Basis,
    /// That number at the period (a growth rate in percent, or the level).
    pub value: f64,
    /// For [`Basis::Level`], the previous observation and its period.
    pub previous: Option<(P, f64)>,
    /// The events at the period, most newsworthy first: a record
    /// ([`Low`](EventKind::Low)/[`High`](EventKind::High)), a
    /// [`Contraction`](EventKind::Contraction) (growth below zero), a
    /// [`Streak`](EventKind::Streak), a
    /// [`TechnicalRecession`](EventKind::TechnicalRecession) and a
    /// [`Crossing`](EventKind::Crossing) of an index's neutral level, each
    /// where it applies.
    pub events: Vec<Event<P>>,
}

impl<P: Period> Findings<P> {
    fn event(&self, f: impl Fn(&EventKind) -> bool) -> Option<&Event<P>> {
        self.events.iter().find(|e| f(&e.kind))
    }
}

/// Builds the findings and sentences of an indicator at a period.
///
/// The detectors run on the basis series (year-on-year growth, annualised
/// growth, period-on-period growth or the level): the record status of the
/// value ("the steepest decline since …", "on record"), the streak it
/// ends, whether a decline is the first since an earlier one, two or more
/// declines in a row, and for an index a crossing of its neutral level.
/// Sentences come from the indicator's [`Metadata`](crate::Metadata) (its
/// name) and its [`MeasureKind`] (the unit of a level); nothing is written
/// per data set.
///
/// A "… since" that refers to less than a year back is not news and is
/// left out; a record always is (with the first period of the basis
/// series, "on record (since January 1986)").
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
/// let s = Headline::new(Basis::YearOnYear).sentences(&imports.into(), Month::new(2025, 2)?)?;
/// assert_eq!(s[0], "US imports of widgets fell 20.0% year on year in February 2025, \
///                   the steepest decline on record (since January 2024).");
/// assert_eq!(s[1], "It was the second straight month of year-on-year decline.");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headline {
    basis: Basis,
}

impl Headline {
    /// A headline about `basis`.
    pub const fn new(basis: Basis) -> Headline {
        Headline { basis }
    }

    /// The basis series of `indicator`.
    fn basis_series<P: Period>(&self, indicator: &Indicator<P>) -> Result<Series<P>> {
        Ok(match self.basis {
            Basis::YearOnYear => indicator.yoy()?.into_raw(),
            Basis::AnnualRate => indicator.annualized_growth()?.into_raw(),
            Basis::PeriodOnPeriod => indicator.pch()?.into_raw(),
            Basis::Level => indicator.series().clone(),
        })
    }

    /// The findings of `indicator` at `at`.
    ///
    /// # Errors
    /// [`Error::NotAllowed`] for a growth basis on a kind without percent
    /// changes (a rate, an index, a balance); [`Error::Undefined`] if the
    /// basis value at `at` is missing (or `at` is outside the series).
    pub fn findings<P: Period>(&self, indicator: &Indicator<P>, at: P) -> Result<Findings<P>> {
        let series = self.basis_series(indicator)?;
        let value = series.get(at).ok_or_else(|| Error::Undefined {
            transform: self.basis.name(),
            period: at.to_string(),
            reason: UndefinedReason::MissingValue,
        })?;
        let mut events = Vec::new();
        let previous = if self.basis.is_growth() {
            None
        } else {
            series
                .slice(..at)
                .last_valid()
                .and_then(|p| Some((p, series.get(p)?)))
        };
        // The direction of the news: the sign of growth, or the level's move.
        let direction = match (self.basis.is_growth(), previous) {
            (true, _) if value < 0.0 => Some(Direction::Down),
            (true, _) if value > 0.0 => Some(Direction::Up),
            (false, Some((_, prev))) if value < prev => Some(Direction::Down),
            (false, Some((_, prev))) if value > prev => Some(Direction::Up),
            _ => None,
        };
        if let Some(d) = direction {
            let extreme = match d {
                Direction::Down => Extreme::Low,
                Direction::Up => Extreme::High,
            };
            if let Some(r) = record_at(&series, extreme, at) {
                events.push(r.event(&series, extreme));
            }
        }
        if self.basis.is_growth() && value < 0.0 {
            let before = series.slice(..at);
            let last_negative = before
                .observations()
                .filter(|&(_, x)| x < 0.0)
                .last()
                .map(|(p, _)| p);
            events.push(Event::new(at, value, EventKind::Contraction, last_negative));
        }
        let streak_basis = if self.basis.is_growth() {
            StreakBasis::Sign
        } else {
            StreakBasis::Change
        };
        if let Some(run) = streak_at(&series, streak_basis, at) {
            events.push(run.event(&series));
            let declines = matches!(self.basis, Basis::AnnualRate | Basis::PeriodOnPeriod);
            if declines && run.direction == Direction::Down && run.length >= 2 {
                events.push(Event::new(
                    at,
                    value,
                    EventKind::TechnicalRecession { length: run.length },
                    Some(run.start),
                ));
            }
        }
        if let (Basis::Level, MeasureKind::Index { neutral }) = (self.basis, indicator.kind())
            && let Some(c) = crossings(&series, neutral.level())?
                .into_iter()
                .find(|c| c.period == at)
        {
            events.push(c.event());
        }
        Ok(Findings {
            period: at,
            basis: self.basis,
            value,
            previous,
            events,
        })
    }

    /// The sentences for `indicator` at `at`: [`findings`](Headline::findings)
    /// passed to [`sentences`](super::sentences).
    ///
    /// # Errors
    /// As [`findings`](Headline::findings).
    pub fn sentences<P: Period>(&self, indicator: &Indicator<P>, at: P) -> Result<Vec<String>> {
        let findings = self.findings(indicator, at)?;
        Ok(sentences(
            indicator.metadata().name(),
            indicator.kind(),
            &findings,
        ))
    }
}

/// Newsroom sentences for `findings` about the indicator called `name` of
/// kind `kind`: one decimal, months and quarters in words.
///
/// The first sentence states the number and its most newsworthy
/// qualifier (a record; else, for a decline, the first since an earlier
/// one; else a "since" more than a year back); further sentences give a
/// streak of two or more and, for an index, a crossing of its neutral level.
///
/// # Example
/// ```
/// use econseries::Quarter;
/// use econseries::detect::{Event, EventKind};
/// use econseries::indicator::MeasureKind;
/// use econseries::narrate::{Basis, Findings, Headline, sentences};
/// # use econseries::{Series, indicator::{Gdp, Metadata, PriceBasis}};
///
/// # let meta = Metadata::new("US real GDP", "US").with_price_basis(PriceBasis::Nominal);
/// # let q = Quarter::new(2021, 4)?;
/// # let gdp = Gdp::new(Series::from_values(q, [100.0, 99.9, 100.0, 100.5, 100.6, 100.52])?, meta)?;
/// let findings = Headline::new(Basis::AnnualRate).findings(&gdp.into(), Quarter::new(2023, 1)?)?;
/// let text = sentences("US real GDP", MeasureKind::Flow, &findings);
/// assert_eq!(text[0], "US real GDP shrank at a 0.3% annual rate in the first quarter of 2023, \
///                      the first contraction since the first quarter of 2022.");
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn sentences<P: Period>(name: &str, kind: MeasureKind, findings: &Findings<P>) -> Vec<String> {
    let subject = capitalised(name);
    let when = period_name(findings.period);
    let v = findings.value;
    let f = P::FREQUENCY;
    let mut out = Vec::new();
    let record = findings.event(|k| matches!(k, EventKind::Low { .. } | EventKind::High { .. }));
    let is_record = record.is_some_and(|e| {
        matches!(
            e.kind,
            EventKind::Low { record: true } | EventKind::High { record: true }
        )
    });
    let notable = |e: &Event<P>| {
        e.compared_with
            .is_some_and(|p| findings.period.periods_since(p) >= P::PER_YEAR as i32)
    };
    let since = |e: &Event<P>| e.compared_with.map(period_name).unwrap_or_default();
    let up = v > 0.0;

    let main = if findings.basis.is_growth() {
        let size = one_decimal(v.abs());
        let comparison = match findings.basis {
            Basis::YearOnYear => "year on year".to_owned(),
            _ => format!("{} on {}", noun(f), noun(f)),
        };
        let clause = if size == "0.0" {
            match findings.basis {
                Basis::AnnualRate => "was flat".to_owned(),
                _ => format!("was unchanged {comparison}"),
            }
        } else {
            match findings.basis {
                Basis::AnnualRate => format!(
                    "{} at a {size}% annual rate",
                    if up { "grew" } else { "shrank" }
                ),
                _ => format!("{} {size}% {comparison}", if up { "rose" } else { "fell" }),
            }
        };
        let (decline, growth) = ("decline", "growth");
        let what = if up { growth } else { decline };
        let adjective = if up { "fastest" } else { "steepest" };
        let first = findings.event(|k| matches!(k, EventKind::Contraction));
        let qualifier = match (record, first) {
            (Some(r), _) if is_record => {
                format!(", the {adjective} {what} on record (since {})", since(r))
            }
            (_, Some(c))
                if c.compared_with
                    .is_none_or(|p| findings.period.periods_since(p) > 1) =>
            {
                let noun = match findings.basis {
                    Basis::YearOnYear => "year-on-year decline",
                    _ => "contraction",
                };
                match c.compared_with {
                    Some(p) => format!(", the first {noun} since {}", period_name(p)),
                    None => format!(", the first {noun} in the series"),
                }
            }
            (Some(r), _) if notable(r) => format!(", the {adjective} {what} since {}", since(r)),
            _ => String::new(),
        };
        format!("{subject} {clause} in {when}{qualifier}.")
    } else {
        let unit = match kind {
            MeasureKind::Rate => "%",
            _ => "",
        };
        let level = format!("{}{unit}", one_decimal(v));
        let clause = match findings.previous {
            Some((p, prev)) if one_decimal(prev) != one_decimal(v) => format!(
                "{} to {level} in {when} from {}{unit} in {}",
                if v > prev { "rose" } else { "fell" },
                one_decimal(prev),
                period_name(p)
            ),
            Some(_) => format!("was unchanged at {level} in {when}"),
            None => format!("was {level} in {when}"),
        };
        let qualifier = match record {
            Some(r) => {
                let which = if matches!(r.kind, EventKind::Low { .. }) {
                    "lowest"
                } else {
                    "highest"
                };
                if is_record {
                    format!(", the {which} on record (since {})", since(r))
                } else if notable(r) {
                    format!(", the {which} since {}", since(r))
                } else {
                    String::new()
                }
            }
            None => String::new(),
        };
        format!("{subject} {clause}{qualifier}.")
    };
    out.push(main);

    if let Some(Event {
        kind: EventKind::Streak { direction, length },
        ..
    }) = findings.event(|k| matches!(k, EventKind::Streak { .. }))
        && *length >= 2
    {
        let nth = super::words::ordinal(*length);
        let down = *direction == Direction::Down;
        out.push(match findings.basis {
            Basis::YearOnYear => format!(
                "It was the {nth} straight {} of year-on-year {}.",
                noun(f),
                if down { "decline" } else { "growth" }
            ),
            Basis::AnnualRate if down => format!(
                "It was the {nth} straight {} contraction, a technical recession by the rule of thumb of two.",
                adjective(f)
            ),
            Basis::AnnualRate => format!("It was the {nth} straight {} of growth.", noun(f)),
            _ => format!(
                "It was the {nth} straight {} {}.",
                adjective(f),
                if down { "decline" } else { "rise" }
            ),
        });
    }

    if let Some(Event {
        kind: EventKind::Crossing {
            direction,
            threshold,
        },
        compared_with,
        ..
    }) = findings.event(|k| matches!(k, EventKind::Crossing { .. }))
    {
        let side = if *direction == Direction::Up {
            "above"
        } else {
            "below"
        };
        let level = one_decimal(*threshold).trim_end_matches(".0").to_owned();
        out.push(match compared_with {
            Some(p) => format!(
                "It moved {side} its neutral level of {level} for the first time since {}.",
                period_name(*p)
            ),
            None => format!(
                "It moved {side} its neutral level of {level} for the first time in the series."
            ),
        });
    }
    out
}
