//! Integration tests: `econ detect changepoints`. Runs the real `econ` binary.

use std::process::Output;

use econseries::{Period, Quarter};

use crate::cli_support::{data, econ};
use crate::fixtures::Table;

/// The periods of the events written (the first column), after checking
/// the status and the events' header.
fn periods(o: &Output) -> Vec<String> {
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "status {:?}: {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    let mut lines = out.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("period,kind,value,compared_with")),
        "{out}"
    );
    lines
        .map(|l| {
            assert!(l.contains(",shift,"), "{l}");
            l.split(',').next().unwrap_or_default().to_owned()
        })
        .collect()
}

/// Source: Cobb (1978): the Nile's flow drops from 1899 on.
#[test]
fn nile_with_bic() {
    let o = econ(
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "bic",
            &data("bundled_R_datasets_Nile_annual.csv"),
        ],
        b"",
    );
    assert_eq!(periods(&o), ["1899"]);
}

/// Source: `tests/fixtures/changepoint/agreement.csv`, the brute-force optimum
/// (numpy), which ruptures and R changepoint also return on these rows: a
/// numeric penalty is added per change to the sum of squared deviations.
#[test]
fn numeric_penalty_matches_the_reference_optimum_on_gdp_growth() {
    let table = Table::fixture("changepoint/agreement.csv");
    let rows: Vec<_> = table
        .fields("series")
        .zip(table.fields("penalty"))
        .zip(table.fields("min_size"))
        .zip(table.fields("optimal"))
        .zip(table.fields("r_pelt"))
        .filter(|((((s, _), _), _), _)| *s == "gdp_growth")
        .collect();
    assert_eq!(rows.len(), 6);
    let start: Quarter = "1947-Q2".parse().expect("quarter");
    for ((((_, beta), l), optimal), r) in rows {
        assert_eq!(optimal, r, "R agrees with the optimum on GDP growth");
        for method in ["pelt", "fpop", "op"] {
            let o = econ(
                &[
                    "detect",
                    "changepoints",
                    "--cost",
                    "mean",
                    "--penalty",
                    beta,
                    "--min-size",
                    l,
                    "--method",
                    method,
                    &data("us_real_gdp_growth_a191rl1q225sbea_1947q2_2024q4.csv"),
                ],
                b"",
            );
            let want: Vec<String> = optimal
                .split_whitespace()
                .map(|i| {
                    let i: i64 = i.parse().expect("index");
                    start.checked_add(i).expect("quarter").to_string()
                })
                .collect();
            assert_eq!(periods(&o), want, "beta {beta} L {l} {method}");
        }
    }
}

/// The unemployment file lacks 2025-10: an error by default, detection on the
/// observed months with `--skip-missing`.
#[test]
fn missing_values() {
    let file = data("us_unemployment_rate_unrate_monthly.csv");
    let o = econ(
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "mbic",
            &file,
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("2025-10"), "{err}");
    let o = econ(
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "mbic",
            "--skip-missing",
            &file,
        ],
        b"",
    );
    let found = periods(&o);
    assert!(!found.is_empty());
    assert!(found.iter().all(|p| p != "2025-10"));
    // The 2020 spike: a segment starts in April 2020.
    assert!(found.iter().any(|p| p == "2020-04"), "{found:?}");
}

#[test]
fn reads_standard_input_and_other_costs() {
    let csv = "period,value\n2001,1\n2002,2\n2003,1\n2004,2\n2005,1\n2006,40\n2007,41\n2008,40\n2009,41\n2010,40\n";
    let o = econ(
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "10",
            "--method",
            "binseg",
        ],
        csv.as_bytes(),
    );
    assert_eq!(periods(&o), ["2006"]);
    let o = econ(
        &[
            "detect",
            "changepoints",
            "--cost",
            "poisson",
            "--penalty",
            "aic",
            "-",
        ],
        csv.as_bytes(),
    );
    assert_eq!(periods(&o), ["2006"]);
    let o = econ(
        &[
            "detect",
            "changepoints",
            "--cost",
            "meanvar",
            "--penalty",
            "bic",
        ],
        csv.as_bytes(),
    );
    assert!(o.status.success());
}

#[test]
fn bad_arguments_fail_cleanly() {
    let csv = b"period,value\n2001,1\n2002,2\n2003,3\n";
    for args in [
        &[
            "detect",
            "changepoints",
            "--cost",
            "median",
            "--penalty",
            "bic",
        ][..],
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "-1",
        ],
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "huge",
        ],
        &[
            "detect",
            "changepoints",
            "--cost",
            "var",
            "--penalty",
            "bic",
            "--method",
            "fpop",
        ],
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "1",
            "--min-size",
            "9",
        ],
        &[
            "detect",
            "changepoints",
            "--cost",
            "meanvar",
            "--penalty",
            "1",
            "--min-size",
            "1",
        ],
        &[
            "detect",
            "changepoints",
            "--cost",
            "mean",
            "--penalty",
            "bic",
            "--sigma",
            "-2",
        ],
    ] {
        let o = econ(args, csv);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// A quadratic search that runs for more than the two seconds after which
/// `econ detect changepoints` draws its progress bar on a terminal draws nothing
/// when standard error is a pipe (issue 15), and finds what the library finds.
#[test]
fn no_progress_bar_when_stderr_is_piped() {
    use econseries::Month;
    use econseries::changepoint::{ChangePoints, Cost, Method, Penalty};
    let values: Vec<f64> = (0..9000)
        .map(|i| 0.01 * f64::from(i) + f64::from((i * 7919) % 23) / 23.0)
        .collect();
    let mut csv = String::from("period,value\n");
    let start = Month::new(1000, 1).expect("valid");
    for (i, v) in values.iter().enumerate() {
        csv.push_str(&format!("{},{v:?}\n", start + i as i32));
    }
    let began = std::time::Instant::now();
    let o = econ(
        &[
            "detect",
            "changepoints",
            "--cost",
            "trend",
            "--penalty",
            "100",
            "--method",
            "op",
        ],
        csv.as_bytes(),
    );
    let took = began.elapsed();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        o.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("optimal partitioning of 9,000 values: {took:.1?} (the bar would show after 2 s)");
    let want = ChangePoints::new(Cost::Trend)
        .penalty(Penalty::Manual(100.0))
        .method(Method::Optimal)
        .segment_slice(&values)
        .expect("detects");
    let got: Vec<String> = periods(&o);
    let want: Vec<String> = want
        .changes()
        .iter()
        .map(|&i| (start + i as i32).to_string())
        .collect();
    assert_eq!(got, want);
}
