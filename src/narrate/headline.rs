//! [`Headline`]: an indicator's findings at a period, and their sentences.

use chrono::NaiveDate;

use super::words::{adjective, capitalised, date_name, noun, one_decimal, period_name};
use crate::detect::{
    Direction, Event, EventKind, Extreme, StreakBasis, crossings, record_at, streak_at,
};
use crate::error::{Error, Result, UndefinedReason};
use crate::indicator::{Indicator, MeasureKind, Metadata};
use crate::period::Period;
use crate::series::Series;
use crate::vintage::{PeriodRevision, VintageObservation, VintagedSeries};

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
    /// For findings on a vintaged series
    /// ([`Headline::findings_as_of`]), the number as first reported and as
    /// known on the date; `None` otherwise.
    pub revision: Option<PeriodRevision<P>>,
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

    /// The basis this headline is about.
    pub const fn basis(&self) -> Basis {
        self.basis
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
            revision: None,
        })
    }

    /// The findings at `at` as known on `date`, for an indicator (named and
    /// qualified by `metadata`, of kind `kind`) whose values are `vintaged`:
    /// every detector runs on the series as it was known that day, and
    /// [`Findings::revision`] compares the number with its first report.
    ///
    /// The number is computed within each vintage: a growth rate as first
    /// reported compares levels as both were known on the day of the first
    /// report (see [`VintagedSeries::map_vintages`]). Costs one basis
    /// transform per vintage up to `date`.
    ///
    /// # Errors
    /// As [`findings`](Headline::findings) on the series as known on
    /// `date`: in particular [`Error::Undefined`] if the number at `at` was
    /// not known on `date` (not yet published, or missing).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::VintagedSeries};
    /// use econseries::indicator::{MeasureKind, Metadata};
    /// use econseries::narrate::{Basis, Headline};
    ///
    /// let q: Quarter = "2024-Q4".parse()?;
    /// let gdp = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [23542.349, 23526.085])?),
    ///     ("2025-12-23".parse()?, Series::from_values(q, [23586.542, 23548.21])?),
    /// ])?;
    /// let meta = Metadata::new("US real GDP", "US");
    /// let headline = Headline::new(Basis::AnnualRate);
    /// let may = headline.findings_as_of(&gdp, &meta, MeasureKind::Flow, q + 1, "2025-05-01".parse()?)?;
    /// let now = headline.findings_as_of(&gdp, &meta, MeasureKind::Flow, q + 1, "2026-01-15".parse()?)?;
    /// assert_eq!((format!("{:.1}", may.value), format!("{:.1}", now.value)), ("-0.3".into(), "-0.6".into()));
    /// let r = now.revision.ok_or("no revision")?;
    /// assert_eq!((format!("{:.1}", r.first), r.releases), ("-0.3".into(), 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn findings_as_of<P: Period>(
        &self,
        vintaged: &VintagedSeries<P>,
        metadata: &Metadata,
        kind: MeasureKind,
        at: P,
        date: NaiveDate,
    ) -> Result<Findings<P>> {
        let known = Indicator::new(vintaged.as_of(date), metadata.clone(), kind)?;
        let mut findings = self.findings(&known, at)?;
        // The number at `at` in every vintage; it depends only on periods up
        // to `at`, so later ones are cut before the transform.
        // Stretches starting after `date` cannot change what was known on it.
        let mut told = Vec::new();
        for (realtime, s) in vintaged.stretches().take_while(|(r, _)| r.start() <= date) {
            let upto = Indicator::from_parts(s.slice(..=at), metadata.clone(), kind);
            // `findings` above has already refused a basis the kind lacks.
            let value = self.basis_series(&upto).ok().and_then(|b| b.get(at));
            told.push(VintageObservation::new(at, realtime, value));
        }
        findings.revision = VintagedSeries::new(told)?.first_vs_known(at, date);
        Ok(findings)
    }

    /// The sentences at `at` as known on `date`:
    /// [`findings_as_of`](Headline::findings_as_of) passed to
    /// [`sentences`](super::sentences), so the last sentence says how the
    /// number was first reported if it has been revised since.
    ///
    /// # Errors
    /// As [`findings_as_of`](Headline::findings_as_of).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::VintagedSeries};
    /// use econseries::indicator::{MeasureKind, Metadata};
    /// use econseries::narrate::{Basis, Headline};
    ///
    /// let q: Quarter = "2021-Q4".parse()?;
    /// // US real GDP (GDPC1) as published on 30 April and 23 December 2025.
    /// let advance = [21960.388, 21903.85, 21919.222, 22066.784, 22249.459, 22403.435, 22539.418,
    ///                22780.933, 22960.6, 23053.545, 23223.906, 23400.294, 23542.349, 23526.085];
    /// let revised = [21988.737, 21932.71, 21967.045, 22125.625, 22278.345, 22439.607, 22580.499,
    ///                22840.989, 23033.78, 23082.119, 23286.508, 23478.57, 23586.542, 23548.21];
    /// let gdp = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, advance)?),
    ///     ("2025-12-23".parse()?, Series::from_values(q, revised)?),
    /// ])?;
    /// let meta = Metadata::new("US real GDP", "US");
    /// let q1 = "2025-Q1".parse()?;
    /// let text = Headline::new(Basis::AnnualRate)
    ///     .sentences_as_of(&gdp, &meta, MeasureKind::Flow, q1, "2026-01-15".parse()?)?;
    /// assert_eq!(text, [
    ///     "US real GDP shrank at a 0.6% annual rate in the first quarter of 2025, \
    ///      the first contraction since the first quarter of 2022.",
    ///     "The figure was first reported on 30 April 2025 as a 0.3% contraction \
    ///      and revised to a 0.6% contraction on 23 December 2025.",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sentences_as_of<P: Period>(
        &self,
        vintaged: &VintagedSeries<P>,
        metadata: &Metadata,
        kind: MeasureKind,
        at: P,
        date: NaiveDate,
    ) -> Result<Vec<String>> {
        let findings = self.findings_as_of(vintaged, metadata, kind, at, date)?;
        Ok(sentences(metadata.name(), kind, &findings))
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
/// For findings on a vintaged series ([`Headline::findings_as_of`]) whose
/// number has been revised since its first report, the last sentence says
/// so: "The figure was first reported on 30 April 2025 as a 0.3%
/// contraction and revised to a 0.6% contraction on 23 December 2025." (or
/// that it is unchanged at one decimal; a decline revised to growth adds
/// "the contraction has been revised away").
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

    if let Some(r) = findings.revision.as_ref().filter(|r| r.is_revised()) {
        out.push(revision_sentence(findings.basis, kind, f, r));
    }
    out
}

/// "The figure was first reported on … as … and revised to … on …", or
/// that revisions left it unchanged at one decimal.
fn revision_sentence<P: Period>(
    basis: Basis,
    kind: MeasureKind,
    f: crate::period::Frequency,
    r: &PeriodRevision<P>,
) -> String {
    let first_day = date_name(r.first_published);
    let (first, now) = (one_decimal(r.first), one_decimal(r.value));
    if first == now {
        return format!(
            "The figure is unchanged at one decimal from its first report on {first_day}."
        );
    }
    let (rise, fall) = match basis {
        Basis::AnnualRate => ("growth", "contraction"),
        _ => ("rise", "fall"),
    };
    let describe = |x: f64| {
        if basis == Basis::Level {
            let unit = if matches!(kind, MeasureKind::Rate) {
                "%"
            } else {
                ""
            };
            return format!("{}{unit}", one_decimal(x));
        }
        let size = one_decimal(x.abs());
        if size == "0.0" {
            return "no change".to_owned();
        }
        let qualifier = match basis {
            Basis::YearOnYear => "year-on-year ".to_owned(),
            Basis::PeriodOnPeriod => format!("{} ", adjective(f)),
            _ => String::new(),
        };
        match (basis, x > 0.0) {
            (Basis::AnnualRate, true) => format!("{size}% {rise}"),
            (_, true) => format!("a {size}% {qualifier}{rise}"),
            _ => format!("a {size}% {qualifier}{fall}"),
        }
    };
    let mut text = format!(
        "The figure was first reported on {first_day} as {} and revised to {} on {}",
        describe(r.first),
        describe(r.value),
        date_name(r.published)
    );
    // A decline that is no longer one, at the precision written.
    if basis.is_growth() && r.first < 0.0 && first != "0.0" && (r.value >= 0.0 || now == "0.0") {
        text.push_str(&format!("; the {fall} has been revised away"));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Synthetic vintages: the last sentence for each kind of revision.
    #[test]
    fn revision_sentences() {
        let q: Quarter = "2024-Q4".parse().unwrap();
        let meta = Metadata::new("Output", "XX");
        let last = |levels: [[f64; 2]; 2], basis: Basis| -> Vec<String> {
            let v = VintagedSeries::from_vintages([
                (d("2025-04-30"), Series::from_values(q, levels[0]).unwrap()),
                (d("2025-05-29"), Series::from_values(q, levels[1]).unwrap()),
            ])
            .unwrap();
            Headline::new(basis)
                .sentences_as_of(&v, &meta, MeasureKind::Flow, q + 1, d("2025-06-01"))
                .unwrap()
        };
        let s = last([[100.0, 99.9], [100.0, 100.1]], Basis::AnnualRate);
        assert_eq!(
            s.last().unwrap(),
            "The figure was first reported on 30 April 2025 as a 0.4% contraction and \
             revised to 0.4% growth on 29 May 2025; the contraction has been revised away."
        );
        let s = last([[100.0, 100.1], [100.0, 99.9]], Basis::PeriodOnPeriod);
        assert_eq!(
            s.last().unwrap(),
            "The figure was first reported on 30 April 2025 as a 0.1% quarterly rise and \
             revised to a 0.1% quarterly fall on 29 May 2025."
        );
        let s = last([[100.0, 100.0], [100.0, 100.3]], Basis::PeriodOnPeriod);
        assert_eq!(
            s.last().unwrap(),
            "The figure was first reported on 30 April 2025 as no change and \
             revised to a 0.3% quarterly rise on 29 May 2025."
        );
        let s = last([[100.0, 100.1], [100.0, 100.1001]], Basis::PeriodOnPeriod);
        assert_eq!(
            s.last().unwrap(),
            "The figure is unchanged at one decimal from its first report on 30 April 2025."
        );
        // Not revised: no sentence about it.
        let s = last([[100.0, 101.0], [100.0, 101.0]], Basis::AnnualRate);
        assert_eq!(s.len(), 1, "{s:?}");

        // A rate, year on year and level bases on monthly data.
        let jan: Month = "2024-01".parse().unwrap();
        let mut a = vec![100.0; 13];
        a[12] = 95.0;
        let mut b = a.clone();
        b[12] = 96.0;
        let v = VintagedSeries::from_vintages([
            (d("2025-02-07"), Series::from_values(jan, a).unwrap()),
            (d("2025-03-07"), Series::from_values(jan, b).unwrap()),
        ])
        .unwrap();
        let yoy = Headline::new(Basis::YearOnYear)
            .sentences_as_of(&v, &meta, MeasureKind::Flow, jan + 12, d("2025-03-07"))
            .unwrap();
        assert_eq!(
            yoy.last().unwrap(),
            "The figure was first reported on 7 February 2025 as a 5.0% year-on-year fall \
             and revised to a 4.0% year-on-year fall on 7 March 2025."
        );
        let level = Headline::new(Basis::Level)
            .sentences_as_of(&v, &meta, MeasureKind::Rate, jan + 12, d("2025-03-07"))
            .unwrap();
        assert_eq!(
            level.last().unwrap(),
            "The figure was first reported on 7 February 2025 as 95.0% and revised to 96.0% on 7 March 2025."
        );
        // Before the revision: as first reported, nothing to add.
        let before = Headline::new(Basis::Level)
            .sentences_as_of(&v, &meta, MeasureKind::Rate, jan + 12, d("2025-03-06"))
            .unwrap();
        assert_eq!(
            before,
            [
                "Output fell to 95.0% in January 2025 from 100.0% in December 2024, the lowest on record (since January 2024)."
            ]
        );
        let e = Headline::new(Basis::YearOnYear)
            .sentences_as_of(&v, &meta, MeasureKind::Rate, jan + 12, d("2025-03-06"))
            .unwrap_err();
        assert!(matches!(e, Error::NotAllowed { .. }), "{e}");
    }
}
