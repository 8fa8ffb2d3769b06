//! Headlines as they could have been written on a date.

use chrono::NaiveDate;

use super::series::{VintageObservation, VintagedSeries};
use crate::error::Result;
use crate::indicator::{Indicator, MeasureKind, Metadata};
use crate::narrate::{Findings, Headline, Revision};
use crate::period::Period;

impl<P: Period> VintagedSeries<P> {
    /// The findings of `headline` at `at` as known on `date`, for an
    /// indicator (named and qualified by `metadata`, of kind `kind`) whose
    /// values are these vintages: every detector runs on the series as it
    /// was known that day, and [`Findings::revision`] compares the number
    /// with its first report. Pass them to
    /// [`narrate::sentences`](crate::narrate::sentences).
    ///
    /// The number is computed within each vintage: a growth rate as first
    /// reported compares levels as both were known on the day of the first
    /// report (see [`VintagedSeries::map_vintages`]). Costs one basis
    /// transform per vintage up to `date`.
    ///
    /// # Errors
    /// As [`Headline::findings`] on the series as known on `date`: in
    /// particular [`Error::Undefined`](crate::Error::Undefined) if the number
    /// at `at` was not known on `date` (not yet published, or missing).
    ///
    /// # Example
    /// ```
    /// use econseries::{Quarter, Series, vintage::VintagedSeries};
    /// use econseries::indicator::{MeasureKind, Metadata};
    /// use econseries::narrate::{Basis, Headline, sentences};
    ///
    /// let q: Quarter = "2021-Q4".parse()?;
    /// // US real GDP (GDPC1) as published on 30 April and 23 December 2025.
    /// let advance = [21960.388, 21903.85, 21919.222, 22066.784, 22249.459, 22403.435, 22539.418,
    ///                22780.933, 22960.6, 23053.545, 23223.906, 23400.294, 23542.349, 23526.085];
    /// let revised = [21988.737, 21932.71, 21967.045, 22125.625, 22278.345, 22439.607, 22580.499,
    ///                22840.989, 23033.78, 23082.119, 23286.508, 23478.57, 23586.542, 23548.21];
    /// let gdp = VintagedSeries::from_vintages([
    ///     ("2025-04-30".parse()?, Series::from_values(q, advance)?),
    ///     ("2025-12-23".parse()?, Series::from_values(q, revised)?),
    /// ])?;
    /// let meta = Metadata::new("US real GDP", "US");
    /// let q1 = "2025-Q1".parse()?;
    /// let headline = Headline::new(Basis::AnnualRate);
    /// let may = gdp.headline_as_of(&headline, &meta, MeasureKind::Output, q1, "2025-05-01".parse()?)?;
    /// assert_eq!(format!("{:.1}", may.value), "-0.3");
    /// let now = gdp.headline_as_of(&headline, &meta, MeasureKind::Output, q1, "2026-01-15".parse()?)?;
    /// assert_eq!(sentences(&now), [
    ///     "US real GDP contracted at a 0.6% annual rate in the first quarter of 2025, \
    ///      the first contraction since the first quarter of 2022.",
    ///     "The figure was first reported on 30 April 2025 as a 0.3% contraction \
    ///      and revised to a 0.6% contraction on 23 December 2025.",
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn headline_as_of(
        &self,
        headline: &Headline,
        metadata: &Metadata,
        kind: MeasureKind,
        at: P,
        date: NaiveDate,
    ) -> Result<Findings<P>> {
        let known = Indicator::new(self.as_of(date), metadata.clone(), kind)?;
        let mut findings = headline.findings(known, at)?;
        // The number at `at` in every vintage; it depends only on periods up
        // to `at`, so later ones are cut before the transform. Stretches
        // starting after `date` cannot change what was known on it.
        let mut told = Vec::new();
        for (realtime, s) in self.stretches().take_while(|(r, _)| r.start() <= date) {
            let upto = Indicator::new(s.slice(..=at), metadata.clone(), kind)?;
            // `findings` above has already refused a basis the kind lacks.
            let value = headline.number(&upto).ok().and_then(|b| b.get(at));
            told.push(VintageObservation::new(at, realtime, value));
        }
        findings.revision = VintagedSeries::new(told)?
            .first_vs_known(at, date)
            .map(|r| Revision::new(r.first, r.first_published, r.value, r.published));
        Ok(findings)
    }
}
