//! Integration tests: `econ stl` and `econ hp`, run as the real binary and
//! checked against the statsmodels fixtures in `tests/fixtures/seasonal/`.

use std::process::Output;

use crate::cli_support::{data, econ};
use crate::fixtures::Table;

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("utf-8")
}

/// The output as its header and rows of fields.
fn table(o: &Output) -> (String, Vec<Vec<String>>) {
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(o.stderr.is_empty());
    let mut lines = text(&o.stdout).lines();
    let header = lines.next().expect("header").to_owned();
    let rows = lines
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// Column `j` of the output against column `name` of a fixture, on the scale
/// of the series (|got − want| <= 1e-10 · scale).
#[track_caller]
fn check(rows: &[Vec<String>], j: usize, fixture: &Table, name: &str, scale: f64) {
    let want: Vec<&str> = fixture.fields(name).collect();
    assert_eq!(rows.len(), want.len(), "{name}: row count");
    for (r, w) in rows.iter().zip(want) {
        let g: f64 = r[j].parse().expect("number");
        let w: f64 = w.parse().expect("number");
        assert!(
            (g - w).abs() <= 1e-10 * scale,
            "{} {name}: {g} vs {w}",
            r[0]
        );
    }
}

#[track_caller]
fn assert_bad_input(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("econ: ") && err.contains(needle), "{err:?}");
}

/// Source: statsmodels STL(period=12, robust=True) on FRED IMPCH
/// (tests/fixtures/seasonal/stl_impch_robust.csv).
#[test]
fn stl_robust_of_imports_matches_statsmodels() {
    let file = data("us_imports_goods_from_china_impch_monthly.csv");
    let o = econ(&["stl", "--period", "12", "--robust", &file], b"");
    let (header, rows) = table(&o);
    assert_eq!(header, "period,trend,seasonal,remainder");
    assert_eq!(
        (rows[0][0].as_str(), rows[491][0].as_str()),
        ("1985-01", "2025-12")
    );
    let fx = Table::fixture("seasonal/stl_impch_robust.csv");
    for (j, name) in [(1, "trend"), (2, "seasonal"), (3, "remainder")] {
        check(&rows, j, &fx, name, 52081.070497);
    }
    // The period defaults to the frequency's, and standard input works.
    let csv = std::fs::read(&file).expect("data");
    let same = econ(&["stl", "--robust"], &csv);
    assert_eq!(same.stdout, o.stdout);
}

/// Source: statsmodels hpfilter(lamb=1600) on FRED GDPC1
/// (tests/fixtures/seasonal/hp_us_real_gdp_gdpc1_quarterly_1947_2025q1.csv).
#[test]
fn hp_of_gdp_matches_statsmodels() {
    let file = data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv");
    let fx = Table::fixture("seasonal/hp_us_real_gdp_gdpc1_quarterly_1947_2025q1.csv");
    let (header, rows) = table(&econ(&["hp", &file], b""));
    assert_eq!(header, "period,trend,cycle");
    assert_eq!(rows[0][0], "1947-Q1");
    check(&rows, 1, &fx, "trend", 23542.349);
    check(&rows, 2, &fx, "cycle", 23542.349);
    let (_, explicit) = table(&econ(&["hp", "--lambda", "1600", &file], b""));
    assert_eq!(explicit, rows);
    let (_, one) = table(&econ(&["hp", "--one-sided", &file], b""));
    check(&one, 1, &fx, "trend_one_sided", 23542.349);
}

/// FRED UNRATE has no October 2025 value: an error naming it, unless
/// interpolation is asked for.
#[test]
fn missing_values_and_bad_arguments() {
    let unrate = data("us_unemployment_rate_unrate_monthly.csv");
    assert_bad_input(&econ(&["stl", &unrate], b""), "2025-10");
    assert_bad_input(&econ(&["hp", &unrate], b""), "2025-10");
    let (_, rows) = table(&econ(&["stl", "--interpolate", &unrate], b""));
    assert!(rows.iter().all(|r| r.iter().all(|f| !f.is_empty())));
    let (_, rows) = table(&econ(&["hp", "--interpolate", &unrate], b""));
    assert_eq!(rows.len(), 942);

    let nile = data("bundled_R_datasets_Nile_annual.csv");
    assert_bad_input(&econ(&["stl", &nile], b""), "period");
    let (_, rows) = table(&econ(&["stl", "--period", "10", &nile], b""));
    assert_eq!(rows.len(), 100);
    assert_bad_input(
        &econ(&["stl", "--seasonal", "8", &nile, "--period", "10"], b""),
        "seasonal",
    );
    assert_bad_input(&econ(&["hp", "--lambda=-5", &nile], b""), "lambda");
    assert_bad_input(
        &econ(&["stl"], b"period,value\n2025-01,1\n2025-02,2\n"),
        "at least 24",
    );
}

/// STL's memory is O(n) whatever the period (issue 15): the LOESS kernels
/// of every window position took `len²` floats, so `--period 10000` on
/// 20,000 months asked for 11.7 GB. Here a period of 1,000 on 2,000 months
/// (a trend window of 1,911: 150 MB of kernels before, 7 MB peak RSS after)
/// must run under a 128 MiB address-space limit (`ulimit -v`), and give the
/// library's own decomposition, whose kernels equal the cached ones bit for
/// bit (`seasonal::loess` unit tests).
#[test]
fn stl_with_a_long_period_runs_in_bounded_memory() {
    use econseries::seasonal::Stl;
    use std::io::Write;
    use std::process::{Command, Stdio};
    let values: Vec<f64> = (0..2000)
        .map(|i| {
            let t = f64::from(i);
            100.0
                + 0.01 * t
                + 10.0 * (t * std::f64::consts::TAU / 1000.0).sin()
                + f64::from((i * 7919) % 13) / 13.0
        })
        .collect();
    let mut csv = String::from("period,value\n");
    for (i, v) in values.iter().enumerate() {
        csv.push_str(&format!("{:04}-{:02},{v:?}\n", 1 + i / 12, 1 + i % 12));
    }
    let mut child = Command::new("sh")
        .args([
            "-c",
            "ulimit -v 131072 && exec \"$0\" stl --period 1000",
            env!("CARGO_BIN_EXE_econ"),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(csv.as_bytes())
        .expect("input written");
    let o = child.wait_with_output().expect("econ finishes");
    let (header, rows) = table(&o);
    assert_eq!(header, "period,trend,seasonal,remainder");
    assert_eq!(rows.len(), 2000);
    let want = Stl::new().period(1000).fit_slice(&values).expect("stl");
    for (r, (t, s)) in rows.iter().zip(want.trend().iter().zip(want.seasonal())) {
        assert_eq!(r[1].parse::<f64>().expect("number"), *t, "{}", r[0]);
        assert_eq!(r[2].parse::<f64>().expect("number"), *s, "{}", r[0]);
    }
}
