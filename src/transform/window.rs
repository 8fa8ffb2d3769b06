use crate::error::Result;
use crate::period::Period;
use crate::series::Series;
use crate::unit::{Percent, Value};

impl<P: Period, U: Value> Series<P, U> {
    /// Mean over the `k` periods ending at each period; missing unless all `k` are present.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `k == 0`.
    pub fn rolling_mean(&self, k: usize) -> Result<Series<P, U>> {
        let _ = k;
        todo!()
    }

    /// Sum over the `k` periods ending at each period; missing unless all `k` are present.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `k == 0`.
    pub fn rolling_sum(&self, k: usize) -> Result<Series<P, U>> {
        let _ = k;
        todo!()
    }

    /// Year-to-date cumulative sum.
    pub fn ytd_sum(&self) -> Series<P, U> {
        todo!()
    }

    /// Year-on-year percent change of the year-to-date sum.
    pub fn ytd_yoy(&self) -> Series<P, Percent> {
        todo!()
    }

    /// Single periods recovered from a year-to-date series.
    pub fn from_ytd(&self) -> Series<P, U> {
        todo!()
    }
}
