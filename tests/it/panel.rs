//! Integration tests: panels (feature `panel`).
//!
//! The claim under test: a panel's result for every series equals the
//! single-series method's result, bit for bit, whatever the row order, key
//! type or period form. The reference is always the typed `Series` method
//! applied to the series read on its own.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use econseries::changepoint::{ChangePoints, Cost, Missing, Penalty};
use econseries::detect::{AnyDetector, Crossings, Declines, FieldValue, Records, RobustZ, Streaks};
use econseries::io::format_value;
use econseries::panel::{Panel, PanelColumns, ParquetBatches, Transform, write_parquet};
use econseries::{
    Aggregation, AnySeries, Error, Frequency, Month, Period, Quarter, Series, Units, Year,
};
use polars::prelude::{
    Column, DataFrame, DataType, DateChunked, IntoColumn, IntoSeries, NamedFrom,
};
use proptest::prelude::*;

type Res<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// One long-format row: key, period text, value.
#[derive(Clone, Debug)]
struct Row {
    key: String,
    period: String,
    value: Option<f64>,
}

/// A seeded shuffle (xorshift), so that row order is scrambled but reproducible.
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..v.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        v.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

/// Every numeric data file of `frequency` in `data/`, as (stem, series) and
/// as long rows, read with plain std parsing (not the crate's readers).
fn data_panel(frequency: Frequency) -> Res<(Vec<Row>, HashMap<String, AnySeries>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut rows = Vec::new();
    let mut singles = HashMap::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        if path.extension().and_then(|e| e.to_str()) != Some("csv")
            || stem.starts_with("nber_turning_points_")
        {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        let mut file_rows = Vec::new();
        for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
            let (p, v) = line.split_once(',').ok_or("bad line")?;
            file_rows.push(Row {
                key: stem.clone(),
                period: p.to_owned(),
                value: if v.is_empty() { None } else { Some(v.parse()?) },
            });
        }
        let single = single_from_rows(&file_rows, frequency);
        if let Some(s) = single {
            singles.insert(stem, s);
            rows.extend(file_rows);
        }
    }
    Ok((rows, singles))
}

/// The rows as one series of `frequency`, or `None` if they are of another.
fn single_from_rows(rows: &[Row], frequency: Frequency) -> Option<AnySeries> {
    fn build<P: Period>(rows: &[Row]) -> Option<Series<P>> {
        let pairs: Option<Vec<(P, Option<f64>)>> = rows
            .iter()
            .map(|r| Some((r.period.parse::<P>().ok()?, r.value)))
            .collect();
        Series::from_pairs(pairs?).ok()
    }
    let explicit = |f: Frequency| match f {
        Frequency::Quarterly => rows.iter().all(|r| r.period.contains('Q')),
        Frequency::Annual => rows.iter().all(|r| r.period.len() == 4),
        _ => rows
            .iter()
            .all(|r| r.period.len() == 7 && !r.period.contains('Q')),
    };
    if !explicit(frequency) {
        return None;
    }
    match frequency {
        Frequency::Quarterly => build::<Quarter>(rows).map(AnySeries::from),
        Frequency::Annual => build::<Year>(rows).map(AnySeries::from),
        _ => build::<Month>(rows).map(AnySeries::from),
    }
}

/// How the long frame spells keys and periods.
#[derive(Clone, Copy, Debug)]
struct Form {
    /// Periods as polars `Date` (else text).
    dates: bool,
    /// The key split over two columns (else one).
    composite: bool,
    /// Integer keys (else strings).
    integer: bool,
}

/// The rows as a polars frame; returns the key column names and, for
/// integer keys, the map from integer to the original key.
fn frame(rows: &[Row], frequency: Frequency, form: Form) -> Res<(DataFrame, Vec<String>)> {
    let mut ids: HashMap<&str, i64> = HashMap::new();
    for r in rows {
        let n = ids.len() as i64;
        ids.entry(r.key.as_str()).or_insert(n * 7 + 3);
    }
    let mut cols: Vec<Column> = Vec::new();
    let mut names = Vec::new();
    if form.composite {
        // Split the key after its first underscore: source, rest.
        let (a, b): (Vec<&str>, Vec<&str>) = rows
            .iter()
            .map(|r| r.key.split_once('_').unwrap_or((r.key.as_str(), "")))
            .unzip();
        if form.integer {
            let a: Vec<i64> = a.iter().map(|s| s.len() as i64).collect();
            cols.push(Column::new("src".into(), a));
        } else {
            cols.push(Column::new("src".into(), a));
        }
        cols.push(Column::new("rest".into(), b));
        names = vec!["src".to_owned(), "rest".to_owned()];
    } else if form.integer {
        let k: Vec<i64> = rows.iter().map(|r| ids[r.key.as_str()]).collect();
        cols.push(Column::new("id".into(), k));
        names.push("id".to_owned());
    } else {
        let k: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        cols.push(Column::new("id".into(), k));
        names.push("id".to_owned());
    }
    if form.dates {
        let days: Vec<NaiveDate> = rows
            .iter()
            .map(|r| first_day(&r.period, frequency))
            .collect::<Result<_, Error>>()?;
        cols.push(
            DateChunked::from_naive_date("period".into(), days)
                .into_series()
                .into_column(),
        );
    } else {
        let p: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
        cols.push(Column::new("period".into(), p));
    }
    let v: Vec<Option<f64>> = rows.iter().map(|r| r.value).collect();
    cols.push(Column::new("value".into(), v));
    Ok((DataFrame::new(rows.len(), cols)?, names))
}

fn first_day(p: &str, f: Frequency) -> Result<NaiveDate, Error> {
    Ok(match f {
        Frequency::Quarterly => p.parse::<Quarter>()?.first_day(),
        Frequency::Annual => p.parse::<Year>()?.first_day(),
        _ => p.parse::<Month>()?.first_day(),
    })
}

/// The single-series result of `t`: the reference.
fn reference<P: Period>(s: &Series<P>, t: &Transform) -> Result<Series<P>, Error> {
    Ok(match t {
        Transform::Units(u) => s.units(*u),
        Transform::RollingMean(k) => s.rolling_mean(*k)?,
        Transform::RollingSum(k) => s.rolling_sum(*k)?,
        Transform::YtdSum => s.ytd_sum(),
        Transform::YtdYoy => s.ytd_yoy().into_raw(),
        Transform::FromYtd => s.from_ytd(),
        Transform::RebaseToYear(y) => s.rebase_to_year(*y)?,
        Transform::RebaseToPeriod(p) => s.rebase_to_period(p.parse()?)?,
        other => panic!("no reference for {other:?}"),
    })
}

fn any_reference(s: &AnySeries, t: &Transform) -> Result<AnySeries, Error> {
    Ok(match s {
        AnySeries::Monthly(s) => reference(s, t)?.into(),
        AnySeries::Quarterly(s) => reference(s, t)?.into(),
        AnySeries::Annual(s) => reference(s, t)?.into(),
        other => panic!("unexpected {:?}", other.frequency()),
    })
}

fn transforms() -> Vec<Transform> {
    let mut v: Vec<Transform> = Units::ALL.iter().map(|&u| Transform::Units(u)).collect();
    v.extend([
        Transform::RollingMean(3),
        Transform::RollingSum(4),
        Transform::YtdSum,
        Transform::YtdYoy,
        Transform::FromYtd,
    ]);
    v
}

/// Maps each series index of `panel` to the key of `singles` it holds.
fn keys_of(panel: &Panel, form: Form, rows: &[Row]) -> Vec<String> {
    // For integer and composite keys, recover the original key through the
    // first row of each series in the input.
    let mut by_text: HashMap<String, String> = HashMap::new();
    let mut ids: HashMap<&str, i64> = HashMap::new();
    for r in rows {
        let n = ids.len() as i64;
        let id = *ids.entry(r.key.as_str()).or_insert(n * 7 + 3);
        let text = if form.composite {
            let (a, b) = r.key.split_once('_').unwrap_or((r.key.as_str(), ""));
            let a = if form.integer {
                a.len().to_string()
            } else {
                a.to_owned()
            };
            format!("src={a},rest={b}")
        } else if form.integer {
            id.to_string()
        } else {
            r.key.clone()
        };
        by_text.insert(text, r.key.clone());
    }
    (0..panel.len())
        .map(|i| {
            let k = panel.key(i).expect("series exists");
            by_text
                .get(&k)
                .unwrap_or_else(|| panic!("unknown key {k}"))
                .clone()
        })
        .collect()
}

/// Every transform, records, streaks and crossings of `panel` against the
/// single-series methods.
fn check_panel(
    panel: &Panel,
    keys: &[String],
    singles: &HashMap<String, AnySeries>,
    rebase: Option<i32>,
) -> Res {
    assert_eq!(panel.len(), singles.len());
    for (i, key) in keys.iter().enumerate() {
        assert_eq!(panel.series(i).as_ref(), singles.get(key), "series {key}");
    }
    let mut ts = transforms();
    if let Some(y) = rebase {
        ts.push(Transform::RebaseToYear(y));
    }
    for t in ts {
        let out = panel.transform(t.clone())?;
        assert_eq!(out.value_name(), t.name());
        for (i, key) in keys.iter().enumerate() {
            let want = any_reference(&singles[key], &t)?;
            assert_eq!(out.series(i), Some(want), "{t:?} of {key}");
        }
    }
    let frames = Frames::of(panel)?;
    for (i, key) in keys.iter().enumerate() {
        match &singles[key] {
            AnySeries::Monthly(s) => check_events(panel, i, s, &frames)?,
            AnySeries::Quarterly(s) => check_events(panel, i, s, &frames)?,
            AnySeries::Annual(s) => check_events(panel, i, s, &frames)?,
            _ => unreachable!(),
        }
    }
    Ok(())
}

/// The event frames of a whole panel for every detector, each later
/// filtered by key: on the levels, and on the period-on-period percent
/// change (a panel of changes, whose declines are values below zero).
struct Frames {
    /// The key column names.
    names: Vec<String>,
    /// The period column's name.
    period: String,
    /// (detector name, on changes, detector, frame).
    frames: Vec<(String, bool, Box<dyn AnyDetector>, DataFrame)>,
}

/// Every detector that takes every frequency, with settings that suit
/// short series.
fn panel_detectors() -> Vec<(String, Box<dyn AnyDetector>)> {
    vec![
        ("records low".into(), Box::new(Records::low())),
        ("records high".into(), Box::new(Records::high())),
        ("streaks of changes".into(), Box::new(Streaks::changes())),
        ("streaks of signs".into(), Box::new(Streaks::signs())),
        ("declines".into(), Box::new(Declines)),
        (
            "crossings of zero".into(),
            Box::new(Crossings::new(0.0).expect("finite")),
        ),
        (
            "anomalies".into(),
            Box::new(RobustZ::new(4).expect("window")),
        ),
        (
            "change points".into(),
            Box::new(
                ChangePoints::new(Cost::Mean)
                    .penalty(Penalty::Manual(1.0))
                    .missing(Missing::Skip),
            ),
        ),
    ]
}

impl Frames {
    fn of(panel: &Panel) -> Res<Frames> {
        let df = panel.to_dataframe()?;
        let names = df
            .get_column_names()
            .iter()
            .take(df.width() - 2)
            .map(|s| s.to_string())
            .collect();
        let period = df.get_column_names()[df.width() - 2].to_string();
        let changes = panel.transform(Units::Pch.into())?;
        let mut frames = Vec::new();
        for on_changes in [false, true] {
            for (name, d) in panel_detectors() {
                let p = if on_changes { &changes } else { panel };
                let df = p.detect(d.as_ref())?;
                frames.push((name, on_changes, d, df));
            }
        }
        Ok(Frames {
            names,
            period,
            frames,
        })
    }

    /// The rows of `df` whose key is `key` (as `Panel::key` writes it).
    fn rows(&self, df: &DataFrame, key: &str) -> Res<DataFrame> {
        let mut mask = Vec::with_capacity(df.height());
        for r in 0..df.height() {
            let text: Vec<String> = self
                .names
                .iter()
                .map(|n| {
                    Ok(match df.column(n)?.get(r)? {
                        polars::prelude::AnyValue::String(s) => s.to_owned(),
                        v => v.to_string(),
                    })
                })
                .collect::<Result<_, polars::error::PolarsError>>()?;
            let t = if let [one] = text.as_slice() {
                one.clone()
            } else {
                self.names
                    .iter()
                    .zip(&text)
                    .map(|(n, v)| format!("{n}={v}"))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            mask.push(t == key);
        }
        Ok(df.filter(&polars::prelude::BooleanChunked::new("m".into(), mask))?)
    }
}

/// An event as text, field by field: (period, kind, value bits,
/// compared_with, fields).
type EventText<P> = (Option<P>, String, Option<u64>, Option<P>, Vec<String>);

/// The events of every detector on series `i` of `panel` against the same
/// detector on `s` alone, event for event, bit for bit.
fn check_events<P: Period>(panel: &Panel, i: usize, s: &Series<P>, frames: &Frames) -> Res {
    let key = panel.key(i).ok_or("key")?;
    let changes = s.pch();
    for (name, on_changes, d, full) in &frames.frames {
        let want = if *on_changes {
            d.detect(&changes)?
        } else {
            d.detect(s)?
        };
        let df = frames.rows(full, &key)?;
        let value_name = if *on_changes {
            "pch"
        } else {
            panel.value_name()
        };
        let at = periods::<P>(&df, &frames.period)?;
        let kind: Vec<Option<&str>> = df.column("kind")?.str()?.iter().collect();
        let value: Vec<Option<f64>> = df.column(value_name)?.f64()?.iter().collect();
        let compared = periods::<P>(&df, "compared_with")?;
        assert_eq!(df.height(), want.len(), "{key}: {name}: number of events");
        let mut got: Vec<EventText<P>> = Vec::new();
        for (r, e) in want.iter().enumerate() {
            let mut fields = Vec::new();
            for (f, _) in e.kind.fields() {
                let v = df.column(f)?.get(r)?;
                fields.push(match (v.get_str(), v.extract::<f64>()) {
                    (Some(t), _) => t.to_owned(),
                    (None, Some(x)) if matches!(v, polars::prelude::AnyValue::Float64(_)) => {
                        format_value(x)
                    }
                    _ => v.to_string(),
                });
            }
            got.push((
                at[r],
                kind[r].unwrap_or_default().to_owned(),
                value[r].map(f64::to_bits),
                compared[r],
                fields,
            ));
        }
        let want: Vec<EventText<P>> = want
            .iter()
            .map(|e| {
                (
                    Some(e.period),
                    e.kind.name().to_owned(),
                    Some(e.value.to_bits()),
                    e.compared_with,
                    e.kind
                        .fields()
                        .into_iter()
                        .map(|(_, v)| match v {
                            FieldValue::Flag(b) => b.to_string(),
                            FieldValue::Count(n) => n.to_string(),
                            FieldValue::Number(x) => format_value(x),
                            FieldValue::Text(t) => t.to_owned(),
                            _ => String::new(),
                        })
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            want,
            "{key}: {name}{}",
            if *on_changes { " on changes" } else { "" }
        );
    }
    Ok(())
}

/// A period column (Date or text) as typed periods.
fn periods<P: Period>(df: &DataFrame, name: &str) -> Res<Vec<Option<P>>> {
    let col = df.column(name)?;
    Ok(match col.dtype() {
        DataType::Date => col
            .date()?
            .as_date_iter()
            .map(|d| d.map(P::containing).transpose())
            .collect::<Result<_, _>>()?,
        _ => col
            .str()?
            .iter()
            .map(|s| s.map(str::parse::<P>).transpose())
            .collect::<Result<_, _>>()?,
    })
}

/// Source: every monthly and quarterly file in `data/`, as one long table
/// with shuffled rows, in every key and period form.
#[test]
fn panel_of_all_data_files_equals_single_series() -> Res {
    for (frequency, rebase) in [(Frequency::Monthly, 2010), (Frequency::Quarterly, 2017)] {
        let (mut rows, singles) = data_panel(frequency)?;
        assert!(singles.len() >= 4, "{frequency}: {} files", singles.len());
        shuffle(&mut rows, 2025);
        let forms = [
            Form {
                dates: false,
                composite: false,
                integer: false,
            },
            Form {
                dates: true,
                composite: false,
                integer: true,
            },
            Form {
                dates: true,
                composite: true,
                integer: false,
            },
            Form {
                dates: false,
                composite: true,
                integer: true,
            },
        ];
        for (n, form) in forms.into_iter().enumerate() {
            let (df, names) = frame(&rows, frequency, form)?;
            let mut cols = PanelColumns::new(names, "period", "value");
            if n % 2 == 1 {
                cols = cols.frequency(frequency);
            }
            let panel = Panel::from_dataframe(df, &cols)?;
            assert_eq!(panel.frequency(), frequency);
            let keys = keys_of(&panel, form, &rows);
            // Rebasing fails for series without the base year: those are
            // checked below; here only series that have it.
            let all_have_base = singles.values().all(|s| match s {
                AnySeries::Monthly(s) => s.rebase_to_year(rebase).is_ok(),
                AnySeries::Quarterly(s) => s.rebase_to_year(rebase).is_ok(),
                _ => false,
            });
            check_panel(&panel, &keys, &singles, all_have_base.then_some(rebase))?;
            if n == 0 {
                check_frame_rows(&panel, &rows, &singles)?;
            }
        }
    }
    Ok(())
}

/// `to_dataframe` keeps the input's rows in the input's order, and each
/// row's `pc1` is the single series' value at that row's period.
fn check_frame_rows(panel: &Panel, rows: &[Row], singles: &HashMap<String, AnySeries>) -> Res {
    let df = panel.transform(Units::Pc1.into())?.to_dataframe()?;
    assert_eq!(df.height(), rows.len());
    let ids: Vec<Option<&str>> = df.column("id")?.str()?.iter().collect();
    let p: Vec<Option<&str>> = df.column("period")?.str()?.iter().collect();
    let v: Vec<Option<f64>> = df.column("pc1")?.f64()?.iter().collect();
    for (k, r) in rows.iter().enumerate() {
        assert_eq!(
            (ids[k], p[k]),
            (Some(r.key.as_str()), Some(r.period.as_str()))
        );
        let want = match &singles[&r.key] {
            AnySeries::Monthly(s) => s.pc1().get(r.period.parse()?).map(|x| x.get()),
            AnySeries::Quarterly(s) => s.pc1().get(r.period.parse()?).map(|x| x.get()),
            _ => unreachable!(),
        };
        assert_eq!(
            v[k].map(f64::to_bits),
            want.map(f64::to_bits),
            "{} {}",
            r.key,
            r.period
        );
    }
    Ok(())
}

/// Frequency conversion per series equals `Series::aggregate` (and
/// `aggregate_with`), for every method.
#[test]
fn aggregate_equals_single_series() -> Res {
    let (mut rows, singles) = data_panel(Frequency::Monthly)?;
    shuffle(&mut rows, 7);
    let form = Form {
        dates: true,
        composite: false,
        integer: false,
    };
    let (df, names) = frame(&rows, Frequency::Monthly, form)?;
    let panel = Panel::from_dataframe(df, &PanelColumns::new(names, "period", "value"))?;
    let keys = keys_of(&panel, form, &rows);
    for method in [
        Aggregation::Mean,
        Aggregation::Sum,
        Aggregation::Last,
        Aggregation::Max,
    ] {
        for (to, min) in [(Frequency::Quarterly, None), (Frequency::Annual, Some(10))] {
            let q = panel.aggregate(to, method, min)?;
            assert_eq!(q.frequency(), to);
            for (i, key) in keys.iter().enumerate() {
                let want = match min {
                    None => singles[key].aggregate(to, method)?,
                    Some(n) => singles[key].aggregate_with(to, method, n)?,
                };
                assert_eq!(q.series(i), Some(want), "{key} {method} {to}");
            }
            // One row per period of every new span, periods as dates.
            let df = q.to_dataframe()?;
            let spans: usize = (0..q.len())
                .map(|i| q.series(i).map_or(0, |s| s.len()))
                .sum();
            assert_eq!(df.height(), spans);
            assert_eq!(df.column("period")?.dtype(), &DataType::Date);
        }
    }
    assert!(matches!(
        panel.aggregate(Frequency::Monthly, Aggregation::Mean, None),
        Err(Error::NotCoarser { .. })
    ));
    assert!(
        panel
            .aggregate(Frequency::Quarterly, Aggregation::Mean, Some(4))
            .is_err()
    );
    Ok(())
}

#[test]
fn change_points_equal_single_series() -> Res {
    let (mut rows, singles) = data_panel(Frequency::Quarterly)?;
    shuffle(&mut rows, 11);
    let form = Form {
        dates: false,
        composite: false,
        integer: false,
    };
    let (df, names) = frame(&rows, Frequency::Quarterly, form)?;
    let panel = Panel::from_dataframe(df, &PanelColumns::new(names, "period", "value"))?;
    let keys = keys_of(&panel, form, &rows);
    let cp = ChangePoints::new(Cost::Mean)
        .penalty(Penalty::Bic)
        .missing(Missing::Skip);
    let df = panel.detect(&cp)?;
    let ids: Vec<Option<&str>> = df.column("id")?.str()?.iter().collect();
    let at = periods::<Quarter>(&df, "period")?;
    let mut total = 0;
    for key in &keys {
        let AnySeries::Quarterly(s) = &singles[key] else {
            unreachable!()
        };
        let want = cp.segment(s)?;
        let got: Vec<Quarter> = ids
            .iter()
            .zip(&at)
            .filter(|(k, _)| **k == Some(key.as_str()))
            .filter_map(|(_, p)| *p)
            .collect();
        assert_eq!(got, want.periods(), "{key}");
        total += got.len();
    }
    assert_eq!(total, df.height());
    assert!(total > 0, "no change point found at all");
    Ok(())
}

#[test]
fn input_errors_are_typed_and_name_the_key() -> Res {
    let cols = PanelColumns::new(["k"], "p", "v");
    // Duplicate (key, period), rows far apart.
    let df = polars::df!("k" => ["a", "b", "a"], "p" => ["2025-01", "2025-01", "2025-01"], "v" => [1.0, 2.0, 3.0])?;
    match Panel::from_dataframe(df, &cols) {
        Err(Error::InSeries { key, source }) => {
            assert_eq!(&*key, "a");
            assert!(
                matches!(*source, Error::DuplicatePeriod { ref period } if period.to_string() == "2025-01")
            );
        }
        other => panic!("{other:?}"),
    }
    // Composite key: both parts named.
    let df = polars::df!("r" => ["US", "US"], "q" => [156i64, 156], "p" => ["2025Q1", "2025Q1"], "v" => [1.0, 2.0])?;
    let e = Panel::from_dataframe(df, &PanelColumns::new(["r", "q"], "p", "v")).unwrap_err();
    assert_eq!(e.to_string(), "series r=US,q=156: duplicate period 2025-Q1");
    // A date that is not the first day of a period.
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let dates = DateChunked::from_naive_date("p".into(), [d(2025, 1, 1), d(2025, 2, 15)]);
    let df = DataFrame::new(
        2,
        vec![
            Column::new("k".into(), ["a", "a"]),
            dates.into_series().into_column(),
            Column::new("v".into(), [1.0, 2.0]),
        ],
    )?;
    assert!(matches!(
        Panel::from_dataframe(df, &cols),
        Err(Error::Row { row: 1, .. })
    ));
    // Quarter-start dates read as quarterly; stating monthly keeps them monthly.
    let dates = DateChunked::from_naive_date("p".into(), [d(2025, 1, 1), d(2025, 7, 1)]);
    let mk = |dates: DateChunked| -> Res<DataFrame> {
        Ok(DataFrame::new(
            2,
            vec![
                Column::new("k".into(), [1i32, 1]),
                dates.into_series().into_column(),
                Column::new("v".into(), [1.0, 2.0]),
            ],
        )?)
    };
    let q = Panel::from_dataframe(mk(dates.clone())?, &cols)?;
    assert_eq!(
        (q.frequency(), q.series(0).map(|s| s.len())),
        (Frequency::Quarterly, Some(3))
    );
    let m = Panel::from_dataframe(mk(dates)?, &cols.clone().frequency(Frequency::Monthly))?;
    assert_eq!(m.series(0).map(|s| s.len()), Some(7));
    // Mixed explicit frequencies, bad text, null key, NaN, float key, wrong value type.
    let df = polars::df!("k" => ["a", "a"], "p" => ["2025-01", "2025-Q1"], "v" => [1.0, 2.0])?;
    let e = Panel::from_dataframe(df, &cols).unwrap_err();
    assert!(
        matches!(&e, Error::Row { row: 1, source } if matches!(**source, Error::MixedFrequency { .. })),
        "{e}"
    );
    let df = polars::df!("k" => ["a"], "p" => ["May 2025"], "v" => [1.0])?;
    assert!(matches!(
        Panel::from_dataframe(df, &cols),
        Err(Error::Row { row: 0, .. })
    ));
    let df = polars::df!("k" => [Some("a"), None], "p" => ["2025", "2026"], "v" => [1.0, 2.0])?;
    assert!(matches!(
        Panel::from_dataframe(df, &cols),
        Err(Error::Row { row: 1, .. })
    ));
    let df = polars::df!("k" => ["a", "a"], "p" => ["2025", "2026"], "v" => [1.0, f64::INFINITY])?;
    let e = Panel::from_dataframe(df, &cols).unwrap_err();
    assert_eq!(e.to_string(), "row 1: value inf at 2026 is not finite");
    let df = polars::df!("k" => [1.5], "p" => ["2025"], "v" => [1.0])?;
    assert!(matches!(
        Panel::from_dataframe(df, &cols),
        Err(Error::Polars(_))
    ));
    let df = polars::df!("k" => ["a"], "p" => ["2025"], "v" => ["x"])?;
    assert!(matches!(
        Panel::from_dataframe(df, &cols),
        Err(Error::Polars(_))
    ));
    let df = polars::df!("k" => ["a"], "p" => [2025i64], "v" => [1.0])?;
    assert!(matches!(
        Panel::from_dataframe(df, &cols),
        Err(Error::Polars(_))
    ));
    let df = polars::df!("k" => Vec::<&str>::new(), "p" => Vec::<&str>::new(), "v" => Vec::<f64>::new())?;
    assert!(matches!(
        Panel::from_dataframe(df, &cols),
        Err(Error::NoObservations)
    ));
    // Arguments that fail for every series alike are rejected up front.
    let df = polars::df!("k" => ["a"], "p" => ["2025"], "v" => [1.0])?;
    let p = Panel::from_dataframe(df, &cols)?;
    assert!(matches!(
        p.transform(Transform::RollingMean(0)),
        Err(Error::InvalidArgument { .. })
    ));
    assert!(
        p.transform(Transform::RebaseToPeriod("2025-05".into()))
            .is_err()
    );
    assert!(matches!(
        Crossings::new(f64::NAN),
        Err(Error::NonFinite { .. })
    ));
    Ok(())
}

#[test]
fn csv_and_parquet_files_round_trip() -> Res {
    let (mut rows, singles) = data_panel(Frequency::Quarterly)?;
    shuffle(&mut rows, 3);
    let dir = std::env::temp_dir().join(format!("econseries-panel-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    // CSV with FRED's "." for one missing value and keys that look numeric.
    let mut csv = String::from("id,period,value,ignored\n");
    for r in &rows {
        let v = r.value.map_or(".".to_owned(), |v| v.to_string());
        csv.push_str(&format!("{},{},{v},x\n", r.key, r.period));
    }
    csv.push_str("007,2025Q1,1,x\n");
    let path = dir.join("panel.csv");
    std::fs::write(&path, csv)?;
    let cols = PanelColumns::new(["id"], "period", "value");
    let panel = Panel::scan_csv(&path, &cols)?;
    assert_eq!(panel.len(), singles.len() + 1);
    assert_eq!(panel.key(panel.len() - 1).as_deref(), Some("007"));
    let keys: Vec<String> = (0..panel.len() - 1).filter_map(|i| panel.key(i)).collect();
    for (i, k) in keys.iter().enumerate() {
        assert_eq!(panel.series(i).as_ref(), singles.get(k), "{k}");
    }
    // Parquet written by polars, read back: same panel.
    let mut df = panel.to_dataframe()?;
    let pq = dir.join("panel.parquet");
    write_parquet(&mut df, &pq)?;
    let back = Panel::scan_parquet(&pq, &cols)?;
    for i in 0..panel.len() {
        assert_eq!(back.series(i), panel.series(i));
    }
    assert!(matches!(
        Panel::scan_csv(dir.join("absent.csv"), &cols),
        Err(Error::Io(_))
    ));
    assert!(Panel::scan_parquet(&pq, &PanelColumns::new(["nope"], "period", "value")).is_err());
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// Batches of whole series from a sorted Parquet file give the same results
/// as the whole file at once, for every batch size.
#[test]
fn parquet_batches_hold_whole_series() -> Res {
    let (rows, singles) = data_panel(Frequency::Monthly)?;
    let dir = std::env::temp_dir().join(format!("econseries-batches-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut sorted = rows.clone();
    sorted.sort_by(|a, b| a.key.cmp(&b.key));
    let form = Form {
        dates: true,
        composite: false,
        integer: false,
    };
    let (mut df, names) = frame(&sorted, Frequency::Monthly, form)?;
    let path = dir.join("sorted.parquet");
    // Small row groups, so that series straddle them.
    let mut file = std::fs::File::create(&path)?;
    polars::prelude::ParquetWriter::new(&mut file)
        .with_row_group_size(Some(100))
        .finish(&mut df)?;
    let cols = PanelColumns::new(names.clone(), "period", "value");
    for batch_rows in [1, 250, 1_000, 100_000] {
        let mut seen = Vec::new();
        let batches = ParquetBatches::open(&path, &cols, batch_rows)?;
        assert_eq!(batches.total_rows(), sorted.len());
        for batch in batches {
            let batch = batch?;
            let yoy = batch.transform(Units::Pc1.into())?;
            for i in 0..batch.len() {
                let key = batch.key(i).ok_or("key")?;
                let AnySeries::Monthly(s) = &singles[&key] else {
                    unreachable!()
                };
                assert_eq!(yoy.series(i), Some(s.units(Units::Pc1).into()), "{key}");
                seen.push(key);
            }
        }
        let mut want: Vec<String> = singles.keys().cloned().collect();
        want.sort();
        assert_eq!(seen, want, "batch_rows {batch_rows}");
    }
    // An unsorted file is an error, never a silently split series.
    let mut shuffled = rows.clone();
    shuffle(&mut shuffled, 5);
    let (mut df, _) = frame(&shuffled, Frequency::Monthly, form)?;
    let bad = dir.join("unsorted.parquet");
    let mut file = std::fs::File::create(&bad)?;
    polars::prelude::ParquetWriter::new(&mut file)
        .with_row_group_size(Some(100))
        .finish(&mut df)?;
    let r: Result<Vec<Panel>, Error> = ParquetBatches::open(&bad, &cols, 300)?.collect();
    assert!(matches!(r, Err(Error::NotSortedByKey { .. })), "{r:?}");
    assert!(ParquetBatches::open(&bad, &cols, 0).is_err());
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// A random panel: up to 6 series with random starts, lengths, missing
/// values and dropped rows (gaps), keys as integers, rows shuffled.
/// One random series: key, start offset (months), values, rows kept.
type RandomSeries = (i64, i32, Vec<Option<f64>>, Vec<bool>);

fn random_panel() -> impl Strategy<Value = (Vec<RandomSeries>, u64)> {
    let series = (
        0i64..1000,
        0i32..30,
        proptest::collection::vec(
            prop_oneof![
                6 => (-50.0f64..150.0).prop_map(Some),
                1 => Just(Some(0.0)),
                2 => Just(None),
            ],
            1..40,
        ),
        proptest::collection::vec(prop::bool::weighted(0.85), 40),
    );
    (proptest::collection::vec(series, 1..6), any::<u64>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Source: the typed single-series methods on each series alone.
    #[test]
    fn random_panels_equal_single_series((spec, seed) in random_panel()) {
        let start = Month::new(2000, 1).expect("month");
        let mut rows = Vec::new();
        let mut singles = HashMap::new();
        for (n, (id, offset, values, keep)) in spec.iter().enumerate() {
            // Distinct keys even if the strategy repeats one.
            let key = id * 10 + n as i64;
            let mut pairs = Vec::new();
            for (k, v) in values.iter().enumerate() {
                // The first and last rows are always kept so the span is known.
                if k == 0 || k + 1 == values.len() || keep[k] {
                    let p = start + *offset + k as i32;
                    pairs.push((p, *v));
                    rows.push((key, p.to_string(), *v));
                }
            }
            singles.insert(key.to_string(), Series::<Month>::from_pairs(pairs).expect("series"));
        }
        shuffle(&mut rows, seed);
        let df = polars::df!(
            "key" => rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            "month" => rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
            "x" => rows.iter().map(|r| r.2).collect::<Vec<_>>(),
        ).expect("frame");
        let cols = PanelColumns::new(["key"], "month", "x").frequency(Frequency::Monthly);
        let panel = Panel::from_dataframe(df, &cols).expect("panel");
        prop_assert_eq!(panel.len(), singles.len());
        for t in [Transform::Units(Units::Pc1), Transform::Units(Units::Chg), Transform::RollingMean(3), Transform::YtdSum] {
            let out = panel.transform(t.clone()).expect("transform");
            for i in 0..panel.len() {
                let key = panel.key(i).expect("key");
                let want = reference(&singles[&key], &t).expect("reference");
                prop_assert_eq!(out.series(i), Some(AnySeries::from(want)), "{:?} {}", t, key);
            }
        }
        let frames = Frames::of(&panel).expect("frames");
        for i in 0..panel.len() {
            let key = panel.key(i).expect("key");
            check_events(&panel, i, &singles[&key], &frames).expect("events");
        }
    }
}
