//! What a user of the crate writes, through the public API only (this is a
//! separate crate from the library): the things that must compile, and
//! give the numbers they should. The things that must not compile are the
//! `compile_fail` examples of the library's documentation.

use econseries::changepoint::{ChangePoints, Cost, Penalty};
use econseries::prelude::*;

/// Source: Census via FRED IMPCH (the shipped file): May 2025 against May
/// 2024, in billions.
#[test]
fn arithmetic_between_series_and_units() -> Result<(), Box<dyn std::error::Error>> {
    let imports = crate::fixtures::data::<Month>("us_imports_goods_from_china_impch_monthly");
    let may = Month::new(2025, 5)?;
    // Millions to billions, through an operator and through map.
    let bn = &imports / 1000.0;
    assert_eq!(bn, imports.map(|x| x / 1000.0));
    // Growth minus growth is in percentage points.
    let yoy: Series<Month, Percent> = imports.pc1();
    let pop: Series<Month, Percent> = imports.pch();
    let gap: Series<Month, PercentagePoints> = &yoy - &pop;
    let want = yoy.get(may).ok_or("yoy")?.get() - pop.get(may).ok_or("pop")?.get();
    assert_eq!(gap.get(may).map(|g| g.get()), Some(want));
    // A percentage's change is in percentage points too.
    let change: Series<Month, PercentagePoints> = yoy.chg();
    assert!(change.get(may).is_some());
    // Scalars: Percent + Percent is a Percent, their difference points.
    let a = Percent::new(2.5)?;
    let b = Percent::new(1.5)?;
    assert_eq!(a + b, Percent::new(4.0)?);
    assert_eq!(a - b, PercentagePoints::new(1.0)?);
    assert!(
        Percent::new(f64::MAX)?
            .checked_add(Percent::new(f64::MAX)?)
            .is_err()
    );
    // zip_with over the common span, missing propagated.
    let share = imports.zip_with(&bn, |m, b| m / b);
    assert_eq!(share.get(may), Some(1000.0));
    Ok(())
}

#[test]
fn from_pairs_infers_the_unit_with_none() -> Result<()> {
    let jan = Month::new(2025, 1)?;
    let s = Series::from_pairs([(jan, Some(1.5)), (jan + 2, None), (jan + 1, Some(2.0))])?;
    assert_eq!(s.values().collect::<Vec<_>>(), [Some(1.5), Some(2.0), None]);
    assert_eq!(s.last(), Some((jan + 1, 2.0)));
    let p = Series::from_pairs([(jan, Some(Percent::new(1.0)?)), (jan + 1, None)])?;
    assert_eq!(p.first(), Some((jan, Percent::new(1.0)?)));
    Ok(())
}

/// Change points on a year-on-year growth series: its first year is missing
/// (no year-earlier value), which is trimmed, not an error. Source: the
/// shipped IMPCH file; the change is checked against the growth rates.
#[test]
fn change_points_on_a_growth_series() -> Result<(), Box<dyn std::error::Error>> {
    let imports = crate::fixtures::data::<Month>("us_imports_goods_from_china_impch_monthly");
    let yoy = imports.pc1();
    assert_eq!(yoy.get(yoy.start()), None, "the first year has no growth");
    let cp = ChangePoints::new(Cost::Mean)
        .penalty(Penalty::Bic)
        .min_size(12);
    let shifts = cp.detect(&yoy)?;
    assert!(!shifts.is_empty());
    for e in &shifts {
        let EventKind::Shift { before, after, .. } = e.kind else {
            return Err("not a shift".into());
        };
        assert!(yoy.get(e.period).is_some());
        assert_ne!(before.mean, after.mean);
    }
    // The same through the indicator, typed.
    let imp = Imports::new(
        imports,
        Metadata::new("US imports of goods from China", "US").with_currency(Currency::USD),
    )?;
    assert_eq!(cp.detect(&imp.yoy())?, shifts);
    Ok(())
}

/// Typed indicators convert to `Indicator` by reference, and detectors are
/// methods of them; the escape hatch is named.
#[test]
fn indicators_by_reference_and_their_detectors() -> Result<(), Box<dyn std::error::Error>> {
    let gdp = Gdp::new(
        crate::fixtures::data::<Quarter>("us_real_gdp_gdpc1_quarterly_1980_2025q3"),
        Metadata::new("US real GDP", "US")
            .with_price_basis(econseries::indicator::PriceBasis::Nominal)
            .with_annual_rate(true),
    )?;
    let general: Indicator<Quarter> = (&gdp).into();
    assert_eq!(general.kind(), MeasureKind::Output);
    let q1 = Quarter::new(2025, 1)?;
    let text = Headline::new(Basis::AnnualRate).sentences(&gdp, q1)?;
    assert!(
        text[0].starts_with("US real GDP contracted at a 0.6% annual rate"),
        "{text:?}"
    );
    assert_eq!(gdp.contractions(), gdp.detect(&Declines)?);
    assert!(!gdp.technical_recessions().is_empty());
    assert_eq!(gdp.last().map(|(p, _)| p), Some(Quarter::new(2025, 3)?));
    assert!(gdp.as_plain_series().rolling_mean(4)?.count() > 0);
    let annual = gdp.annual()?;
    assert!(annual.get(econseries::Year::new(2024)?).is_some());
    let date: NaiveDate = "2025-04-30".parse()?;
    assert_eq!(date.to_string(), "2025-04-30");
    Ok(())
}

/// An indicator with its metadata through JSON and back, equal, with its
/// unit and frequency checked on the way in.
#[cfg(feature = "serde")]
#[test]
fn an_indicator_round_trips_through_json() -> Result<(), Box<dyn std::error::Error>> {
    let imports = Imports::new(
        crate::fixtures::data::<Month>("us_imports_goods_from_china_impch_monthly"),
        Metadata::new("US imports of goods from China", "US")
            .with_partner("CN")
            .with_currency(Currency::USD)
            .with_scale(Scale::Millions)
            .with_annual_rate(false),
    )?;
    let json = serde_json::to_string(&imports)?;
    let back: Imports<Month> = serde_json::from_str(&json)?;
    assert_eq!(back, imports);
    assert!(serde_json::from_str::<Imports<Quarter>>(&json).is_err());
    let yoy = serde_json::to_string(&imports.yoy())?;
    assert!(serde_json::from_str::<Series<Month, PercentagePoints>>(&yoy).is_err());
    Ok(())
}
