//! Detectors on every series: records per row, and one row per event for
//! streaks, crossings and change points.

use std::borrow::Cow;

use ::polars::prelude::{Column, DataFrame, IdxSize};
use rayon::prelude::*;

use super::load::Group;
use super::{Panel, frame, with_period};
use crate::changepoint::ChangePoints;
use crate::detect::{Direction, Extreme, StreakBasis, crossings, records, streaks};
use crate::error::{Error, Result};
use crate::period::Period;

/// `since` codes for a row without a period to name.
const MISSING: i32 = i32::MIN;
const RECORD: i32 = i32::MIN + 1;

impl Panel {
    /// Records of every series ([`detect::records`](crate::detect::records)):
    /// one row per input row with the key columns, the period column, the
    /// value, `record` (no earlier value of the series at least as extreme)
    /// and `since` (the last earlier period at least as extreme: "the lowest
    /// since …"); both null where the value is missing, `since` null for a
    /// record.
    ///
    /// Applied to year-on-year growth, [`Extreme::Low`] gives "the steepest
    /// fall since …".
    ///
    /// # Errors
    /// [`Error::Polars`] if polars rejects the frame (a key column named
    /// `record` or `since`, say).
    ///
    /// # Example
    /// ```
    /// use econseries::detect::Extreme;
    /// use econseries::panel::{Panel, PanelColumns};
    /// use polars::prelude::df;
    ///
    /// let df = df!("k" => ["a"; 4], "p" => ["2025-01", "2025-02", "2025-03", "2025-04"], "v" => [3.0, 1.0, 2.0, 0.5])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let lows = panel.records(Extreme::Low)?;
    /// let since: Vec<Option<&str>> = lows.column("since")?.str()?.iter().collect();
    /// assert_eq!(since, [None, None, Some("2025-02"), None]); // March: lowest since February
    /// let record: Vec<Option<bool>> = lows.column("record")?.bool()?.iter().collect();
    /// assert_eq!(record, [Some(true), Some(true), Some(false), Some(true)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn records(&self, extreme: Extreme) -> Result<DataFrame> {
        let since = with_period!(self.frequency, P => self.map_rows_as(MISSING, |g, index, out| {
            let s = self.build::<P>(g);
            let mut slot = vec![MISSING; g.span];
            for r in records(&s, extreme) {
                if let Some(x) = slot.get_mut((r.period.index() - g.start) as usize) {
                    *x = r.since.map_or(RECORD, |p| p.index());
                }
            }
            for (o, &i) in out.iter_mut().zip(index) {
                *o = slot.get((i - g.start) as usize).copied().unwrap_or(MISSING);
            }
            Ok(())
        })?);
        let since = match self.in_input_order(&since) {
            Cow::Borrowed(_) => since,
            Cow::Owned(v) => v,
        };
        let n = since.len();
        let mut cols = self.keys.columns().to_vec();
        cols.push(self.period.clone());
        cols.push(self.value_column());
        cols.push(frame::bools(
            "record",
            since.iter().map(|&s| (s != MISSING).then_some(s == RECORD)),
        ));
        cols.push(frame::periods_owned(
            "since",
            self.frequency,
            self.dates,
            since,
            |s| s == MISSING || s == RECORD,
        ));
        Ok(DataFrame::new(n, cols)?)
    }

    /// Streaks of every series ([`detect::streaks`](crate::detect::streaks)),
    /// one row per streak: the key columns, `start`, `end` (periods),
    /// `direction` (`up`/`down`), `length` and `change` (the cumulative change
    /// for [`StreakBasis::Change`], null for [`StreakBasis::Sign`]).
    ///
    /// # Errors
    /// [`Error::Polars`] if polars rejects the frame.
    ///
    /// # Example
    /// ```
    /// use econseries::detect::StreakBasis;
    /// use econseries::panel::{Panel, PanelColumns};
    /// use polars::prelude::df;
    ///
    /// let df = df!("k" => [1, 1, 1, 2, 2], "p" => ["2025-01", "2025-02", "2025-03", "2025-01", "2025-02"],
    ///              "v" => [10.0, 9.0, 8.0, 1.0, 2.0])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let runs = panel.streaks(StreakBasis::Change)?;
    /// assert_eq!(runs.height(), 2);
    /// let length: Vec<Option<i64>> = runs.column("length")?.i64()?.iter().collect();
    /// assert_eq!(length, [Some(2), Some(1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn streaks(&self, basis: StreakBasis) -> Result<DataFrame> {
        struct Row {
            key: IdxSize,
            up: bool,
            start: i32,
            end: i32,
            length: i64,
            change: Option<f64>,
        }
        let rows: Vec<Row> = with_period!(self.frequency, P => self.collect_events(|g| {
            let s = self.build::<P>(g);
            Ok(streaks(&s, basis)
                .into_iter()
                .map(|r| Row {
                    key: g.key_row,
                    up: r.direction == Direction::Up,
                    start: r.start.index(),
                    end: r.end.index(),
                    length: r.length as i64,
                    change: r.change,
                })
                .collect())
        })?);
        let mut cols = self.event_keys(rows.iter().map(|r| r.key))?;
        cols.push(self.event_periods("start", rows.iter().map(|r| Some(r.start))));
        cols.push(self.event_periods("end", rows.iter().map(|r| Some(r.end))));
        cols.push(direction(rows.iter().map(|r| r.up)));
        cols.push(frame::ints(
            "length",
            rows.iter().map(|r| r.length).collect(),
        ));
        cols.push(frame::opt_floats("change", rows.iter().map(|r| r.change)));
        Ok(DataFrame::new(rows.len(), cols)?)
    }

    /// Crossings of `threshold` in every series
    /// ([`detect::crossings`](crate::detect::crossings)), one row per
    /// crossing: the key columns, the period column (the first period on the
    /// new side), the value, `direction`, `from` (the last observation on the
    /// old side) and `last_on_side` (the last earlier period on the new side,
    /// null if never).
    ///
    /// # Errors
    /// [`Error::NotFinite`] for a NaN or infinite threshold; [`Error::Polars`]
    /// if polars rejects the frame.
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    /// use polars::prelude::df;
    ///
    /// let df = df!("k" => ["a", "a", "a"], "p" => ["2025-01", "2025-02", "2025-03"], "v" => [51.0, 49.0, 52.0])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let c = panel.crossings(50.0)?;
    /// let dir: Vec<Option<&str>> = c.column("direction")?.str()?.iter().collect();
    /// assert_eq!(dir, [Some("down"), Some("up")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn crossings(&self, threshold: f64) -> Result<DataFrame> {
        if !threshold.is_finite() {
            return Err(Error::NotFinite { value: threshold });
        }
        struct Row {
            key: IdxSize,
            period: i32,
            value: f64,
            up: bool,
            from: i32,
            last: Option<i32>,
        }
        let rows: Vec<Row> = with_period!(self.frequency, P => self.collect_events(|g| {
            let s = self.build::<P>(g);
            Ok(crossings(&s, threshold)?
                .into_iter()
                .map(|c| Row {
                    key: g.key_row,
                    period: c.period.index(),
                    value: c.value,
                    up: c.direction == Direction::Up,
                    from: c.from.index(),
                    last: c.last_on_side.map(Period::index),
                })
                .collect())
        })?);
        let mut cols = self.event_keys(rows.iter().map(|r| r.key))?;
        cols.push(self.event_periods(
            self.period.name().as_str(),
            rows.iter().map(|r| Some(r.period)),
        ));
        cols.push(frame::opt_floats(
            &self.name,
            rows.iter().map(|r| Some(r.value)),
        ));
        cols.push(direction(rows.iter().map(|r| r.up)));
        cols.push(self.event_periods("from", rows.iter().map(|r| Some(r.from))));
        cols.push(self.event_periods("last_on_side", rows.iter().map(|r| r.last)));
        Ok(DataFrame::new(rows.len(), cols)?)
    }

    /// Change points of every series
    /// ([`ChangePoints::detect_series`]), one row per change: the key
    /// columns and the period column (the first period of each new segment).
    ///
    /// # Errors
    /// [`Error::InSeries`] naming the first series (in order of first
    /// appearance) for which detection fails: a missing value under the
    /// default [`Missing::Error`](crate::changepoint::Missing::Error), a zero
    /// noise estimate, too few observations; [`Error::Polars`] if polars
    /// rejects the frame.
    ///
    /// # Example
    /// ```
    /// use econseries::changepoint::{ChangePoints, Cost, Penalty};
    /// use econseries::panel::{Panel, PanelColumns};
    /// use polars::prelude::df;
    ///
    /// let p: Vec<String> = (2000..2010).map(|y| y.to_string()).collect();
    /// let df = df!("k" => ["a"; 10], "p" => p, "v" => [0.1, -0.2, 0.0, 0.2, -0.1, 5.0, 5.2, 4.9, 5.1, 4.8])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let cp = ChangePoints::new(Cost::Mean).penalty(Penalty::Manual(1.0));
    /// let changes = panel.changepoints(&cp)?;
    /// let at: Vec<Option<&str>> = changes.column("p")?.str()?.iter().collect();
    /// assert_eq!(at, [Some("2005")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn changepoints(&self, cp: &ChangePoints) -> Result<DataFrame> {
        let rows: Vec<(IdxSize, i32)> = with_period!(self.frequency, P => self.collect_events(|g| {
            let s = self.build::<P>(g);
            Ok(cp
                .detect_series(&s)?
                .periods()
                .iter()
                .map(|p| (g.key_row, p.index()))
                .collect())
        })?);
        let mut cols = self.event_keys(rows.iter().map(|r| r.0))?;
        cols.push(self.event_periods(self.period.name().as_str(), rows.iter().map(|r| Some(r.1))));
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

fn direction(up: impl Iterator<Item = bool>) -> Column {
    frame::labels(
        "direction",
        up.map(|u| {
            if u {
                Direction::Up.name()
            } else {
                Direction::Down.name()
            }
        }),
    )
}
