/*!
US imports of goods from China in 2025: raw versus seasonally adjusted
month-on-month changes.

Census publishes imports from China (FRED `IMPCH`) not seasonally adjusted, so
a raw month-on-month change mostly measures the calendar: every year imports
drop after the Lunar New Year and climb into the autumn. This example

- measures how seasonal the series is (STL seasonal strength),
- adjusts it with a robust, multiplicative STL (the seasonal swing grows with
  the level) whose seasonal window spans 13 years: with statsmodels' default
  of 7 the seasonal factors bend towards the last year and absorb part of
  the 2025 tariff shock (the May and June factors fall from about 0.93 in
  2023 to 0.8), which would hide the very fall the adjustment should show,
- prints raw and adjusted month-on-month changes for 2025 side by side,
- and compares January–February 2025 with January–February 2024 as China's
  customs would, the two months combined so the holiday's date does not
  matter.

Data: `data/us_imports_goods_from_china_impch_monthly.csv` (see
`data/PROVENANCE.md`). Run with `cargo run --example seasonal_adjustment`.
*/

use econseries::seasonal::{JanFebPeriod, JanFebSeries, Model, Stl};
use econseries::{Month, Period, Series};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = format!(
        "{}/data/us_imports_goods_from_china_impch_monthly.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let imports = Series::<Month>::read_path(path)?;

    let fit = Stl::new()
        .model(Model::Multiplicative)
        .seasonal(13)
        .robust(true)
        .fit(&imports)?;
    println!(
        "US imports of goods from China (Census, NSA), {} to {}",
        imports.start(),
        imports.end().ok_or("empty series")?
    );
    println!(
        "Seasonal strength {:.2} (0 = none, 1 = all seasonal), trend strength {:.2}\n",
        fit.seasonal_strength(),
        fit.trend_strength()
    );

    let adjusted = fit.adjusted();
    let raw_mom = imports.pch();
    let sa_mom = adjusted.pch();
    println!(
        "{:<8} {:>10} {:>9} {:>10} {:>9} {:>8}",
        "month", "raw $m", "raw m/m", "SA $m", "SA m/m", "factor"
    );
    let dec = Month::new(2024, 12)?;
    for i in 1..=12 {
        let m = dec.checked_add(i)?;
        let (Some(raw), Some(sa), Some(factor)) =
            (imports.get(m), adjusted.get(m), fit.seasonal().get(m))
        else {
            continue;
        };
        let pct = |p: Option<econseries::Percent>| match p {
            Some(p) => format!("{:+.1}%", p.get()),
            None => "n/a".to_owned(),
        };
        println!(
            "{:<8} {:>10.0} {:>9} {:>10.0} {:>9} {:>8.3}",
            m.to_string(),
            raw,
            pct(raw_mom.get(m)),
            sa,
            pct(sa_mom.get(m)),
            factor
        );
    }

    let combined = JanFebSeries::from_monthly(&imports);
    let jf = JanFebPeriod::jan_feb(2025)?;
    let yoy = combined.yoy();
    let single = imports.pc1();
    let show = |p: Option<econseries::Percent>| {
        p.map_or("n/a".to_owned(), |p| format!("{:+.1}%", p.get()))
    };
    println!(
        "\nJanuary–February 2025 combined: ${:.0}m, {} year on year (January alone {}, February alone {})",
        combined.get(jf).ok_or("missing Jan-Feb 2025")?,
        show(yoy.get(jf)),
        show(single.get(Month::new(2025, 1)?)),
        show(single.get(Month::new(2025, 2)?)),
    );
    Ok(())
}
