//! Reading panels from CSV and Parquet files, and writing results, through
//! polars' own readers and writers.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use ::polars::prelude::{
    CsvReadOptions, CsvWriter, DataFrame, DataType, NullValues, ParquetReader, ParquetWriter,
    PlSmallStr, Schema, SerReader, SerWriter,
};

use super::{Panel, PanelColumns};
use crate::error::Result;

impl Panel {
    /// Reads a panel from a CSV file with a header row; only the named
    /// columns are parsed (polars' projection, hence the name, after
    /// `LazyFrame::scan_csv`; the read itself is eager, through polars-io,
    /// which keeps polars' streaming engine and its network stack out of the
    /// build).
    ///
    /// Key and period columns are read as text (so `007` stays `007` and
    /// `2025` is a year, not a number); the value column as numbers, with an
    /// empty field or FRED's `.` a missing value.
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) if the file cannot be opened; [`Error::Polars`](crate::Error::Polars) for a
    /// malformed file, an absent column or a value that is not a number;
    /// otherwise as [`from_dataframe`](Panel::from_dataframe).
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    ///
    /// let path = std::env::temp_dir().join("econseries-doc-panel.csv");
    /// std::fs::write(&path, "id,period,value\nA,2025-01,1\nA,2025-02,.\nB,2025-01,3\n")?;
    /// let panel = Panel::scan_csv(&path, &PanelColumns::new(["id"], "period", "value"))?;
    /// assert_eq!((panel.len(), panel.rows()), (2, 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scan_csv(path: impl AsRef<Path>, cols: &PanelColumns) -> Result<Panel> {
        let path = path.as_ref();
        // Opening first gives an `Error::Io` for a missing file.
        File::open(path)?;
        let mut schema = Schema::default();
        for k in &cols.keys {
            schema.with_column(k.as_str().into(), DataType::String);
        }
        schema.with_column(cols.period.as_str().into(), DataType::String);
        schema.with_column(cols.value.as_str().into(), DataType::Float64);
        let names: Vec<PlSmallStr> = cols.all().iter().map(|c| c.as_str().into()).collect();
        let df = CsvReadOptions::default()
            .with_has_header(true)
            .with_columns(Some(Arc::from(names)))
            .with_schema_overwrite(Some(Arc::new(schema)))
            .map_parse_options(|o| {
                o.with_null_values(Some(NullValues::Named(vec![(
                    cols.value.as_str().into(),
                    ".".into(),
                )])))
            })
            .try_into_reader_with_file_path(Some(path.to_path_buf()))?
            .finish()?;
        Panel::from_dataframe(df, cols)
    }

    /// Reads a panel from a Parquet file; only the named columns are read
    /// (projection pushdown, as polars' `scan_parquet` would do).
    ///
    /// The whole of those columns is read into memory; for a file larger
    /// than memory, see [`ParquetBatches`](super::ParquetBatches).
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) if the file cannot be opened; [`Error::Polars`](crate::Error::Polars) for a
    /// file polars cannot read or an absent column; otherwise as
    /// [`from_dataframe`](Panel::from_dataframe).
    pub fn scan_parquet(path: impl AsRef<Path>, cols: &PanelColumns) -> Result<Panel> {
        let df = ParquetReader::new(File::open(path)?)
            .with_columns(Some(cols.all()))
            .finish()?;
        Panel::from_dataframe(df, cols)
    }
}

/// Writes `df` as CSV (header row, missing values as empty fields).
///
/// # Errors
/// [`Error::Polars`](crate::Error::Polars) if writing fails (an I/O error included).
///
/// # Example
/// ```
/// use econseries::panel::write_csv;
/// use polars::prelude::df;
///
/// let mut df = df!("k" => ["a"], "v" => [1.5])?;
/// let mut out = Vec::new();
/// write_csv(&mut df, &mut out)?;
/// assert_eq!(String::from_utf8(out)?, "k,v\na,1.5\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_csv(df: &mut DataFrame, writer: impl Write) -> Result<()> {
    let mut writer = writer;
    CsvWriter::new(&mut writer).finish(df)?;
    Ok(())
}

/// Writes `df` as a Parquet file at `path`.
///
/// # Errors
/// [`Error::Io`](crate::Error::Io) if the file cannot be created; [`Error::Polars`](crate::Error::Polars) if
/// writing fails.
pub fn write_parquet(df: &mut DataFrame, path: impl AsRef<Path>) -> Result<()> {
    ParquetWriter::new(File::create(path)?).finish(df)?;
    Ok(())
}
