//! Integration tests: indicator.
//!
//! Data come from the shipped files in `data/` (provenance in
//! `data/PROVENANCE.md`), read with the few lines of std code below so that
//! these tests do not depend on the `io` module.

use std::fs;
use std::path::Path;

use econseries::Attribute;
use econseries::indicator::{
    ConfidenceIndex, Currency, Exports, Gdp, Imports, Indicator, MeasureKind, Metadata, Neutral,
    PriceBasis, Scale, SeasonalAdjustment, TradeBalance,
};
use econseries::{
    Error, IndexPoints, Month, Percent, PercentagePoints, Period, Quarter, Series, Year,
};

/// A `period,value` file from `data/`; an empty value is missing.
fn load<P: Period>(file: &str) -> Series<P> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(file);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("period,value"), "{file}");
    let pairs = lines.filter(|l| !l.trim().is_empty()).map(|line| {
        let (p, v) = line
            .split_once(',')
            .unwrap_or_else(|| panic!("{file}: {line:?}"));
        let v = v.trim();
        let v = (!v.is_empty()).then(|| {
            v.parse::<f64>()
                .unwrap_or_else(|e| panic!("{file}: {line:?}: {e}"))
        });
        (
            p.trim()
                .parse::<P>()
                .unwrap_or_else(|e| panic!("{file}: {line:?}: {e}")),
            v,
        )
    });
    Series::from_pairs(pairs).unwrap()
}

/// Column `column` of a reference fixture in `tests/fixtures/` (first line a
/// `# source:` comment, then a header row); an empty field is missing.
fn fixture_column<P: Period>(file: &str, column: &str) -> Vec<(P, Option<f64>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = header.iter().position(|h| *h == column).unwrap();
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            let v = fields[col];
            (
                fields[0].parse::<P>().unwrap(),
                (!v.is_empty()).then(|| v.parse::<f64>().unwrap()),
            )
        })
        .collect()
}

/// Asserts `|got − want| <= tol`, naming `what` on failure.
#[track_caller]
fn assert_close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (tolerance {tol})"
    );
}

/// Compares a result with a fixture column value: both missing, or both
/// present and within `rel` relative tolerance (the fixtures README suggests
/// 1e-10).
#[track_caller]
fn assert_matches_fixture(got: Option<f64>, want: Option<f64>, rel: f64, what: &str) {
    match (got, want) {
        (Some(g), Some(w)) => assert_close(g, w, rel * w.abs().max(1.0), what),
        (g, w) => assert_eq!(g, w, "{what}"),
    }
}

fn m(year: i32, month: u32) -> Month {
    Month::new(year, month).unwrap()
}

fn q(year: i32, quarter: u32) -> Quarter {
    Quarter::new(year, quarter).unwrap()
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn us_china(name: &str) -> Metadata {
    Metadata::new(name, "US")
        .with_partner("CN")
        .with_currency(Currency::USD)
        .with_scale(Scale::Millions)
        .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
}

fn us_china_trade() -> (Exports<Month>, Imports<Month>) {
    let exports = Exports::new(
        load("us_exports_goods_to_china_census_monthly_2024_2026.csv"),
        us_china("US exports of goods to China").with_source("US Census Bureau, c5700"),
    )
    .unwrap();
    let imports = Imports::new(
        load("us_imports_goods_from_china_impch_monthly.csv"),
        us_china("US imports of goods from China").with_source("US Census Bureau via FRED (IMPCH)"),
    )
    .unwrap();
    (exports, imports)
}

fn real_gdp(file: &str) -> Gdp<Quarter> {
    let meta = Metadata::new("US real GDP", "US")
        .with_currency(Currency::USD)
        .with_scale(Scale::Billions)
        .with_price_basis(PriceBasis::Chained {
            reference_year: Year::new(2017).unwrap(),
        })
        .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
        .with_annual_rate(true);
    Gdp::new(load(file), meta).unwrap()
}

fn nominal_gdp() -> Gdp<Quarter> {
    let meta = Metadata::new("US GDP", "US")
        .with_currency(Currency::USD)
        .with_scale(Scale::Billions)
        .with_price_basis(PriceBasis::Nominal)
        .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
        .with_annual_rate(true);
    Gdp::new(load("us_nominal_gdp_quarterly_1980_2025q3.csv"), meta).unwrap()
}

fn unemployment_rate() -> Indicator<Month> {
    let meta = Metadata::new("US unemployment rate", "US")
        .with_seasonal_adjustment(SeasonalAdjustment::Adjusted)
        .with_source("BLS via FRED (UNRATE)");
    Indicator::new(
        load("us_unemployment_rate_unrate_monthly.csv"),
        meta,
        MeasureKind::Rate,
    )
    .unwrap()
}

/// Source: US Census Bureau, trade in goods with China (c5700; exports as
/// transcribed 2026-03, imports via FRED IMPCH): May 2025 exports 6,553.3,
/// imports 20,493.855247 (millions of dollars, NSA).
#[test]
fn us_china_trade_balance() {
    let (exports, imports) = us_china_trade();
    let balance = TradeBalance::new(&exports, &imports).unwrap();

    // Common periods only: exports run to 2026-01, imports to 2025-12.
    assert_eq!(balance.start(), m(2024, 1));
    assert_eq!(balance.end(), Some(m(2025, 12)));
    assert_eq!(balance.observations().count(), 24);
    assert_eq!(balance.get(m(2025, 5)), Some(6553.3 - 20493.855247));
    assert!(
        balance.observations().all(|(_, b)| b < 0.0),
        "a deficit every month"
    );

    let meta = balance.metadata();
    assert_eq!(meta.name(), "trade balance");
    assert_eq!((meta.area(), meta.partner()), ("US", Some("CN")));
    assert_eq!(
        (meta.currency(), meta.scale()),
        (Some(Currency::USD), Scale::Millions)
    );
    assert_eq!(meta.source(), None, "the two sources differ");

    // Year-on-year change of the balance, in millions of dollars.
    let may24 = balance.get(m(2024, 5)).unwrap();
    let want = (6553.3 - 20493.855247) - may24;
    let got = balance.yoy_change().get(m(2025, 5)).unwrap();
    assert_close(got, want, 1e-9, "balance yoy change 2025-05");
    assert_eq!(balance.yoy_change().get(m(2024, 12)), None, "no 2023 data");
}

/// Source: Census/FRED IMPCH; the press reported "US imports of goods from
/// China fell 41.4% year on year in May 2025" (DESIGN.md's story).
#[test]
fn us_imports_from_china_yoy_may_2025() {
    let (_, imports) = us_china_trade();
    let yoy: Series<Month, Percent> = imports.yoy();
    let may = yoy.get(m(2025, 5)).map(Percent::get);
    assert_eq!(may.map(round1), Some(-41.4));
    assert_eq!(yoy.get(m(1985, 12)), None, "no 1984 data");
}

/// Source: pandas reference `tests/fixtures/aggregate_us_imports_goods_from_china_impch_monthly_to_a.csv`
/// (column `sum`, complete years only).
#[test]
fn imports_aggregate_to_years_by_sum() {
    let (_, imports) = us_china_trade();
    // Census' monthly trade is not at an annual rate, but that must be said:
    // the metadata of `us_china` does not.
    assert!(matches!(
        imports.aggregate::<Year>(),
        Err(econseries::Error::InvalidMetadata {
            attribute: econseries::Attribute::AnnualRate,
            ..
        })
    ));
    let (s, meta) = imports.into_parts();
    let imports = Imports::new(s, meta.with_annual_rate(false)).unwrap();
    let annual: Imports<Year> = imports.aggregate().unwrap();
    let want = fixture_column::<Year>(
        "aggregate_us_imports_goods_from_china_impch_monthly_to_a.csv",
        "sum",
    );
    assert_eq!(annual.as_plain_series().len(), want.len());
    for (y, w) in want {
        assert_matches_fixture(annual.get(y), w, 1e-10, &y.to_string());
    }
}

/// Incompatible metadata is a typed error naming the attribute.
#[test]
fn trade_balance_incompatible_attributes() {
    let (exports, imports) = us_china_trade();
    let (x, x_meta) = exports.into_parts();
    let exports_with = |meta: Metadata| Exports::new(x.clone(), meta).unwrap();
    let cases = [
        (Attribute::Area, x_meta.clone().with_area("CN"), "CN", "US"),
        (
            Attribute::Partner,
            x_meta.clone().with_partner("JP"),
            "JP",
            "CN",
        ),
        (
            Attribute::Currency,
            x_meta.clone().with_currency(Currency::CNY),
            "CNY",
            "USD",
        ),
        (
            Attribute::Scale,
            x_meta.clone().with_scale(Scale::Billions),
            "billions",
            "millions",
        ),
        (
            Attribute::PriceBasis,
            x_meta.clone().with_price_basis(PriceBasis::Nominal),
            "nominal",
            "none",
        ),
        (
            Attribute::SeasonalAdjustment,
            x_meta
                .clone()
                .with_seasonal_adjustment(SeasonalAdjustment::Adjusted),
            "seasonally adjusted",
            "not seasonally adjusted",
        ),
        (
            Attribute::AnnualRate,
            x_meta.clone().with_annual_rate(true),
            "true",
            "none",
        ),
    ];
    for (attribute, meta, l, r) in cases {
        match TradeBalance::new(&exports_with(meta), &imports) {
            Err(Error::Incompatible {
                attribute: a,
                left,
                right,
            }) => {
                assert_eq!((a, &*left, &*right), (attribute, l, r));
            }
            other => panic!("{attribute}: {other:?}"),
        }
    }
    let e = TradeBalance::new(&exports_with(x_meta.with_currency(Currency::CNY)), &imports)
        .unwrap_err();
    assert_eq!(e.to_string(), "incompatible currency: CNY vs USD");
}

/// A trade flow needs a currency.
#[test]
fn trade_flow_without_currency() {
    let s: Series<Month> = load("us_imports_goods_from_china_impch_monthly.csv");
    let e = Imports::new(s, Metadata::new("imports", "US")).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidMetadata {
                attribute: econseries::Attribute::Currency,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "currency must be set for a trade flow, found none"
    );
}

/// Source: BEA via FRED GDPC1. Advance estimate (2025-04-30): "real GDP
/// decreased at an annual rate of 0.3 percent" in 2025Q1; after the 2025
/// annual update: −0.6 (PROVENANCE.md).
#[test]
fn gdp_annualized_growth_two_vintages() {
    let advance = real_gdp("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv");
    let revised = real_gdp("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv");
    let g = |gdp: &Gdp<Quarter>| {
        gdp.annualized_growth()
            .get(q(2025, 1))
            .map(Percent::get)
            .map(round1)
    };
    assert_eq!(g(&advance), Some(-0.3));
    assert_eq!(g(&revised), Some(-0.6));
    // 2025Q2 of the revised vintage (FRED A191RL1Q225SBEA: 3.8).
    let q2 = revised
        .annualized_growth()
        .get(q(2025, 2))
        .map(Percent::get)
        .map(round1);
    assert_eq!(q2, Some(3.8));
    // q/q not annualized is about a quarter of it (compounding aside).
    let pch = revised.pch().get(q(2025, 1)).map(Percent::get).unwrap();
    assert_close(pch, -0.16, 0.01, "q/q 2025Q1");
}

/// Source: the published growth series FRED A191RL1Q225SBEA (one decimal,
/// 2026 vintage) against the growth implied by the same vintage of GDPC1.
/// BEA computes from unrounded levels, so the two can differ in the rounding
/// (2025Q3: 4.34 from the published levels, 4.4 published): within 0.1.
#[test]
fn gdp_annualized_growth_matches_published_rates() {
    let revised = real_gdp("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv");
    let published: Series<Quarter> = load("us_real_gdp_growth_a191rl1q225sbea_2020q1_2025q4.csv");
    let growth = revised.annualized_growth();
    let mut checked = 0;
    for (p, want) in published.slice(..=q(2025, 3)).observations() {
        let got = growth.get(p).map(Percent::get).unwrap_or(f64::NAN);
        assert_close(got, want, 0.1, &p.to_string());
        checked += 1;
    }
    assert_eq!(checked, 23);
    assert_eq!(growth.get(q(2025, 4)), None, "beyond the levels");
}

/// Source: pandas reference `tests/fixtures/aggregate_us_real_gdp_gdpc1_quarterly_1947_2025q1_to_a.csv`
/// (column `mean`): SAAR quarters average to the calendar year.
#[test]
fn gdp_annual_is_mean_of_saar_quarters() {
    let gdp = real_gdp("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv");
    let annual = gdp.annual().unwrap();
    assert_eq!(annual.metadata().annual_rate(), Some(true));
    let want = fixture_column::<Year>(
        "aggregate_us_real_gdp_gdpc1_quarterly_1947_2025q1_to_a.csv",
        "mean",
    );
    for (y, w) in &want {
        assert_matches_fixture(annual.get(*y), *w, 1e-10, &y.to_string());
    }
    assert_eq!(annual.get(Year::new(2025).unwrap()), None, "only 2025Q1");
    // The same data declared not at an annual rate sum instead.
    let (s, meta) = gdp.into_parts();
    let summed = Gdp::new(s, meta.with_annual_rate(false))
        .unwrap()
        .annual()
        .unwrap();
    let y2024 = Year::new(2024).unwrap();
    let want_sum = fixture_column::<Year>(
        "aggregate_us_real_gdp_gdpc1_quarterly_1947_2025q1_to_a.csv",
        "sum",
    )
    .into_iter()
    .find(|(y, _)| *y == y2024)
    .and_then(|(_, v)| v)
    .unwrap();
    assert_matches_fixture(summed.get(y2024), Some(want_sum), 1e-10, "2024 sum");
}

/// Source: BEA via FRED (GDP, GDPC1, same download). Real GDP is in chained
/// 2017 dollars, so the implicit deflator averages about 100 over 2017.
#[test]
fn gdp_deflator_averages_100_in_2017() {
    let nominal = nominal_gdp();
    let real = real_gdp("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv");
    let deflator = nominal.deflator(&real).unwrap();
    assert_eq!(deflator.start(), q(1980, 1));
    assert_eq!(deflator.count(), 183);
    let y2017: Vec<f64> = deflator
        .slice(q(2017, 1)..=q(2017, 4))
        .observations()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(y2017.len(), 4);
    let mean = y2017.iter().sum::<f64>() / 4.0;
    assert_close(mean, 100.0, 0.01, "deflator, 2017 average");
    // Independent spot check: 2025Q3.
    let want = 100.0 * 31095.089 / 24024.957;
    assert_close(
        deflator.get(q(2025, 3)).unwrap(),
        want,
        1e-9,
        "deflator 2025Q3",
    );
}

/// The deflator checks price bases and units.
#[test]
fn gdp_deflator_refuses_wrong_pairs() {
    let nominal = nominal_gdp();
    let real = real_gdp("us_real_gdp_gdpc1_quarterly_1980_2025q3.csv");
    let e = real.deflator(&nominal).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidMetadata {
                attribute: econseries::Attribute::PriceBasis,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "price basis must be nominal for the numerator of a deflator, found chained (reference year 2017)"
    );
    let e = nominal.deflator(&nominal).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidMetadata {
                attribute: econseries::Attribute::PriceBasis,
                ..
            }
        ),
        "{e}"
    );
    let e = nominal
        .deflator(&real.clone().rescaled(Scale::Millions))
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Incompatible {
                attribute: econseries::Attribute::Scale,
                ..
            }
        ),
        "{e}"
    );
    let (s, meta) = real.into_parts();
    let real_eur = Gdp::new(s, meta.with_currency(Currency::EUR)).unwrap();
    let e = nominal.deflator(&real_eur).unwrap_err();
    assert_eq!(e.to_string(), "incompatible currency: USD vs EUR");
}

/// Source: University of Michigan via FRED UMCSENT (1966Q1 = 100):
/// 2025-10 = 53.6, 2025-11 = 51.0.
#[test]
fn umich_sentiment_against_its_base_level() {
    let meta = Metadata::new("University of Michigan consumer sentiment", "US")
        .with_seasonal_adjustment(SeasonalAdjustment::NotAdjusted)
        .with_source("University of Michigan via FRED (UMCSENT)");
    let umich = ConfidenceIndex::new(
        load("umich_consumer_sentiment_umcsent_monthly_1980_2025-11.csv"),
        meta,
        Neutral::BasePeriod100,
    )
    .unwrap();
    let nov = m(2025, 11);
    assert_eq!(umich.above_neutral(nov), Some(false));
    assert_eq!(umich.above_neutral(m(2025, 12)), None, "beyond the data");
    assert_eq!(
        umich.gap_to_neutral().get(nov),
        Some(IndexPoints::new(51.0 - 100.0).unwrap())
    );
    assert_eq!(
        umich.gap_to_neutral().get(nov).map(|g| round1(g.get())),
        Some(-49.0)
    );
    let change: Series<Month, IndexPoints> = umich.change();
    let d = change.get(nov).unwrap().get();
    assert_close(d, -2.6, 1e-9, "change 2025-11");
    assert_eq!(format!("{:.1}", change.get(nov).unwrap()), "-2.6 points");
    let yoy = umich.yoy_change().get(nov).unwrap().get();
    let want = 51.0 - umich.get(m(2024, 11)).unwrap();
    assert_close(yoy, want, 1e-9, "yoy change 2025-11");
}

/// Source: OECD via FRED CSCICP03USM665S (normalised, long-term average =
/// 100). Standardised over its whole span, the index has mean 100 and sample
/// standard deviation 10, checked by an independent (Welford) computation.
#[test]
fn oecd_confidence_standardized_over_full_span() {
    let oecd = ConfidenceIndex::new(
        load("oecd_consumer_confidence_us_cscicp03usm665s_monthly.csv"),
        Metadata::new("OECD consumer confidence, US", "US")
            .with_seasonal_adjustment(SeasonalAdjustment::Adjusted),
        Neutral::LongRunAverage100,
    )
    .unwrap();
    let full = oecd.start()..=oecd.end().unwrap();
    let z = oecd.standardized(full).unwrap();
    assert_eq!(z.neutral(), Neutral::LongRunAverage100);
    assert_eq!(z.observations().count(), 769);

    // Welford's one-pass algorithm (the crate uses two passes).
    let (mut n, mut mean, mut m2) = (0.0_f64, 0.0_f64, 0.0_f64);
    for (_, x) in z.observations() {
        n += 1.0;
        let d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
    }
    let sd = (m2 / (n - 1.0)).sqrt();
    assert_close(mean, 100.0, 1e-9, "mean");
    assert_close(sd, 10.0, 1e-9, "sample standard deviation");

    // A window that excludes periods still rescales every period.
    let early = oecd.standardized(m(1960, 1)..=m(1969, 12)).unwrap();
    assert_eq!(early.observations().count(), 769);
    let e = oecd.standardized(m(2024, 1)..=m(2024, 1)).unwrap_err();
    assert!(matches!(e, Error::TooShort { need: 2, got: 1 }), "{e}");
}

/// Source: BLS via FRED UNRATE; no value was published for October 2025.
/// Changes touching it are missing, never computed from another month.
#[test]
fn unemployment_rate_changes_in_percentage_points() {
    let unrate = unemployment_rate();
    let change: Series<Month, PercentagePoints> = unrate.change().unwrap();
    let missing: Vec<Month> = change.missing().filter(|&p| p > m(1948, 1)).collect();
    assert_eq!(missing, [m(2025, 10), m(2025, 11)]);
    let dec = change.get(m(2025, 12)).unwrap().get();
    assert_close(dec, -0.1, 1e-9, "change 2025-12");

    let yoy: Series<Month, PercentagePoints> = unrate.yoy_change().unwrap();
    let missing: Vec<Month> = yoy.missing().filter(|&p| p >= m(1949, 1)).collect();
    assert_eq!(missing, [m(2025, 10)]);
    assert!(
        !yoy.contains(m(2026, 10)),
        "2026-10 lies beyond the data (ends 2026-06)"
    );
    assert_eq!(yoy.get(m(2026, 10)), None);
    let sep = yoy.get(m(2025, 9)).unwrap().get();
    let want = 4.4 - unrate.get(m(2024, 9)).unwrap();
    assert_close(sep, want, 1e-9, "yoy change 2025-09");

    // The kind refuses percent changes and changes in the wrong unit.
    for e in [
        unrate.yoy().unwrap_err(),
        unrate.pch().unwrap_err(),
        unrate.annualized_growth().unwrap_err(),
    ] {
        assert!(matches!(e, Error::NotAllowed { kind: "rate", .. }), "{e}");
    }
    assert!(matches!(
        unrate.change::<f64>(),
        Err(Error::NotAllowed { .. })
    ));
    assert!(matches!(
        unrate.yoy_change::<IndexPoints>(),
        Err(Error::NotAllowed { .. })
    ));
}

/// Typed indicators convert into the generic one with the right kind, and the
/// generic one keeps the typed rules.
#[test]
fn typed_indicators_into_generic() {
    let (exports, imports) = us_china_trade();
    let balance: Indicator<Month> = TradeBalance::new(&exports, &imports).unwrap().into();
    assert_eq!(balance.kind(), MeasureKind::Balance);
    let e = balance.yoy().unwrap_err();
    assert_eq!(
        e.to_string(),
        "pc1 (percent change from a year ago) is not meaningful for balance series"
    );
    assert!(balance.change::<f64>().is_ok());

    let imports: Indicator<Month> = imports.into();
    assert_eq!(imports.kind(), MeasureKind::Flow);
    let yoy = imports
        .yoy()
        .unwrap()
        .get(m(2025, 5))
        .map(Percent::get)
        .map(round1);
    assert_eq!(yoy, Some(-41.4));

    let gdp: Indicator<Quarter> = real_gdp("us_real_gdp_gdpc1_quarterly_1947_2025q1.csv").into();
    let g = gdp
        .annualized_growth()
        .unwrap()
        .get(q(2025, 1))
        .map(Percent::get)
        .map(round1);
    assert_eq!(g, Some(-0.3));

    let s = Series::from_values(m(2025, 1), [48.0, 49.5]).unwrap();
    let pmi = ConfidenceIndex::new(s, Metadata::new("PMI", "US"), Neutral::Diffusion50).unwrap();
    let pmi: Indicator<Month> = pmi.into();
    assert_eq!(pmi.kind().neutral(), Some(Neutral::Diffusion50));
    assert!(pmi.pch().is_err());
    assert_eq!(
        pmi.change::<IndexPoints>().unwrap().get(m(2025, 2)),
        Some(IndexPoints::new(1.5).unwrap())
    );
}

/// Rescaling makes China's customs figures (billions) comparable with
/// Census figures (millions) explicitly; mixing them silently is an error.
#[test]
fn rescaling_between_scales() {
    let (_, imports) = us_china_trade();
    let bn = imports.clone().rescaled(Scale::Billions);
    assert_eq!(bn.metadata().scale(), Scale::Billions);
    let may = bn.get(m(2025, 5)).unwrap();
    assert_close(may, 20.493855247, 1e-12, "2025-05 in billions");
    let back = bn.rescaled(Scale::Millions);
    let diff = back.get(m(2025, 5)).unwrap() - imports.get(m(2025, 5)).unwrap();
    assert_close(diff, 0.0, 1e-9, "round trip");
}
