//! Integration tests: vintages (ALFRED's real-time model) on the two real
//! GDPC1 vintages shipped in `data/`, read in every shape the crate supports,
//! against pandas references built by `tests/fixtures/vintage/build.py`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use econseries::detect::{
    Bbq, Declines, Event, EventKind, Records, Sahm, Streaks, TechnicalRecessions,
};
use econseries::indicator::{MeasureKind, Metadata};
use econseries::io::{Format, ReadOptions};
use econseries::narrate::{Basis, Headline, sentences};
use econseries::vintage::{AnyVintagedSeries, RevisionKind, VintagedSeries};
use econseries::{Error, Month, Percent, Period, Quarter, Series, Units};
use proptest::prelude::*;

use crate::fixtures::{Table, assert_all_close, assert_series_close, data, period, runs};

fn fixture(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/vintage")
        .join(file)
}

fn day(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn q(s: &str) -> Quarter {
    s.parse().expect("quarter")
}

/// The vintaged GDPC1 from ALFRED's vintage-column CSV.
fn gdp() -> VintagedSeries<Quarter> {
    VintagedSeries::read(
        std::fs::File::open(fixture("gdpc1_alfred_vintages.csv")).expect("fixture"),
        &ReadOptions::new(),
    )
    .expect("reads")
}

/// Source: BEA, advance estimate of 2025-Q1 (30 April 2025): real GDP
/// "decreased at an annual rate of 0.3 percent"; initial estimate of 2025-Q3
/// (23 December 2025): 2025-Q1 a contraction of 0.6 percent. Levels from FRED
/// GDPC1 in those two vintages (data/PROVENANCE.md).
#[test]
fn gdp_2025q1_first_reported_as_minus_0_3_and_minus_0_6_as_of_2026() {
    let growth = gdp().map_vintages(|s| s.pca());
    let q1 = q("2025-Q1");
    let first = growth.first_release().get(q1).expect("first release");
    let in_2026 = growth
        .as_of(day("2026-01-15"))
        .get(q1)
        .expect("known in 2026");
    assert_eq!(format!("{first:.1}"), "-0.3%");
    assert_eq!(format!("{in_2026:.1}"), "-0.6%");
    // Still the advance figure the day before the December vintage.
    let before = growth.as_of(day("2025-12-22")).get(q1).expect("known");
    assert_eq!(before, first);
    // The story in the vintage history of the level itself.
    let levels: Vec<f64> = gdp().history(q1).filter_map(|o| o.value).collect();
    assert_eq!(levels, [23526.085, 23548.21]);
}

/// Source: pandas, growth computed within each vintage by
/// tests/fixtures/vintage/build.py.
#[test]
fn growth_views_match_pandas_for_every_quarter() {
    let file = "vintage/gdpc1_pca_reference.csv";
    let t = Table::fixture(file);
    let growth: VintagedSeries<Quarter, Percent> = gdp().map_vintages(|s| s.pca());
    let check = |column: &str, got: Series<Quarter, Percent>| {
        let want = t.column::<Quarter>(column);
        assert_all_close(
            file,
            column,
            want.iter()
                .map(|&(p, w)| (p, got.get(p).map(|x| x.get()), w)),
        );
    };
    check("first_release", growth.first_release());
    check("latest", growth.latest());
    for date in ["2025-04-29", "2025-04-30", "2025-12-22", "2026-01-15"] {
        check(&format!("as_of_{date}"), growth.as_of(day(date)));
    }
}

/// Source: pandas (tests/fixtures/vintage/gdpc1_pca_revision_stats.csv).
#[test]
fn revision_statistics_match_pandas() {
    let file = "vintage/gdpc1_pca_revision_stats.csv";
    let t = Table::fixture(file);
    let want = |name: &str| -> String {
        t.fields("statistic")
            .zip(t.fields("value"))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_owned())
            .unwrap_or_else(|| panic!("{file}: no {name}"))
    };
    let growth = gdp().map_vintages(|s| s.pca());
    let revisions = growth.revisions();
    let stats = revisions.stats().expect("stats");
    assert_eq!(stats.count.to_string(), want("count"));
    assert_eq!(stats.revised.to_string(), want("revised"));
    assert_eq!(stats.sign_changes.to_string(), want("sign_changes"));
    let num = |s: String| s.parse::<f64>().ok();
    assert_all_close(
        file,
        "value",
        [
            ("mean", Some(stats.mean), num(want("mean"))),
            (
                "mean_absolute",
                Some(stats.mean_absolute),
                num(want("mean_absolute")),
            ),
        ],
    );
    let r = revisions.revision();
    assert_eq!(
        r.first_valid().map(|p| p.to_string()),
        Some(want("first_period"))
    );
    assert_eq!(
        r.last_valid().map(|p| p.to_string()),
        Some(want("last_period"))
    );
}

/// The levels as known on each date are exactly the shipped vintage files.
/// Source: data/us_real_gdp_gdpc1_quarterly_1947_2025q1.csv and
/// data/us_real_gdp_gdpc1_quarterly_1980_2025q3.csv (read by the fixtures'
/// own loader, not the crate's readers).
#[test]
fn levels_as_of_dates_are_the_vintages() {
    let advance: Series<Quarter> = data("us_real_gdp_gdpc1_quarterly_1947_2025q1");
    let revised: Series<Quarter> = data("us_real_gdp_gdpc1_quarterly_1980_2025q3");
    let v = gdp();
    let as_pairs = |s: &Series<Quarter>| s.iter().collect::<Vec<_>>();
    let file = "gdpc1_alfred_vintages.csv";
    assert_series_close(
        file,
        "2025-05-01",
        &v.as_of(day("2025-05-01")),
        &as_pairs(&advance),
    );
    assert_series_close(
        file,
        "2026-01-15",
        &v.as_of(day("2026-01-15")),
        &as_pairs(&revised),
    );
    assert_series_close(file, "latest", &v.latest(), &as_pairs(&revised));
    assert!(v.as_of(day("2025-04-29")).is_empty());
    // First release: the advance vintage, then 2025-Q2 and Q3 from December.
    let first = v.first_release();
    assert_eq!(first.start(), q("1947-Q1"));
    assert_eq!(first.get(q("2025-Q1")), Some(23526.085));
    assert_eq!(first.get(q("2025-Q3")), Some(24024.957));
    assert_eq!(v.vintage_dates(), [day("2025-04-30"), day("2025-12-23")]);
}

/// The three file shapes, built from the same two vintages, give the same series.
#[test]
fn alfred_csv_json_and_long_agree() {
    let wide = gdp();
    let file = std::fs::File::open(fixture("gdpc1_long.csv")).expect("fixture");
    let long = VintagedSeries::<Quarter>::read(file, &ReadOptions::new().series("GDPC1"))
        .expect("long reads");
    assert_eq!(long, wide);
    #[cfg(feature = "serde")]
    {
        let text = std::fs::read_to_string(fixture("gdpc1_alfred_realtime.json")).expect("json");
        let json = VintagedSeries::<Quarter>::read(text.as_bytes(), &ReadOptions::new())
            .expect("json reads");
        assert_eq!(json, wide);
        // Merged intervals: values unchanged by the revision are one row.
        let unchanged = json.history(q("1980-Q1")).collect::<Vec<_>>();
        assert_eq!(unchanged.len(), 1);
        assert!(unchanged[0].realtime.is_current());
        let any = AnyVintagedSeries::read(text.as_bytes(), &ReadOptions::new()).expect("auto");
        assert_eq!(any, AnyVintagedSeries::from(wide.clone()));
    }
    for file in ["gdpc1_alfred_vintages.csv", "gdpc1_long.csv"] {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        let any = AnyVintagedSeries::read(&bytes[..], &ReadOptions::new()).expect("auto");
        assert_eq!(any, AnyVintagedSeries::from(wide.clone()), "{file}");
    }
}

#[test]
fn long_csv_round_trip_is_exact() {
    let wide = gdp();
    let mut out = Vec::new();
    wide.write_long_csv(&mut out, "GDPC1").expect("writes");
    let back = VintagedSeries::<Quarter>::read(&out[..], &ReadOptions::new()).expect("reads back");
    assert_eq!(back, wide);
    // Run-time frequency: the same through AnyVintagedSeries, units within vintages.
    let any = AnyVintagedSeries::read(&out[..], &ReadOptions::new()).expect("auto");
    let (first, latest, stats) = any.units(Units::Pca).revisions().expect("stats");
    let f = first.as_quarterly().and_then(|s| s.get(q("2025-Q1")));
    let l = latest.as_quarterly().and_then(|s| s.get(q("2025-Q1")));
    assert_eq!(f.map(|x| format!("{x:.1}")), Some("-0.3".into()));
    assert_eq!(l.map(|x| format!("{x:.1}")), Some("-0.6".into()));
    assert_eq!(stats.sign_changes, 0);
}

#[test]
fn malformed_vintage_files_give_positions() {
    let read = |text: &str| AnyVintagedSeries::read(text.as_bytes(), &ReadOptions::new());
    let e = read("observation_date,GDPC1_20250430\n2025-01-01,23526.085\n2025-02-15,1\n")
        .expect_err("mid-quarter date");
    assert_eq!(e.line(), Some(3));
    let e = read(
        "series_id,period,value,realtime_start,realtime_end\nA,2025-Q1,1,2025-05-01,2025-04-30\n",
    )
    .expect_err("inverted interval");
    assert_eq!(e.line(), Some(2));
    assert!(e.to_string().contains("ends before it starts"), "{e}");
    let e = read(
        "series_id,period,value,realtime_start,realtime_end\n\
         A,2025-Q1,1,2025-04-30,2025-05-28\nA,2025-Q1,2,2025-05-28,9999-12-31\n",
    )
    .expect_err("overlap");
    // The overlap names the line of the second interval.
    assert_eq!(e.line(), Some(3));
    assert!(
        matches!(e, Error::Read { ref source, .. } if matches!(**source, Error::OverlappingRealtime { .. })),
        "{e}"
    );
}

/// The dates the detector references are computed for (build.py's `AS_OF`):
/// before any release, the day after the advance estimate, the last day of
/// the advance vintage, and 2026.
const AS_OF: [&str; 4] = ["2025-04-29", "2025-05-01", "2025-12-22", "2026-01-15"];

/// The rows of `gdpc1_detect_as_of.csv` for one date and detector, as
/// `(a, b, x, y)` text fields.
fn detected<'t>(t: &'t Table, date: &str, detector: &str) -> Vec<[&'t str; 4]> {
    let col = |name| t.fields(name).collect::<Vec<_>>();
    let (dates, kinds) = (col("as_of"), col("detector"));
    let (a, b, x, y) = (col("a"), col("b"), col("x"), col("y"));
    (0..dates.len())
        .filter(|&i| dates[i] == date && kinds[i] == detector)
        .map(|i| [a[i], b[i], x[i], y[i]])
        .collect()
}

fn name(p: Option<Quarter>) -> String {
    p.map(|p| p.to_string()).unwrap_or_default()
}

/// Source: pandas (tests/fixtures/vintage/build.py): contractions, technical
/// recessions, record lows and highs (brute force) and sign streaks of
/// growth, each on GDPC1 as known on four dates. As known on 2025-05-01 the
/// series runs 1947..2025-Q1 (the advance vintage): the 2008-Q4 fall was the
/// steepest since 1958-Q1; as known in 2026 the series starts in 1980, so it
/// is the steepest on record, and 2025-Q2/Q3 exist.
#[test]
fn headline_detectors_as_known_on_each_date_match_pandas() {
    let file = "vintage/gdpc1_detect_as_of.csv";
    let t = Table::fixture(file);
    let gdp = gdp();
    let num = |s: &str| s.parse::<f64>().ok();
    for date in AS_OF {
        let known = gdp.known_on(day(date));
        assert_eq!(known.date(), day(date));
        if date == "2025-04-29" {
            // Nothing published yet: the reference has no rows, and nothing is found.
            assert!(t.fields("as_of").all(|d| d != date));
            assert!(known.series().is_empty() && known.vintage().is_none());
            assert!(known.detect(&Declines).expect("declines").is_empty());
            assert!(
                known
                    .detect(&TechnicalRecessions)
                    .expect("recessions")
                    .is_empty()
            );
            continue;
        }
        let want = detected(&t, date, "contraction");
        let got = known.detect(&Declines).expect("declines");
        assert_eq!(got.len(), want.len(), "{date}: contractions");
        for (c, w) in got.iter().zip(&want) {
            assert_eq!(
                [c.period.to_string(), name(c.compared_with)],
                [w[0].to_owned(), w[1].to_owned()],
                "{date}"
            );
        }
        assert_all_close(
            file,
            "contraction levels",
            got.iter().zip(&want).flat_map(|(c, w)| {
                [
                    (c.period, Some(c.value), num(w[2])),
                    (c.period, known.series().get(c.period - 1), num(w[3])),
                ]
            }),
        );
        let got: Vec<[String; 3]> = runs(&known.detect(&TechnicalRecessions).expect("recessions"))
            .iter()
            .map(|(start, e)| {
                let EventKind::TechnicalRecession { length } = e.kind else {
                    panic!("{e:?}")
                };
                [start.to_string(), e.period.to_string(), length.to_string()]
            })
            .collect();
        let want: Vec<[String; 3]> = detected(&t, date, "recession")
            .iter()
            .map(|w| [w[0], w[1], w[2]].map(str::to_owned))
            .collect();
        assert_eq!(got, want, "{date}: technical recessions");

        // Growth within the vintage known that day.
        let growth = known.map(|s| s.pca());
        let want = detected(&t, date, "record");
        let lows = growth.detect(&Records::low()).expect("records");
        let highs = growth.detect(&Records::high()).expect("records");
        // The fixture leaves "since" empty for a record.
        let since = |e: &Event<Quarter>| if e.is_record() { None } else { e.compared_with };
        assert_eq!(
            (lows.len(), highs.len()),
            (want.len(), want.len()),
            "{date}"
        );
        for ((lo, hi), w) in lows.iter().zip(&highs).zip(&want) {
            assert_eq!(
                [lo.period.to_string(), name(since(lo)), name(since(hi))],
                [w[0], w[1], w[2]],
                "{date}: records"
            );
        }
        assert_all_close(
            file,
            "record values",
            lows.iter()
                .zip(&want)
                .map(|(r, w)| (r.period, Some(r.value), num(w[3]))),
        );
        let mut want: Vec<[String; 4]> = Vec::new();
        for (kind, dir) in [("streak_up", "up"), ("streak_down", "down")] {
            want.extend(
                detected(&t, date, kind)
                    .iter()
                    .map(|w| [dir, w[0], w[1], w[2]].map(str::to_owned)),
            );
        }
        want.sort_by(|a, b| a[1].cmp(&b[1]));
        let got: Vec<[String; 4]> = runs(&growth.detect(&Streaks::signs()).expect("streaks"))
            .iter()
            .map(|(start, e)| {
                let EventKind::Streak {
                    direction, length, ..
                } = e.kind
                else {
                    panic!("{e:?}")
                };
                [
                    direction.name().to_owned(),
                    start.to_string(),
                    e.period.to_string(),
                    length.to_string(),
                ]
            })
            .collect();
        assert_eq!(got, want, "{date}: streaks");
    }
    // The reference is not trivially empty, and the dates do disagree.
    let may = gdp.known_on(day("2025-05-01")).map(|s| s.pca());
    let now = gdp.known_on(day("2026-01-15")).map(|s| s.pca());
    let q = q("2008-Q4");
    let low = |k: &econseries::vintage::KnownOn<Quarter, Percent>| {
        k.detect_at(&Records::low(), q).expect("records")[0]
    };
    assert_eq!(low(&may).compared_with, Some(period("1958-Q1")));
    assert!(low(&now).is_record());
    assert!(
        gdp.known_on(day("2025-04-29"))
            .detect(&Declines)
            .expect("declines")
            .is_empty()
    );
}

/// Source: pandas, as above. `detect_each_vintage` gives, for every stretch of
/// days, what the detector says on any day in it.
#[test]
fn detect_each_vintage_agrees_with_each_date() {
    let t = Table::fixture("vintage/gdpc1_detect_as_of.csv");
    let gdp = gdp();
    let said: Vec<_> = gdp
        .detect_each_vintage(&TechnicalRecessions)
        .expect("recessions")
        .into_iter()
        .map(|(days, events)| {
            let starts: Vec<String> = runs(&events).iter().map(|(s, _)| s.to_string()).collect();
            (days, starts)
        })
        .collect();
    assert_eq!(said.len(), 2);
    for date in AS_OF {
        let want: Vec<&str> = detected(&t, date, "recession")
            .iter()
            .map(|w| w[0])
            .collect();
        let got: Vec<&str> = said
            .iter()
            .find(|(days, _)| days.contains(day(date)))
            .map(|(_, starts)| starts.iter().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(got, want, "{date}");
    }
}

/// Source: pandas (tests/fixtures/vintage/gdpc1_2025q1_as_of.csv): 2025-Q1's
/// annualised growth as first reported and as known on each date, the last
/// contraction before it and the last quarter at least as weak, as known then.
#[test]
fn gdp_2025q1_as_known_on_each_date_matches_pandas() {
    let file = "vintage/gdpc1_2025q1_as_of.csv";
    let t = Table::fixture(file);
    let gdp = gdp();
    let growth = gdp.map_vintages(|s| s.pca());
    let meta = Metadata::new("US real GDP", "US");
    let headline = Headline::new(Basis::AnnualRate);
    let q1 = q("2025-Q1");
    let col = |name: &str| -> Vec<String> { t.fields(name).map(str::to_owned).collect() };
    let num = |s: &str| s.parse::<f64>().ok();
    for (i, date) in col("as_of").iter().enumerate() {
        let date = date.as_str();
        let at = |name: &str| col(name)[i].clone();
        let r = growth.first_vs_known(q1, day(date));
        let f = gdp.headline_as_of(&headline, &meta, MeasureKind::Output, q1, day(date));
        let Some(want) = num(&at("pca")) else {
            assert!(r.is_none(), "{date}");
            assert!(matches!(f, Err(Error::Undefined { .. })), "{date}: {f:?}");
            continue;
        };
        let r = r.expect("known");
        let f = f.expect("findings");
        let fr = f.revision.expect("findings carry the revision");
        assert_eq!(
            (fr.first, fr.value, fr.first_published, fr.published),
            (r.first.get(), r.value.get(), r.first_published, r.published),
            "{date}"
        );
        assert_all_close(
            file,
            date,
            [
                ("pca", Some(r.value.get()), Some(want)),
                ("findings", Some(f.value), Some(want)),
                (
                    "first_reported",
                    Some(r.first.get()),
                    num(&at("first_reported")),
                ),
            ],
        );
        assert_eq!(
            [
                r.first_published.to_string(),
                r.published.to_string(),
                r.releases.to_string()
            ],
            [at("first_published"), at("published"), at("releases")],
            "{date}"
        );
        let contraction = f
            .events
            .iter()
            .find(|e| e.kind == EventKind::Decline)
            .expect("a contraction");
        assert_eq!(
            name(contraction.compared_with),
            at("last_contraction_before")
        );
        let low = f
            .events
            .iter()
            .find(|e| matches!(e.kind, EventKind::Low { .. }))
            .expect("a low");
        assert_eq!(name(low.compared_with), at("low_since"));
        let known = gdp.known_on(day(date));
        assert_eq!(
            [
                name(Some(known.series().start())),
                name(known.series().end())
            ],
            [at("first_period"), at("last_period")]
        );
    }
    let latest = growth.first_vs_latest(q1).expect("in the latest vintage");
    assert_eq!(latest.kind(), RevisionKind::Larger); // revised deeper
    assert!(latest.revision() > 0.3);
}

/// Source: BEA. Advance estimate, 30 April 2025: real GDP "decreased at an
/// annual rate of 0.3 percent" in 2025-Q1, the first decline since 2022-Q1;
/// the December 2025 vintage (after the 2025 annual update): −0.6%.
#[test]
fn gdp_2025q1_sentences_as_known_on_each_date() {
    let gdp = gdp();
    let meta = Metadata::new("US real GDP", "US");
    let headline = Headline::new(Basis::AnnualRate);
    let q1 = q("2025-Q1");
    let say_at = |at: Quarter, date: &str| {
        gdp.headline_as_of(&headline, &meta, MeasureKind::Output, at, day(date))
            .map(|f| sentences(&f))
    };
    let say = |date: &str| say_at(q1, date);
    let first = "US real GDP contracted at a 0.3% annual rate in the first quarter of 2025, \
                 the first contraction since the first quarter of 2022.";
    assert_eq!(say("2025-05-01").expect("known"), [first]);
    assert_eq!(say("2025-12-22").expect("known"), [first]);
    assert_eq!(
        say("2026-01-15").expect("known"),
        [
            "US real GDP contracted at a 0.6% annual rate in the first quarter of 2025, \
             the first contraction since the first quarter of 2022.",
            "The figure was first reported on 30 April 2025 as a 0.3% contraction \
             and revised to a 0.6% contraction on 23 December 2025.",
        ]
    );
    let e = say("2025-04-29").expect_err("not yet published");
    assert!(e.to_string().contains("2025-Q1"), "{e}");
    // 2025-Q2 was first published in the December vintage: no revision to tell.
    let q2 = say_at(q1 + 1, "2026-01-15").expect("known");
    assert_eq!(
        q2,
        // The fastest since 2023-Q3 (4.7%): pandas' high_since in gdpc1_detect_as_of.csv.
        [
            "US real GDP grew at a 3.8% annual rate in the second quarter of 2025, \
             the fastest growth since the third quarter of 2023."
        ]
    );
}

/// Source: FRED `SAHMCURRENT` as downloaded in December 2023, FRED's
/// real-time Sahm rule on the UNRATE vintage of that month
/// (data/PROVENANCE.md). UNRATE as one vintaged series: the December 2023
/// download, published 8 December 2023 (BLS, November 2023 Employment
/// Situation), and the 2026 download, taken as published on the day it was
/// retrieved (30 July 2026; assumption, the first day it is sure to be known).
#[test]
fn real_time_sahm_rule_matches_fred_sahmcurrent() {
    let unrate = VintagedSeries::from_vintages([
        (
            day("2023-12-08"),
            data::<Month>("us_unemployment_rate_unrate_monthly_1948_2023-11"),
        ),
        (
            day("2026-07-30"),
            data::<Month>("us_unemployment_rate_unrate_monthly"),
        ),
    ])
    .expect("vintages");
    let fred = data::<Month>("us_sahm_rule_sahmcurrent_monthly_1949_2023-11");
    let then = unrate.known_on(day("2023-12-17"));
    assert_eq!(
        then.series().end(),
        Some(period("2023-11")),
        "nothing from later"
    );
    let readings = then.detect(&Sahm::new().strict()).expect("sahm");
    let got = |p: Month| readings.iter().find(|r| r.period == p).map(|r| r.value);
    let mut compared = 0;
    for (p, want) in fred.observations() {
        let v = got(p).unwrap_or_else(|| panic!("{p}: no reading"));
        assert!((v - want).abs() <= 0.005 + 1e-9, "{p}: {v} vs FRED {want}");
        compared += 1;
    }
    assert_eq!(compared, 897);
    // As known in 2026 the revised months (2019 on) move some readings, and
    // the October 2025 hole blanks its three-month averages.
    let now = unrate
        .known_on(day("2026-08-01"))
        .detect(&Sahm::new().strict())
        .expect("sahm");
    let differ = now
        .iter()
        .filter(|r| {
            fred.get(r.period)
                .is_some_and(|w| (r.value - w).abs() > 0.005 + 1e-9)
        })
        .count();
    assert!(differ > 0 && differ < 60, "{differ}");
    // The October 2025 hole blanks its reading: no event there.
    let oct = period::<Month>("2025-10");
    assert!(now.iter().all(|r| r.period != oct));
    assert!(now.iter().any(|r| r.period == oct - 1));
}

/// Source: NBER business-cycle reference dates (data/nber_turning_points_quarterly.csv).
/// BBQ on real GDP as known on each date (1947.. in the advance vintage,
/// 1980.. in December 2025) finds the same NBER turns of 1981..2020 within a
/// quarter. The four it misses in both are known limits of dating on GDP
/// alone: the 1982-Q4 trough (GDP's low is 1982-Q1), 2001 (GDP never fell
/// two quarters in a row) and the 2007-Q4 peak (GDP peaked in 2008-Q2).
#[test]
fn bbq_as_known_on_each_date_finds_nber_turns() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/nber_turning_points_quarterly.csv"),
    )
    .expect("NBER file");
    let nber: Vec<(Quarter, EventKind)> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .map(|(p, v)| {
            (
                period(p),
                if v == "peak" {
                    EventKind::Peak
                } else {
                    EventKind::Trough
                },
            )
        })
        .filter(|(p, _)| *p >= q("1981-Q1") && *p <= q("2020-Q4"))
        .collect();
    assert_eq!(nber.len(), 10);
    let gdp = gdp();
    let mut hits = Vec::new();
    for date in ["2025-05-01", "2026-01-15"] {
        let turns = gdp
            .known_on(day(date))
            .detect(&Bbq::new())
            .expect("complete");
        let hit: Vec<(Quarter, EventKind)> = nber
            .iter()
            .copied()
            .filter(|(p, turn)| {
                turns
                    .iter()
                    .any(|t| t.kind == *turn && t.period.periods_since(*p).abs() <= 1)
            })
            .collect();
        assert!(hit.len() >= 6, "{date}: matched only {hit:?}");
        hits.push(hit);
    }
    assert_eq!(hits[0], hits[1], "the same turns in both vintages");
}

proptest! {
    /// Synthetic: arbitrary text never makes a vintage reader panic.
    #[test]
    fn vintage_readers_never_panic(text in ".{0,300}", bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let o = ReadOptions::new();
        let _ = AnyVintagedSeries::read(text.as_bytes(), &o);
        let _ = AnyVintagedSeries::read(&bytes[..], &o.clone().series("A"));
        for f in Format::ALL {
            let _ = AnyVintagedSeries::read(text.as_bytes(), &o.clone().format(f));
            let _ = econseries::AnySeries::read(text.as_bytes(), &o.clone().format(f));
        }
    }

    /// Synthetic: CSV-shaped text (a header and rows of plausible fields) never panics either.
    #[test]
    fn csv_shaped_vintage_input_never_panics(
        rows in proptest::collection::vec(
            proptest::collection::vec("[0-9.\\-Q#NA]{0,12}|2025-0[1-9]-01|GDPC1_2025[01][0-9]{3}", 1..5),
            1..8,
        )
    ) {
        let text = rows.iter().map(|r| r.join(",")).collect::<Vec<_>>().join("\n");
        let o = ReadOptions::new();
        let _ = AnyVintagedSeries::read(format!("date,X_20250101,X_20250201\n{text}").as_bytes(), &o);
        let _ = AnyVintagedSeries::read(format!("series_id,period,value,vintage\n{text}").as_bytes(), &o);
    }
}

/// A synthetic vintage matrix: `cells[p][v]` is period `p`'s value in vintage
/// `v`, `None` if not published there; values from a small set so that runs
/// of equal values and whole empty vintages are common.
fn vintage_matrix() -> impl Strategy<Value = (Vec<u16>, Vec<Vec<Option<u8>>>)> {
    (1usize..6, 1usize..7).prop_flat_map(|(periods, vintages)| {
        (
            proptest::collection::btree_set(0u16..400, vintages)
                .prop_map(|s| s.into_iter().collect::<Vec<_>>()),
            proptest::collection::vec(
                proptest::collection::vec(proptest::option::weighted(0.6, 0u8..3), vintages),
                periods,
            ),
        )
    })
}

/// The vintaged series of a matrix built the independent way: one whole
/// series per vintage date, through `VintagedSeries::from_vintages`, vintages
/// without a value left out (ALFRED publishes no such vintage).
fn by_whole_vintages(days: &[u16], cells: &[Vec<Option<u8>>]) -> Option<VintagedSeries<Month>> {
    let first: Month = "2020-01".parse().ok()?;
    let mut vintages = Vec::new();
    for (v, &d) in days.iter().enumerate() {
        let pairs: Vec<(Month, f64)> = cells
            .iter()
            .enumerate()
            .filter_map(|(p, row)| {
                let x = (*row.get(v)?)?;
                Some((first.checked_add(p as i64).ok()?, f64::from(x) + 0.5))
            })
            .collect();
        if !pairs.is_empty() {
            let date = day("2024-01-01") + chrono::Days::new(u64::from(d));
            vintages.push((date, Series::from_pairs(pairs).ok()?));
        }
    }
    VintagedSeries::from_vintages(vintages).ok()
}

proptest! {
    /// Synthetic: ALFRED's columns turned into intervals row by row (runs of
    /// equal values joined while reading, empty vintages skipped at the end)
    /// give exactly what whole vintages through `from_vintages` give; so does
    /// the long CSV with a vintage column, rows shuffled.
    #[test]
    fn alfred_runs_equal_whole_vintages((days, cells) in vintage_matrix(), seed in any::<u64>()) {
        let date = |d: u16| day("2024-01-01") + chrono::Days::new(u64::from(d));
        let mut csv = String::from("observation_date");
        for &d in &days {
            csv.push_str(&format!(",X_{}", date(d).format("%Y%m%d")));
        }
        csv.push('\n');
        let mut long = Vec::new();
        for (p, row) in cells.iter().enumerate() {
            let period = format!("2020-{:02}", p + 1);
            csv.push_str(&format!("{period}-01"));
            for (v, x) in row.iter().enumerate() {
                let text = x.map(|x| format!("{}", f64::from(x) + 0.5)).unwrap_or_else(|| ".".to_owned());
                csv.push_str(&format!(",{text}"));
                long.push(format!("X,{period},{},{}", if x.is_some() { text } else { String::new() }, date(days[v])));
            }
            csv.push('\n');
        }
        let opts = ReadOptions::new().frequency(econseries::Frequency::Monthly);
        let want = by_whole_vintages(&days, &cells);
        let wide = VintagedSeries::<Month>::read(csv.as_bytes(), &opts);
        prop_assert_eq!(wide.as_ref().ok(), want.as_ref(), "{}", csv);
        // Long rows in a shuffled order.
        let mut state = seed | 1;
        for i in (1..long.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            long.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let text = format!("series_id,period,value,vintage\n{}\n", long.join("\n"));
        let from_long = VintagedSeries::<Month>::read(text.as_bytes(), &opts);
        prop_assert_eq!(from_long.as_ref().ok(), want.as_ref(), "{}", text);
    }
}
