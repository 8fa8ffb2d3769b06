//! ALFRED: every vintage of a FRED series, in requests of at most 2,000
//! vintage dates, joined; and the series as known on one date.

use chrono::NaiveDate;
use serde::Deserialize;

use super::client::{Client, Request};
use super::fred::{Paging, checked_id, in_response, read_body, with};
use super::provider;
use crate::error::{Error, Result};
use crate::io::{AnySeries, Format, ReadOptions};
use crate::period::Period;
use crate::vintage::{AnyVintagedSeries, RealtimeInterval, VintagedSeries};

/// The most vintage dates ALFRED serves in one request ("This exceeds the
/// maximum number of vintage dates allowed (2000)").
pub const MAX_VINTAGES_PER_REQUEST: usize = 2000;

/// The most vintage dates one `series/vintagedates` page lists.
const VINTAGE_DATES_PAGE: u64 = 10_000;

#[derive(Deserialize)]
struct VintageDates {
    vintage_dates: Vec<String>,
}

impl Client {
    /// The vintage dates of FRED series `id`: the days on which ALFRED has
    /// a release of it, oldest first (every page of
    /// `fred/series/vintagedates`).
    ///
    /// # Errors
    /// [`Error::MissingApiKey`]; [`Error::Fetch`];
    /// [`Error::InResponse`] for a response that is not FRED's JSON or
    /// holds a date that is not `YYYY-MM-DD`.
    ///
    /// # Example
    /// ```no_run
    /// use econseries::fetch::Client;
    ///
    /// let dates = Client::from_env()?.vintage_dates("GDPC1")?;
    /// println!("{} vintages, the first on {}", dates.len(), dates[0]);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn vintage_dates(&self, id: &str) -> Result<Vec<NaiveDate>> {
        let spec = provider::by_id("alfred")?;
        let base = self
            .fred_request(spec, "series/vintagedates", checked_id(id)?)?
            .url;
        let mut dates = Vec::new();
        let mut offset = 0;
        loop {
            let url = with(&with(&base, "limit", VINTAGE_DATES_PAGE), "offset", offset);
            let request = Request {
                spec,
                url,
                with_key: true,
                accept: None,
            };
            let body = self.get(&request)?;
            let count = Paging::of(&body).and_then(|p| p.count).unwrap_or(0);
            let page: VintageDates = read_body(spec, &request.url, &body, |f| {
                Ok(serde_json::from_reader(std::io::BufReader::new(f))?)
            })?;
            let got = page.vintage_dates.len() as u64;
            for d in page.vintage_dates {
                let date = d.trim().parse::<NaiveDate>().map_err(|_| {
                    in_response(
                        spec,
                        &request.url,
                        Error::InvalidDate {
                            text: d.clone().into(),
                        },
                    )
                })?;
                dates.push(date);
            }
            offset += got;
            if got == 0 || offset >= count {
                break;
            }
        }
        dates.sort_unstable();
        dates.dedup();
        Ok(dates)
    }

    /// Every vintage of FRED series `id`: the vintage dates first, then the
    /// observations by real-time period in windows of at most
    /// [`MAX_VINTAGES_PER_REQUEST`] vintage dates each, joined into one
    /// series (ALFRED clips each value's real-time interval to the window
    /// asked for; the pieces of one value meet at the window's edge and are
    /// joined back, so the result does not depend on how the requests were
    /// split).
    pub(crate) fn alfred(&self, id: &str, options: &ReadOptions) -> Result<AnyVintagedSeries> {
        let spec = provider::by_id("alfred")?;
        let dates = self.vintage_dates(id)?;
        let windows = windows(&dates)?;
        let options = options.clone().format(Format::FredJson);
        let total = windows.len();
        let mut parts = Vec::with_capacity(total);
        for (i, w) in windows.iter().enumerate() {
            if total > 1 {
                self.report(i, total);
            }
            let base = self.fred_request(spec, "series/observations", id)?.url;
            let url = with(
                &with(&base, "realtime_start", w.start()),
                "realtime_end",
                w.end(),
            );
            let request = Request {
                spec,
                url: with(&url, "output_type", 1),
                with_key: true,
                accept: None,
            };
            let (pages, url) = self.fred_pages(request)?;
            for page in &pages {
                parts.push(read_body(spec, &url, page, |r| {
                    AnyVintagedSeries::read(r, &options)
                })?);
            }
        }
        if total > 1 {
            self.report(total, total);
        }
        join(parts).map_err(|e| in_response(spec, &format!("alfred:{id}"), e))
    }

    /// FRED series `id` as it was known on `date` (one request, real-time
    /// period `date` to `date`): one value per period, the one published
    /// then, never the several rows of a wider real-time window.
    pub(crate) fn alfred_as_of(
        &self,
        id: &str,
        date: NaiveDate,
        options: &ReadOptions,
    ) -> Result<AnySeries> {
        let spec = provider::by_id("alfred")?;
        let base = self.fred_request(spec, "series/observations", id)?;
        let url = with(
            &with(&base.url, "realtime_start", date),
            "realtime_end",
            date,
        );
        let (pages, url) = self.fred_pages(Request { url, ..base })?;
        let options = options.clone().format(Format::FredJson);
        let mut parts = Vec::with_capacity(pages.len());
        for page in &pages {
            parts.push(read_body(spec, &url, page, |r| {
                AnySeries::read(r, &options)
            })?);
        }
        super::fred::join_series(parts).map_err(|e| in_response(spec, &url, e))
    }
}

/// The real-time windows covering `dates` (sorted, distinct) with at most
/// [`MAX_VINTAGES_PER_REQUEST`] vintage dates each: from a window's first
/// date to the day before the next window's, the last one still open.
///
/// # Errors
/// [`Error::NoObservations`] if there are no dates.
fn windows(dates: &[NaiveDate]) -> Result<Vec<RealtimeInterval>> {
    let starts: Vec<NaiveDate> = dates
        .iter()
        .step_by(MAX_VINTAGES_PER_REQUEST)
        .copied()
        .collect();
    if starts.is_empty() {
        return Err(Error::NoObservations);
    }
    let mut out = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        out.push(match starts.get(i + 1).and_then(|n| n.pred_opt()) {
            Some(end) => RealtimeInterval::new(start, end)?,
            None => RealtimeInterval::from(start),
        });
    }
    Ok(out)
}

/// One vintaged series from the pieces of several requests: every value
/// with its real-time interval, pieces of one value in adjacent windows
/// merged (by [`VintagedSeries::new`]).
fn join(parts: Vec<AnyVintagedSeries>) -> Result<AnyVintagedSeries> {
    fn all<P: Period>(
        parts: Vec<AnyVintagedSeries>,
        pick: impl Fn(AnyVintagedSeries) -> Option<VintagedSeries<P>>,
    ) -> Result<VintagedSeries<P>> {
        let mut obs = Vec::new();
        for p in parts {
            let found = p.frequency();
            let s = pick(p).ok_or(Error::FrequencyMismatch {
                expected: P::FREQUENCY,
                found,
            })?;
            obs.extend(s.observations());
        }
        VintagedSeries::new(obs)
    }
    let Some(first) = parts.first() else {
        return Err(Error::NoObservations);
    };
    Ok(match first {
        AnyVintagedSeries::Monthly(_) => AnyVintagedSeries::Monthly(all(parts, |p| match p {
            AnyVintagedSeries::Monthly(s) => Some(s),
            _ => None,
        })?),
        AnyVintagedSeries::Quarterly(_) => AnyVintagedSeries::Quarterly(all(parts, |p| match p {
            AnyVintagedSeries::Quarterly(s) => Some(s),
            _ => None,
        })?),
        AnyVintagedSeries::Annual(_) => AnyVintagedSeries::Annual(all(parts, |p| match p {
            AnyVintagedSeries::Annual(s) => Some(s),
            _ => None,
        })?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_of_at_most_2000_dates() {
        let d0: NaiveDate = "2000-01-01".parse().unwrap();
        let dates: Vec<NaiveDate> = (0..4001).map(|i| d0 + chrono::Duration::days(i)).collect();
        let w = windows(&dates).unwrap();
        assert_eq!(w.len(), 3);
        assert_eq!(w[0].start(), dates[0]);
        assert_eq!(w[0].end(), dates[1999]);
        assert_eq!(w[1].start(), dates[2000]);
        assert_eq!(w[1].end(), dates[3999]);
        assert_eq!(w[2].start(), dates[4000]);
        assert!(w[2].is_current());
        for win in &w {
            let n = dates.iter().filter(|d| win.contains(**d)).count();
            assert!(n <= MAX_VINTAGES_PER_REQUEST);
        }
        assert_eq!(windows(&dates[..2000]).unwrap().len(), 1);
        assert!(windows(&[]).is_err());
    }
}
