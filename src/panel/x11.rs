//! X-11 seasonal adjustment of every series.

use ::polars::prelude::DataFrame;

use super::{Panel, frame, with_period};
use crate::error::{Error, Result};
use crate::period::Frequency;
use crate::seasonal::{Table, X11};

/// The output columns of [`Panel::x11`], in order, and the tables they hold.
const COLUMNS: [(&str, Table); 4] = [
    ("seasonal", Table::D10),
    ("adjusted", Table::D11),
    ("trend", Table::D12),
    ("irregular", Table::D13),
];

impl Panel {
    /// X-11 seasonal adjustment of every series, in parallel: the key
    /// columns, the period, and `seasonal`, `adjusted`, `trend` and
    /// `irregular` (tables D10, D11, D12 and D13), one row per input row in
    /// input order.
    ///
    /// Each series' result is exactly [`X11::fit`]'s.
    ///
    /// # Errors
    /// [`Error::FrequencyMismatch`] for an annual panel; [`Error::InSeries`]
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
        if self.frequency == Frequency::Annual {
            return Err(Error::FrequencyMismatch {
                expected: Frequency::Monthly,
                found: Frequency::Annual,
            });
        }
        let rows = with_period!(self.frequency, P => {
            self.map_rows_as([f64::NAN; 4], |g, index, out| {
                let s = self.build::<P>(g);
                let fit = x11.fit(&s)?;
                let fit = fit.as_fit();
                let tables = COLUMNS.map(|(_, t)| fit.table(t));
                for (o, &i) in out.iter_mut().zip(index) {
                    let k = (i - g.start) as usize;
                    for (v, t) in o.iter_mut().zip(&tables) {
                        *v = t.get(k).copied().unwrap_or(f64::NAN);
                    }
                }
                Ok(())
            })?
        });
        let mut cols = self.keys.columns().to_vec();
        cols.push(self.period.clone());
        for (j, (name, _)) in COLUMNS.iter().enumerate() {
            let v: Vec<f64> = rows
                .iter()
                .map(|r| r.get(j).copied().unwrap_or(f64::NAN))
                .collect();
            cols.push(frame::floats(name, &self.in_input_order(&v)));
        }
        Ok(DataFrame::new(self.period.len(), cols)?)
    }
}
