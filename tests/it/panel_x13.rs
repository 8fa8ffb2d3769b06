//! Integration tests: a spec template run on every series of a panel
//! (feature `panel`): each series equals the Census program's tables for
//! the same spec run alone (tests/fixtures/x13/runs/runs.csv, from
//! make_runs.py beside it) within 1e-8 relative, and a series the run
//! rejects is named.

use std::path::{Path, PathBuf};

use econseries::Error;

use crate::fixtures::program_table;
use econseries::panel::{Panel, PanelColumns};
use econseries::x13::spec::X13Spec;
use polars::prelude::{Column, DataFrame};

type Res<T = ()> = Result<T, Box<dyn std::error::Error>>;

fn runs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/x13/runs")
}

/// Monthly cases whose spec is the template below with their data.
const CASES: [&str; 4] = [
    "R_datasets_AirPassengers_lom",
    "R_fpp2_a10_lom",
    "R_datasets_fdeaths_lom",
    "us_exports_goods_to_china_census_monthly_2001_2019_lom",
];

/// The long table of the cases' data (rows reversed: the panel sorts them).
fn table(cases: &[&str], poison: Option<&str>) -> Res<DataFrame> {
    let (mut key, mut period, mut value) = (Vec::new(), Vec::new(), Vec::new());
    for case in cases {
        let spec = X13Spec::read(runs().join(format!("{case}.spc")))?;
        let (y, m) = (spec.series.start.year(), spec.series.start.period());
        for (i, v) in spec.series.data.iter().enumerate() {
            let k = (y * 12 + m as i32 - 1) + i as i32;
            key.push(case.to_string());
            period.push(format!("{}-{:02}", k / 12, k % 12 + 1));
            value.push(if Some(*case) == poison && i == 5 {
                -1.0
            } else {
                *v
            });
        }
    }
    key.reverse();
    period.reverse();
    value.reverse();
    Ok(DataFrame::new(
        key.len(),
        vec![
            Column::new("series".into(), key),
            Column::new("month".into(), period),
            Column::new("value".into(), value),
        ],
    )?)
}

#[test]
fn panel_x13_equals_the_program() -> Res {
    let template = X13Spec::parse_template(
        "series{ title=\"template\" }  # no data: each series brings its own\n\
         transform{ function=log adjust=lom }\nx11{ }",
    )?;
    let panel = Panel::from_dataframe(
        table(&CASES, None)?,
        &PanelColumns::new(["series"], "month", "value"),
    )?;
    let out = panel.x13(&template)?;
    assert_eq!(
        out.get_column_names(),
        [
            "series",
            "month",
            "seasonal",
            "adjusted",
            "trend",
            "irregular"
        ]
    );
    let keys: Vec<String> = out
        .column("series")?
        .str()?
        .iter()
        .map(|k| k.unwrap_or_default().to_owned())
        .collect();
    for (column, table) in [
        ("seasonal", "d10"),
        ("adjusted", "d11"),
        ("trend", "d12"),
        ("irregular", "d13"),
    ] {
        let v: Vec<f64> = out
            .column(column)?
            .f64()?
            .iter()
            .map(|x| x.unwrap_or(f64::NAN))
            .collect();
        for case in CASES {
            // Output rows follow the (reversed) input order.
            let mut ours: Vec<f64> = keys
                .iter()
                .zip(&v)
                .filter(|(k, _)| *k == case)
                .map(|(_, x)| *x)
                .collect();
            ours.reverse();
            let theirs = program_table(case, table);
            assert_eq!(ours.len(), theirs.len(), "{case}");
            for (a, b) in ours.iter().zip(&theirs) {
                assert!(
                    (a - b).abs() <= 1e-8 * b.abs(),
                    "{case} {table}: {a} vs {b}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn panel_x13_names_the_series_it_rejects() -> Res {
    let panel = Panel::from_dataframe(
        table(&CASES, Some(CASES[2]))?,
        &PanelColumns::new(["series"], "month", "value"),
    )?;
    let template = X13Spec::parse_template("transform{function=log} x11{}")?;
    match panel.x13(&template) {
        Err(Error::InSeries { key, source }) => {
            assert_eq!(&*key, CASES[2]);
            assert!(matches!(*source, Error::NotPositive { .. }), "{source:?}");
        }
        other => panic!("{other:?}"),
    }
    // A template the run does not support fails for the first series, naming it.
    let template = X13Spec::parse_template("x11{final=(ao)}")?;
    let e = panel.x13(&template).unwrap_err();
    assert!(
        e.to_string()
            .contains("argument final of the x11 spec is not supported in spec runs yet"),
        "{e}"
    );
    // A quarterly template on a monthly panel.
    let template = X13Spec::parse_template("series{period=4} x11{}")?;
    assert!(matches!(
        panel.x13(&template),
        Err(Error::InSeries { .. } | Error::FrequencyMismatch { .. })
    ));
    Ok(())
}
