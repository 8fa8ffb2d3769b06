//! ALFRED's CSV download, "observations by vintage date": one column per vintage.
//!
//! ```text
//! observation_date,GDPC1_20250430,GDPC1_20251223
//! 2024-10-01,23542.349,23586.542
//! 2025-07-01,.,24024.957
//! ```

use std::collections::HashSet;
use std::io::Read;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::input::{
    ALFRED_MISSING, COMMA, Classifier, Missing, ReadOptions, Records, any_period, parse_number,
    vintage_column,
};

use super::super::interval::RealtimeInterval;
use super::Built;

/// One value over consecutive vintage columns `start..end` (positions in
/// date order) of one period.
#[derive(Clone, Copy, Debug)]
struct Run {
    month: i32,
    start: u32,
    end: u32,
    value: f64,
}

/// Reads ALFRED's vintage-column CSV (see
/// [`AnyVintagedSeries::read`](crate::vintage::AnyVintagedSeries::read)).
pub(super) fn read(input: impl Read, options: &ReadOptions) -> Result<Built> {
    let missing = Missing::new(options, ALFRED_MISSING);
    let mut records = Records::new(input, options, COMMA);
    if !records.next()? {
        return Err(Error::NoObservations);
    }
    // The header: an observation date column, then SERIESID_YYYYMMDD columns.
    let mut columns: Vec<(String, String, NaiveDate, usize)> = Vec::new();
    for i in 1..records.len() {
        let field = records.field(i).into_owned();
        let Some((id, digits)) = vintage_column(&field) else {
            return Err(records.in_field(
                &field,
                i,
                Error::BadHeader {
                    column: field.clone().into(),
                    expected: "a vintage column SERIESID_YYYYMMDD",
                },
            ));
        };
        let Ok(date) = NaiveDate::parse_from_str(digits, "%Y%m%d") else {
            return Err(records.in_field(
                &field,
                i,
                Error::InvalidVintageDate {
                    column: field.clone().into(),
                    digits: digits.to_owned().into(),
                },
            ));
        };
        columns.push((id.to_owned(), field.clone(), date, i));
    }
    let Some(first) = columns.first().map(|c| c.0.clone()) else {
        return Err(records.at(Error::MissingColumn {
            column: "SERIESID_YYYYMMDD".to_owned().into(),
        }));
    };
    let id = match options.get_series() {
        Some(s) => {
            if !columns.iter().any(|c| c.0 == s) {
                let mut examples: Vec<String> = Vec::new();
                for c in &columns {
                    if examples.len() < 5 && !examples.contains(&c.0) {
                        examples.push(c.0.clone());
                    }
                }
                return Err(Error::SeriesNotFound {
                    selector: s.to_owned().into(),
                    examples: examples.into(),
                });
            }
            s.to_owned()
        }
        None => {
            if let Some(other) = columns.iter().find(|c| c.0 != first) {
                return Err(records.at(Error::MultipleSeries {
                    first: first.into(),
                    second: other.0.clone().into(),
                }));
            }
            first
        }
    };
    columns.retain(|c| c.0 == id);
    columns.sort_by_key(|c| c.2);
    if let Some(pair) = columns
        .windows(2)
        .find(|w| matches!(w, [a, b] if a.2 == b.2))
        && let Some(dup) = pair.first()
    {
        return Err(records.at(Error::DuplicateVintage { date: dup.2 }));
    }
    let width = records.len();
    let mut classifier = Classifier::new(options.get_frequency());
    let mut seen: HashSet<i32> = HashSet::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut live = vec![false; columns.len()];
    while records.next()? {
        records.count_row()?;
        if records.len() != width {
            return Err(records.at(Error::FieldCount {
                expected: width,
                found: records.len(),
            }));
        }
        let period = records.field(0);
        let month = classifier
            .classify(&period, || records.pos())
            .map_err(|e| records.at(e))?;
        if !seen.insert(month) {
            let period = any_period(classifier.frequency(), month);
            return Err(records.at(Error::DuplicatePeriod { period }));
        }
        let mut current: Option<Run> = None;
        for (k, (_, name, _, i)) in columns.iter().enumerate() {
            let text = records.field(*i);
            if missing.is_missing(&text) {
                if let Some(run) = current.take() {
                    runs.push(run);
                }
                continue;
            }
            let value = parse_number(&text).map_err(|e| records.in_field(name, *i, e))?;
            if let Some(slot) = live.get_mut(k) {
                *slot = true;
            }
            let k = k as u32;
            match &mut current {
                Some(run) if run.end == k && run.value.to_bits() == value.to_bits() => {
                    run.end = k + 1
                }
                _ => {
                    if let Some(run) = current.replace(Run {
                        month,
                        start: k,
                        end: k + 1,
                        value,
                    }) {
                        runs.push(run);
                    }
                }
            }
        }
        if let Some(run) = current {
            runs.push(run);
        }
        options
            .check_values(runs.len() as u64)
            .map_err(|e| records.at(e))?;
    }
    if seen.is_empty() {
        return Err(Error::NoObservations);
    }
    let frequency = classifier.finish()?;
    // A vintage holding no value at all is not a vintage: the one before it
    // stays the published one until the next vintage with a value.
    let dates: Vec<NaiveDate> = columns.iter().map(|c| c.2).collect();
    let mut next_live = vec![None; columns.len() + 1];
    for k in (0..columns.len()).rev() {
        let here = if live.get(k).copied().unwrap_or(false) {
            dates.get(k).copied()
        } else {
            None
        };
        let after = next_live.get(k + 1).copied().flatten();
        if let Some(slot) = next_live.get_mut(k) {
            *slot = here.or(after);
        }
    }
    let rows = runs
        .into_iter()
        .filter_map(|r| {
            let start = dates.get(r.start as usize).copied()?;
            let end = match next_live.get(r.end as usize).copied().flatten() {
                Some(next) => next.pred_opt().unwrap_or(next),
                None => RealtimeInterval::OPEN_END,
            };
            Some((r.month, RealtimeInterval::from_parts(start, end), r.value))
        })
        .collect::<Vec<_>>();
    if rows.is_empty() {
        return Err(Error::NoObservations);
    }
    Ok(Built { frequency, rows })
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::io::ReadOptions;
    use crate::vintage::{AnyVintagedSeries, VintagedSeries};
    use crate::{Month, Quarter};

    fn any(csv: &str) -> crate::Result<AnyVintagedSeries> {
        AnyVintagedSeries::read(csv.as_bytes(), &ReadOptions::new())
    }

    #[test]
    fn header_and_row_errors_carry_positions() {
        let e = any("date,X_20250101,X_20250101\n2025-01-01,1,2\n").unwrap_err();
        assert!(e.to_string().contains("duplicate vintage"), "{e}");
        assert_eq!(e.line(), Some(1));
        let e =
            any("date,X_20250101,X_20250201\n\n2025-01-01,1,2\n2025-04-01,1,abc\n").unwrap_err();
        assert_eq!(e.line(), Some(4));
        assert!(e.to_string().contains("column X_20250201 (field 3)"), "{e}");
        let e = any("date,X_20250101\n2025-01-01,1,2\n").unwrap_err();
        assert!(
            matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::FieldCount { .. }))
        );
        let e = any("date,X_20250101\n2025-01-01,1\n2025-01-01,2\n").unwrap_err();
        assert_eq!(e.line(), Some(3));
        // An impossible vintage date is named as such, not as a missing column.
        let e = any("date,GDPC1_20251340\n2025-01-01,1\n").unwrap_err();
        assert!(
            e.to_string().contains("20251340 is not a date YYYYMMDD"),
            "{e}"
        );
        let e = any("date,GDPC1_20250101,notes\n2025-01-01,1,x\n").unwrap_err();
        assert!(e.to_string().contains("SERIESID_YYYYMMDD"), "{e}");
    }

    #[test]
    fn unpublished_markers_empty_vintages_and_runs() {
        let v = VintagedSeries::<Quarter>::read(
            "date,X_20250101,X_20250401\n2024-10-01,1,#N/A\n2025-01-01,.,2\n".as_bytes(),
            &ReadOptions::new(),
        )
        .unwrap();
        let q = |s: &str| s.parse::<Quarter>().unwrap();
        assert_eq!(v.first_release().get(q("2025-Q1")), Some(2.0));
        // Absent from the second vintage: no longer published.
        assert_eq!(v.latest().get(q("2024-Q4")), None);
        // A vintage without any value does not end the one before it.
        let v = VintagedSeries::<Month>::read(
            "date,X_20250101,X_20250201,X_20250301\n2024-12-01,1,,1\n2025-01-01,.,,2\n".as_bytes(),
            &ReadOptions::new(),
        )
        .unwrap();
        let d = |s: &str| s.parse().unwrap();
        let dec = "2024-12".parse::<Month>().unwrap();
        assert_eq!(v.as_of(d("2025-02-15")).get(dec), Some(1.0));
        assert_eq!(v.history(dec).count(), 1, "one value, one interval");
        assert_eq!(v.vintage_dates(), [d("2025-01-01"), d("2025-03-01")]);
    }
}
