//! The columns of a long CSV, found by name in its header.

use std::io::Read;

use crate::error::{Error, Result};

use super::{LONG_ID, LONG_PERIOD, LONG_VALUE, ReadOptions, Records};

/// The columns that say when a row's value was published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum When {
    /// `vintage` (or `vintage_date`): the date of the vintage.
    Vintage(usize),
    /// `realtime_start` and `realtime_end`: the real-time interval.
    Interval(usize, usize),
}

/// Where a long CSV keeps what (0-based field indices), and the header's names.
#[derive(Clone, Debug)]
pub(crate) struct LongColumns {
    pub(crate) id: usize,
    pub(crate) period: usize,
    pub(crate) value: usize,
    pub(crate) when: Option<When>,
    pub(crate) names: Vec<String>,
}

impl LongColumns {
    /// The columns of the header `records` is on.
    ///
    /// # Errors
    /// [`Error::MissingColumn`] for an absent required column (or
    /// `realtime_end` without `realtime_start` and the reverse);
    /// [`Error::DuplicateColumn`] if two columns could be the same one;
    /// [`Error::InvalidArgument`] for more than one key column in `options`;
    /// all at the header's line.
    pub(crate) fn find<R: Read>(
        records: &Records<R>,
        options: &ReadOptions,
    ) -> Result<LongColumns> {
        let names: Vec<String> = (0..records.len())
            .map(|i| records.field(i).into_owned())
            .collect();
        let find = |given: Option<&str>, defaults: &[&str]| -> Result<Option<usize>> {
            let wanted: Vec<&str> = match given {
                Some(g) => vec![g],
                None => defaults.to_vec(),
            };
            let mut hits = names
                .iter()
                .enumerate()
                .filter(|(_, h)| wanted.iter().any(|n| h.eq_ignore_ascii_case(n)));
            let first = hits.next();
            if let Some((_, again)) = hits.next() {
                return Err(Error::DuplicateColumn {
                    column: again.clone().into(),
                });
            }
            Ok(first.map(|(i, _)| i))
        };
        let need = |given: Option<&str>, defaults: &[&str]| -> Result<usize> {
            find(given, defaults)?.ok_or_else(|| Error::MissingColumn {
                column: given
                    .or(defaults.first().copied())
                    .unwrap_or_default()
                    .to_owned()
                    .into(),
            })
        };
        let key = match options.get_key_columns() {
            None => None,
            Some([one]) => Some(one.as_str()),
            Some(many) => {
                return Err(records.at(Error::InvalidArgument {
                    name: "key_columns",
                    value: many.join(",").into(),
                    expected: "one series id column for a long CSV",
                }));
            }
        };
        let found = (|| {
            let id = need(key, LONG_ID)?;
            let period = need(options.get_time_column(), LONG_PERIOD)?;
            let value = need(options.get_value_column(), LONG_VALUE)?;
            let when = match (
                find(None, &["vintage", "vintage_date"])?,
                find(None, &["realtime_start"])?,
                find(None, &["realtime_end"])?,
            ) {
                (Some(v), _, _) => Some(When::Vintage(v)),
                (None, Some(s), Some(e)) => Some(When::Interval(s, e)),
                (None, Some(_), None) => {
                    return Err(Error::MissingColumn {
                        column: "realtime_end".to_owned().into(),
                    });
                }
                (None, None, Some(_)) => {
                    return Err(Error::MissingColumn {
                        column: "realtime_start".to_owned().into(),
                    });
                }
                (None, None, None) => None,
            };
            Ok((id, period, value, when))
        })();
        let (id, period, value, when) = found.map_err(|e| records.at(e))?;
        Ok(LongColumns {
            id,
            period,
            value,
            when,
            names,
        })
    }

    /// The header's name of column `i`.
    pub(crate) fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// The number of columns.
    pub(crate) fn width(&self) -> usize {
        self.names.len()
    }
}

/// Which rows of a long CSV belong to the series being read: those of the
/// selected id, or of the only id there is (a second one without a selector
/// is an error), each with a field for every column.
pub(crate) struct SeriesPick<'a> {
    selector: Option<&'a str>,
    chosen: Option<String>,
    /// A few ids seen, for [`Error::SeriesNotFound`].
    examples: Vec<String>,
}

impl<'a> SeriesPick<'a> {
    pub(crate) fn new(options: &'a ReadOptions) -> SeriesPick<'a> {
        SeriesPick {
            selector: options.get_series(),
            chosen: None,
            examples: Vec::new(),
        }
    }

    /// Whether the current record is a row of the series.
    ///
    /// # Errors
    /// [`Error::FieldCount`] for a row that does not fit the header,
    /// [`Error::MultipleSeries`] for a second id without a selector, both at
    /// the record.
    pub(crate) fn admit<R: Read>(
        &mut self,
        records: &Records<R>,
        cols: &LongColumns,
    ) -> Result<bool> {
        if records.len() != cols.width() {
            return Err(records.at(Error::FieldCount {
                expected: cols.width(),
                found: records.len(),
            }));
        }
        let id = records.field(cols.id);
        match (self.selector, &self.chosen) {
            (Some(s), _) if s != id => {
                if self.examples.len() < 5 && !self.examples.iter().any(|e| *e == id) {
                    self.examples.push(id.into_owned());
                }
                return Ok(false);
            }
            (_, None) => self.chosen = Some(id.into_owned()),
            (None, Some(first)) if *first != id => {
                return Err(records.at(Error::MultipleSeries {
                    first: first.clone().into(),
                    second: id.into_owned().into(),
                }));
            }
            _ => {}
        }
        Ok(true)
    }

    /// # Errors
    /// [`Error::SeriesNotFound`] if a selector matched no row.
    pub(crate) fn finish(self) -> Result<()> {
        match (self.chosen, self.selector) {
            (None, Some(s)) => Err(Error::SeriesNotFound {
                selector: s.to_owned().into(),
                examples: self.examples.into(),
            }),
            _ => Ok(()),
        }
    }
}
