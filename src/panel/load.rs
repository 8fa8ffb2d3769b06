//! Building a [`Panel`](super::Panel): key columns, period decoding, values and grouping.

use std::collections::{HashMap, HashSet};

use ::polars::prelude::{
    AnyValue, BooleanChunked, ChunkAgg, ChunkCompareEq, ChunkFull, Column, DataFrame, DataType,
    GroupsType, IdxSize,
};
use chrono::{Datelike, NaiveDate};

use crate::error::{Error, ParseProblem, Result};
use crate::input::{Classifier, Pos, fits, infer, period_index};
use crate::period::{AnyPeriod, Frequency, MAX_YEAR, MIN_YEAR, Month, Period, Quarter, Year};

/// Days from 0001-01-01 (chrono's day 1 of the common era) to 1970-01-01,
/// the epoch of polars' `Date`.
pub(crate) const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// A month index (`year·12 + month − 1`) per row, or a row-level error.
pub(crate) struct Decoded {
    /// Period index of each row at `frequency`.
    pub(crate) index: Vec<i32>,
    /// The panel's frequency (given or inferred).
    pub(crate) frequency: Frequency,
    /// Whether the period column is a `Date` (else text).
    pub(crate) dates: bool,
}

fn syntax(expected: &'static str) -> ParseProblem {
    ParseProblem::Syntax { expected }
}

fn row_error(row: usize, source: Error) -> Error {
    Error::Row {
        row,
        source: Box::new(source),
    }
}

fn null_period(row: usize, frequency: Frequency) -> Error {
    row_error(
        row,
        Error::ParsePeriod {
            frequency,
            input: String::new().into(),
            problem: syntax("a period, not null"),
        },
    )
}

/// The frequency of first-of-month dates with calendar months `mask` (bit
/// `k` set: some row falls in month `k + 1`): the shared rule of every
/// reader ([`crate::input::infer`]); `distinct_one` for a single date.
fn infer_from_months(mask: u16, distinct_one: bool) -> Frequency {
    const QUARTER_STARTS: u16 = 0b0010_0100_1001;
    infer(!distinct_one, mask & !QUARTER_STARTS == 0, mask == 0b1)
}

/// The index of the `frequency` period starting at month index `m`, if one does.
fn month_to(frequency: Frequency, m: i32) -> Option<i32> {
    fits(frequency, m).then(|| period_index(frequency, m))
}

/// Decodes a period column: polars `Date` (each the first day of its
/// period) or period text.
pub(crate) fn decode_periods(col: &Column, given: Option<Frequency>) -> Result<Decoded> {
    match col.dtype() {
        DataType::Date => decode_dates(col, given),
        DataType::String => decode_text(col, given),
        other => Err(Error::from(::polars::error::PolarsError::SchemaMismatch(
            format!(
                "period column {:?} has type {other}, expected date or string",
                col.name()
            )
            .into(),
        ))),
    }
}

// Bounds: the table covers min..=max of the same days, so `d - min` is in range.
#[allow(clippy::indexing_slicing)]
fn decode_dates(col: &Column, given: Option<Frequency>) -> Result<Decoded> {
    let days = col.date()?.physical();
    let (Some(min), Some(max)) = (days.min(), days.max()) else {
        // No rows, or every row null.
        return Err(if days.is_empty() {
            Error::NoObservations
        } else {
            null_period(0, given.unwrap_or(Frequency::Monthly))
        });
    };
    let date_of = |d: i32| NaiveDate::from_num_days_from_ce_opt(d + EPOCH_DAYS_FROM_CE);
    // The supported years bound the table to about 3.65 million entries.
    let year_of = |d: i32| date_of(d).map_or(i64::from(d) / 365 + 1970, |x| i64::from(x.year()));
    for d in [min, max] {
        let y = year_of(d);
        if !(i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&y) {
            let row = days.iter().position(|x| x == Some(d)).unwrap_or(0);
            return Err(row_error(row, Error::YearOutOfRange { year: y }));
        }
    }
    // Day → month index for first-of-month days, −1 otherwise: one array
    // lookup per row instead of a calendar conversion.
    let mut table = vec![-1i32; (max - min + 1) as usize];
    let first = date_of(min)
        .map(|d| (d.year(), d.month()))
        .unwrap_or((1970, 1));
    let (mut y, mut m) = first;
    while let Some(day) = NaiveDate::from_ymd_opt(y, m, 1) {
        let d = day.num_days_from_ce() - EPOCH_DAYS_FROM_CE;
        if d > max {
            break;
        }
        if d >= min {
            table[(d - min) as usize] = y * 12 + m as i32 - 1;
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let mut index = Vec::with_capacity(days.len());
    let mut mask = 0u16;
    let bad_day = |row: usize, d: i32, f: Frequency| {
        let date = date_of(d).unwrap_or(NaiveDate::MIN);
        row_error(
            row,
            Error::ParsePeriod {
                frequency: f,
                input: date.to_string().into(),
                problem: ParseProblem::NotFirstDay(date),
            },
        )
    };
    for (row, d) in days.iter().enumerate() {
        let Some(d) = d else {
            return Err(null_period(row, given.unwrap_or(Frequency::Monthly)));
        };
        let m = table[(d - min) as usize];
        if m < 0 {
            return Err(bad_day(row, d, given.unwrap_or(Frequency::Monthly)));
        }
        mask |= 1 << (m % 12);
        index.push(m);
    }
    let frequency = given.unwrap_or_else(|| infer_from_months(mask, min == max));
    if frequency != Frequency::Monthly {
        for (row, m) in index.iter_mut().enumerate() {
            match month_to(frequency, *m) {
                Some(p) => *m = p,
                None => {
                    let d = days.get(row).unwrap_or(0);
                    return Err(bad_day(row, d, frequency));
                }
            }
        }
    }
    Ok(Decoded {
        index,
        frequency,
        dates: true,
    })
}

/// Decodes a period text column with the shared period classifier, each
/// distinct text once: panels repeat a few hundred period strings millions
/// of times.
fn decode_text(col: &Column, given: Option<Frequency>) -> Result<Decoded> {
    let ca = col.str()?;
    if ca.is_empty() {
        return Err(Error::NoObservations);
    }
    let mut classifier = Classifier::new(given);
    let mut cache: HashMap<&str, i32> = HashMap::new();
    let mut months = Vec::with_capacity(ca.len());
    for (row, s) in ca.iter().enumerate() {
        let s = s.ok_or_else(|| null_period(row, given.unwrap_or(Frequency::Monthly)))?;
        let m = match cache.get(s) {
            Some(&m) => m,
            None => {
                let m = classifier
                    .classify(s.trim(), || Pos::Row(row))
                    .map_err(|e| row_error(row, e))?;
                cache.insert(s, m);
                m
            }
        };
        months.push(m);
    }
    let frequency = classifier.finish()?;
    let index = months
        .into_iter()
        .map(|m| period_index(frequency, m))
        .collect();
    Ok(Decoded {
        index,
        frequency,
        dates: false,
    })
}

/// Checks the key columns' types: strings or integers, no nulls.
pub(crate) fn check_keys(df: &DataFrame, keys: &[String]) -> Result<()> {
    if keys.is_empty() {
        return Err(Error::InvalidArgument {
            name: "keys",
            value: String::new().into(),
            expected: "at least one key column",
        });
    }
    for k in keys {
        let col = df.column(k)?;
        let dtype = col.dtype();
        if !(dtype.is_integer() || matches!(dtype, DataType::String)) {
            return Err(Error::from(::polars::error::PolarsError::SchemaMismatch(
                format!("key column {k:?} has type {dtype}, expected a string or an integer")
                    .into(),
            )));
        }
        if col.null_count() > 0 {
            let row = col
                .as_materialized_series()
                .is_null()
                .iter()
                .position(|n| n == Some(true))
                .unwrap_or(0);
            return Err(row_error(
                row,
                Error::InvalidArgument {
                    name: "key",
                    value: format!("null in column {k:?}").into(),
                    expected: "a key in every row",
                },
            ));
        }
    }
    Ok(())
}

/// The values as `f64`, NaN for null; a NaN or infinite value is an error.
pub(crate) fn decode_values(col: Column, index: &[i32], frequency: Frequency) -> Result<Vec<f64>> {
    if !col.dtype().is_primitive_numeric() {
        return Err(Error::from(::polars::error::PolarsError::SchemaMismatch(
            format!(
                "value column {:?} has type {}, expected a number",
                col.name(),
                col.dtype()
            )
            .into(),
        )));
    }
    let ca = col
        .take_materialized_series()
        .cast(&DataType::Float64)?
        .f64()?
        .clone();
    let mut out = Vec::with_capacity(ca.len());
    // Chunk by chunk, each dropped once copied: with a frame the caller no
    // longer holds, the column's memory is released as the copy grows.
    for arr in ca.downcast_into_iter() {
        let first = out.len();
        match arr.validity() {
            None => out.extend_from_slice(arr.values()),
            Some(valid) => out.extend(
                arr.values()
                    .iter()
                    .zip(valid.iter())
                    .map(|(&v, ok)| if ok { v } else { f64::NAN }),
            ),
        }
        // A NaN or infinity given as a value is rejected, as
        // `Series::from_dataframe` does; nulls became NaN above.
        let bad = arr
            .values()
            .iter()
            .enumerate()
            .find(|&(k, v)| !v.is_finite() && arr.validity().is_none_or(|b| b.get_bit(k)));
        if let Some((k, &x)) = bad {
            return Err(non_finite(first + k, x, index, frequency));
        }
    }
    Ok(out)
}

fn non_finite(row: usize, value: f64, index: &[i32], frequency: Frequency) -> Error {
    let period = index
        .get(row)
        .and_then(|&i| AnyPeriod::from_index(frequency, i64::from(i)).ok());
    row_error(row, Error::NonFinite { value, period })
}

/// The canonical text of period `i` of `frequency`.
pub(crate) fn period_text(frequency: Frequency, i: i32) -> String {
    let i = i64::from(i);
    match frequency {
        Frequency::Quarterly => Quarter::from_index(i).map(|p| p.to_string()),
        Frequency::Annual => Year::from_index(i).map(|p| p.to_string()),
        _ => Month::from_index(i).map(|p| p.to_string()),
    }
    .unwrap_or_default()
}

/// The first day of period `i` of `frequency` as days since 1970-01-01.
pub(crate) fn period_days(frequency: Frequency, i: i32) -> i32 {
    let i = i64::from(i);
    let day = match frequency {
        Frequency::Quarterly => Quarter::from_index(i).map(Period::first_day),
        Frequency::Annual => Year::from_index(i).map(Period::first_day),
        _ => Month::from_index(i).map(Period::first_day),
    }
    .unwrap_or(NaiveDate::MIN);
    day.num_days_from_ce() - EPOCH_DAYS_FROM_CE
}

/// One series of a panel: where its rows are and what span it covers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Group {
    /// The first of its rows in the panel's internal (grouped) order.
    pub(crate) offset: usize,
    /// Its number of rows.
    pub(crate) rows: usize,
    /// The index of its first period.
    pub(crate) start: i32,
    /// The number of periods from the first to the last, gaps included.
    pub(crate) span: usize,
    /// A row of the input holding its key.
    pub(crate) key_row: IdxSize,
}

/// The grouping of a frame's rows by key.
pub(crate) struct Grouping {
    pub(crate) groups: Vec<Group>,
    /// Input row of each internal row; `None` when the input is already
    /// grouped (every series' rows contiguous), so the orders coincide.
    pub(crate) order: Option<Vec<IdxSize>>,
}

/// Rows where the key differs from the previous row (row 0 included).
pub(crate) fn boundaries(keys: &DataFrame) -> Result<BooleanChunked> {
    let n = keys.height();
    let mut acc: Option<BooleanChunked> = None;
    for c in keys.columns() {
        // Row i against row i − 1 through two zero-copy slices.
        let s = c.as_materialized_series();
        let m = n.saturating_sub(1);
        let diff = s.slice(1, m).not_equal_missing(&s.slice(0, m))?;
        acc = Some(match acc {
            None => diff,
            Some(a) => &a | &diff,
        });
    }
    let mut out = BooleanChunked::full("b".into(), true, n.min(1));
    if let Some(a) = acc {
        out.append(&a)?;
    }
    Ok(out)
}

/// The grouping of input whose series are already contiguous (sorted or
/// partitioned by key, the usual file layout), found with one comparison
/// per row instead of hashing every key; `None` if some key appears in
/// two runs.
// Bounds: run starts are increasing row numbers below `index.len()`.
#[allow(clippy::indexing_slicing)]
fn grouped_runs(keys: &DataFrame, index: &[i32]) -> Result<Option<Grouping>> {
    let b = boundaries(keys)?;
    let mut starts: Vec<IdxSize> = Vec::new();
    let mut base = 0usize;
    for arr in b.downcast_iter() {
        let bits = arr.values();
        starts.extend(bits.true_idx_iter().map(|i| (base + i) as IdxSize));
        base += bits.len();
    }
    // Runs of a row or two: shuffled input, for which hashing every row
    // is the way; skip the check rather than hash the heads too.
    if starts.len() > index.len() / 2 {
        return Ok(None);
    }
    // Each run's key must be new: hash only the run heads (a gather of
    // the heads would first concatenate every chunk of a string column).
    let cols = keys.columns();
    let mut seen: HashSet<Vec<AnyValue<'_>>> = HashSet::with_capacity(starts.len());
    for &row in &starts {
        let key = cols
            .iter()
            .map(|c| c.get(row as usize))
            .collect::<core::result::Result<Vec<_>, _>>()?;
        if !seen.insert(key) {
            return Ok(None);
        }
    }
    let n = index.len();
    let groups = starts
        .iter()
        .enumerate()
        .map(|(k, &first)| {
            let lo_row = first as usize;
            let hi_row = starts.get(k + 1).map_or(n, |&s| s as usize);
            let ix = &index[lo_row..hi_row];
            let lo = ix.iter().copied().min().unwrap_or(0);
            let hi = ix.iter().copied().max().unwrap_or(0);
            Group {
                offset: lo_row,
                rows: hi_row - lo_row,
                start: lo,
                span: (hi - lo + 1) as usize,
                key_row: first,
            }
        })
        .collect();
    Ok(Some(Grouping {
        groups,
        order: None,
    }))
}

/// Groups the rows of `keys` (the key columns only) by key, in order of
/// first appearance, and computes each group's span from `index`.
// Bounds: polars' groups hold row numbers of `keys`, which has one row per entry of `index`.
#[allow(clippy::indexing_slicing)]
pub(crate) fn group(keys: &DataFrame, index: &[i32]) -> Result<Grouping> {
    if let Some(g) = grouped_runs(keys, index)? {
        return Ok(g);
    }
    let names: Vec<String> = keys
        .get_column_names()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let gb = keys.group_by_stable(&names)?;
    let positions = gb.get_groups();
    let mut groups = Vec::new();
    let mut order: Vec<IdxSize> = Vec::new();
    let mut contiguous = true;
    let mut next = 0usize;
    match &**positions {
        GroupsType::Idx(idx) => {
            order.reserve(index.len());
            for (&first, rows) in idx.first().iter().zip(idx.all()) {
                let offset = order.len();
                let mut lo = i32::MAX;
                let mut hi = i32::MIN;
                for (k, &r) in rows.iter().enumerate() {
                    contiguous &= r as usize == next + k;
                    let p = index[r as usize];
                    lo = lo.min(p);
                    hi = hi.max(p);
                }
                next += rows.len();
                order.extend_from_slice(rows);
                groups.push(Group {
                    offset,
                    rows: rows.len(),
                    start: lo,
                    span: (hi - lo + 1) as usize,
                    key_row: first,
                });
            }
        }
        GroupsType::Slice { groups: slices, .. } => {
            for &[first, len] in slices.iter() {
                let (first_u, len_u) = (first as usize, len as usize);
                contiguous &= first_u == next;
                next = first_u + len_u;
                let offset = order.len();
                order.extend(first..first + len);
                let ix = &index[first_u..first_u + len_u];
                let lo = ix.iter().copied().min().unwrap_or(0);
                let hi = ix.iter().copied().max().unwrap_or(0);
                groups.push(Group {
                    offset,
                    rows: len_u,
                    start: lo,
                    span: (hi - lo + 1) as usize,
                    key_row: first,
                });
            }
        }
    }
    Ok(Grouping {
        groups,
        order: (!contiguous).then_some(order),
    })
}

/// The key of the series whose key is at `row`, for messages: the value
/// (`US`, `42`), or `name=value` pairs for a composite key.
pub(crate) fn key_text(keys: &DataFrame, row: usize) -> String {
    let one = |c: &Column| match c.get(row) {
        Ok(AnyValue::String(s)) => s.to_owned(),
        Ok(AnyValue::StringOwned(s)) => s.to_string(),
        Ok(v) => v.to_string(),
        Err(_) => String::from("?"),
    };
    let cols = keys.columns();
    if let [c] = cols {
        one(c)
    } else {
        cols.iter()
            .map(|c| format!("{}={}", c.name(), one(c)))
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inference_rule() {
        assert_eq!(infer_from_months(0b1, false), Frequency::Annual);
        assert_eq!(infer_from_months(0b1, true), Frequency::Monthly);
        assert_eq!(
            infer_from_months(0b0010_0100_1001, false),
            Frequency::Quarterly
        );
        assert_eq!(infer_from_months(0b1001, false), Frequency::Quarterly);
        assert_eq!(infer_from_months(0b11, false), Frequency::Monthly);
    }

    #[test]
    fn epoch() {
        assert_eq!(period_days(Frequency::Monthly, 1970 * 12), 0);
        assert_eq!(period_days(Frequency::Quarterly, 1970 * 4 + 1), 90);
    }
}
