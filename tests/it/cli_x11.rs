//! Integration tests: `econ x11`, run as the real binary and checked against
//! the Census X-13ARIMA-SEATS program's tables in `tests/fixtures/x11/`.

use std::path::Path;
use std::process::Output;

use crate::cli_support::{data, econ};

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("utf-8")
}

fn fixture(rel: &str) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/x11")
        .join(rel);
    std::fs::read_to_string(path)
        .expect("fixture")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// The program's D10 and D12 of one case of `full/NAME.csv`.
fn program(name: &str, case: &str) -> (Vec<String>, Vec<f64>, Vec<f64>) {
    let rows = fixture(&format!("full/{name}.csv"));
    let col = rows[0]
        .iter()
        .position(|h| *h == format!("{case}:d10"))
        .expect("case");
    let periods = rows[1..].iter().map(|r| r[0].clone()).collect();
    let d10 = rows[1..]
        .iter()
        .map(|r| r[col].parse().expect("number"))
        .collect();
    let d12 = rows[1..]
        .iter()
        .map(|r| r[col + 1].parse().expect("number"))
        .collect();
    (periods, d10, d12)
}

fn csv(o: &Output) -> Vec<Vec<String>> {
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stdout)
        .lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

#[track_caller]
fn assert_bad_input(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("econ: ") && err.contains(needle), "{err:?}");
}

/// Source: X-13ARIMA-SEATS build 62 on FRED IMPCH, `x11{mode=mult}` and
/// `x11{mode=add seasonalma=s3x9}` on UKgas (tests/fixtures/x11/full).
#[test]
fn x11_writes_the_programs_components() {
    // UKgas goes through standard input, without its provenance line.
    let ukgas: String = fixture("series/R_datasets_UKgas.csv")
        .iter()
        .map(|r| r.join(",") + "\n")
        .collect();
    for (file, stdin, name, args, case) in [
        (
            data("us_imports_goods_from_china_impch_monthly.csv"),
            "",
            "us_imports_goods_from_china_impch_monthly",
            vec!["x11"],
            "mult-msr",
        ),
        (
            "-".to_owned(),
            ukgas.as_str(),
            "R_datasets_UKgas",
            vec!["x11", "--mode", "add", "--seasonal-filter", "s3x9"],
            "add-s3x9",
        ),
    ] {
        let mut argv = args.clone();
        argv.push(&file);
        let rows = csv(&econ(&argv, stdin.as_bytes()));
        assert_eq!(
            rows[0].join(","),
            "period,seasonal,adjusted,trend,irregular"
        );
        let (periods, d10, d12) = program(name, case);
        assert_eq!(rows.len() - 1, d10.len());
        let add = case.starts_with("add");
        let scale10 = d10.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
        for (i, r) in rows[1..].iter().enumerate() {
            assert_eq!(r[0], periods[i]);
            let v: Vec<f64> = r[1..].iter().map(|x| x.parse().expect("number")).collect();
            let tol10 = 1e-8 * if add { scale10 } else { d10[i].abs() };
            assert!((v[0] - d10[i]).abs() <= tol10, "{name} {} seasonal", r[0]);
            assert!(
                (v[2] - d12[i]).abs() <= 1e-8 * d12[i].abs(),
                "{name} {} trend",
                r[0]
            );
        }
    }
}

/// Source: the program's log for `x11{mode=mult}` on FRED IMPCH
/// (tests/fixtures/x11/summary.csv, case mult-msr).
#[test]
fn x11_diagnostics_are_the_programs() {
    let o = econ(
        &[
            "x11",
            "--diagnostics",
            &data("us_imports_goods_from_china_impch_monthly.csv"),
        ],
        b"",
    );
    assert!(o.status.success());
    let err = text(&o.stderr);
    let rows = fixture("summary.csv");
    let head = &rows[0];
    let row = rows
        .iter()
        .find(|r| r[0] == "us_imports_goods_from_china_impch_monthly" && r[1] == "mult-msr")
        .expect("case");
    let field = |k: &str| row[head.iter().position(|h| h == k).expect("column")].clone();
    assert!(
        err.contains(&format!("seasonal filter (D10): {}\n", field("d10_filter"))),
        "{err}"
    );
    assert!(err.contains(&format!(
        "trend filter (D12): {}-term Henderson\n",
        field("d12_length")
    )));
    for i in 1..=11 {
        assert!(
            err.contains(&format!("M{i}: {}\n", field(&format!("m{i}")))),
            "M{i}: {err}"
        );
    }
    assert!(
        err.contains(&format!("\nQ: {}\nQ2: {}\n", field("q"), field("q2"))),
        "{err}"
    );
    assert!(err.contains(&format!("moving seasonality ratio: {}", field("msr"))));
}

#[test]
fn x11_rejects_what_the_method_cannot_take() {
    // 25 months: fewer than three years (the program refuses them too).
    let o = econ(
        &[
            "x11",
            &data("us_exports_goods_to_china_census_monthly_2024_2026.csv"),
        ],
        b"",
    );
    assert_bad_input(&o, "at least 36 observations");
    // UNRATE has no value for October 2025.
    let o = econ(
        &["x11", &data("us_unemployment_rate_unrate_monthly.csv")],
        b"",
    );
    assert_bad_input(&o, "2025-10");
    // Real GDP growth is negative in some quarters: not in multiplicative mode.
    let o = econ(
        &[
            "x11",
            &data("us_real_gdp_growth_a191rl1q225sbea_1947q2_2024q4.csv"),
        ],
        b"",
    );
    assert_bad_input(&o, "needs positive values, found -1 at 1947-Q2");
    let o = econ(
        &[
            "x11",
            "--trend-filter",
            "12",
            &data("us_imports_goods_from_china_impch_monthly.csv"),
        ],
        b"",
    );
    assert_bad_input(&o, "odd length from 3 to 101");
    let o = econ(&["x11", &data("bundled_R_datasets_Nile_annual.csv")], b"");
    assert_bad_input(&o, "monthly and quarterly");
    let o = econ(
        &[
            "x11",
            "--sigma-limits",
            "2.5,1.5",
            &data("us_imports_goods_from_china_impch_monthly.csv"),
        ],
        b"",
    );
    assert_bad_input(&o, "sigma limits");
}

/// Source: the program's mult-msr D10 and D12 of two series
/// (tests/fixtures/x11/full), adjusted together by `econ panel x11`.
#[cfg(feature = "panel")]
#[test]
fn panel_x11_writes_every_series() {
    let names = ["R_datasets_AirPassengers", "R_fpp2_a10"];
    let mut csv_in = String::from("id,month,v\n");
    for name in names {
        for r in fixture(&format!("series/{name}.csv")).iter().skip(1) {
            csv_in.push_str(&format!("{name},{},{}\n", r[0], r[1]));
        }
    }
    let path = std::env::temp_dir().join(format!("econ-panel-x11-{}.csv", std::process::id()));
    std::fs::write(&path, csv_in).expect("temp file");
    let file = path.display().to_string();
    let o = econ(
        &[
            "panel", "x11", "--key", "id", "--period", "month", "--value", "v", &file,
        ],
        b"",
    );
    let _ = std::fs::remove_file(&path);
    let rows = csv(&o);
    assert_eq!(
        rows[0].join(","),
        "id,month,seasonal,adjusted,trend,irregular"
    );
    for name in names {
        let (periods, d10, d12) = program(name, "mult-msr");
        let mine: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == name).collect();
        assert_eq!(mine.len(), periods.len());
        for (i, r) in mine.iter().enumerate() {
            assert_eq!(r[1], periods[i]);
            let s: f64 = r[2].parse().expect("number");
            let t: f64 = r[4].parse().expect("number");
            assert!((s - d10[i]).abs() <= 1e-8 * d10[i].abs(), "{name} {}", r[1]);
            assert!((t - d12[i]).abs() <= 1e-8 * d12[i].abs(), "{name} {}", r[1]);
        }
    }
}
