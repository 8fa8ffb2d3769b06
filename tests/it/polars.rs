//! Integration tests: polars interop (feature `polars`).

use econseries::io::ReadOptions;
use econseries::{AnySeries, Month, Quarter, Series, Year};

fn data(file: &str) -> String {
    format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"))
}

/// Every shipped numeric data file survives Series → DataFrame → Series unchanged
/// (values bit for bit, missing stays missing), and the frame has one row per
/// period with nulls exactly where values are missing.
#[test]
fn every_data_file_round_trips_through_a_dataframe() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::fs::read_dir(format!("{}/data", env!("CARGO_MANIFEST_DIR")))?;
    let mut files = 0;
    for entry in dir {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // The NBER files hold the words peak/trough, not numbers.
        if !name.ends_with(".csv") || name.starts_with("nber_turning_points_") {
            continue;
        }
        files += 1;
        match AnySeries::read(std::fs::File::open(&path)?, &ReadOptions::new())? {
            AnySeries::Monthly(s) => check(&s)?,
            AnySeries::Quarterly(s) => check(&s)?,
            AnySeries::Annual(s) => check(&s)?,
            other => panic!("unexpected frequency {:?}", other.frequency()),
        }
    }
    assert!(files >= 15, "only {files} data files found");
    Ok(())
}

fn check<P: econseries::Period>(s: &Series<P>) -> Result<(), Box<dyn std::error::Error>> {
    let df = s.to_dataframe()?;
    assert_eq!(df.height(), s.len());
    let nulls = df.column("value")?.null_count();
    assert_eq!(nulls, s.len() - s.count());
    let back = Series::<P>::from_dataframe(&df, "date", "value")?;
    assert_eq!(back.start(), s.start());
    for ((p, a), (_, b)) in s.iter().zip(back.iter()) {
        assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{p}");
    }
    Ok(())
}

/// Dates in a frame are the first day of each period (FRED's convention).
#[test]
fn dates_are_first_days() -> Result<(), Box<dyn std::error::Error>> {
    let gdp = Series::<Quarter>::read_path(data("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv"))?;
    let df = gdp.to_dataframe_named("observation_date", "GDPC1")?;
    let dates: Vec<_> = df
        .column("observation_date")?
        .date()?
        .as_date_iter()
        .collect();
    assert_eq!(
        dates.first().copied().flatten().map(|d| d.to_string()),
        Some("1980-01-01".into())
    );
    assert_eq!(
        dates.last().copied().flatten().map(|d| d.to_string()),
        Some("2025-07-01".into())
    );
    // Quarterly first days are also first days of months, so a quarterly frame
    // read as monthly gives a monthly series with the two other months of each
    // quarter missing (never a value in the wrong month); the reverse, monthly
    // dates read as quarters or years, is an error.
    let monthly = Series::<Month>::from_dataframe(&df, "observation_date", "GDPC1")?;
    assert_eq!(monthly.count(), gdp.count());
    let unrate = Series::<Month>::read_path(data("us_unemployment_rate_unrate_monthly.csv"))?;
    let df = unrate.to_dataframe()?;
    assert!(Series::<Quarter>::from_dataframe(&df, "date", "value").is_err());
    assert!(Series::<Year>::from_dataframe(&df, "date", "value").is_err());
    Ok(())
}
