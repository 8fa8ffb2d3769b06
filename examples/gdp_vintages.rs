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
any transform or detector runs on "the data as known on date d": here the
headline sentences, the contractions and technical recessions as known on
each date, and what the technical-recession detector said over time.

Run with `cargo run --example gdp_vintages`.
*/

use chrono::NaiveDate;
use econseries::detect::{Declines, EventKind, TechnicalRecessions};
use econseries::indicator::{MeasureKind, Metadata};
use econseries::narrate::{Basis, Headline, sentences};
use econseries::vintage::VintagedSeries;
use econseries::{Quarter, Series};

fn data(file: &str) -> String {
    format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let advance =
        Series::<Quarter>::read_path(data("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv"))?;
    let revised =
        Series::<Quarter>::read_path(data("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv"))?;
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

    // The headline as a reporter would have written it on each day.
    let meta = Metadata::new("US real GDP", "US");
    let headline = Headline::new(Basis::AnnualRate);
    for day in ["2025-05-01", "2026-01-15"] {
        println!("Written on {day}:");
        let findings =
            gdp.headline_as_of(&headline, &meta, MeasureKind::Output, q1, day.parse()?)?;
        for sentence in sentences(&findings) {
            println!("  {sentence}");
        }
        let known = gdp.known_on(day.parse()?);
        let last = *known.detect(&Declines)?.last().ok_or("no contraction")?;
        let recession = known
            .detect(&TechnicalRecessions)?
            .last()
            .map_or("none".to_owned(), |r| {
                let start = r.compared_with.map_or("-".into(), |p| p.to_string());
                format!("{start}..{}", r.period)
            });
        println!(
            "  (series {}..{}; last contraction {}, previous one {}; last technical recession {recession})",
            known.series().start(),
            known.series().end().map_or("-".into(), |p| p.to_string()),
            last.period,
            last.compared_with.map_or("none".into(), |p| p.to_string()),
        );
    }
    let first = growth.first_vs_latest(q1).ok_or("not published")?;
    println!(
        "2025-Q1 first reported {:.2} on {}, now {:.2} (published {}): {:?}, revision {:+.2} pp.",
        first.first,
        first.first_published,
        first.value,
        first.published,
        first.kind(),
        first.revision()
    );

    // What the technical-recession detector said on every day.
    for (days, found) in gdp.detect_each_vintage(&TechnicalRecessions)? {
        // A recession has an event at each of its quarters from the second:
        // count the first of each.
        let n = found
            .iter()
            .filter(|e| matches!(e.kind, EventKind::TechnicalRecession { length: 2 }))
            .count();
        println!("  {days}: {n} technical recessions in the series as then known");
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
