/*!
The findings of a US–China trade-talks report, computed from the official
data shipped in `data/` (see `data/PROVENANCE.md`); nothing printed is typed
in:

- US imports of goods from China in May 2025: year-on-year change, record
  status and streak (Census via FRED `IMPCH`, not seasonally adjusted);
- China's customs figure for its exports to the US, as quoted by the press;
- US real GDP in the first quarter of 2025, in the first-estimate vintage and
  after the 2025 annual revision, and whether the revision deepened it;
- the University of Michigan consumer sentiment index against its long-run
  average and its own history;
- the unemployment rate's Sahm-rule value, with the missing October 2025
  handled explicitly.

Run with `cargo run --example trade_talks`. With `--features plot`, it also
draws each finding on its series as an SVG chart in `target/charts/` and
prints the paths.
*/

use econseries::detect::{Detector, Direction, Event, EventKind, Records, Sahm};
use econseries::indicator::{Currency, PriceBasis, Scale, SeasonalAdjustment};
use econseries::narrate::{Basis, Headline, period_name};
use econseries::{ConfidenceIndex, Gdp, Imports, Metadata, Month, Neutral, Quarter, Series, Year};

type Res<T = ()> = Result<T, Box<dyn std::error::Error>>;

fn data(file: &str) -> String {
    format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"))
}

fn main() -> Res {
    trade()?;
    gdp()?;
    sentiment()?;
    unemployment()?;
    Ok(())
}

fn trade() -> Res {
    println!("== US imports of goods from China");
    let imports = Imports::new(
        Series::<Month>::read_path(data("us_imports_goods_from_china_impch_monthly.csv"))?,
        Metadata::new("US imports of goods from China", "US")
            .with_partner("CN")
            .with_currency(Currency::USD)
            .with_scale(Scale::Millions)
            .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
            .with_source("US Census Bureau, via FRED (IMPCH)"),
    )?;
    let may = Month::new(2025, 5)?;
    let level = |m: Month| imports.get(m).ok_or(format!("no value for {m}"));
    for sentence in Headline::new(Basis::YearOnYear).sentences(&imports, may)? {
        println!("{sentence}");
    }
    println!(
        "  ${:.1} bn in {} against ${:.1} bn in {}.",
        Scale::Millions.convert(level(may)?, Scale::Billions),
        period_name(may),
        Scale::Millions.convert(level(may - 12)?, Scale::Billions),
        period_name(may - 12),
    );
    let yoy = imports.yoy();
    let low = *Records::low()
        .detect_at(&yoy, may)?
        .first()
        .ok_or("no growth for May 2025")?;
    let worst_before = yoy
        .slice(..may)
        .observations()
        .min_by(|a, b| a.1.get().total_cmp(&b.1.get()))
        .ok_or("no earlier growth")?;
    println!(
        "  {}; the steepest fall before it was {:.1}% in {}.",
        if low.is_record() {
            "A record low"
        } else {
            "Not a record"
        },
        worst_before.1.get(),
        period_name(worst_before.0),
    );

    // China's customs, as quoted by the press: a sparse file, so the
    // year-earlier month is found by calendar, not by row.
    let press = Series::<Month>::read_path(data(
        "china_exports_to_us_customs_press_spot_values_usd_bn.csv",
    ))?;
    let quoted = Series::<Month>::read_path(data("china_exports_to_us_customs_press_yoy_pct.csv"))?;
    let computed = press
        .pc1()
        .get(may)
        .ok_or("no press figures for May 2024 and 2025")?;
    println!(
        "China's customs put its exports to the US at ${:.1} bn in {} against ${:.0} bn a year earlier, down {:.1}% (quoted: {:.1}%).",
        press.get(may).ok_or("no May 2025 figure")?,
        period_name(may),
        press.get(may - 12).ok_or("no May 2024 figure")?,
        -computed.get(),
        quoted.get(may).ok_or("no quoted rate")?,
    );

    #[cfg(feature = "plot")]
    {
        use econseries::changepoint::{ChangePoints, Cost, Penalty};
        use econseries::plot::Chart;

        let worst = Records::low().detect_at(&yoy, worst_before.0)?;
        charts::write(
            &Chart::new(&yoy)
                .metadata(imports.metadata())
                .title("US imports of goods from China, change from a year earlier")
                .mark(&worst)
                .mark(&[low]),
            "imports_yoy.svg",
        )?;
        // Regimes of year-on-year growth since 2000: a change in mean, BIC
        // penalty, segments of at least a year.
        let recent = yoy.slice(Month::new(2000, 1)?..);
        let shifts = ChangePoints::new(Cost::Mean)
            .penalty(Penalty::Bic)
            .min_size(12)
            .detect(&recent)?;
        charts::write(
            &Chart::new(&recent)
                .metadata(imports.metadata())
                .title("US imports of goods from China, change from a year earlier: change points")
                .units("percent")
                .line()
                .mark(&shifts),
            "imports_changepoints.svg",
        )?;
    }
    Ok(())
}

fn gdp() -> Res {
    println!("\n== US real GDP");
    let meta = |vintage: &str| -> Res<Metadata> {
        Ok(Metadata::new("US real GDP", "US")
            .with_currency(Currency::USD)
            .with_scale(Scale::Billions)
            .with_price_basis(PriceBasis::Chained {
                reference_year: Year::new(2017)?,
            })
            .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
            .with_annual_rate(true)
            .with_source(format!("BEA, via FRED (GDPC1), {vintage}")))
    };
    let vintages = [
        (
            "first estimate",
            Gdp::new(
                Series::<Quarter>::read_path(data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"))?,
                meta("first estimate, April 2025")?,
            )?,
        ),
        (
            "after the 2025 annual revision",
            Gdp::new(
                Series::<Quarter>::read_path(data("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv"))?,
                meta("2026 download")?,
            )?,
        ),
    ];
    let q1 = Quarter::new(2025, 1)?;
    let mut rates = Vec::new();
    for (label, gdp) in &vintages {
        let sentences = Headline::new(Basis::AnnualRate).sentences(gdp, q1)?;
        println!("{}: {}", capitalise(label), sentences.join(" "));
        rates.push(
            gdp.annualized_growth()
                .get(q1)
                .ok_or("no growth for 2025-Q1")?
                .get(),
        );
    }
    if let [first, revised] = rates[..] {
        // Compared as published, to one decimal.
        let (first, revised) = (round1(first), round1(revised));
        println!(
            "  The revision made the contraction {} by {:.1} points ({first:.1}% to {revised:.1}%).",
            if revised < first {
                "deeper"
            } else {
                "shallower"
            },
            (revised - first).abs(),
        );
    }
    let (_, revised) = &vintages[1];
    let last = *revised
        .technical_recessions()
        .last()
        .ok_or("no recession")?;
    let q2 = revised
        .annualized_growth()
        .get(q1 + 1)
        .ok_or("no 2025-Q2 growth")?
        .get();
    println!(
        "  Not a technical recession: growth in {} was {q2:.1}%; the last run of two or more declines was {} to {}.",
        period_name(q1 + 1),
        period_name(last.compared_with.ok_or("no start")?),
        period_name(last.period),
    );

    #[cfg(feature = "plot")]
    {
        use econseries::detect::{Declines, TechnicalRecessions};
        use econseries::plot::Chart;

        // Since 2000: technical recessions, and the contractions outside them.
        let level = revised.as_plain_series().slice(Quarter::new(2000, 1)?..);
        let recessions = TechnicalRecessions.detect(&level)?;
        let in_recession = |q: Quarter| {
            recessions.iter().any(|r| {
                r.compared_with
                    .is_some_and(|start| (start..=r.period).contains(&q))
            })
        };
        let mut marks = recessions.clone();
        marks.extend(
            Declines
                .detect(&level)?
                .into_iter()
                .filter(|c| !in_recession(c.period)),
        );
        charts::write(
            &Chart::new(&level)
                .metadata(revised.metadata())
                .title("US real GDP: technical recessions and single-quarter contractions")
                .mark(&marks),
            "gdp_recessions.svg",
        )?;
        let growth = revised.annualized_growth();
        let recent = growth.slice(Quarter::new(2015, 1)?..);
        charts::write(
            &Chart::new(&recent)
                .metadata(revised.metadata())
                .title("US real GDP, change from the previous quarter at an annual rate"),
            "gdp_growth.svg",
        )?;
    }
    Ok(())
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn sentiment() -> Res {
    println!("\n== Consumer sentiment");
    let meta = Metadata::new("The University of Michigan consumer sentiment index", "US")
        .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
        .with_source("University of Michigan, via FRED (UMCSENT)");
    // 100 is the level of 1966-Q1, not a balance of opinion.
    let umich = ConfidenceIndex::new(
        Series::<Month>::read_path(data(
            "umich_consumer_sentiment_umcsent_monthly_1980_2025-11.csv",
        ))?,
        meta.clone(),
        Neutral::BasePeriod100,
    )?;
    let (last, level) = umich.last().ok_or("empty index")?;
    for sentence in Headline::new(Basis::Level).sentences(&umich, last)? {
        println!("{sentence}");
    }
    // The long history: quarterly observations from 1952, monthly from 1978.
    let history = Series::<Month>::read_path(data(
        "umich_consumer_sentiment_umcsent_monthly_1952_2025-09.csv",
    ))?;
    let all: Vec<(Month, f64)> = history
        .observations()
        .chain(
            umich
                .as_plain_series()
                .slice(history.end().ok_or("empty history")? + 1..)
                .observations(),
        )
        .collect();
    let mean = all.iter().map(|(_, v)| v).sum::<f64>() / all.len() as f64;
    let lower = all.iter().filter(|&&(_, v)| v < level).count();
    println!(
        "  At {level:.1} it is {:.1} points below its long-run average of {mean:.1} (all {} readings since {}); {lower} of them {} lower.",
        mean - level,
        all.len(),
        period_name(history.start()),
        if lower == 1 { "was" } else { "were" },
    );
    let long = ConfidenceIndex::new(Series::from_pairs(all)?, meta, Neutral::BasePeriod100)?;
    let below_since = long
        .neutral_crossings()
        .into_iter()
        .rfind(|c| {
            matches!(
                c.kind,
                EventKind::Crossing {
                    direction: Direction::Down,
                    ..
                }
            )
        })
        .ok_or("never crossed 100")?;
    let last_above = long
        .as_plain_series()
        .slice(..below_since.period)
        .last_valid()
        .ok_or("no earlier reading")?;
    println!(
        "  It has been below its 1966 base of {} since {} (last above it in {}).",
        long.neutral().level(),
        period_name(below_since.period),
        period_name(last_above),
    );

    #[cfg(feature = "plot")]
    {
        use econseries::plot::Chart;

        let s = umich.as_plain_series();
        let lows = Records::low().detect(s)?;
        let mut marks: Vec<_> = lows
            .iter()
            .rfind(|e| e.is_record())
            .copied()
            .into_iter()
            .collect();
        marks.extend(lows.iter().rfind(|e| e.period == last && !e.is_record()));
        marks.push(below_since);
        charts::write(
            &Chart::new(s)
                .metadata(umich.metadata())
                .units("index, 1966-Q1 = 100")
                .neutral(umich.neutral())
                .mark(&marks),
            "sentiment.svg",
        )?;
    }
    Ok(())
}

fn unemployment() -> Res {
    println!("\n== Unemployment rate and the Sahm rule");
    let unrate = Series::<Month>::read_path(data("us_unemployment_rate_unrate_monthly.csv"))?;
    let holes: Vec<String> = unrate.missing().map(period_name).collect();
    println!("Months without a published rate: {}.", holes.join(", "));
    let readings = Sahm::new().detect(&unrate)?;
    let strict = Sahm::new().strict().series(&unrate);
    let from = Month::new(2025, 9)?;
    for m in (0..6).map(|i| from + i) {
        let reading = readings.iter().find(|e| e.period == m);
        let value = match (reading, strict.get(m)) {
            (Some(e), Some(_)) => format!("{:.2} pp", e.value),
            (
                Some(Event {
                    value,
                    kind: EventKind::Sahm { prior, .. },
                    ..
                }),
                None,
            ) => format!(
                "{value:.2} pp (minimum over {prior} of 12 prior averages; strict: missing)"
            ),
            _ => "missing (its three-month average needs October)".to_owned(),
        };
        println!("  {:<15} {value}", period_name(m));
    }
    let latest = readings.last().ok_or("no reading")?;
    let peak = readings
        .iter()
        .filter(|e| e.period >= Month::new(2025, 1).unwrap_or(from))
        .max_by(|a, b| a.value.total_cmp(&b.value))
        .ok_or("no 2025 reading")?;
    let signal = matches!(latest.kind, EventKind::Sahm { signal: true, .. });
    println!(
        "  Latest ({}): {:.2} pp, {} the 0.50 threshold; the highest reading since January 2025 was {:.2} pp, in {}.",
        period_name(latest.period),
        latest.value,
        if signal { "at or above" } else { "below" },
        peak.value,
        period_name(peak.period),
    );

    #[cfg(feature = "plot")]
    {
        use econseries::plot::Chart;

        let since = Month::new(1990, 1)?;
        let rate = unrate.slice(since..);
        // The first month of each Sahm-rule signal.
        let signalled = |e: &Event<Month>| matches!(e.kind, EventKind::Sahm { signal: true, .. });
        let signals: Vec<_> = readings
            .iter()
            .zip(readings.iter().skip(1))
            .filter(|(before, e)| signalled(e) && !signalled(before) && e.period >= since)
            .map(|(_, e)| *e)
            .collect();
        let mut chart = Chart::new(&rate)
            .title("US unemployment rate, with the Sahm rule's signals")
            .units("percent of the labour force")
            .note("Source: BLS, via FRED (UNRATE); recessions: NBER, via FRED (USREC). October 2025 was not published.")
            .mark(&signals);
        let usrec = Series::<Month>::read_path(data("us_recession_indicator_usrec_monthly.csv"))?;
        let mut start = None;
        for (m, v) in usrec
            .slice(since..rate.end().ok_or("empty")?)
            .observations()
        {
            match (v > 0.5, start) {
                (true, None) => start = Some(m),
                (false, Some(first)) => {
                    chart = chart.span(first, m - 1, "NBER recession");
                    start = None;
                }
                _ => {}
            }
        }
        charts::write(&chart, "unemployment_sahm.svg")?;
    }
    Ok(())
}

/// Where the charts go, and how their paths are printed.
#[cfg(feature = "plot")]
mod charts {
    use econseries::Period;
    use econseries::plot::Chart;

    pub(crate) fn write<P: Period>(chart: &Chart<P>, name: &str) -> super::Res {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(name);
        chart.write_svg(&path)?;
        println!("  Chart: {}", path.display());
        Ok(())
    }
}
