use crate::error::Result;
use crate::period::Period;
use crate::series::Series;
use crate::unit::{Percent, Value};

impl<P: Period, U: Value> Series<P, U> {
    /// Rebased so that the value at `base` is 100.
    ///
    /// # Errors
    /// [`Error::Undefined`](crate::Error::Undefined) if the base value is missing or not positive.
    pub fn rebase_to_period(&self, base: P) -> Result<Series<P>> {
        let _ = base;
        todo!()
    }

    /// Rebased so that the mean over calendar year `year` is 100.
    ///
    /// # Errors
    /// [`Error::Undefined`](crate::Error::Undefined) if any period of the year is missing
    /// or the mean is not positive.
    pub fn rebase_to_year(&self, year: i32) -> Result<Series<P>> {
        let _ = year;
        todo!()
    }

    /// Deflated by a price index (= 100 in its base period): `x · 100 / price`.
    pub fn deflate<V: Value>(&self, price_index: &Series<P, V>) -> Series<P> {
        let _ = price_index;
        todo!()
    }

    /// Compound annual growth rate between two periods.
    ///
    /// # Errors
    /// [`Error::Undefined`](crate::Error::Undefined) if either value is missing or not positive.
    pub fn cagr(&self, from: P, to: P) -> Result<Percent> {
        let _ = (from, to);
        todo!()
    }
}
