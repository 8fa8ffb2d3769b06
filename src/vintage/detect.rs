//! [`KnownOn`]: detectors run on a series as it was known on a date.

use chrono::NaiveDate;

use super::interval::RealtimeInterval;
use super::series::VintagedSeries;
use crate::detect::{
    Anomaly, Bbq, BryBoschan, Contraction, Crossing, Extreme, Recession, Record, RobustZ, Sahm,
    SahmReading, Streak, StreakBasis, TurningPoint, contractions, crossings, record_at, records,
    streak_at, streaks, technical_recessions,
};
use crate::error::Result;
use crate::period::{Month, Period};
use crate::series::Series;
use crate::unit::Value;

/// A vintaged series as it was known on one date, ready for any detector.
///
/// Built by [`VintagedSeries::known_on`]. It holds the series as known that
/// day ([`VintagedSeries::as_of`]) and runs the headline detectors on it,
/// so every finding is one a reader could have made on that day: a record
/// is a record among the values published by then, "the first contraction
/// since …" looks back over the history as it was then published, and
/// nothing published later leaks in.
///
/// [`detect`](KnownOn::detect) runs any detector (any function of a
/// [`Series`]); the other methods are the headline detectors of
/// [`detect`](crate::detect) by name. A transform is applied with
/// [`map`](KnownOn::map), within the vintage: the growth of a quarter as
/// known on a date compares levels as both were known on that date.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, vintage::VintagedSeries};
///
/// let q4: Quarter = "2024-Q4".parse()?;
/// // US real GDP (GDPC1), two real vintages: 30 April and 23 December 2025.
/// let gdp = VintagedSeries::from_vintages([
///     ("2025-04-30".parse()?, Series::from_values(q4, [23542.349, 23526.085])?),
///     ("2025-12-23".parse()?, Series::from_values(q4, [23586.542, 23548.21, 23770.976])?),
/// ])?;
/// let may = gdp.known_on("2025-05-01".parse()?);
/// assert_eq!(may.contractions().len(), 1); // 2025-Q1, as first reported
/// assert_eq!(may.vintage(), Some("2025-04-30".parse()?));
/// let growth = may.map(|s| s.pca());
/// assert_eq!(growth.detect(|s| s.get(q4 + 1)).map(|g| format!("{g:.1}")), Some("-0.3%".into()));
/// // Before the first release nothing was known, so nothing is found.
/// assert!(gdp.known_on("2025-04-29".parse()?).contractions().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct KnownOn<P: Period, U: Value = f64> {
    date: NaiveDate,
    vintage: Option<NaiveDate>,
    series: Series<P, U>,
}

impl<P: Period, U: Value> VintagedSeries<P, U> {
    /// The series as known on `date`, with the headline detectors; see
    /// [`KnownOn`].
    pub fn known_on(&self, date: NaiveDate) -> KnownOn<P, U> {
        KnownOn {
            date,
            vintage: self.vintage_on(date),
            series: self.as_of(date),
        }
    }

    /// Runs `detector` on the series as known on every day, once per
    /// stretch of days over which the known series does not change, and
    /// returns each stretch with its result, in order of time: what the
    /// detector would have said on any day. Stretches on which nothing was
    /// known are left out; consecutive stretches may give equal results (a
    /// revision elsewhere in the series changes nothing for this detector).
    ///
    /// Costs one run of `detector` per stretch (at most one per vintage date
    /// and per end of a real-time interval) and a copy of the series known
    /// then, updated from one stretch to the next rather than rebuilt.
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::VintagedSeries};
    /// use econseries::detect::technical_recessions;
    ///
    /// let q: Quarter = "2025-Q1".parse()?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [100.0, 99.0])?),
    ///     ("2025-07-30".parse()?, Series::from_values(q, [100.0, 99.0, 98.5])?),
    ///     ("2025-08-28".parse()?, Series::from_values(q, [100.0, 99.0, 99.2])?),
    /// ])?;
    /// let said = v.detect_each_vintage(|s| technical_recessions(s).len());
    /// let days: Vec<_> = said.iter().map(|(days, n)| (days.to_string(), *n)).collect();
    /// // A technical recession for a month, revised away.
    /// assert_eq!(days, [
    ///     ("2025-04-30..=2025-07-29".to_owned(), 0),
    ///     ("2025-07-30..=2025-08-27".to_owned(), 1),
    ///     ("2025-08-28..=9999-12-31".to_owned(), 0),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn detect_each_vintage<T>(
        &self,
        mut detector: impl FnMut(&Series<P, U>) -> T,
    ) -> Vec<(RealtimeInterval, T)> {
        self.stretches()
            .map(|(days, known)| {
                let found = detector(&known);
                (days, found)
            })
            .collect()
    }
}

impl<P: Period, U: Value> KnownOn<P, U> {
    /// The date the series is known on.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The vintage in effect on that date: the last day on or before it on
    /// which a value was published or revised (`None` if nothing had been
    /// published yet).
    pub fn vintage(&self) -> Option<NaiveDate> {
        self.vintage
    }

    /// The series as known on the date (empty if nothing was known).
    pub fn series(&self) -> &Series<P, U> {
        &self.series
    }

    /// The series as known on the date, by value.
    pub fn into_series(self) -> Series<P, U> {
        self.series
    }

    /// Runs any detector (any function of the series) on the series as
    /// known on the date.
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, vintage::VintagedSeries};
    /// use econseries::detect::RobustZ;
    ///
    /// let jan = Month::new(2025, 1)?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-02-07".parse()?, Series::from_values(jan, [4.0])?),
    ///     ("2025-03-07".parse()?, Series::from_values(jan, [4.0, 4.1])?),
    /// ])?;
    /// let z = RobustZ::new(12)?;
    /// let found = v.known_on("2025-02-20".parse()?).detect(|s| z.anomalies(s));
    /// assert!(found.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn detect<T>(&self, detector: impl FnOnce(&Series<P, U>) -> T) -> T {
        detector(&self.series)
    }

    /// A transform of the series as known on the date (growth, a moving
    /// average …), still as known on that date.
    pub fn map<V: Value>(&self, f: impl FnOnce(&Series<P, U>) -> Series<P, V>) -> KnownOn<P, V> {
        KnownOn {
            date: self.date,
            vintage: self.vintage,
            series: f(&self.series),
        }
    }

    /// [`records`](crate::detect::records) as known on the date.
    pub fn records(&self, extreme: Extreme) -> Vec<Record<P, U>> {
        records(&self.series, extreme)
    }

    /// [`record_at`](crate::detect::record_at) as known on the date: `None`
    /// if `at` was not published (or was missing) then.
    pub fn record_at(&self, extreme: Extreme, at: P) -> Option<Record<P, U>> {
        record_at(&self.series, extreme, at)
    }

    /// [`streaks`](crate::detect::streaks) as known on the date.
    pub fn streaks(&self, basis: StreakBasis) -> Vec<Streak<P>> {
        streaks(&self.series, basis)
    }

    /// [`streak_at`](crate::detect::streak_at) as known on the date.
    pub fn streak_at(&self, basis: StreakBasis, at: P) -> Option<Streak<P>> {
        streak_at(&self.series, basis, at)
    }

    /// [`crossings`](crate::detect::crossings) of `threshold` as known on
    /// the date.
    ///
    /// # Errors
    /// [`Error::NotFinite`](crate::Error::NotFinite) if `threshold` is NaN
    /// or infinite.
    pub fn crossings(&self, threshold: f64) -> Result<Vec<Crossing<P>>> {
        crossings(&self.series, threshold)
    }

    /// [`RobustZ::anomalies`] as known on the date.
    pub fn anomalies(&self, rule: &RobustZ) -> Vec<Anomaly<P>> {
        rule.anomalies(&self.series)
    }
}

impl<P: Period> KnownOn<P> {
    /// [`contractions`](crate::detect::contractions) of a level as known on
    /// the date: each with the previous contraction as then published, so
    /// "the first contraction since …" as a reader saw it that day.
    pub fn contractions(&self) -> Vec<Contraction<P>> {
        contractions(&self.series)
    }

    /// [`technical_recessions`](crate::detect::technical_recessions) of a
    /// level as known on the date.
    pub fn technical_recessions(&self) -> Vec<Recession<P>> {
        technical_recessions(&self.series)
    }

    /// Harding–Pagan [`Bbq`] turning points as known on the date.
    ///
    /// # Errors
    /// As [`Bbq::date`].
    pub fn bbq(&self, rule: &Bbq) -> Result<Vec<TurningPoint<P>>> {
        rule.date(&self.series)
    }

    /// [`BryBoschan`] turning points as known on the date.
    ///
    /// # Errors
    /// As [`BryBoschan::date`].
    pub fn bry_boschan(&self, rule: &BryBoschan) -> Result<Vec<TurningPoint<P>>> {
        rule.date(&self.series)
    }
}

impl KnownOn<Month> {
    /// The [`Sahm`] rule on an unemployment rate as known on the date: the
    /// real-time Sahm rule (FRED's `SAHMCURRENT` is this, on the vintage
    /// current when it is computed).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, vintage::VintagedSeries};
    /// use econseries::detect::Sahm;
    ///
    /// let jan = Month::new(2024, 1)?;
    /// let mut first = vec![4.0; 15];
    /// first.push(4.6); // April 2025 as first published
    /// let mut revised = first.clone();
    /// revised[15] = 4.4;
    /// revised.push(4.4);
    /// let unrate = VintagedSeries::from_vintages([
    ///     ("2025-05-02".parse()?, Series::from_values(jan, first)?),
    ///     ("2025-06-06".parse()?, Series::from_values(jan, revised)?),
    /// ])?;
    /// let april = jan + 15;
    /// let reading = |date: &str| -> Result<Option<f64>, Box<dyn std::error::Error>> {
    ///     let r = unrate.known_on(date.parse()?).sahm(&Sahm::new());
    ///     Ok(r.iter().find(|r| r.period == april).and_then(|r| r.value).map(|v| v.get()))
    /// };
    /// assert!((reading("2025-05-10")?.ok_or("missing")? - 0.2).abs() < 1e-12);
    /// assert!((reading("2025-06-10")?.ok_or("missing")? - 0.4 / 3.0).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sahm(&self, rule: &Sahm) -> Vec<SahmReading> {
        rule.compute(&self.series)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;
    use crate::vintage::VintageObservation;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn nothing_known_finds_nothing_and_gaps_are_skipped() {
        let q: Quarter = "2025-Q1".parse().unwrap();
        let iv = |a: &str, b: &str| RealtimeInterval::new(d(a), d(b)).unwrap();
        let v: VintagedSeries<Quarter> = VintagedSeries::new([
            VintageObservation::new(q, iv("2025-04-30", "2025-05-10"), Some(1.0)),
            VintageObservation::new(q + 1, iv("2025-04-30", "2025-05-10"), Some(0.5)),
            VintageObservation::new(q, iv("2025-06-01", "9999-12-31"), Some(1.0)),
            VintageObservation::new(q + 1, iv("2025-06-01", "9999-12-31"), Some(1.5)),
        ])
        .unwrap();
        let before = v.known_on(d("2025-04-01"));
        assert!(before.series().is_empty() && before.vintage().is_none());
        assert!(before.contractions().is_empty());
        assert!(before.bbq(&Bbq::new()).unwrap_or_default().is_empty());
        let gap = v.known_on(d("2025-05-20"));
        assert!(gap.series().is_empty());
        assert_eq!(gap.vintage(), Some(d("2025-04-30")));
        let each = v.detect_each_vintage(|s| contractions(s).len());
        assert_eq!(each.len(), 2); // the gap is not a stretch
        assert_eq!((each[0].1, each[1].1), (1, 0));
        assert_eq!(each[1].0.start(), d("2025-06-01"));
        assert_eq!(v.known_on(d("2025-05-01")).contractions()[0].period, q + 1);
    }
}
