//! Integration tests: the sentences' rules, one test per rule, on the
//! shipped data where it has a case and on synthetic series (labelled) where
//! the rule needs a shape the data lacks. The numbers in the expected
//! sentences are computed here from the inputs, or are published figures.

use econseries::indicator::{Currency, Indicator, MeasureKind, Metadata, Neutral, PriceBasis};
use econseries::narrate::{Basis, Headline, sentences};
use econseries::{ConfidenceIndex, Gdp, Imports, Month, Quarter, Series};
use proptest::prelude::*;

use crate::fixtures::data;

fn imports(s: Series<Month>) -> Imports<Month> {
    Imports::new(
        s,
        Metadata::new("US imports of goods from China", "US").with_currency(Currency::USD),
    )
    .expect("imports")
}

fn m(y: i32, mo: u32) -> Month {
    Month::new(y, mo).expect("month")
}

/// Source: Census via FRED IMPCH. February 2025 fell 24.0% month on month;
/// December 2024 had fallen too (so "the first decline since December 2024"
/// is true, and not news); the last month at least as weak was February
/// 2020. The record reaches further back, so it leads.
#[test]
fn a_record_reaching_further_back_outranks_a_recent_first_decline() {
    let imp = imports(data::<Month>("us_imports_goods_from_china_impch_monthly"));
    let growth = imp.pch();
    let feb = m(2025, 2);
    assert!(growth.get(m(2024, 12)).expect("Dec").get() < 0.0);
    assert!(growth.get(m(2025, 1)).expect("Jan").get() >= 0.0);
    let f = Headline::new(Basis::PeriodOnPeriod)
        .findings(&imp, feb)
        .expect("findings");
    let lead = f.lead().expect("a lead");
    assert_eq!(lead.compared_with, Some(m(2020, 2)));
    assert_eq!(
        sentences(&f)[0],
        "US imports of goods from China fell 24.0% month on month in February 2025, \
         the steepest monthly fall since February 2020."
    );
}

/// Synthetic: a decline after three flat years is "the first since"; a
/// decline after a decline four months earlier is not news, and neither is
/// a low reaching back less than a year.
#[test]
fn a_since_under_a_year_back_is_not_news() {
    let start = m(2020, 1);
    let mut v = vec![100.0; 40];
    v.push(99.0); // 2023-05: the first decline of the series
    v.extend([99.0, 99.0, 99.0]);
    v.push(98.5); // 2023-09: a decline four months after the last
    let imp = imports(Series::from_values(start, v).expect("series"));
    let pop = Headline::new(Basis::PeriodOnPeriod);
    let first = pop.sentences(&imp, m(2023, 5)).expect("sentences");
    assert_eq!(
        first[0],
        "US imports of goods from China fell 1.0% month on month in May 2023, \
         the first monthly fall since records began in February 2020."
    );
    let second = pop.sentences(&imp, m(2023, 9)).expect("sentences");
    // The decline before was in May (4 months): not news. The lowest since?
    // Growth of -0.5% is the lowest since May's -1.0%: also under a year.
    assert_eq!(
        second[0],
        "US imports of goods from China fell 0.5% month on month in September 2023."
    );
}

/// The verb follows the measure: output contracts, trade falls, an index
/// drops; GDP on shipped data, the index on the shipped UMich file.
#[test]
fn the_verb_follows_the_measure() {
    let gdp = Gdp::new(
        data::<Quarter>("us_real_gdp_gdpc1_quarterly_1947_2025q1"),
        Metadata::new("US real GDP", "US").with_price_basis(PriceBasis::Nominal),
    )
    .expect("gdp");
    let q1 = Quarter::new(2025, 1).expect("quarter");
    let yoy = Headline::new(Basis::PeriodOnPeriod)
        .sentences(&gdp, q1)
        .expect("sentences");
    assert!(
        yoy[0].starts_with("US real GDP contracted 0.1% quarter on quarter"),
        "{yoy:?}"
    );
    // The same numbers as a plain flow fall.
    let (s, meta) = gdp.into_parts();
    let flow = Indicator::new(s, meta, MeasureKind::Flow).expect("flow");
    let as_flow = Headline::new(Basis::PeriodOnPeriod)
        .sentences(&flow, q1)
        .expect("sentences");
    assert!(as_flow[0].starts_with("US real GDP fell 0.1% quarter on quarter"));
    // An index drops.
    let umich = ConfidenceIndex::new(
        data::<Month>("umich_consumer_sentiment_umcsent_monthly_1980_2025-11"),
        Metadata::new("The University of Michigan consumer sentiment index", "US"),
        Neutral::BasePeriod100,
    )
    .expect("index");
    let nov = Headline::new(Basis::Level)
        .sentences(&umich, m(2025, 11))
        .expect("sentences");
    assert_eq!(
        nov,
        [
            "The University of Michigan consumer sentiment index dropped to 51.0 in \
             November 2025 from 53.6 in October 2025, the lowest since June 2022.",
            "It dropped for a fourth straight month."
        ]
    );
}

/// Synthetic: a record over a short history says how long the history is;
/// over twenty years or more it is "on record".
#[test]
fn a_short_record_says_how_long_the_history_is() {
    let rate = |n: usize| {
        let mut v = vec![5.0; n];
        v.push(4.0);
        Indicator::new(
            Series::from_values(m(2000, 1), v).expect("series"),
            Metadata::new("The rate", "US"),
            MeasureKind::Rate,
        )
        .expect("rate")
    };
    let level = Headline::new(Basis::Level);
    let short = level.sentences(rate(13), m(2001, 2)).expect("sentences");
    assert_eq!(
        short[0],
        "The rate fell to 4.0% in February 2001 from 5.0% in January 2001, \
         the lowest in the 14 months since records began in January 2000."
    );
    let years = level.sentences(rate(95), m(2007, 12)).expect("sentences");
    assert!(
        years[0].ends_with("the lowest in the 8 years since records began in January 2000."),
        "{years:?}"
    );
    let long = level.sentences(rate(240), m(2020, 1)).expect("sentences");
    assert!(
        long[0].ends_with("the lowest on record (since January 2000)."),
        "{long:?}"
    );
    // Two observations: a record, but under a year of history is not news.
    let two = level.sentences(rate(1), m(2000, 2)).expect("sentences");
    assert_eq!(
        two[0],
        "The rate fell to 4.0% in February 2000 from 5.0% in January 2000."
    );
}

/// Synthetic: the cases. 1.04 -> 1.01 is not "unchanged at 1.0";
/// +0.04% is not "unchanged"; 1e300-sized levels are not 300 digits.
#[test]
fn numbers_have_the_digits_it_takes() {
    let level = |a: f64, b: f64| {
        let ind = Indicator::new(
            Series::from_values(m(2025, 1), [a, b]).expect("series"),
            Metadata::new("The index", "US"),
            MeasureKind::Index {
                neutral: Neutral::Custom(0.0),
            },
        )
        .expect("index");
        Headline::new(Basis::Level)
            .sentences(&ind, m(2025, 2))
            .expect("sentences")
    };
    assert_eq!(
        level(1.04, 1.01)[0],
        "The index dropped to 1.01 in February 2025 from 1.04 in January 2025."
    );
    assert_eq!(
        level(1.7e300, 1.6e300)[0],
        "The index dropped to 1.6e300 in February 2025 from 1.7e300 in January 2025."
    );
    let mut v = vec![100.0; 12];
    v.push(100.04);
    let imp = imports(Series::from_values(m(2024, 1), v).expect("series"));
    let s = Headline::new(Basis::YearOnYear)
        .sentences(&imp, m(2025, 1))
        .expect("sentences");
    assert_eq!(
        s[0],
        "US imports of goods from China rose 0.04% year on year in January 2025."
    );
}

proptest! {
    /// Synthetic: whatever two positive levels, a non-zero growth rate never
    /// reads "unchanged" or "flat", and a zero one always does; the level
    /// sentence never prints two different levels alike.
    #[test]
    fn a_change_is_never_unchanged(a in 1e-3f64..1e6, b in 1e-3f64..1e6) {
        let imp = imports(Series::from_values(m(2025, 1), [a, b]).expect("series"));
        let s = Headline::new(Basis::PeriodOnPeriod).sentences(&imp, m(2025, 2)).expect("sentences");
        let growth = (b / a - 1.0) * 100.0;
        let unchanged = s[0].contains("unchanged") || s[0].contains("flat");
        prop_assert_eq!(unchanged, growth == 0.0, "{} vs {}", growth, s[0]);
        let lvl = Headline::new(Basis::Level).sentences(&imp, m(2025, 2)).expect("sentences");
        if a != b {
            // "rose to X in ... from Y in ...": X and Y differ.
            let words: Vec<&str> = lvl[0].split(' ').collect();
            let to = words.iter().position(|w| *w == "to").expect("to");
            let from = words.iter().position(|w| *w == "from").expect("from");
            prop_assert_ne!(words[to + 1], words[from + 1], "{}", lvl[0]);
        } else {
            prop_assert!(lvl[0].contains("unchanged"));
        }
    }
}
