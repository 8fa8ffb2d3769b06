/*!
US real GDP in 2025-Q1, as it was known on each day: the two FRED GDPC1
vintages shipped in `data/` (see `data/PROVENANCE.md`) built into one
vintaged series, ALFRED style.

- 30 April 2025, BEA's advance estimate: 2025-Q1 contracted at an annual rate
  of 0.3%;
- 23 December 2025 (initial estimate of 2025-Q3, after the 2025 annual
  update): 2025-Q1 is now a contraction of 0.6%.

A headline written on 1 May 2025 was fair to say −0.3%; one written in 2026
must say −0.6%. Every view of the vintaged series is an ordinary `Series`, so
any transform or detector runs on "the data as known on date d".

Run with `cargo run --example gdp_vintages`.
*/

use chrono::NaiveDate;
use econseries::vintage::VintagedSeries;
use econseries::{Quarter, Series};

fn data(file: &str) -> String {
    format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let advance =
        Series::<Quarter>::read_csv_path(data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"))?;
    let revised =
        Series::<Quarter>::read_csv_path(data("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv"))?;
    // Assumption (see tests/fixtures/vintage/PROVENANCE.md): these are the only two
    // vintages, the first current until the day before the second.
    let gdp = VintagedSeries::from_vintages([
        ("2025-04-30".parse::<NaiveDate>()?, advance),
        ("2025-12-23".parse::<NaiveDate>()?, revised),
    ])?;

    // Growth must be computed within each vintage: the first-reported rate
    // compares 2025-Q1 with 2024-Q4 as both were known on 30 April 2025.
    let growth = gdp.map_vintages(|s| s.pca());
    let q1: Quarter = "2025-Q1".parse()?;
    let first = growth.first_release().get(q1).ok_or("no first release")?;
    let now = growth.latest().get(q1).ok_or("not in the latest vintage")?;
    println!(
        "US real GDP, 2025-Q1, annualised: first reported as {first:.1}, later revised to {now:.1}."
    );

    for day in ["2025-04-29", "2025-05-01", "2025-12-22", "2026-01-15"] {
        let known = growth.as_of(day.parse()?);
        match known.get(q1) {
            Some(g) => println!(
                "  as known on {day}: {g:.1} (series ends {})",
                known.end().map_or("-".into(), |p| p.to_string())
            ),
            None => println!("  as known on {day}: not yet published"),
        }
    }

    for o in gdp.history(q1) {
        let level = o.value.map_or("missing".into(), |v| format!("{v:.3}"));
        println!(
            "  level {level} bn chained 2017 dollars, published {}",
            o.realtime
        );
    }

    // How much did the first estimates of quarterly growth move? (Periods in both vintages.)
    let stats = growth.revisions().stats()?;
    println!(
        "Revisions of annualised growth (first release minus latest) over {} quarters: \
         mean {:+.3} pp, mean absolute {:.3} pp, {} revised, {} sign changes.",
        stats.count, stats.mean, stats.mean_absolute, stats.revised, stats.sign_changes
    );
    Ok(())
}
