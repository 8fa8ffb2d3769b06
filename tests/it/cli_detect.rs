//! Integration tests: the detection commands of the `econ` binary
//! (`detect records|recessions|sahm|turning-points|...`, `headline`).

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

/// The events' CSV: the header's names and the rows' fields.
fn events(text: &str) -> (Vec<&str>, Vec<Vec<&str>>) {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(header[..4], ["period", "kind", "value", "compared_with"]);
    (header, lines.map(|l| l.split(',').collect()).collect())
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
        let o = econ(
            &["detect", "records", flag, &data(&format!("{file}.csv"))],
            b"",
        );
        let (header, rows) = events(ok(&o));
        assert_eq!(
            header,
            ["period", "kind", "value", "compared_with", "record"]
        );
        let want: Vec<&str> = t.fields(column).collect();
        let periods: Vec<&str> = t.fields("period").collect();
        assert_eq!(
            rows.len(),
            want.len(),
            "one row per observation (the hole is skipped)"
        );
        for ((r, w), p) in rows.iter().zip(&want).zip(&periods) {
            // The fixture leaves "since" empty for a record; the events
            // compare a record with where records began.
            let since = if r[4] == "true" { "" } else { r[3] };
            assert_eq!((r[0], since), (*p, *w), "{flag}");
            assert_eq!(r[1], &flag[2..]);
        }
        assert_all_close(
            file,
            "value",
            rows.iter()
                .zip(t.fields("value"))
                .map(|(r, w)| (r[0].to_owned(), r[2].parse().ok(), w.parse().ok())),
        );
    }
    assert_bad_input(
        &econ(
            &["detect", "records", "--low"],
            b"period,value\n2025-01,x\n",
        ),
        "line 2",
    );
    let both = econ(&["detect", "records", "--low", "--high"], b"2025-01,1\n");
    assert_eq!(both.status.code(), Some(2), "clap rejects both flags");
}

/// Source: pandas runs in `generate.py`.
#[test]
fn recessions_of_real_gdp() {
    let stem = "us_real_gdp_gdpc1_quarterly_1947_2025q1";
    let t = Table::fixture(&format!("detect/recessions_{stem}.csv"));
    let text = ok(&econ(
        &["detect", "recessions", &data(&format!("{stem}.csv"))],
        b"",
    ))
    .to_owned();
    let (header, rows) = events(&text);
    assert_eq!(header[4], "length");
    // An event at each quarter of a recession from its second decline on:
    // the last of each run gives the whole recession.
    let got: Vec<String> = rows
        .iter()
        .enumerate()
        .filter(|(i, r)| rows.get(i + 1).is_none_or(|next| next[3] != r[3]))
        .map(|(_, r)| format!("{},{}", r[3], r[0]))
        .collect();
    let want: Vec<String> = t
        .fields("start")
        .zip(t.fields("end"))
        .map(|(a, b)| format!("{},{}", a.replace('Q', "-Q"), b.replace('Q', "-Q")))
        .collect();
    assert_eq!(got, want);
    assert_bad_input(
        &econ(
            &[
                "detect",
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
        (&["detect", "sahm"][..], "sahm"),
        (&["detect", "sahm", "--strict"][..], "sahm_strict"),
    ] {
        let mut args = args.to_vec();
        let path = data(&format!("{stem}.csv"));
        args.push(&path);
        let text = ok(&econ(&args, b"")).to_owned();
        let (header, rows) = events(&text);
        assert_eq!(header[4..], ["signal", "prior"]);
        // One event per month with a reading: the months the reference
        // has a value for.
        let want: Vec<(econseries::Month, Option<f64>)> = t
            .column::<econseries::Month>(column)
            .into_iter()
            .filter(|w| w.1.is_some())
            .collect();
        assert_eq!(rows.len(), want.len());
        assert_all_close(
            stem,
            column,
            rows.iter()
                .zip(&want)
                .map(|(r, w)| (r[0].to_owned(), r[2].parse().ok(), w.1)),
        );
        assert!(rows.iter().zip(&want).all(|(r, w)| r[0] == w.0.to_string()));
        assert!(
            rows.iter().all(|r| r[0] != "2025-10"),
            "no reading for the hole"
        );
    }
    assert_bad_input(&econ(&["detect", "sahm"], b""), "no observations");
}

/// Source: NBER quarterly chronology; BBQ on real GDP dates the 2020 recession
/// at the NBER's own quarters.
#[test]
fn turning_points_of_gdp_and_the_monthly_hole() {
    let text = ok(&econ(
        &[
            "detect",
            "turning-points",
            &data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"),
        ],
        b"",
    ))
    .to_owned();
    let (_, rows) = events(&text);
    let turns: Vec<String> = rows.iter().map(|r| format!("{},{}", r[0], r[1])).collect();
    assert!(
        turns.iter().any(|t| t == "2019-Q4,peak") && turns.iter().any(|t| t == "2020-Q2,trough"),
        "{turns:?}"
    );
    assert!(rows.iter().all(|r| r[1] == "peak" || r[1] == "trough"));
    assert_bad_input(
        &econ(
            &[
                "detect",
                "turning-points",
                &data("us_unemployment_rate_unrate_monthly.csv"),
            ],
            b"",
        ),
        "undefined at 2025-10",
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
            "US imports of goods from China fell 41.4% year on year in May 2025, the steepest fall on record (since January 1986)."
        )
    );
    let o = econ(
        &[
            "headline",
            "--at",
            "2025-Q1",
            "--basis",
            "annual-rate",
            "--kind",
            "output",
            "--name",
            "US real GDP",
            &data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"),
        ],
        b"",
    );
    assert_eq!(
        ok(&o),
        "US real GDP contracted at a 0.3% annual rate in the first quarter of 2025, the first contraction since the first quarter of 2022.\n"
    );
    // The case: a steep monthly fall two months after a small one.
    // The small one is not news; the steepest fall since February 2020 is.
    let o = econ(
        &[
            "headline",
            "--at",
            "2025-02",
            "--basis",
            "pop",
            "--name",
            "US imports of goods from China",
            &data("us_imports_goods_from_china_impch_monthly.csv"),
        ],
        b"",
    );
    assert_eq!(
        ok(&o),
        "US imports of goods from China fell 24.0% month on month in February 2025, \
         the steepest monthly fall since February 2020.\n"
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
