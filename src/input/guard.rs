//! [`Guard`]: the one reader wrapper that enforces the limits of
//! [`ReadOptions`] on the bytes pulled through it.

use std::cell::Cell;
use std::io::{self, Read};
use std::ops::Range;
use std::rc::Rc;

use crate::error::Error;

use super::{CHUNK, ReadOptions};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A limit that stopped a [`Guard`].
#[derive(Clone, Debug)]
enum Stop {
    /// A record longer than `limit` starting on `line`, quoted by its start.
    Line {
        line: u64,
        text: String,
        limit: usize,
    },
    /// More than `limit` bytes in all.
    Bytes(u64),
    /// More than `limit` bytes while a document part was held.
    Held(u64),
}

/// A temporary byte limit a document reader sets while it holds text it
/// cannot interpret yet, shared with the [`Guard`] below the parser: at most
/// this many more bytes from when it is set, until it is cleared.
pub(crate) type HoldLimit = Rc<Cell<Option<u64>>>;

/// A reader that enforces [`ReadOptions`] on the bytes pulled through it.
///
/// For CSV ([`Guard::csv`]) it keeps the bytes the parser has pulled but whose
/// record has not been handled yet, so that an error can quote the record as
/// written, and stops a record longer than
/// [`max_line_len`](ReadOptions::max_line_len). The CSV parser reads ahead by
/// at most its buffer ([`CHUNK`]), so this holds the current record plus a
/// few kilobytes, never the whole input: blank lines before a record are
/// dropped as they arrive, and the consumer forgets each record with
/// [`consume`](Guard::consume) once handled.
///
/// For a document ([`Guard::document`]) it keeps nothing and counts bytes only.
///
/// Hitting a limit fails the read with an I/O error and records the limit,
/// so the consumer turns the parser's error back into a typed one with
/// [`explain`](Guard::explain).
#[derive(Debug)]
pub(crate) struct Guard<R> {
    inner: R,
    keep: bool,
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
    hold: HoldLimit,
    /// The bytes pulled when the hold limit was set.
    hold_base: Option<u64>,
    exceeded: Option<Stop>,
}

impl<R> Guard<R> {
    /// A guard for CSV: record length and total size, keeping the current
    /// record for quoting.
    pub(crate) fn csv(inner: R, options: &ReadOptions) -> Guard<R> {
        Guard {
            inner,
            keep: true,
            buf: Vec::new(),
            head: 0,
            start: 0,
            newlines: 0,
            pulled: 0,
            max_line_len: options.get_max_line_len(),
            max_bytes: options.get_max_bytes(),
            hold: Rc::new(Cell::new(None)),
            hold_base: None,
            exceeded: None,
        }
    }

    /// A guard for a document read by a streaming parser (JSON): total size
    /// only, plus a [`HoldLimit`] its reader may set.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn document(inner: R, options: &ReadOptions) -> Guard<R> {
        Guard {
            keep: false,
            max_line_len: None,
            ..Guard::csv(inner, options)
        }
    }

    /// The temporary byte limit shared with this guard.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn hold_limit(&self) -> HoldLimit {
        Rc::clone(&self.hold)
    }

    /// The limit error that stopped the input, or `other`.
    pub(crate) fn explain(&self, other: Error) -> Error {
        match &self.exceeded {
            Some(Stop::Line { line, text, limit }) => Error::Read {
                line: *line,
                text: text.clone().into(),
                source: Box::new(Error::LineTooLong { limit: *limit }),
            },
            Some(Stop::Bytes(limit)) => Error::InputTooLarge { limit: *limit },
            Some(Stop::Held(limit)) => Error::DataBeforeStructure { limit: *limit },
            None => other,
        }
    }

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

    /// The 1-based line number and the byte range (within the live bytes) of
    /// the record that ends at stream offset `end`, without the blank lines
    /// before it, a byte-order mark and its line terminator.
    pub(crate) fn locate(&self, end: u64) -> (u64, Range<usize>) {
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

    /// The text of `range` (as [`locate`](Guard::locate) gives it), invalid
    /// UTF-8 replaced.
    pub(crate) fn text(&self, range: Range<usize>) -> String {
        String::from_utf8_lossy(self.live().get(range).unwrap_or_default()).into_owned()
    }

    /// The first 80 bytes of the live text from `from`, for quoting a record
    /// too long to quote whole.
    pub(crate) fn prefix(&self, from: usize) -> String {
        let live = self.live().get(from..).unwrap_or_default();
        let line = live.split(|&b| b == b'\n').next().unwrap_or_default();
        let cut = line.get(..80).unwrap_or(line);
        let mut text = String::from_utf8_lossy(cut).into_owned();
        text.push('…');
        text
    }

    /// Forgets the bytes before stream offset `end`.
    pub(crate) fn consume(&mut self, end: u64) {
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

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.keep {
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
        }
        if let Some(limit) = self.max_bytes
            && self.pulled > limit
        {
            self.exceeded = Some(Stop::Bytes(limit));
        }
        let held = match (self.hold.get(), self.hold_base) {
            (Some(limit), Some(base)) => Some((limit, base)),
            (Some(limit), None) => {
                self.hold_base = Some(self.pulled);
                Some((limit, self.pulled))
            }
            (None, _) => {
                self.hold_base = None;
                None
            }
        };
        if let Some((limit, base)) = held
            && self.pulled - base > limit
        {
            self.exceeded = Some(Stop::Held(limit));
        }
        if self.exceeded.is_some() {
            return Err(io::Error::other("input limit reached"));
        }
        let mut want = out.len().min(CHUNK);
        let hold = held.map(|(limit, base)| base.saturating_add(limit));
        for limit in [self.max_bytes, hold].into_iter().flatten() {
            // One byte past the limit shows that the input exceeds it.
            let room = limit.saturating_add(1).saturating_sub(self.pulled);
            want = want.min(usize::try_from(room).unwrap_or(usize::MAX));
        }
        let out = out.get_mut(..want).unwrap_or_default();
        let n = self.inner.read(out)?;
        self.pulled = self.pulled.saturating_add(n as u64);
        if self.keep {
            self.buf.extend_from_slice(out.get(..n).unwrap_or_default());
        }
        Ok(n)
    }
}

fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_a_long_record_and_a_large_input() {
        let data = vec![b'x'; 100_000];
        let opts = ReadOptions::unlimited().max_line_len(10);
        let mut g = Guard::csv(data.as_slice(), &opts);
        let mut sink = Vec::new();
        assert!(g.read_to_end(&mut sink).is_err());
        assert!(matches!(
            g.explain(Error::NoObservations),
            Error::Read { line: 1, .. }
        ));
        assert!(sink.len() <= 10 + 2 * CHUNK);

        let opts = ReadOptions::unlimited().max_bytes(1000);
        let mut g = Guard::document(data.as_slice(), &opts);
        let mut sink = Vec::new();
        assert!(g.read_to_end(&mut sink).is_err());
        assert!(matches!(
            g.explain(Error::NoObservations),
            Error::InputTooLarge { limit: 1000 }
        ));
        assert_eq!(sink.len(), 1001);
        assert!(g.buf.is_empty(), "a document guard keeps nothing");

        let mut g = Guard::document(data.as_slice(), &ReadOptions::unlimited());
        g.hold_limit().set(Some(500));
        let mut sink = Vec::new();
        assert!(g.read_to_end(&mut sink).is_err());
        assert!(matches!(
            g.explain(Error::NoObservations),
            Error::DataBeforeStructure { limit: 500 }
        ));

        let opts = ReadOptions::unlimited().max_bytes(100_000);
        let mut g = Guard::document(data.as_slice(), &opts);
        let mut sink = Vec::new();
        assert_eq!(g.read_to_end(&mut sink).ok(), Some(100_000));
    }
}
