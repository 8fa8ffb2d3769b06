//! Same-frequency transforms and frequency conversion of every series.

use std::sync::Arc;

use ::polars::prelude::{DataFrame, IdxCa, IdxSize};
use rayon::prelude::*;

use super::load::Group;
use super::{Panel, frame, scatter, with_period};
use crate::error::{Error, Result};
use crate::period::{Frequency, Month, Period, Quarter, Within, Year};
use crate::series::Series;
use crate::transform::{Aggregation, Units};

/// A same-frequency transform of every series of a [`Panel`]: the series
/// methods of the same names (see [`transform`](crate::transform)).
///
/// # Example
/// ```
/// use econseries::panel::Transform;
/// use econseries::Units;
///
/// assert_eq!(Transform::from(Units::Pc1).name(), "pc1");
/// assert_eq!(Transform::RollingMean(3).name(), "rolling_mean_3");
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Transform {
    /// One of FRED's units, [`Series::units`].
    Units(Units),
    /// [`Series::rolling_mean`] over `k` periods.
    RollingMean(usize),
    /// [`Series::rolling_sum`] over `k` periods.
    RollingSum(usize),
    /// [`Series::ytd_sum`].
    YtdSum,
    /// [`Series::ytd_yoy`] (percent).
    YtdYoy,
    /// [`Series::from_ytd`].
    FromYtd,
    /// [`Series::rebase_to_period`], the period as text (`2017-01`,
    /// `2017-Q1`, `2017`), parsed at the panel's frequency.
    RebaseToPeriod(String),
    /// [`Series::rebase_to_year`].
    RebaseToYear(i32),
}

impl Transform {
    /// The output column's name: the units code (`pc1`), `rolling_mean_3`,
    /// `ytd_sum`, `ytd_yoy`, `from_ytd` or `rebased`.
    pub fn name(&self) -> String {
        match self {
            Transform::Units(u) => u.code().to_owned(),
            Transform::RollingMean(k) => format!("rolling_mean_{k}"),
            Transform::RollingSum(k) => format!("rolling_sum_{k}"),
            Transform::YtdSum => "ytd_sum".to_owned(),
            Transform::YtdYoy => "ytd_yoy".to_owned(),
            Transform::FromYtd => "from_ytd".to_owned(),
            Transform::RebaseToPeriod(_) | Transform::RebaseToYear(_) => "rebased".to_owned(),
        }
    }

    /// Applies the transform to one series; `base` is the parsed period of
    /// [`Transform::RebaseToPeriod`].
    /// Whether the result is a change (a growth rate, a difference) rather
    /// than a level, given whether the input is one.
    fn gives_changes(&self, input_is_change: bool) -> bool {
        match self {
            Transform::Units(Units::Lin) => input_is_change,
            Transform::Units(Units::Log) => false,
            Transform::Units(_) => true,
            Transform::RebaseToPeriod(_) | Transform::RebaseToYear(_) => false,
            Transform::YtdYoy => true,
            _ => input_is_change,
        }
    }

    fn apply<P: Period>(&self, s: &Series<P>, base: Option<P>) -> Result<Series<P>> {
        Ok(match self {
            Transform::Units(u) => s.units(*u),
            Transform::RollingMean(k) => s.rolling_mean(*k)?,
            Transform::RollingSum(k) => s.rolling_sum(*k)?,
            Transform::YtdSum => s.ytd_sum(),
            Transform::YtdYoy => s.ytd_yoy().into_raw(),
            Transform::FromYtd => s.from_ytd(),
            Transform::RebaseToPeriod(p) => match base {
                Some(b) => s.rebase_to_period(b)?,
                None => s.rebase_to_period(p.parse()?)?,
            },
            Transform::RebaseToYear(y) => s.rebase_to_year(*y)?,
        })
    }

    /// Rejects arguments that would fail for every series alike.
    fn check(&self) -> Result<()> {
        match self {
            Transform::RollingMean(0) | Transform::RollingSum(0) => Err(Error::InvalidArgument {
                name: "window",
                value: "0".to_owned().into(),
                expected: "at least 1",
            }),
            _ => Ok(()),
        }
    }
}

impl Panel {
    /// Applies `t` to every series, in parallel; the result has the same
    /// rows, with the values named [`Transform::name`].
    ///
    /// Each series' result is exactly the single-series method's.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a window of 0 or a rebase period that
    /// does not parse at the panel's frequency; [`Error::InSeries`] naming
    /// the first series (in order of first appearance) whose transform
    /// fails, such as a rebase whose base period is missing.
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns, Transform};
    /// use polars::prelude::df;
    ///
    /// let df = df!("k" => ["a", "a", "b"], "p" => ["2017", "2018", "2018"], "v" => [50.0, 60.0, 7.0])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let err = panel.transform(Transform::RebaseToYear(2017)).unwrap_err();
    /// assert_eq!(err.to_string(), "series b: rebasing is undefined at 2017: the window is incomplete");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transform(&self, t: Transform) -> Result<Panel> {
        t.check()?;
        let values = with_period!(self.frequency, P => {
            let base = match &t {
                Transform::RebaseToPeriod(p) => Some(p.parse::<P>()?),
                _ => None,
            };
            self.map_rows(|g, index, out| {
                let s = self.build::<P>(g);
                scatter(&t.apply(&s, base)?, g.start, index, out);
                Ok(())
            })?
        });
        Ok(self.derived(values, t.name(), t.gives_changes(self.change)))
    }

    /// Converts every series to the coarser frequency `to`, as
    /// [`Series::aggregate`] (or [`Series::aggregate_with`] given
    /// `min_count`) does. The result has one row per period of each series'
    /// new span, gaps included, grouped by series in order of first
    /// appearance.
    ///
    /// # Errors
    /// [`Error::NotCoarser`] unless `to` is coarser than the panel's
    /// frequency; [`Error::InvalidArgument`] for a `min_count` outside
    /// `1..=` the number of sub-periods.
    ///
    /// # Example
    /// ```
    /// use econseries::panel::{Panel, PanelColumns};
    /// use econseries::{Aggregation, Frequency};
    /// use polars::prelude::df;
    ///
    /// let df = df!("k" => [7, 7, 7], "p" => ["2025-01", "2025-02", "2025-03"], "v" => [1.0, 2.0, 6.0])?;
    /// let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    /// let q = panel.aggregate(Frequency::Quarterly, Aggregation::Mean, None)?;
    /// assert_eq!(q.frequency(), Frequency::Quarterly);
    /// assert_eq!(q.series(0).ok_or("none")?.to_csv_string(), "period,value\n2025-Q1,3\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aggregate(
        &self,
        to: Frequency,
        method: Aggregation,
        min_count: Option<u32>,
    ) -> Result<Panel> {
        match (self.frequency, to) {
            (Frequency::Monthly, Frequency::Quarterly) => {
                self.aggregate_to::<Month, Quarter>(method, min_count)
            }
            (Frequency::Monthly, Frequency::Annual) => {
                self.aggregate_to::<Month, Year>(method, min_count)
            }
            (Frequency::Quarterly, Frequency::Annual) => {
                self.aggregate_to::<Quarter, Year>(method, min_count)
            }
            (from, to) => Err(Error::NotCoarser { from, to }),
        }
    }

    fn aggregate_to<P, C>(&self, method: Aggregation, min_count: Option<u32>) -> Result<Panel>
    where
        P: Period + Within<C>,
        C: Period,
    {
        if let Some(n) = min_count
            && !(1..=P::PER_PARENT).contains(&n)
        {
            return Err(Error::InvalidArgument {
                name: "min_count",
                value: n.to_string().into(),
                expected: "between 1 and the number of sub-periods per period",
            });
        }
        let parts: Vec<Series<C>> = self
            .groups
            .par_iter()
            .map(|g| {
                let s = self.build::<P>(g);
                match min_count {
                    None => Ok(s.aggregate::<C>(method)),
                    Some(n) => s.aggregate_with::<C>(method, n),
                }
                .map_err(|e| self.in_series(g, e))
            })
            .collect::<Result<_>>()?;
        let total: usize = parts.iter().map(Series::len).sum();
        let mut index = Vec::with_capacity(total);
        let mut values = Vec::with_capacity(total);
        let mut key_rows: Vec<IdxSize> = Vec::with_capacity(total);
        let mut groups = Vec::with_capacity(parts.len());
        for (g, s) in self.groups.iter().zip(&parts) {
            let start = s.start().index();
            groups.push(Group {
                offset: index.len(),
                rows: s.len(),
                start,
                span: s.len(),
                key_row: key_rows.len() as IdxSize,
            });
            index.extend((0..s.len() as i32).map(|k| start + k));
            values.extend_from_slice(s.raw());
            key_rows.extend(std::iter::repeat_n(g.key_row, s.len()));
        }
        let keys = self.keys.take(&IdxCa::from_vec("rows".into(), key_rows))?;
        let period = frame::periods(
            self.period.name().as_str(),
            C::FREQUENCY,
            self.dates,
            index.iter().map(|&i| Some(i)),
        );
        Ok(Panel {
            keys,
            period,
            index: Arc::new(index),
            values: Arc::new(values),
            groups: Arc::new(groups),
            order: None,
            frequency: C::FREQUENCY,
            dates: self.dates,
            name: self.name.clone(),
            change: self.change,
        })
    }

    /// The key columns for the rows `rows` of the input (one output row each).
    pub(crate) fn keys_at(&self, rows: Vec<IdxSize>) -> Result<DataFrame> {
        Ok(self.keys.take(&IdxCa::from_vec("rows".into(), rows))?)
    }
}
