//! FRED's units and frequency conversion on an [`AnySeries`].

use crate::error::{Error, Result};
use crate::period::Frequency;
use crate::series::{AnySeries, map_any};
use crate::transform::{Aggregation, Units};

impl AnySeries {
    /// Applies one of FRED's units, as [`Series::units`](crate::Series::units) does.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Units, io::ReadOptions};
    ///
    /// let any = AnySeries::read("1871,100\n1872,110\n".as_bytes(), &ReadOptions::new())?;
    /// let growth = any.units(Units::Pch);
    /// assert_eq!(growth.to_csv_string(), "period,value\n1871,\n1872,10.000000000000009\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn units(&self, units: Units) -> AnySeries {
        map_any!(self, s => s.units(units))
    }

    /// Converts to the coarser frequency `to`, as [`Series::aggregate`](crate::Series::aggregate) does: a
    /// coarser period is missing unless all its sub-periods are present.
    ///
    /// # Errors
    /// [`Error::NotCoarser`] unless `to` is coarser than the series' frequency.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Aggregation, Frequency, io::ReadOptions};
    ///
    /// let any = AnySeries::read("2025-01,1\n2025-02,2\n2025-03,6\n".as_bytes(), &ReadOptions::new())?;
    /// let q = any.aggregate(Frequency::Quarterly, Aggregation::Mean)?;
    /// assert_eq!(q.to_csv_string(), "period,value\n2025-Q1,3\n");
    /// assert!(q.aggregate(Frequency::Monthly, Aggregation::Mean).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate(&self, to: Frequency, method: Aggregation) -> Result<AnySeries> {
        self.convert(to, method, None)
    }

    /// Like [`aggregate`](AnySeries::aggregate), but a coarser period needs
    /// only `min_count` present sub-periods, as [`Series::aggregate_with`](crate::Series::aggregate_with).
    ///
    /// # Errors
    /// [`Error::NotCoarser`] unless `to` is coarser than the series'
    /// frequency; [`Error::InvalidArgument`] unless `min_count` is between 1
    /// and the number of sub-periods in a `to` period.
    ///
    /// # Example
    /// ```
    /// use econseries::{AnySeries, Aggregation, Frequency, io::ReadOptions};
    ///
    /// let any = AnySeries::read("2025-01,1\n2025-02,2\n".as_bytes(), &ReadOptions::new())?;
    /// let strict = any.aggregate(Frequency::Quarterly, Aggregation::Mean)?;
    /// assert_eq!(strict.count(), 0);
    /// let lenient = any.aggregate_with(Frequency::Quarterly, Aggregation::Mean, 2)?;
    /// assert_eq!(lenient.to_csv_string(), "period,value\n2025-Q1,1.5\n");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn aggregate_with(
        &self,
        to: Frequency,
        method: Aggregation,
        min_count: u32,
    ) -> Result<AnySeries> {
        self.convert(to, method, Some(min_count))
    }

    fn convert(
        &self,
        to: Frequency,
        method: Aggregation,
        min_count: Option<u32>,
    ) -> Result<AnySeries> {
        Ok(match (self, to) {
            (AnySeries::Monthly(s), Frequency::Quarterly) => {
                AnySeries::Quarterly(match min_count {
                    None => s.aggregate(method),
                    Some(n) => s.aggregate_with(method, n)?,
                })
            }
            (AnySeries::Monthly(s), Frequency::Annual) => AnySeries::Annual(match min_count {
                None => s.aggregate(method),
                Some(n) => s.aggregate_with(method, n)?,
            }),
            (AnySeries::Quarterly(s), Frequency::Annual) => AnySeries::Annual(match min_count {
                None => s.aggregate(method),
                Some(n) => s.aggregate_with(method, n)?,
            }),
            _ => {
                return Err(Error::NotCoarser {
                    from: self.frequency(),
                    to,
                });
            }
        })
    }
}
