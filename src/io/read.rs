//! CSV reading: the plain `period,value` form and FRED's download form.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::limits::{CHUNK, ReadOptions, csv_error};
use crate::error::{Error, ParseProblem, Result};
use crate::period::{Frequency, Month, Period, Quarter, Token, Year, tokenize};
use crate::series::Series;

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl<P: Period> Series<P> {
    /// Reads a series from CSV, streaming.
    ///
    /// Accepts the plain form `period,value` (any header whose first field is
    /// not a period, or no header at all) and FRED's download form
    /// `observation_date,SERIESID` with first-of-period dates and `.` for a
    /// missing value. Rows may come in any order; periods between the first and
    /// the last that have no row become missing values. See the
    /// [module documentation](crate::io) for everything that is accepted.
    ///
    /// # Errors
    /// Every problem with a row is an [`Error::Read`] carrying the 1-based
    /// line number and the line's text, wrapping one of:
    /// [`Error::ParsePeriod`] or [`Error::UnrecognisedPeriod`] for a period
    /// that is impossible or not one of the accepted forms (including a date
    /// that is not the first day of a `P` period);
    /// [`Error::FrequencyMismatch`] if the first row's period is of another
    /// frequency than `P`, [`Error::MixedFrequency`] if a later row's is;
    /// [`Error::NotANumber`]; [`Error::NonFinite`] for `inf`, `NaN` or a
    /// number too large for an `f64`; [`Error::DuplicatePeriod`];
    /// [`Error::FieldCount`] unless a row has exactly two fields;
    /// [`Error::Csv`] for text that is not UTF-8.
    /// Input without a single data row is [`Error::NoObservations`]; a failing
    /// reader is [`Error::Io`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let fred = "observation_date,IMPCH\n2025-04-01,25000.5\n2025-05-01,.\n2025-06-01,19000\n";
    /// let s = Series::<Month>::read_csv(fred.as_bytes())?;
    /// assert_eq!(s.len(), 3);
    /// assert_eq!(s.get(Month::new(2025, 5)?), None);
    /// assert_eq!(s.get(Month::new(2025, 6)?), Some(19000.0));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_csv(reader: impl Read) -> Result<Series<P>> {
        Self::read_csv_with(reader, &ReadOptions::new())
    }

    /// Reads a series from CSV, streaming, within the limits of `options`;
    /// see [`read_csv`](Series::read_csv).
    ///
    /// # Errors
    /// As [`read_csv`](Series::read_csv), and an [`Error::Read`] naming the
    /// line and wrapping [`Error::LineTooLong`] for a record longer than
    /// [`ReadOptions::max_line_len`], [`Error::TooManyRows`] for the first
    /// data row past [`ReadOptions::max_rows`], or [`Error::InputTooLarge`]
    /// past [`ReadOptions::max_bytes`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month, Series, io::ReadOptions};
    ///
    /// // A generated endless line: the reader gives up after about 1 KiB + 8 KiB.
    /// let endless = std::io::repeat(b'7');
    /// let e = Series::<Month>::read_csv_with(endless, &ReadOptions::new().max_line_len(1024)).unwrap_err();
    /// assert_eq!(e.line(), Some(1));
    /// assert!(matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::LineTooLong { limit: 1024 })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_csv_with(reader: impl Read, options: &ReadOptions) -> Result<Series<P>> {
        read_rows(reader, Some(P::FREQUENCY), options)?.into_series()
    }

    /// Reads a series from the CSV file at `path`; see [`read_csv`](Series::read_csv).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be opened or read, otherwise as
    /// [`read_csv`](Series::read_csv).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series};
    ///
    /// let gdp = Series::<Quarter>::read_csv_path("data/us_real_gdp_gdpc1_quarterly_1947_2025q1.csv")?;
    /// assert_eq!(gdp.len(), 313);
    /// assert_eq!(gdp.get("2025-Q1".parse()?), Some(23526.085));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_csv_path(path: impl AsRef<Path>) -> Result<Series<P>> {
        Self::read_csv(File::open(path)?)
    }

    /// Reads a series from CSV text; see [`read_csv`](Series::read_csv).
    ///
    /// # Errors
    /// As [`read_csv`](Series::read_csv).
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Series, Year};
    ///
    /// let s = Series::<Year>::from_csv_str("year,flow\n1871,1120\n1873,963\n")?;
    /// assert_eq!(s.values().collect::<Vec<_>>(), [Some(1120.0), None, Some(963.0)]);
    ///
    /// let e = Series::<Year>::from_csv_str("year,flow\n1871,1120\n1871,963\n").unwrap_err();
    /// assert_eq!(e.line(), Some(3));
    /// assert!(matches!(e, Error::Read { source, .. } if matches!(*source, Error::DuplicatePeriod { .. })));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_csv_str(text: &str) -> Result<Series<P>> {
        Self::read_csv(text.as_bytes())
    }
}

/// The rows of a CSV input, bound to one frequency: period indices with values.
#[derive(Debug)]
pub(crate) struct Rows {
    pub(crate) frequency: Frequency,
    rows: Vec<(i32, Option<f64>)>,
}

impl Rows {
    /// The series of these rows. `P` must be the rows' frequency.
    pub(crate) fn into_series<P: Period>(self) -> Result<Series<P>> {
        debug_assert_eq!(P::FREQUENCY, self.frequency);
        let pairs = self
            .rows
            .into_iter()
            .map(|(i, v)| Ok((P::from_index(i64::from(i))?, v)))
            .collect::<Result<Vec<_>>>()?;
        Series::from_pairs(pairs)
    }
}

/// Reads CSV rows, streaming, binding periods to `stated` or to the inferred
/// frequency (see the module documentation for the rule).
pub(crate) fn read_rows(
    reader: impl Read,
    stated: Option<Frequency>,
    options: &ReadOptions,
) -> Result<Rows> {
    let tap = Tap {
        inner: reader,
        buf: Vec::new(),
        head: 0,
        start: 0,
        newlines: 0,
        pulled: 0,
        max_line_len: options.get_max_line_len(),
        max_bytes: options.get_max_bytes(),
        exceeded: None,
    };
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(CHUNK)
        .from_reader(tap);
    let mut rows = Collector::new(stated, *options);
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv.get_ref().explain(csv_error(e))),
        }
        let end = csv.position().byte();
        let tap = csv.get_ref();
        let (line, range) = tap.locate(end);
        if let Some(limit) = options.get_max_line_len()
            && range.len() > limit
        {
            return Err(Error::Read {
                line,
                text: tap.prefix(range.start),
                source: Box::new(Error::LineTooLong { limit }),
            });
        }
        rows.record(&record, line, || tap.text(range.clone()))?;
        csv.get_mut().consume(end);
    }
    rows.finish()
}

/// A reader that keeps the bytes the CSV parser has pulled but whose record
/// has not been handled yet, so that an error can quote its line as written,
/// and that enforces the record-length and size limits of [`ReadOptions`].
///
/// The CSV parser reads ahead by at most its buffer ([`CHUNK`]), so this
/// holds the current record plus a few kilobytes, never the whole input:
/// blank lines before a record are dropped as they arrive, and a record
/// longer than the limit stops the input.
struct Tap<R> {
    inner: R,
    /// Bytes from stream offset `start` on, beginning at `buf[head]`; the
    /// spent bytes before `head` are dropped once they are the larger part.
    buf: Vec<u8>,
    head: usize,
    start: u64,
    /// Line feeds before `start`.
    newlines: u64,
    /// Bytes pulled from `inner`.
    pulled: u64,
    max_line_len: Option<usize>,
    max_bytes: Option<u64>,
    /// The limit that stopped the input, if one did.
    exceeded: Option<Stop>,
}

/// A limit that stopped a [`Tap`].
enum Stop {
    /// A record longer than `limit` starting on `line`, quoted by its start.
    Line {
        line: u64,
        text: String,
        limit: usize,
    },
    /// More than `limit` bytes.
    Bytes(u64),
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        // The live bytes start at a record boundary, so line ends there are
        // blank lines (a record never starts with one): count and drop them.
        let blank = self
            .live()
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n');
        let (len, lf) = blank.fold((0usize, 0u64), |(n, lf), &b| {
            (n + 1, lf + u64::from(b == b'\n'))
        });
        self.newlines += lf;
        self.advance(len);
        if let Some(limit) = self.max_line_len
            && self.live().len() > limit.saturating_add(CHUNK)
        {
            self.exceeded = Some(Stop::Line {
                line: 1 + self.newlines,
                text: self.prefix(0),
                limit,
            });
        }
        if let Some(limit) = self.max_bytes
            && self.pulled > limit
        {
            self.exceeded = Some(Stop::Bytes(limit));
        }
        if self.exceeded.is_some() {
            return Err(std::io::Error::other("input limit reached"));
        }
        let mut want = out.len().min(CHUNK);
        if let Some(limit) = self.max_bytes {
            let room = limit.saturating_add(1).saturating_sub(self.pulled);
            want = want.min(usize::try_from(room).unwrap_or(usize::MAX));
        }
        let out = out.get_mut(..want).unwrap_or_default();
        let n = self.inner.read(out)?;
        self.pulled = self.pulled.saturating_add(n as u64);
        self.buf.extend_from_slice(out.get(..n).unwrap_or_default());
        Ok(n)
    }
}

impl<R> Tap<R> {
    /// The bytes pulled but not yet consumed.
    fn live(&self) -> &[u8] {
        self.buf.get(self.head..).unwrap_or_default()
    }

    /// The unconsumed bytes up to stream offset `end`.
    fn chunk(&self, end: u64) -> &[u8] {
        let live = self.live();
        let len = usize::try_from(end.saturating_sub(self.start)).unwrap_or(usize::MAX);
        live.get(..len.min(live.len())).unwrap_or_default()
    }

    /// The 1-based line number and the byte range (within [`chunk`](Tap::chunk))
    /// of the record that ends at stream offset `end`, without the blank lines
    /// before it and its line terminator.
    fn locate(&self, end: u64) -> (u64, Range<usize>) {
        let chunk = self.chunk(end);
        let lead = chunk
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let blank = chunk.get(..lead).unwrap_or_default();
        let line = 1 + self.newlines + newlines(blank);
        let body = chunk.get(lead..).unwrap_or_default();
        let trailing = body
            .iter()
            .rev()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let stop = chunk.len() - trailing;
        let first = if self.start == 0 && body.starts_with(BOM) {
            lead + BOM.len()
        } else {
            lead
        };
        (line, first.min(stop)..stop)
    }

    /// The text of `range` (as [`locate`](Tap::locate) gives it), invalid UTF-8 replaced.
    fn text(&self, range: Range<usize>) -> String {
        String::from_utf8_lossy(self.live().get(range).unwrap_or_default()).into_owned()
    }

    /// The first 80 bytes of the live text from `from`, for quoting a record
    /// too long to quote whole.
    fn prefix(&self, from: usize) -> String {
        let live = self.live().get(from..).unwrap_or_default();
        let line = live.split(|&b| b == b'\n').next().unwrap_or_default();
        let cut = line.get(..80).unwrap_or(line);
        let mut text = String::from_utf8_lossy(cut).into_owned();
        text.push('…');
        text
    }

    /// The limit error that stopped the input, or `other`.
    fn explain(&self, other: Error) -> Error {
        match &self.exceeded {
            Some(Stop::Line { line, text, limit }) => Error::Read {
                line: *line,
                text: text.clone(),
                source: Box::new(Error::LineTooLong { limit: *limit }),
            },
            Some(Stop::Bytes(limit)) => Error::InputTooLarge { limit: *limit },
            None => other,
        }
    }

    /// Forgets the bytes before stream offset `end`.
    fn consume(&mut self, end: u64) {
        let len = self.chunk(end).len();
        self.newlines += newlines(self.chunk(end));
        self.advance(len);
    }

    /// Drops `len` live bytes.
    fn advance(&mut self, len: usize) {
        self.start += len as u64;
        self.head += len;
        if self.head > self.buf.len() / 2 {
            self.buf.drain(..self.head.min(self.buf.len()));
            self.head = 0;
        }
    }
}

fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// A date row remembered because it rules out a frequency.
struct Deferred {
    line: u64,
    text: String,
    date: NaiveDate,
}

/// The state of one read: the frequency (stated, established by the first
/// explicit period, or still open while only dates have been seen) and the
/// rows so far.
struct Collector {
    stated: Option<Frequency>,
    frequency: Option<Frequency>,
    /// Whether a non-blank record has been seen (the first one may be a header).
    started: bool,
    /// The limits, and the data rows read so far.
    options: ReadOptions,
    data_rows: u64,
    /// Rows bound to `frequency`, with the set of their period indices.
    rows: Vec<(i32, Option<f64>)>,
    indices: HashSet<i32>,
    /// Date rows read while the frequency is open, with the set of their dates.
    pending: Vec<(NaiveDate, Option<f64>)>,
    dates: HashSet<NaiveDate>,
    /// The first pending date that does not start a quarter, and the first
    /// that does not start a year: they rule out those frequencies.
    not_quarter_start: Option<Deferred>,
    not_year_start: Option<Deferred>,
}

impl Collector {
    fn new(stated: Option<Frequency>, options: ReadOptions) -> Collector {
        Collector {
            options,
            data_rows: 0,
            stated,
            frequency: stated,
            started: false,
            rows: Vec::new(),
            indices: HashSet::new(),
            pending: Vec::new(),
            dates: HashSet::new(),
            not_quarter_start: None,
            not_year_start: None,
        }
    }

    fn has_rows(&self) -> bool {
        !self.rows.is_empty() || !self.pending.is_empty()
    }

    /// Handles one CSV record starting at `line`; `text` gives the line as written.
    fn record(
        &mut self,
        record: &csv::ByteRecord,
        line: u64,
        text: impl Fn() -> String,
    ) -> Result<()> {
        let at = |source: Error| Error::Read {
            line,
            text: text(),
            source: Box::new(source),
        };
        let first = !self.started;
        let mut fields = Vec::with_capacity(2);
        for (i, raw) in record.iter().enumerate() {
            let raw = if first && i == 0 {
                raw.strip_prefix(BOM).unwrap_or(raw)
            } else {
                raw
            };
            let field = core::str::from_utf8(raw).map_err(|e| {
                at(Error::Csv {
                    message: format!("field {} is not valid UTF-8: {e}", i + 1),
                })
            })?;
            fields.push(unquote(field.trim()));
        }
        if fields.iter().all(|f| f.is_empty()) {
            return Ok(());
        }
        self.started = true;
        let [period, value] = fields.as_slice() else {
            return Err(at(Error::FieldCount {
                expected: 2,
                found: fields.len(),
            }));
        };
        let (period, value) = (&**period, &**value);
        let token = match tokenize(period) {
            Ok(token) => token,
            Err(ParseProblem::Syntax { .. }) if first => return Ok(()), // a header
            Err(problem) => return Err(at(self.period_error(period, problem))),
        };
        self.data_rows += 1;
        self.options.check_rows(self.data_rows).map_err(at)?;
        let slot = match token {
            Token::Date(date) if self.frequency.is_none() => {
                if date.day() != 1 {
                    return Err(at(Error::ParsePeriod {
                        frequency: Frequency::Monthly,
                        input: period.to_owned(),
                        problem: ParseProblem::NotFirstDay(date),
                    }));
                }
                Slot::Date(date)
            }
            Token::Date(_) => {
                let frequency = self.frequency.unwrap_or(Frequency::Monthly);
                Slot::Index(index_of(frequency, period).map_err(at)?)
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
                        return Err(at(if self.has_rows() || self.stated.is_none() {
                            Error::MixedFrequency {
                                expected,
                                found,
                                period: period.to_owned(),
                            }
                        } else {
                            Error::FrequencyMismatch { expected, found }
                        }));
                    }
                    Some(_) => {}
                }
                Slot::Index(index_of(found, period).map_err(at)?)
            }
        };
        let value = parse_value(value, period).map_err(at)?;
        match slot {
            Slot::Index(i) => {
                if !self.indices.insert(i) {
                    return Err(at(Error::DuplicatePeriod {
                        period: self.canonical(i),
                    }));
                }
                self.rows.push((i, value));
            }
            Slot::Date(date) => {
                if !self.dates.insert(date) {
                    return Err(at(Error::DuplicatePeriod {
                        period: period.to_owned(),
                    }));
                }
                if date.month() % 3 != 1 && self.not_quarter_start.is_none() {
                    self.not_quarter_start = Some(Deferred {
                        line,
                        text: text(),
                        date,
                    });
                }
                if date.month() != 1 && self.not_year_start.is_none() {
                    self.not_year_start = Some(Deferred {
                        line,
                        text: text(),
                        date,
                    });
                }
                self.pending.push((date, value));
            }
        }
        Ok(())
    }

    /// The error for a period text that `tokenize` rejected.
    fn period_error(&self, period: &str, problem: ParseProblem) -> Error {
        if let Some(frequency) = self.stated {
            // The period type's own parser words the problem for its frequency.
            if let Err(e) = index_of(frequency, period) {
                return e;
            }
        }
        let frequency = match problem {
            ParseProblem::Syntax { .. } => {
                return Error::UnrecognisedPeriod {
                    input: period.to_owned(),
                };
            }
            ParseProblem::Quarter(_) => Frequency::Quarterly,
            ParseProblem::Year(_) if !period.contains('-') && !period.contains(['Q', 'q']) => {
                Frequency::Annual
            }
            ParseProblem::Year(_) if period.contains(['Q', 'q']) => Frequency::Quarterly,
            _ => Frequency::Monthly,
        };
        Error::ParsePeriod {
            frequency,
            input: period.to_owned(),
            problem,
        }
    }

    /// The canonical text of period index `i` in the established frequency.
    fn canonical(&self, i: i32) -> String {
        let i = i64::from(i);
        let text = match self.frequency.unwrap_or(Frequency::Monthly) {
            Frequency::Monthly => Month::from_index(i).map(|p| p.to_string()),
            Frequency::Quarterly => Quarter::from_index(i).map(|p| p.to_string()),
            Frequency::Annual => Year::from_index(i).map(|p| p.to_string()),
        };
        text.unwrap_or_default()
    }

    /// Fixes the frequency and binds the pending date rows to it.
    ///
    /// # Errors
    /// An [`Error::Read`] for the first pending date that does not start a
    /// period of `frequency`.
    fn fix(&mut self, frequency: Frequency) -> Result<()> {
        let misfit = match frequency {
            Frequency::Monthly => None,
            Frequency::Quarterly => self.not_quarter_start.take(),
            Frequency::Annual => self.not_year_start.take(),
        };
        if let Some(Deferred { line, text, date }) = misfit {
            let source =
                index_of(frequency, &date.to_string())
                    .err()
                    .unwrap_or(Error::ParsePeriod {
                        frequency,
                        input: date.to_string(),
                        problem: ParseProblem::NotFirstDay(date),
                    });
            return Err(Error::Read {
                line,
                text,
                source: Box::new(source),
            });
        }
        self.frequency = Some(frequency);
        for (date, value) in core::mem::take(&mut self.pending) {
            let i = index_of_date(frequency, date)?;
            self.indices.insert(i);
            self.rows.push((i, value));
        }
        self.dates = HashSet::new();
        Ok(())
    }

    /// Infers the frequency if it is still open and returns the rows.
    fn finish(mut self) -> Result<Rows> {
        if !self.has_rows() {
            return Err(Error::NoObservations);
        }
        let frequency = match self.frequency {
            Some(f) => f,
            None => {
                let f = infer(
                    self.pending.len(),
                    self.not_quarter_start.is_none(),
                    self.not_year_start.is_none(),
                );
                self.fix(f)?;
                f
            }
        };
        Ok(Rows {
            frequency,
            rows: self.rows,
        })
    }
}

/// The frequency of a file whose periods are all first-of-period dates: the
/// coarsest one whose periods start on every date, or monthly for a single
/// date (which fits every frequency and shows no spacing).
pub(crate) fn infer(dates: usize, all_quarter_starts: bool, all_year_starts: bool) -> Frequency {
    if dates <= 1 {
        Frequency::Monthly
    } else if all_year_starts {
        Frequency::Annual
    } else if all_quarter_starts {
        Frequency::Quarterly
    } else {
        Frequency::Monthly
    }
}

enum Slot {
    Index(i32),
    Date(NaiveDate),
}

/// Parses `text` as a period of `frequency`, returning its index.
fn index_of(frequency: Frequency, text: &str) -> Result<i32> {
    Ok(match frequency {
        Frequency::Monthly => text.parse::<Month>()?.index(),
        Frequency::Quarterly => text.parse::<Quarter>()?.index(),
        Frequency::Annual => text.parse::<Year>()?.index(),
    })
}

/// The index of the `frequency` period starting on `date`.
fn index_of_date(frequency: Frequency, date: NaiveDate) -> Result<i32> {
    Ok(match frequency {
        Frequency::Monthly => Month::containing(date)?.index(),
        Frequency::Quarterly => Quarter::containing(date)?.index(),
        Frequency::Annual => Year::containing(date)?.index(),
    })
}

/// A field quoted after a space (`2025-01, "1.5"`), which the CSV parser
/// leaves quoted because the quote does not open the field, without its quotes.
fn unquote(field: &str) -> Cow<'_, str> {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) => Cow::Owned(inner.replace("\"\"", "\"").trim().to_owned()),
        None => Cow::Borrowed(field),
    }
}

/// Parses a value field: empty or `.` is missing.
pub(crate) fn parse_value(text: &str, period: &str) -> Result<Option<f64>> {
    if text.is_empty() || text == "." {
        return Ok(None);
    }
    match text.parse::<f64>() {
        // Zero from non-zero digits: too small to represent, not zero.
        Ok(0.0)
            if text
                .split(['e', 'E'])
                .next()
                .is_some_and(|m| m.contains(|c: char| matches!(c, '1'..='9'))) =>
        {
            Err(Error::Underflow {
                text: text.to_owned(),
            })
        }
        Ok(x) if x.is_finite() => Ok(Some(x)),
        Ok(x) => Err(Error::NonFinite {
            period: period.to_owned(),
            value: x,
        }),
        Err(_) => Err(Error::NotANumber {
            text: text.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Rows> {
        read_rows(text.as_bytes(), None, &ReadOptions::new())
    }

    fn err(text: &str) -> (u64, String, Error) {
        match rows(text).unwrap_err() {
            Error::Read { line, text, source } => (line, text, *source),
            e => panic!("not a row error: {e:?}"),
        }
    }

    #[test]
    fn line_numbers_survive_blank_lines_crlf_and_bom() {
        let (line, text, e) = err("\u{feff}period,value\r\n\r\n2025-01,1\r\n   \r\n2025-02,x\r\n");
        assert_eq!((line, text.as_str()), (5, "2025-02,x"));
        assert!(matches!(e, Error::NotANumber { .. }));
        let (line, text, _) = err("\u{feff}2025-13,1\n");
        assert_eq!((line, text.as_str()), (1, "2025-13,1"));
        // A quoted field spanning lines: the record's first line counts.
        let (line, text, _) = err("p,v\n\"2025-01\",\"1\n2\"\n2025-02,1\n");
        assert_eq!((line, text.as_str()), (2, "\"2025-01\",\"1\n2\""));
    }

    #[test]
    fn long_input_keeps_little_in_the_tap() {
        let mut text = String::from("period,value\n");
        for y in 1900..2000 {
            for m in 1..=12 {
                text.push_str(&format!("{y}-{m:02},{y}.{m}\n"));
            }
        }
        text.push_str("1950-06,1\n");
        let (line, text, e) = err(&text);
        assert_eq!(line, 1202);
        assert_eq!(text, "1950-06,1");
        assert!(matches!(e, Error::DuplicatePeriod { period } if period == "1950-06"));
    }

    #[test]
    fn inference_rule() {
        assert_eq!(infer(1, true, true), Frequency::Monthly);
        assert_eq!(infer(2, true, true), Frequency::Annual);
        assert_eq!(infer(2, true, false), Frequency::Quarterly);
        assert_eq!(infer(2, false, false), Frequency::Monthly);
        let f = |t: &str| rows(t).unwrap().frequency;
        assert_eq!(f("d,v\n2024-01-01,1\n2025-01-01,2\n"), Frequency::Annual);
        assert_eq!(f("d,v\n2024-01-01,1\n2024-07-01,2\n"), Frequency::Quarterly);
        assert_eq!(f("d,v\n2024-01-01,1\n2024-02-01,2\n"), Frequency::Monthly);
        assert_eq!(f("d,v\n2024-04-01,1\n"), Frequency::Monthly);
    }

    #[test]
    fn explicit_period_fixes_the_frequency_of_earlier_dates() {
        let r = rows("d,v\n2024-01-01,1\n2024-Q2,2\n").unwrap();
        assert_eq!(r.frequency, Frequency::Quarterly);
        let (line, _, e) = err("d,v\n2024-01-01,1\n2024-02-01,1\n2024-Q2,2\n");
        assert_eq!(line, 3);
        assert!(matches!(
            e,
            Error::ParsePeriod {
                frequency: Frequency::Quarterly,
                ..
            }
        ));
        let (line, _, e) = err("d,v\n2024-04-01,1\n2024-Q2,2\n");
        assert_eq!(line, 3);
        assert!(matches!(e, Error::DuplicatePeriod { period } if period == "2024-Q2"));
    }

    #[test]
    fn values() {
        assert_eq!(parse_value("", "p").unwrap(), None);
        assert_eq!(parse_value(".", "p").unwrap(), None);
        assert_eq!(parse_value("-1.5e3", "p").unwrap(), Some(-1500.0));
        // Underflow is an error like overflow; zeros and subnormals are values.
        for t in ["1e-400", "-2e-324", "0.000001e-320", "9E-999"] {
            assert!(
                matches!(parse_value(t, "p"), Err(Error::Underflow { .. })),
                "{t}"
            );
        }
        for t in ["0", "0.0", "-0", "0e5", "000.000E-400", "+0"] {
            assert_eq!(parse_value(t, "p").unwrap(), Some(0.0), "{t}");
        }
        assert_eq!(parse_value("5e-324", "p").unwrap(), Some(5e-324));
        assert_eq!(parse_value("3e-324", "p").unwrap(), Some(5e-324));
        for t in [
            "inf",
            "-inf",
            "NaN",
            "nan",
            "infinity",
            "+Infinity",
            "1e400",
        ] {
            assert!(
                matches!(parse_value(t, "p"), Err(Error::NonFinite { .. })),
                "{t}"
            );
        }
        for t in ["abc", "1,000", "1 000", "0x10", "--1"] {
            assert!(
                matches!(parse_value(t, "p"), Err(Error::NotANumber { .. })),
                "{t}"
            );
        }
    }
}
