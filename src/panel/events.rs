//! Detectors on every series: one row per event.

use ::polars::prelude::{BooleanChunked, Column, DataFrame, Float64Chunked, IdxSize, Int64Chunked};
use ::polars::prelude::{IntoColumn, IntoSeries, NewChunkedArray, StringChunked};
use rayon::prelude::*;

use super::load::Group;
use super::{Panel, frame, with_period};
use crate::detect::{AnyDetector, Event, FieldValue};
use crate::error::Result;
use crate::period::Period;
use crate::series::Series;
use crate::unit::Percent;

impl Panel {
    /// Runs `detector` on every series in parallel, through
    /// [`AnyDetector`]: one row per event, series in order of first
    /// appearance and events in period order. Columns: the key columns, the
    /// period column (the event's period), `kind`
    /// ([`EventKind::name`](crate::detect::EventKind::name)), the value
    /// column (the event's value), `compared_with` (a period, null where the
    /// event has none), then every field of the events' kinds
    /// ([`EventKind::fields`](crate::detect::EventKind::fields), the union
    /// in order of first appearance; null where an event has none).
    ///
    /// A panel of levels runs the detector on levels; one made by
    /// [`transform`](Panel::transform) with a percent change or another
    /// change (`pc1`, `chg`, ...) runs it on changes, where a decline is a
    /// value below zero. The events are those of the detector on each
    /// series alone ([`Series`] built from the series' rows, gaps missing).
    ///
    /// # Errors
    /// [`Error::InSeries`](crate::Error::InSeries) naming the first series
    /// (in order of first appearance) for which the detector fails (a
    /// missing value inside a series for change points, too few
    /// observations, a frequency the detector does not take);
    /// [`Error::Polars`](crate::Error::Polars) if polars rejects the frame
    /// (a key column named `kind`, say).
    ///
    /// # Example
    /// ```
    /// use econseries::detect::Records;
    /// use econseries::panel::{Panel, PanelColumns};
    /// use polars::prelude::df;
    ///
    /// let df = df!("k" => ["a"; 4], "p" => ["2025-01", "2025-02", "2025-03", "2025-04"], "v" => [3.0, 1.0, 2.0, 0.5])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let lows = panel.detect(&Records::low())?;
    /// let since: Vec<Option<&str>> = lows.column("compared_with")?.str()?.iter().collect();
    /// // March: lowest since February; the records are compared with where records began.
    /// assert_eq!(since, [Some("2025-01"), Some("2025-01"), Some("2025-02"), Some("2025-01")]);
    /// let record: Vec<Option<bool>> = lows.column("record")?.bool()?.iter().collect();
    /// assert_eq!(record, [Some(true), Some(true), Some(false), Some(true)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn detect(&self, detector: &dyn AnyDetector) -> Result<DataFrame> {
        let change = self.change;
        let rows: Vec<(IdxSize, Row)> = with_period!(self.frequency, P => self.collect_events(|g| {
            let s: Series<P> = self.build::<P>(g);
            let events = if change {
                detector.detect(&s.into_unit::<Percent>())?
            } else {
                detector.detect(&s)?
            };
            Ok(events.into_iter().map(|e| (g.key_row, index_event(&e))).collect())
        })?);
        let mut cols = self.event_keys(rows.iter().map(|r| r.0))?;
        cols.push(self.event_periods(
            self.period.name().as_str(),
            rows.iter().map(|r| Some(r.1.period)),
        ));
        cols.push(frame::labels("kind", rows.iter().map(|r| r.1.kind)));
        cols.push(frame::opt_floats(
            &self.name,
            rows.iter().map(|r| Some(r.1.value)),
        ));
        cols.push(self.event_periods("compared_with", rows.iter().map(|r| r.1.compared_with)));
        let mut names: Vec<&'static str> = Vec::new();
        for (_, e) in &rows {
            for (n, _) in &e.fields {
                if !names.contains(n) {
                    names.push(n);
                }
            }
        }
        for name in names {
            let field = |e: &Row| e.fields.iter().find(|(n, _)| *n == name).map(|f| f.1);
            let first = rows.iter().find_map(|(_, e)| field(e));
            let values = rows.iter().map(|(_, e)| field(e));
            cols.push(match first {
                Some(FieldValue::Flag(_)) => BooleanChunked::from_iter_options(
                    name.into(),
                    values.map(|v| match v {
                        Some(FieldValue::Flag(b)) => Some(b),
                        _ => None,
                    }),
                )
                .into_series()
                .into_column(),
                Some(FieldValue::Count(_)) => Int64Chunked::from_iter_options(
                    name.into(),
                    values.map(|v| match v {
                        Some(FieldValue::Count(n)) => i64::try_from(n).ok(),
                        _ => None,
                    }),
                )
                .into_series()
                .into_column(),
                Some(FieldValue::Text(_)) => StringChunked::from_iter_options(
                    name.into(),
                    values.map(|v| match v {
                        Some(FieldValue::Text(t)) => Some(t),
                        _ => None,
                    }),
                )
                .into_series()
                .into_column(),
                _ => Float64Chunked::from_iter_options(
                    name.into(),
                    values.map(|v| match v {
                        Some(FieldValue::Number(x)) => Some(x),
                        _ => None,
                    }),
                )
                .into_series()
                .into_column(),
            });
        }
        Ok(DataFrame::new(rows.len(), cols)?)
    }

    /// Runs `f` on every series in parallel and concatenates its events in
    /// series order.
    fn collect_events<T, F>(&self, f: F) -> Result<Vec<T>>
    where
        T: Send,
        F: Fn(&Group) -> Result<Vec<T>> + Sync,
    {
        let parts: Vec<Vec<T>> = self
            .groups
            .par_iter()
            .map(|g| f(g).map_err(|e| self.in_series(g, e)))
            .collect::<Result<_>>()?;
        Ok(parts.into_iter().flatten().collect())
    }

    /// Like `map_rows`, for any plain output type.
    // Bounds: groups partition 0..rows in order, so each chunk and index slice is in range.
    #[allow(clippy::indexing_slicing)]
    pub(super) fn map_rows_as<T, F>(&self, fill: T, f: F) -> Result<Vec<T>>
    where
        T: Copy + Send + Sync,
        F: Fn(&Group, &[i32], &mut [T]) -> Result<()> + Sync,
    {
        let mut out = vec![fill; self.values.len()];
        let mut chunks: Vec<&mut [T]> = Vec::with_capacity(self.groups.len());
        let mut rest = out.as_mut_slice();
        for g in self.groups.iter() {
            let (a, b) = rest.split_at_mut(g.rows);
            chunks.push(a);
            rest = b;
        }
        chunks
            .into_par_iter()
            .zip(self.groups.par_iter())
            .try_for_each(|(chunk, g)| {
                f(g, &self.index[g.offset..g.offset + g.rows], chunk)
                    .map_err(|e| self.in_series(g, e))
            })?;
        Ok(out)
    }

    fn event_keys(&self, rows: impl Iterator<Item = IdxSize>) -> Result<Vec<Column>> {
        Ok(self.keys_at(rows.collect())?.columns().to_vec())
    }

    fn event_periods(
        &self,
        name: &str,
        index: impl Iterator<Item = Option<i32>> + Clone,
    ) -> Column {
        frame::periods(name, self.frequency, self.dates, index)
    }
}

/// An event with its periods as indices, ready for columns.
struct Row {
    period: i32,
    kind: &'static str,
    value: f64,
    compared_with: Option<i32>,
    fields: Vec<(&'static str, FieldValue)>,
}

fn index_event<P: Period>(e: &Event<P>) -> Row {
    Row {
        period: e.period.index(),
        kind: e.kind.name(),
        value: e.value,
        compared_with: e.compared_with.map(Period::index),
        fields: e.kind.fields(),
    }
}
