//! Integration tests: vintages (ALFRED's real-time model) on the two real
//! GDPC1 vintages shipped in `data/`, read in every shape the crate supports,
//! against pandas references built by `tests/fixtures/vintage/build.py`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use econseries::io::long::{self, LongCsv};
use econseries::vintage::{AnyVintagedSeries, VintagedSeries};
use econseries::{Error, Percent, Quarter, Series, Units};
use proptest::prelude::*;

use crate::fixtures::{Table, assert_all_close, assert_series_close, data};

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
    VintagedSeries::read_alfred_csv(
        std::fs::File::open(fixture("gdpc1_alfred_vintages.csv")).expect("fixture"),
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
    let long = LongCsv::read_path(fixture("gdpc1_long.csv"))
        .and_then(|f| f.vintaged(Some("GDPC1")))
        .and_then(VintagedSeries::<Quarter>::try_from)
        .expect("long reads");
    assert_eq!(long, wide);
    #[cfg(feature = "serde")]
    {
        let text = std::fs::read_to_string(fixture("gdpc1_alfred_realtime.json")).expect("json");
        let json = VintagedSeries::<Quarter>::from_fred_json(&text).expect("json reads");
        assert_eq!(json, wide);
        // Merged intervals: values unchanged by the revision are one row.
        let unchanged = json.history(q("1980-Q1")).collect::<Vec<_>>();
        assert_eq!(unchanged.len(), 1);
        assert!(unchanged[0].realtime.is_current());
        let any = AnyVintagedSeries::read_auto(text.as_bytes(), None).expect("auto");
        assert_eq!(any, AnyVintagedSeries::from(wide.clone()));
    }
    for file in ["gdpc1_alfred_vintages.csv", "gdpc1_long.csv"] {
        let bytes = std::fs::read(fixture(file)).expect("fixture");
        let any = AnyVintagedSeries::read_auto(&bytes, None).expect("auto");
        assert_eq!(any, AnyVintagedSeries::from(wide.clone()), "{file}");
    }
}

#[test]
fn long_csv_round_trip_is_exact() {
    let wide = gdp();
    let mut out = Vec::new();
    long::write_vintaged(&mut out, "GDPC1", &wide).expect("writes");
    let back = LongCsv::read(&out[..])
        .and_then(|f| f.vintaged(None))
        .and_then(VintagedSeries::<Quarter>::try_from)
        .expect("reads back");
    assert_eq!(back, wide);
    // Run-time frequency: the same through AnyVintagedSeries, units within vintages.
    let any = AnyVintagedSeries::read_auto(&out, None).expect("auto");
    let (first, latest, stats) = any.units(Units::Pca).revisions().expect("stats");
    let f = first.as_quarterly().and_then(|s| s.get(q("2025-Q1")));
    let l = latest.as_quarterly().and_then(|s| s.get(q("2025-Q1")));
    assert_eq!(f.map(|x| format!("{x:.1}")), Some("-0.3".into()));
    assert_eq!(l.map(|x| format!("{x:.1}")), Some("-0.6".into()));
    assert_eq!(stats.sign_changes, 0);
}

#[test]
fn malformed_vintage_files_give_positions() {
    let e = AnyVintagedSeries::from_alfred_csv_str(
        "observation_date,GDPC1_20250430\n2025-01-01,23526.085\n2025-02-15,1\n",
    )
    .expect_err("mid-quarter date");
    assert_eq!(e.line(), Some(3));
    let e = LongCsv::from_csv_str(
        "series_id,period,value,realtime_start,realtime_end\nA,2025-Q1,1,2025-05-01,2025-04-30\n",
    )
    .expect_err("inverted interval");
    assert_eq!(e.line(), Some(2));
    assert!(e.to_string().contains("ends before it starts"), "{e}");
    let e = LongCsv::from_csv_str(
        "series_id,period,value,realtime_start,realtime_end\n\
         A,2025-Q1,1,2025-04-30,2025-05-28\nA,2025-Q1,2,2025-05-28,9999-12-31\n",
    )
    .and_then(|f| f.vintaged(None))
    .expect_err("overlap");
    assert!(matches!(e, Error::OverlappingRealtime { .. }), "{e}");
}

proptest! {
    /// Synthetic: arbitrary text never makes a vintage reader panic.
    #[test]
    fn vintage_readers_never_panic(text in ".{0,300}", bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = AnyVintagedSeries::from_alfred_csv_str(&text);
        let _ = AnyVintagedSeries::read_auto(text.as_bytes(), None);
        let _ = AnyVintagedSeries::read_auto(&bytes, Some("A"));
        let _ = LongCsv::from_csv_str(&text).and_then(|f| f.vintaged(None));
        #[cfg(feature = "serde")]
        {
            let _ = AnyVintagedSeries::from_fred_json(&text);
            let _ = econseries::AnySeries::from_fred_json(&text);
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
        let _ = AnyVintagedSeries::from_alfred_csv_str(&format!("date,X_20250101,X_20250201\n{text}"));
        let _ = LongCsv::from_csv_str(&format!("series_id,period,value,vintage\n{text}")).and_then(|f| f.vintaged(None));
    }
}
