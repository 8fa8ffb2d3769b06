//! Integration tests: X-11 on panels (feature `panel`): every series of a
//! panel equals the single-series adjustment bit for bit, whatever the row
//! order, and the Census program's D10 and D12 within 1e-8.

use std::path::Path;

use econseries::Error;
use econseries::panel::{Panel, PanelColumns};
use econseries::seasonal::{X11, X11Mode};
use econseries::{Month, Series};
use polars::prelude::{Column, DataFrame};

type Res<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// (period, value) rows of a fixture series.
fn rows(name: &str) -> Vec<(String, f64)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/x11/series")
        .join(format!("{name}.csv"));
    std::fs::read_to_string(path)
        .expect("fixture")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("period"))
        .map(|l| {
            let (p, v) = l.split_once(',').expect("two fields");
            (p.to_owned(), v.parse().expect("number"))
        })
        .collect()
}

/// The program's D10 and D12 (case `mult-msr`) of a fixture series.
fn program(name: &str) -> (Vec<f64>, Vec<f64>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/x11/full")
        .join(format!("{name}.csv"));
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = head
        .iter()
        .position(|h| *h == "mult-msr:d10")
        .expect("case");
    let (mut d10, mut d12) = (Vec::new(), Vec::new());
    for l in lines {
        let f: Vec<&str> = l.split(',').collect();
        d10.push(f[col].parse().expect("number"));
        d12.push(f[col + 1].parse().expect("number"));
    }
    (d10, d12)
}

const SERIES: [&str; 5] = [
    "R_datasets_AirPassengers",
    "R_fpp2_a10",
    "us_imports_goods_from_china_impch_monthly",
    "R_datasets_nottem",
    "sm_elec_equip",
];

/// Source: tests/fixtures/x11 (the program's mult-msr D10 and D12).
#[test]
fn panel_x11_equals_single_series_and_the_program() -> Res {
    let mut key = Vec::new();
    let mut period = Vec::new();
    let mut value = Vec::new();
    for name in SERIES {
        for (p, v) in rows(name) {
            key.push(name.to_owned());
            period.push(p);
            value.push(v);
        }
    }
    // Rows in a scrambled order: the panel sorts them out by key and period.
    let n = key.len();
    let order: Vec<usize> = (0..n).map(|i| (i * 7919) % n).collect();
    assert_eq!(
        {
            let mut o = order.clone();
            o.sort_unstable();
            o
        },
        (0..n).collect::<Vec<_>>()
    );
    let pick = |v: &[String]| order.iter().map(|&i| v[i].clone()).collect::<Vec<_>>();
    let keys = pick(&key);
    let periods = pick(&period);
    let values: Vec<f64> = order.iter().map(|&i| value[i]).collect();
    let df = DataFrame::new(
        n,
        vec![
            Column::new("series".into(), keys.clone()),
            Column::new("month".into(), periods.clone()),
            Column::new("value".into(), values),
        ],
    )?;
    let panel = Panel::from_dataframe(df, &PanelColumns::new(["series"], "month", "value"))?;
    let out = panel.x11(&X11::new())?;
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
    let col = |name: &str| -> Res<Vec<f64>> {
        Ok(out
            .column(name)?
            .f64()?
            .iter()
            .map(|v| v.unwrap_or(f64::NAN))
            .collect())
    };
    let (s, a, t, irr) = (
        col("seasonal")?,
        col("adjusted")?,
        col("trend")?,
        col("irregular")?,
    );
    for name in SERIES {
        let r = rows(name);
        let start: Month = r[0].0.parse()?;
        let single = X11::new().fit(&Series::from_values(start, r.iter().map(|x| x.1))?)?;
        let (d10, d12) = program(name);
        for (j, (k, p)) in keys.iter().zip(&periods).enumerate() {
            if k != name {
                continue;
            }
            let m: Month = p.parse()?;
            let i = r.iter().position(|x| x.0 == *p).expect("period");
            assert_eq!(Some(s[j]), single.seasonal().get(m), "{name} {p}");
            assert_eq!(Some(a[j]), single.adjusted().get(m), "{name} {p}");
            assert_eq!(Some(t[j]), single.trend().get(m), "{name} {p}");
            assert_eq!(Some(irr[j]), single.irregular().get(m), "{name} {p}");
            assert!((s[j] - d10[i]).abs() <= 1e-8 * d10[i].abs(), "{name} {p}");
            assert!((t[j] - d12[i]).abs() <= 1e-8 * d12[i].abs(), "{name} {p}");
        }
    }
    Ok(())
}

#[test]
fn panel_x11_names_the_series_it_rejects() -> Res {
    let mut key = Vec::new();
    let mut period = Vec::new();
    let mut value = Vec::new();
    for (name, bad) in [("fine", None), ("gap", Some(20)), ("negative", Some(30))] {
        for i in 0..48 {
            if name == "gap" && bad == Some(i) {
                continue;
            }
            key.push(name);
            period.push(format!("{}-{:02}", 2020 + i / 12, i % 12 + 1));
            value.push(if name == "negative" && bad == Some(i) {
                -1.0
            } else {
                100.0 + i as f64
            });
        }
    }
    let df = DataFrame::new(
        key.len(),
        vec![
            Column::new("k".into(), key),
            Column::new("p".into(), period),
            Column::new("v".into(), value),
        ],
    )?;
    let panel = Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v"))?;
    match panel.x11(&X11::new()) {
        Err(Error::InSeries { key, source }) => {
            assert_eq!(&*key, "gap");
            assert!(
                matches!(*source, Error::Undefined { ref period, .. } if period.to_string() == "2021-09")
            );
        }
        other => panic!("{other:?}"),
    }
    // Additively a gap is still an error, a negative value is not.
    let e = panel.x11(&X11::new().mode(X11Mode::Additive)).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("series gap: X-11 is undefined at 2021-09"),
        "{e}"
    );
    Ok(())
}
