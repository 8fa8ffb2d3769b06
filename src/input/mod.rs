//! What every reader shares: the one options value, the input guard, CSV
//! records with their lines, the period classifier, value parsing and format
//! detection.
//!
//! This module sits below both [`io`](crate::io) (single series, SDMX) and
//! [`vintage`](crate::vintage) (ALFRED, vintaged long CSV and FRED JSON), so
//! that neither reaches into the other: `io` never imports `vintage`, and the
//! vintage readers use only these building blocks and `io`'s public types.
//! Its public items ([`ReadOptions`], [`Format`]) are re-exported by `io`.

mod classify;
mod format;
mod guard;
#[cfg(feature = "serde")]
pub(crate) mod json;
pub(crate) mod long;
mod options;
mod pos;
mod records;
mod series;
mod value;

#[cfg_attr(not(feature = "panel"), allow(unused_imports))]
pub(crate) use classify::{Classifier, any_period, fits, infer, period_index, token_month};
pub use format::Format;
pub(crate) use format::{LONG_ID, LONG_PERIOD, LONG_VALUE, Peeked, peek};
#[cfg_attr(not(feature = "serde"), allow(unused_imports))]
pub(crate) use guard::{Guard, HoldLimit};
pub use options::ReadOptions;
pub(crate) use pos::Pos;
pub(crate) use records::Records;
pub(crate) use series::{Rows, SeriesRows, Write};
pub(crate) use value::{
    ALFRED_MISSING, CSV_MISSING, Missing, SDMX_MISSING, at_period, parse_number,
};

/// The bytes the readers pull from their input at a time: a record is found
/// to be too long at most this many bytes after it passes the limit.
pub(crate) const CHUNK: usize = 8 * 1024;

/// The series id and the eight digits of an ALFRED vintage column
/// (`GDPC1_20250430`), by shape only: the digits may not be a valid date.
pub(crate) fn vintage_column(field: &str) -> Option<(&str, &str)> {
    let (id, digits) = field.rsplit_once('_')?;
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then_some((id, digits))
}

/// The delimiter of a CSV format: `,` for all but SDMX-CSV, whose first
/// header field says (see [`crate::io::sdmx`]).
pub(crate) const COMMA: u8 = b',';

/// `text` as a CSV field, quoted if it needs it (a comma, quote, line end
/// or outer space), for the writers of long CSV.
pub(crate) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text != text.trim() {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_fields() {
        assert_eq!(csv_field("EXR.M.USD.EUR.SP00.A"), "EXR.M.USD.EUR.SP00.A");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(
            vintage_column("GDPC1_20250430"),
            Some(("GDPC1", "20250430"))
        );
        assert_eq!(vintage_column("GDPC1_2025043"), None);
    }
}
