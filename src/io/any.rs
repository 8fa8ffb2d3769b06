//! Writing an [`AnySeries`] as CSV.

use std::io::Write;

use crate::error::Result;
use crate::series::{AnySeries, each_any};

impl AnySeries {
    /// Writes the series as CSV, as [`Series::write_csv`](crate::Series::write_csv) does.
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) if writing fails.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let any = AnySeries::read("observation_date,GDP\n2025-01-01,1\n2025-07-01,3\n".as_bytes(), &ReadOptions::new())?;
    /// let mut out = Vec::new();
    /// any.write_csv(&mut out)?;
    /// assert_eq!(out, b"period,value\n2025-Q1,1\n2025-Q2,\n2025-Q3,3\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn write_csv(&self, writer: impl Write) -> Result<()> {
        each_any!(self, s => s.write_csv(writer))
    }

    /// The series as CSV text, as [`Series::to_csv_string`](crate::Series::to_csv_string) gives it.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, io::ReadOptions};
    ///
    /// let any = AnySeries::read(" 1871 , 1120 \r\n1872,1160\r\n".as_bytes(), &ReadOptions::new())?;
    /// assert_eq!(any.to_csv_string(), "period,value\n1871,1120\n1872,1160\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn to_csv_string(&self) -> String {
        each_any!(self, s => s.to_csv_string())
    }
}
