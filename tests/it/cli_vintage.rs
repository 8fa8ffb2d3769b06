//! Integration tests: `econ vintage`, `econ revisions`, and SDMX-CSV input
//! with `--series`. Runs the real `econ` binary on the vintage and SDMX
//! fixtures (see their PROVENANCE.md files).

use crate::cli_support::econ;
use std::path::PathBuf;
use std::process::Output;

fn fixture(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file)
        .display()
        .to_string()
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("utf-8")
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).expect("utf-8")
}

/// The value of `period` in a `period,...` CSV output, column `col` (1-based after the period).
fn cell(o: &Output, period: &str, col: usize) -> Option<f64> {
    let line = stdout(o)
        .lines()
        .find(|l| l.split(',').next() == Some(period))
        .unwrap_or_else(|| panic!("no row {period} in {}", stdout(o)));
    let f = line.split(',').nth(col).expect("column");
    (!f.is_empty()).then(|| f.parse().expect("number"))
}

#[track_caller]
fn assert_bad_input(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    assert!(o.stdout.is_empty(), "{}", stdout(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("econ: ") && err.contains(needle),
        "{err:?} lacks {needle:?}"
    );
}

/// Source: BEA advance estimate of 2025-Q1 (−0.3% annualised, 30 April 2025)
/// and its revision to −0.6% (initial 2025-Q3 estimate, 23 December 2025).
#[test]
fn gdp_growth_as_first_reported_and_as_of_2026() {
    let mut files = vec![
        "vintage/gdpc1_alfred_vintages.csv",
        "vintage/gdpc1_long.csv",
    ];
    if cfg!(feature = "serde") {
        files.push("vintage/gdpc1_alfred_realtime.json");
    }
    for file in files {
        let path = fixture(file);
        let first = econ(
            &["vintage", "--first-release", "--units", "pca", &path],
            b"",
        );
        assert!(first.status.success(), "{file}: {}", stderr(&first));
        let q1 = cell(&first, "2025-Q1", 1).expect("first release");
        assert_eq!(format!("{q1:.1}"), "-0.3", "{file}");
        let now = econ(
            &["vintage", "--as-of", "2026-01-15", "--units", "pca", &path],
            b"",
        );
        assert!(now.status.success(), "{file}: {}", stderr(&now));
        assert_eq!(
            format!("{:.1}", cell(&now, "2025-Q1", 1).expect("known")),
            "-0.6",
            "{file}"
        );
        assert!(
            stdout(&now).starts_with("period,value\n1980-Q1,\n"),
            "{file}"
        );
    }
    // Standard input, levels, the day before the first vintage: nothing known.
    let csv = std::fs::read(fixture("vintage/gdpc1_alfred_vintages.csv")).expect("fixture");
    let o = econ(&["vintage", "--as-of", "2025-04-29"], &csv);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "period,value\n");
    let o = econ(&["vintage", "--release", "1"], &csv);
    assert_eq!(cell(&o, "2025-Q1", 1), Some(23548.21));
    // Quarters whose value never changed, and those published once, have no second value.
    assert!(
        stdout(&o).starts_with("period,value\n2020-Q1,"),
        "{}",
        stdout(&o)
    );
    assert!(!stdout(&o).contains("2025-Q2"), "{}", stdout(&o));
}

/// Source: pandas (tests/fixtures/vintage/gdpc1_pca_revision_stats.csv).
#[test]
fn revisions_table_and_summary() {
    let path = fixture("vintage/gdpc1_alfred_vintages.csv");
    let o = econ(&["revisions", "--units", "pca", &path], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("period,first_release,latest,revision\n"));
    let r = cell(&o, "2025-Q1", 3).expect("revision");
    assert!(
        (r - (-0.276049837243153 - -0.6484826392524012)).abs() < 1e-12,
        "{r}"
    );
    assert_eq!(cell(&o, "1979-Q4", 2), None, "not in the latest vintage");
    let s = econ(&["revisions", "--units", "pca", "--summary", &path], b"");
    assert!(s.status.success(), "{}", stderr(&s));
    let text = stdout(&s);
    for line in ["count,182", "revised,21", "sign_changes,0"] {
        assert!(text.lines().any(|l| l == line), "{line} in {text}");
    }
}

#[test]
fn vintage_input_errors() {
    let o = econ(
        &["vintage", "--latest"],
        b"observation_date,GDPC1_20250430\n2025-01-01,abc\n",
    );
    assert_bad_input(&o, "line 2");
    let long = b"series_id,period,value\nA,2025,1\nB,2025,2\n";
    assert_bad_input(
        &econ(&["vintage", "--latest"], long),
        "line 3: the input holds more than one series (A, B, ...): pick one with a series selector",
    );
    let o = econ(&["vintage", "--latest", "--series", "B"], long);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "period,value\n2025,2\n");
    let o = econ(&["revisions", "--summary"], b"series_id,period,value\n");
    assert_bad_input(&o, "no observations in standard input");
}

/// Source: ECB EXR M.USD.EUR.SP00.A, SDMX-CSV written by sdmx1 (see the fixture's provenance).
#[test]
fn transform_reads_sdmx_csv_with_series() {
    for file in [
        "sdmx/ecb_exr_m_usd_eur_v1.csv",
        "sdmx/ecb_exr_m_usd_eur_v2.csv",
    ] {
        let o = econ(
            &[
                "transform",
                "--units",
                "lin",
                "--series",
                "M.USD.EUR.SP00.A",
                &fixture(file),
            ],
            b"",
        );
        assert!(o.status.success(), "{file}: {}", stderr(&o));
        assert_eq!(stdout(&o).lines().count(), 253, "{file}");
        assert_eq!(cell(&o, "1999-02", 1), Some(1.120765));
        // The only series: --series may be left out; ECB-style key also works.
        let o2 = econ(&["transform", "--units", "lin", &fixture(file)], b"");
        assert_eq!(o2.stdout, o.stdout);
        let o3 = econ(
            &[
                "transform",
                "--units",
                "lin",
                "--series",
                "EXR.M.USD.EUR.SP00.A",
                &fixture(file),
            ],
            b"",
        );
        assert_eq!(o3.stdout, o.stdout);
    }
    let ipi = fixture("sdmx/insee_ipi_2010_a21_extract_v2.csv");
    assert_bad_input(
        &econ(&["transform", "--units", "lin", &ipi], b""),
        "line 36: the input holds more than one series (FR1:IPI-2010-A21(1.0)/M.B.BRUT, FR1:IPI-2010-A21(1.0)/M.B.CVS-CJO, ...)",
    );
    assert_bad_input(
        &econ(
            &["transform", "--units", "lin", "--series", "M.Z.BRUT", &ipi],
            b"",
        ),
        "no series matches \"M.Z.BRUT\" (the input holds FR1:IPI-2010-A21(1.0)/M.B.BRUT, ",
    );
    let o = econ(
        &[
            "aggregate",
            "--to",
            "quarterly",
            "--method",
            "mean",
            "--series",
            "M.C.CVS-CJO",
            &ipi,
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2015-Q3,"), "{}", stdout(&o));
    assert_bad_input(
        &econ(
            &["transform", "--units", "lin", "--series", "X"],
            b"period,value\n2025-01,1\n",
        ),
        "no series selector: a plain CSV holds one series",
    );
    assert_bad_input(
        &econ(
            &["transform", "--units", "lin", "--frequency", "annual"],
            std::fs::read(fixture("sdmx/ecb_exr_m_usd_eur_v1.csv"))
                .expect("fixture")
                .as_slice(),
        ),
        "frequency mismatch",
    );
}

/// Source: BEA, 2025-Q1 real GDP: −0.3% at an annual rate in the advance
/// estimate (30 April 2025), −0.6% in the December 2025 vintage; the previous
/// contraction was in 2022-Q1.
#[test]
fn headline_as_of_a_date_on_vintaged_files() {
    let mut files = vec![
        "vintage/gdpc1_alfred_vintages.csv",
        "vintage/gdpc1_long.csv",
    ];
    if cfg!(feature = "serde") {
        files.push("vintage/gdpc1_alfred_realtime.json");
    }
    let args = |date: &'static str, path: &str| {
        [
            "headline",
            "--as-of",
            date,
            "--at",
            "2025-Q1",
            "--basis",
            "annual-rate",
            "--kind",
            "output",
            "--name",
            "US real GDP",
            path,
        ]
        .map(str::to_owned)
    };
    for file in files {
        let path = fixture(file);
        let run = |date| {
            let a = args(date, &path);
            econ(&a.iter().map(String::as_str).collect::<Vec<_>>(), b"")
        };
        let may = run("2025-05-01");
        assert!(may.status.success(), "{file}: {}", stderr(&may));
        assert_eq!(
            stdout(&may),
            "US real GDP contracted at a 0.3% annual rate in the first quarter of 2025, \
             the first contraction since the first quarter of 2022.\n",
            "{file}"
        );
        let now = run("2026-01-15");
        assert!(now.status.success(), "{file}: {}", stderr(&now));
        assert_eq!(
            stdout(&now),
            "US real GDP contracted at a 0.6% annual rate in the first quarter of 2025, \
             the first contraction since the first quarter of 2022.\n\
             The figure was first reported on 30 April 2025 as a 0.3% contraction \
             and revised to a 0.6% contraction on 23 December 2025.\n",
            "{file}"
        );
        assert_bad_input(&run("2025-04-29"), "undefined at 2025-Q1");
    }
    // Standard input, and errors: a plain CSV is not a vintaged file, a mismatched frequency.
    let csv = std::fs::read(fixture("vintage/gdpc1_alfred_vintages.csv")).expect("fixture");
    let o = econ(
        &[
            "headline",
            "--as-of",
            "2026-01-15",
            "--at",
            "2025-Q1",
            "--basis",
            "level",
        ],
        &csv,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).ends_with("first reported on 30 April 2025 as 23526.1 and revised to 23548.2 on 23 December 2025.\n"),
        "{}",
        stdout(&o)
    );
    assert_bad_input(
        &econ(
            &[
                "headline",
                "--as-of",
                "2026-01-15",
                "--at",
                "2025-05",
                "--frequency",
                "monthly",
            ],
            &csv,
        ),
        // Stated monthly, the quarterly dates are months with gaps between them.
        "pc1 (percent change from a year ago) is undefined at 2025-05: the value is missing",
    );
    let o = econ(
        &["headline", "--as-of", "2026-01-15", "--at", "2025-Q1"],
        b"period,value\n2025-Q1,1\n",
    );
    assert_bad_input(
        &o,
        "csv input is not read here: a vintaged series is read from",
    );
}
