//! [`SeriesRows`]: the values of one series as a reader finds them, with
//! duplicates caught when they are reached.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::period::{Frequency, Token};

use super::classify::{Classifier, any_period, fits, infer, period_index};
use super::{Pos, ReadOptions};

/// The rows of one series: each period (by the index of its first month)
/// with its value, in reading order, and the classifier of its frequency.
#[derive(Debug)]
pub(crate) struct SeriesRows {
    classifier: Classifier,
    /// Month index → value; `Some(None)` is a missing value that still
    /// counts towards the span.
    rows: HashMap<i32, Option<f64>>,
    max_values: Option<u64>,
    /// Whether rows were removed, so that a frequency still open is
    /// inferred from the rows that remain.
    removed: bool,
}

/// A series as read: its frequency and its (period index, value) rows,
/// sorted by period.
pub(crate) type Rows = (Frequency, Vec<(i32, Option<f64>)>);

/// What a row does to a period already present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Write {
    /// A new period: one already present is a duplicate.
    Add,
    /// Replaces the period's value (SDMX `ACTION` `R`).
    Replace,
}

impl SeriesRows {
    /// An empty series at the `stated` frequency (or inferring it).
    pub(crate) fn new(stated: Option<Frequency>, options: &ReadOptions) -> SeriesRows {
        SeriesRows {
            classifier: Classifier::new(stated),
            rows: HashMap::new(),
            max_values: options.get_max_values(),
            removed: false,
        }
    }

    /// The classifier, for formats that tokenise period text themselves.
    pub(crate) fn classifier(&mut self) -> &mut Classifier {
        &mut self.classifier
    }

    /// Adds the period of `token`, written `text`, with `value`; `pos`
    /// gives the row's position.
    ///
    /// # Errors
    /// As [`Classifier::observe`]; [`Error::DuplicatePeriod`] for a period
    /// already present (under [`Write::Add`]); [`Error::TooManyValues`].
    pub(crate) fn push_token(
        &mut self,
        token: Token,
        text: &str,
        value: Option<f64>,
        write: Write,
        pos: impl Fn() -> Pos,
    ) -> Result<()> {
        let month = self.classifier.observe(token, text, &pos)?;
        self.put(month, value, write)
    }

    /// Adds the period starting at month index `month` (written `text`).
    ///
    /// # Errors
    /// As [`push_token`](Self::push_token), the period already classified.
    pub(crate) fn put(&mut self, month: i32, value: Option<f64>, write: Write) -> Result<()> {
        match self.rows.insert(month, value) {
            Some(_) if write == Write::Add => Err(Error::DuplicatePeriod {
                period: any_period(self.classifier.frequency(), month),
            }),
            Some(_) => Ok(()),
            None => match self.max_values {
                Some(limit) if self.rows.len() as u64 > limit => {
                    Err(Error::TooManyValues { limit })
                }
                _ => Ok(()),
            },
        }
    }

    /// Removes the period `month` (or every period, for `None`); whether
    /// anything was there.
    pub(crate) fn remove(&mut self, month: Option<i32>) -> bool {
        self.removed = true;
        match month {
            Some(m) => self.rows.remove(&m).is_some(),
            None => {
                let any = !self.rows.is_empty();
                self.rows.clear();
                any
            }
        }
    }

    /// Makes the value of `month` missing, keeping the period.
    pub(crate) fn clear_value(&mut self, month: i32) {
        if let Some(v) = self.rows.get_mut(&month) {
            *v = None;
        }
    }

    /// The frequency and the rows as (period index, value), sorted.
    ///
    /// # Errors
    /// [`Error::NoObservations`] for no rows; as [`Classifier::finish`].
    pub(crate) fn finish(mut self) -> Result<Rows> {
        if self.rows.is_empty() {
            return Err(Error::NoObservations);
        }
        let f = match self.classifier.frequency() {
            // Only dates so far, some removed: the rule on those that remain.
            None if self.removed => infer(
                self.rows.len() > 1,
                self.rows.keys().all(|&m| fits(Frequency::Quarterly, m)),
                self.rows.keys().all(|&m| fits(Frequency::Annual, m)),
            ),
            _ => self.classifier.finish()?,
        };
        let mut rows: Vec<(i32, Option<f64>)> = self
            .rows
            .into_iter()
            .map(|(m, v)| (period_index(f, m), v))
            .collect();
        rows.sort_unstable_by_key(|&(i, _)| i);
        Ok((f, rows))
    }
}
