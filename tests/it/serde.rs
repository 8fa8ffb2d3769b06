//! Integration tests: JSON that keeps its meaning (feature `serde`). Every
//! value that serialises comes back equal, bit for bit, and what a reader
//! could take for something else (a unit, a frequency, an inconsistent
//! segmentation) is refused. Data: the shipped files.

use econseries::changepoint::{ChangePoints, Cost, Penalty, SeriesSegmentation};
use econseries::detect::{Detector, Event, Records};
use econseries::indicator::{
    ConfidenceIndex, Currency, Exports, Gdp, Imports, Indicator, MeasureKind, Metadata, Neutral,
    PriceBasis, Scale, SeasonalAdjustment, TradeBalance,
};
use econseries::narrate::{Basis, Findings, Headline};
use econseries::seasonal::{Decomposition, HpFilter, Stl, TrendCycle};
use econseries::{Error, Month, NaiveDate, Percent, PercentagePoints, Quarter, Series, Year};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::fixtures::data;

/// JSON and back, equal.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(x: &T) -> String {
    let json = serde_json::to_string(x).expect("serialise");
    let back: T = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(&back, x, "{json}");
    json
}

fn us_china(name: &str) -> Metadata {
    Metadata::new(name, "US")
        .with_partner("CN")
        .with_currency(Currency::USD)
        .with_scale(Scale::Millions)
        .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
        .with_annual_rate(false)
        .with_source("US Census Bureau via FRED (IMPCH)")
        .with_vintage(NaiveDate::from_ymd_opt(2026, 1, 15).expect("date"))
}

#[test]
fn series_carry_their_unit() {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let json = round_trip(&imports);
    assert!(
        json.starts_with(r#"{"frequency":"monthly","unit":"level","#),
        "{json}"
    );
    let yoy = imports.pc1();
    let json = round_trip(&yoy);
    assert!(json.contains(r#""unit":"percent""#));
    // A growth rate does not come back as percentage points, nor as levels.
    let e = serde_json::from_str::<Series<Month, PercentagePoints>>(&json).unwrap_err();
    assert!(
        e.to_string()
            .contains("unit mismatch: expected percentage_points, found percent"),
        "{e}"
    );
    assert!(serde_json::from_str::<Series<Month>>(&json).is_err());
    // A change of a rate keeps its points.
    round_trip(&yoy.chg());
    // The form written before the unit: levels.
    let old = r#"{"frequency":"monthly","start":"2025-01","values":[1.5,null]}"#;
    let s: Series<Month> = serde_json::from_str(old).expect("levels");
    assert_eq!(s.get(Month::new(2025, 1).expect("month")), Some(1.5));
    assert!(serde_json::from_str::<Series<Month, Percent>>(old).is_err());
    assert!(serde_json::from_str::<Series<Quarter>>(old).is_err());
    // Through the library's reader: an AnySeries is levels.
    let any = econseries::AnySeries::read(
        json.as_bytes(),
        &econseries::io::ReadOptions::new().format(econseries::io::Format::Json),
    );
    assert!(matches!(any, Err(Error::UnitMismatch { .. })), "{any:?}");
}

#[test]
fn indicators_round_trip_with_their_metadata() {
    let imports = Imports::new(
        data::<Month>("us_imports_goods_from_china_impch_monthly"),
        us_china("US imports of goods from China"),
    )
    .expect("imports");
    let json = round_trip(&imports);
    for field in [
        r#""currency":"USD""#,
        r#""scale":"millions""#,
        r#""partner":"CN""#,
        r#""annual_rate":false"#,
        r#""vintage":"2026-01-15""#,
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
    let exports = Exports::new(
        data::<Month>("us_exports_goods_to_china_census_monthly_2024_2026"),
        us_china("US exports of goods to China"),
    )
    .expect("exports");
    round_trip(&exports);
    let recent = Imports::new(
        imports
            .as_plain_series()
            .slice(Month::new(2024, 1).expect("m")..),
        imports.metadata().clone(),
    )
    .expect("imports");
    round_trip(&TradeBalance::new(&exports, &recent).expect("balance"));
    let gdp = Gdp::new(
        data::<Quarter>("us_real_gdp_gdpc1_quarterly_1980_2025q3"),
        Metadata::new("US real GDP", "US")
            .with_currency(Currency::USD)
            .with_scale(Scale::Billions)
            .with_price_basis(PriceBasis::Chained {
                reference_year: Year::new(2017).expect("year"),
            })
            .with_annual_rate(true),
    )
    .expect("gdp");
    let json = round_trip(&gdp);
    assert!(
        json.contains(r#""price_basis":{"type":"chained","reference_year":"2017"}"#),
        "{json}"
    );
    let umich = ConfidenceIndex::new(
        data::<Month>("umich_consumer_sentiment_umcsent_monthly_1980_2025-11"),
        Metadata::new("Consumer sentiment", "US"),
        Neutral::BasePeriod100,
    )
    .expect("index");
    round_trip(&umich);
    let pmi = Indicator::new(
        Series::from_values(Month::new(2025, 1).expect("m"), [49.0, 50.5]).expect("s"),
        Metadata::new("PMI", "US"),
        MeasureKind::Index {
            neutral: Neutral::Custom(50.0),
        },
    )
    .expect("pmi");
    round_trip(&pmi);
    // Read back through the constructors: a trade flow needs a currency.
    let stripped = json_without(&serde_json::to_string(&imports).expect("json"), "currency");
    let e = serde_json::from_str::<Imports<Month>>(&stripped).unwrap_err();
    assert!(e.to_string().contains("currency"), "{e}");
    // A non-finite neutral level is refused.
    let bad = r#"{"metadata":{"name":"x","area":"US"},"neutral":{"custom":1e999},"series":{"frequency":"monthly","start":"2025-01","values":[1.0]}}"#;
    assert!(serde_json::from_str::<ConfidenceIndex<Month>>(bad).is_err());
}

/// `json` with the object member `key` removed (a serde_json round trip).
fn json_without(json: &str, key: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(json).expect("json");
    if let Some(meta) = v.get_mut("metadata").and_then(|m| m.as_object_mut()) {
        meta.remove(key);
    }
    v.to_string()
}

#[test]
fn events_findings_and_segmentations_round_trip() {
    let yoy = data::<Month>("us_imports_goods_from_china_impch_monthly").pc1();
    let events: Vec<Event<Month>> = Records::low().detect(&yoy).expect("records");
    round_trip(&events);
    let imports = Imports::new(
        data::<Month>("us_imports_goods_from_china_impch_monthly"),
        us_china("US imports of goods from China"),
    )
    .expect("imports");
    let findings: Findings<Month> = Headline::new(Basis::YearOnYear)
        .findings(&imports, Month::new(2025, 5).expect("m"))
        .expect("findings");
    round_trip(&findings);

    let cp = ChangePoints::new(Cost::Mean)
        .penalty(Penalty::Bic)
        .min_size(12);
    let seg = cp.segment(&yoy).expect("segmentation");
    assert!(!seg.periods().is_empty());
    let json = round_trip(&seg);
    round_trip(seg.segmentation());
    round_trip(&cp.detect(&yoy).expect("shifts"));
    // An edited segmentation (a change moved) is refused, not trusted.
    let mut v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let first = v["segmentation"]["changes"][0].as_u64().expect("a change");
    v["segmentation"]["changes"][0] = serde_json::Value::from(first + 1);
    assert!(serde_json::from_value::<SeriesSegmentation<Month>>(v).is_err());
}

#[test]
fn decompositions_round_trip() {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let stl: Decomposition<Month> = Stl::new().robust(true).fit(&imports).expect("stl");
    round_trip(&stl);
    let gdp = data::<Quarter>("us_real_gdp_gdpc1_quarterly_1980_2025q3");
    let hp: TrendCycle<Quarter> = HpFilter::new().apply(&gdp).expect("hp");
    let json = round_trip(&hp);
    // Components of different spans are refused.
    let mut v: serde_json::Value = serde_json::from_str(&json).expect("json");
    v["cycle"]["start"] = serde_json::Value::from("1990-Q1");
    assert!(serde_json::from_value::<TrendCycle<Quarter>>(v).is_err());
}
