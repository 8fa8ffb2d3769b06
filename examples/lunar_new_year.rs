//! Chinese New Year in US imports from China: X-13 with a holiday regressor.
//!
//! Chinese New Year falls between January 21 and February 20. Factories close
//! for one to three weeks around it, so what China ships, and what arrives in
//! US ports about a month later, moves between January, February and March
//! from year to year. A seasonal adjustment with fixed monthly factors cannot
//! follow a holiday that moves: it leaves the holiday in the adjusted series,
//! where a February fall in an early-New-Year year reads as news.
//!
//! This example adjusts FRED IMPCH (US imports of goods from China, not
//! seasonally adjusted; `data/`, see `data/PROVENANCE.md`) from 1995 the way
//! the Census Bureau's X-13ARIMA-SEATS does, twice: a log airline model with
//! trading day, then the same model with two genhol-style Chinese New Year
//! regressors (the week before New Year to two weeks after it, when goods
//! shipped before the holiday arrive, and 25 to 54 days after it, when the
//! shutdown's missing shipments would have arrived; windows chosen by AICC in
//! `tests/fixtures/x13/story/make_cny.py`). Both runs equal the Census program's
//! to 1e-5 (`cargo test --test it x13_story`).
//!
//! It then asks how much of February's seasonally adjusted month-on-month
//! change the date of New Year explains, with and without the regressors.
//! With the `plot` feature it draws February's change year by year under
//! both adjustments (`target/charts/imports_lunar_new_year.svg`).
//!
//! Run: `cargo run --example lunar_new_year` (add `--features plot` for the
//! chart).

use chrono::Datelike;
use econseries::x13::regressors::{
    Centering, Holiday, HolidayRegressor, Regressors, Span, Variable,
};
use econseries::x13::spec::{RegressionSpec, UserType, X13Spec};
use econseries::{Month, Period, Series};

type Res<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// The spec of both runs, the regression aside: as the Census program's
/// users write it.
const SPEC: &str = "transform{function=log}\n\
                    arima{model=(0 1 1)(0 1 1)}\n\
                    forecast{maxlead=12}\n\
                    x11{}\n";

/// Chinese New Year windows, in days after New Year's day (both ends included).
const WINDOWS: [(i32, i32); 2] = [(-7, 13), (25, 54)];

fn main() -> Res {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/us_imports_goods_from_china_impch_monthly.csv"
    );
    let imports = Series::<Month>::read_path(path)?;
    let imports = imports.slice(Month::new(1995, 1)?..);
    let template = X13Spec::parse_template(SPEC)?.with_series(&imports)?;

    // The regressors cover the span and the year of forecasts.
    let span = Span::new(imports.start(), imports.len() + 12)?;
    let mut with_cny = RegressionSpec::new(Regressors::new([Variable::TradingDay]));
    for (k, (begin, end)) in WINDOWS.into_iter().enumerate() {
        let x = HolidayRegressor::new(Holiday::chinese_new_year(), begin, end)?
            .centering(Centering::Calendar)
            .values(&span)?;
        with_cny = with_cny.user(format!("cny{k}"), UserType::Holiday(1), x);
    }
    let td_only = template
        .clone()
        .regression(RegressionSpec::new(Regressors::new([Variable::TradingDay])))
        .run()?;
    let cny = template.regression(with_cny).run()?;

    let last = imports.end().ok_or("no data")?;
    println!(
        "US imports of goods from China (FRED IMPCH), {} to {last}",
        imports.start()
    );
    for (name, run) in [
        ("trading day only", &td_only),
        ("with Chinese New Year", &cny),
    ] {
        let model = run.model().ok_or("no model")?;
        println!("  {name:<22} AICC {:.1}", model.likelihood().aicc);
    }
    let model = cny.model().ok_or("no model")?;
    for c in model
        .regression()
        .iter()
        .filter(|c| c.name.starts_with("cny"))
    {
        println!(
            "    {:<5} {:+.4} (t = {:+.1})",
            c.name,
            c.estimate,
            c.t_value()
        );
    }

    // February's adjusted change against the day of the year New Year falls on.
    println!();
    println!("Seasonally adjusted change from January to February, and New Year's day:");
    println!("  year  New Year   trading day only   with Chinese New Year");
    let holiday = Holiday::chinese_new_year();
    let mut rows = Vec::new();
    for year in imports.start().year() + 1..=last.year() {
        let day = holiday.date(year).ok_or("no date")?;
        let change = |adjusted: &[f64]| -> Res<f64> {
            let feb = Month::new(year, 2)?.periods_since(imports.start()) as usize;
            Ok(100.0 * (adjusted[feb] / adjusted[feb - 1] - 1.0))
        };
        let (a, b) = (change(td_only.adjusted())?, change(cny.adjusted())?);
        println!(
            "  {year}  {}       {a:+6.1}%             {b:+6.1}%",
            day.format("%b %d")
        );
        rows.push((day.ordinal() as f64, a, b));
    }
    let days: Vec<f64> = rows.iter().map(|r| r.0).collect();
    let td: Vec<f64> = rows.iter().map(|r| r.1).collect();
    let with: Vec<f64> = rows.iter().map(|r| r.2).collect();
    println!();
    println!(
        "  correlation with New Year's date: {:+.2} trading day only, {:+.2} with the regressors",
        correlation(&days, &td),
        correlation(&days, &with)
    );
    println!(
        "  standard deviation of February's change: {:.1} and {:.1} percentage points",
        sd(&td),
        sd(&with)
    );

    #[cfg(feature = "plot")]
    {
        // February's adjusted change, year by year: with fixed monthly factors
        // it swings with the date of New Year; with the regressors it does not.
        use econseries::Year;
        use econseries::plot::Chart;
        let first = Year::new(imports.start().year() + 1)?;
        let td_feb = Series::from_values(first, td.iter().copied())?;
        let cny_feb = Series::from_values(first, with.iter().copied())?;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("imports_lunar_new_year.svg");
        Chart::new(&td_feb)
            .title("US imports from China: seasonally adjusted change from January to February")
            .units("percent")
            .bars()
            .label("X-13, trading day only")
            .compare(&cny_feb, "X-13 with Chinese New Year regressors")
            .note("Source: FRED IMPCH (not seasonally adjusted), adjusted by econseries' X-13 (equal to the Census program's).")
            .write_svg(&path)?;
        println!("  Chart: {}", path.display());
    }
    Ok(())
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

fn sd(x: &[f64]) -> f64 {
    let m = mean(x);
    (x.iter().map(|v| (v - m).powi(2)).sum::<f64>() / x.len() as f64).sqrt()
}

fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let (mx, my) = (mean(x), mean(y));
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    cov / (x.iter().map(|a| (a - mx).powi(2)).sum::<f64>()
        * y.iter().map(|b| (b - my).powi(2)).sum::<f64>())
    .sqrt()
}
