/*!
The facts of a trade-war news story, computed from the official data shipped
in `data/` (see `data/PROVENANCE.md`):

- US imports of goods from China, year on year (Census via FRED `IMPCH`, not
  seasonally adjusted), and China's own customs figure as quoted by the press;
- US real GDP growth in 2025-Q1 at an annual rate, in the first-estimate
  vintage and after the 2025 annual revision, against BEA's published rates;
- the University of Michigan consumer sentiment index against its base level;
- the missing October 2025 unemployment rate, and every figure it touches.

Run with `cargo run --example headlines`.
*/

use econseries::indicator::{Currency, PriceBasis, Scale, SeasonalAdjustment};
use econseries::{
    Aggregation, ConfidenceIndex, Gdp, Imports, Metadata, Month, Neutral, Period, Quarter, Series,
    Units, Year,
};

fn data(file: &str) -> String {
    format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"))
}

/// "May 2025", as a newsroom writes a month.
fn month_name(m: Month) -> String {
    m.first_day().format("%B %Y").to_string()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    trade()?;
    gdp()?;
    sentiment()?;
    unemployment()?;
    Ok(())
}

fn trade() -> Result<(), Box<dyn std::error::Error>> {
    println!("== Trade");
    let imports = Imports::new(
        Series::<Month>::read_path(data("us_imports_goods_from_china_impch_monthly.csv"))?,
        Metadata::new("US imports of goods from China", "United States")
            .with_partner("China")
            .with_currency(Currency::USD)
            .with_scale(Scale::Millions)
            .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
            .with_source("US Census Bureau, via FRED (IMPCH)"),
    )?;
    let may = Month::new(2025, 5)?;
    let yoy = imports.yoy();
    let change = yoy.get(may).ok_or("no year-on-year change for May 2025")?;
    // The steepest earlier fall, to say whether May 2025 is a record.
    let worst_before = yoy
        .slice(..may)
        .observations()
        .min_by(|a, b| a.1.get().total_cmp(&b.1.get()))
        .ok_or("no earlier observations")?;
    println!(
        "{} fell {:.1}% year on year in {} (${:.1} bn against ${:.1} bn a year earlier).",
        imports.metadata().name(),
        -change.get(),
        month_name(may),
        imports.get(may).ok_or("no May 2025 value")? / 1e3,
        imports.get(may - 12).ok_or("no May 2024 value")? / 1e3,
    );
    println!(
        "  The steepest fall before it was {:.1}% in {}, so this is the steepest on record (since {}).",
        worst_before.1.get(),
        month_name(worst_before.0),
        month_name(imports.start()),
    );

    // China's customs put its exports to the US at $28.8 bn in May 2025 against
    // $44 bn a year earlier. The press file is sparse: only the months quoted
    // exist, and a calendar lag finds May 2024 among them.
    let press = Series::<Month>::read_path(data(
        "china_exports_to_us_customs_press_spot_values_usd_bn.csv",
    ))?;
    let press_yoy = press.pc1().get(may).ok_or("no press figure for May 2025")?;
    let quoted = Series::<Month>::read_path(data("china_exports_to_us_customs_press_yoy_pct.csv"))?
        .get(may)
        .ok_or("no quoted rate for May 2025")?;
    println!(
        "  China's customs: exports to the US down {:.1}% (quoted: {quoted}%); the two sides count differently (FOB vs CIF, timing, re-exports).",
        -press_yoy.get()
    );
    // Year-on-year only by calendar: April 2025 against April 2024, never against the previous row.
    let apr = Month::new(2025, 4)?;
    println!(
        "  April 2025 on the same basis: {:.1}% (the previous row of the press file is {}; the lag is by calendar, not by row).",
        press.pc1().get(apr).ok_or("no April figure")?.get(),
        month_name(press.slice(..apr).last_valid().ok_or("no earlier row")?),
    );
    Ok(())
}

fn gdp() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== GDP");
    let meta = |vintage: &str| {
        Metadata::new(format!("US real GDP ({vintage})"), "United States")
            .with_currency(Currency::USD)
            .with_scale(Scale::Billions)
            .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
            .with_annual_rate(true)
            .with_source("BEA, via FRED (GDPC1)")
    };
    let first = Gdp::new(
        Series::<Quarter>::read_path(data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"))?,
        meta("advance estimate, April 2025").with_price_basis(PriceBasis::Chained {
            reference_year: Year::new(2017)?,
        }),
    )?;
    let revised = Gdp::new(
        Series::<Quarter>::read_path(data("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv"))?,
        meta("after the 2025 annual update").with_price_basis(PriceBasis::Chained {
            reference_year: Year::new(2017)?,
        }),
    )?;
    let published =
        Series::<Quarter>::read_path(data("us_real_gdp_growth_a191rl1q225sbea_2020q1_2025q4.csv"))?;
    let q1 = Quarter::new(2025, 1)?;
    for gdp in [&first, &revised] {
        let g = gdp
            .annualized_growth()
            .get(q1)
            .ok_or("no growth for 2025-Q1")?;
        println!(
            "{}: {} at an annual rate of {:.1}% in {q1}.",
            gdp.metadata().name(),
            if g.get() < 0.0 { "contracted" } else { "grew" },
            g.get().abs(),
        );
    }
    // Against BEA's published rates (rounded to 0.1) over the revised vintage.
    let ours = revised.annualized_growth();
    let (ours, theirs) = ours.align(&published);
    let worst = ours
        .observations()
        .filter_map(|(p, g)| theirs.get(p).map(|b| (p, (g.get() - b).abs())))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .ok_or("no common quarters")?;
    println!(
        "  BEA publishes {:.1}% for {q1}; over {} common quarters the largest gap to the published rate is {:.2} points ({}).",
        published.get(q1).ok_or("no published rate")?,
        ours.count(),
        worst.1,
        worst.0,
    );
    Ok(())
}

fn sentiment() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== Consumer sentiment");
    let umich = ConfidenceIndex::new(
        Series::<Month>::read_path(data(
            "umich_consumer_sentiment_umcsent_monthly_1980_2025-11.csv",
        ))?,
        Metadata::new("University of Michigan consumer sentiment", "United States")
            .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
            .with_source("University of Michigan, via FRED (UMCSENT)"),
        // 100 is the level of 1966-Q1, not a balance of opinion (balanced answers give about 76).
        Neutral::BasePeriod100,
    )?;
    let (last, level) = umich.last().ok_or("empty index")?;
    let change = umich.change().get(last).ok_or("no change")?;
    let gap = umich.gap_to_neutral().get(last).ok_or("no gap")?;
    let mean = umich.as_plain_series().aggregate::<Year>(Aggregation::Mean);
    let long_run = {
        let (n, sum) = umich
            .observations()
            .fold((0, 0.0), |(n, s), (_, v)| (n + 1, s + v));
        sum / n as f64
    };
    let lower = umich.observations().filter(|&(_, v)| v < level).count();
    println!(
        "The index {} {:.1} points to {level:.1} in {}, {:.1} points below its 1966 base of {}.",
        if change.get() < 0.0 { "fell" } else { "rose" },
        change.get().abs(),
        month_name(last),
        -gap.get(),
        umich.neutral().level(),
    );
    println!(
        "  Its average since {} is {long_run:.1}; {lower} of {} months were lower. An annual average for 2025 is {}.",
        month_name(umich.start()),
        umich.as_plain_series().count(),
        match mean.get(Year::new(2025)?) {
            Some(v) => format!("{v:.1}"),
            None => "missing until December is published".to_owned(),
        },
    );
    Ok(())
}

fn unemployment() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n== Unemployment rate");
    let unrate = Series::<Month>::read_path(data("us_unemployment_rate_unrate_monthly.csv"))?;
    let hole: Vec<String> = unrate.missing().map(month_name).collect();
    println!("Months without a published value: {}", hole.join(", "));
    let show = |name: &str, s: &Series<Month>, from: Month, to: Month| {
        let cells: Vec<String> = s
            .slice(from..=to)
            .iter()
            .map(|(p, v)| match v {
                Some(v) => format!("{p} {v:.2}"),
                None => format!("{p} missing"),
            })
            .collect();
        println!("  {name:<24} {}", cells.join(", "));
    };
    let (from, to) = (Month::new(2025, 9)?, Month::new(2026, 1)?);
    show("level", &unrate, from, to);
    show("change (pp)", &unrate.chg(), from, to);
    show(
        "year-on-year change (pp)",
        &unrate.units(Units::Ch1),
        from,
        to,
    );
    show("3-month average", &unrate.rolling_mean(3)?, from, to);
    let quarterly = unrate.aggregate::<Quarter>(Aggregation::Mean);
    let q4 = Quarter::new(2025, 4)?;
    println!(
        "  2025-Q4 average: {} (two of three months); with the bar lowered to 2 months: {:.2}",
        quarterly
            .get(q4)
            .map_or("missing".to_owned(), |v| format!("{v:.2}")),
        unrate
            .aggregate_with::<Quarter>(Aggregation::Mean, 2)?
            .get(q4)
            .ok_or("no value")?,
    );
    let oct_2026 = Month::new(2026, 10)?;
    println!(
        "  The year-on-year change for {} will compare with {}, which is missing, so it will be missing too.",
        month_name(oct_2026),
        month_name(oct_2026 - 12)
    );
    Ok(())
}
