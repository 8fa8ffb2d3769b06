//! Integration tests: charts (`plot::Chart`).
//!
//! Every chart is parsed as XML and its shapes are counted by kind (the
//! palette's colour of each kind) against counts computed here from the
//! shipped data, with std arithmetic only: negative year-on-year changes,
//! runs of declines, segment means. Values are read back from pixel
//! positions through the y-axis tick labels, so a mark drawn at the wrong
//! height fails too.

use econseries::changepoint::{ChangePoints, Cost, Penalty};
use econseries::detect::{Declines, Detector, Event, EventKind, Records, TechnicalRecessions};
use econseries::plot::{Chart, Palette};
use econseries::{Error, Month, Neutral, Quarter, Series};
use roxmltree::{Document, Node};

use crate::fixtures::data;

/// The elements named `tag`.
fn all<'a>(doc: &'a Document<'a>, tag: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == tag)
        .collect()
}

/// The elements named `tag` whose `attr` is `colour` (any case).
fn coloured<'a>(
    doc: &'a Document<'a>,
    tag: &str,
    attr: &str,
    colour: impl ToString,
) -> Vec<Node<'a, 'a>> {
    let colour = colour.to_string();
    all(doc, tag)
        .into_iter()
        .filter(|n| {
            n.attribute(attr)
                .is_some_and(|c| c.eq_ignore_ascii_case(&colour))
        })
        .collect()
}

fn num(n: &Node<'_, '_>, attr: &str) -> f64 {
    n.attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{attr} of {n:?}"))
}

fn text(n: &Node<'_, '_>) -> String {
    n.text().unwrap_or("").trim().to_owned()
}

/// The texts of all `<text>` elements.
fn texts(doc: &Document<'_>) -> Vec<String> {
    all(doc, "text").iter().map(text).collect()
}

/// Pixel y to value, fitted through the y-axis tick labels (right-aligned
/// numbers at their tick's height).
fn value_at(doc: &Document<'_>) -> impl Fn(f64) -> f64 {
    let ticks: Vec<(f64, f64)> = all(doc, "text")
        .into_iter()
        .filter(|n| n.attribute("text-anchor") == Some("end"))
        .filter_map(|n| Some((num(&n, "y"), text(&n).replace(',', "").parse::<f64>().ok()?)))
        .collect();
    assert!(ticks.len() >= 2, "y ticks: {ticks:?}");
    let (y0, v0) = ticks[0];
    let (y1, v1) = ticks[ticks.len() - 1];
    move |y| v0 + (y - y0) * (v1 - v0) / (y1 - y0)
}

/// The polyline's points.
fn points(n: &Node<'_, '_>) -> Vec<(f64, f64)> {
    n.attribute("points")
        .unwrap_or("")
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').expect("x,y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect()
}

/// Year-on-year percent changes computed here: `100 (x[t] / x[t-12] - 1)`
/// where both months are observed.
fn yoy_by_hand(s: &Series<Month>) -> Vec<(Month, f64)> {
    s.observations()
        .filter_map(|(m, x)| Some((m, 100.0 * (x / s.get(m - 12)? - 1.0))))
        .collect()
}

/// Source: `data/us_imports_goods_from_china_impch_monthly.csv` (Census via
/// FRED); the signs are counted here, not by the chart.
#[test]
fn growth_bars_are_one_per_observation_and_negative_ones_are_coloured_apart() -> Result<(), Error> {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let by_hand = yoy_by_hand(&imports);
    let negative = by_hand.iter().filter(|(_, v)| *v < 0.0).count();
    let positive = by_hand.len() - negative;
    assert!(negative > 50 && positive > 300, "{negative} {positive}");

    let title = "US imports of goods from China, % change from a year earlier";
    let svg = Chart::new(&imports.pc1()).title(title).to_svg_string()?;
    let doc = Document::parse(&svg).expect("the chart is XML");
    let p = Palette::default();
    assert_ne!(p.negative, p.positive);
    let neg = coloured(&doc, "rect", "fill", p.negative);
    let pos = coloured(&doc, "rect", "fill", p.positive);
    assert_eq!(neg.len(), negative);
    assert_eq!(pos.len(), positive);
    // Every bar starts at the zero line: negative bars hang from it,
    // positive ones stand on it.
    let value = value_at(&doc);
    for bar in &neg {
        assert!(value(num(bar, "y")).abs() < 0.5, "{bar:?}");
    }
    for bar in &pos {
        assert!(
            value(num(bar, "y") + num(bar, "height")).abs() < 0.5,
            "{bar:?}"
        );
    }
    // The deepest bar reaches the deepest value, to a pixel.
    let deepest = by_hand
        .iter()
        .map(|(_, v)| *v)
        .fold(f64::INFINITY, f64::min);
    let bottom = neg
        .iter()
        .map(|b| num(b, "y") + num(b, "height"))
        .fold(f64::NEG_INFINITY, f64::max);
    let pixel = (value(0.0) - value(1.0)).abs();
    assert!(
        (value(bottom) - deepest).abs() <= 1.5 * pixel,
        "{} vs {deepest}",
        value(bottom)
    );

    let t = texts(&doc);
    assert_eq!(t.iter().filter(|s| *s == title).count(), 1, "{t:?}");
    assert!(
        t.iter().any(|s| s == "percent"),
        "the unit of a Percent series"
    );
    // Period names on the x axis, on Januaries.
    let periods: Vec<&String> = t
        .iter()
        .filter(|s| s.len() == 7 && s.as_bytes()[4] == b'-')
        .collect();
    assert!(periods.len() >= 5, "{periods:?}");
    assert!(periods.iter().all(|s| s.ends_with("-01")), "{periods:?}");
    Ok(())
}

/// Source: the same file; the record low of the year-on-year change is
/// found here by a scan over the hand-computed changes.
#[test]
fn records_are_labelled_points_on_their_values() -> Result<(), Error> {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let by_hand = yoy_by_hand(&imports);
    let (low_month, low) = by_hand
        .iter()
        .copied()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .expect("changes");
    let (high_month, high) = by_hand
        .iter()
        .copied()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .expect("changes");

    let yoy = imports.pc1();
    let marks: Vec<Event<Month>> = [Records::low(), Records::high()]
        .into_iter()
        .filter_map(|r| {
            r.detect(&yoy)
                .expect("records")
                .into_iter()
                .rfind(|e| e.is_record())
        })
        .collect();
    let svg = Chart::new(&yoy).mark(&marks).to_svg_string()?;
    let doc = Document::parse(&svg).expect("XML");
    let dots = coloured(&doc, "circle", "fill", Palette::default().record);
    assert_eq!(dots.len(), 2);
    let value = value_at(&doc);
    let pixel = (value(0.0) - value(1.0)).abs();
    let mut ys: Vec<f64> = dots.iter().map(|d| value(num(d, "cy"))).collect();
    ys.sort_by(f64::total_cmp);
    assert!(
        (ys[0] - low).abs() <= pixel && (ys[1] - high).abs() <= pixel,
        "{ys:?}"
    );
    let t = texts(&doc);
    let label = |m: Month, v: f64, what: &str| format!("{m}: {v:.1}%, {what}");
    assert!(t.contains(&label(low_month, low, "record low")), "{t:?}");
    assert!(t.contains(&label(high_month, high, "record high")), "{t:?}");
    Ok(())
}

/// Runs of two or more consecutive quarterly declines, counted here.
fn decline_runs(s: &Series<Quarter>) -> (usize, usize) {
    let obs: Vec<(Quarter, f64)> = s.observations().collect();
    let falls: Vec<bool> = obs.windows(2).map(|w| w[1].1 < w[0].1).collect();
    let single = falls.iter().filter(|f| **f).count();
    let runs = falls.split(|f| !*f).filter(|run| run.len() >= 2).count();
    (single, runs)
}

/// Source: `data/us_real_gdp_gdpc1_quarterly_1980_2025q3.csv` (BEA via
/// FRED); declines and runs of declines counted here.
#[test]
fn recessions_and_contractions_are_shaded_spans_with_a_legend() -> Result<(), Error> {
    let gdp = data::<Quarter>("us_real_gdp_gdpc1_quarterly_1980_2025q3");
    let (declines, runs) = decline_runs(&gdp);
    assert!(declines >= 15 && runs >= 4, "{declines} {runs}");
    let mut marks: Vec<Event<Quarter>> = TechnicalRecessions.detect(&gdp)?;
    marks.extend(Declines.detect(&gdp)?);
    let svg = Chart::new(&gdp)
        .title("US real GDP")
        .mark(&marks)
        .to_svg_string()?;
    let doc = Document::parse(&svg).expect("XML");
    let p = Palette::default();
    let recessions = coloured(&doc, "rect", "fill", p.recession);
    let singles = coloured(&doc, "rect", "fill", p.contraction);
    assert_eq!(recessions.len(), runs);
    assert_eq!(singles.len(), declines);
    // Spans are translucent, so the line shows through.
    assert!(
        recessions
            .iter()
            .chain(&singles)
            .all(|r| num(r, "opacity") < 1.0)
    );
    // A span of a technical recession covers at least two quarters' width.
    let one = singles
        .iter()
        .map(|r| num(r, "width"))
        .fold(f64::INFINITY, f64::min);
    assert!(recessions.iter().all(|r| num(r, "width") >= 1.9 * one));
    let t = texts(&doc);
    for entry in ["technical recession", "decline"] {
        assert_eq!(
            t.iter().filter(|s| *s == entry).count(),
            1,
            "legend {entry}: {t:?}"
        );
    }
    assert!(
        t.iter().filter(|s| s.ends_with("-Q1")).count() >= 5,
        "{t:?}"
    );
    Ok(())
}

/// Source: `data/umich_consumer_sentiment_umcsent_monthly_1980_2025-11.csv`
/// (University of Michigan via FRED).
#[test]
fn the_neutral_level_is_a_dashed_line_at_its_height() -> Result<(), Error> {
    let umich = data::<Month>("umich_consumer_sentiment_umcsent_monthly_1980_2025-11");
    let svg = Chart::new(&umich)
        .title("Consumer sentiment")
        .units("index, 1966-Q1 = 100")
        .neutral(Neutral::BasePeriod100)
        .to_svg_string()?;
    let doc = Document::parse(&svg).expect("XML");
    let dashes = coloured(&doc, "polyline", "stroke", Palette::default().neutral);
    assert!(
        dashes.len() > 10,
        "a dashed line is many short strokes: {}",
        dashes.len()
    );
    let pts: Vec<(f64, f64)> = dashes.iter().flat_map(points).collect();
    let y = pts[0].1;
    assert!(pts.iter().all(|p| p.1 == y), "horizontal");
    let (left, right) = pts
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, r), p| {
            (l.min(p.0), r.max(p.0))
        });
    let inked: f64 = dashes
        .iter()
        .map(|d| {
            let p = points(d);
            p[p.len() - 1].0 - p[0].0
        })
        .sum();
    assert!(inked < 0.8 * (right - left), "gaps between the dashes");
    let value = value_at(&doc);
    let pixel = (value(0.0) - value(1.0)).abs();
    assert!((value(y) - 100.0).abs() <= pixel, "{}", value(y));
    let t = texts(&doc);
    assert!(
        t.contains(&"neutral: 100 (base period)".to_owned()),
        "{t:?}"
    );
    assert!(t.contains(&"index, 1966-Q1 = 100".to_owned()));
    assert!(t.contains(&"Consumer sentiment".to_owned()));
    // A level series is a line, one polyline without missing values.
    assert_eq!(
        coloured(&doc, "polyline", "stroke", Palette::default().line).len(),
        1
    );
    Ok(())
}

/// Source: `data/us_unemployment_rate_unrate_monthly.csv` (BLS via FRED),
/// whose October 2025 is missing: the line breaks there.
#[test]
fn a_missing_value_breaks_the_line() -> Result<(), Error> {
    let unrate = data::<Month>("us_unemployment_rate_unrate_monthly");
    let observed: Vec<bool> = unrate.values().map(|v| v.is_some()).collect();
    let runs: Vec<usize> = observed
        .split(|o| !*o)
        .map(<[bool]>::len)
        .filter(|&n| n > 0)
        .collect();
    assert!(runs.len() >= 2, "{runs:?}");
    let svg = Chart::new(&unrate).to_svg_string()?;
    let doc = Document::parse(&svg).expect("XML");
    let p = Palette::default();
    let lines = coloured(&doc, "polyline", "stroke", p.line);
    let dots = coloured(&doc, "circle", "fill", p.line);
    assert_eq!(lines.len(), runs.iter().filter(|&&n| n >= 2).count());
    assert_eq!(dots.len(), runs.iter().filter(|&&n| n == 1).count());
    let mut lengths: Vec<usize> = lines.iter().map(|l| points(l).len()).collect();
    lengths.sort_unstable();
    let mut want: Vec<usize> = runs.into_iter().filter(|&n| n >= 2).collect();
    want.sort_unstable();
    assert_eq!(lengths, want);
    Ok(())
}

/// Source: the imports file; each segment's mean is recomputed here from
/// the data between the segment's periods.
#[test]
fn change_point_segments_are_shaded_with_their_means() -> Result<(), Error> {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let yoy = imports.pc1().slice(Month::new(2000, 1)?..).into_raw();
    let cp = ChangePoints::new(Cost::Mean)
        .penalty(Penalty::Bic)
        .min_size(12);
    let segments = cp.segment(&yoy)?.segment_periods();
    assert!(segments.len() >= 3, "{segments:?}");
    let svg = Chart::new(&yoy)
        .line()
        .mark(&cp.detect(&yoy)?)
        .to_svg_string()?;
    let doc = Document::parse(&svg).expect("XML");
    let p = Palette::default();
    let shades = coloured(&doc, "rect", "fill", p.segment);
    assert_eq!(shades.len(), segments.len());
    // Alternately lighter and darker, so neighbours stay apart.
    for w in shades.windows(2) {
        assert_ne!(w[0].attribute("opacity"), w[1].attribute("opacity"));
    }
    let means = coloured(&doc, "polyline", "stroke", p.mean);
    assert_eq!(means.len(), segments.len());
    let value = value_at(&doc);
    let pixel = (value(0.0) - value(1.0)).abs();
    for ((first, last), line) in segments.iter().zip(&means) {
        let xs: Vec<f64> = yoy
            .slice(*first..=*last)
            .observations()
            .map(|(_, v)| v)
            .collect();
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        let pts = points(line);
        assert_eq!(pts.len(), 2);
        assert_eq!(pts[0].1, pts[1].1, "horizontal");
        assert!(
            (value(pts[0].1) - mean).abs() <= pixel,
            "{first}..{last}: {} vs {mean}",
            value(pts[0].1)
        );
    }
    let t = texts(&doc);
    assert!(
        t.contains(&"change-point segments".to_owned()) && t.contains(&"segment mean".to_owned())
    );
    Ok(())
}

#[test]
fn metadata_gives_title_units_and_source() -> Result<(), Error> {
    use econseries::indicator::{Currency, Metadata, Scale, SeasonalAdjustment};
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let meta = Metadata::new("US imports of goods from China", "US")
        .with_currency(Currency::USD)
        .with_scale(Scale::Millions)
        .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
        .with_source("US Census Bureau, via FRED (IMPCH)");
    let svg = Chart::new(&imports).metadata(&meta).to_svg_string()?;
    let doc = Document::parse(&svg).expect("XML");
    let t = texts(&doc);
    for want in [
        "US imports of goods from China",
        "millions of USD",
        "Source: US Census Bureau, via FRED (IMPCH). Not seasonally adjusted.",
    ] {
        assert!(t.contains(&want.to_owned()), "{want:?} in {t:?}");
    }
    // The y axis of thousands has separators.
    assert!(
        t.iter()
            .any(|s| s.contains(',') && s.replace(',', "").parse::<f64>().is_ok()),
        "{t:?}"
    );
    Ok(())
}

#[test]
fn bad_charts_are_typed_errors() -> Result<(), Error> {
    let jan = Month::new(2025, 1)?;
    let empty = Series::<Month>::empty(jan);
    assert!(matches!(
        Chart::new(&empty).to_svg_string(),
        Err(Error::NoObservations)
    ));
    let holes = Series::<Month>::from_pairs([(jan, None), (jan + 1, None::<f64>)])?;
    assert!(matches!(
        Chart::new(&holes).to_svg_string(),
        Err(Error::NoObservations)
    ));

    let s = Series::from_values(jan, [1.0, 2.0, 3.0])?;
    let outside = Event::new(jan + 5, 1.0, EventKind::Low { record: true }, None);
    match Chart::new(&s).mark(&[outside]).to_svg_string() {
        Err(Error::InvalidArgument {
            name: "mark",
            value,
            ..
        }) => assert_eq!(&*value, "2025-06"),
        other => panic!("{other:?}"),
    }
    let gap =
        Series::<Month>::from_pairs([(jan, Some(1.0)), (jan + 1, None), (jan + 2, Some(3.0))])?;
    let on_gap = Event::new(jan + 1, 1.0, EventKind::Low { record: true }, None);
    assert!(matches!(
        Chart::new(&gap).mark(&[on_gap]).to_svg_string(),
        Err(Error::InvalidArgument { name: "mark", .. })
    ));
    assert!(matches!(
        Chart::new(&s).size(100, 100).to_svg_string(),
        Err(Error::InvalidArgument { name: "size", .. })
    ));
    assert!(matches!(
        Chart::new(&s).reference(f64::NAN, "x").to_svg_string(),
        Err(Error::InvalidArgument {
            name: "reference",
            ..
        })
    ));
    // A constant series and a single observation still draw.
    let flat = Series::from_values(jan, [5.0, 5.0, 5.0])?;
    Document::parse(&Chart::new(&flat).bars().to_svg_string()?).expect("XML");
    let one = Series::from_values(jan, [-2.0])?;
    Document::parse(&Chart::new(&one).to_svg_string()?).expect("XML");
    Ok(())
}

#[test]
fn write_svg_writes_the_same_document() -> Result<(), Error> {
    let s = Series::from_values(Quarter::new(2024, 1)?, [1.0, -0.5, 0.7])?;
    let chart = Chart::new(&s).title("Three quarters");
    let path = std::env::temp_dir().join(format!("econseries-plot-{}.svg", std::process::id()));
    chart.write_svg(&path)?;
    let written = std::fs::read_to_string(&path)?;
    std::fs::remove_file(&path)?;
    assert_eq!(written, chart.to_svg_string()?);
    let missing_dir = std::env::temp_dir()
        .join("econseries-no-such-dir")
        .join("x.svg");
    assert!(matches!(chart.write_svg(missing_dir), Err(Error::Io(_))));
    Ok(())
}

/// `econ chart`, run as a process.
#[cfg(feature = "cli")]
mod cli {

    use std::path::PathBuf;
    use std::process::Output;

    use super::*;

    fn data_path(stem: &str) -> String {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("data")
            .join(format!("{stem}.csv"))
            .display()
            .to_string()
    }

    fn econ(args: &[&str], stdin: &[u8]) -> Output {
        crate::cli_support::econ(args, stdin)
    }

    fn ok(o: &Output) {
        assert!(
            o.status.success(),
            "stderr: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.stderr.is_empty());
    }

    /// Source: the imports file; signs and records found here by hand.
    #[test]
    fn chart_of_a_transform_to_a_file() {
        let stem = "us_imports_goods_from_china_impch_monthly";
        let by_hand = yoy_by_hand(&data::<Month>(stem));
        let negative = by_hand.iter().filter(|(_, v)| *v < 0.0).count();
        let (low_month, low) = by_hand
            .iter()
            .copied()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .expect("changes");
        let out = std::env::temp_dir().join(format!("econ-chart-{}.svg", std::process::id()));
        let o = econ(
            &[
                "chart",
                "--transform",
                "pc1",
                "--mark",
                "records --low",
                "--mark",
                "records --high",
                "--mark",
                "changepoints --cost mean --penalty bic --min-size 12 --skip-missing",
                "--title",
                "Imports <from> China",
                "-o",
                out.to_str().expect("utf-8 path"),
                &data_path(stem),
            ],
            b"",
        );
        ok(&o);
        assert!(o.stdout.is_empty(), "the SVG goes to the file");
        let svg = std::fs::read_to_string(&out).expect("written");
        std::fs::remove_file(&out).expect("removed");
        let doc = Document::parse(&svg).expect("XML");
        let p = Palette::default();
        assert_eq!(coloured(&doc, "rect", "fill", p.negative).len(), negative);
        assert_eq!(
            coloured(&doc, "rect", "fill", p.positive).len(),
            by_hand.len() - negative
        );
        assert!(!coloured(&doc, "rect", "fill", p.segment).is_empty());
        assert!(coloured(&doc, "circle", "fill", p.record).len() >= 2);
        let t = texts(&doc);
        assert!(
            t.contains(&"Imports <from> China".to_owned()),
            "escaped and read back"
        );
        assert!(
            t.contains(&"% change from a year earlier".to_owned()),
            "{t:?}"
        );
        assert!(
            t.contains(&format!("{low_month}: {low:.1}, record low")),
            "{t:?}"
        );
    }

    /// Source: `data/us_real_gdp_gdpc1_quarterly_1980_2025q3.csv`, from
    /// standard input; runs of declines counted here.
    #[test]
    fn chart_from_standard_input_with_recessions() {
        let stem = "us_real_gdp_gdpc1_quarterly_1980_2025q3";
        let (_, runs) = decline_runs(&data::<Quarter>(stem));
        let input = std::fs::read(data_path(stem)).expect("data");
        let o = econ(
            &["chart", "--mark", "recessions", "--neutral", "20000"],
            &input,
        );
        ok(&o);
        let svg = String::from_utf8(o.stdout).expect("utf-8");
        let doc = Document::parse(&svg).expect("XML");
        let p = Palette::default();
        assert_eq!(coloured(&doc, "rect", "fill", p.recession).len(), runs);
        assert_eq!(
            coloured(&doc, "polyline", "stroke", p.line).len(),
            1,
            "a line for levels"
        );
        assert!(
            coloured(&doc, "polyline", "stroke", p.neutral).len() > 10,
            "dashed"
        );
        assert!(texts(&doc).contains(&"neutral: 20000".to_owned()));
    }

    #[test]
    fn bad_input_exits_2_with_one_line() {
        for (args, stdin) in [
            (vec!["chart"], &b"period,value\n"[..]),
            (
                vec!["chart", "--width", "10"],
                &b"period,value\n2025-01,1\n"[..],
            ),
        ] {
            let o = econ(&args, stdin);
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
            assert!(o.stdout.is_empty());
            assert_eq!(err.lines().count(), 1, "{err:?}");
            assert!(err.starts_with("econ: "), "{err:?}");
        }
    }
}

/// Charts of extreme values (issue 15): ±1e308 used to give a flat line and
/// an axis without labels, because the range's width overflowed. The values
/// read back through the tick labels must be the data, within 1% of the range.
#[test]
fn extreme_values_keep_distinct_points_and_labelled_axes() -> Result<(), Error> {
    let cases: [&[f64]; 3] = [
        &[1e308, -1e308, 5e307, -5e307, 0.0, 1e308],
        &[f64::MAX, -f64::MAX, 0.0, f64::MAX / 2.0],
        &[1e-310, 3e-310, 2e-310, 5e-324],
    ];
    for values in cases {
        let s = Series::from_values(Month::new(2025, 1)?, values.iter().copied())?;
        let svg = Chart::new(&s).to_svg_string()?;
        let doc = Document::parse(&svg).expect("XML");
        let lines = coloured(&doc, "polyline", "stroke", Palette::default().line);
        assert_eq!(lines.len(), 1, "{values:?}");
        let pts = points(&lines[0]);
        assert_eq!(pts.len(), values.len());
        // Half the value at a pixel height, through the y tick labels (in
        // halves, as the width of ±f64::MAX does not fit in an f64).
        let ticks: Vec<(f64, f64)> = all(&doc, "text")
            .into_iter()
            .filter(|n| n.attribute("text-anchor") == Some("end"))
            .filter_map(|n| Some((num(&n, "y"), text(&n).parse::<f64>().ok()?)))
            .collect();
        assert!(ticks.len() >= 2, "{values:?}: y ticks {ticks:?}");
        let ((y0, v0), (y1, v1)) = (ticks[0], ticks[ticks.len() - 1]);
        let half_at = |y: f64| v0 / 2.0 + (y - y0) * ((v1 / 2.0 - v0 / 2.0) / (y1 - y0));
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let half_span = hi / 2.0 - lo / 2.0;
        for (&(_, y), &v) in pts.iter().zip(values) {
            let back = half_at(y);
            assert!(
                (back - v / 2.0).abs() <= 0.01 * half_span,
                "{values:?}: {v} read back as twice {back}"
            );
        }
        let ys: std::collections::BTreeSet<i64> = pts.iter().map(|p| p.1 as i64).collect();
        let distinct: std::collections::BTreeSet<u64> =
            values.iter().map(|v| v.to_bits()).collect();
        assert!(ys.len() >= distinct.len() - 1, "{values:?}: {pts:?}");
    }
    Ok(())
}
