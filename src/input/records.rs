//! [`Records`]: CSV records over the [`Guard`], each with its line and its
//! text as written, for every CSV format.

use std::borrow::Cow;
use std::io::Read;

use crate::error::{Error, Result};

use super::guard::Guard;
use super::{CHUNK, Pos, ReadOptions};

const BOM: &str = "\u{feff}";

/// A CSV parser error as the crate's error: I/O errors stay I/O errors.
pub(crate) fn csv_error(e: csv::Error) -> Error {
    let message = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => Error::Io(io),
        _ => Error::Csv {
            message: message.into(),
        },
    }
}

/// The records of a CSV input: flexible (rows of any width, checked by the
/// format), quoted fields, blank records skipped; fields trimmed.
pub(crate) struct Records<R> {
    csv: csv::Reader<Guard<R>>,
    record: csv::StringRecord,
    spare: csv::ByteRecord,
    /// The stream offset the current record ends at, consumed on the next call.
    end: Option<u64>,
    line: u64,
    range: core::ops::Range<usize>,
    /// Whether the current record is the input's first (whose first field
    /// may start with a byte-order mark).
    first: bool,
    started: bool,
    options: ReadOptions,
    rows: u64,
}

impl<R: Read> Records<R> {
    /// The records of `reader`, fields separated by `delimiter`.
    pub(crate) fn new(reader: R, options: &ReadOptions, delimiter: u8) -> Records<R> {
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(CHUNK)
            .from_reader(Guard::csv(reader, options));
        Records {
            csv,
            record: csv::StringRecord::new(),
            spare: csv::ByteRecord::new(),
            end: None,
            line: 0,
            range: 0..0,
            first: false,
            started: false,
            options: options.clone(),
            rows: 0,
        }
    }

    /// Moves to the next record with a non-empty field; `false` at the end.
    ///
    /// # Errors
    /// An [`Error::Read`] with the line wrapping [`Error::LineTooLong`] for a
    /// record over the limit or [`Error::InvalidUtf8`]; [`Error::InputTooLarge`];
    /// [`Error::Csv`] or [`Error::Io`] from the parser.
    pub(crate) fn next(&mut self) -> Result<bool> {
        loop {
            if let Some(end) = self.end.take() {
                self.csv.get_mut().consume(end);
            }
            let mut byte = core::mem::take(&mut self.spare);
            match self.csv.read_byte_record(&mut byte) {
                Ok(true) => {}
                Ok(false) => return Ok(false),
                Err(e) => return Err(self.csv.get_ref().explain(csv_error(e))),
            }
            let end = self.csv.position().byte();
            self.end = Some(end);
            let guard = self.csv.get_ref();
            let (line, range) = guard.locate(end);
            self.line = line;
            self.range = range.clone();
            if let Some(limit) = self.options.get_max_line_len()
                && range.len() > limit
            {
                return Err(Error::Read {
                    line,
                    text: guard.prefix(range.start).into(),
                    source: Box::new(Error::LineTooLong { limit }),
                });
            }
            match csv::StringRecord::from_byte_record(byte) {
                Ok(record) => {
                    self.spare = core::mem::take(&mut self.record).into_byte_record();
                    self.record = record;
                }
                Err(e) => {
                    let field = e.utf8_error().field() + 1;
                    self.spare = e.into_byte_record();
                    return Err(self.at(Error::InvalidUtf8 { field }));
                }
            }
            self.first = !self.started;
            self.started = true;
            if (0..self.record.len()).any(|i| !self.field(i).is_empty()) {
                return Ok(true);
            }
        }
    }

    /// The number of fields of the current record.
    pub(crate) fn len(&self) -> usize {
        self.record.len()
    }

    /// Field `i` of the current record, trimmed, without a byte-order mark
    /// and without quotes the parser left (a quote after a space,
    /// `2025-01, "1.5"`); empty past the last field.
    pub(crate) fn field(&self, i: usize) -> Cow<'_, str> {
        let raw = self.record.get(i).unwrap_or_default();
        let raw = if self.first && i == 0 {
            raw.strip_prefix(BOM).unwrap_or(raw)
        } else {
            raw
        };
        unquote(raw.trim())
    }

    /// The 1-based line the current record starts on.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// The current record as written (without its terminator).
    pub(crate) fn text(&self) -> String {
        self.csv.get_ref().text(self.range.clone())
    }

    /// The position of the current record, for errors found later.
    pub(crate) fn pos(&self) -> Pos {
        Pos::Line {
            line: self.line,
            text: self.text(),
        }
    }

    /// `source` at the current record.
    pub(crate) fn at(&self, source: Error) -> Error {
        self.pos().wrap(source)
    }

    /// `source` in field `index` (0-based) of the current record, named
    /// `column`.
    pub(crate) fn in_field(&self, column: &str, index: usize, source: Error) -> Error {
        self.at(Error::Field {
            column: column.to_owned().into(),
            index: index + 1,
            source: Box::new(source),
        })
    }

    /// Counts the current record as a data row, failing past
    /// [`ReadOptions::max_rows`].
    pub(crate) fn count_row(&mut self) -> Result<()> {
        self.rows += 1;
        self.options.check_rows(self.rows).map_err(|e| self.at(e))
    }
}

/// A field quoted after a space (`2025-01, "1.5"`), which the CSV parser
/// leaves quoted because the quote does not open the field, without its quotes.
fn unquote(field: &str) -> Cow<'_, str> {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) if inner.contains("\"\"") => {
            Cow::Owned(inner.replace("\"\"", "\"").trim().to_owned())
        }
        Some(inner) => Cow::Borrowed(inner.trim()),
        None => Cow::Borrowed(field),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<(u64, String, Vec<String>)>> {
        let mut r = Records::new(text.as_bytes(), &ReadOptions::new(), b',');
        let mut out = Vec::new();
        while r.next()? {
            let fields = (0..r.len()).map(|i| r.field(i).into_owned()).collect();
            out.push((r.line(), r.text(), fields));
        }
        Ok(out)
    }

    #[test]
    fn lines_text_and_fields() {
        let got = all("\u{feff}p,v\r\n\r\n 2025-01 , \"1.5\"\r\n,\n\"a\nb\",2\n").unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[0],
            (1, "p,v".to_owned(), vec!["p".to_owned(), "v".to_owned()])
        );
        assert_eq!(got[1].0, 3);
        assert_eq!(got[1].2, ["2025-01", "1.5"]);
        // The blank record `,` is skipped; a quoted field spanning lines counts from its first.
        assert_eq!((got[2].0, got[2].1.as_str()), (5, "\"a\nb\",2"));
    }

    #[test]
    fn invalid_utf8_names_the_field() {
        let e = all("p,v\n2025-01,\u{1}\n").map(|_| ());
        assert!(e.is_ok());
        let mut r = Records::new(&b"p,v\n2025-01,\xff\n"[..], &ReadOptions::new(), b',');
        assert!(r.next().unwrap());
        let e = r.next().unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(e.to_string().contains("field 2 is not valid UTF-8"), "{e}");
    }
}
