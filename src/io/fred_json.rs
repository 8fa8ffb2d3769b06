//! FRED's and ALFRED's JSON, as the API's `fred/series/observations` returns it.
//!
//! ```text
//! {"realtime_start":"2025-04-30","realtime_end":"2025-05-28", …,
//!  "observations":[
//!    {"realtime_start":"2025-04-30","realtime_end":"2025-05-28","date":"2025-01-01","value":"23526.085"},
//!    {"realtime_start":"2025-04-30","realtime_end":"2025-05-28","date":"2025-04-01","value":"."}]}
//! ```
//!
//! `date` is FRED's first-of-period date (any period form the crate reads is
//! accepted); `value` is a string, `"."` for a missing value (a JSON number or
//! `null` is accepted too). An observation's `realtime_start`/`realtime_end`
//! default to the document's. Members other than these are ignored.
//!
//! Errors are [`Error::At`] with the JSON path of the offending value
//! (`$.observations[3].value`); malformed JSON is [`Error::Json`], whose
//! message gives the line and column.

use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::io::AnySeries;
use crate::io::read::parse_value;
use crate::period::Period;
use crate::series::Series;
use crate::vintage::raw::{Pos, RawRow, RawVintaged, When};
use crate::vintage::{AnyVintagedSeries, RealtimeInterval, VintagedSeries};

impl<P: Period> Series<P> {
    /// Reads FRED's JSON observations (see [`crate::io::fred_json`]), ignoring
    /// their real-time periods.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON; [`Error::At`] with the JSON path
    /// for a missing or mistyped member ([`Error::UnexpectedJson`]), a bad
    /// date or value, or a date given twice ([`Error::DuplicatePeriod`]: a
    /// document with several real-time periods is a vintaged series, read it
    /// with [`VintagedSeries::from_fred_json`]). [`Error::NoObservations`] if
    /// there are none.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series};
    ///
    /// let json = r#"{"observations":[
    ///   {"realtime_start":"2026-01-09","realtime_end":"2026-01-09","date":"2025-09-01","value":"4.4"},
    ///   {"realtime_start":"2026-01-09","realtime_end":"2026-01-09","date":"2025-10-01","value":"."},
    ///   {"realtime_start":"2026-01-09","realtime_end":"2026-01-09","date":"2025-11-01","value":"4.6"}]}"#;
    /// let unrate = Series::<Month>::from_fred_json(json)?;
    /// assert_eq!(unrate.get("2025-10".parse()?), None);
    /// assert_eq!(unrate.get("2025-11".parse()?), Some(4.6));
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_fred_json(json: &str) -> Result<Series<P>> {
        Ok(parse(json, false)?.into_typed::<P>()?.latest())
    }
}

impl AnySeries {
    /// Reads FRED's JSON observations, inferring the frequency from the dates
    /// as [`AnySeries::read_csv`] does; see [`Series::from_fred_json`].
    ///
    /// # Errors
    /// As [`Series::from_fred_json`].
    pub fn from_fred_json(json: &str) -> Result<AnySeries> {
        Self::from_fred_json_document(json)
    }

    /// Reads FRED's JSON observations from a reader, within
    /// [`ReadOptions::max_bytes`](crate::io::ReadOptions::max_bytes) (the
    /// document is parsed as a whole, so its size bounds memory); see
    /// [`from_fred_json`](Self::from_fred_json).
    ///
    /// # Errors
    /// As [`from_fred_json`](Self::from_fred_json); [`Error::InputTooLarge`]
    /// past the limit; [`Error::Io`] if the reader fails.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let json = r#"{"observations":[{"date":"2025-09-01","value":"4.4"}]}"#;
    /// let s = AnySeries::read_fred_json_with(json.as_bytes(), &ReadOptions::new().max_bytes(1 << 20))?;
    /// assert_eq!(s.count(), 1);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn read_fred_json_with(
        reader: impl std::io::Read,
        options: &crate::io::ReadOptions,
    ) -> Result<AnySeries> {
        Self::from_fred_json_document(&crate::io::limits::read_document(reader, options)?)
    }

    fn from_fred_json_document(json: &str) -> Result<AnySeries> {
        Ok(parse(json, false)?.into_any()?.latest())
    }
}

impl<P: Period> VintagedSeries<P> {
    /// Reads ALFRED's JSON observations by real-time period (the API called
    /// with `realtime_start`/`realtime_end`), one object per value and
    /// real-time period.
    ///
    /// # Errors
    /// As [`Series::from_fred_json`], except that a date may repeat; a missing
    /// or bad real-time date is an [`Error::At`]; two intervals of one date
    /// that overlap are [`Error::OverlappingRealtime`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, vintage::VintagedSeries};
    ///
    /// let json = r#"{"observations":[
    ///   {"realtime_start":"2025-04-30","realtime_end":"2025-05-28","date":"2025-01-01","value":"23526.085"},
    ///   {"realtime_start":"2025-05-29","realtime_end":"9999-12-31","date":"2025-01-01","value":"23528.047"}]}"#;
    /// let gdp = VintagedSeries::<Quarter>::from_fred_json(json)?;
    /// let q1 = "2025-Q1".parse()?;
    /// assert_eq!(gdp.first_release().get(q1), Some(23526.085));
    /// assert_eq!(gdp.as_of("2025-06-01".parse()?).get(q1), Some(23528.047));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_fred_json(json: &str) -> Result<VintagedSeries<P>> {
        parse(json, true)?.into_typed()
    }
}

impl AnyVintagedSeries {
    /// Reads ALFRED's JSON observations by real-time period, inferring the
    /// frequency; see [`VintagedSeries::from_fred_json`].
    ///
    /// # Errors
    /// As [`VintagedSeries::from_fred_json`].
    pub fn from_fred_json(json: &str) -> Result<AnyVintagedSeries> {
        parse(json, true)?.into_any()
    }
}

/// The JSON type of `v`, for messages.
pub(crate) fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

pub(crate) fn at(path: impl Into<String>, source: Error) -> Error {
    Error::At {
        path: path.into(),
        source: Box::new(source),
    }
}

pub(crate) fn expected(
    path: impl Into<String>,
    expected: &'static str,
    found: Option<&Json>,
) -> Error {
    at(
        path,
        Error::UnexpectedJson {
            expected,
            found: found.map_or("missing", kind),
        },
    )
}

fn string(v: Option<&Json>, path: impl Fn() -> String) -> Result<&str> {
    match v {
        Some(Json::String(s)) => Ok(s),
        other => Err(expected(path(), "a string", other)),
    }
}

fn date(v: Option<&Json>, path: impl Fn() -> String) -> Result<chrono::NaiveDate> {
    let s = string(v, &path)?;
    s.parse().map_err(|_| {
        at(
            path(),
            Error::BadHeader {
                column: s.to_owned(),
                expected: "a date YYYY-MM-DD",
            },
        )
    })
}

fn parse(json: &str, vintaged: bool) -> Result<RawVintaged> {
    let doc: Json = serde_json::from_str(json)?;
    let Json::Object(root) = &doc else {
        return Err(expected("$", "an object", Some(&doc)));
    };
    let observations = match root.get("observations") {
        Some(Json::Array(a)) => a,
        other => return Err(expected("$.observations", "an array", other)),
    };
    let mut raw = RawVintaged::default();
    for (i, obs) in observations.iter().enumerate() {
        let path = |member: &str| format!("$.observations[{i}]{member}");
        let Json::Object(obs) = obs else {
            return Err(expected(path(""), "an object", Some(obs)));
        };
        let period = string(obs.get("date"), || path(".date"))?.to_owned();
        let value = match obs.get("value") {
            Some(Json::String(s)) => parse_value(s.trim(), &period),
            Some(Json::Number(n)) => {
                n.as_f64()
                    .filter(|x| x.is_finite())
                    .map(Some)
                    .ok_or_else(|| Error::NotANumber {
                        text: n.to_string(),
                    })
            }
            Some(Json::Null) => Ok(None),
            other => return Err(expected(path(".value"), "a string", other)),
        }
        .map_err(|e| at(path(".value"), e))?;
        let when = if vintaged {
            let bound = |member: &'static str| {
                let v = obs.get(member).or_else(|| root.get(member));
                date(v, || path(&format!(".{member}")))
            };
            let (start, end) = (bound("realtime_start")?, bound("realtime_end")?);
            When::Interval(RealtimeInterval::new(start, end).map_err(|e| at(path(""), e))?)
        } else {
            When::Vintage(chrono::NaiveDate::MIN)
        };
        raw.rows.push(RawRow {
            period,
            pos: Pos::Path(path(".date")),
            when,
            value,
        });
    }
    if raw.rows.is_empty() {
        return Err(Error::NoObservations);
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;

    #[test]
    fn paths_in_errors() {
        let e = AnySeries::from_fred_json("[]").unwrap_err();
        assert_eq!(e.to_string(), "at $: expected an object, found an array");
        let e = AnySeries::from_fred_json(r#"{"observations":{}}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "at $.observations: expected an array, found an object"
        );
        let e =
            AnySeries::from_fred_json(r#"{"observations":[{"date":"2025-01-01","value":"x"}]}"#)
                .unwrap_err();
        assert_eq!(
            e.to_string(),
            "at $.observations[0].value: \"x\" is not a number"
        );
        let e = AnySeries::from_fred_json(
            r#"{"observations":[{"date":"2025-01-01","value":"1"},{"date":"2025-13-01","value":"1"}]}"#,
        )
        .unwrap_err();
        assert!(
            e.to_string().starts_with("at $.observations[1].date: "),
            "{e}"
        );
        let e = VintagedSeries::<Quarter>::from_fred_json(
            r#"{"observations":[{"date":"2025-01-01","value":"1","realtime_start":"2025-02-01"}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "at $.observations[0].realtime_end: expected a string, found missing"
        );
        let e = AnySeries::from_fred_json("{\"observations\":[\n{\"date\":}").unwrap_err();
        assert!(matches!(e, Error::Json(_)), "{e}");
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = AnySeries::from_fred_json(
            r#"{"observations":[{"date":"2025-01-01","value":"1"},{"date":"2025-01-01","value":"2"}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "at $.observations[1].date: duplicate period 2025-01"
        );
    }

    #[test]
    fn document_realtime_is_the_default() {
        let v = VintagedSeries::<Quarter>::from_fred_json(
            r#"{"realtime_start":"2025-04-30","realtime_end":"2025-05-28",
                "observations":[{"date":"2025-01-01","value":"1"}]}"#,
        )
        .unwrap();
        let o = v.observations().next().unwrap();
        assert_eq!(o.realtime.to_string(), "2025-04-30..=2025-05-28");
    }
}
