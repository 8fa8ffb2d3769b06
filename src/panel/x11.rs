//! X-11 seasonal adjustment of every series.

use ::polars::prelude::DataFrame;

use super::{Panel, with_period};
use crate::error::Result;
use crate::seasonal::{Table, X11};

/// The tables of the output columns `seasonal`, `adjusted`, `trend` and
/// `irregular`.
const TABLES: [Table; 4] = [Table::D10, Table::D11, Table::D12, Table::D13];

impl Panel {
    /// X-11 seasonal adjustment of every series, in parallel: the key
    /// columns, the period, and `seasonal`, `adjusted`, `trend` and
    /// `irregular` (tables D10, D11, D12 and D13), one row per input row in
    /// input order.
    ///
    /// Each series' result is exactly [`X11::fit`]'s.
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`](crate::Error::FrequencyMismatch) for an annual panel; [`Error::InSeries`](crate::Error::InSeries)
    /// naming the first series (in order of first appearance) that X-11
    /// rejects, around the error [`X11::fit`] gives (a missing value, a
    /// value that is not positive in a multiplicative mode, fewer than three
    /// years).
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    /// use econseries::seasonal::X11;
    /// use polars::prelude::DataFrame;
    ///
    /// let months: Vec<String> = (0..48).map(|i| format!("{}-{:02}", 2020 + i / 12, i % 12 + 1)).collect();
    /// let mut key = vec!["a"; 48];
    /// key.extend(vec!["b"; 48]);
    /// let period: Vec<String> = months.iter().chain(&months).cloned().collect();
    /// let value: Vec<f64> = (0..96).map(|i| 100.0 + (i % 48) as f64 + if i % 12 == 11 { 20.0 } else { 0.0 } * (1 + i / 48) as f64).collect();
    /// let df = DataFrame::new(96, vec![
    ///     polars::prelude::Column::new("k".into(), key),
    ///     polars::prelude::Column::new("p".into(), period),
    ///     polars::prelude::Column::new("v".into(), value),
    /// ])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let out = panel.x11(&X11::new())?;
    /// assert_eq!(out.get_column_names(), ["k", "p", "seasonal", "adjusted", "trend", "irregular"]);
    /// let s: Vec<Option<f64>> = out.column("seasonal")?.f64()?.iter().collect();
    /// assert!(s[11].ok_or("missing")? > 1.1 && s[59].ok_or("missing")? > s[11].ok_or("missing")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn x11(&self, x11: &X11) -> Result<DataFrame> {
        self.adjustment_frame(|g| {
            with_period!(self.frequency, P => {
                let fit = x11.fit(&self.build::<P>(g))?;
                let fit = fit.as_fit();
                Ok((0, TABLES.map(|t| fit.table(t).to_vec())))
            })
        })
    }
}
