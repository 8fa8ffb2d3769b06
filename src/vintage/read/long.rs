//! The long CSV with vintages: `series_id,period,value` and a `vintage`
//! column, or `realtime_start` and `realtime_end` (see [`crate::io::long`]).

use std::collections::HashSet;
use std::io::Read;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::input::long::{LongColumns, SeriesPick, When};
use crate::input::{
    COMMA, CSV_MISSING, Classifier, Missing, Pos, ReadOptions, Records, any_period,
};
use crate::period::Frequency;

use super::super::interval::RealtimeInterval;
use super::{Built, Intervals, date};

/// Reads the selected (or only) series of a long CSV as a vintaged series.
pub(super) fn read(input: impl Read, options: &ReadOptions) -> Result<Built> {
    let missing = Missing::new(options, CSV_MISSING);
    let mut records = Records::new(input, options, COMMA);
    if !records.next()? {
        return Err(Error::NoObservations);
    }
    let cols = LongColumns::find(&records, options)?;
    let mut pick = SeriesPick::new(options);
    let mut classifier = Classifier::new(options.get_frequency());
    // Vintage form: each (vintage day, month) once, and the published values.
    let mut seen: HashSet<(i32, i32)> = HashSet::new();
    let mut cells: Vec<(i32, i32, f64)> = Vec::new();
    let mut intervals = Intervals::default();
    let mut rows = 0u64;
    while records.next()? {
        records.count_row()?;
        if !pick.admit(&records, &cols)? {
            continue;
        }
        let in_field = |i: usize, e: Error| records.in_field(cols.name(i), i, e);
        let period = records.field(cols.period);
        let month = classifier
            .classify(&period, || records.pos())
            .map_err(|e| in_field(cols.period, e))?;
        let value = missing
            .parse(&records.field(cols.value))
            .map_err(|e| in_field(cols.value, e))?;
        let day = |i: usize| date(&records.field(i)).map_err(|e| in_field(i, e));
        match cols.when {
            None | Some(When::Vintage(_)) => {
                let vintage = match cols.when {
                    Some(When::Vintage(i)) => day(i)?,
                    _ => NaiveDate::MIN,
                };
                let key = (vintage.num_days_from_ce(), month);
                if !seen.insert(key) {
                    let period = any_period(classifier.frequency(), month);
                    return Err(records.at(Error::DuplicatePeriod { period }));
                }
                // A missing value in a vintage: not published in it.
                if let Some(v) = value {
                    cells.push((month, key.0, v));
                }
            }
            Some(When::Interval(s, e)) => {
                let (start, end) = (day(s)?, day(e)?);
                let realtime = RealtimeInterval::new(start, end).map_err(|x| in_field(e, x))?;
                intervals.push(month, realtime, value.unwrap_or(f64::NAN), records.line());
            }
        }
        rows += 1;
        options
            .check_values((cells.len() + intervals.len()) as u64)
            .map_err(|e| records.at(e))?;
    }
    pick.finish()?;
    if rows == 0 {
        return Err(Error::NoObservations);
    }
    let frequency = classifier.finish()?;
    if matches!(cols.when, Some(When::Interval(..))) {
        return intervals.finish(frequency, |line, text| Pos::Line { line, text });
    }
    Ok(from_vintages(frequency, cells))
}

/// Whole vintages as intervals: each value published from its vintage to
/// the day before the next vintage that has a value, the last one current.
fn from_vintages(frequency: Frequency, mut cells: Vec<(i32, i32, f64)>) -> Built {
    let mut days: Vec<i32> = cells.iter().map(|&(_, d, _)| d).collect();
    days.sort_unstable();
    days.dedup();
    let until = |d: i32| -> NaiveDate {
        let next = days.partition_point(|&x| x <= d);
        days.get(next)
            .and_then(|&n| NaiveDate::from_num_days_from_ce_opt(n - 1))
            .unwrap_or(RealtimeInterval::OPEN_END)
    };
    cells.sort_unstable_by_key(|&(m, d, _)| (m, d));
    let rows = cells
        .into_iter()
        .filter_map(|(m, d, v)| {
            let start = NaiveDate::from_num_days_from_ce_opt(d)?;
            Some((m, RealtimeInterval::from_parts(start, until(d)), v))
        })
        .collect();
    Built { frequency, rows }
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::io::ReadOptions;
    use crate::vintage::AnyVintagedSeries;

    fn any(csv: &str) -> crate::Result<AnyVintagedSeries> {
        AnyVintagedSeries::read(csv.as_bytes(), &ReadOptions::new())
    }

    #[test]
    fn row_errors_carry_line_and_column() {
        let e =
            any("id,period,value,vintage\nA,2025,1,2025-01-01\nA,2026,1,2025-13-01\n").unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(
            e.to_string().contains(
                "column vintage (field 4): expected a date YYYY-MM-DD, found \"2025-13-01\""
            ),
            "{e}"
        );
        // An empty vintage cell is named as an empty field, not as a header field.
        let e = any("id,period,value,vintage\nA,2025,1,\n").unwrap_err();
        assert!(
            e.to_string().contains(
                "column vintage (field 4): expected a date YYYY-MM-DD, found an empty field"
            ),
            "{e}"
        );
        let e =
            any("id,period,value,vintage\nA,2025,1,2025-01-01\nA,2025,2,2025-01-01\n").unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().contains("duplicate period 2025"), "{e}");
        // Overlapping real-time intervals name the later row's line.
        let e = any(
            "id,period,value,realtime_start,realtime_end\nA,2025,1,2025-01-01,2025-06-30\nA,2026,1,2026-01-01,9999-12-31\nA,2025,2,2025-06-01,9999-12-31\n",
        )
        .unwrap_err();
        assert_eq!(e.line(), Some(4));
        assert!(
            matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::OverlappingRealtime { .. })),
            "{e}"
        );
    }
}
