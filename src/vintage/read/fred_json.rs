//! ALFRED's JSON observations by real-time period (the API's
//! `fred/series/observations` called with `realtime_start`/`realtime_end`),
//! one object per value and real-time period, streamed.

use std::io::Read;

use chrono::NaiveDate;
use serde_json::Value as Json;

use crate::error::{Error, Result};
use crate::input::json::{at, expected, fred_date_value, fred_observations};
use crate::input::{CSV_MISSING, Classifier, Format, Missing, Pos, ReadOptions};

use super::super::interval::RealtimeInterval;
use super::{Built, Intervals, date};

/// A real-time bound of an observation: its own, or (`None`) the document's.
type Bound = Option<NaiveDate>;

/// Reads ALFRED JSON as a vintaged series.
pub(super) fn read(input: impl Read, options: &ReadOptions) -> Result<Built> {
    options.no_selector(Format::FredJson)?;
    let missing = Missing::new(options, CSV_MISSING);
    let mut classifier = Classifier::new(options.get_frequency());
    let mut rows: Vec<(i32, Bound, Bound, f64)> = Vec::new();
    let doc = fred_observations(input, options, |i, obs| {
        let (period, value) = fred_date_value(i, obs, &missing)?;
        let path = |member: &str| format!("$.observations[{i}]{member}");
        let month = classifier
            .classify(&period, || Pos::Path(path(".date")))
            .map_err(|e| at(path(".date"), e))?;
        let bound = |member: &str| -> Result<Bound> {
            match obs.get(member) {
                None => Ok(None),
                Some(v) => Ok(Some(day(v, &path(&format!(".{member}")))?)),
            }
        };
        rows.push((
            month,
            bound("realtime_start")?,
            bound("realtime_end")?,
            value.unwrap_or(f64::NAN),
        ));
        options
            .check_values(rows.len() as u64)
            .map_err(|e| at(path(""), e))
    })?;
    if rows.is_empty() {
        return Err(Error::NoObservations);
    }
    let frequency = classifier.finish()?;
    let default = |v: Option<&Json>, member: &str| -> Result<Bound> {
        v.map(|v| day(v, &format!("$.{member}"))).transpose()
    };
    let (start, end) = (
        default(doc.realtime_start.as_ref(), "realtime_start")?,
        default(doc.realtime_end.as_ref(), "realtime_end")?,
    );
    let mut intervals = Intervals::default();
    for (i, (month, s, e, value)) in rows.into_iter().enumerate() {
        let path = |member: &str| format!("$.observations[{i}]{member}");
        let s = s
            .or(start)
            .ok_or_else(|| expected(path(".realtime_start"), "a string", None))?;
        let e = e
            .or(end)
            .ok_or_else(|| expected(path(".realtime_end"), "a string", None))?;
        let realtime = RealtimeInterval::new(s, e).map_err(|x| at(path(""), x))?;
        intervals.push(month, realtime, value, i as u64);
    }
    intervals.finish(frequency, |i, _| Pos::Path(format!("$.observations[{i}]")))
}

/// A date string at `path`.
fn day(v: &Json, path: &str) -> Result<NaiveDate> {
    match v {
        Json::String(s) => date(s).map_err(|e| at(path, e)),
        other => Err(expected(path, "a string", Some(other))),
    }
}

#[cfg(test)]
mod tests {
    use crate::Quarter;
    use crate::io::ReadOptions;
    use crate::vintage::VintagedSeries;

    fn read(json: &str) -> crate::Result<VintagedSeries<Quarter>> {
        VintagedSeries::read(json.as_bytes(), &ReadOptions::new())
    }

    #[test]
    fn paths_and_document_defaults() {
        let e = read(
            r#"{"observations":[{"date":"2025-01-01","value":"1","realtime_start":"2025-02-01"}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "at $.observations[0].realtime_end: expected a string, found missing"
        );
        // The document's real-time period, even given after the observations.
        let v = read(
            r#"{"observations":[{"date":"2025-01-01","value":"1"}],
                         "realtime_start":"2025-04-30","realtime_end":"2025-05-28"}"#,
        )
        .unwrap();
        let o = v.observations().next().unwrap();
        assert_eq!(o.realtime.to_string(), "2025-04-30..=2025-05-28");
        let e = read(
            r#"{"observations":[
              {"date":"2025-01-01","value":"1","realtime_start":"2025-01-01","realtime_end":"2025-03-01"},
              {"date":"2025-01-01","value":"2","realtime_start":"2025-02-01","realtime_end":"9999-12-31"}]}"#,
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("at $.observations[1]: period 2025-Q1 has overlapping"),
            "{e}"
        );
    }
}
