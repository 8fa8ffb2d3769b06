//! Rows read from a vintage file before their periods are bound to a frequency.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::any::AnyVintagedSeries;
use super::interval::RealtimeInterval;
use super::series::{VintageObservation, VintagedSeries};
use crate::error::{Error, Result};
use crate::io::read::infer;
use crate::period::{Frequency, Period, Token, tokenize};
use crate::series::Series;

/// Where a row came from, for error messages.
#[derive(Clone, Debug)]
pub(crate) enum Pos {
    /// A line of a delimited file, with the record as read (shared by the
    /// rows of one record: a line of many vintages is stored once).
    Line(u64, std::sync::Arc<str>),
    /// A JSON path.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Path(String),
}

impl Pos {
    pub(crate) fn wrap(&self, source: Error) -> Error {
        match self {
            Pos::Line(line, text) => Error::Read {
                line: *line,
                text: text.to_string(),
                source: Box::new(source),
            },
            Pos::Path(path) => Error::At {
                path: path.clone(),
                source: Box::new(source),
            },
        }
    }
}

/// When a row's value was the published one.
#[derive(Clone, Copy, Debug)]
pub(crate) enum When {
    /// An explicit real-time interval (ALFRED's observations by real-time period).
    Interval(RealtimeInterval),
    /// A vintage date (a column of ALFRED's observations by vintage date).
    Vintage(NaiveDate),
}

/// One row: period text as written, its position, when it was published, its value.
#[derive(Clone, Debug)]
pub(crate) struct RawRow {
    pub(crate) period: String,
    pub(crate) pos: Pos,
    pub(crate) when: When,
    pub(crate) value: Option<f64>,
}

/// The rows of one vintaged series.
#[derive(Clone, Debug, Default)]
pub(crate) struct RawVintaged {
    pub(crate) rows: Vec<RawRow>,
}

impl RawVintaged {
    /// Binds the rows to `P`.
    pub(crate) fn into_typed<P: Period>(self) -> Result<VintagedSeries<P>> {
        if self.rows.is_empty() {
            return Err(Error::NoObservations);
        }
        let interval_based = matches!(self.rows.first().map(|r| r.when), Some(When::Interval(_)));
        if interval_based {
            let mut obs = Vec::with_capacity(self.rows.len());
            for r in &self.rows {
                let period = r.period.parse::<P>().map_err(|e| r.pos.wrap(e))?;
                let When::Interval(realtime) = r.when else {
                    return Err(r.pos.wrap(Error::BadHeader {
                        column: "vintage".to_owned(),
                        expected: "given for every row or for none",
                    }));
                };
                obs.push(VintageObservation::new(period, realtime, r.value));
            }
            return VintagedSeries::new(obs);
        }
        let mut seen = HashSet::new();
        let mut vintages: BTreeMap<NaiveDate, Vec<(P, Option<f64>)>> = BTreeMap::new();
        for r in &self.rows {
            let period = r.period.parse::<P>().map_err(|e| r.pos.wrap(e))?;
            let When::Vintage(date) = r.when else {
                return Err(r.pos.wrap(Error::BadHeader {
                    column: "vintage".to_owned(),
                    expected: "given for every row or for none",
                }));
            };
            if !seen.insert((date, period)) {
                return Err(r.pos.wrap(Error::DuplicatePeriod {
                    period: period.to_string(),
                }));
            }
            vintages.entry(date).or_default().push((period, r.value));
        }
        let mut out = Vec::with_capacity(vintages.len());
        for (date, pairs) in vintages {
            // Every value may be unpublished in a vintage column; such a vintage adds nothing.
            if pairs.iter().any(|(_, v)| v.is_some()) {
                out.push((date, Series::from_pairs(pairs)?));
            }
        }
        VintagedSeries::from_vintages(out)
    }

    /// Binds the rows to the frequency their periods show (see
    /// [`AnySeries::read_csv`](crate::AnySeries::read_csv) for the rule on
    /// first-of-period dates).
    pub(crate) fn into_any(self) -> Result<AnyVintagedSeries> {
        Ok(match self.frequency()? {
            Frequency::Monthly => AnyVintagedSeries::Monthly(self.into_typed()?),
            Frequency::Quarterly => AnyVintagedSeries::Quarterly(self.into_typed()?),
            Frequency::Annual => AnyVintagedSeries::Annual(self.into_typed()?),
        })
    }

    /// Binds the rows to `frequency`.
    pub(crate) fn into_any_as(self, frequency: Frequency) -> Result<AnyVintagedSeries> {
        Ok(match frequency {
            Frequency::Monthly => AnyVintagedSeries::Monthly(self.into_typed()?),
            Frequency::Quarterly => AnyVintagedSeries::Quarterly(self.into_typed()?),
            Frequency::Annual => AnyVintagedSeries::Annual(self.into_typed()?),
        })
    }

    /// The frequency of the first explicit period, else the coarsest one
    /// whose periods start on every date.
    pub(crate) fn frequency(&self) -> Result<Frequency> {
        let mut dates = HashSet::new();
        let (mut quarter_starts, mut year_starts) = (true, true);
        for r in &self.rows {
            match tokenize(&r.period) {
                Ok(Token::Month(..)) => return Ok(Frequency::Monthly),
                Ok(Token::Quarter(..)) => return Ok(Frequency::Quarterly),
                Ok(Token::Year(..)) => return Ok(Frequency::Annual),
                Ok(Token::Date(d)) => {
                    if dates.insert(d) {
                        quarter_starts &= d.day() == 1 && d.month() % 3 == 1;
                        year_starts &= d.day() == 1 && d.month() == 1;
                    }
                }
                // Reported with its position when the rows are bound.
                Err(_) => return Ok(Frequency::Monthly),
            }
        }
        if dates.is_empty() {
            return Err(Error::NoObservations);
        }
        Ok(infer(dates.len(), quarter_starts, year_starts))
    }
}
