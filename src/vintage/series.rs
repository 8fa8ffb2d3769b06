//! [`VintagedSeries`]: every value a series has had, with the days it was the published one.

use core::fmt;
use core::marker::PhantomData;
use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::interval::RealtimeInterval;
use super::revision::Revisions;
use crate::error::{Error, Result};
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// One published value of one period: the period, the value (`None` if it was
/// published as missing) and the real-time interval in which it was the
/// published value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VintageObservation<P: Period, U: Value = f64> {
    /// The period observed.
    pub period: P,
    /// The days on which this was the published value.
    pub realtime: RealtimeInterval,
    /// The value, `None` if published as missing.
    pub value: Option<U>,
}

impl<P: Period, U: Value> VintageObservation<P, U> {
    /// An observation of `period` with `value`, published during `realtime`.
    pub fn new(period: P, realtime: RealtimeInterval, value: Option<U>) -> Self {
        VintageObservation {
            period,
            realtime,
            value,
        }
    }
}

/// One stored row: a value (NaN for missing) with its period and interval.
#[derive(Clone, Copy, Debug)]
struct Row<P> {
    period: P,
    realtime: RealtimeInterval,
    value: f64,
}

/// A series with its revision history: ALFRED's real-time model.
///
/// Every published value of every period is kept with its real-time interval
/// (see [`RealtimeInterval`]); the intervals of one period never overlap, so
/// on any day each period has at most one value. From this the series can be
/// seen as it was known on any date ([`as_of`](Self::as_of)), as first
/// published ([`first_release`](Self::first_release)), or as currently
/// published ([`latest`](Self::latest)); each view is an ordinary
/// [`Series`], so every transform and detector runs on it unchanged.
///
/// A transform of a vintaged series must be computed **within each vintage**:
/// the first-reported growth of 2025-Q1 is the 2025-Q1 level over the 2024-Q4
/// level *as both were known on the day of the first report*, not the first
/// release of each level. [`map_vintages`](Self::map_vintages) does exactly
/// that.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use econseries::{Quarter, Series, vintage::VintagedSeries};
///
/// let day = |s: &str| s.parse::<NaiveDate>();
/// let q4: Quarter = "2024-Q4".parse()?;
/// // Real GDP (GDPC1) as published on 30 April 2025 and on 23 December 2025.
/// let advance = Series::from_values(q4, [23542.349, 23526.085])?;
/// let revised = Series::from_values(q4, [23586.542, 23548.21, 23770.976, 24024.957])?;
/// let gdp = VintagedSeries::from_vintages([
///     (day("2025-04-30")?, advance),
///     (day("2025-12-23")?, revised),
/// ])?;
/// let growth = gdp.map_vintages(|s| s.pca()); // annualised, within each vintage
/// let q1: Quarter = "2025-Q1".parse()?;
/// let first = growth.first_release().get(q1).ok_or("no first release")?;
/// let known = growth.as_of(day("2026-01-15")?).get(q1).ok_or("not known")?;
/// assert_eq!((format!("{first:.1}"), format!("{known:.1}")), ("-0.3%".into(), "-0.6%".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct VintagedSeries<P: Period, U: Value = f64> {
    /// Sorted by (period, start); the intervals of one period are disjoint
    /// and adjacent equal values are merged.
    rows: Vec<Row<P>>,
    unit: PhantomData<U>,
}

impl<P: Period, U: Value> VintagedSeries<P, U> {
    /// A vintaged series from published values with their real-time
    /// intervals, in any order (ALFRED's "observations by real-time period").
    /// Adjacent intervals of one period with the same value are merged.
    ///
    /// # Errors
    /// [`Error::NoObservations`] if there are none; [`Error::NonFinite`] for a
    /// NaN or infinite value; [`Error::OverlappingRealtime`] if two intervals
    /// of one period share a day.
    ///
    /// # Example
    /// ```
    /// use econseries::{Error, Month};
    /// use econseries::vintage::{RealtimeInterval, VintageObservation, VintagedSeries};
    ///
    /// let may: Month = "2025-05".parse()?;
    /// let iv = |a: &str, b: &str| -> Result<RealtimeInterval, Box<dyn std::error::Error>> {
    ///     Ok(RealtimeInterval::new(a.parse()?, b.parse()?)?)
    /// };
    /// let v = VintagedSeries::new([
    ///     VintageObservation::new(may, iv("2025-06-06", "2025-07-02")?, Some(4.2)),
    ///     VintageObservation::new(may, iv("2025-07-03", "9999-12-31")?, Some(4.2)),
    /// ])?;
    /// assert_eq!(v.len(), 1); // the same value in adjacent intervals: one row
    /// let clash = VintagedSeries::new([
    ///     VintageObservation::new(may, iv("2025-06-06", "2025-07-03")?, Some(4.2)),
    ///     VintageObservation::new(may, iv("2025-07-03", "9999-12-31")?, Some(4.1)),
    /// ]);
    /// assert!(matches!(clash, Err(Error::OverlappingRealtime { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        observations: impl IntoIterator<Item = VintageObservation<P, U>>,
    ) -> Result<VintagedSeries<P, U>> {
        let mut rows = Vec::new();
        for o in observations {
            let value = match o.value {
                None => f64::NAN,
                Some(v) => finite(o.period, v.get())?,
            };
            rows.push(Row {
                period: o.period,
                realtime: o.realtime,
                value,
            });
        }
        if rows.is_empty() {
            return Err(Error::NoObservations);
        }
        sort(&mut rows);
        if let Some((a, b)) = rows.windows(2).find_map(|w| match w {
            [a, b] if a.period == b.period && a.realtime.overlaps(b.realtime) => Some((a, b)),
            _ => None,
        }) {
            return Err(Error::OverlappingRealtime {
                period: a.period.into(),
                first: (a.realtime.start(), a.realtime.end()),
                second: (b.realtime.start(), b.realtime.end()),
            });
        }
        Ok(Self::from_sorted(rows))
    }

    /// A vintaged series from whole vintages: the series as published on each
    /// vintage date (ALFRED's "observations by vintage date", one column per
    /// vintage).
    ///
    /// A vintage is taken to be the published one from its date to the day
    /// before the next vintage's date; the last one is still current
    /// ([`RealtimeInterval::OPEN_END`]). A period missing from a vintage
    /// (outside its span, or a missing slot) was not published in it. So give
    /// every vintage there was in the span covered: a vintage left out is
    /// silently replaced by the one before it.
    ///
    /// # Errors
    /// [`Error::NoObservations`] if no vintage has a value;
    /// [`Error::DuplicateVintage`] if a date is given twice.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Period, Series, vintage::VintagedSeries};
    ///
    /// let may: Month = "2025-05".parse()?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-06-06".parse()?, Series::from_values(may, [4.2])?),
    ///     ("2025-07-03".parse()?, Series::from_values(may, [4.2, 4.1])?),
    /// ])?;
    /// let june = v.as_of("2025-06-30".parse()?);
    /// assert_eq!((june.get(may), june.len()), (Some(4.2), 1));
    /// assert_eq!(v.latest().get(may.checked_add(1)?), Some(4.1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_vintages(
        vintages: impl IntoIterator<Item = (NaiveDate, Series<P, U>)>,
    ) -> Result<VintagedSeries<P, U>> {
        let mut vintages: Vec<_> = vintages.into_iter().collect();
        vintages.sort_by_key(|(d, _)| *d);
        if let Some(date) = vintages.windows(2).find_map(|w| match w {
            [(a, _), (b, _)] if a == b => Some(*a),
            _ => None,
        }) {
            return Err(Error::DuplicateVintage { date });
        }
        let mut rows = Vec::new();
        for (i, (date, series)) in vintages.iter().enumerate() {
            let realtime = match vintages.get(i + 1).and_then(|(next, _)| next.pred_opt()) {
                // Dates are distinct and sorted, so the day before the next one is not before this one.
                Some(end) => RealtimeInterval::new(*date, end)?,
                None => RealtimeInterval::from(*date),
            };
            rows.extend(series.observations().map(|(period, v)| Row {
                period,
                realtime,
                value: v.get(),
            }));
        }
        if rows.is_empty() {
            return Err(Error::NoObservations);
        }
        sort(&mut rows);
        Ok(Self::from_sorted(rows))
    }

    /// A vintaged series from values whose intervals of one period are
    /// known not to overlap (a reader checked them), in any order; NaN is a
    /// value published as missing. Adjacent equal values are merged.
    pub(crate) fn from_disjoint(
        rows: impl IntoIterator<Item = (P, RealtimeInterval, f64)>,
    ) -> VintagedSeries<P, U> {
        let mut rows: Vec<Row<P>> = rows
            .into_iter()
            .map(|(period, realtime, value)| Row {
                period,
                realtime,
                value,
            })
            .collect();
        sort(&mut rows);
        Self::from_sorted(rows)
    }

    /// Rows sorted by (period, start) with disjoint intervals per period;
    /// merges adjacent equal values.
    fn from_sorted(rows: Vec<Row<P>>) -> VintagedSeries<P, U> {
        let mut out: Vec<Row<P>> = Vec::with_capacity(rows.len());
        for row in rows {
            if let Some(last) = out.last_mut()
                && last.period == row.period
                && last.realtime.end().succ_opt() == Some(row.realtime.start())
                && same(last.value, row.value)
            {
                last.realtime =
                    RealtimeInterval::from_parts(last.realtime.start(), row.realtime.end());
                continue;
            }
            out.push(row);
        }
        VintagedSeries {
            rows: out,
            unit: PhantomData,
        }
    }

    /// The number of stored values (each period counts once per distinct
    /// value it has had).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no values at all.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every stored value, by period and then by real-time start.
    pub fn observations(&self) -> impl Iterator<Item = VintageObservation<P, U>> + '_ {
        self.rows.iter().map(observation)
    }

    /// The values `period` has had, oldest first: "first reported as −0.3%,
    /// later revised to −0.6%".
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::VintagedSeries};
    ///
    /// let q: Quarter = "2025-Q1".parse()?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [-0.3])?),
    ///     ("2025-05-29".parse()?, Series::from_values(q, [-0.2])?),
    ///     ("2025-06-26".parse()?, Series::from_values(q, [-0.5])?),
    /// ])?;
    /// let told: Vec<_> = v.history(q).filter_map(|o| o.value).collect();
    /// assert_eq!(told, [-0.3, -0.2, -0.5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn history(&self, period: P) -> impl Iterator<Item = VintageObservation<P, U>> + '_ {
        let from = self.rows.partition_point(|r| r.period < period);
        self.rows
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |r| r.period == period)
            .map(observation)
    }

    /// The dates on which some value was published or revised, in order
    /// (ALFRED's vintage dates, as far as the stored values show them).
    pub fn vintage_dates(&self) -> Vec<NaiveDate> {
        let dates: BTreeSet<NaiveDate> = self.rows.iter().map(|r| r.realtime.start()).collect();
        dates.into_iter().collect()
    }

    /// The series as it was known on `date`: each period's value whose
    /// real-time interval contains `date`. Periods not yet published (or no
    /// longer published) on that day are missing; the span runs from the
    /// first to the last period known that day. Empty if nothing was known.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::VintagedSeries};
    ///
    /// let q: Quarter = "2025-Q1".parse()?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [-0.3])?),
    ///     ("2025-05-29".parse()?, Series::from_values(q, [-0.2, 3.0])?),
    /// ])?;
    /// assert_eq!(v.as_of("2025-05-28".parse()?).get(q), Some(-0.3));
    /// assert_eq!(v.as_of("2025-05-29".parse()?).get(q), Some(-0.2));
    /// assert!(v.as_of("2025-04-29".parse()?).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_of(&self, date: NaiveDate) -> Series<P, U> {
        self.view(|rows| rows.iter().find(|r| r.realtime.contains(date)))
    }

    /// The first published value of every period (ALFRED's `output_type=4`,
    /// "initial release only"). A value published as missing does not count:
    /// a period's first release is its first published number.
    pub fn first_release(&self) -> Series<P, U> {
        self.release(0)
    }

    /// The `n`-th published value of every period, counting from 0 for the
    /// first release (1 is the first revision, e.g. BEA's second estimate, if
    /// every release is in the data). Missing where a period has had fewer
    /// than `n + 1` values. As in ALFRED, a vintage that republishes a value
    /// unchanged does not count as a new value.
    pub fn release(&self, n: usize) -> Series<P, U> {
        self.view(|rows| rows.iter().filter(|r| !r.value.is_nan()).nth(n))
    }

    /// The series as of the latest vintage date: what is published now, as
    /// far as the data go. A period no longer published in the latest
    /// vintage is missing.
    pub fn latest(&self) -> Series<P, U> {
        match self.rows.iter().map(|r| r.realtime.start()).max() {
            Some(date) => self.as_of(date),
            None => Series::empty(P::MIN),
        }
    }

    /// First release against latest, period by period; see [`Revisions`].
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::VintagedSeries};
    ///
    /// let q: Quarter = "2025-Q1".parse()?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [-0.3])?),
    ///     ("2025-12-23".parse()?, Series::from_values(q, [-0.6, 3.8])?),
    /// ])?;
    /// let stats = v.revisions().stats()?;
    /// // 2025-Q2 was first published in December: its revision is 0.
    /// assert_eq!((stats.count, stats.revised), (2, 1));
    /// assert!((stats.mean - 0.15).abs() < 1e-12); // first minus latest
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn revisions(&self) -> Revisions<P, U> {
        Revisions::new(self.first_release(), self.latest())
    }

    /// Applies `f` to the series as known on every day and keeps the results
    /// as a vintaged series: a transform computed within each vintage.
    ///
    /// `f` runs once per stretch of days over which the known series does not
    /// change (between consecutive real-time starts and ends), so it sees
    /// exactly the series a user would have seen; results equal in adjacent
    /// stretches are merged.
    ///
    /// O(T·log T) for T values in all the known series and all the results
    /// (plus what `f` costs): the known series is updated from one stretch
    /// to the next rather than rebuilt from every stored value, and each
    /// result is merged into the rows still open as it comes, so 40,000
    /// vintages of 300 periods take seconds, not the quadratic hours of a
    /// rebuild per vintage.
    pub fn map_vintages<V: Value>(
        &self,
        mut f: impl FnMut(&Series<P, U>) -> Series<P, V>,
    ) -> VintagedSeries<P, V> {
        // Per period (by its offset from P::MIN: at most 119,988 slots), the
        // rows closed so far and the row still open (the latest result for
        // it), which the next stretch extends if its value is the same. Each
        // period's rows come in order of time, so concatenating the slots
        // gives the rows sorted by (period, real time) without a sort.
        let mut closed: Vec<Vec<Row<P>>> = Vec::new();
        let mut open: Vec<Option<Row<P>>> = Vec::new();
        for (realtime, known) in self.stretches() {
            let out = f(&known);
            for (period, v) in out.iter() {
                let value = v.map_or(f64::NAN, Value::get);
                let Ok(slot) = usize::try_from(period.periods_since(P::MIN)) else {
                    continue;
                };
                if slot >= open.len() {
                    open.resize(slot + 1, None);
                    closed.resize_with(slot + 1, Vec::new);
                }
                let (Some(last), Some(done)) = (open.get_mut(slot), closed.get_mut(slot)) else {
                    continue;
                };
                match last {
                    Some(last)
                        if last.realtime.end().succ_opt() == Some(realtime.start())
                            && same(last.value, value) =>
                    {
                        last.realtime =
                            RealtimeInterval::from_parts(last.realtime.start(), realtime.end());
                    }
                    _ => {
                        let row = Row {
                            period,
                            realtime,
                            value,
                        };
                        done.extend(last.replace(row));
                    }
                }
            }
        }
        let rows: Vec<Row<P>> = closed
            .into_iter()
            .zip(open)
            .flat_map(|(done, last)| done.into_iter().chain(last))
            .collect();
        VintagedSeries::from_sorted(rows)
    }

    /// The stretches of days over which the known series does not change
    /// (cut at every real-time start and at the day after every end), each
    /// with the series known then; stretches on which nothing is known are
    /// left out. In order of time.
    ///
    /// One sweep over the start and end dates of the stored values: each
    /// stretch costs the values that start or stop being published at its
    /// first day (a logarithm each) and a copy of the known series, not a
    /// pass over every stored value.
    pub(crate) fn stretches(&self) -> StretchSeries<'_, P, U> {
        StretchSeries {
            sweep: Stretches::new(&self.rows),
            unit: PhantomData,
        }
    }

    /// The latest vintage date on or before `date` (the last day on or
    /// before `date` on which a value was published or revised).
    pub(crate) fn vintage_on(&self, date: NaiveDate) -> Option<NaiveDate> {
        self.rows
            .iter()
            .map(|r| r.realtime.start())
            .filter(|&d| d <= date)
            .max()
    }

    /// One row per period chosen by `pick`, as a series.
    fn view<'a>(&'a self, pick: impl Fn(&'a [Row<P>]) -> Option<&'a Row<P>>) -> Series<P, U> {
        let chosen: Vec<(P, f64)> = self
            .rows
            .chunk_by(|a, b| a.period == b.period)
            .filter_map(|group| pick(group).map(|r| (r.period, r.value)))
            .collect();
        let (Some(&(first, _)), Some(&(last, _))) = (chosen.first(), chosen.last()) else {
            return Series::empty(self.rows.first().map_or(P::MIN, |r| r.period));
        };
        let len = usize::try_from(last.periods_since(first)).unwrap_or(0) + 1;
        let mut values = vec![f64::NAN; len];
        for (p, x) in chosen {
            if let Some(slot) = usize::try_from(p.periods_since(first))
                .ok()
                .and_then(|i| values.get_mut(i))
            {
                *slot = x;
            }
        }
        Series::from_raw(first, values)
    }
}

/// The sweep behind [`VintagedSeries::stretches`]: the series as known
/// on each stretch of days, updated from one stretch to the next.
pub(crate) struct Stretches<'a, P: Period> {
    rows: &'a [Row<P>],
    /// The first stored period; slot `i` of `values` is `first + i`.
    first: P,
    /// The first day of every stretch, in order; `next` is the next one's index.
    cuts: Vec<NaiveDate>,
    next: usize,
    /// (day, row) at which each row starts, and the day after it ends (for
    /// rows that end), each in order of day.
    starts: Vec<(NaiveDate, usize)>,
    ends: Vec<(NaiveDate, usize)>,
    started: usize,
    ended: usize,
    /// The value known for each period's slot (NaN if none or published as
    /// missing) and the row it comes from (`usize::MAX` if none); how many
    /// slots have a row, and the first and last of them while any does.
    values: Vec<f64>,
    active: Vec<usize>,
    count: usize,
    lo: usize,
    hi: usize,
}

impl<'a, P: Period> Stretches<'a, P> {
    fn new(rows: &'a [Row<P>]) -> Stretches<'a, P> {
        let first = rows.first().map_or(P::MIN, |r| r.period);
        // Rows are sorted by period, so the last one has the last period.
        let span = rows.last().map_or(0, |r| {
            usize::try_from(r.period.periods_since(first)).map_or(0, |i| i + 1)
        });
        let mut starts: Vec<(NaiveDate, usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.realtime.start(), i))
            .collect();
        let mut ends: Vec<(NaiveDate, usize)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.realtime.is_current())
            .filter_map(|(i, r)| Some((r.realtime.end().succ_opt()?, i)))
            .collect();
        starts.sort_unstable();
        ends.sort_unstable();
        let mut cuts: Vec<NaiveDate> = starts.iter().chain(&ends).map(|&(d, _)| d).collect();
        cuts.sort_unstable();
        cuts.dedup();
        Stretches {
            rows,
            first,
            cuts,
            next: 0,
            starts,
            ends,
            started: 0,
            ended: 0,
            values: vec![f64::NAN; span],
            active: vec![usize::MAX; span],
            count: 0,
            lo: 0,
            hi: 0,
        }
    }

    fn slot(&self, row: usize) -> Option<usize> {
        let r = self.rows.get(row)?;
        usize::try_from(r.period.periods_since(self.first)).ok()
    }
}

impl<P: Period, U: Value> Iterator for StretchSeries<'_, P, U> {
    type Item = (RealtimeInterval, Series<P, U>);

    fn next(&mut self) -> Option<Self::Item> {
        let s = &mut self.sweep;
        loop {
            let from = *s.cuts.get(s.next)?;
            s.next += 1;
            let to = s
                .cuts
                .get(s.next)
                .map_or(RealtimeInterval::OPEN_END, |next| {
                    next.pred_opt().unwrap_or(RealtimeInterval::OPEN_END)
                });
            // Values that stop being published, then those that start.
            while let Some(&(day, row)) = s.ends.get(s.ended)
                && day <= from
            {
                s.ended += 1;
                if let Some(i) = s.slot(row)
                    && s.active.get(i) == Some(&row)
                    && let (Some(v), Some(a)) = (s.values.get_mut(i), s.active.get_mut(i))
                {
                    *v = f64::NAN;
                    *a = usize::MAX;
                    s.count -= 1;
                    // The known span shrinks to the nearest slot still known.
                    if s.count > 0 && i == s.lo {
                        while s.active.get(s.lo).is_some_and(|&a| a == usize::MAX) {
                            s.lo += 1;
                        }
                    }
                    if s.count > 0 && i == s.hi {
                        while s.hi > 0 && s.active.get(s.hi).is_some_and(|&a| a == usize::MAX) {
                            s.hi -= 1;
                        }
                    }
                }
            }
            while let Some(&(day, row)) = s.starts.get(s.started)
                && day <= from
            {
                s.started += 1;
                if let Some(i) = s.slot(row)
                    && let (Some(v), Some(a), Some(r)) =
                        (s.values.get_mut(i), s.active.get_mut(i), s.rows.get(row))
                {
                    if *a == usize::MAX {
                        (s.lo, s.hi) = if s.count == 0 {
                            (i, i)
                        } else {
                            (s.lo.min(i), s.hi.max(i))
                        };
                        s.count += 1;
                    }
                    *v = r.value;
                    *a = row;
                }
            }
            if s.count == 0 {
                continue;
            }
            let (lo, hi) = (s.lo, s.hi);
            let Ok(start) = s.first.checked_add(lo as i64) else {
                continue;
            };
            let values = s.values.get(lo..=hi).unwrap_or_default().to_vec();
            return Some((
                RealtimeInterval::from_parts(from, to),
                Series::from_raw(start, values),
            ));
        }
    }
}

/// [`Stretches`] yielding series of unit `U`.
pub(crate) struct StretchSeries<'a, P: Period, U: Value> {
    sweep: Stretches<'a, P>,
    unit: PhantomData<U>,
}

fn sort<P: Period>(rows: &mut [Row<P>]) {
    rows.sort_by_key(|r| (r.period, r.realtime));
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn finite<P: Period>(period: P, x: f64) -> Result<f64> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Error::NonFinite {
            period: Some(period.into()),
            value: x,
        })
    }
}

fn observation<P: Period, U: Value>(r: &Row<P>) -> VintageObservation<P, U> {
    VintageObservation {
        period: r.period,
        realtime: r.realtime,
        value: (!r.value.is_nan()).then(|| <U as crate::unit::Sealed>::wrap(r.value)),
    }
}

impl<P: Period, U: Value> Clone for VintagedSeries<P, U> {
    fn clone(&self) -> Self {
        VintagedSeries {
            rows: self.rows.clone(),
            unit: PhantomData,
        }
    }
}

impl<P: Period, U: Value> PartialEq for VintagedSeries<P, U> {
    /// The same values with the same intervals (missing equals missing).
    fn eq(&self, other: &Self) -> bool {
        self.rows.len() == other.rows.len()
            && self.rows.iter().zip(&other.rows).all(|(a, b)| {
                a.period == b.period && a.realtime == b.realtime && same(a.value, b.value)
            })
    }
}

impl<P: Period, U: Value> fmt::Debug for VintagedSeries<P, U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VintagedSeries")
            .field("unit", &U::LABEL)
            .field("rows", &self.rows.len())
            .field("vintages", &self.vintage_dates().len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Month, Quarter};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The transform within each vintage the obvious way (the crate's
    /// before issue 15, quadratic): every stretch rebuilt by `as_of` from all
    /// stored values, every result collected, sorted and merged by `new`.
    fn map_by_as_of(v: &VintagedSeries<Month>, units: crate::Units) -> VintagedSeries<Month> {
        let mut cuts = BTreeSet::new();
        for o in v.observations() {
            cuts.insert(o.realtime.start());
            if !o.realtime.is_current() {
                cuts.insert(o.realtime.end().succ_opt().unwrap());
            }
        }
        let cuts: Vec<NaiveDate> = cuts.into_iter().collect();
        let mut obs = Vec::new();
        for (k, &from) in cuts.iter().enumerate() {
            let to = cuts
                .get(k + 1)
                .map_or(RealtimeInterval::OPEN_END, |c| c.pred_opt().unwrap());
            let known = v.as_of(from);
            if known.is_empty() {
                continue;
            }
            let realtime = RealtimeInterval::new(from, to).unwrap();
            for (period, value) in known.units(units).iter() {
                obs.push(VintageObservation::new(period, realtime, value));
            }
        }
        VintagedSeries::new(obs).unwrap()
    }

    /// The sweep gives exactly what rebuilding every stretch gives, on
    /// vintages that add, revise, withdraw and publish periods as missing.
    #[test]
    fn map_vintages_equals_a_rebuild_per_stretch() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        for case in 0..20 {
            let start: Month = "2000-01".parse().unwrap();
            let mut obs = Vec::new();
            let mut day = d("2001-01-01");
            let mut level: Vec<f64> = (0..40).map(|i| 100.0 + f64::from(i)).collect();
            let vintages = 5 + next(30);
            for k in 0..vintages {
                let gap = 1 + next(40);
                let end = day + chrono::Days::new(gap);
                // Some vintages drop the first periods or end early: withdrawn values.
                let lo = next(4) as usize * usize::from(case % 3 == 0);
                let hi = 20 + k as usize % 20;
                for (i, l) in level.iter_mut().enumerate().take(hi).skip(lo) {
                    if next(5) == 0 {
                        *l += 1.0;
                    }
                    let value = (next(17) != 0).then_some(*l);
                    let last = k + 1 == vintages;
                    let realtime = if last {
                        RealtimeInterval::from(day)
                    } else {
                        RealtimeInterval::new(day, end.pred_opt().unwrap()).unwrap()
                    };
                    obs.push(VintageObservation::new(start + i as i32, realtime, value));
                }
                day = end;
            }
            let v = VintagedSeries::new(obs).unwrap();
            for units in [crate::Units::Pc1, crate::Units::Chg, crate::Units::Lin] {
                let fast = v.map_vintages(|s| s.units(units));
                let slow = map_by_as_of(&v, units);
                let a: Vec<_> = fast
                    .observations()
                    .map(|o| (o.period, o.realtime, o.value.map(f64::to_bits)))
                    .collect();
                let b: Vec<_> = slow
                    .observations()
                    .map(|o| (o.period, o.realtime, o.value.map(f64::to_bits)))
                    .collect();
                assert_eq!(a, b, "case {case} {units:?}");
            }
            let days: Vec<_> = v.stretches().collect();
            for (r, s) in &days {
                assert_eq!(s, &v.as_of(r.start()), "case {case} {r}");
                assert_eq!(s, &v.as_of(r.end()), "case {case} {r}");
            }
        }
    }

    fn q(s: &str) -> Quarter {
        s.parse().unwrap()
    }

    fn iv(a: &str, b: &str) -> RealtimeInterval {
        RealtimeInterval::new(d(a), d(b)).unwrap()
    }

    #[test]
    fn gaps_in_real_time_are_unknown_not_carried() {
        // Known 2025-01-10..=2025-01-20, then nothing until 2025-02-01.
        let m: Month = "2024-12".parse().unwrap();
        let v: VintagedSeries<Month> = VintagedSeries::new([
            VintageObservation::new(m, iv("2025-01-10", "2025-01-20"), Some(1.0)),
            VintageObservation::new(m, iv("2025-02-01", "9999-12-31"), Some(2.0)),
        ])
        .unwrap();
        assert_eq!(v.as_of(d("2025-01-20")).get(m), Some(1.0));
        assert!(v.as_of(d("2025-01-25")).is_empty());
        assert_eq!(v.as_of(d("2025-02-01")).get(m), Some(2.0));
        assert_eq!(v.vintage_dates(), [d("2025-01-10"), d("2025-02-01")]);
        // map_vintages keeps the gap.
        let twice = v.map_vintages(|s| s.map_raw::<f64>(|x| 2.0 * x));
        assert!(twice.as_of(d("2025-01-25")).is_empty());
        assert_eq!(twice.as_of(d("2030-01-01")).get(m), Some(4.0));
        assert_eq!(twice.len(), 2);
    }

    #[test]
    fn releases_skip_missing_and_count() {
        let p = q("2025-Q1");
        let v: VintagedSeries<Quarter> = VintagedSeries::new([
            VintageObservation::new(p, iv("2025-01-01", "2025-01-31"), None),
            VintageObservation::new(p, iv("2025-02-01", "2025-02-28"), Some(1.0)),
            VintageObservation::new(p, iv("2025-03-01", "9999-12-31"), Some(1.5)),
        ])
        .unwrap();
        assert_eq!(v.first_release().get(p), Some(1.0));
        assert_eq!(v.release(1).get(p), Some(1.5));
        assert_eq!(v.release(2).get(p), None);
        assert_eq!(v.as_of(d("2025-01-15")).get(p), None);
        assert_eq!(v.as_of(d("2025-01-15")).len(), 1);
        assert_eq!(v.history(p).count(), 3);
        assert_eq!(v.history(q("2024-Q4")).count(), 0);
    }

    #[test]
    fn rejects_bad_input() {
        let p = q("2025-Q1");
        let e = VintagedSeries::<Quarter>::new([]).unwrap_err();
        assert!(matches!(e, Error::NoObservations));
        let e = VintagedSeries::<Quarter>::new([VintageObservation::new(
            p,
            iv("2025-01-01", "2025-01-31"),
            Some(f64::INFINITY),
        )])
        .unwrap_err();
        assert!(matches!(e, Error::NonFinite { .. }));
        let s = Series::<Quarter>::from_values(p, [1.0]).unwrap();
        let e = VintagedSeries::from_vintages([(d("2025-01-01"), s.clone()), (d("2025-01-01"), s)])
            .unwrap_err();
        assert!(matches!(e, Error::DuplicateVintage { .. }));
    }

    #[test]
    fn latest_drops_periods_no_longer_published() {
        let a = Series::<Quarter>::from_values(q("2024-Q1"), [1.0, 2.0]).unwrap();
        let b = Series::<Quarter>::from_values(q("2024-Q2"), [2.5, 3.0]).unwrap();
        let v =
            VintagedSeries::from_vintages([(d("2024-08-01"), a), (d("2024-11-01"), b)]).unwrap();
        let latest = v.latest();
        assert_eq!(latest.start(), q("2024-Q2"));
        assert_eq!(latest.get(q("2024-Q1")), None);
        assert_eq!(v.first_release().get(q("2024-Q1")), Some(1.0));
        assert_eq!(v.first_release().get(q("2024-Q2")), Some(2.0));
    }
}
