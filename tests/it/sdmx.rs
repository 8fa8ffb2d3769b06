//! Integration tests: SDMX-CSV 1.0/2.0 and SDMX-JSON 1.0/2.0 on real files.
//!
//! Fixtures in `tests/fixtures/sdmx/` (see its PROVENANCE.md): ECB and INSEE
//! SDMX-ML data from the sdmx1 package's test data, converted to SDMX-CSV by
//! sdmx1's own writer; real SDMX-JSON messages (ECB, OECD, the SDMX-JSON
//! specification's samples); the SDMX-CSV specifications' examples. Every
//! `*_reference.csv` was read by sdmx1 (or Python's json module), not by the crate.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use econseries::io::ReadOptions;
use econseries::io::sdmx::{ObsStatus, SdmxData};
use econseries::{Error, Frequency, Month, Series, Year};
use proptest::prelude::*;

use crate::fixtures::{Table, assert_all_close};

fn path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sdmx")
        .join(file)
}

fn text(file: &str) -> String {
    std::fs::read_to_string(path(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn csv(file: &str) -> SdmxData {
    read(file, &ReadOptions::new()).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Reads the fixture `file` with `options`.
fn read(file: &str, options: &ReadOptions) -> econseries::Result<SdmxData> {
    SdmxData::read(std::fs::File::open(path(file)).expect("fixture"), options)
}

/// Reads SDMX text.
fn parse(text: &str) -> econseries::Result<SdmxData> {
    SdmxData::read(text.as_bytes(), &ReadOptions::new())
}

#[cfg(feature = "serde")]
fn json(file: &str) -> SdmxData {
    read(file, &ReadOptions::new()).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Every observation as (key, time) -> (value, status code).
fn observations(data: &SdmxData) -> BTreeMap<(String, String), (Option<f64>, String)> {
    data.series()
        .iter()
        .flat_map(|s| {
            s.observations().iter().map(move |o| {
                (
                    (s.key().to_owned(), o.time().to_owned()),
                    (
                        o.value(),
                        o.status().map(|s| s.code().to_owned()).unwrap_or_default(),
                    ),
                )
            })
        })
        .collect()
}

/// Asserts that `data` holds exactly the reference's observations.
#[track_caller]
fn assert_matches_reference(data: &SdmxData, reference: &str) {
    let t = Table::fixture(&format!("sdmx/{reference}"));
    let got = observations(data);
    let keys: Vec<&str> = t.fields("key").collect();
    let times: Vec<&str> = t.fields("time").collect();
    let values: Vec<&str> = t.fields("value").collect();
    let statuses: Vec<&str> = t.fields("status").collect();
    assert_eq!(got.len(), keys.len(), "{reference}: observation count");
    let mut rows = Vec::new();
    for i in 0..keys.len() {
        let k = (keys[i].to_owned(), times[i].to_owned());
        let (value, status) = got
            .get(&k)
            .unwrap_or_else(|| panic!("{reference}: no observation {k:?}"));
        assert_eq!(status, statuses[i], "{reference}: status of {k:?}");
        let want = (!values[i].is_empty()).then(|| values[i].parse::<f64>().expect("number"));
        rows.push((format!("{}@{}", k.0, k.1), *value, want));
    }
    assert_all_close(reference, "value", rows);
}

/// Source: ECB EXR M.USD.EUR.SP00.A (SDMX-ML, sdmx1 test data), written as
/// SDMX-CSV 1.0 and 2.0 by sdmx1; reference read by sdmx1 from the SDMX-ML.
#[test]
fn ecb_monthly_exchange_rate_in_both_csv_versions() {
    for file in ["ecb_exr_m_usd_eur_v1.csv", "ecb_exr_m_usd_eur_v2.csv"] {
        let data = csv(file);
        assert_matches_reference(&data, "ecb_exr_m_usd_eur_reference.csv");
        let usd = data
            .pick(Some("EXR.M.USD.EUR.SP00.A"))
            .expect("ECB-style key");
        assert_eq!(usd.dataflow(), Some("ECB:EXR(1.0)"), "{file}");
        assert_eq!(usd.dimension("CURRENCY"), Some("USD"));
        assert_eq!(
            usd.attributes().get("TITLE").map(String::as_str),
            Some("US dollar/Euro")
        );
        assert_eq!(
            usd.attributes().get("UNIT_MULT").map(String::as_str),
            Some("0")
        );
        let rate: Series<Month> = usd.to_series().expect("monthly");
        assert_eq!(
            (rate.start().to_string(), rate.len(), rate.count()),
            ("1999-01".into(), 252, 252)
        );
        let statuses = usd.statuses::<Month>().expect("statuses");
        assert_eq!(statuses.len(), 252);
        assert!(statuses.values().all(|s| *s == ObsStatus::Normal));
        assert_eq!(usd.to_any().expect("any").frequency(), Frequency::Monthly);
    }
}

/// Source: INSEE CNA-2010-CONSO-SI-A17 (annual, FREQ as an attribute,
/// OBS_STATUS P and SD), via sdmx1.
#[test]
fn insee_annual_statuses_are_kept() {
    for file in [
        "insee_cna_2010_conso_si_a17_v1.csv",
        "insee_cna_2010_conso_si_a17_v2.csv",
    ] {
        let data = csv(file);
        assert_matches_reference(&data, "insee_cna_2010_conso_si_a17_reference.csv");
        let s = data.pick(None).expect("one series");
        assert_eq!(s.key(), "S13.P3.A10-BE.IPCH");
        assert_eq!(s.frequency().expect("FREQ attribute"), Frequency::Annual);
        let y: Series<Year> = s.to_series().expect("annual");
        assert_eq!(y.get(Year::new(2014).expect("year")), Some(89.9));
        let st = s.statuses::<Year>().expect("statuses");
        assert_eq!(
            st.get(&Year::new(2014).expect("year")),
            Some(&ObsStatus::Provisional)
        );
        assert_eq!(
            st.get(&Year::new(2013).expect("year")),
            Some(&ObsStatus::Other("SD".into()))
        );
        // A monthly reading of an annual series is a typed error.
        assert!(matches!(
            s.to_series::<Month>(),
            Err(Error::FrequencyMismatch { .. })
        ));
    }
}

/// Source: INSEE IPI-2010-A21 extract (4 series, rows newest first), via sdmx1.
#[test]
fn insee_many_series_pick_by_key() {
    for file in [
        "insee_ipi_2010_a21_extract_v1.csv",
        "insee_ipi_2010_a21_extract_v2.csv",
    ] {
        let data = csv(file);
        assert_matches_reference(&data, "insee_ipi_2010_a21_extract_reference.csv");
        let keys: Vec<&str> = data.series().iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["M.B.BRUT", "M.B.CVS-CJO", "M.C.BRUT", "M.C.CVS-CJO"]);
        assert!(matches!(data.pick(None), Err(Error::MultipleSeries { .. })));
        assert!(matches!(
            data.pick(Some("M.Z.BRUT")),
            Err(Error::SeriesNotFound { .. })
        ));
        let sa = data
            .pick(Some("IPI-2010-A21.M.C.CVS-CJO"))
            .expect("flow-prefixed key");
        let s: Series<Month> = sa.to_series().expect("monthly");
        assert_eq!((s.start().to_string(), s.len()), ("2013-01".into(), 34));
        assert_eq!(s.count(), 34);
    }
}

#[test]
fn csv_round_trip_is_exact() {
    for file in [
        "ecb_exr_m_usd_eur_v1.csv",
        "ecb_exr_m_usd_eur_v2.csv",
        "insee_cna_2010_conso_si_a17_v2.csv",
        "insee_ipi_2010_a21_extract_v1.csv",
    ] {
        let data = csv(file);
        let back = parse(&data.to_csv_string()).expect("reads back");
        assert_eq!(back, data, "{file}");
    }
}

/// Source: the SDMX-CSV 1.0 field guide's three examples (sdmx-twg/sdmx-csv, tag v1.0).
#[test]
fn sdmx_csv_1_0_specification_examples() {
    let options = ReadOptions::new().time_column("DIM_3");
    for (n, time) in [(1, "2014-01"), (2, "2014-01"), (3, "2014-01-01")] {
        let file = format!("spec_v1_example_{n}.csv");
        let data = read(&file, &options).unwrap_or_else(|e| panic!("{file}: {e}"));
        let s = data.pick(None).expect("one series");
        assert_eq!(s.key(), "A.B", "{file}");
        assert_eq!(s.dataflow(), Some("ESTAT:NA_MAIN(1.6)"), "{file}");
        let o = &s.observations()[0];
        assert_eq!((o.time(), o.value()), (time, Some(12.4)), "{file}");
        assert_eq!(s.observations()[1].value(), Some(10.8), "{file}");
        // ATTR_1 differs between the rows; ATTR_2 does not.
        assert_eq!(
            o.attributes().get("ATTR_1").map(String::as_str),
            Some("N"),
            "{file}"
        );
        assert_eq!(
            s.attributes().get("ATTR_2").map(String::as_str),
            Some("Y"),
            "{file}"
        );
        let m: Series<Month> = s.to_series().expect("monthly");
        assert_eq!(m.len(), 2, "{file}");
    }
    // Without the option the time column is missing: a typed error on line 1.
    let e = read("spec_v1_example_1.csv", &ReadOptions::new()).expect_err("no TIME_PERIOD");
    assert_eq!(e.line(), Some(1));
    assert!(e.to_string().contains("no TIME_PERIOD column"), "{e}");
}

/// Source: SDMX-CSV 2.0 specification examples, as kept in sdmx-test-data (v3/csv).
#[test]
fn sdmx_csv_2_0_specification_examples() {
    let read = |file: &str, options: ReadOptions| {
        read(file, &options).unwrap_or_else(|e| panic!("{file}: {e}"))
    };
    let one = read(
        "spec_v2_example_01.csv",
        ReadOptions::new().time_column("DIM_3"),
    );
    let s = one.pick(None).expect("one series");
    assert_eq!(
        (s.key(), s.dataflow()),
        ("A.B", Some("ESTAT:NA_MAIN(1.6.0)"))
    );
    assert_eq!(s.observations()[1].value(), Some(10.8));
    // `ACTION` I: information, applied, not an attribute.
    assert_eq!(s.attributes().get("ACTION"), None);
    // Two measures, dimensions after the measures: named explicitly.
    let three = read(
        "spec_v2_example_03.csv",
        ReadOptions::new()
            .time_column("DIM_3")
            .value_column("OBS_VALUE2")
            .key_columns(["DIM_1", "DIM_2"]),
    );
    let s = three.pick(Some("A.B")).expect("A.B");
    assert_eq!(s.observations()[0].value(), Some(12.5));
    // `;` separator, `|` sub-field separator, labels and decimal commas.
    let four = read(
        "spec_v2_example_04.csv",
        ReadOptions::new().time_column("DIM_3"),
    );
    let s = four.pick(None).expect("one series");
    assert_eq!(s.key(), "A.B");
    assert_eq!(s.observations()[0].time(), "2014-01");
    assert_eq!(s.observations()[0].value(), Some(12.4));
    let five = read(
        "spec_v2_example_05.csv",
        ReadOptions::new().time_column("DIM_3"),
    );
    let m: Series<Month> = five
        .pick(None)
        .expect("one")
        .to_series()
        .expect("dates are months");
    assert_eq!(m.get(Month::new(2014, 2).expect("month")), Some(10.8));
}

/// Source: ECB EXR SDMX-JSON 1.0 messages (time series, flat, cross-section)
/// from sdmx1's test data; reference read by sdmx1 from ts.json.
#[cfg(feature = "serde")]
#[test]
fn sdmx_json_1_0_every_layout() {
    for file in [
        "ecb_exr_ts_v1.json",
        "ecb_exr_flat_v1.json",
        "ecb_exr_xs_v1.json",
    ] {
        let data = json(file);
        assert_matches_reference(&data, "ecb_exr_json_v1_reference.csv");
        let nzd = data.pick(Some("D.NZD.EUR.SP00.A")).expect("NZD");
        assert_eq!(nzd.dataflow(), Some("ECB:EXR(1.0)"), "{file}");
        // Daily: read, but there is no daily period type.
        let e = nzd.to_any().expect_err("daily");
        assert!(
            matches!(e, Error::UnsupportedFrequency { ref code, .. } if &**code == "D"),
            "{e}"
        );
    }
    let ts = json("ecb_exr_ts_v1.json");
    assert_eq!(
        ts.pick(Some("D.RUB.EUR.SP00.A"))
            .expect("RUB")
            .attributes()
            .get("TITLE")
            .map(String::as_str),
        Some("Russian rouble (RUB)")
    );
}

/// Source: the SDMX-JSON 2.0 specification's samples (sdmx-twg/sdmx-json,
/// kept in sdmx-test-data v3/json/data): the same ECB rates as the 1.0
/// messages, and a Cambodian rice-production message (annual).
#[cfg(feature = "serde")]
#[test]
fn sdmx_json_2_0_samples() {
    for file in [
        "exr_time_series_v2.json",
        "exr_flat_v2.json",
        "exr_cross_section_v2.json",
    ] {
        assert_matches_reference(&json(file), "ecb_exr_json_v1_reference.csv");
    }
    let agri = json("agri_v2.json");
    assert_matches_reference(&agri, "agri_v2_reference.csv");
    let s = agri.pick(Some("ASIKHM.A")).expect("Cambodia");
    let y: Series<Year> = s.to_series().expect("annual");
    assert_eq!(y.get(Year::new(2014).expect("year")), Some(5228.33));
    assert_eq!(
        s.attributes().get("UNIT_MEASURE").map(String::as_str),
        Some("TONES")
    );
    let any = s.to_any().expect("any");
    assert!(matches!(any, econseries::AnySeries::Annual(_)));
}

#[cfg(feature = "serde")]
#[test]
fn malformed_sdmx_json_gives_paths() {
    // A real OECD message without a time dimension.
    let e = parse(&text("oecd_part2_v1.json")).expect_err("no time");
    assert_eq!(
        e.to_string(),
        "at $.structure.dimensions: expected a TIME_PERIOD dimension, found missing"
    );
    let ts = text("ecb_exr_ts_v1.json");
    let e = parse(&ts.replace("[40.3426, 0]", "[\"forty\", 0]")).expect_err("value");
    assert_eq!(
        e.to_string(),
        "at $.dataSets[0].series[\"1\"].observations[\"0\"][0]: \"forty\" is not a number"
    );
    let e = parse(&ts.replace("[40.3426, 0]", "[40.3426, 5]")).expect_err("index");
    assert!(e.to_string().starts_with("at $.dataSets[0].series[\"1\"].observations[\"0\"][0]: expected an index into the attribute"), "{e}");
    let e = parse(&ts.replace("\"1\": {", "\"1:2\": {")).expect_err("key");
    assert!(
        e.to_string()
            .starts_with("at $.dataSets[0].series[\"1:2\"]: expected a key"),
        "{e}"
    );
    let e = parse(&ts[..ts.len() / 2]).expect_err("truncated");
    assert!(matches!(e, Error::Json(_)), "{e}");
    assert!(e.to_string().contains("line "), "{e}");
}

#[test]
fn malformed_sdmx_csv_gives_lines_and_columns() {
    let good = text("ecb_exr_m_usd_eur_v1.csv");
    let bad = good.replacen(",1999-03,1.088295652173913,", ",1999-03,1.08.8,", 1);
    assert_ne!(bad, good);
    let e = parse(&bad).expect_err("bad value");
    assert_eq!(e.line(), Some(4));
    assert!(
        e.to_string()
            .contains("column OBS_VALUE (field 8): \"1.08.8\" is not a number"),
        "{e}"
    );
    let bad = good.replacen(",1999-03,", ",1999-13,", 1);
    let data = parse(&bad).expect("reads: periods are checked when typed");
    let e = data
        .pick(None)
        .and_then(|s| s.to_series::<Month>())
        .expect_err("bad month");
    assert_eq!(e.line(), Some(4));
    let bad = good.replacen(",1999-03,", ",1999-02,", 1);
    let e = parse(&bad)
        .and_then(|d| d.pick(None)?.to_series::<Month>())
        .expect_err("duplicate");
    assert_eq!(e.line(), Some(4));
    assert!(e.to_string().contains("duplicate period 1999-02"), "{e}");
}

proptest! {
    /// Synthetic: arbitrary text never makes an SDMX reader panic.
    #[test]
    fn sdmx_readers_never_panic(text in ".{0,400}") {
        if let Ok(d) = parse(&text) {
            for s in d.series() { let _ = s.to_any(); }
        }
        for format in [econseries::io::Format::SdmxCsv, econseries::io::Format::SdmxJson] {
            let o = ReadOptions::new().format(format);
            if let Ok(d) = SdmxData::read(text.as_bytes(), &o) {
                for s in d.series() { let _ = s.to_any(); }
            }
            let _ = econseries::AnySeries::read(text.as_bytes(), &o);
        }
    }

    /// Synthetic damage to real files: cut anywhere, or a byte replaced.
    #[test]
    fn damaged_real_files_never_panic(cut in 0usize..6000, at in 0usize..6000, byte in any::<u8>()) {
        for file in ["insee_cna_2010_conso_si_a17_v2.csv", "spec_v2_example_04.csv", "ecb_exr_ts_v1.json", "agri_v2.json"] {
            let mut bytes = std::fs::read(path(file)).expect("fixture");
            let i = at % bytes.len().max(1);
            if let Some(b) = bytes.get_mut(i) { *b = byte; }
            bytes.truncate(cut % (bytes.len() + 1));
            if let Ok(d) = SdmxData::read(&bytes[..], &ReadOptions::new()) {
                for s in d.series() { let _ = s.to_any(); let _ = s.statuses::<Month>(); }
            }
            let _ = econseries::AnySeries::read(&bytes[..], &ReadOptions::new());
        }
    }
}
