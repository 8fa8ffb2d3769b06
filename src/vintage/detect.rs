//! [`KnownOn`]: detectors run on a series as it was known on a date.

use chrono::NaiveDate;

use super::interval::RealtimeInterval;
use super::series::VintagedSeries;
use crate::detect::{Detector, Event};
use crate::error::Result;
use crate::period::Period;
use crate::series::Series;
use crate::unit::Value;

/// A vintaged series as it was known on one date, ready for any detector.
///
/// Built by [`VintagedSeries::known_on`]. It holds the series as known that
/// day ([`VintagedSeries::as_of`]) and runs any [`Detector`] on it, so every
/// finding is one a reader could have made on that day: a record is a
/// record among the values published by then, "the first contraction since
/// …" looks back over the history as it was then published, and nothing
/// published later leaks in.
///
/// A transform is applied with [`map`](KnownOn::map), within the vintage:
/// the growth of a quarter as known on a date compares levels as both were
/// known on that date.
///
/// # Example
/// ```
/// use econseries::{Quarter, Series, vintage::VintagedSeries};
/// use econseries::detect::Declines;
///
/// let q4: Quarter = "2024-Q4".parse()?;
/// // US real GDP (GDPC1), two real vintages: 30 April and 23 December 2025.
/// let gdp = VintagedSeries::from_vintages([
///     ("2025-04-30".parse()?, Series::from_values(q4, [23542.349, 23526.085])?),
///     ("2025-12-23".parse()?, Series::from_values(q4, [23586.542, 23548.21, 23770.976])?),
/// ])?;
/// let may = gdp.known_on("2025-05-01".parse()?);
/// assert_eq!(may.detect(&Declines)?.len(), 1); // 2025-Q1, as first reported
/// assert_eq!(may.vintage(), Some("2025-04-30".parse()?));
/// let growth = may.map(|s| s.pca());
/// assert_eq!(growth.series().get(q4 + 1).map(|g| format!("{g:.1}")), Some("-0.3%".into()));
/// // Before the first release nothing was known, so nothing is found.
/// assert!(gdp.known_on("2025-04-29".parse()?).detect(&Declines)?.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct KnownOn<P: Period, U: Value = f64> {
    date: NaiveDate,
    vintage: Option<NaiveDate>,
    series: Series<P, U>,
}

impl<P: Period, U: Value> VintagedSeries<P, U> {
    /// The series as known on `date`, for detectors; see [`KnownOn`].
    pub fn known_on(&self, date: NaiveDate) -> KnownOn<P, U> {
        KnownOn {
            date,
            vintage: self.vintage_on(date),
            series: self.as_of(date),
        }
    }

    /// Runs `detector` on the series as known on every day, once per
    /// stretch of days over which the known series does not change, and
    /// returns each stretch with its events, in order of time: what the
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
    /// use econseries::detect::TechnicalRecessions;
    ///
    /// let q: Quarter = "2025-Q1".parse()?;
    /// let v = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, [100.0, 99.0])?),
    ///     ("2025-07-30".parse()?, Series::from_values(q, [100.0, 99.0, 98.5])?),
    ///     ("2025-08-28".parse()?, Series::from_values(q, [100.0, 99.0, 99.2])?),
    /// ])?;
    /// let said = v.detect_each_vintage(&TechnicalRecessions)?;
    /// let days: Vec<_> = said.iter().map(|(days, e)| (days.to_string(), e.len())).collect();
    /// // A technical recession for a month, revised away.
    /// assert_eq!(days, [
    ///     ("2025-04-30..=2025-07-29".to_owned(), 0),
    ///     ("2025-07-30..=2025-08-27".to_owned(), 1),
    ///     ("2025-08-28..=9999-12-31".to_owned(), 0),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The first error of `detector`.
    pub fn detect_each_vintage<D: Detector<P, U> + ?Sized>(
        &self,
        detector: &D,
    ) -> Result<Vec<(RealtimeInterval, Vec<Event<P>>)>> {
        self.stretches()
            .map(|(days, known)| Ok((days, detector.detect(&known)?)))
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

    /// Runs `detector` on the series as known on the date.
    ///
    /// # Errors
    /// As the detector's [`detect`](Detector::detect).
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
    /// let found = v.known_on("2025-02-20".parse()?).detect(&RobustZ::new(12)?)?;
    /// assert!(found.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn detect<D: Detector<P, U> + ?Sized>(&self, detector: &D) -> Result<Vec<Event<P>>> {
        detector.detect(&self.series)
    }

    /// Runs `detector` at `at` on the series as known on the date: nothing
    /// if `at` was not published (or was missing) then.
    ///
    /// # Errors
    /// As the detector's [`detect_at`](Detector::detect_at).
    ///
    /// # Example
    /// ```
    /// use econseries::{Month, Series, vintage::VintagedSeries};
    /// use econseries::detect::{EventKind, Sahm};
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
    /// // The real-time Sahm rule (FRED's SAHMCURRENT is this, on the vintage current when computed).
    /// let reading = |date: &str| -> Result<f64, Box<dyn std::error::Error>> {
    ///     let e = unrate.known_on(date.parse()?).detect_at(&Sahm::new(), april)?;
    ///     Ok(e.first().ok_or("no reading")?.value)
    /// };
    /// assert!((reading("2025-05-10")? - 0.2).abs() < 1e-12);
    /// assert!((reading("2025-06-10")? - 0.4 / 3.0).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn detect_at<D: Detector<P, U> + ?Sized>(
        &self,
        detector: &D,
        at: P,
    ) -> Result<Vec<Event<P>>> {
        detector.detect_at(&self.series, at)
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Quarter;
    use crate::detect::{Bbq, Declines};
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
        assert!(before.detect(&Declines).unwrap().is_empty());
        assert!(before.detect(&Bbq::new()).unwrap().is_empty());
        let gap = v.known_on(d("2025-05-20"));
        assert!(gap.series().is_empty());
        assert_eq!(gap.vintage(), Some(d("2025-04-30")));
        let each = v.detect_each_vintage(&Declines).unwrap();
        assert_eq!(each.len(), 2); // the gap is not a stretch
        assert_eq!((each[0].1.len(), each[1].1.len()), (1, 0));
        assert_eq!(each[1].0.start(), d("2025-06-01"));
        assert_eq!(
            v.known_on(d("2025-05-01")).detect(&Declines).unwrap()[0].period,
            q + 1
        );
    }
}
