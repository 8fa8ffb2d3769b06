//! DBnomics: one series from `series/{provider}/{dataset}/{series}`, and
//! the reader of its JSON.
//!
//! The response (API v22, `observations=1`) lists the series found under
//! `series.docs`, each with its periods and values in two arrays:
//!
//! ```text
//! {"series": {"num_found": 1, "docs": [{
//!    "provider_code": "AMECO", "dataset_code": "ZUTN", "series_code": "EA19.1.0.0.0.ZUTN",
//!    "@frequency": "annual",
//!    "period": ["2019", "2020", ...], "period_start_day": ["2019-01-01", ...],
//!    "value": [7.6, 8.0, "NA", ...]}]}, ...}
//! ```
//!
//! Periods are `2025`, `2025-Q1`, `2025-05` (DBnomics' own forms, which are
//! the crate's); a value is a number, or `"NA"` for a missing one.
//! `@frequency` other than `annual`, `quarterly` and `monthly` (daily,
//! weekly, bi-annual, ...) is an [`Error::UnsupportedFrequency`].

use std::io::Read;

use serde::Deserialize;
use serde_json::Value as Json;

use super::client::{Client, Request};
use super::fred::read_body;
use super::provider;
use crate::error::{Error, Result};
use crate::input::json::{at, expected, parse};
use crate::input::{Missing, Pos, ReadOptions, SeriesRows, Write, any_period, at_period};
use crate::io::AnySeries;
use crate::period::Frequency;

#[derive(Deserialize)]
struct Document {
    series: Page,
}

#[derive(Deserialize)]
struct Page {
    docs: Vec<Doc>,
}

#[derive(Deserialize)]
struct Doc {
    #[serde(rename = "@frequency", default)]
    frequency: Option<String>,
    #[serde(default)]
    series_code: Option<String>,
    #[serde(default)]
    period: Vec<String>,
    #[serde(default)]
    value: Vec<Json>,
}

/// Reads a DBnomics `series` response as one series: its only series, or
/// the one whose `series_code` [`ReadOptions::series`] names.
///
/// # Errors
/// [`Error::Json`] for malformed JSON; [`Error::At`] with the JSON path
/// for a period or value that is not valid ([`Error::ParsePeriod`],
/// [`Error::NotANumber`], [`Error::DuplicatePeriod`], ...) or arrays of
/// different lengths ([`Error::FieldCount`]);
/// [`Error::UnsupportedFrequency`]; [`Error::MultipleSeries`] or
/// [`Error::SeriesNotFound`] for the selection; [`Error::NoObservations`];
/// the limits of [`ReadOptions`].
pub(crate) fn read(reader: impl Read, options: &ReadOptions) -> Result<AnySeries> {
    let doc: Document = parse(reader, options, |de, _, _| Document::deserialize(de))?;
    let docs = doc.series.docs;
    let (i, doc) = match options.get_series() {
        Some(sel) => docs
            .iter()
            .enumerate()
            .find(|(_, d)| d.series_code.as_deref() == Some(sel))
            .ok_or_else(|| Error::SeriesNotFound {
                selector: sel.to_owned().into(),
                examples: docs
                    .iter()
                    .filter_map(|d| d.series_code.clone())
                    .take(5)
                    .collect(),
            })?,
        None => match docs.as_slice() {
            [one] => (0, one),
            [] => return Err(Error::NoObservations),
            [a, b, ..] => {
                return Err(Error::MultipleSeries {
                    first: a.series_code.clone().unwrap_or_default().into(),
                    second: b.series_code.clone().unwrap_or_default().into(),
                });
            }
        },
    };
    let path = |m: &str| format!("$.series.docs[{i}]{m}");
    let stated = match doc.frequency.as_deref() {
        None => None,
        Some("annual") => Some(Frequency::Annual),
        Some("quarterly") => Some(Frequency::Quarterly),
        Some("monthly") => Some(Frequency::Monthly),
        Some(other) => {
            return Err(at(
                path(".@frequency"),
                Error::UnsupportedFrequency {
                    code: other.to_owned().into(),
                    period: doc.period.first().cloned().unwrap_or_default().into(),
                },
            ));
        }
    };
    if let (Some(s), Some(o)) = (stated, options.get_frequency())
        && s != o
    {
        return Err(Error::FrequencyMismatch {
            expected: o,
            found: s,
        });
    }
    if doc.period.len() != doc.value.len() {
        return Err(at(
            path(".value"),
            Error::FieldCount {
                expected: doc.period.len(),
                found: doc.value.len(),
            },
        ));
    }
    let missing = Missing::new(options, &["NA"]);
    let mut rows = SeriesRows::new(stated.or(options.get_frequency()), options);
    for (j, (period, value)) in doc.period.iter().zip(&doc.value).enumerate() {
        let ppath = path(&format!(".period[{j}]"));
        let vpath = path(&format!(".value[{j}]"));
        let month = rows
            .classifier()
            .classify(period.trim(), || Pos::Path(ppath.clone()))
            .map_err(|e| at(ppath.clone(), e))?;
        let v = match value {
            Json::Null => None,
            Json::Number(n) => match n.as_f64().filter(|x| x.is_finite()) {
                Some(x) => Some(x),
                None => {
                    return Err(at(
                        vpath,
                        Error::ValueTooLarge {
                            text: n.to_string().into(),
                        },
                    ));
                }
            },
            Json::String(s) => missing.parse(s.trim()).map_err(|e| {
                let p = any_period(rows.classifier().frequency(), month);
                at(vpath.clone(), at_period(e, p))
            })?,
            other => return Err(expected(vpath, "a number or \"NA\"", Some(other))),
        };
        rows.put(month, v, Write::Add).map_err(|e| at(ppath, e))?;
    }
    let (frequency, rows) = rows.finish()?;
    AnySeries::from_rows(frequency, rows)
}

impl Client {
    /// A DBnomics series.
    pub(crate) fn dbnomics_series(
        &self,
        provider_code: &str,
        dataset: &str,
        series: &str,
        options: &ReadOptions,
    ) -> Result<AnySeries> {
        let spec = provider::by_id("dbnomics")?;
        let request = Request {
            spec,
            url: format!(
                "{}/series/{provider_code}/{dataset}/{series}?observations=1",
                self.base_url("dbnomics")?
            ),
            with_key: false,
            accept: Some("application/json"),
        };
        let body = self.get(&request)?;
        read_body(spec, &request.url, &body, |r| read(r, options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(json: &str) -> Result<AnySeries> {
        read(json.as_bytes(), &ReadOptions::new())
    }

    #[test]
    fn reads_periods_and_values() {
        let s = one(
            r#"{"series":{"num_found":1,"docs":[{"series_code":"X","@frequency":"quarterly",
            "period":["2024-Q4","2025-Q1","2025-Q2"],"value":[1.5,"NA",2]}]}}"#,
        )
        .unwrap();
        assert_eq!(
            s.to_csv_string(),
            "period,value\n2024-Q4,1.5\n2025-Q1,\n2025-Q2,2\n"
        );
    }

    #[test]
    fn errors_name_the_path() {
        let e = one(r#"{"series":{"docs":[{"@frequency":"monthly","period":["2025-01","2025-01"],"value":[1,2]}]}}"#)
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("at $.series.docs[0].period[1]: duplicate period"),
            "{e}"
        );
        let e = one(
            r#"{"series":{"docs":[{"@frequency":"daily","period":["2025-01-02"],"value":[1]}]}}"#,
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("unsupported frequency \"daily\""),
            "{e}"
        );
        let e = one(r#"{"series":{"docs":[{"period":["2025"],"value":[1,2]}]}}"#).unwrap_err();
        assert!(e.to_string().contains("expected 1 fields, found 2"), "{e}");
        let e = one(r#"{"series":{"docs":[{"period":["2025"],"value":["x"]}]}}"#).unwrap_err();
        assert!(e.to_string().contains("\"x\" is not a number"), "{e}");
        let e = one(r#"{"series":{"docs":[{"series_code":"A","period":[],"value":[]},{"series_code":"B","period":[],"value":[]}]}}"#)
            .unwrap_err();
        assert!(matches!(e, Error::MultipleSeries { .. }), "{e}");
        assert!(matches!(
            one(r#"{"series":{"docs":[]}}"#),
            Err(Error::NoObservations)
        ));
        assert!(matches!(one("{"), Err(Error::Json(_))));
    }
}
