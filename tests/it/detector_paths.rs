//! Integration tests: every detector gives the same events through every
//! path that consumes the [`Detector`] trait: the trait itself, a vintaged
//! series as known on a date (`known_on(..).detect`), a panel
//! (`Panel::detect`, feature `panel`), a chart (`Chart::mark`, feature
//! `plot`) and the `econ detect` command (feature `cli`). Data: the shipped
//! monthly imports and unemployment files and quarterly real GDP.

use econseries::changepoint::{ChangePoints, Cost, Cusum, Missing, OnlineChanges, Penalty};
use econseries::detect::{
    AnyDetector, Bbq, BryBoschan, Crossings, Declines, Detector, Event, Records, RobustZ, Sahm,
    Streaks, TechnicalRecessions, TurningPoints,
};
use econseries::vintage::VintagedSeries;
use econseries::{Month, NaiveDate, Period, Quarter, Series};

use crate::fixtures::data;

/// The detectors for every frequency, with a name.
fn any_frequency() -> Vec<(&'static str, Box<dyn AnyDetector>)> {
    vec![
        ("records --low", Box::new(Records::low())),
        ("records --high", Box::new(Records::high())),
        ("streaks", Box::new(Streaks::changes())),
        ("streaks --signs", Box::new(Streaks::signs())),
        ("declines", Box::new(Declines)),
        (
            "anomalies --window 24",
            Box::new(RobustZ::new(24).expect("window")),
        ),
        ("turning-points", Box::new(TurningPoints)),
        (
            "changepoints --cost mean --penalty bic --skip-missing",
            Box::new(
                ChangePoints::new(Cost::Mean)
                    .penalty(Penalty::Bic)
                    .missing(Missing::Skip),
            ),
        ),
    ]
}

/// The vintaged series of one vintage, known on that day: the same series.
fn known<P: Period>(s: &Series<P>) -> econseries::vintage::KnownOn<P> {
    let day: NaiveDate = "2026-01-15".parse().expect("date");
    VintagedSeries::from_vintages([(day, s.clone())])
        .expect("vintage")
        .known_on(day)
}

/// The typed trait and `known_on` agree, on levels and on growth.
fn trait_and_vintage<P: Period, D: Detector<P> + Detector<P, econseries::Percent>>(
    d: &D,
    s: &Series<P>,
) -> Vec<Event<P>> {
    let direct = Detector::<P>::detect(d, s);
    let vintage = known(s).detect(d);
    assert_eq!(
        direct.as_ref().map_err(ToString::to_string),
        vintage.as_ref().map_err(ToString::to_string)
    );
    let growth = s.pc1();
    let k = known(s).map(|v| v.pc1());
    assert_eq!(
        d.detect(&growth).map_err(|e| e.to_string()),
        k.detect(d).map_err(|e| e.to_string())
    );
    direct.unwrap_or_default()
}

#[test]
fn trait_and_vintages_agree_for_every_detector() {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let unrate = data::<Month>("us_unemployment_rate_unrate_monthly");
    let gdp = data::<Quarter>("us_real_gdp_gdpc1_quarterly_1980_2025q3");
    let mut found = 0;
    for s in [&imports, &unrate] {
        found += trait_and_vintage(&Records::low(), s).len();
        found += trait_and_vintage(&Records::high(), s).len();
        found += trait_and_vintage(&Streaks::changes(), s).len();
        found += trait_and_vintage(&Streaks::signs(), s).len();
        found += trait_and_vintage(&Declines, s).len();
        found += trait_and_vintage(&Crossings::new(5.0).expect("finite"), s).len();
        found += trait_and_vintage(&RobustZ::new(24).expect("window"), s).len();
        found += trait_and_vintage(&BryBoschan::new(), s).len();
        found += trait_and_vintage(&TurningPoints, s).len();
        found += trait_and_vintage(
            &ChangePoints::new(Cost::Mean)
                .penalty(Penalty::Bic)
                .missing(Missing::Skip),
            s,
        )
        .len();
        found += trait_and_vintage(&OnlineChanges::new(60.0).expect("lambda"), s).len();
    }
    // The monthly-only and quarterly-only rules.
    let sahm = Sahm::new().detect(&unrate).expect("sahm");
    assert_eq!(sahm, known(&unrate).detect(&Sahm::new()).expect("sahm"));
    found += sahm.len();
    found += trait_and_vintage(&TechnicalRecessions, &gdp).len();
    found += trait_and_vintage(&Bbq::new(), &gdp).len();
    found += trait_and_vintage(&Cusum::new(), &gdp).len();
    assert!(
        found > 5_000,
        "{found} events: the paths were compared on real findings"
    );
}

/// `dyn AnyDetector` gives the typed detector's events, and refuses a
/// frequency the detector does not take.
#[test]
fn run_time_dispatch_agrees_with_the_typed_trait() {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let gdp = data::<Quarter>("us_real_gdp_gdpc1_quarterly_1980_2025q3");
    for (name, d) in any_frequency() {
        let d: &dyn AnyDetector = d.as_ref();
        let m = d.detect(&imports);
        let q = d.detect(&gdp);
        assert!(m.is_ok() || name == "turning-points", "{name}: {m:?}");
        assert!(q.is_ok(), "{name}: {q:?}");
    }
    let r: &dyn AnyDetector = &TechnicalRecessions;
    assert!(r.detect(&imports).is_err());
    assert_eq!(
        r.detect(&gdp).expect("quarterly"),
        TechnicalRecessions.detect(&gdp).expect("quarterly")
    );
    let s: &dyn AnyDetector = &Sahm::new();
    assert!(s.detect(&gdp).is_err());
}

#[cfg(feature = "panel")]
mod panel {
    use econseries::io::format_value;
    use econseries::panel::{Panel, PanelColumns};
    use polars::prelude::DataFrame;

    use super::*;

    /// A panel of one series under key "a".
    fn panel<P: Period>(s: &Series<P>) -> Panel {
        let (p, v): (Vec<String>, Vec<Option<f64>>) =
            s.iter().map(|(p, v)| (p.to_string(), v)).unzip();
        let df = DataFrame::new(
            p.len(),
            vec![
                polars::prelude::Column::new("k".into(), vec!["a"; p.len()]),
                polars::prelude::Column::new("p".into(), p),
                polars::prelude::Column::new("v".into(), v),
            ],
        )
        .expect("frame");
        Panel::from_dataframe(df, &PanelColumns::new(["k"], "p", "v")).expect("panel")
    }

    /// (period, kind, value, compared with) of each event, as text.
    fn text<P: Period>(events: &[Event<P>]) -> Vec<[String; 4]> {
        events
            .iter()
            .map(|e| {
                [
                    e.period.to_string(),
                    e.kind.name().to_owned(),
                    format_value(e.value),
                    e.compared_with.map(|p| p.to_string()).unwrap_or_default(),
                ]
            })
            .collect()
    }

    fn frame_text(df: &DataFrame) -> Vec<[String; 4]> {
        let col = |n: &str| -> Vec<String> {
            let c = df.column(n).expect("column");
            (0..df.height())
                .map(|i| {
                    let v = c.get(i).expect("row");
                    match (v.get_str(), v.extract::<f64>()) {
                        (Some(t), _) => t.to_owned(),
                        (None, Some(x)) => format_value(x),
                        _ => String::new(),
                    }
                })
                .collect()
        };
        let (p, k, v, c) = (col("p"), col("kind"), col("v"), col("compared_with"));
        (0..df.height())
            .map(|i| [p[i].clone(), k[i].clone(), v[i].clone(), c[i].clone()])
            .collect()
    }

    #[test]
    fn a_panel_gives_the_trait_s_events_for_every_detector() {
        let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
        let gdp = data::<Quarter>("us_real_gdp_gdpc1_quarterly_1980_2025q3");
        let mut detectors = any_frequency();
        detectors.push(("recessions", Box::new(TechnicalRecessions)));
        detectors.push(("sahm", Box::new(Sahm::new())));
        let unrate = data::<Month>("us_unemployment_rate_unrate_monthly");
        for (name, d) in &detectors {
            for (series, events, frame) in [
                (
                    "imports",
                    d.detect(&imports).map(|e| text(&e)),
                    panel(&imports).detect(d.as_ref()),
                ),
                (
                    "unemployment",
                    d.detect(&unrate).map(|e| text(&e)),
                    panel(&unrate).detect(d.as_ref()),
                ),
                (
                    "gdp",
                    d.detect(&gdp).map(|e| text(&e)),
                    panel(&gdp).detect(d.as_ref()),
                ),
            ] {
                match (events, frame) {
                    (Ok(e), Ok(f)) => assert_eq!(e, frame_text(&f), "{name} on {series}"),
                    (Err(e), Err(f)) => assert!(
                        f.to_string().ends_with(&e.to_string()),
                        "{name} on {series}: {f} vs {e}"
                    ),
                    (e, f) => panic!("{name} on {series}: {e:?} vs {f:?}"),
                }
            }
        }
    }
}

#[cfg(feature = "plot")]
mod chart {
    use econseries::plot::Chart;

    use super::*;

    /// Every event a chart labels with a point (records, crossings,
    /// anomalies) is drawn at its period; runs and change points shade one
    /// span or segment each.
    #[test]
    fn a_chart_marks_the_trait_s_events() {
        let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
        let yoy = imports.pc1();
        let lows: Vec<Event<Month>> = Records::low()
            .detect(&yoy)
            .expect("records")
            .into_iter()
            .filter(|e| e.is_record())
            .collect();
        let crossings = Crossings::new(0.0)
            .expect("finite")
            .detect(&yoy)
            .expect("crossings");
        let anomalies = RobustZ::new(24)
            .expect("window")
            .detect(&yoy)
            .expect("anomalies");
        let svg = Chart::new(&yoy)
            .mark(&lows)
            .mark(&crossings)
            .mark(&anomalies)
            .to_svg_string()
            .expect("svg");
        let doc = roxmltree::Document::parse(&svg).expect("XML");
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "text")
            .map(|n| n.text().unwrap_or_default().trim().to_owned())
            .collect();
        for e in lows.iter().chain(&crossings).chain(&anomalies) {
            assert!(
                texts
                    .iter()
                    .any(|t| t.starts_with(&format!("{}: ", e.period))),
                "{:?} at {} not labelled",
                e.kind.name(),
                e.period
            );
        }
        // Change points: one mean line per segment.
        let shifts = ChangePoints::new(Cost::Mean)
            .penalty(Penalty::Bic)
            .min_size(12)
            .detect(&yoy)
            .expect("shifts");
        assert!(shifts.len() >= 2);
        let palette = econseries::plot::Palette::default();
        let count = |svg: &str, tag: &str, attr: &str, colour: String| {
            let doc = roxmltree::Document::parse(svg).expect("XML");
            doc.descendants()
                .filter(|n| {
                    n.tag_name().name() == tag && n.attribute(attr) == Some(colour.as_str())
                })
                .count()
        };
        let svg = Chart::new(&yoy).mark(&shifts).to_svg_string().expect("svg");
        let means = count(&svg, "polyline", "stroke", palette.mean.to_string());
        assert_eq!(means, shifts.len() + 1, "one mean per segment");
        // Streaks: one shaded span per run however many events it has.
        let runs = Streaks::signs().detect(&yoy).expect("streaks");
        let ends = crate::fixtures::runs(&runs).len();
        let svg = Chart::new(&yoy).mark(&runs).to_svg_string().expect("svg");
        let spans = count(&svg, "rect", "fill", palette.streak.to_string());
        assert_eq!(spans, ends, "one span per run");
    }
}

#[cfg(feature = "cli")]
mod cli {
    use super::*;
    use crate::cli_support::{data as data_path, econ};

    /// `econ detect NAME` prints the library's events, for every detector
    /// of every frequency, on the shipped monthly imports file.
    #[test]
    fn econ_detect_prints_the_trait_s_events() {
        let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
        let path = data_path("us_imports_goods_from_china_impch_monthly.csv");
        for (name, d) in any_frequency() {
            let mut args = vec!["detect"];
            args.extend(name.split_whitespace());
            args.push(&path);
            let o = econ(&args, b"");
            let got = String::from_utf8_lossy(&o.stdout).into_owned();
            match d.detect(&imports) {
                Ok(events) => {
                    assert!(
                        o.status.success(),
                        "{name}: {}",
                        String::from_utf8_lossy(&o.stderr)
                    );
                    let rows: Vec<String> = got
                        .lines()
                        .skip(1)
                        .map(|l| l.split(',').take(4).collect::<Vec<_>>().join(","))
                        .collect();
                    let want: Vec<String> = events
                        .iter()
                        .map(|e| {
                            format!(
                                "{},{},{},{}",
                                e.period,
                                e.kind.name(),
                                econseries::io::format_value(e.value),
                                e.compared_with.map(|p| p.to_string()).unwrap_or_default()
                            )
                        })
                        .collect();
                    assert_eq!(rows, want, "{name}");
                }
                Err(e) => {
                    assert_eq!(o.status.code(), Some(2), "{name}");
                    assert!(String::from_utf8_lossy(&o.stderr).contains(&e.to_string()));
                }
            }
        }
    }
}
