//! [`ReadOptions`]: caller-set bounds on what a reader takes in.

use std::io::{self, Read};

use crate::error::Error;

/// The bytes the CSV readers pull from their input at a time: a record is
/// found to be too long at most this many bytes after it passes the limit.
pub(crate) const CHUNK: usize = 8 * 1024;

/// Bounds on the input a reader accepts, for input that is not trusted
/// (files from the internet, user uploads).
///
/// Every reader streams its input, so memory follows what it keeps, not the
/// size of the input:
///
/// - a plain or FRED CSV keeps one slot per period, and periods are unique and
///   lie in years 1 to 9999, so a file of valid rows is at most 119,988 rows
///   (the [maximum span](crate::period#range)); a longer one is an error once
///   a period repeats or leaves the range;
/// - a record (line) longer than [`max_line_len`](ReadOptions::max_line_len)
///   is an error as soon as the reader has pulled that many bytes of it plus
///   at most 16 KiB, so one endless line cannot exhaust memory;
/// - multi-series formats (long CSV, SDMX, ALFRED) keep every row they read:
///   [`max_rows`](ReadOptions::max_rows) bounds them;
/// - JSON is parsed into a document before it is read, so
///   [`max_bytes`](ReadOptions::max_bytes) bounds its size (a
///   [`Series`](crate::Series) in JSON is also bounded by the maximum span).
///
/// The default ([`ReadOptions::new`]) limits a record to
/// [`DEFAULT_MAX_LINE_LEN`](ReadOptions::DEFAULT_MAX_LINE_LEN) bytes and sets
/// no limit on rows or bytes. [`ReadOptions::unlimited`] lifts every limit.
///
/// # Example
/// ```
/// use econseries::{Error, Month, Series, io::ReadOptions};
///
/// let csv = "period,value\n2025-01,1\n2025-02,2\n2025-03,3\n";
/// let opts = ReadOptions::new().max_rows(2);
/// let e = Series::<Month>::read_csv_with(csv.as_bytes(), &opts).unwrap_err();
/// assert_eq!(e.line(), Some(4));
/// assert!(matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::TooManyRows { limit: 2 })));
///
/// let long_line = format!("period,value\n2025-01,{}\n", "1".repeat(100));
/// let opts = ReadOptions::new().max_line_len(64);
/// let e = Series::<Month>::read_csv_with(long_line.as_bytes(), &opts).unwrap_err();
/// assert_eq!(e.line(), Some(2));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    max_line_len: Option<usize>,
    max_rows: Option<u64>,
    max_bytes: Option<u64>,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions::new()
    }
}

impl ReadOptions {
    /// The default limit on the length of a record: 1 MiB, a thousand times
    /// the longest line of any statistics portal's CSV the crate reads.
    pub const DEFAULT_MAX_LINE_LEN: usize = 1 << 20;

    /// Records of at most [`DEFAULT_MAX_LINE_LEN`](ReadOptions::DEFAULT_MAX_LINE_LEN)
    /// bytes, any number of rows and bytes.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().get_max_line_len(), Some(1 << 20));
    /// assert_eq!(ReadOptions::new().get_max_rows(), None);
    /// ```
    pub const fn new() -> ReadOptions {
        ReadOptions {
            max_line_len: Some(Self::DEFAULT_MAX_LINE_LEN),
            max_rows: None,
            max_bytes: None,
        }
    }

    /// No limits at all (only the maximum span bounds a single series).
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::unlimited().get_max_line_len(), None);
    /// ```
    pub const fn unlimited() -> ReadOptions {
        ReadOptions {
            max_line_len: None,
            max_rows: None,
            max_bytes: None,
        }
    }

    /// At most `bytes` bytes in one CSV record (a line, or several lines for a
    /// quoted field that spans them), terminator and blank lines before it
    /// not counted.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().max_line_len(4096).get_max_line_len(), Some(4096));
    /// ```
    pub const fn max_line_len(mut self, bytes: usize) -> ReadOptions {
        self.max_line_len = Some(bytes);
        self
    }

    /// At most `rows` data rows (records other than the header and blank lines).
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().max_rows(10_000).get_max_rows(), Some(10_000));
    /// ```
    pub const fn max_rows(mut self, rows: u64) -> ReadOptions {
        self.max_rows = Some(rows);
        self
    }

    /// At most `bytes` bytes of input in all.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().max_bytes(1 << 30).get_max_bytes(), Some(1 << 30));
    /// ```
    pub const fn max_bytes(mut self, bytes: u64) -> ReadOptions {
        self.max_bytes = Some(bytes);
        self
    }

    /// The limit on a record's length, if any.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::unlimited().max_line_len(80).get_max_line_len(), Some(80));
    /// ```
    pub const fn get_max_line_len(&self) -> Option<usize> {
        self.max_line_len
    }

    /// The limit on the number of data rows, if any.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().get_max_rows(), None);
    /// ```
    pub const fn get_max_rows(&self) -> Option<u64> {
        self.max_rows
    }

    /// The limit on the input's size in bytes, if any.
    ///
    /// # Example
    /// ```
    /// use econseries::io::ReadOptions;
    ///
    /// assert_eq!(ReadOptions::new().get_max_bytes(), None);
    /// ```
    pub const fn get_max_bytes(&self) -> Option<u64> {
        self.max_bytes
    }

    /// [`Error::TooManyRows`] if `rows` data rows exceed the limit.
    pub(crate) fn check_rows(&self, rows: u64) -> Result<(), Error> {
        match self.max_rows {
            Some(limit) if rows > limit => Err(Error::TooManyRows { limit }),
            _ => Ok(()),
        }
    }
}

/// Which limit a [`Guard`] hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exceeded {
    Line(usize),
    Bytes(u64),
}

impl Exceeded {
    pub(crate) fn error(self) -> Error {
        match self {
            Exceeded::Line(limit) => Error::LineTooLong { limit },
            Exceeded::Bytes(limit) => Error::InputTooLarge { limit },
        }
    }
}

/// A reader that enforces [`ReadOptions`] on the bytes pulled through it:
/// the total, and the bytes since the start of the current record, which its
/// consumer reports with [`mark`](Guard::mark) after each record.
///
/// Hitting a limit fails the read with an I/O error and records which limit
/// it was, so the consumer can turn the parser's error back into a typed one.
#[derive(Debug)]
pub(crate) struct Guard<R> {
    inner: R,
    pulled: u64,
    mark: u64,
    max_line_len: Option<usize>,
    max_bytes: Option<u64>,
    exceeded: Option<Exceeded>,
}

impl<R> Guard<R> {
    /// A guard for CSV input: record length and total size.
    pub(crate) fn csv(inner: R, options: &ReadOptions) -> Guard<R> {
        Guard {
            inner,
            pulled: 0,
            mark: 0,
            max_line_len: options.max_line_len,
            max_bytes: options.max_bytes,
            exceeded: None,
        }
    }

    /// A guard for a document read whole (JSON): total size only.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn document(inner: R, options: &ReadOptions) -> Guard<R> {
        Guard {
            max_line_len: None,
            ..Guard::csv(inner, options)
        }
    }

    /// The current record starts at stream offset `offset`.
    pub(crate) fn mark(&mut self, offset: u64) {
        self.mark = offset;
    }

    /// The limit that stopped the input, if one did.
    pub(crate) fn exceeded(&self) -> Option<Exceeded> {
        self.exceeded
    }

    /// Maps an error of the parser reading from this guard to the limit
    /// error if a limit stopped it, else with `other`.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn explain(&self, other: Error) -> Error {
        self.exceeded.map_or(other, Exceeded::error)
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if let Some(limit) = self.max_line_len {
            // The parser (and a buffer before it) read ahead by at most a
            // chunk each past the record.
            let allowed = (limit as u64).saturating_add(2 * CHUNK as u64);
            if self.pulled.saturating_sub(self.mark) > allowed {
                self.exceeded = Some(Exceeded::Line(limit));
            }
        }
        if let Some(limit) = self.max_bytes
            && self.pulled > limit
        {
            self.exceeded = Some(Exceeded::Bytes(limit));
        }
        if let Some(e) = self.exceeded {
            return Err(io::Error::other(e.error()));
        }
        let mut want = out.len().min(CHUNK);
        if let Some(limit) = self.max_bytes {
            // One byte past the limit shows that the input exceeds it.
            let room = limit.saturating_add(1).saturating_sub(self.pulled);
            want = want.min(usize::try_from(room).unwrap_or(usize::MAX));
        }
        let n = self.inner.read(out.get_mut(..want).unwrap_or_default())?;
        self.pulled = self.pulled.saturating_add(n as u64);
        Ok(n)
    }
}

/// The whole of a document read as text, within [`ReadOptions::max_bytes`]:
/// for formats parsed into a tree (JSON), whose size is the bound on memory.
///
/// # Errors
/// [`Error::InputTooLarge`] past the limit; [`Error::Csv`] for text that is
/// not UTF-8; [`Error::Io`] if the reader fails.
#[cfg(feature = "serde")]
pub(crate) fn read_document(reader: impl Read, options: &ReadOptions) -> Result<String, Error> {
    let mut guard = Guard::document(reader, options);
    let mut text = String::new();
    match guard.read_to_string(&mut text) {
        Ok(_) => Ok(text),
        Err(e) => Err(match guard.exceeded() {
            Some(limit) => limit.error(),
            None if e.kind() == io::ErrorKind::InvalidData => Error::Csv {
                message: "input is not valid UTF-8".to_owned(),
            },
            None => Error::Io(e),
        }),
    }
}

/// A CSV parser error as the crate's error: I/O errors stay I/O errors.
pub(crate) fn csv_error(e: csv::Error) -> Error {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::Io(io),
        _ => Error::Csv { message },
    }
}

/// A CSV reader over a [`Guard`], yielding records with the limits of
/// [`ReadOptions`] checked and their errors typed with the line.
pub(crate) struct Records<R> {
    csv: csv::Reader<Guard<R>>,
    /// Lines before the parser's first line (a skipped preamble).
    lines_before: u64,
    /// Stream offset of the parser's first byte within the guarded input.
    offset: u64,
    options: ReadOptions,
    rows: u64,
}

impl<R: Read> Records<R> {
    /// Records of `reader`, parsed by `builder`, whose first byte is at
    /// offset `offset` and first line is line `lines_before + 1` of the input
    /// behind the guard.
    pub(crate) fn new(
        mut builder: csv::ReaderBuilder,
        guard: Guard<R>,
        offset: u64,
        lines_before: u64,
        options: &ReadOptions,
    ) -> Records<R> {
        builder.buffer_capacity(CHUNK);
        Records {
            csv: builder.from_reader(guard),
            lines_before,
            offset,
            options: *options,
            rows: 0,
        }
    }

    /// Records of a headerless, flexible CSV with trimmed fields over
    /// `reader` (the long and ALFRED forms find their own header row).
    pub(crate) fn trimmed(reader: R, options: &ReadOptions) -> Records<R> {
        let mut builder = csv::ReaderBuilder::new();
        builder
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All);
        Records::new(builder, Guard::csv(reader, options), 0, 0, options)
    }

    /// The first record with a non-empty field: the header row.
    ///
    /// # Errors
    /// [`Error::NoObservations`] if there is none; otherwise as [`next`](Records::next).
    pub(crate) fn header(&mut self) -> Result<csv::StringRecord, Error> {
        let mut header = csv::StringRecord::new();
        loop {
            if !self.next(&mut header)? {
                return Err(Error::NoObservations);
            }
            if header.iter().any(|f| !f.is_empty()) {
                return Ok(header);
            }
        }
    }

    /// The 1-based input line of a parser line.
    pub(crate) fn line(&self, parser_line: u64) -> u64 {
        parser_line + self.lines_before
    }

    /// Reads the next record into `record`; `false` at the end of the input.
    ///
    /// # Errors
    /// An [`Error::Read`] wrapping [`Error::LineTooLong`] for a record over
    /// the limit; [`Error::InputTooLarge`]; [`Error::Csv`] or [`Error::Io`]
    /// from the parser.
    pub(crate) fn next(&mut self, record: &mut csv::StringRecord) -> Result<bool, Error> {
        let line = self.line(self.csv.position().line());
        match self.csv.read_record(record) {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            Err(e) => {
                return Err(match self.csv.get_ref().exceeded() {
                    Some(Exceeded::Line(limit)) => Error::Read {
                        line,
                        text: "…".to_owned(),
                        source: Box::new(Error::LineTooLong { limit }),
                    },
                    Some(Exceeded::Bytes(limit)) => Error::InputTooLarge { limit },
                    None => csv_error(e),
                });
            }
        }
        // The record as written, less quotes and terminator.
        let len = record.as_slice().len() + record.len().saturating_sub(1);
        if let Some(limit) = self.options.max_line_len
            && len > limit
        {
            let line = self.line(record.position().map_or(0, csv::Position::line));
            let text: String = record.as_slice().chars().take(80).collect();
            return Err(Error::Read {
                line,
                text: text + "…",
                source: Box::new(Error::LineTooLong { limit }),
            });
        }
        let next = self.offset.saturating_add(self.csv.position().byte());
        self.csv.get_mut().mark(next);
        Ok(true)
    }

    /// Counts a data row, failing past [`ReadOptions::max_rows`] with an
    /// [`Error::Read`] at `line` quoting `text`.
    pub(crate) fn count_row(
        &mut self,
        line: u64,
        text: impl FnOnce() -> String,
    ) -> Result<(), Error> {
        self.rows += 1;
        self.options.check_rows(self.rows).map_err(|e| Error::Read {
            line,
            text: text(),
            source: Box::new(e),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_stops_a_long_record_and_a_large_input() {
        let data = vec![b'x'; 100_000];
        let opts = ReadOptions::unlimited().max_line_len(10);
        let mut g = Guard::csv(data.as_slice(), &opts);
        let mut sink = Vec::new();
        assert!(g.read_to_end(&mut sink).is_err());
        assert_eq!(g.exceeded(), Some(Exceeded::Line(10)));
        assert!(sink.len() <= 10 + 3 * CHUNK);

        let opts = ReadOptions::unlimited().max_bytes(1000);
        let mut g = Guard::document(data.as_slice(), &opts);
        let mut sink = Vec::new();
        assert!(g.read_to_end(&mut sink).is_err());
        assert_eq!(g.exceeded(), Some(Exceeded::Bytes(1000)));
        assert!(sink.len() <= 1000 + CHUNK);

        let opts = ReadOptions::unlimited().max_bytes(100_000);
        let mut g = Guard::document(data.as_slice(), &opts);
        let mut sink = Vec::new();
        assert_eq!(g.read_to_end(&mut sink).ok(), Some(100_000));
    }
}
