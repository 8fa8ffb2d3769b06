//! Integration tests: `econ x13`, run as the real binary on the spec files
//! of `tests/fixtures/x13/runs/` and checked against the tables the Census
//! program saved for them (`runs.csv`, from `make_runs.py` beside it).
//! Tolerance 1e-8 relative, as in `tests/it/x13_run.rs`.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::cli_support::econ;
use crate::fixtures::program_table;

fn runs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/x13/runs")
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("utf-8")
}

fn close(ours: &[f64], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(theirs) {
        assert!((a - b).abs() <= 1e-8 * b.abs(), "{a} vs {b}");
    }
}

fn column(o: &Output, k: usize) -> (Vec<String>, Vec<f64>) {
    assert!(o.status.success(), "{}", text(&o.stderr));
    let rows: Vec<Vec<&str>> = text(&o.stdout)
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    (
        rows.iter().map(|r| r[0].to_owned()).collect(),
        rows.iter().map(|r| r[k].parse().expect("number")).collect(),
    )
}

#[test]
fn x13_writes_the_programs_final_tables() {
    // Monthly, log transform with the length-of-month prior adjustment,
    // starting in July (the program's D16 quirk does not touch D10-D13).
    let case = "R_fpp2_a10_lom";
    let spec = runs().join(format!("{case}.spc"));
    let o = econ(&["x13", spec.to_str().unwrap()], b"");
    assert!(text(&o.stdout).starts_with("period,seasonal,adjusted,trend,irregular\n1991-07,"));
    for (k, table) in ["d10", "d11", "d12", "d13"].iter().enumerate() {
        let (periods, ours) = column(&o, k + 1);
        assert_eq!(periods.len(), 204);
        assert_eq!(periods.last().map(String::as_str), Some("2008-06"));
        close(&ours, &program_table(case, table));
    }
    // Quarterly, additive.
    let case = "us_real_gdp_gdpc1_quarterly_1947_2025q1_add";
    let spec = runs().join(format!("{case}.spc"));
    let o = econ(&["x13", spec.to_str().unwrap()], b"");
    let (periods, d11) = column(&o, 2);
    assert_eq!(periods[0], "1947-Q1");
    close(&d11, &program_table(case, "d11"));
}

#[test]
fn x13_saves_the_tables_the_spec_names() {
    let case = "R_datasets_UKgas_lpyear";
    let spec = runs().join(format!("{case}.spc"));
    let dir = std::env::temp_dir().join(format!("econ-x13-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let o = econ(
        &[
            "x13",
            spec.to_str().unwrap(),
            "--save",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let want: Vec<String> = ["a1", "a2", "b1", "d10", "d11", "d12", "d13", "d16"]
        .iter()
        .map(|t| format!("{case}.{t}.csv"))
        .collect();
    assert_eq!(names, want);
    for table in ["a2", "b1", "d16"] {
        let saved = std::fs::read_to_string(dir.join(format!("{case}.{table}.csv"))).unwrap();
        let mut lines = saved.lines();
        assert_eq!(lines.next(), Some(format!("period,{table}").as_str()));
        let values: Vec<f64> = lines
            .map(|l| l.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        close(&values, &program_table(case, table));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn x13_diagnostics_and_errors() {
    let spec = runs().join("R_datasets_AirPassengers_lom.spc");
    let o = econ(&["x13", "--diagnostics", spec.to_str().unwrap()], b"");
    assert!(o.status.success());
    let err = text(&o.stderr);
    // The program's .udg for this spec (diagnostics.csv): M1 0.072, M3 0.097,
    // I/C 1.19, 13-term Henderson, 3x5.
    for needle in [
        "series: 144 values, 1949-01 to 1960-12, 12 a year",
        "transform: log",
        "prior adjustment (A2): length of month (lom)",
        "regARIMA model: none",
        "seasonal filter (D10): s3x5",
        "trend filter (D12): 13-term Henderson",
        "I/C ratio (D12): 1.19",
        "M1: 0.072",
        "M3: 0.097",
        "note: with a prior adjustment M2 and Q",
    ] {
        assert!(err.contains(needle), "{needle}: {err}");
    }

    let dir = std::env::temp_dir().join(format!("econ-x13-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("reg.spc");
    std::fs::write(
        &bad,
        "series{start=2000.1 data=(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24\n\
         25 26 27 28 29 30 31 32 33 34 35 36)}\nx11{}\nautomdl{diff=(1 1)}\n",
    )
    .unwrap();
    let o = econ(&["x13", bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert!(
        err.contains(
            "reg.spc: spec file line 4: argument diff of the automdl spec is not supported"
        ),
        "{err}"
    );
    std::fs::write(&bad, "series{start=2000.1 data=(1 2 3)}\nseats{}\n").unwrap();
    let o = econ(&["x13", bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("spec file line 2: the seats spec is not supported"));
    let o = econ(&["x13", dir.join("missing.spc").to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("cannot read"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `econ panel x13`: the template of the lom cases run on two of their
/// series at once gives the program's D11 of each.
#[cfg(feature = "panel")]
#[test]
fn panel_x13_runs_a_template_per_series() {
    use econseries::x13::spec::X13Spec;

    let dir = std::env::temp_dir().join(format!("econ-panel-x13-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = ["R_datasets_AirPassengers_lom", "R_datasets_fdeaths_lom"];
    let mut csv = String::from("series,month,value\n");
    for case in cases {
        let spec = X13Spec::read(runs().join(format!("{case}.spc"))).unwrap();
        let (y, m) = (spec.series.start.year(), spec.series.start.period() as i32);
        for (i, v) in spec.series.data.iter().enumerate() {
            let k = y * 12 + m - 1 + i as i32;
            csv.push_str(&format!("{case},{}-{:02},{v}\n", k / 12, k % 12 + 1));
        }
    }
    std::fs::write(dir.join("panel.csv"), csv).unwrap();
    std::fs::write(
        dir.join("template.spc"),
        "series{ period=12 }\ntransform{ function=log adjust=lom }\nx11{}\n",
    )
    .unwrap();
    let o = econ(
        &[
            "panel",
            "x13",
            "--spec",
            dir.join("template.spc").to_str().unwrap(),
            "--key",
            "series",
            "--period",
            "month",
            "--value",
            "value",
            dir.join("panel.csv").to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("series,month,seasonal,adjusted,trend,irregular")
    );
    for case in cases {
        let d11: Vec<f64> = out
            .lines()
            .filter(|l| l.starts_with(&format!("{case},")))
            .map(|l| l.split(',').nth(3).unwrap().parse().unwrap())
            .collect();
        close(&d11, &program_table(case, "d11"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The program's D10-D13 (and D16, D18) of an X-13 run with a regARIMA
/// model: `tests/fixtures/x13/model/tables.csv` (make_models.py), case
/// `R_datasets_AirPassengers/a`, the program's own estimation.
fn model_program(table: usize) -> Vec<f64> {
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/x13/model/tables.csv"),
    )
    .expect("fixture");
    csv.lines()
        .filter(|l| l.starts_with("R_datasets_AirPassengers/a,est,"))
        .map(|l| {
            l.split(',')
                .nth(3 + table)
                .expect("cell")
                .parse()
                .expect("number")
        })
        .collect()
}

#[test]
fn x13_runs_a_regarima_model_spec() {
    // Log airline model with trading day and Easter[8], one year of
    // forecasts for X-11, as the program runs it. The crate's estimates
    // are within 1.3e-4 of the program's (it stops a little short of the
    // optimum), its tables within 1e-5 (measured 3.8e-6).
    let spec = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/x13/model/airpassengers_td_easter.spc");
    let dir = std::env::temp_dir().join(format!("econ-x13-model-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let o = econ(
        &[
            "x13",
            "--diagnostics",
            "--save",
            dir.to_str().unwrap(),
            spec.to_str().unwrap(),
        ],
        b"",
    );
    for k in 0..4 {
        let (periods, ours) = column(&o, k + 1);
        assert_eq!(periods.len(), 144);
        let theirs = model_program(k);
        assert_eq!(ours.len(), theirs.len());
        for (a, b) in ours.iter().zip(&theirs) {
            assert!((a - b).abs() <= 1e-5 * b.abs(), "D1{k}: {a} vs {b}");
        }
    }
    for (table, k) in [("d16", 4), ("d18", 5)] {
        let saved =
            std::fs::read_to_string(dir.join(format!("airpassengers_td_easter.{table}.csv")))
                .unwrap();
        let values: Vec<f64> = saved
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        let theirs = model_program(k);
        assert_eq!(values.len(), theirs.len());
        for (a, b) in values.iter().zip(&theirs) {
            assert!((a - b).abs() <= 1e-5 * b.abs(), "{table}: {a} vs {b}");
        }
    }
    let err = text(&o.stderr);
    for needle in [
        "regARIMA model: ARIMA (0 1 1)(0 1 1) on the log scale, 144 observations (131 after differencing)",
        "estimates: name, estimate, standard error, t",
        "  ma1, ",
        "  sma12, ",
        "  Mon, ",
        "  Easter[8], ",
        "extended by 0 backcasts and 12 forecasts",
        "trend filter (D12): ",
    ] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
