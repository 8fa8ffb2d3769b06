//! Panels: many series in one long table, every transform and detector run
//! per series, in parallel (feature `panel`).
//!
//! Indicators often arrive as long tables: one row per (series key, period,
//! value), such as trade flows by reporter and partner or GDP by country. A
//! [`Panel`] reads such a table from a polars `DataFrame` or `LazyFrame`, or
//! a CSV or Parquet file, splits it into one regular [`Series`]
//! per key, runs the crate's own kernels on every series in parallel (rayon),
//! and gives back a polars `DataFrame`. polars is only the input and output
//! layer: the numbers are those of the single-series methods, bit for bit.
//!
//! # Input
//!
//! - **Key**: one or more columns ([`PanelColumns::new`]); several columns
//!   form one composite key (reporter, partner). Each is a string or an
//!   integer column, with no nulls.
//! - **Period**: a polars `Date` holding each period's first day (FRED's
//!   convention), or period text (`2025-05`, `2025-Q1`, `2025`, or
//!   first-of-period dates `2025-04-01`).
//! - **Value**: any numeric column; null is a missing value, NaN or an
//!   infinity is an error.
//! - **Frequency**: one for the whole panel, given
//!   ([`PanelColumns::frequency`]) or inferred as for a single series (see
//!   [`AnySeries::read`](crate::AnySeries::read)): an explicit period
//!   form decides; dates alone read at the coarsest frequency whose periods
//!   start on every date.
//!
//! Rows may come in any order. A (key, period) given twice is an
//! [`Error::InSeries`] naming the key around an [`Error::DuplicatePeriod`]
//! naming the period. Periods absent between a series' first and last row are
//! missing values, as for [`Series::from_pairs`](crate::Series::from_pairs).
//!
//! # Output
//!
//! - [`Panel::transform`] returns a panel over the same rows;
//!   [`Panel::to_dataframe`] gives the key columns, the period column and the
//!   value column, **one row per input row, in input order** (the key and
//!   period columns are the input's, shared without a copy). A period absent
//!   from the input has no row; every same-frequency transform is missing
//!   there anyway (a missing value makes every result that needs it missing).
//! - [`Panel::aggregate`] converts frequency: one row per period of each
//!   series' new span, grouped by series, gaps included.
//! - [`Panel::detect`] runs any detector
//!   ([`AnyDetector`](crate::detect::AnyDetector)) on every series: **one
//!   row per event**, series in order of first appearance, events in period
//!   order, with the kind's fields as columns.
//! - Periods come back in the form they came in: a polars `Date` (the
//!   period's first day) for a `Date` input, canonical period text
//!   (`2025-05`, `2025-Q1`, `2025`) for a text input.
//!
//! # Larger than memory
//!
//! [`ParquetBatches`] reads a Parquet file sorted by key in batches of whole
//! series, so memory is bounded by the batch, not the file.
//!
//! # Example
//! ```
//! use econseries::panel::{Panel, PanelColumns};
//! use econseries::Units;
//! use polars::prelude::df;
//!
//! let df = df!(
//!     "partner" => ["CN", "MX", "CN", "MX", "CN"],
//!     "period" => ["2024-05", "2024-05", "2025-05", "2025-05", "2025-04"],
//!     "imports" => [100.0, 40.0, 58.6, 44.0, 80.0],
//! ).map_err(econseries::Error::from)?;
//! let panel = Panel::from_dataframe(df, &PanelColumns::new(["partner"], "period", "imports"))?;
//! assert_eq!(panel.len(), 2);
//! let yoy = panel.transform(Units::Pc1.into())?.to_dataframe()?;
//! let pc1: Vec<Option<f64>> = yoy.column("pc1").map_err(econseries::Error::from)?
//!     .f64().map_err(econseries::Error::from)?.iter().collect();
//! assert_eq!(pc1[2].map(|x| (x * 10.0).round() / 10.0), Some(-41.4));
//! assert_eq!(pc1[3].map(|x| (x * 10.0).round() / 10.0), Some(10.0));
//! assert_eq!(pc1[4], None); // 2024-04 is not in the table: missing, not bridged
//! # Ok::<(), econseries::Error>(())
//! ```

mod adjust;
mod batches;
mod events;
mod files;
mod frame;
mod load;
mod transform;
mod x11;
mod x13;

use std::borrow::Cow;
use std::sync::Arc;

use ::polars::prelude::{Column, DataFrame, IdxSize, LazyFrame, col};
use rayon::prelude::*;

pub use batches::ParquetBatches;
pub use files::{write_csv, write_parquet};
pub use transform::Transform;

use crate::error::{Error, Result};
use crate::io::AnySeries;
use crate::period::{AnyPeriod, Frequency, Month, Period, Quarter, Year};
use crate::series::Series;
use load::Group;

/// Which columns of a long table hold the key, the period and the value,
/// and, optionally, the frequency.
///
/// # Example
/// ```
/// use econseries::panel::PanelColumns;
/// use econseries::Frequency;
///
/// let cols = PanelColumns::new(["reporter", "partner"], "date", "value").frequency(Frequency::Monthly);
/// assert_eq!(cols.keys(), ["reporter", "partner"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelColumns {
    keys: Vec<String>,
    period: String,
    value: String,
    frequency: Option<Frequency>,
}

impl PanelColumns {
    /// The key columns (one or more, together one composite key), the period
    /// column and the value column; the frequency is inferred.
    pub fn new<I, S>(keys: I, period: &str, value: &str) -> PanelColumns
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        PanelColumns {
            keys: keys.into_iter().map(Into::into).collect(),
            period: period.to_owned(),
            value: value.to_owned(),
            frequency: None,
        }
    }

    /// States the frequency instead of inferring it.
    pub fn frequency(mut self, frequency: Frequency) -> PanelColumns {
        self.frequency = Some(frequency);
        self
    }

    /// The key columns.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The period column.
    pub fn period(&self) -> &str {
        &self.period
    }

    /// The value column.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The stated frequency, `None` if it is to be inferred.
    pub fn stated_frequency(&self) -> Option<Frequency> {
        self.frequency
    }

    /// Every column the panel reads: keys, period, value.
    fn all(&self) -> Vec<String> {
        let mut v = self.keys.clone();
        v.push(self.period.clone());
        v.push(self.value.clone());
        v
    }
}

/// Many series of one frequency from a long table, grouped by key; see the
/// [module documentation](self).
///
/// A panel keeps the input's key and period columns (shared, not copied),
/// one period index and one value per row, and the grouping; derived panels
/// ([`transform`](Panel::transform)) share all but the values.
#[derive(Clone)]
pub struct Panel {
    /// The key columns, one row per input row.
    keys: DataFrame,
    /// The period column as given, one row per input row.
    period: Column,
    /// The period index of each row, in internal (grouped) order.
    index: Arc<Vec<i32>>,
    /// The value of each row (NaN: missing), in internal order.
    values: Arc<Vec<f64>>,
    groups: Arc<Vec<Group>>,
    /// Input row of each internal row, when they differ.
    order: Option<Arc<Vec<IdxSize>>>,
    frequency: Frequency,
    /// Whether periods are polars `Date`s (else text).
    dates: bool,
    /// The name of the value column in outputs.
    name: String,
    /// Whether the values are changes (growth rates, differences), whose
    /// declines are values below zero, rather than levels.
    change: bool,
}

impl core::fmt::Debug for Panel {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Panel")
            .field("series", &self.groups.len())
            .field("rows", &self.values.len())
            .field("frequency", &self.frequency)
            .field("value", &self.name)
            .finish()
    }
}

/// Runs `$body` with `$P` bound to the period type of `$f`.
macro_rules! with_period {
    ($f:expr, $P:ident => $body:expr) => {
        match $f {
            $crate::period::Frequency::Monthly => {
                type $P = $crate::period::Month;
                $body
            }
            $crate::period::Frequency::Quarterly => {
                type $P = $crate::period::Quarter;
                $body
            }
            $crate::period::Frequency::Annual => {
                type $P = $crate::period::Year;
                $body
            }
        }
    };
}
pub(crate) use with_period;

impl Panel {
    /// A panel from the columns `cols` of `df`; other columns are ignored.
    ///
    /// # Errors
    /// [`Error::Polars`] for an absent column or one of the wrong type;
    /// [`Error::Row`] (0-based row) for a null key or period, an invalid
    /// period or a NaN or infinite value; [`Error::MixedFrequency`] (in an
    /// [`Error::Row`]) for text periods of several frequencies;
    /// [`Error::InSeries`] around [`Error::DuplicatePeriod`] for a (key,
    /// period) given twice; [`Error::NoObservations`] for an empty frame.
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    /// use econseries::Error;
    /// use polars::prelude::df;
    ///
    /// let df = df!("id" => [1i64, 1], "date" => ["2025-Q1", "2025-Q1"], "v" => [1.0, 2.0])?;
    /// let err = Panel::from_dataframe(df, &PanelColumns::new(["id"], "date", "v")).unwrap_err();
    /// assert_eq!(err.to_string(), "series 1: duplicate period 2025-Q1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_dataframe(df: DataFrame, cols: &PanelColumns) -> Result<Panel> {
        load::check_keys(&df, &cols.keys)?;
        let decoded = load::decode_periods(df.column(&cols.period)?, cols.frequency)?;
        let mut df = df;
        let value = df.drop_in_place(&cols.value)?;
        let values = load::decode_values(value, &decoded.index, decoded.frequency)?;
        let keys = df.select(cols.keys.iter().map(String::as_str))?;
        let period = df.column(&cols.period)?.clone();
        drop(df);
        let grouping = load::group(&keys, &decoded.index)?;
        // Bounds: `order` is a permutation of the input's rows.
        #[allow(clippy::indexing_slicing)]
        let (index, values) = match &grouping.order {
            None => (decoded.index, values),
            Some(order) => (
                order.iter().map(|&r| decoded.index[r as usize]).collect(),
                order.iter().map(|&r| values[r as usize]).collect(),
            ),
        };
        let panel = Panel {
            keys,
            period,
            index: Arc::new(index),
            values: Arc::new(values),
            groups: Arc::new(grouping.groups),
            order: grouping.order.map(Arc::new),
            frequency: decoded.frequency,
            dates: decoded.dates,
            name: cols.value.clone(),
            change: false,
        };
        panel.check_duplicates()?;
        Ok(panel)
    }

    /// A panel from a `LazyFrame`: only the named columns are collected.
    ///
    /// # Errors
    /// As [`from_dataframe`](Panel::from_dataframe), plus any error of the
    /// query.
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    /// use polars::prelude::{df, IntoLazy};
    ///
    /// let lf = df!("k" => ["a", "b"], "p" => ["2025", "2025"], "v" => [1, 2])?.lazy();
    /// let panel = Panel::from_lazy(lf, &PanelColumns::new(["k"], "p", "v"))?;
    /// assert_eq!(panel.frequency(), econseries::Frequency::Annual);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_lazy(lf: LazyFrame, cols: &PanelColumns) -> Result<Panel> {
        let df = lf
            .select(
                cols.all()
                    .iter()
                    .map(|c| col(c.as_str()))
                    .collect::<Vec<_>>(),
            )
            .collect()?;
        Panel::from_dataframe(df, cols)
    }

    /// The number of series.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether the panel holds no series (never, for a panel built from rows).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The number of rows.
    pub fn rows(&self) -> usize {
        self.values.len()
    }

    /// The panel's frequency.
    pub fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The name of the value column in outputs.
    pub fn value_name(&self) -> &str {
        &self.name
    }

    /// The same panel with the value column renamed in outputs.
    pub fn with_value_name(mut self, name: &str) -> Panel {
        self.name = name.to_owned();
        self
    }

    /// The key of series `i` as text: the value, or `name=value` pairs joined
    /// by commas for a composite key. `None` if `i >= len()`.
    pub fn key(&self, i: usize) -> Option<String> {
        let g = self.groups.get(i)?;
        Some(load::key_text(&self.keys, g.key_row as usize))
    }

    /// Series `i` (in order of first appearance), as a run-time-frequency
    /// series; `None` if `i >= len()`.
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    /// use polars::prelude::df;
    ///
    /// let df = df!("k" => ["a", "a"], "p" => ["2025-03", "2025-01"], "v" => [3.0, 1.0])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let s = panel.series(0).ok_or("no series")?;
    /// assert_eq!(s.to_csv_string(), "period,value\n2025-01,1\n2025-02,\n2025-03,3\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn series(&self, i: usize) -> Option<AnySeries> {
        let g = self.groups.get(i)?;
        Some(match self.frequency {
            Frequency::Quarterly => AnySeries::from(self.build::<Quarter>(g)),
            Frequency::Annual => AnySeries::from(self.build::<Year>(g)),
            _ => AnySeries::from(self.build::<Month>(g)),
        })
    }

    /// Key columns, period column and value column, one row per input row
    /// in input order (for a panel from [`aggregate`](Panel::aggregate): one
    /// row per period, grouped by series).
    ///
    /// # Errors
    /// [`Error::Polars`] if polars rejects the frame (for example a key column
    /// named like the value column).
    pub fn to_dataframe(&self) -> Result<DataFrame> {
        let values = self.value_column();
        let mut cols = self.keys.columns().to_vec();
        cols.push(self.period.clone());
        cols.push(values);
        Ok(DataFrame::new(self.period.len(), cols)?)
    }

    /// The values as a column in input order: sharing the panel's buffer
    /// when the orders coincide.
    pub(crate) fn value_column(&self) -> Column {
        match self.order {
            None => frame::shared_floats(&self.name, &self.values),
            Some(_) => frame::floats(&self.name, &self.in_input_order(&self.values)),
        }
    }

    /// `v` (internal order) rearranged into input order; borrowed when the
    /// orders coincide.
    // Bounds: `order` is a permutation of 0..v.len().
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn in_input_order<'a, T: Copy + Default>(&self, v: &'a [T]) -> Cow<'a, [T]> {
        match &self.order {
            None => Cow::Borrowed(v),
            Some(order) => {
                let mut out = vec![T::default(); v.len()];
                for (&r, &x) in order.iter().zip(v) {
                    out[r as usize] = x;
                }
                Cow::Owned(out)
            }
        }
    }

    /// The regular series of group `g`.
    // Bounds: a group's rows are a sub-range of `index`/`values`, and its span covers every index of its rows.
    #[allow(clippy::indexing_slicing)]
    fn build<P: Period>(&self, g: &Group) -> Series<P> {
        let mut v = vec![f64::NAN; g.span];
        let rows = g.offset..g.offset + g.rows;
        for (&i, &x) in self.index[rows.clone()].iter().zip(&self.values[rows]) {
            v[(i - g.start) as usize] = x;
        }
        // Indices were decoded from valid periods, so the start is in range.
        let start = P::from_index(i64::from(g.start)).unwrap_or(P::MIN);
        Series::from_kernel(start, v)
    }

    /// Wraps a per-series error with the series' key.
    fn in_series(&self, g: &Group, e: Error) -> Error {
        Error::InSeries {
            key: load::key_text(&self.keys, g.key_row as usize).into(),
            source: Box::new(e),
        }
    }

    // Bounds: a group's rows are a sub-range of `index`, and its span covers every index of its rows.
    #[allow(clippy::indexing_slicing)]
    fn check_duplicates(&self) -> Result<()> {
        self.groups.par_iter().try_for_each(|g| {
            let mut seen = vec![false; g.span];
            for &i in &self.index[g.offset..g.offset + g.rows] {
                let k = (i - g.start) as usize;
                if seen[k] {
                    return Err(self.in_series(
                        g,
                        Error::DuplicatePeriod {
                            period: AnyPeriod::from_index(self.frequency, i64::from(i))?,
                        },
                    ));
                }
                seen[k] = true;
            }
            Ok(())
        })
    }

    /// Applies `f` to every series in parallel; `f` writes one value per row
    /// of the series (in its internal order) into the slice it is given.
    fn map_rows<F>(&self, f: F) -> Result<Vec<f64>>
    where
        F: Fn(&Group, &[i32], &mut [f64]) -> Result<()> + Sync,
    {
        self.map_rows_as(f64::NAN, f)
    }

    /// A panel over the same rows with new values.
    fn derived(&self, values: Vec<f64>, name: String, change: bool) -> Panel {
        let values = Arc::new(values);
        Panel {
            keys: self.keys.clone(),
            period: self.period.clone(),
            index: Arc::clone(&self.index),
            values,
            groups: Arc::clone(&self.groups),
            order: self.order.clone(),
            frequency: self.frequency,
            dates: self.dates,
            name,
            change,
        }
    }
}

/// Writes `series`' slot for each row index of `index` into `out`.
fn scatter<P: Period>(series: &Series<P>, start: i32, index: &[i32], out: &mut [f64]) {
    let raw = series.raw();
    let shift = series.start().index() - start;
    for (o, &i) in out.iter_mut().zip(index) {
        let k = (i - start - shift) as isize;
        *o = if k >= 0 {
            raw.get(k as usize).copied().unwrap_or(f64::NAN)
        } else {
            f64::NAN
        };
    }
}

impl From<crate::transform::Units> for Transform {
    fn from(u: crate::transform::Units) -> Transform {
        Transform::Units(u)
    }
}
