//! [`sentences`]: newsroom sentences from [`Findings`].

use super::findings::{Basis, Findings, Headline, Revision};
use super::words::{
    adjective, capitalised, date_name, figure, figures, noun, ordinal, period_name,
};
use crate::detect::{Direction, Event, EventKind};
use crate::error::Result;
use crate::indicator::{Indicator, MeasureKind};
use crate::period::{Frequency, Period};

/// Years of history from which a record is simply "on record"; a shorter
/// record says how long the history is.
const LONG_HISTORY_YEARS: i32 = 20;

impl Headline {
    /// The sentences for `indicator` at `at`: [`findings`](Headline::findings)
    /// passed to [`sentences`].
    ///
    /// # Errors
    /// As [`findings`](Headline::findings).
    pub fn sentences<P: Period>(
        &self,
        indicator: impl Into<Indicator<P>>,
        at: P,
    ) -> Result<Vec<String>> {
        Ok(sentences(&self.findings(indicator, at)?))
    }
}

/// Newsroom sentences for `findings`: the number, its most newsworthy
/// qualifier, then a streak, a crossing of a neutral level and a revision,
/// each where it applies. The sentences read only the findings: the
/// indicator's name and kind, the number and the detectors' events.
///
/// - **The qualifier** is [`Findings::lead`]: of a record ("the steepest
///   monthly fall since February 2020") and "the first contraction since
///   …", the one reaching further back, if at least a year back. A record
///   over a history of less than twenty years says how long it is: "the
///   lowest in the 14 months since records began in January 2024".
/// - **The words follow the measure**: output ([`MeasureKind::Output`])
///   grows and contracts, and two quarterly contractions are a technical
///   recession; trade flows and other amounts rise and fall; an index rises
///   and drops.
/// - **Numbers** have one decimal, or as many more as it takes for a
///   non-zero number not to read as zero (+0.04% is "rose 0.04%", never
///   "unchanged") and for two different numbers side by side to differ
///   ("fell to 1.01 from 1.04"); magnitudes from 1e15 or below 1e-4 are
///   written in a compact scientific form (`1.8e308`).
/// - Months and quarters are in words ("the first quarter of 2025"), and
///   ordinals up to the twelfth ("a fourth straight month").
///
/// # Example
/// ```
/// use econseries::{Quarter, Series};
/// use econseries::indicator::{Gdp, Metadata, PriceBasis};
/// use econseries::narrate::{Basis, Headline, sentences};
///
/// let meta = Metadata::new("US real GDP", "US").with_price_basis(PriceBasis::Nominal);
/// let q = Quarter::new(2021, 4)?;
/// let gdp = Gdp::new(Series::from_values(q, [100.0, 99.9, 100.0, 100.5, 100.6, 100.52])?, meta)?;
/// let findings = Headline::new(Basis::AnnualRate).findings(&gdp, Quarter::new(2023, 1)?)?;
/// assert_eq!(sentences(&findings)[0], "US real GDP contracted at a 0.3% annual rate in the first \
///            quarter of 2023, the first contraction since the first quarter of 2022.");
/// # Ok::<(), econseries::Error>(())
/// ```
pub fn sentences<P: Period>(findings: &Findings<P>) -> Vec<String> {
    let words = Words::of(findings.kind);
    let mut out = vec![main_sentence(findings, &words)];
    out.extend(streak_sentence(findings, &words));
    out.extend(crossing_sentence(findings));
    if let Some(r) = findings.revision.as_ref().filter(|r| r.is_revised()) {
        out.push(revision_sentence(findings, &words, r));
    }
    out
}

/// The words of a kind of measure.
struct Words {
    /// Output: grows and contracts.
    output: bool,
    /// A level's verbs: up, down.
    level_up: &'static str,
    level_down: &'static str,
    /// The unit written after a level.
    unit: &'static str,
}

impl Words {
    fn of(kind: MeasureKind) -> Words {
        let (level_down, unit) = match kind {
            MeasureKind::Index { .. } => ("dropped", ""),
            MeasureKind::Rate => ("fell", "%"),
            _ => ("fell", ""),
        };
        Words {
            output: kind == MeasureKind::Output,
            level_up: "rose",
            level_down,
            unit,
        }
    }

    /// Growth's verbs: up, down.
    fn growth_verbs(&self) -> (&'static str, &'static str) {
        if self.output {
            ("grew", "contracted")
        } else {
            ("rose", "fell")
        }
    }

    /// The noun of a fall of growth: `contraction` for output, `fall`
    /// otherwise.
    fn fall(&self) -> &'static str {
        if self.output { "contraction" } else { "fall" }
    }
}

/// The comparison a growth basis makes: `year on year`, `month on month`.
fn comparison(basis: Basis, f: Frequency) -> String {
    match basis {
        Basis::YearOnYear => "year on year".to_owned(),
        _ => format!("{} on {}", noun(f), noun(f)),
    }
}

/// The first sentence: the number, and its lead qualifier.
fn main_sentence<P: Period>(findings: &Findings<P>, words: &Words) -> String {
    let subject = capitalised(&findings.name);
    let when = period_name(findings.period);
    let f = P::FREQUENCY;
    let v = findings.value;
    let clause = if findings.basis.is_growth() {
        let (up, down) = words.growth_verbs();
        let size = figure(v.abs());
        if v == 0.0 {
            match findings.basis {
                Basis::AnnualRate => "was flat".to_owned(),
                b => format!("was unchanged {}", comparison(b, f)),
            }
        } else {
            let verb = if v > 0.0 { up } else { down };
            match findings.basis {
                Basis::AnnualRate => format!("{verb} at a {size}% annual rate"),
                b => format!("{verb} {size}% {}", comparison(b, f)),
            }
        }
    } else {
        let unit = words.unit;
        match findings.previous {
            Some((p, before)) if before != v => {
                let (tb, tv) = figures(before, v);
                let verb = if v > before {
                    words.level_up
                } else {
                    words.level_down
                };
                format!(
                    "{verb} to {tv}{unit} in {when} from {tb}{unit} in {}",
                    period_name(p)
                )
            }
            Some(_) => format!("was unchanged at {}{unit} in {when}", figure(v)),
            None => format!("was {}{unit} in {when}", figure(v)),
        }
    };
    let qualifier = findings
        .lead()
        .map(|e| qualifier(findings, words, e))
        .unwrap_or_default();
    if findings.basis.is_growth() {
        format!("{subject} {clause} in {when}{qualifier}.")
    } else {
        format!("{subject} {clause}{qualifier}.")
    }
}

/// ", the steepest monthly fall since February 2020", ", the first
/// contraction since …", ", the lowest on record (since …)".
fn qualifier<P: Period>(findings: &Findings<P>, words: &Words, lead: &Event<P>) -> String {
    let f = P::FREQUENCY;
    let growth = findings.basis.is_growth();
    let frequency_adjective = |noun: &str| match findings.basis {
        Basis::PeriodOnPeriod => format!("{} {noun}", adjective(f)),
        _ => noun.to_owned(),
    };
    match lead.kind {
        EventKind::Decline => {
            let what = match findings.basis {
                Basis::YearOnYear => format!("year-on-year {}", words.fall()),
                _ if words.output => words.fall().to_owned(),
                _ => frequency_adjective(words.fall()),
            };
            match lead.compared_with {
                Some(p) => format!(", the first {what} since {}", period_name(p)),
                None => format!(
                    ", the first {what} since records began in {}",
                    period_name(findings.history_start)
                ),
            }
        }
        EventKind::Low { .. } | EventKind::High { .. } => {
            let down = matches!(lead.kind, EventKind::Low { .. });
            let what = match (growth, down) {
                (true, true) => format!("steepest {}", frequency_adjective(words.fall())),
                (true, false) if words.output => "fastest growth".to_owned(),
                (true, false) => format!("largest {}", frequency_adjective("rise")),
                (false, true) => "lowest".to_owned(),
                (false, false) => "highest".to_owned(),
            };
            match lead.compared_with {
                Some(since) if !lead.is_record() => {
                    format!(", the {what} since {}", period_name(since))
                }
                _ => {
                    let start = findings.history_start;
                    let span = findings.period.periods_since(start) + 1;
                    if span >= LONG_HISTORY_YEARS * P::PER_YEAR as i32 {
                        format!(", the {what} on record (since {})", period_name(start))
                    } else {
                        format!(
                            ", the {what} in the {} since records began in {}",
                            span_words(span, f),
                            period_name(start)
                        )
                    }
                }
            }
        }
        _ => String::new(),
    }
}

/// A span of `n` periods: `14 months`, `9 quarters`, `5 years` (whole years
/// from three years on).
fn span_words(n: i32, f: Frequency) -> String {
    let per_year = match f {
        Frequency::Monthly => 12,
        Frequency::Quarterly => 4,
        _ => 1,
    };
    if n >= 3 * per_year || per_year == 1 {
        format!("{} years", n / per_year)
    } else {
        format!("{n} {}s", noun(f))
    }
}

/// "It was the fourth straight month of year-on-year decline." and the
/// like, for a streak of two or more.
fn streak_sentence<P: Period>(findings: &Findings<P>, words: &Words) -> Option<String> {
    let f = P::FREQUENCY;
    let Event {
        kind: EventKind::Streak {
            direction, length, ..
        },
        ..
    } = *findings.event(|k| matches!(k, EventKind::Streak { .. }))?
    else {
        return None;
    };
    if length < 2 {
        return None;
    }
    let nth = ordinal(length);
    let down = direction == Direction::Down;
    let recession = findings
        .event(|k| matches!(k, EventKind::TechnicalRecession { .. }))
        .is_some();
    Some(match findings.basis {
        Basis::YearOnYear => {
            let what = match (down, words.output) {
                (true, true) => "contraction",
                (true, false) => "decline",
                (false, _) => "growth",
            };
            format!(
                "It was the {nth} straight {} of year-on-year {what}.",
                noun(f)
            )
        }
        Basis::Level => {
            let verb = if down {
                words.level_down
            } else {
                words.level_up
            };
            format!("It {verb} for a {nth} straight {}.", noun(f))
        }
        _ if down && recession => format!(
            "It was the {nth} straight {} contraction, a technical recession by the rule of thumb of two.",
            adjective(f)
        ),
        _ if down => format!(
            "It was the {nth} straight {} {}.",
            adjective(f),
            words.fall()
        ),
        _ if words.output => format!("It was the {nth} straight {} of growth.", noun(f)),
        _ => format!("It was the {nth} straight {} rise.", adjective(f)),
    })
}

/// "It moved below its neutral level of 100 for the first time since …".
fn crossing_sentence<P: Period>(findings: &Findings<P>) -> Option<String> {
    let e = findings.event(|k| matches!(k, EventKind::Crossing { .. }))?;
    let EventKind::Crossing {
        direction,
        threshold,
    } = e.kind
    else {
        return None;
    };
    let side = if direction == Direction::Up {
        "above"
    } else {
        "below"
    };
    let level = figure(threshold);
    let level = level.strip_suffix(".0").unwrap_or(&level);
    Some(match e.compared_with {
        Some(p) => format!(
            "It moved {side} its neutral level of {level} for the first time since {}.",
            period_name(p)
        ),
        None => {
            format!("It moved {side} its neutral level of {level} for the first time on record.")
        }
    })
}

/// "The figure was first reported on … as … and revised to … on …".
fn revision_sentence<P: Period>(findings: &Findings<P>, words: &Words, r: &Revision) -> String {
    let f = P::FREQUENCY;
    let basis = findings.basis;
    let (first, now) = if basis.is_growth() {
        figures(r.first.abs(), r.value.abs())
    } else {
        figures(r.first, r.value)
    };
    let (rise, fall) = match basis {
        Basis::AnnualRate if words.output => ("growth", "contraction"),
        Basis::AnnualRate => ("rise", "fall"),
        _ => ("rise", words.fall()),
    };
    let describe = |x: f64, size: &str| {
        if basis == Basis::Level {
            return format!("{size}{}", words.unit);
        }
        if x == 0.0 {
            return "no change".to_owned();
        }
        let qualifier = match basis {
            Basis::YearOnYear => "year-on-year ".to_owned(),
            Basis::PeriodOnPeriod => format!("{} ", adjective(f)),
            _ => String::new(),
        };
        match (basis, x > 0.0) {
            (Basis::AnnualRate, true) if words.output => format!("{size}% {rise}"),
            (_, true) => format!("a {size}% {qualifier}{rise}"),
            _ => format!("a {size}% {qualifier}{fall}"),
        }
    };
    let mut text = format!(
        "The figure was first reported on {} as {} and revised to {} on {}",
        date_name(r.first_published),
        describe(r.first, &first),
        describe(r.value, &now),
        date_name(r.published)
    );
    if basis.is_growth() && r.first < 0.0 && r.value >= 0.0 {
        text.push_str(&format!("; the {fall} has been revised away"));
    }
    text.push('.');
    text
}
