//! [`Pos`]: where in the input a value came from, for errors.

use crate::error::Error;

/// Where a value came from: a line of a delimited file with the record as
/// written, a JSON path, or a row of a data frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pos {
    /// A 1-based line and the record as read.
    Line {
        /// The line the record starts on.
        line: u64,
        /// The record as written.
        text: String,
    },
    /// A JSON path such as `$.observations[3].date`.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Path(String),
    /// A 0-based row of a data frame.
    #[cfg_attr(not(feature = "panel"), allow(dead_code))]
    Row(usize),
}

impl Pos {
    /// `source` at this position; an error that already carries a position
    /// (reported where its cause was found) is returned as it is.
    pub(crate) fn wrap(&self, source: Error) -> Error {
        if matches!(
            source,
            Error::Read { .. } | Error::At { .. } | Error::Row { .. }
        ) {
            return source;
        }
        match self {
            Pos::Line { line, text } => Error::Read {
                line: *line,
                text: text.clone().into(),
                source: Box::new(source),
            },
            Pos::Path(path) => Error::At {
                path: path.clone().into(),
                source: Box::new(source),
            },
            Pos::Row(row) => Error::Row {
                row: *row,
                source: Box::new(source),
            },
        }
    }
}
