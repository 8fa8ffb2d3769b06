//! SDMX-CSV 1.0 and 2.0 data messages, streamed row by row into a [`Sink`].

use std::borrow::Cow;
use std::io::Read;

use crate::error::{Error, Result};
use crate::input::{Missing, Peeked, ReadOptions, Records, SDMX_MISSING, parse_number};

use super::sink::{Action, Row, Sink};

/// Columns reserved by SDMX-CSV that are neither dimensions nor attributes of
/// the data (ids compared ASCII case-insensitively).
const STRUCTURE: &[&str] = &[
    "DATAFLOW",
    "STRUCTURE",
    "STRUCTURE_ID",
    "STRUCTURE_NAME",
    "SERIES_KEY",
    "OBS_KEY",
];

/// Columns before `OBS_VALUE` that are not dimensions: the action of a 2.0
/// row (applied, not kept) and Eurostat's `LAST UPDATE` (an attribute).
const NOT_DIMENSIONS: &[&str] = &["ACTION", "LAST UPDATE"];

/// Reads an SDMX-CSV message into `sink`.
///
/// # Errors
/// See [`SdmxData::read`](super::SdmxData::read).
pub(crate) fn read<R: Read>(
    input: Peeked<R>,
    options: &ReadOptions,
    sink: &mut impl Sink,
) -> Result<()> {
    let head = input.get_ref().0.get_ref();
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let first = body.get(start..).unwrap_or_default();
    let header_line = 1 + body
        .get(..start)
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64;
    let delimiter = delimiter(first).map_err(|e| Error::Read {
        line: header_line,
        text: String::from_utf8_lossy(first.split(|&b| b == b'\n').next().unwrap_or_default())
            .trim_end()
            .to_owned()
            .into(),
        source: Box::new(e),
    })?;
    let mut records = Records::new(input, options, delimiter);
    if !records.next()? {
        return Err(Error::NoObservations);
    }
    let labels = (0..records.len()).any(|i| records.field(i).contains(": "));
    let ids: Vec<String> = (0..records.len())
        .map(|i| column_id(&records.field(i)))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if ids
            .get(..i)
            .is_some_and(|before| before.iter().any(|b| b.eq_ignore_ascii_case(id)))
        {
            return Err(records.at(Error::DuplicateColumn {
                column: id.clone().into(),
            }));
        }
    }
    let layout = Layout::find(&ids, options).map_err(|e| records.at(e))?;
    let missing = Missing::new(options, SDMX_MISSING);
    let decimal_comma = delimiter == b';';
    let mut rows = 0usize;
    while records.next()? {
        records.count_row()?;
        if records.len() != ids.len() {
            return Err(records.at(Error::FieldCount {
                expected: ids.len(),
                found: records.len(),
            }));
        }
        let fields: Vec<Cow<'_, str>> = (0..records.len()).map(|i| records.field(i)).collect();
        let field = |i: usize| -> &str {
            let f = fields.get(i).map_or("", |f| f.as_ref());
            if labels { strip_label(f) } else { f }
        };
        let id = |i: usize| ids.get(i).map_or("", String::as_str);
        let value_text = fields.get(layout.value).map_or("", |f| f.as_ref());
        let action = match layout.action {
            Some(i) => Action::parse(field(i), !value_text.is_empty())
                .map_err(|e| records.in_field(id(i), i, e))?,
            None => Action::Information,
        };
        let time = field(layout.time);
        let value = if matches!(action, Action::Delete { .. }) {
            None
        } else {
            if time.is_empty() {
                return Err(records.in_field(
                    id(layout.time),
                    layout.time,
                    Error::UnrecognisedPeriod {
                        input: String::new().into(),
                    },
                ));
            }
            parse_value(value_text, decimal_comma, &missing)
                .map_err(|e| records.in_field(id(layout.value), layout.value, e))?
        };
        let dims: Vec<(&str, &str)> = layout
            .dimensions
            .iter()
            .map(|&i| (id(i), field(i)))
            .collect();
        let attributes: Vec<(&str, &str)> = layout
            .attributes
            .iter()
            .map(|&i| (id(i), field(i)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let row = Row {
            flow: layout.flow.map(field),
            dims: &dims,
            time,
            value,
            action,
            attributes: &attributes,
        };
        sink.row(&row, &|| records.pos())
            .map_err(|e| records.at(e))?;
        rows += 1;
    }
    if rows == 0 {
        return Err(Error::NoObservations);
    }
    Ok(())
}

/// An `OBS_VALUE`: a missing marker, or a number (with a decimal comma when
/// the separator is `;`); errors quote the value as written.
fn parse_value(text: &str, decimal_comma: bool, missing: &Missing) -> Result<Option<f64>> {
    if missing.is_missing(text) {
        return Ok(None);
    }
    let converted;
    let t = if decimal_comma && text.contains(',') {
        converted = text.replace(',', ".");
        converted.as_str()
    } else {
        text
    };
    parse_number(t).map(Some).map_err(|e| match e {
        Error::NotANumber { .. } => Error::NotANumber {
            text: text.to_owned().into(),
        },
        Error::ValueTooLarge { .. } => Error::ValueTooLarge {
            text: text.to_owned().into(),
        },
        other => other,
    })
}

/// The field separator: the character after `DATAFLOW`, or after
/// `STRUCTURE` and its optional `[…]` sub-field separator.
fn delimiter(text: &[u8]) -> Result<u8> {
    let upper = |n: usize| text.get(..n).map(<[u8]>::to_ascii_uppercase);
    let rest = if upper(8).as_deref() == Some(b"DATAFLOW") {
        text.get(8..)
    } else if upper(9).as_deref() == Some(b"STRUCTURE") {
        let rest = text.get(9..).unwrap_or_default();
        match rest.first() {
            Some(b'[') => rest
                .iter()
                .position(|&b| b == b']')
                .and_then(|i| rest.get(i + 1..)),
            _ => Some(rest),
        }
    } else {
        None
    };
    let first_field = String::from_utf8_lossy(
        text.split(|&b| matches!(b, b',' | b';' | b'\t' | b'|' | b'\n' | b'\r'))
            .next()
            .unwrap_or_default(),
    )
    .into_owned();
    let bad = || Error::BadHeader {
        column: first_field.clone().into(),
        expected: "DATAFLOW (SDMX-CSV 1.0) or STRUCTURE (SDMX-CSV 2.0) followed by the field separator",
    };
    match rest.and_then(|r| r.first()) {
        Some(&b) if b.is_ascii_punctuation() && b != b'"' || b == b'\t' => Ok(b),
        _ => Err(bad()),
    }
}

/// The id of a header field: without a `: label` and a `[…]` suffix.
fn column_id(field: &str) -> String {
    let f = field.trim().trim_start_matches('\u{feff}');
    let f = strip_label(f);
    let f = match f.find('[') {
        Some(i) if f.ends_with(']') => f.get(..i).unwrap_or(f),
        _ => f,
    };
    f.to_owned()
}

/// `A: Value A` → `A`.
fn strip_label(field: &str) -> &str {
    field.split_once(": ").map_or(field, |(id, _)| id)
}

/// Which columns hold what.
struct Layout {
    flow: Option<usize>,
    action: Option<usize>,
    time: usize,
    value: usize,
    dimensions: Vec<usize>,
    attributes: Vec<usize>,
}

impl Layout {
    fn find(ids: &[String], options: &ReadOptions) -> Result<Layout> {
        let position = |name: &str| ids.iter().position(|h| h.eq_ignore_ascii_case(name));
        let need = |name: &str| {
            position(name).ok_or_else(|| Error::MissingColumn {
                column: name.to_owned().into(),
            })
        };
        let time = need(options.get_time_column().unwrap_or("TIME_PERIOD"))?;
        let value = need(options.get_value_column().unwrap_or("OBS_VALUE"))?;
        let flow = position("STRUCTURE_ID").or_else(|| position("DATAFLOW"));
        let action = position("ACTION");
        let reserved = |i: usize| {
            ids.get(i)
                .is_some_and(|h| STRUCTURE.iter().any(|r| h.eq_ignore_ascii_case(r)))
        };
        let not_dimension = |i: usize| {
            ids.get(i)
                .is_some_and(|h| NOT_DIMENSIONS.iter().any(|r| h.eq_ignore_ascii_case(r)))
        };
        let given = options.get_key_columns();
        let dimensions: Vec<usize> = match given {
            Some(names) => names.iter().map(|n| need(n)).collect::<Result<_>>()?,
            None => (0..value)
                .filter(|&i| i != time && !reserved(i) && !not_dimension(i))
                .collect(),
        };
        let attributes = (0..ids.len())
            .filter(|&i| i != time && i != value && Some(i) != action)
            .filter(|&i| !reserved(i) && !dimensions.contains(&i))
            .filter(|&i| given.is_some() || i > value || not_dimension(i))
            .collect();
        Ok(Layout {
            flow,
            action,
            time,
            value,
            dimensions,
            attributes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_labels() {
        assert_eq!(delimiter(b"DATAFLOW;A").unwrap(), b';');
        assert_eq!(delimiter(b"STRUCTURE[;],STRUCTURE_ID").unwrap(), b',');
        assert_eq!(delimiter(b"structure,x").unwrap(), b',');
        assert!(delimiter(b"period,value").is_err());
        assert!(delimiter(b"DATAFLOWX").is_err());
        assert_eq!(column_id("ATTR_1[]"), "ATTR_1");
        assert_eq!(column_id("DIM_1: Dimension 1"), "DIM_1");
        assert_eq!(column_id("STRUCTURE[;]"), "STRUCTURE");
    }

    #[test]
    fn decimal_comma_errors_quote_the_text_as_written() {
        let m = Missing::new(&ReadOptions::new(), SDMX_MISSING);
        assert_eq!(parse_value("12,4", true, &m).unwrap(), Some(12.4));
        assert_eq!(parse_value("NaN", false, &m).unwrap(), None);
        let e = parse_value("12,4x", true, &m).unwrap_err();
        assert!(
            matches!(e, Error::NotANumber { ref text } if &**text == "12,4x"),
            "{e}"
        );
    }
}
