//! ALFRED's vintage-column CSV: a typed error or a vintaged series whose
//! views are finite or missing, equal to the one built from its vintages by
//! `VintagedSeries::from_vintages` (an independent path); limits never
//! change a result.
#![no_main]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use econseries::io::{Format, ReadOptions};
use econseries::vintage::{AnyVintagedSeries, VintagedSeries};
use econseries::{Month, Series};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let alfred = ReadOptions::new().format(Format::AlfredCsv);
    let full = AnyVintagedSeries::read(data, &alfred);
    let small = alfred.clone().max_line_len(48).max_rows(4).max_values(5);
    if let Ok(limited) = AnyVintagedSeries::read(data, &small) {
        assert_eq!(Some(&limited), full.as_ref().ok());
    }
    if let Ok(typed) = VintagedSeries::<Month>::read(data, &alfred) {
        if let Some(reference) = by_vintages(data) {
            assert_eq!(typed, reference, "runs differ from whole vintages");
        }
    }
    let Ok(v) = full else {
        return;
    };
    common::assert_any_finite("latest", &v.latest());
    common::assert_any_finite("first release", &v.first_release());
    common::assert_any_finite("second release", &v.release(1));
    for d in v.vintage_dates() {
        common::assert_any_finite("as of", &v.as_of(d));
    }
    if let Ok((first, latest, stats)) = v.revisions() {
        common::assert_any_finite("first", &first);
        common::assert_any_finite("latest", &latest);
        let _ = stats;
    }
    let _ = v.units(econseries::Units::Pc1);
});

/// The monthly vintaged series of simple ALFRED text (plain fields, periods
/// `YYYY-MM`, values parsed by `f64::from_str`), built vintage by vintage
/// with `from_vintages`; `None` for text outside that subset.
fn by_vintages(data: &[u8]) -> Option<VintagedSeries<Month>> {
    let text = core::str::from_utf8(data).ok()?;
    if text.contains(['"', '\r', '\u{feff}', ' ']) {
        return None;
    }
    let mut lines = text.lines().filter(|l| !l.split(',').all(str::is_empty));
    let header: Vec<&str> = lines.next()?.split(',').collect();
    let dates: Vec<NaiveDate> = header
        .iter()
        .skip(1)
        .map(|h| NaiveDate::parse_from_str(h.rsplit_once('_')?.1, "%Y%m%d").ok())
        .collect::<Option<_>>()?;
    let mut vintages: BTreeMap<NaiveDate, Vec<(Month, f64)>> = BTreeMap::new();
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        let month: Month = fields.first()?.parse().ok()?;
        for (d, f) in dates.iter().zip(fields.iter().skip(1)) {
            if matches!(*f, "" | "." | "#N/A" | "NA") {
                continue;
            }
            vintages
                .entry(*d)
                .or_default()
                .push((month, f.parse().ok()?));
        }
    }
    let series = vintages
        .into_iter()
        .map(|(d, pairs)| Some((d, Series::from_pairs(pairs).ok()?)))
        .collect::<Option<Vec<_>>>()?;
    VintagedSeries::from_vintages(series).ok()
}
