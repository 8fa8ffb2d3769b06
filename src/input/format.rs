//! [`Format`]: the formats the crate reads, and how they are told apart.

use core::fmt;
use core::str::FromStr;
use std::io::{BufRead, BufReader, Read};

use crate::error::{Error, Result};

use super::ReadOptions;

/// An input format the crate reads.
///
/// [`detect`](Format::detect) tells them apart from the start of the input,
/// which is what every reader does unless [`ReadOptions::format`] names one.
///
/// # Example
/// ```
/// use econseries::io::Format;
///
/// assert_eq!(Format::detect(b"observation_date,UNRATE\n2025-09-01,4.4\n"), Format::Csv);
/// assert_eq!(Format::detect(b"observation_date,GDPC1_20250430\n"), Format::AlfredCsv);
/// assert_eq!(Format::detect(b"series_id,period,value\n"), Format::LongCsv);
/// assert_eq!(Format::detect(b"DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE\n"), Format::SdmxCsv);
/// assert_eq!(Format::detect(br#"{"observations":[]}"#), Format::FredJson);
/// assert_eq!(Format::detect(br#"{"meta":{},"data":{}}"#), Format::SdmxJson);
/// assert_eq!(Format::detect(br#"{"frequency":"annual"}"#), Format::Json);
/// assert_eq!("sdmx-csv".parse::<Format>()?, Format::SdmxCsv);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// One series in CSV: `period,value`, or FRED's download
    /// `observation_date,SERIESID` with first-of-period dates and `.` for missing.
    Csv,
    /// A tidy long CSV: a series id, period and value column per row, and
    /// optionally a vintage date or a real-time interval.
    LongCsv,
    /// ALFRED's "observations by vintage date" CSV: one column per vintage,
    /// headed `SERIESID_YYYYMMDD`.
    AlfredCsv,
    /// FRED's or ALFRED's API JSON (`series/observations`).
    FredJson,
    /// An SDMX-CSV 1.0 or 2.0 data message.
    SdmxCsv,
    /// An SDMX-JSON 1.0 or 2.0 data message.
    SdmxJson,
    /// The crate's own series JSON, `{"frequency":…,"start":…,"values":[…]}`.
    Json,
}

/// How much of the input [`Format::detect`] needs at most: the first
/// non-blank line, or this many bytes of it.
pub(crate) const SNIFF_LIMIT: usize = 64 * 1024;

/// The ids a long CSV's series id column may have (ASCII case-insensitive).
pub(crate) const LONG_ID: &[&str] = &["series_id", "series", "id", "key"];
/// The names of a long CSV's period column.
pub(crate) const LONG_PERIOD: &[&str] = &["period", "date", "observation_date", "time_period"];
/// The names of a long CSV's value column.
pub(crate) const LONG_VALUE: &[&str] = &["value", "obs_value"];

impl Format {
    /// Every format, in the order of this enum.
    pub const ALL: [Format; 7] = [
        Format::Csv,
        Format::LongCsv,
        Format::AlfredCsv,
        Format::FredJson,
        Format::SdmxCsv,
        Format::SdmxJson,
        Format::Json,
    ];

    /// The format of an input that starts with `head` (its first non-blank
    /// line, or its first 64 KiB; more is not looked at).
    ///
    /// - JSON (the first character other than white space is `{`): SDMX-JSON
    ///   if a member `dataSets`, `structure`, `structures`, `meta` or `header`
    ///   appears, FRED JSON if `observations` or `realtime_start` does, else
    ///   the series JSON;
    /// - CSV whose first field starts with `DATAFLOW` or `STRUCTURE`:
    ///   SDMX-CSV;
    /// - CSV with a header field after the first that ends in `_` and eight
    ///   digits (`GDPC1_20250430`, even if the digits are not a valid date, so
    ///   the error says so): ALFRED CSV;
    /// - CSV with a series id, a period and a value column named as a long
    ///   CSV's (`series_id`, `period`, `value` and their alternatives): long CSV;
    /// - anything else: CSV.
    pub fn detect(head: &[u8]) -> Format {
        let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let text = match text.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => text.get(i..).unwrap_or_default(),
            None => return Format::Csv,
        };
        if text.first() == Some(&b'{') {
            let has = |member: &str| {
                let quoted = format!("\"{member}\"");
                text.windows(quoted.len()).any(|w| w == quoted.as_bytes())
            };
            return if ["dataSets", "structure", "structures", "meta", "header"]
                .iter()
                .any(|m| has(m))
            {
                Format::SdmxJson
            } else if has("observations") || has("realtime_start") {
                Format::FredJson
            } else {
                Format::Json
            };
        }
        let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
        let line = String::from_utf8_lossy(line);
        let upper = line.trim_start().to_ascii_uppercase();
        if upper.starts_with("DATAFLOW") || upper.starts_with("STRUCTURE") {
            return Format::SdmxCsv;
        }
        let fields: Vec<&str> = line
            .split(',')
            .map(|f| f.trim().trim_matches('"').trim())
            .collect();
        if fields
            .iter()
            .skip(1)
            .any(|f| super::vintage_column(f).is_some())
        {
            return Format::AlfredCsv;
        }
        let named = |names: &[&str]| {
            fields
                .iter()
                .any(|f| names.iter().any(|n| f.eq_ignore_ascii_case(n)))
        };
        if named(LONG_ID) && named(LONG_PERIOD) && named(LONG_VALUE) {
            return Format::LongCsv;
        }
        Format::Csv
    }

    /// The format's name on the command line: `csv`, `long-csv`,
    /// `alfred-csv`, `fred-json`, `sdmx-csv`, `sdmx-json`, `json`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::LongCsv => "long-csv",
            Format::AlfredCsv => "alfred-csv",
            Format::FredJson => "fred-json",
            Format::SdmxCsv => "sdmx-csv",
            Format::SdmxJson => "sdmx-json",
            Format::Json => "json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Parses a format's [`name`](Format::name).
    fn from_str(s: &str) -> Result<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error::InvalidArgument {
                name: "format",
                value: s.to_owned().into(),
                expected: "csv, long-csv, alfred-csv, fred-json, sdmx-csv, sdmx-json or json",
            })
    }
}

/// An input whose first bytes have been looked at: they are read again first.
pub(crate) type Peeked<R> = std::io::Chain<std::io::Cursor<Vec<u8>>, BufReader<R>>;

/// Reads the start of `reader` (up to the end of its first non-blank line,
/// at most [`SNIFF_LIMIT`] bytes) and returns the format it shows (or the
/// one `options` names) with a reader that yields those bytes again.
///
/// # Errors
/// [`Error::Io`] if the reader fails.
pub(crate) fn peek<R: Read>(reader: R, options: &ReadOptions) -> Result<(Format, Peeked<R>)> {
    let mut rest = BufReader::with_capacity(super::CHUNK, reader);
    let mut head = Vec::new();
    loop {
        let room = (SNIFF_LIMIT - head.len().min(SNIFF_LIMIT)) as u64;
        if room == 0 || (&mut rest).take(room).read_until(b'\n', &mut head)? == 0 {
            break;
        }
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        if body.iter().any(|b| !b.is_ascii_whitespace()) {
            // JSON may be spread over lines: keep up to the limit for its members.
            if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
                continue;
            }
            break;
        }
    }
    let format = match options.get_format() {
        Some(f) => f,
        None => {
            let found = Format::detect(&head);
            let columns = options.get_key_columns().is_some()
                || options.get_time_column().is_some()
                || options.get_value_column().is_some();
            if found == Format::Csv && columns {
                Format::LongCsv
            } else {
                found
            }
        }
    };
    Ok((format, std::io::Cursor::new(head).chain(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        assert_eq!(Format::detect(b""), Format::Csv);
        assert_eq!(Format::detect(b"\n\n  2025-01,1\n"), Format::Csv);
        assert_eq!(
            Format::detect(b"\xEF\xBB\xBFSTRUCTURE;STRUCTURE_ID"),
            Format::SdmxCsv
        );
        assert_eq!(Format::detect(b"structure,x"), Format::SdmxCsv);
        // An impossible vintage date is still ALFRED's shape, so the error says what is wrong.
        assert_eq!(Format::detect(b"date,GDPC1_20251340\n"), Format::AlfredCsv);
        assert_eq!(Format::detect(b"ID,Date,Value,vintage\n"), Format::LongCsv);
        assert_eq!(Format::detect(b"  {\"header\":{}}"), Format::SdmxJson);
        assert_eq!(
            Format::detect(b"{\"realtime_start\":\"2025-01-01\""),
            Format::FredJson
        );
        assert_eq!(Format::detect(b"{\"start\":\"2025\"}"), Format::Json);
        assert!("xml".parse::<Format>().is_err());
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>().ok(), Some(f));
        }
    }

    #[test]
    fn peek_keeps_every_byte() {
        let input = b"\n\n{\"a\":1,\n\"observations\":[]}\n";
        let (format, mut r) = peek(&input[..], &ReadOptions::new()).unwrap();
        assert_eq!(format, Format::FredJson);
        let mut back = Vec::new();
        r.read_to_end(&mut back).unwrap();
        assert_eq!(back, input);
        let (format, _) = peek(
            &b"c,period,value\n"[..],
            &ReadOptions::new().key_columns(["c"]),
        )
        .unwrap();
        assert_eq!(format, Format::LongCsv);
    }
}
