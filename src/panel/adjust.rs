//! The frame both seasonal adjustments of a panel return.

use ::polars::prelude::DataFrame;

use super::{Panel, frame, load::Group};
use crate::error::{Error, Result};
use crate::period::Frequency;

/// The output columns of [`Panel::x11`] and [`Panel::x13`], in order: the
/// tables D10, D11, D12 and D13.
const COLUMNS: [&str; 4] = ["seasonal", "adjusted", "trend", "irregular"];

/// One series' four tables and the offset of their first value from the
/// series' first period (a spec's `span` may start later).
pub(super) type Tables = (i64, [Vec<f64>; 4]);

impl Panel {
    /// Runs `tables` on every series in parallel and lays the four tables
    /// out one row per input row, in input order; empty where a table has
    /// no value for a row's period.
    pub(super) fn adjustment_frame<F>(&self, tables: F) -> Result<DataFrame>
    where
        F: Fn(&Group) -> Result<Tables> + Sync,
    {
        // Seasonal adjustment needs seasons: take months and
        // quarters only.
        if self.frequency == Frequency::Annual {
            return Err(Error::FrequencyMismatch {
                expected: Frequency::Monthly,
                found: Frequency::Annual,
            });
        }
        let rows = self.map_rows_as([f64::NAN; 4], |g, index, out| {
            let (from, tables) = tables(g)?;
            for (o, &i) in out.iter_mut().zip(index) {
                let k = i64::from(i - g.start) - from;
                for (v, t) in o.iter_mut().zip(&tables) {
                    *v = usize::try_from(k)
                        .ok()
                        .and_then(|k| t.get(k).copied())
                        .unwrap_or(f64::NAN);
                }
            }
            Ok(())
        })?;
        let mut cols = self.keys.columns().to_vec();
        cols.push(self.period.clone());
        for (j, name) in COLUMNS.iter().enumerate() {
            let v: Vec<f64> = rows
                .iter()
                .map(|r| r.get(j).copied().unwrap_or(f64::NAN))
                .collect();
            cols.push(frame::floats(name, &self.in_input_order(&v)));
        }
        Ok(DataFrame::new(self.period.len(), cols)?)
    }
}
