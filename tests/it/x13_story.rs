//! The Chinese New Year story (examples/lunar_new_year.rs) against the Census
//! X-13ARIMA-SEATS program (build 62).
//!
//! Source: tests/fixtures/x13/story/{cny_windows,cny_tables}.csv, written by
//! tests/fixtures/x13/story/make_cny.py: FRED IMPCH from 1995 and US exports
//! to China 2001-2019 (data/), log airline with trading day, without and with
//! genhol-style Chinese New Year regressors over a grid of windows; the
//! program's AICC of every model and the final tables of the td-only run and
//! of the run with the windows of least AICC.

use std::collections::BTreeMap;

use econseries::x13::regressors::{
    Centering, Holiday, HolidayRegressor, Regressors, Span, Variable,
};
use econseries::x13::spec::{RegressionSpec, UserType, X13Run, X13Spec};
use econseries::{Month, Series};

use crate::fixtures::csv_rows;

fn rows(file: &str) -> Vec<Vec<String>> {
    csv_rows(&format!("x13/story/{file}"))
}

fn series(name: &str) -> Series<Month> {
    let (file, from) = match name {
        "impch" => (
            "us_imports_goods_from_china_impch_monthly.csv",
            Month::new(1995, 1).unwrap(),
        ),
        _ => (
            "us_exports_goods_to_china_census_monthly_2001_2019.csv",
            Month::new(2001, 1).unwrap(),
        ),
    };
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    Series::<Month>::read_path(path).unwrap().slice(from..)
}

/// "[-7,13] [25,54]" → windows.
fn windows(label: &str) -> Vec<(i32, i32)> {
    if label == "-" {
        return Vec::new();
    }
    label
        .split(' ')
        .map(|w| {
            let (a, b) = w.trim_matches(['[', ']']).split_once(',').unwrap();
            (a.parse().unwrap(), b.parse().unwrap())
        })
        .collect()
}

fn run(s: &Series<Month>, windows: &[(i32, i32)]) -> X13Run {
    let spec =
        "transform{function=log}\narima{model=(0 1 1)(0 1 1)}\nforecast{maxlead=12}\nx11{}\n";
    let span = Span::new(s.start(), s.len() + 12).unwrap();
    let mut regression = RegressionSpec::new(Regressors::new([Variable::TradingDay]));
    for (k, (a, b)) in windows.iter().enumerate() {
        let x = HolidayRegressor::new(Holiday::chinese_new_year(), *a, *b)
            .unwrap()
            .centering(Centering::Calendar)
            .values(&span)
            .unwrap();
        regression = regression.user(format!("cny{k}"), UserType::Holiday(1), x);
    }
    X13Spec::parse_template(spec)
        .unwrap()
        .with_series(s)
        .unwrap()
        .regression(regression)
        .run()
        .unwrap()
}

#[test]
fn chinese_new_year_runs_equal_the_program() {
    // Every model of the grid: the AICC, and the same windows chosen.
    let mut best: BTreeMap<String, (f64, String)> = BTreeMap::new();
    let mut ours_best: BTreeMap<String, (f64, String)> = BTreeMap::new();
    let mut worst_aicc = 0.0_f64;
    for r in rows("cny_windows.csv") {
        let (name, label, theirs) = (&r[0], &r[1], r[2].parse::<f64>().unwrap());
        let s = series(name);
        let ours = run(&s, &windows(label)).model().unwrap().likelihood().aicc;
        worst_aicc = worst_aicc.max((ours - theirs).abs());
        if label != "-" {
            for (map, a) in [(&mut best, theirs), (&mut ours_best, ours)] {
                if map.get(name).is_none_or(|(b, _)| a < *b) {
                    map.insert(name.clone(), (a, label.clone()));
                }
            }
        }
    }
    println!("story: largest AICC difference {worst_aicc:.2e}");
    assert!(worst_aicc < 1e-3, "AICC differs by {worst_aicc:e}");
    for (name, (_, label)) in &best {
        assert_eq!(&ours_best[name].1, label, "{name}: windows of least AICC");
    }

    // The final tables of the td-only run and of the chosen windows.
    let mut tables: BTreeMap<(String, String), Vec<Vec<f64>>> = BTreeMap::new();
    for r in rows("cny_tables.csv") {
        let v: Vec<f64> = r[3..].iter().map(|x| x.parse().unwrap()).collect();
        tables
            .entry((r[0].clone(), r[1].clone()))
            .or_default()
            .push(v);
    }
    let mut worst = (0.0_f64, String::new());
    for ((name, spec), theirs) in &tables {
        let s = series(name);
        let w = if spec == "td" {
            Vec::new()
        } else {
            windows(&best[name].1)
        };
        let ours = run(&s, &w);
        let cols: [(&str, &[f64]); 6] = [
            ("D10", ours.seasonal()),
            ("D11", ours.adjusted()),
            ("D12", ours.trend()),
            ("D13", ours.irregular()),
            ("D16", ours.combined()),
            ("D18", ours.calendar().unwrap()),
        ];
        assert_eq!(theirs.len(), s.len(), "{name} {spec}");
        for (t, row) in theirs.iter().enumerate() {
            for ((table, values), want) in cols.iter().zip(row) {
                let rel = (values[t] - want).abs() / want.abs();
                if rel > worst.0 {
                    worst = (
                        rel,
                        format!("{name} {spec} {table} at {t}: {} vs {want}", values[t]),
                    );
                }
            }
        }
    }
    println!(
        "story: largest relative difference in D10-D18 {:.2e} ({})",
        worst.0, worst.1
    );
    assert!(worst.0 < 1e-5, "{}", worst.1);
}
