//! [`Classifier`]: the one place where the frequency of period text is
//! worked out, for every reader (and the panels).

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ParseProblem, Result};
use crate::period::{AnyPeriod, Frequency, Month, Period, Quarter, Token, Year, tokenize};

use super::Pos;

/// A date remembered because it rules out a frequency.
#[derive(Clone, Debug)]
struct Misfit {
    pos: Pos,
    date: NaiveDate,
}

/// Works out the frequency of one series from its period texts, as they
/// come, and places each period by the index of its first month
/// (`year * 12 + month - 1`), so that duplicates can be found at once
/// whatever the frequency turns out to be.
///
/// The rule:
///
/// 1. A stated frequency decides; every period must be of it.
/// 2. Else an explicit period decides it: `2025-05` is monthly, `2025-Q1` or
///    `2025Q1` quarterly, `2025` annual. Every other explicit period must
///    have the same frequency, and every date must be the first day of a
///    period of it.
/// 3. A series of dates only (FRED's form) is read at the **coarsest
///    frequency whose periods start on every date**: annual if every date is
///    1 January, else quarterly if every date is the first of January, April,
///    July or October, else monthly ([`infer`]).
/// 4. A single distinct date is monthly: it starts a period of every
///    frequency and shows no spacing, and monthly is FRED's most common.
#[derive(Clone, Debug)]
pub(crate) struct Classifier {
    stated: Option<Frequency>,
    frequency: Option<Frequency>,
    /// Whether a period has been classified (the first one of another
    /// frequency than the stated one is a mismatch, a later one mixed).
    rows: bool,
    first_date: Option<i32>,
    many_dates: bool,
    not_quarter_start: Option<Misfit>,
    not_year_start: Option<Misfit>,
}

impl Classifier {
    /// A classifier at the `stated` frequency, or inferring it.
    pub(crate) fn new(stated: Option<Frequency>) -> Classifier {
        Classifier {
            stated,
            frequency: stated,
            rows: false,
            first_date: None,
            many_dates: false,
            not_quarter_start: None,
            not_year_start: None,
        }
    }

    /// The frequency, once decided.
    pub(crate) fn frequency(&self) -> Option<Frequency> {
        self.frequency
    }

    /// The month index of the first month of the period `text` names.
    ///
    /// # Errors
    /// [`Error::UnrecognisedPeriod`] or [`Error::ParsePeriod`] for text that
    /// is no period (worded by the stated frequency's parser if there is
    /// one); as [`observe`](Self::observe) otherwise.
    pub(crate) fn classify(&mut self, text: &str, pos: impl FnOnce() -> Pos) -> Result<i32> {
        match tokenize(text) {
            Ok(token) => self.observe(token, text, pos),
            Err(problem) => Err(self.period_error(text, problem)),
        }
    }

    /// The month index of the first month of the period of `token`, written
    /// `text`; `pos` is where it was, for an error found later.
    ///
    /// # Errors
    /// [`Error::ParsePeriod`] for a date that is not the first day of a
    /// period of the frequency; [`Error::FrequencyMismatch`] if the first
    /// period is not of the stated frequency, [`Error::MixedFrequency`] if a
    /// later one differs; an error at an earlier date's position (already
    /// wrapped) if the frequency a period fixes rules that date out.
    pub(crate) fn observe(
        &mut self,
        token: Token,
        text: &str,
        pos: impl FnOnce() -> Pos,
    ) -> Result<i32> {
        let month = match token {
            Token::Date(date) => {
                let month = month_of(date);
                if date.day() != 1 {
                    return Err(not_first_day(self.frequency, text, date));
                }
                match self.frequency {
                    Some(f) if !fits(f, month) => {
                        return Err(not_first_day(Some(f), text, date));
                    }
                    Some(_) => {}
                    None => self.date(month, date, pos),
                }
                month
            }
            Token::Month(..) | Token::Quarter(..) | Token::Year(..) => {
                let found = match token {
                    Token::Month(..) => Frequency::Monthly,
                    Token::Quarter(..) => Frequency::Quarterly,
                    _ => Frequency::Annual,
                };
                match self.frequency {
                    None => self.fix(found)?,
                    Some(expected) if expected != found => {
                        return Err(if self.rows || self.stated.is_none() {
                            Error::MixedFrequency {
                                expected,
                                found,
                                period: text.to_owned().into(),
                            }
                        } else {
                            Error::FrequencyMismatch { expected, found }
                        });
                    }
                    Some(_) => {}
                }
                token_month(token).unwrap_or_default()
            }
        };
        self.rows = true;
        Ok(month)
    }

    /// Notes a first-of-month date while the frequency is open.
    fn date(&mut self, month: i32, date: NaiveDate, pos: impl FnOnce() -> Pos) {
        match self.first_date {
            None => self.first_date = Some(month),
            Some(first) if first != month => self.many_dates = true,
            Some(_) => {}
        }
        let quarter = month % 3 != 0;
        let year = month % 12 != 0;
        if (quarter && self.not_quarter_start.is_none()) || (year && self.not_year_start.is_none())
        {
            let misfit = Misfit { pos: pos(), date };
            if quarter && self.not_quarter_start.is_none() {
                self.not_quarter_start = Some(misfit.clone());
            }
            if year && self.not_year_start.is_none() {
                self.not_year_start = Some(misfit);
            }
        }
    }

    /// Fixes the frequency, checking the dates seen so far.
    ///
    /// # Errors
    /// The first date that does not start a period of `frequency`, at its
    /// position.
    fn fix(&mut self, frequency: Frequency) -> Result<()> {
        let misfit = match frequency {
            Frequency::Quarterly => self.not_quarter_start.take(),
            Frequency::Annual => self.not_year_start.take(),
            _ => None,
        };
        if let Some(Misfit { pos, date }) = misfit {
            return Err(pos.wrap(not_first_day(Some(frequency), &date.to_string(), date)));
        }
        self.frequency = Some(frequency);
        Ok(())
    }

    /// The frequency, inferred if it is still open (see the type's rule).
    ///
    /// # Errors
    /// [`Error::NoObservations`] if no period was classified.
    pub(crate) fn finish(&mut self) -> Result<Frequency> {
        if let Some(f) = self.frequency {
            return Ok(f);
        }
        if !self.rows {
            return Err(Error::NoObservations);
        }
        let f = infer(
            self.many_dates,
            self.not_quarter_start.is_none(),
            self.not_year_start.is_none(),
        );
        self.fix(f)?;
        Ok(f)
    }

    /// The error for a period text that [`tokenize`] rejected.
    fn period_error(&self, text: &str, problem: ParseProblem) -> Error {
        if let Some(frequency) = self.stated {
            // The period type's own parser words the problem for its frequency.
            let own = match frequency {
                Frequency::Monthly => text.parse::<Month>().err(),
                Frequency::Quarterly => text.parse::<Quarter>().err(),
                _ => text.parse::<Year>().err(),
            };
            if let Some(e) = own {
                return e;
            }
        }
        let frequency = match problem {
            ParseProblem::Syntax { .. } => {
                return Error::UnrecognisedPeriod {
                    input: text.to_owned().into(),
                };
            }
            ParseProblem::Quarter(_) => Frequency::Quarterly,
            ParseProblem::Year(_) if text.contains(['Q', 'q']) => Frequency::Quarterly,
            ParseProblem::Year(_) if !text.contains('-') => Frequency::Annual,
            _ => Frequency::Monthly,
        };
        Error::ParsePeriod {
            frequency,
            input: text.to_owned().into(),
            problem,
        }
    }
}

/// The month index of the first month of the period `token` names, if it
/// names one (a date must be a month's first day); no frequency involved.
pub(crate) fn token_month(token: Token) -> Option<i32> {
    match token {
        Token::Month(y, m) => Some(y * 12 + m as i32 - 1),
        Token::Quarter(y, q) => Some(y * 12 + 3 * (q as i32 - 1)),
        Token::Year(y) => Some(y * 12),
        Token::Date(d) => (d.day() == 1).then(|| month_of(d)),
    }
}

/// The frequency of a series of first-of-month dates only: annual if every
/// date is 1 January, quarterly if every date starts a quarter, else
/// monthly; monthly for a single distinct date.
pub(crate) fn infer(
    many_dates: bool,
    all_quarter_starts: bool,
    all_year_starts: bool,
) -> Frequency {
    if !many_dates {
        Frequency::Monthly
    } else if all_year_starts {
        Frequency::Annual
    } else if all_quarter_starts {
        Frequency::Quarterly
    } else {
        Frequency::Monthly
    }
}

/// The month index (`year * 12 + month - 1`) of `date`'s month.
pub(crate) fn month_of(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// Whether month index `month` starts a period of `frequency`.
pub(crate) fn fits(frequency: Frequency, month: i32) -> bool {
    match frequency {
        Frequency::Quarterly => month.rem_euclid(3) == 0,
        Frequency::Annual => month.rem_euclid(12) == 0,
        _ => true,
    }
}

/// The index of the `frequency` period starting at month index `month`
/// (which [`fits`] it).
pub(crate) fn period_index(frequency: Frequency, month: i32) -> i32 {
    match frequency {
        Frequency::Quarterly => month.div_euclid(3),
        Frequency::Annual => month.div_euclid(12),
        _ => month,
    }
}

/// Period `month` (a monthly index, as the classifier keeps them) of
/// `frequency` as a value; monthly if the frequency is not known yet.
pub(crate) fn any_period(frequency: Option<Frequency>, month: i32) -> AnyPeriod {
    let frequency = frequency.unwrap_or(Frequency::Monthly);
    let i = i64::from(period_index(frequency, month));
    let p = match frequency {
        Frequency::Quarterly => Quarter::from_index(i).map(AnyPeriod::from),
        Frequency::Annual => Year::from_index(i).map(AnyPeriod::from),
        _ => Month::from_index(i).map(AnyPeriod::from),
    };
    // The classifier only keeps indices of valid periods.
    p.unwrap_or(AnyPeriod::Month(Month::MIN))
}

fn not_first_day(frequency: Option<Frequency>, text: &str, date: NaiveDate) -> Error {
    Error::ParsePeriod {
        frequency: frequency.unwrap_or(Frequency::Monthly),
        input: text.to_owned().into(),
        problem: ParseProblem::NotFirstDay(date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u64) -> impl FnOnce() -> Pos {
        move || Pos::Line {
            line,
            text: String::new(),
        }
    }

    fn freq(texts: &[&str]) -> Result<Frequency> {
        let mut c = Classifier::new(None);
        for (i, t) in texts.iter().enumerate() {
            c.classify(t, pos(i as u64 + 1))?;
        }
        c.finish()
    }

    #[test]
    fn the_rule() {
        assert_eq!(infer(false, true, true), Frequency::Monthly);
        assert_eq!(infer(true, true, true), Frequency::Annual);
        assert_eq!(infer(true, true, false), Frequency::Quarterly);
        assert_eq!(infer(true, false, false), Frequency::Monthly);
        assert_eq!(
            freq(&["2024-01-01", "2025-01-01"]).unwrap(),
            Frequency::Annual
        );
        assert_eq!(
            freq(&["2024-01-01", "2024-07-01"]).unwrap(),
            Frequency::Quarterly
        );
        assert_eq!(
            freq(&["2024-01-01", "2024-02-01"]).unwrap(),
            Frequency::Monthly
        );
        assert_eq!(freq(&["2024-04-01"]).unwrap(), Frequency::Monthly);
        assert_eq!(
            freq(&["2024-04-01", "2024-04-01"]).unwrap(),
            Frequency::Monthly
        );
        assert_eq!(
            freq(&["2024-01-01", "2024-Q2"]).unwrap(),
            Frequency::Quarterly
        );
        assert!(matches!(freq(&[]), Err(Error::NoObservations)));
    }

    #[test]
    fn errors_name_the_right_row() {
        // The explicit quarter rules out the earlier February date: its line.
        let e = freq(&["2024-01-01", "2024-02-01", "2024-Q2"]).unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = freq(&["2024-Q1", "2024-05"]).unwrap_err();
        assert!(matches!(e, Error::MixedFrequency { .. }), "{e}");
        let mut c = Classifier::new(Some(Frequency::Quarterly));
        assert!(matches!(
            c.classify("2025-01", pos(1)),
            Err(Error::FrequencyMismatch { .. })
        ));
        assert!(matches!(
            c.classify("2025-02-01", pos(1)),
            Err(Error::ParsePeriod {
                frequency: Frequency::Quarterly,
                ..
            })
        ));
        assert!(matches!(
            freq(&["soon"]),
            Err(Error::UnrecognisedPeriod { .. })
        ));
        assert!(matches!(
            freq(&["2025-01-15"]),
            Err(Error::ParsePeriod {
                problem: ParseProblem::NotFirstDay(_),
                ..
            })
        ));
        assert_eq!(
            any_period(Some(Frequency::Quarterly), 2025 * 12 + 3).to_string(),
            "2025-Q2"
        );
        assert_eq!(period_index(Frequency::Annual, 2025 * 12), 2025);
    }
}
