//! Integration tests: detect (and the narrate layer built on it).
//!
//! References: `tests/fixtures/detect/generate.py` (a brute-force records
//! scan in plain Python, pandas for the Sahm rule, technical recessions and
//! robust z-scores), FRED's published `SAHMCURRENT`, the NBER chronology,
//! and the press figures in `data/`.

use econseries::detect::{
    Bbq, BryBoschan, Detector, Event, EventKind, Records, RobustZ, Sahm, TechnicalRecessions,
};
use econseries::{Month, Period, Quarter, Series};

use crate::fixtures::{Table, assert_all_close, data, period};

/// Reads an NBER event file (`period,peak|trough`), which the crate's
/// numeric reader rightly refuses.
fn nber<P: Period>(file: &str) -> Vec<(P, EventKind)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("NBER file");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("period,value"));
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (p, v) = l.split_once(',').expect("two fields");
            let turn = match v {
                "peak" => EventKind::Peak,
                "trough" => EventKind::Trough,
                other => panic!("{file}: {other:?}"),
            };
            (period::<P>(p), turn)
        })
        .collect()
}

/// Source: brute-force O(n²) scan in `generate.py`, on the shipped data and
/// on growth rates computed by pandas.
#[test]
fn records_match_the_brute_force_scan() {
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly");
    let gdp = data::<Quarter>("us_real_gdp_gdpc1_quarterly_1947_2025q1");
    let cases: Vec<(&str, Vec<Row>)> = vec![
        (
            "records_level_us_imports_goods_from_china_impch_monthly.csv",
            both(&imports),
        ),
        (
            "records_pc1_us_imports_goods_from_china_impch_monthly.csv",
            both(&imports.pc1().into_raw()),
        ),
        (
            "records_level_us_unemployment_rate_unrate_monthly.csv",
            both(&data::<Month>("us_unemployment_rate_unrate_monthly")),
        ),
        (
            "records_level_umich_consumer_sentiment_umcsent_monthly_1952_2025-09.csv",
            both(&data::<Month>(
                "umich_consumer_sentiment_umcsent_monthly_1952_2025-09",
            )),
        ),
        (
            "records_pca_us_real_gdp_gdpc1_quarterly_1947_2025q1.csv",
            both(&gdp.pca().into_raw()),
        ),
    ];
    for (file, got) in cases {
        let t = Table::fixture(&format!("detect/{file}"));
        let field = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let periods: Vec<&str> = t.fields("period").collect();
        let lows: Vec<Option<String>> = t.fields("low_since").map(field).collect();
        let highs: Vec<Option<String>> = t.fields("high_since").map(field).collect();
        let values: Vec<f64> = t
            .fields("value")
            .map(|v| v.parse().expect("number"))
            .collect();
        assert_eq!(got.len(), periods.len(), "{file}: number of observations");
        assert_all_close(
            file,
            "value",
            got.iter()
                .zip(&values)
                .map(|(g, &w)| (g.0.clone(), Some(g.1), Some(w))),
        );
        for (i, g) in got.iter().enumerate() {
            // Periods are compared in the crate's text form, the fixture's
            // quarters (`1947Q2`) parsed first.
            let norm = |s: &Option<String>| s.as_ref().map(|s| canonical(s));
            assert_eq!(g.0, canonical(periods[i]), "{file}: row {i}");
            assert_eq!(g.2, norm(&lows[i]), "{file}: low_since at {}", g.0);
            assert_eq!(g.3, norm(&highs[i]), "{file}: high_since at {}", g.0);
        }
    }
}

fn canonical(s: &str) -> String {
    if s.contains('Q') {
        period::<Quarter>(s).to_string()
    } else {
        period::<Month>(s).to_string()
    }
}

/// (period, value, low since, high since) in text form.
type Row = (String, f64, Option<String>, Option<String>);

fn both<P: Period>(s: &Series<P>) -> Vec<Row> {
    let lows = Records::low().detect(s).expect("records");
    let highs = Records::high().detect(s).expect("records");
    // The fixture leaves "since" empty for a record; the events compare a
    // record with the first observation, where records began.
    let since = |e: &Event<P>| {
        if e.is_record() {
            assert_eq!(e.compared_with, s.first_valid());
            None
        } else {
            e.compared_with.map(|p| p.to_string())
        }
    };
    lows.iter()
        .zip(&highs)
        .map(|(l, h)| {
            assert_eq!(l.period, h.period);
            (l.period.to_string(), l.value, since(l), since(h))
        })
        .collect()
}

/// Source: pandas rolling windows in `generate.py` (both missing-value
/// policies, and the count of prior averages).
#[test]
fn sahm_matches_pandas() {
    for stem in [
        "us_unemployment_rate_unrate_monthly",
        "us_unemployment_rate_unrate_monthly_1948_2023-11",
    ] {
        let file = format!("detect/sahm_{stem}.csv");
        let t = Table::fixture(&file);
        let rate = data::<Month>(stem);
        let series = Sahm::new().series(&rate);
        let strict = Sahm::new().strict().series(&rate);
        let want = t.column::<Month>("sahm");
        assert_eq!(series.len(), want.len(), "{file}");
        assert_all_close(
            &file,
            "sahm",
            series
                .iter()
                .zip(&want)
                .map(|((p, v), w)| (p, v.map(|v| v.get()), w.1)),
        );
        assert_all_close(
            &file,
            "sahm_strict",
            strict
                .iter()
                .zip(t.column::<Month>("sahm_strict"))
                .map(|((p, v), w)| (p, v.map(|v| v.get()), w.1)),
        );
        // The events: one per reading, valued at S(t), with the count of
        // prior averages; the signal where S(t) reaches 0.5.
        let events = Sahm::new().detect(&rate).expect("events");
        assert_eq!(events.len(), series.count(), "{file}");
        let priors: Vec<(Month, String)> = t
            .fields("period")
            .map(period::<Month>)
            .zip(t.fields("prior").map(str::to_owned))
            .collect();
        for e in &events {
            let EventKind::Sahm { signal, prior } = e.kind else {
                panic!("{e:?}")
            };
            let want = priors.iter().find(|(p, _)| *p == e.period).expect("row");
            assert_eq!(
                prior.to_string(),
                want.1,
                "{file}: prior count at {}",
                e.period
            );
            assert_eq!(Some(e.value), series.get(e.period).map(|v| v.get()));
            assert_eq!(
                signal,
                e.value >= 0.5 - 1e-9,
                "{file}: signal at {}",
                e.period
            );
        }
    }
}

/// Source: FRED `SAHMCURRENT` as downloaded in December 2023 (data/PROVENANCE.md),
/// rounded by FRED to two decimals.
///
/// On the unemployment rate of the same vintage every one of the 897 months
/// agrees to the rounding; on the current vintage the months that differ are
/// exactly those whose 15 input months include a month that BLS revised
/// since (seasonal factors), all from 2019 on.
#[test]
fn sahm_matches_fred_sahmcurrent() {
    let fred = data::<Month>("us_sahm_rule_sahmcurrent_monthly_1949_2023-11");
    let old = data::<Month>("us_unemployment_rate_unrate_monthly_1948_2023-11");
    let new = data::<Month>("us_unemployment_rate_unrate_monthly");
    let ours_old = Sahm::new().strict().series(&old);
    let ours_new = Sahm::new().strict().series(&new);
    let close = |a: f64, b: f64| (a - b).abs() <= 0.005 + 1e-9;
    let mut compared = 0;
    for (p, want) in fred.observations() {
        let got = ours_old.get(p).unwrap_or_else(|| panic!("no value at {p}"));
        assert!(
            close(got.get(), want),
            "{p}: ours {} vs FRED {want}",
            got.get()
        );
        compared += 1;
    }
    assert_eq!(compared, 897);
    // The same vintage gives the same first signal month, e.g. 2020-04 (4.00).
    assert!(
        ours_old
            .get(Month::new(2020, 4).unwrap())
            .is_some_and(|v| close(v.get(), 4.0))
    );

    let revised: Vec<Month> = old
        .observations()
        .filter(|&(p, v)| new.get(p) != Some(v))
        .map(|(p, _)| p)
        .collect();
    assert_eq!(revised.len(), 19, "months BLS revised between the vintages");
    let mut differ = Vec::new();
    for (p, want) in fred.observations() {
        let got = ours_new.get(p).expect("value").get();
        let touched = revised
            .iter()
            .any(|&r| (0..=14).contains(&p.periods_since(r)));
        if !close(got, want) {
            assert!(
                touched,
                "{p}: differs ({got} vs {want}) without a revised input"
            );
            differ.push(p);
        }
    }
    assert!(!differ.is_empty() && differ.len() < 60, "{differ:?}");
}

/// Source: pandas runs of quarterly declines in `generate.py`, both GDP vintages.
#[test]
fn technical_recessions_match_pandas() {
    for stem in [
        "us_real_gdp_gdpc1_quarterly_1947_2025q1",
        "us_real_gdp_gdpc1_quarterly_1980_2025q3",
    ] {
        let t = Table::fixture(&format!("detect/recessions_{stem}.csv"));
        let want: Vec<(Quarter, Quarter)> = t
            .fields("start")
            .zip(t.fields("end"))
            .map(|(a, b)| (period(a), period(b)))
            .collect();
        // A recession has an event at each quarter from its second decline
        // on; the last is the whole run.
        let events = TechnicalRecessions
            .detect(&data::<Quarter>(stem))
            .expect("events");
        let got: Vec<(Quarter, Quarter)> = events
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                events
                    .get(i + 1)
                    .is_none_or(|next| next.compared_with != e.compared_with)
            })
            .map(|(_, e)| (e.compared_with.expect("start"), e.period))
            .collect();
        assert_eq!(got, want, "{stem}");
        assert!(!got.is_empty());
    }
}

/// Source: pandas rolling median and MAD in `generate.py` (window 24, trailing).
#[test]
fn robust_z_matches_pandas() {
    for stem in [
        "us_imports_goods_from_china_impch_monthly",
        "us_unemployment_rate_unrate_monthly",
    ] {
        let file = format!("detect/robust_z_{stem}.csv");
        let t = Table::fixture(&file);
        let got = RobustZ::new(24)
            .expect("window")
            .scores(&data::<Month>(stem));
        crate::fixtures::assert_series_close(&file, "z", &got, &t.column::<Month>("z"));
    }
}

type Turns<P> = Vec<(P, EventKind)>;

/// The NBER turns since `from` that `found` dates within `tolerance` periods,
/// and those it misses.
fn nber_match<P: Period>(
    nber: &[(P, EventKind)],
    found: &[Event<P>],
    from: P,
    tolerance: i32,
) -> (Turns<P>, Turns<P>) {
    nber.iter()
        .filter(|(p, _)| *p >= from)
        .partition(|(p, turn)| {
            found
                .iter()
                .any(|f| f.kind == *turn && f.period.periods_since(*p).abs() <= tolerance)
        })
}

/// Source: NBER business-cycle reference dates (quarterly), on real GDP
/// (first-estimate vintage 1947-Q1..2025-Q1).
#[test]
fn bbq_finds_nber_turns_in_real_gdp() {
    let gdp = data::<Quarter>("us_real_gdp_gdpc1_quarterly_1947_2025q1");
    let turns = Bbq::new().detect(&gdp).expect("complete series");
    assert!(
        turns.windows(2).all(|w| w[0].kind != w[1].kind),
        "alternation"
    );
    let nber = nber::<Quarter>("nber_turning_points_quarterly.csv");
    let (hit, missed) = nber_match(&nber, &turns, Quarter::new(1950, 1).unwrap(), 1);
    eprintln!(
        "BBQ turns: {:?}",
        turns
            .iter()
            .map(|t| (t.period.to_string(), t.kind.name()))
            .collect::<Vec<_>>()
    );
    eprintln!(
        "BBQ matched {} of {}; missed {missed:?}",
        hit.len(),
        hit.len() + missed.len()
    );
    // 22 NBER turns since 1950; BBQ on GDP must find most of them.
    assert_eq!(hit.len() + missed.len(), 22);
    assert!(
        hit.len() >= 18,
        "matched only {}: missed {missed:?}",
        hit.len()
    );
}

/// Source: NBER business-cycle reference dates (monthly), on the unemployment
/// rate inverted (a peak of activity is a trough of unemployment), to 2025-09
/// (the October 2025 hole cannot be dated across).
#[test]
fn bry_boschan_on_unemployment_against_nber() {
    let unrate = data::<Month>("us_unemployment_rate_unrate_monthly");
    let activity: Series<Month> = Series::from_pairs(
        unrate
            .slice(..Month::new(2025, 10).unwrap())
            .observations()
            .map(|(p, v)| (p, -v)),
    )
    .expect("series");
    let turns = BryBoschan::new()
        .detect(&activity)
        .expect("complete series");
    assert!(
        turns.windows(2).all(|w| w[0].kind != w[1].kind),
        "alternation"
    );
    let nber = nber::<Month>("nber_turning_points_monthly.csv");
    let (hit, missed) = nber_match(&nber, &turns, Month::new(1950, 1).unwrap(), 2);
    eprintln!(
        "BB turns: {:?}",
        turns
            .iter()
            .map(|t| (t.period.to_string(), t.kind.name()))
            .collect::<Vec<_>>()
    );
    eprintln!(
        "BB matched {} of {}; missed {missed:?}",
        hit.len(),
        hit.len() + missed.len()
    );
    assert_eq!(hit.len() + missed.len(), 22);
    assert!(
        hit.len() >= 5,
        "matched only {}: missed {missed:?}",
        hit.len()
    );
    // The monthly dating must not error on a series with the hole: it names it.
    let e = BryBoschan::new().detect(&unrate).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Bry-Boschan turning-point dating is undefined at 2025-10: the value is missing"
    );
}

mod narrate {
    use econseries::detect::{Crossings, EventKind, Records};
    use econseries::indicator::{Currency, Indicator, MeasureKind, Scale};
    use econseries::narrate::{Basis, Headline, period_name};
    use econseries::{Gdp, Imports, Metadata, Month, PriceBasis, Quarter, Year};

    use crate::fixtures::data;

    fn imports() -> Imports<Month> {
        Imports::new(
            data::<Month>("us_imports_goods_from_china_impch_monthly"),
            Metadata::new("US imports of goods from China", "US")
                .with_partner("CN")
                .with_currency(Currency::USD)
                .with_scale(Scale::Millions),
        )
        .expect("imports")
    }

    fn gdp(stem: &str) -> Gdp<Quarter> {
        Gdp::new(
            data::<Quarter>(stem),
            Metadata::new("US real GDP", "US").with_price_basis(PriceBasis::Chained {
                reference_year: Year::new(2017).expect("year"),
            }),
        )
        .expect("gdp")
    }

    /// Source: Census via FRED IMPCH, as reported: "fell 41.4% year on year
    /// in May 2025", the steepest fall in the series. The record's "since" is
    /// the first year-on-year rate of the series (IMPCH starts in 1985-01).
    #[test]
    fn imports_from_china_in_may_2025() {
        let may = Month::new(2025, 5).expect("month");
        let s = Headline::new(Basis::YearOnYear)
            .sentences(imports(), may)
            .expect("sentences");
        assert_eq!(
            s[0],
            "US imports of goods from China fell 41.4% year on year in May 2025, \
             the steepest fall on record (since January 1986)."
        );
        // The streak, checked against the rates themselves: Feb 2025 was up.
        let yoy = imports().yoy();
        let signs: Vec<bool> = (0..5)
            .map(|k| yoy.get(may - k).expect("rate").get() < 0.0)
            .collect();
        assert_eq!(signs, [true, true, true, true, false]);
        assert_eq!(
            s[1],
            "It was the fourth straight month of year-on-year decline."
        );
    }

    /// Source: BEA's first estimate (−0.3% at an annual rate, April 2025) and
    /// the revised −0.6%; BEA's published rates (A191RL1Q225SBEA) say when the
    /// previous contraction was.
    #[test]
    fn gdp_first_quarter_2025_in_both_vintages() {
        let q1 = Quarter::new(2025, 1).expect("quarter");
        for (stem, rate) in [
            ("us_real_gdp_gdpc1_quarterly_1947_2025q1", "0.3"),
            ("us_real_gdp_gdpc1_quarterly_1980_2025q3", "0.6"),
        ] {
            let f = Headline::new(Basis::AnnualRate)
                .findings(gdp(stem), q1)
                .expect("findings");
            let contraction = f
                .events
                .iter()
                .find(|e| e.kind == EventKind::Decline)
                .expect("a contraction");
            // The last negative published rate before 2025-Q1.
            let published = data::<Quarter>("us_real_gdp_growth_a191rl1q225sbea_2020q1_2025q4");
            let last_negative = published
                .slice(..q1)
                .observations()
                .filter(|&(_, g)| g < 0.0)
                .last()
                .map(|(p, _)| p);
            assert_eq!(contraction.compared_with, last_negative, "{stem}");
            let s = econseries::narrate::sentences(&f);
            assert_eq!(
                s[0],
                format!(
                    "US real GDP contracted at a {rate}% annual rate in the first quarter of 2025, \
                     the first contraction since {}.",
                    period_name(last_negative.expect("a negative quarter"))
                )
            );
        }
    }

    /// A level headline on an index with its neutral level (synthetic, to
    /// exercise the crossing sentence).
    #[test]
    fn index_level_and_neutral_crossing() {
        let jan = Month::new(2024, 1).expect("month");
        let values = [
            52.0, 51.0, 49.0, 48.5, 48.0, 49.0, 49.5, 49.8, 49.9, 49.6, 49.2, 49.4, 49.7, 50.6,
        ];
        let pmi = Indicator::new(
            econseries::Series::from_values(jan, values).expect("series"),
            Metadata::new("the manufacturing PMI", "US"),
            MeasureKind::Index {
                neutral: econseries::Neutral::Diffusion50,
            },
        )
        .expect("indicator");
        let at = jan + 13;
        let s = Headline::new(Basis::Level)
            .sentences(&pmi, at)
            .expect("sentences");
        assert_eq!(
            s[0],
            "The manufacturing PMI rose to 50.6 in February 2025 from 49.7 in January 2025, the highest since February 2024."
        );
        // December, January and February each rose.
        assert_eq!(s[1], "It rose for a third straight month.");
        assert_eq!(
            s[2],
            "It moved above its neutral level of 50 for the first time since February 2024."
        );
        let c = pmi
            .detect(&Crossings::new(50.0).expect("finite"))
            .expect("crossings");
        assert_eq!(c.last().map(|c| c.period), Some(at));
        let high = pmi.detect(&Records::high()).expect("records");
        assert_eq!(
            high.iter()
                .find(|e| e.period == at)
                .and_then(|e| e.compared_with),
            Some(jan + 1)
        );
        // A growth basis on an index is refused, not computed.
        assert!(
            Headline::new(Basis::YearOnYear)
                .sentences(&pmi, at)
                .is_err()
        );
    }
}

/// Events serialise as plain data (periods in their text form), and back.
#[cfg(feature = "serde")]
#[test]
fn events_round_trip_through_json() {
    use econseries::detect::{Event, EventKind};
    let imports = data::<Month>("us_imports_goods_from_china_impch_monthly").pc1();
    let may = Month::new(2025, 5).expect("month");
    let event = Records::low().detect_at(&imports, may).expect("records")[0];
    let json = serde_json::to_string(&event).expect("serialise");
    assert!(
        json.contains(r#""period":"2025-05""#) && json.contains(r#""compared_with":"1986-01""#),
        "{json}"
    );
    assert!(
        json.contains(r#""kind":{"type":"low","record":true}"#),
        "{json}"
    );
    let back: Event<Month> = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, event);
    assert_eq!(back.kind, EventKind::Low { record: true });
}
