//! Integration tests: the identity of a series in every reader, header-less
//! first rows, and the messages of issue 15 (item 6). Inputs are synthetic,
//! written here to show one case each; where a number is checked it is the
//! one written in the input, or arithmetic on it done by hand in a comment.

use econseries::io::sdmx::SdmxData;
use econseries::io::{Format, ReadOptions};
use econseries::vintage::AnyVintagedSeries;
use econseries::{AnySeries, Error, Month, Series};

fn any(text: &str, options: &ReadOptions) -> Result<AnySeries, Error> {
    AnySeries::read(text.as_bytes(), options)
}

fn opts() -> ReadOptions {
    ReadOptions::new()
}

/// The error inside an [`Error::Read`], with its line.
#[track_caller]
fn at_line(e: Error) -> (u64, Error) {
    match e {
        Error::Read { line, source, .. } => (line, *source),
        other => panic!("expected an error naming a line, got {other:?}"),
    }
}

fn month(s: &str) -> Month {
    s.parse().expect("month")
}

// ---- SDMX: dataflow and full key ----

/// Two dataflows with the same key: the ECB's USD/EUR rate and an IMF price
/// index, as in the issue (merged, they made a 29,948% "change").
const TWO_FLOWS: &str = "DATAFLOW,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE\n\
    ECB:EXR(1.0),M,USD,EUR,SP00,A,2024-01,1.09\n\
    ECB:EXR(1.0),M,USD,EUR,SP00,A,2025-01,1.035\n\
    IMF:CPI(3.0),M,USD,EUR,SP00,A,2024-02,310.0\n\
    IMF:CPI(3.0),M,USD,EUR,SP00,A,2025-02,320.0\n";

#[test]
fn sdmx_rows_of_two_dataflows_are_two_series() {
    let data = SdmxData::read(TWO_FLOWS.as_bytes(), &opts()).expect("reads");
    let ids: Vec<String> = data.series().iter().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        [
            "ECB:EXR(1.0)/M.USD.EUR.SP00.A",
            "IMF:CPI(3.0)/M.USD.EUR.SP00.A"
        ]
    );
    // Without a selector: never merged, an error naming both.
    let e = any(TWO_FLOWS, &opts()).expect_err("two series");
    let (line, e) = at_line(e);
    assert_eq!(line, 4, "the first row of the second series");
    assert!(
        matches!(e, Error::MultipleSeries { ref first, ref second }
            if &**first == "ECB:EXR(1.0)/M.USD.EUR.SP00.A" && &**second == "IMF:CPI(3.0)/M.USD.EUR.SP00.A"),
        "{e}"
    );
    // The key alone matches both: an error listing every match.
    let e = any(TWO_FLOWS, &opts().series("M.USD.EUR.SP00.A")).expect_err("ambiguous");
    assert!(
        matches!(e, Error::AmbiguousSeries { ref matches, count: 2, .. }
            if matches[..] == ["ECB:EXR(1.0)/M.USD.EUR.SP00.A", "IMF:CPI(3.0)/M.USD.EUR.SP00.A"]),
        "{e}"
    );
    assert!(e.to_string().contains(
        "matches 2 series: ECB:EXR(1.0)/M.USD.EUR.SP00.A, IMF:CPI(3.0)/M.USD.EUR.SP00.A"
    ));
    // Each by its full identifier, or its dataflow id and key.
    for sel in [
        "ECB:EXR(1.0)/M.USD.EUR.SP00.A",
        "EXR.M.USD.EUR.SP00.A",
        "ECB:EXR/M.USD.EUR.SP00.A",
    ] {
        let ecb = Series::<Month>::read(TWO_FLOWS.as_bytes(), &opts().series(sel)).expect(sel);
        assert_eq!(ecb.get(month("2025-01")), Some(1.035), "{sel}");
        assert_eq!(ecb.get(month("2024-02")), None, "{sel}: no IMF row");
        // 100 * (1.035 / 1.09 - 1) = -5.0459%, not 29,948%.
        let pc1 = ecb.pc1().get(month("2025-01")).expect("pc1").get();
        assert!((pc1 - -5.045871559633).abs() < 1e-9, "{pc1}");
    }
    let imf = Series::<Month>::read(TWO_FLOWS.as_bytes(), &opts().series("CPI.M.USD.EUR.SP00.A"))
        .expect("IMF");
    assert_eq!(imf.get(month("2025-02")), Some(320.0));
    // The whole message keeps them apart too, and picks with the same rules.
    let e = data.pick(Some("SP00.A")).expect_err("ambiguous");
    assert!(matches!(e, Error::AmbiguousSeries { count: 2, .. }), "{e}");
    assert_eq!(
        data.pick(Some("IMF:CPI(3.0)/M.USD.EUR.SP00.A"))
            .expect("IMF")
            .dataflow(),
        Some("IMF:CPI(3.0)")
    );
    // SdmxData::read with a selector keeps the matching series only.
    let only = SdmxData::read(TWO_FLOWS.as_bytes(), &opts().series("EXR.M.USD.EUR.SP00.A"))
        .expect("filtered");
    assert_eq!(only.len(), 1);
}

#[test]
fn sdmx_selector_suffixes_and_misses() {
    let csv = "DATAFLOW,FREQ,REF_AREA,MEASURE,TIME_PERIOD,OBS_VALUE\n\
               X:Y(1.0),Q,FR,GDP,2025-Q1,1\n\
               X:Y(1.0),Q,DE,GDP,2025-Q1,2\n\
               X:Y(1.0),Q,DE,CPI,2025-Q1,3\n";
    let one = |sel: &str| any(csv, &opts().series(sel)).map(|s| s.to_csv_string());
    assert_eq!(one("FR.GDP").expect("FR"), "period,value\n2025-Q1,1\n");
    assert_eq!(one("CPI").expect("CPI"), "period,value\n2025-Q1,3\n");
    assert_eq!(
        one("Q.DE.GDP").expect("full key"),
        "period,value\n2025-Q1,2\n"
    );
    // Whole dimension values only: `PI` is not a suffix of `CPI`.
    let e = one("PI").expect_err("no match");
    assert!(
        e.to_string()
            .starts_with("no series matches \"PI\" (the input holds X:Y(1.0)/Q.FR.GDP, X:Y(1.0)/Q.DE.GDP, X:Y(1.0)/Q.DE.CPI)"),
        "{e}"
    );
    let e = one("GDP").expect_err("two match");
    assert!(
        e.to_string()
            .starts_with("\"GDP\" matches 2 series: X:Y(1.0)/Q.FR.GDP, X:Y(1.0)/Q.DE.GDP"),
        "{e}"
    );
}

#[test]
fn sdmx_duplicate_columns_are_an_error() {
    let csv = "DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE,OBS_VALUE\nX:Y(1.0),M,2025-01,1,2\n";
    let (line, e) = at_line(any(csv, &opts()).expect_err("two value columns"));
    assert_eq!(line, 1);
    assert!(
        matches!(e, Error::DuplicateColumn { ref column } if &**column == "OBS_VALUE"),
        "{e}"
    );
    let (_, e) = at_line(SdmxData::read(csv.as_bytes(), &opts()).expect_err("whole message too"));
    assert!(matches!(e, Error::DuplicateColumn { .. }), "{e}");
    // Case and labels do not hide a duplicate.
    let csv = "DATAFLOW,FREQ: Frequency,freq,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),M,M,2025-01,1\n";
    assert!(matches!(
        at_line(any(csv, &opts()).expect_err("FREQ twice")).1,
        Error::DuplicateColumn { .. }
    ));
}

/// SDMX-CSV 2.0 `ACTION`, row by row, as the specification describes it.
#[test]
fn sdmx_csv_2_0_actions_are_applied() {
    let head = "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE\n";
    let read = |rows: &str| {
        let text = format!("{head}{rows}");
        let one = any(&text, &opts()).map(|s| s.to_csv_string());
        let whole = SdmxData::read(text.as_bytes(), &opts())
            .and_then(|d| d.pick(None)?.to_any())
            .map(|s| s.to_csv_string());
        (one, whole)
    };
    let flow = "dataflow,X:Y(1.0)";
    // D with the time period and an empty value: the observation is gone.
    let (one, whole) = read(&format!(
        "{flow},I,M,FR,2025-01,1\n{flow},I,M,FR,2025-02,2\n{flow},I,M,FR,2025-03,3\n{flow},D,M,FR,2025-03,\n"
    ));
    assert_eq!(one.expect("reads"), "period,value\n2025-01,1\n2025-02,2\n");
    assert_eq!(
        whole.expect("reads"),
        "period,value\n2025-01,1\n2025-02,2\n"
    );
    // D marking the value (`-`): the value is gone, the period stays, missing.
    let (one, whole) = read(&format!(
        "{flow},I,M,FR,2025-01,1\n{flow},I,M,FR,2025-02,2\n{flow},D,M,FR,2025-02,-\n"
    ));
    assert_eq!(one.expect("reads"), "period,value\n2025-01,1\n2025-02,\n");
    assert_eq!(whole.expect("reads"), "period,value\n2025-01,1\n2025-02,\n");
    // D without a time period and with a wildcard dimension: every observation
    // of the partial key, then new rows start again.
    let (one, whole) = read(&format!(
        "{flow},I,M,FR,2025-01,1\n{flow},D,,,,\n{flow},A,M,FR,2025-06,6\n"
    ));
    assert_eq!(one.expect("reads"), "period,value\n2025-06,6\n");
    assert_eq!(whole.expect("reads"), "period,value\n2025-06,6\n");
    // A D row is never a value, even with a number in it.
    let (one, _) = read(&format!(
        "{flow},I,M,FR,2025-01,1\n{flow},D,M,FR,2025-02,99\n"
    ));
    assert_eq!(one.expect("reads"), "period,value\n2025-01,1\n");
    // R replaces an earlier observation; a repeated I is a duplicate.
    let (one, whole) = read(&format!(
        "{flow},I,M,FR,2025-01,1\n{flow},R,M,FR,2025-01,5\n"
    ));
    assert_eq!(one.expect("reads"), "period,value\n2025-01,5\n");
    assert_eq!(whole.expect("reads"), "period,value\n2025-01,5\n");
    let (one, whole) = read(&format!(
        "{flow},I,M,FR,2025-01,1\n{flow},I,M,FR,2025-01,5\n"
    ));
    let (line, e) = at_line(one.expect_err("duplicate"));
    assert_eq!(line, 3);
    assert!(matches!(e, Error::DuplicatePeriod { .. }), "{e}");
    assert_eq!(whole.expect_err("duplicate").line(), Some(3));
    // A D row for another series deletes nothing of this one.
    let text = format!("{head}{flow},I,M,FR,2025-01,1\n{flow},D,M,DE,2025-01,\n");
    assert_eq!(
        any(&text, &opts().series("FR"))
            .expect("FR")
            .to_csv_string(),
        "period,value\n2025-01,1\n"
    );
    // An unknown action is an error naming its column.
    let (one, _) = read(&format!("{flow},X,M,FR,2025-01,1\n"));
    let e = one.expect_err("action X");
    assert!(
        e.to_string()
            .contains("column ACTION (field 3): unknown SDMX action \"X\""),
        "{e}"
    );
}

#[test]
fn sdmx_decimal_comma_errors_quote_the_value_as_written() {
    let csv =
        "DATAFLOW;FREQ;TIME_PERIOD;OBS_VALUE\nX:Y(1.0);M;2025-01;12,4\nX:Y(1.0);M;2025-02;1,2,3\n";
    let e = any(csv, &opts()).expect_err("1,2,3");
    assert!(
        e.to_string()
            .contains("column OBS_VALUE (field 4): \"1,2,3\" is not a number"),
        "{e}"
    );
}

// ---- ALFRED: columns of different series ----

#[test]
fn alfred_columns_of_two_series_are_never_merged() {
    let csv = "observation_date,GDPC1_20250101,UNRATE_20250201\n2025-01-01,23000,4.1\n";
    let e = AnyVintagedSeries::read(csv.as_bytes(), &opts()).expect_err("two series");
    let (line, e) = at_line(e);
    assert_eq!(line, 1);
    assert!(
        matches!(e, Error::MultipleSeries { ref first, ref second } if &**first == "GDPC1" && &**second == "UNRATE"),
        "{e}"
    );
    let gdp = AnyVintagedSeries::read(csv.as_bytes(), &opts().series("GDPC1")).expect("GDPC1");
    let unrate = AnyVintagedSeries::read(csv.as_bytes(), &opts().series("UNRATE")).expect("UNRATE");
    // Each keeps its own vintage and value: no "revision" from 23000 to 4.1.
    assert_eq!(gdp.vintage_dates(), ["2025-01-01".parse().expect("date")]);
    assert_eq!(
        unrate.vintage_dates(),
        ["2025-02-01".parse().expect("date")]
    );
    assert_eq!(
        gdp.latest().to_csv_string(),
        "period,value\n2025-01,23000\n"
    );
    assert_eq!(
        unrate.latest().to_csv_string(),
        "period,value\n2025-01,4.1\n"
    );
    let e = AnyVintagedSeries::read(csv.as_bytes(), &opts().series("PAYEMS")).expect_err("absent");
    assert_eq!(
        e.to_string(),
        "no series matches \"PAYEMS\" (the input holds GDPC1, UNRATE)"
    );
    // A plain series reader does not read vintages at all.
    let e = any(csv, &opts()).expect_err("vintaged");
    assert!(matches!(e, Error::UnsupportedFormat { .. }), "{e}");
}

#[test]
fn alfred_invalid_vintage_date_is_named_as_such() {
    let csv = "observation_date,GDPC1_20251340\n2025-01-01,23000\n";
    let e = AnyVintagedSeries::read(csv.as_bytes(), &opts()).expect_err("bad date");
    assert_eq!(e.line(), Some(1));
    assert!(
        e.to_string().contains(
            "column GDPC1_20251340 (field 2): vintage column GDPC1_20251340: 20251340 is not a date YYYYMMDD"
        ),
        "{e}"
    );
    assert!(!e.to_string().contains("series_id"), "{e}");
}

// ---- long CSV ----

#[test]
fn long_csv_series_by_id_and_empty_vintage_cells() {
    let csv = "series_id,period,value,vintage\nA,2025-01,1,2025-02-01\nB,2025-01,2,\n";
    let e =
        AnyVintagedSeries::read(csv.as_bytes(), &opts().series("B")).expect_err("empty vintage");
    assert_eq!(e.line(), Some(3));
    assert!(
        e.to_string()
            .contains("column vintage (field 4): expected a date YYYY-MM-DD, found an empty field"),
        "{e}"
    );
    assert!(!e.to_string().contains("header field"), "{e}");
    let a = AnyVintagedSeries::read(csv.as_bytes(), &opts().series("A")).expect("A");
    assert_eq!(a.latest().to_csv_string(), "period,value\n2025-01,1\n");
}

// ---- header-less first rows ----

/// A first row whose period is in a form the reader does not know is data,
/// so the same error as on any other line, never a silently dropped header.
#[test]
fn a_headerless_first_row_is_data_or_an_error_never_dropped() {
    for first in ["2025-5", "May 2025", "2025M05", "05/2025"] {
        let on_line_1 = any(&format!("{first},1\n2025-06,2\n"), &opts()).expect_err(first);
        let on_line_2 =
            any(&format!("2025-04,0\n{first},1\n2025-06,2\n"), &opts()).expect_err(first);
        let (l1, e1) = at_line(on_line_1);
        let (l2, e2) = at_line(on_line_2);
        assert_eq!((l1, l2), (1, 2), "{first}");
        assert_eq!(e1.to_string(), e2.to_string(), "{first}");
        assert!(
            matches!(e1, Error::UnrecognisedPeriod { .. }),
            "{first}: {e1}"
        );
    }
    // Known forms without a header are data.
    for (first, want) in [
        ("2025-05,1\n", "period,value\n2025-05,1\n"),
        ("2025Q2,1\n", "period,value\n2025-Q2,1\n"),
        (
            "2025-04-01,1\n2025-05-01,2\n",
            "period,value\n2025-04,1\n2025-05,2\n",
        ),
        ("2025,1\n", "period,value\n2025,1\n"),
    ] {
        assert_eq!(any(first, &opts()).expect(first).to_csv_string(), want);
    }
    // A header is recognised by its names, whatever they are.
    for header in [
        "period,value",
        "observation_date,UNRATE",
        "DATE,GDPC1",
        "Year,Flow (m3/s)",
    ] {
        let s = any(&format!("{header}\n2025,1\n"), &opts()).expect(header);
        assert_eq!(s.len(), 1, "{header}");
    }
    // A name beside a number, or a missing value, is not a header: an error.
    for first in ["total,12", "date,.", "date,"] {
        let (line, e) = at_line(any(&format!("{first}\n2025,1\n"), &opts()).expect_err(first));
        assert_eq!(line, 1, "{first}");
        assert!(
            matches!(e, Error::UnrecognisedPeriod { .. }),
            "{first}: {e}"
        );
    }
}

// ---- messages ----

#[test]
fn too_large_is_not_called_non_finite() {
    let e = any("period,value\n2025-01,1e309\n", &opts()).expect_err("1e309");
    assert_eq!(
        e.to_string(),
        "line 2: 1e309 is too large for a 64-bit float (the largest is about 1.8e308) (in \"2025-01,1e309\")"
    );
    let e = any("period,value\n2025-01,inf\n", &opts()).expect_err("inf");
    assert!(
        e.to_string().contains("value inf at 2025-01 is not finite"),
        "{e}"
    );
}

#[cfg(feature = "serde")]
#[test]
fn invalid_utf8_in_json_is_a_json_error() {
    let bytes = b"{\"observations\":[{\"date\":\"2025-01-01\",\"value\":\"\xff\"}]}";
    let e = AnySeries::read(&bytes[..], &opts()).expect_err("not UTF-8");
    assert!(matches!(e, Error::Json(_)), "{e}");
    assert!(!e.to_string().contains("CSV"), "{e}");
    let e = AnyVintagedSeries::read(&bytes[..], &opts()).expect_err("not UTF-8");
    assert!(matches!(e, Error::Json(_)), "{e}");
}

#[cfg(feature = "serde")]
#[test]
fn overlapping_real_time_intervals_name_their_position() {
    let json = r#"{"observations":[
        {"date":"2025-01-01","value":"1","realtime_start":"2025-02-01","realtime_end":"2025-03-31"},
        {"date":"2025-02-01","value":"2","realtime_start":"2025-03-01","realtime_end":"9999-12-31"},
        {"date":"2025-01-01","value":"3","realtime_start":"2025-03-15","realtime_end":"9999-12-31"}]}"#;
    let e = AnyVintagedSeries::read(json.as_bytes(), &opts()).expect_err("overlap");
    assert_eq!(
        e.to_string(),
        "at $.observations[2]: period 2025-01 has overlapping real-time intervals \
         2025-02-01..=2025-03-31 and 2025-03-15..=9999-12-31"
    );
}

// ---- one selection option across formats ----

#[test]
fn a_selector_for_a_single_series_format_is_refused() {
    let e = any("period,value\n2025-01,1\n", &opts().series("X")).expect_err("plain CSV");
    assert!(
        matches!(e, Error::InvalidArgument { name: "series", .. }),
        "{e}"
    );
    let e =
        any("period,value\n2025-01,1\n", &opts().format(Format::SdmxCsv)).expect_err("not SDMX");
    assert!(e.to_string().contains("DATAFLOW"), "{e}");
}

// ---- the same cases through `econ` ----

#[cfg(feature = "cli")]
mod cli {
    use std::process::Output;

    use super::TWO_FLOWS;
    use crate::cli_support::econ;

    /// Status 2, nothing on stdout, one line on stderr containing `needle`.
    #[track_caller]
    fn refused(o: &Output, needle: &str) {
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(o.stdout.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    }

    #[track_caller]
    fn out(o: &Output) -> String {
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{err}");
        String::from_utf8(o.stdout.clone()).expect("utf-8")
    }

    fn lin(args: &[&str], stdin: &[u8]) -> Output {
        let mut all = vec!["transform", "--units", "lin"];
        all.extend_from_slice(args);
        econ(&all, stdin)
    }

    #[test]
    fn sdmx_two_dataflows_one_key_cli() {
        refused(
            &lin(&[], TWO_FLOWS.as_bytes()),
            "line 4: the input holds more than one series (ECB:EXR(1.0)/M.USD.EUR.SP00.A, IMF:CPI(3.0)/M.USD.EUR.SP00.A, ...)",
        );
        refused(
            &lin(&["--series", "M.USD.EUR.SP00.A"], TWO_FLOWS.as_bytes()),
            "\"M.USD.EUR.SP00.A\" matches 2 series: ECB:EXR(1.0)/M.USD.EUR.SP00.A, IMF:CPI(3.0)/M.USD.EUR.SP00.A",
        );
        let ecb = out(&econ(
            &[
                "transform",
                "--units",
                "pc1",
                "--series",
                "EXR.M.USD.EUR.SP00.A",
            ],
            TWO_FLOWS.as_bytes(),
        ));
        // 100 * (1.035 / 1.09 - 1), ECB rows only.
        assert!(ecb.contains("\n2025-01,-5.04587155963"), "{ecb}");
        let imf = out(&lin(
            &["--series", "IMF:CPI(3.0)/M.USD.EUR.SP00.A"],
            TWO_FLOWS.as_bytes(),
        ));
        assert!(imf.ends_with("2025-02,320\n"), "{imf}");
    }

    #[test]
    fn sdmx_actions_and_duplicate_columns_cli() {
        let csv = "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,TIME_PERIOD,OBS_VALUE\n\
                   dataflow,X:Y(1.0),I,M,2025-01,1\ndataflow,X:Y(1.0),I,M,2025-02,2\n\
                   dataflow,X:Y(1.0),D,M,2025-02,\n";
        assert_eq!(out(&lin(&[], csv.as_bytes())), "period,value\n2025-01,1\n");
        refused(
            &lin(
                &[],
                b"DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE,OBS_VALUE\nX:Y(1.0),M,2025-01,1,2\n",
            ),
            "line 1: column OBS_VALUE appears twice in the header",
        );
        refused(
            &lin(
                &[],
                "DATAFLOW;FREQ;TIME_PERIOD;OBS_VALUE\nX:Y(1.0);M;2025-01;1,2,3\n".as_bytes(),
            ),
            "column OBS_VALUE (field 4): \"1,2,3\" is not a number",
        );
    }

    #[test]
    fn alfred_columns_of_two_series_cli() {
        let csv = b"observation_date,GDPC1_20250101,UNRATE_20250201\n2025-01-01,23000,4.1\n";
        refused(
            &econ(&["vintage", "--latest"], csv),
            "line 1: the input holds more than one series (GDPC1, UNRATE, ...)",
        );
        assert_eq!(
            out(&econ(&["vintage", "--latest", "--series", "UNRATE"], csv)),
            "period,value\n2025-01,4.1\n"
        );
        refused(
            &econ(
                &["vintage", "--latest"],
                b"observation_date,GDPC1_20251340\n2025-01-01,1\n",
            ),
            "line 1: column GDPC1_20251340 (field 2): vintage column GDPC1_20251340: 20251340 is not a date YYYYMMDD",
        );
        refused(
            &econ(
                &["vintage", "--latest"],
                b"series_id,period,value,vintage\nA,2025-01,1,\n",
            ),
            "line 2: column vintage (field 4): expected a date YYYY-MM-DD, found an empty field",
        );
    }

    #[test]
    fn headerless_first_rows_cli() {
        for first in ["2025-5", "May 2025", "2025M05", "05/2025"] {
            refused(
                &lin(&[], format!("{first},1\n2025-06,2\n").as_bytes()),
                &format!("line 1: unrecognised period \"{first}\""),
            );
        }
        assert_eq!(out(&lin(&[], b"2025-05,1\n")), "period,value\n2025-05,1\n");
    }

    #[test]
    fn json_messages_cli() {
        let bytes = b"{\"observations\":[{\"date\":\"2025-01-01\",\"value\":\"\xff\"}]}";
        let o = lin(&[], bytes);
        refused(&o, "invalid unicode code point");
        assert!(!String::from_utf8_lossy(&o.stderr).contains("CSV"));
        let json = br#"{"observations":[
            {"date":"2025-01-01","value":"1","realtime_start":"2025-02-01","realtime_end":"2025-03-31"},
            {"date":"2025-01-01","value":"3","realtime_start":"2025-03-15","realtime_end":"9999-12-31"}]}"#;
        refused(
            &econ(&["vintage", "--latest"], json),
            "at $.observations[1]: period 2025-01 has overlapping real-time intervals",
        );
    }
}
