//! A spec file template of the X-13 program run on every series.

use ::polars::prelude::DataFrame;

use super::{Panel, with_period};
use crate::error::Result;
use crate::x13::regressors::Span;
use crate::x13::spec::X13Spec;

impl Panel {
    /// Runs a spec template ([`X13Spec::parse_template`]) on every series,
    /// in parallel: the key columns, the period, and `seasonal`,
    /// `adjusted`, `trend` and `irregular` (tables D10, D11, D12 and D13),
    /// one row per input row in input order; empty outside the template's
    /// `span`.
    ///
    /// Each series' result is exactly
    /// `template.with_series(&series)?.run()`'s ([`X13Spec::run`]).
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`](crate::Error::FrequencyMismatch) for an annual panel or one whose
    /// frequency is not the template's `period`; [`Error::InSeries`](crate::Error::InSeries) naming
    /// the first series (in order of first appearance) that the run
    /// rejects, around its error (a spec that needs what the run does not
    /// implement yet, such as `automdl`, a missing value, a value the transform or mode cannot
    /// take, fewer than three years).
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    /// use econseries::x13::spec::X13Spec;
    /// use polars::prelude::{Column, DataFrame};
    ///
    /// let months: Vec<String> = (0..48).map(|i| format!("{}-{:02}", 2020 + i / 12, i % 12 + 1)).collect();
    /// let mut key = vec!["a"; 48];
    /// key.extend(vec!["b"; 48]);
    /// let period: Vec<String> = months.iter().chain(&months).cloned().collect();
    /// let value: Vec<f64> = (0..96).map(|i| 100.0 + (i % 48) as f64 + if i % 12 == 11 { 20.0 } else { 0.0 }).collect();
    /// let df = DataFrame::new(96, vec![
    ///     Column::new("k".into(), key),
    ///     Column::new("p".into(), period),
    ///     Column::new("v".into(), value),
    /// ])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let template = X13Spec::parse_template("transform{function=log adjust=lom} x11{}")?;
    /// let out = panel.x13(&template)?;
    /// assert_eq!(out.get_column_names(), ["k", "p", "seasonal", "adjusted", "trend", "irregular"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn x13(&self, template: &X13Spec) -> Result<DataFrame> {
        self.adjustment_frame(|g| {
            with_period!(self.frequency, P => {
                let spec = template.with_series(&self.build::<P>(g))?;
                let run = spec.run()?;
                // The run covers the template's span: its first period's
                // offset from the series' start.
                let all = Span::from_date(
                    spec.series.period,
                    spec.series.start,
                    spec.series.data.len(),
                )?;
                let from = all.offset(run.span().start());
                let tables = [run.seasonal(), run.adjusted(), run.trend(), run.irregular()];
                Ok((from, tables.map(<[f64]>::to_vec)))
            })
        })
    }
}
