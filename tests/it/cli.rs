//! Integration tests: cli. Runs the real `econ` binary.

use crate::cli_support::{data, econ};
use std::process::{Command, Output, Stdio};

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("utf-8 output")
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).expect("utf-8 errors")
}

/// The output rows as (period, value text).
fn rows(o: &Output) -> Vec<(&str, &str)> {
    let mut lines = stdout(o).lines();
    assert_eq!(lines.next(), Some("period,value"), "{}", stdout(o));
    lines
        .map(|l| l.split_once(',').expect("two fields"))
        .collect()
}

fn value(rows: &[(&str, &str)], period: &str) -> Option<f64> {
    let (_, v) = rows
        .iter()
        .find(|(p, _)| *p == period)
        .unwrap_or_else(|| panic!("no row {period}"));
    if v.is_empty() {
        None
    } else {
        Some(v.parse().expect("number"))
    }
}

/// Asserts a clean failure: status 2, no output, one stderr line mentioning `needle`.
fn assert_bad_input(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    assert!(o.stdout.is_empty(), "{}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.ends_with('\n') && err.starts_with("econ: "), "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
}

/// Source: Census c5700 / FRED IMPCH: May 2025 imports from China 20493.9 vs
/// 34982.4 in May 2024, "fell 41.4% year on year".
#[test]
fn pc1_of_imports_from_china() {
    let o = econ(
        &[
            "transform",
            "--units",
            "pc1",
            &data("us_imports_goods_from_china_impch_monthly.csv"),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty());
    let rows = rows(&o);
    assert_eq!(rows.len(), 492, "one row per period 1985-01..2025-12");
    assert_eq!((rows[0].0, rows[491].0), ("1985-01", "2025-12"));
    assert!(
        rows[..12].iter().all(|(_, v)| v.is_empty()),
        "no year-ago value in 1985"
    );
    let may = value(&rows, "2025-05").expect("present");
    assert!((may - -41.438).abs() < 1e-3, "{may}");
    assert_eq!(format!("{may:.1}"), "-41.4");
}

#[test]
fn reads_standard_input_and_dash() {
    let csv = std::fs::read(data("us_imports_goods_from_china_impch_monthly.csv")).expect("data");
    let file = econ(
        &[
            "transform",
            "--units",
            "pc1",
            &data("us_imports_goods_from_china_impch_monthly.csv"),
        ],
        b"",
    );
    for args in [
        &["transform", "--units", "pc1"][..],
        &["transform", "--units", "pc1", "-"][..],
    ] {
        let o = econ(args, &csv);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(o.stdout, file.stdout, "{args:?}");
    }
}

#[test]
fn fred_form_with_dots() {
    let csv =
        b"observation_date,UNRATE\n2025-08-01,4.3\n2025-09-01,4.4\n2025-10-01,.\n2025-11-01,4.6\n";
    let o = econ(&["transform", "--units", "chg"], csv);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = rows(&o);
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        ["2025-08", "2025-09", "2025-10", "2025-11"]
    );
    assert_eq!(value(&rows, "2025-08"), None);
    assert!((value(&rows, "2025-09").expect("present") - 0.1).abs() < 1e-9);
    assert_eq!(value(&rows, "2025-10"), None);
    assert_eq!(value(&rows, "2025-11"), None);
    let lin = econ(&["transform", "--units", "lin"], csv);
    assert_eq!(
        stdout(&lin),
        "period,value\n2025-08,4.3\n2025-09,4.4\n2025-10,\n2025-11,4.6\n"
    );
}

#[test]
fn crlf_and_bom_input() {
    let csv =
        "\u{feff}observation_date,GDPC1\r\n2024-10-01,23542.349\r\n2025-01-01,23526.085\r\n\r\n";
    let o = econ(&["transform", "--units", "lin"], csv.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "period,value\n2024-Q4,23542.349\n2025-Q1,23526.085\n"
    );
}

/// Source: FRED UNRATE has no October 2025 value (data/PROVENANCE.md), so the
/// fourth quarter of 2025 has two months of three.
#[test]
fn quarterly_mean_of_unemployment_needs_min_count_for_2025q4() {
    let file = data("us_unemployment_rate_unrate_monthly.csv");
    let strict = econ(
        &["aggregate", "--to", "quarterly", "--method", "mean", &file],
        b"",
    );
    assert!(strict.status.success(), "{}", stderr(&strict));
    let quarters = rows(&strict);
    assert_eq!(
        (quarters[0].0, quarters.last().expect("rows").0),
        ("1948-Q1", "2026-Q2")
    );
    assert_eq!(quarters.len(), 314);
    assert_eq!(value(&quarters, "2025-Q4"), None);
    assert!(value(&quarters, "2025-Q3").is_some());

    let lenient = econ(
        &[
            "aggregate",
            "--to",
            "quarterly",
            "--method",
            "mean",
            "--min-count",
            "2",
            &file,
        ],
        b"",
    );
    assert!(lenient.status.success(), "{}", stderr(&lenient));
    let q4 = value(&rows(&lenient), "2025-Q4").expect("filled");
    let levels = econ(&["transform", "--units", "lin", &file], b"");
    let months = rows(&levels);
    let (nov, dec) = (
        value(&months, "2025-11").expect("nov"),
        value(&months, "2025-12").expect("dec"),
    );
    assert!(
        (q4 - (nov + dec) / 2.0).abs() < 1e-12,
        "{q4} vs {nov} {dec}"
    );
}

#[test]
fn stated_frequency_overrides_inference() {
    let csv = b"observation_date,X\n2025-01-01,1\n2025-04-01,2\n";
    let inferred = econ(&["transform", "--units", "lin"], csv);
    assert_eq!(stdout(&inferred), "period,value\n2025-Q1,1\n2025-Q2,2\n");
    let monthly = econ(
        &["transform", "--units", "lin", "--frequency", "monthly"],
        csv,
    );
    assert_eq!(rows(&monthly).len(), 4);
    let annual = econ(
        &["transform", "--units", "lin", "--frequency", "annual"],
        csv,
    );
    assert_bad_input(&annual, "line 3");
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_line() {
    let cases: [(&str, &str); 9] = [
        (
            "period,value\n2025-01,1\n2025-02,2\n\n2025-03,3\n2025-04,4\n2025-03,12\n",
            "line 7: duplicate period 2025-03 (in \"2025-03,12\")",
        ),
        (
            "period,value\n2025-13,1\n",
            "line 2: invalid monthly period \"2025-13\"",
        ),
        (
            "period,value\n2025-01,1\n2025-02,abc\n",
            "line 3: \"abc\" is not a number",
        ),
        (
            "period,value\n2025-01,inf\n",
            "line 2: value inf at 2025-01 is not finite",
        ),
        (
            "period,value\n2025-01,NaN\n",
            "line 2: value NaN at 2025-01 is not finite",
        ),
        (
            "period,value\n2025-01,1\n2025-Q2,1\n",
            "line 3: mixed frequencies",
        ),
        (
            "period,value\n2025-01,1,2\n",
            "line 2: expected 2 fields, found 3",
        ),
        ("observation_date,X\n2025-01-15,1\n", "line 2: "),
        ("period,value\n2025-01,\"1\n2\"\n", "line 2: "),
    ];
    for (csv, needle) in cases {
        assert_bad_input(
            &econ(&["transform", "--units", "pch"], csv.as_bytes()),
            needle,
        );
        assert_bad_input(
            &econ(
                &["aggregate", "--to", "annual", "--method", "sum"],
                csv.as_bytes(),
            ),
            needle,
        );
    }
}

#[test]
fn no_observations_and_unreadable_files_exit_2() {
    for csv in ["", "period,value\n", "\u{feff}\r\n"] {
        assert_bad_input(
            &econ(&["transform", "--units", "lin"], csv.as_bytes()),
            "no observations",
        );
    }
    let missing = data("no_such_file.csv");
    assert_bad_input(
        &econ(&["transform", "--units", "lin", &missing], b""),
        "cannot read",
    );
    let dir = data("");
    assert_bad_input(
        &econ(&["transform", "--units", "lin", &dir], b""),
        "cannot read",
    );
}

#[test]
fn aggregating_to_the_same_or_a_finer_frequency_is_an_error() {
    let q = data("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv");
    assert_bad_input(
        &econ(
            &["aggregate", "--to", "quarterly", "--method", "mean", &q],
            b"",
        ),
        "must be coarser",
    );
    let y = data("bundled_R_datasets_Nile_annual.csv");
    assert_bad_input(
        &econ(
            &["aggregate", "--to", "annual", "--method", "mean", &y],
            b"",
        ),
        "must be coarser",
    );
    let ok = econ(
        &["aggregate", "--to", "annual", "--method", "last", &q],
        b"",
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert_eq!(rows(&ok).len(), 46);
}

#[test]
fn out_of_range_min_count_exits_2() {
    let m = data("us_unemployment_rate_unrate_monthly.csv");
    for n in ["0", "4"] {
        let o = econ(
            &[
                "aggregate",
                "--to",
                "quarterly",
                "--method",
                "mean",
                "--min-count",
                n,
                &m,
            ],
            b"",
        );
        assert_bad_input(&o, "min_count");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["transform"][..],
        &["transform", "--units", "yoy"][..],
        &["aggregate", "--to", "monthly", "--method", "mean"][..],
        &["aggregate", "--to", "annual", "--method", "median"][..],
        &[
            "aggregate",
            "--to",
            "annual",
            "--method",
            "mean",
            "--min-count",
            "x",
        ][..],
        &["frobnicate"][..],
        &[][..],
    ] {
        let o = econ(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let file = data("umich_consumer_sentiment_umcsent_monthly_1952_2025-09.csv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_econ"))
        .args(["transform", "--units", "pc1", &file])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("econ starts");
    // Close the read end before econ writes: every write then fails with EPIPE.
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("econ finishes");
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn every_unit_keeps_the_span() {
    let file = data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv");
    for units in [
        "lin", "chg", "ch1", "pch", "pc1", "pca", "cch", "cca", "log",
    ] {
        let o = econ(&["transform", "--units", units, &file], b"");
        assert!(o.status.success(), "{units}: {}", stderr(&o));
        let rows = rows(&o);
        assert_eq!(rows.len(), 313, "{units}");
        assert_eq!((rows[0].0, rows[312].0), ("1947-Q1", "2025-Q1"), "{units}");
    }
}
