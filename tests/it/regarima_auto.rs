//! The program's automatic choices: the default outlier critical value and
//! automatic model identification, against the Census X-13ARIMA-SEATS
//! program (build 62).
//!
//! Sources: tests/fixtures/regarima/critical_values.csv (written by
//! tests/fixtures/regarima/make_critical_values.py) and the `otl` and `auto`
//! cases of tests/fixtures/regarima/cases.csv (make_fixtures.py).

use econseries::x13::default_critical_value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/regarima");

/// Every outlier-span length from 1 to 1000: the value equals the program's
/// to the three decimals it prints (the nearest any exact value comes to a
/// rounding edge is 1e-7, far above the f64 error of the formula).
#[test]
fn default_critical_value_equals_the_program_for_every_span() {
    let text = std::fs::read_to_string(format!("{DIR}/critical_values.csv")).unwrap();
    let mut n_checked = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f[1], "ok", "{line}");
        let n: usize = f[0].parse().unwrap();
        assert_eq!(format!("{:.3}", default_critical_value(n)), f[2], "n = {n}");
        n_checked += 1;
    }
    assert_eq!(n_checked, 1000);
}

/// The critical values the program printed in its `outlier{}` runs on the
/// real series (two decimals in the .out), from the number of observations.
#[test]
fn default_critical_value_equals_the_programs_outlier_runs() {
    let mut n_checked = 0;
    for c in super::regarima::cases()
        .iter()
        .filter(|c| c.case == "otl" && c.ok)
    {
        let (_, _, values) = super::regarima::series(&c.series);
        let cv = default_critical_value(values.len());
        assert_eq!(format!("{cv:.2}"), c.cv_or_error, "{}", c.series);
        n_checked += 1;
    }
    assert!(n_checked >= 60, "{n_checked}");
}
