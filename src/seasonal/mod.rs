//! Seasonal adjustment and trend filters: X-11 as the Census X-13ARIMA-SEATS
//! program computes it, STL, classical decomposition, HP and Hamilton
//! filters, Lunar New Year handling.
//!
//! Many series that matter come raw: US imports from China (Census, not
//! seasonally adjusted) and China's customs figures. Their month-on-month
//! changes mostly measure the calendar. This module decomposes, adjusts and
//! smooths them.
//!
//! | what | type | reference it matches |
//! |---|---|---|
//! | STL, robust or not, additive or multiplicative | [`Stl`] → [`Decomposition`] | statsmodels `STL` (within 1e-10 of the series' scale) |
//! | classical decomposition (2×12, 2×4 moving averages) | [`Classical`] → [`Decomposition`] | statsmodels `seasonal_decompose` |
//! | seasonally adjusted series | [`Decomposition::adjusted`] | |
//! | strength of seasonality and trend | [`Decomposition::seasonal_strength`], [`Decomposition::trend_strength`] | Wang, Smith and Hyndman (2006) |
//! | Hodrick–Prescott filter, O(n), λ by frequency; one-sided | [`HpFilter`] | statsmodels `hpfilter`; dense solves |
//! | Hamilton's regression filter | [`Hamilton`] | `numpy.linalg.lstsq` |
//! | X-11 (all modes and filters, tables B1–E3, M1–M11, Q) | [`X11`] → [`X11Adjustment`] | the Census X-13ARIMA-SEATS program (D10–D13 within 1e-8) |
//! | January and February combined (Lunar New Year) | [`JanFebSeries`], [`JanFebPeriod`] | pandas |
//!
//! Missing values are never turned silently into all-missing output (as
//! statsmodels' STL does): every method rejects them with an error naming the
//! period, unless the caller opts into [`Missing::Interpolate`].
//!
//! Slice-level methods ([`Stl::fit_slice`], [`HpFilter::trend_slice`],
//! [`Hamilton::cycle_slice`]) work on plain `&[f64]`, for
//! data that is not a calendar series or longer than one can be (an HP filter
//! over a million points).
//!
//! # Example
//! ```
//! use econseries::{Month, Series, seasonal::Stl};
//!
//! // Synthetic: a rising level with a January dip and a summer bulge.
//! let jan = Month::new(2020, 1)?;
//! let pattern = [-8.0, -3.0, 0.0, 1.0, 2.0, 4.0, 5.0, 4.0, 1.0, -1.0, -2.0, -3.0];
//! let x = Series::from_values(jan, (0..60).map(|i| 100.0 + 0.5 * i as f64 + pattern[i % 12]))?;
//! let fit = x.stl()?;
//! let sa = fit.adjusted();
//! // Raw January 2024 falls 10.5 from December; adjusted, it rises by about the trend's 0.5.
//! let (dec, jan24) = (Month::new(2023, 12)?, Month::new(2024, 1)?);
//! let raw = x.get(jan24).ok_or("missing")? - x.get(dec).ok_or("missing")?;
//! let adj = sa.get(jan24).ok_or("missing")? - sa.get(dec).ok_or("missing")?;
//! assert!((raw + 4.5).abs() < 1e-9 && (adj - 0.5).abs() < 0.2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod classical;
mod decomposition;
mod hamilton;
mod hp;
mod loess;
mod lunar;
mod stl;
mod x11;

pub use classical::Classical;
pub use decomposition::{Decomposition, Missing, Model, TrendCycle};
pub use hamilton::Hamilton;
pub use hp::HpFilter;
pub use lunar::{JanFebPeriod, JanFebSeries};
pub use stl::{Stl, StlComponents};
pub use x11::{
    CalendarSigma, SeasonalFilter, Table, X11, X11Adjustment, X11Diagnostics, X11Fit, X11Mode,
};

use crate::error::Result;
use crate::period::Period;
use crate::series::Series;

impl<P: Period> Series<P> {
    /// STL decomposition with statsmodels' defaults (`Stl::new().fit(self)`):
    /// see [`Stl`] for the settings.
    ///
    /// # Errors
    /// As [`Stl::fit`].
    pub fn stl(&self) -> Result<Decomposition<P>> {
        Stl::new().fit(self)
    }

    /// Two-sided Hodrick–Prescott filter with λ by frequency
    /// (`HpFilter::new().apply(self)`): see [`HpFilter`].
    ///
    /// # Errors
    /// As [`HpFilter::apply`].
    pub fn hp_filter(&self) -> Result<TrendCycle<P>> {
        HpFilter::new().apply(self)
    }

    /// Hamilton's regression filter with his recommended horizon and lags
    /// (`Hamilton::new().apply(self)`): see [`Hamilton`].
    ///
    /// # Errors
    /// As [`Hamilton::apply`].
    pub fn hamilton_filter(&self) -> Result<TrendCycle<P>> {
        Hamilton::new().apply(self)
    }
}
