//! Larger-than-memory panels: a Parquet file sorted by key, read in batches
//! of whole series.

use std::fs::File;
use std::path::{Path, PathBuf};

use ::polars::io::parquet::metadata::FileMetadataRef;
use ::polars::prelude::{AnyValue, DataFrame, IdxCa, IdxSize, ParquetReader, SerReader};

use super::load::boundaries;
use super::{Panel, PanelColumns};
use crate::error::{Error, Result};

/// A Parquet file sorted by key, read as a sequence of [`Panel`]s each
/// holding whole series, so that memory is bounded by the batch, not the
/// file.
///
/// Each batch reads whole row groups until it holds at least `batch_rows`
/// rows; the rows of the last key of a batch, which may continue in the
/// next row group, are carried over to the next batch. Peak memory is about
/// one batch, plus one row group, plus the longest series, whatever the size
/// of the file. Only the key, period and value columns are read.
///
/// The file must be **sorted by key** (ascending, in the order of the key
/// columns; rows of one key in any order): each key's rows contiguous, keys
/// increasing from batch to batch. Otherwise a batch fails with
/// [`Error::NotSortedByKey`] rather than splitting a series silently.
/// Writing such a file: sort by the key columns before writing, or write one
/// Parquet row group per range of keys.
///
/// Every batch is inferred at the frequency of the first unless
/// [`PanelColumns::frequency`] states it.
///
/// # Example
/// ```
/// use econseries::panel::{write_parquet, Panel, PanelColumns, ParquetBatches};
/// use econseries::Units;
/// use polars::prelude::df;
///
/// let path = std::env::temp_dir().join("econseries-doc-batches.parquet");
/// let mut df = df!(
///     "id" => [1i64, 1, 2, 2, 3],
///     "p" => ["2024", "2025", "2024", "2025", "2025"],
///     "v" => [100.0, 110.0, 50.0, 40.0, 1.0],
/// )?;
/// write_parquet(&mut df, &path)?;
/// let cols = PanelColumns::new(["id"], "p", "v");
/// let mut series = 0;
/// for batch in ParquetBatches::open(&path, &cols, 2)? {
///     let yoy = batch?.transform(Units::Pc1.into())?;
///     series += yoy.len();
/// }
/// assert_eq!(series, 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ParquetBatches {
    path: PathBuf,
    cols: PanelColumns,
    metadata: FileMetadataRef,
    /// Rows of each row group.
    row_groups: Vec<usize>,
    next_group: usize,
    /// Rows read so far (the next row group's first row).
    next_row: usize,
    batch_rows: usize,
    /// Rows of the last key of the previous read, not yet emitted.
    carry: Option<DataFrame>,
    /// The last key emitted, to check the order.
    last_key: Option<Vec<AnyValue<'static>>>,
    done: bool,
}

impl ParquetBatches {
    /// Opens `path` for reading in batches of at least `batch_rows` rows
    /// (whole row groups, whole series).
    ///
    /// # Errors
    /// [`Error::Io`] if the file cannot be opened; [`Error::Polars`] if its
    /// metadata cannot be read; [`Error::InvalidArgument`] for a
    /// `batch_rows` of 0.
    pub fn open(path: impl AsRef<Path>, cols: &PanelColumns, batch_rows: usize) -> Result<Self> {
        if batch_rows == 0 {
            return Err(Error::InvalidArgument {
                name: "batch_rows",
                value: "0".to_owned().into(),
                expected: "at least 1",
            });
        }
        let path = path.as_ref().to_path_buf();
        let mut reader = ParquetReader::new(File::open(&path)?);
        let metadata = reader.get_metadata()?.clone();
        let row_groups = metadata.row_groups.iter().map(|g| g.num_rows()).collect();
        Ok(ParquetBatches {
            path,
            cols: cols.clone(),
            metadata,
            row_groups,
            next_group: 0,
            next_row: 0,
            batch_rows,
            carry: None,
            last_key: None,
            done: false,
        })
    }

    /// The total number of rows in the file.
    pub fn total_rows(&self) -> usize {
        self.row_groups.iter().sum()
    }

    /// Reads whole row groups until at least `batch_rows` rows are held
    /// (with the carry); `None` at the end of the file.
    fn read_more(&mut self, held: usize) -> Result<Option<DataFrame>> {
        if self.next_group >= self.row_groups.len() {
            return Ok(None);
        }
        let mut rows = 0;
        let mut end = self.next_group;
        while let Some(&r) = self.row_groups.get(end) {
            if end > self.next_group && held + rows >= self.batch_rows {
                break;
            }
            rows += r;
            end += 1;
        }
        let mut reader = ParquetReader::new(File::open(&self.path)?);
        reader.set_metadata(self.metadata.clone());
        let df = reader
            .with_columns(Some(self.cols.all()))
            .with_slice(Some((self.next_row, rows)))
            .finish()?;
        self.next_group = end;
        self.next_row += rows;
        Ok(Some(df))
    }

    fn next_batch(&mut self) -> Result<Option<Panel>> {
        let mut df = self.carry.take();
        let complete = loop {
            let held = df.as_ref().map_or(0, DataFrame::height);
            match self.read_more(held)? {
                None => {
                    self.done = true;
                    break df;
                }
                Some(more) => {
                    let mut all = match df {
                        None => more,
                        Some(mut d) => {
                            d.vstack_mut(&more)?;
                            d
                        }
                    };
                    let cut = last_run_start(&all, &self.cols.keys)?;
                    if cut == 0 {
                        // One key so far: read on to find where it ends.
                        df = Some(all);
                        continue;
                    }
                    // A copy, not a slice: a slice would keep the whole
                    // read alive until the next batch.
                    let n = all.height() - cut;
                    let tail = all.take(&IdxCa::from_vec(
                        "rows".into(),
                        (cut as IdxSize..(cut + n) as IdxSize).collect(),
                    ))?;
                    all = all.slice(0, cut);
                    self.carry = Some(tail);
                    break Some(all);
                }
            }
        };
        let Some(complete) = complete else {
            return Ok(None);
        };
        if complete.height() == 0 {
            return Ok(None);
        }
        // Every run of equal keys must start a key greater than the one
        // before it, across batches too: one check per series.
        let starts = boundaries(&complete.select(self.cols.keys.iter().map(String::as_str))?)?;
        for (row, b) in starts.iter().enumerate() {
            if b != Some(true) {
                continue;
            }
            let key = key_at(&complete, &self.cols.keys, row)?;
            if let Some(last) = &self.last_key
                && !key_less(last, &key)
            {
                return Err(Error::NotSortedByKey {
                    key: describe(&self.cols.keys, &key).into(),
                    previous: describe(&self.cols.keys, last).into(),
                });
            }
            self.last_key = Some(key);
        }
        let mut cols = self.cols.clone();
        let panel = Panel::from_dataframe(complete, &cols)?;
        // Later batches must read at this batch's frequency.
        if cols.frequency.is_none() {
            cols.frequency = Some(panel.frequency());
            self.cols = cols;
        }
        Ok(Some(panel))
    }
}

impl Iterator for ParquetBatches {
    type Item = Result<Panel>;

    fn next(&mut self) -> Option<Result<Panel>> {
        if self.done && self.carry.is_none() {
            return None;
        }
        match self.next_batch() {
            Ok(Some(p)) => Some(Ok(p)),
            Ok(None) => None,
            Err(e) => {
                // Stop after an error: the order of later batches is unknown.
                self.done = true;
                self.carry = None;
                Some(Err(e))
            }
        }
    }
}

/// The first row of the last run of equal keys.
fn last_run_start(df: &DataFrame, keys: &[String]) -> Result<usize> {
    let b = boundaries(&df.select(keys.iter().map(String::as_str))?)?;
    let mut start = 0;
    for (i, x) in b.iter().enumerate() {
        if x == Some(true) {
            start = i;
        }
    }
    Ok(start)
}

fn key_at(df: &DataFrame, keys: &[String], row: usize) -> Result<Vec<AnyValue<'static>>> {
    keys.iter()
        .map(|k| Ok(df.column(k)?.get(row)?.into_static()))
        .collect()
}

/// Lexicographic `a < b` over the key columns.
fn key_less(a: &[AnyValue<'static>], b: &[AnyValue<'static>]) -> bool {
    for (x, y) in a.iter().zip(b) {
        match x.partial_cmp(y) {
            Some(core::cmp::Ordering::Less) => return true,
            Some(core::cmp::Ordering::Greater) | None => return false,
            Some(core::cmp::Ordering::Equal) => {}
        }
    }
    false
}

fn describe(names: &[String], key: &[AnyValue<'static>]) -> String {
    let one = |v: &AnyValue<'static>| match v {
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::String(s) => (*s).to_owned(),
        v => v.to_string(),
    };
    if let [v] = key {
        one(v)
    } else {
        names
            .iter()
            .zip(key)
            .map(|(n, v)| format!("{n}={}", one(v)))
            .collect::<Vec<_>>()
            .join(",")
    }
}
