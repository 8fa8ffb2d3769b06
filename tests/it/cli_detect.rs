//! Integration tests: the detection commands of the `econ` binary
//! (`records`, `recessions`, `sahm`, `turning-points`, `headline`).

use std::process::Output;

use crate::cli_support::{data, econ};
use crate::fixtures::{Table, assert_all_close};

fn ok(o: &Output) -> &str {
    assert!(
        o.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stderr.is_empty());
    std::str::from_utf8(&o.stdout).expect("utf-8")
}

fn assert_bad_input(o: &Output, needle: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(o.stdout.is_empty());
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("econ: ") && err.contains(needle),
        "{err:?} lacks {needle:?}"
    );
}

/// Source: the brute-force scan in `tests/fixtures/detect/generate.py`.
#[test]
fn records_low_and_high_match_the_brute_force_scan() {
    let file = "us_unemployment_rate_unrate_monthly";
    let t = Table::fixture(&format!("detect/records_level_{file}.csv"));
    for (flag, column) in [("--low", "low_since"), ("--high", "high_since")] {
        let o = econ(&["records", flag, &data(&format!("{file}.csv"))], b"");
        let text = ok(&o);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("period,value,since"));
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
        let want: Vec<&str> = t.fields(column).collect();
        let periods: Vec<&str> = t.fields("period").collect();
        assert_eq!(
            rows.len(),
            want.len(),
            "one row per observation (the hole is skipped)"
        );
        for ((r, w), p) in rows.iter().zip(&want).zip(&periods) {
            assert_eq!((r[0], r[2]), (*p, *w), "{flag}");
        }
        assert_all_close(
            file,
            "value",
            rows.iter()
                .zip(t.fields("value"))
                .map(|(r, w)| (r[0].to_owned(), r[1].parse().ok(), w.parse().ok())),
        );
    }
    assert_bad_input(
        &econ(&["records", "--low"], b"period,value\n2025-01,x\n"),
        "line 2",
    );
    let both = econ(&["records", "--low", "--high"], b"2025-01,1\n");
    assert_eq!(both.status.code(), Some(2), "clap rejects both flags");
}

/// Source: pandas runs in `generate.py`.
#[test]
fn recessions_of_real_gdp() {
    let stem = "us_real_gdp_gdpc1_quarterly_1947_2025q1";
    let t = Table::fixture(&format!("detect/recessions_{stem}.csv"));
    let text = ok(&econ(&["recessions", &data(&format!("{stem}.csv"))], b"")).to_owned();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("start,end"));
    let got: Vec<String> = lines.map(str::to_owned).collect();
    let want: Vec<String> = t
        .fields("start")
        .zip(t.fields("end"))
        .map(|(a, b)| format!("{},{}", a.replace('Q', "-Q"), b.replace('Q', "-Q")))
        .collect();
    assert_eq!(got, want);
    assert_bad_input(
        &econ(
            &[
                "recessions",
                &data("us_unemployment_rate_unrate_monthly.csv"),
            ],
            b"",
        ),
        "expected quarterly, found monthly",
    );
}

/// Source: pandas Sahm rule in `generate.py` (both policies).
#[test]
fn sahm_with_the_october_hole() {
    let stem = "us_unemployment_rate_unrate_monthly";
    let t = Table::fixture(&format!("detect/sahm_{stem}.csv"));
    for (args, column) in [
        (&["sahm"][..], "sahm"),
        (&["sahm", "--strict"][..], "sahm_strict"),
    ] {
        let mut args = args.to_vec();
        let path = data(&format!("{stem}.csv"));
        args.push(&path);
        let text = ok(&econ(&args, b"")).to_owned();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("period,value"));
        let rows: Vec<(String, Option<f64>)> = lines
            .map(|l| {
                let (p, v) = l.split_once(',').expect("two fields");
                (p.to_owned(), v.parse().ok())
            })
            .collect();
        let want = t.column::<econseries::Month>(column);
        assert_eq!(rows.len(), want.len());
        assert_all_close(
            stem,
            column,
            rows.iter().zip(&want).map(|(r, w)| (r.0.clone(), r.1, w.1)),
        );
        let oct = rows.iter().find(|r| r.0 == "2025-10").expect("row");
        assert_eq!(oct.1, None);
    }
    assert_bad_input(&econ(&["sahm"], b""), "no observations");
}

/// Source: NBER quarterly chronology; BBQ on real GDP dates the 2020 recession
/// at the NBER's own quarters.
#[test]
fn turning_points_of_gdp_and_the_monthly_hole() {
    let text = ok(&econ(
        &[
            "turning-points",
            &data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"),
        ],
        b"",
    ))
    .to_owned();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("period,kind"));
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.contains(&"2019-Q4,peak") && rows.contains(&"2020-Q2,trough"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .all(|r| r.ends_with(",peak") || r.ends_with(",trough"))
    );
    assert_bad_input(
        &econ(
            &[
                "turning-points",
                &data("us_unemployment_rate_unrate_monthly.csv"),
            ],
            b"",
        ),
        "undefined at 2025-10",
    );
    assert_bad_input(
        &econ(
            &[
                "turning-points",
                &data("bundled_R_datasets_Nile_annual.csv"),
            ],
            b"",
        ),
        "found annual",
    );
}

/// Source: Census (imports from China −41.4% in May 2025) and BEA (real GDP
/// −0.3% at an annual rate in 2025-Q1, first estimate) as reported.
#[test]
fn headline_sentences() {
    let o = econ(
        &[
            "headline",
            "--at",
            "2025-05",
            "--name",
            "US imports of goods from China",
            &data("us_imports_goods_from_china_impch_monthly.csv"),
        ],
        b"",
    );
    assert_eq!(
        ok(&o).lines().next(),
        Some(
            "US imports of goods from China fell 41.4% year on year in May 2025, the steepest decline on record (since January 1986)."
        )
    );
    let o = econ(
        &[
            "headline",
            "--at",
            "2025-Q1",
            "--basis",
            "annual-rate",
            "--name",
            "US real GDP",
            &data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"),
        ],
        b"",
    );
    assert_eq!(
        ok(&o),
        "US real GDP shrank at a 0.3% annual rate in the first quarter of 2025, the first contraction since the first quarter of 2022.\n"
    );
    assert_bad_input(
        &econ(
            &[
                "headline",
                "--at",
                "2030-01",
                &data("us_imports_goods_from_china_impch_monthly.csv"),
            ],
            b"",
        ),
        "undefined at 2030-01",
    );
    assert_bad_input(
        &econ(
            &[
                "headline",
                "--at",
                "2025-Q1",
                &data("us_imports_goods_from_china_impch_monthly.csv"),
            ],
            b"",
        ),
        "2025-Q1",
    );
}
