//! Conversions between [`Series`] and polars `DataFrame`s (feature `polars`).
//!
//! A series becomes a two-column frame: a polars `Date` column holding each
//! period's first day (FRED's convention) and a `Float64` value column with
//! nulls for missing values. The reverse accepts a `Date` column (each date
//! must be the first day of its period) or a string column of period text
//! (`2025-05`, `2025-Q1`, `2025`), and any numeric value column.
//!
//! This is the only module that names polars types; the kernels stay the
//! crate's own.
//!
//! # Example
//! ```
//! use econseries::{Month, Series};
//!
//! let s = Series::from_options(Month::new(2025, 1)?, [Some(1.5), None, Some(2.0)])?;
//! let df = s.to_dataframe()?;
//! assert_eq!(df.height(), 3);
//! let back = Series::<Month>::from_dataframe(&df, "date", "value")?;
//! assert_eq!(back, s);
//! # Ok::<(), econseries::Error>(())
//! ```

use ::polars::prelude::{Column, DataFrame, DataType, DateChunked, IntoColumn, IntoSeries};

use crate::error::{Error, ParseProblem, Result};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

impl<P: Period, U: Value> Series<P, U> {
    /// The series as a frame with columns `date` (polars `Date`, the first
    /// day of each period) and `value` (`Float64`, null where missing).
    ///
    /// # Errors
    /// [`Error::Polars`] if polars rejects the frame (not expected).
    pub fn to_dataframe(&self) -> Result<DataFrame> {
        self.to_dataframe_named("date", "value")
    }

    /// Like [`to_dataframe`](Series::to_dataframe) with chosen column names.
    ///
    /// # Errors
    /// [`Error::Polars`] if polars rejects the frame, e.g. both names equal.
    pub fn to_dataframe_named(&self, date: &str, value: &str) -> Result<DataFrame> {
        let dates =
            DateChunked::from_naive_date(date.into(), self.iter().map(|(p, _)| p.first_day()))
                .into_series()
                .into_column();
        let values: Vec<Option<f64>> = self.values().map(|v| v.map(Value::get)).collect();
        let values = Column::new(value.into(), &values);
        Ok(DataFrame::new(self.len(), vec![dates, values])?)
    }
}

impl<P: Period> Series<P> {
    /// Builds a series from a frame's period column and value column.
    ///
    /// The period column is a polars `Date` (each date the first day of its
    /// period, as FRED writes them) or a string column of period text. The
    /// value column is any numeric type (cast to `f64`); nulls become missing
    /// values. Rows may come in any order; periods absent from the frame
    /// become missing values.
    ///
    /// # Errors
    /// [`Error::Polars`] if a column is absent or of the wrong type;
    /// [`Error::Row`] (with the row index) for a null or invalid period, or a
    /// NaN or infinite value; [`Error::DuplicatePeriod`];
    /// [`Error::NoObservations`] for an empty frame.
    pub fn from_dataframe(df: &DataFrame, period: &str, value: &str) -> Result<Series<P>> {
        let values = df.column(value)?;
        if !values.dtype().is_primitive_numeric() {
            return Err(Error::from(::polars::error::PolarsError::SchemaMismatch(
                format!(
                    "value column {value:?} has type {}, expected a number",
                    values.dtype()
                )
                .into(),
            )));
        }
        let values = values.cast(&DataType::Float64)?;
        let values = values.f64()?;
        let periods = period_column::<P>(df.column(period)?)?;
        let mut pairs = Vec::with_capacity(periods.len());
        for (row, (p, v)) in periods.into_iter().zip(values.iter()).enumerate() {
            let row_err = |source| Error::Row {
                row,
                source: Box::new(source),
            };
            let p = p.map_err(row_err)?;
            if let Some(x) = v.filter(|x| !x.is_finite()) {
                return Err(row_err(Error::NonFinite {
                    period: Some(p.into()),
                    value: x,
                }));
            }
            pairs.push((p, v));
        }
        Series::from_pairs(pairs)
    }
}

/// Parses every row of a period column: `Date` (first day of the period) or text.
fn period_column<P: Period>(col: &Column) -> Result<Vec<Result<P>>> {
    let null = || Error::ParsePeriod {
        frequency: P::FREQUENCY,
        input: String::new().into(),
        problem: ParseProblem::Syntax {
            expected: "a period, not null",
        },
    };
    match col.dtype() {
        DataType::Date => Ok(col
            .date()?
            .as_date_iter()
            .map(|d| {
                let d = d.ok_or_else(null)?;
                let p = P::containing(d)?;
                if p.first_day() == d {
                    Ok(p)
                } else {
                    Err(Error::ParsePeriod {
                        frequency: P::FREQUENCY,
                        input: d.to_string().into(),
                        problem: ParseProblem::NotFirstDay(d),
                    })
                }
            })
            .collect()),
        DataType::String => Ok(col
            .str()?
            .iter()
            .map(|s| s.ok_or_else(null)?.trim().parse::<P>())
            .collect()),
        other => Err(Error::from(::polars::error::PolarsError::SchemaMismatch(
            format!(
                "period column {:?} has type {other}, expected date or string",
                col.name()
            )
            .into(),
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter};
    use ::polars::prelude::df;
    use chrono::NaiveDate;

    #[test]
    fn round_trip_with_missing() {
        let s: Series<Quarter> =
            Series::from_options("2024-Q3".parse().unwrap(), [Some(1.0), None, Some(-2.5)])
                .unwrap();
        let df = s.to_dataframe().unwrap();
        let dates: Vec<_> = df
            .column("date")
            .unwrap()
            .date()
            .unwrap()
            .as_date_iter()
            .collect();
        assert_eq!(dates[1], NaiveDate::from_ymd_opt(2024, 10, 1));
        assert_eq!(df.column("value").unwrap().null_count(), 1);
        assert_eq!(
            Series::<Quarter>::from_dataframe(&df, "date", "value").unwrap(),
            s
        );
    }

    #[test]
    fn strings_ints_and_disorder() {
        let df = df!(
            "period" => ["2025-03", "2025-01"],
            "v" => [3i64, 1]
        )
        .unwrap();
        let s = Series::<Month>::from_dataframe(&df, "period", "v").unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s.get(Month::new(2025, 2).unwrap()), None);
        assert_eq!(s.get(Month::new(2025, 3).unwrap()), Some(3.0));
    }

    #[test]
    fn rejects_bad_rows() {
        let mid = NaiveDate::from_ymd_opt(2025, 2, 15).unwrap();
        let df = df!("date" => [mid], "value" => [1.0]).unwrap();
        let e = Series::<Month>::from_dataframe(&df, "date", "value").unwrap_err();
        assert!(matches!(e, Error::Row { row: 0, .. }), "{e}");

        let df = df!("date" => ["2025-01", "2025-01"], "value" => [1.0, 2.0]).unwrap();
        let e = Series::<Month>::from_dataframe(&df, "date", "value").unwrap_err();
        assert!(matches!(e, Error::DuplicatePeriod { .. }), "{e}");

        let df = df!("date" => ["2025-01", "2025-02"], "value" => [1.0, f64::NAN]).unwrap();
        let e = Series::<Month>::from_dataframe(&df, "date", "value").unwrap_err();
        assert!(matches!(e, Error::Row { row: 1, .. }), "{e}");

        let df = df!("date" => ["2025-01"], "value" => ["x"]).unwrap();
        assert!(Series::<Month>::from_dataframe(&df, "date", "value").is_err());
        assert!(Series::<Month>::from_dataframe(&df, "nope", "value").is_err());
    }
}
