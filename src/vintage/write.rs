//! Writing a vintaged series as a long CSV.

use std::io::Write;

use super::series::VintagedSeries;
use crate::error::Result;
use crate::io::format_value;
use crate::period::Period;

impl<P: Period> VintagedSeries<P> {
    /// Writes the series as a long CSV
    /// `series_id,period,value,realtime_start,realtime_end`, one row per
    /// stored value, `id` in every row;
    /// [`AnyVintagedSeries::read`](super::AnyVintagedSeries::read) reads it
    /// back to an equal series.
    ///
    /// # Errors
    /// [`Error::Io`](crate::Error::Io) if writing fails.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, io::ReadOptions, vintage::VintagedSeries};
    ///
    /// let q: Quarter = "2025-Q1".parse()?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [-0.3])?),
    ///     ("2025-12-23".parse()?, Series::from_values(q, [-0.6])?),
    /// ])?;
    /// let mut out = Vec::new();
    /// v.write_long_csv(&mut out, "GDP")?;
    /// assert_eq!(String::from_utf8(out.clone())?, "series_id,period,value,realtime_start,realtime_end\n\
    ///     GDP,2025-Q1,-0.3,2025-04-30,2025-12-22\nGDP,2025-Q1,-0.6,2025-12-23,9999-12-31\n");
    /// assert_eq!(VintagedSeries::<Quarter>::read(&out[..], &ReadOptions::new())?, v);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_long_csv(&self, mut writer: impl Write, id: &str) -> Result<()> {
        let id = crate::input::csv_field(id);
        let mut out = String::from("series_id,period,value,realtime_start,realtime_end\n");
        for o in self.observations() {
            out.push_str(&id);
            out.push(',');
            out.push_str(&o.period.to_string());
            out.push(',');
            if let Some(x) = o.value {
                out.push_str(&format_value(x));
            }
            out.push_str(&format!(",{},{}\n", o.realtime.start(), o.realtime.end()));
        }
        writer.write_all(out.as_bytes())?;
        Ok(())
    }
}
