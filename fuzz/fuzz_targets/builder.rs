//! The series builder fed arbitrary (period, value) pairs: a typed error, or a
//! series holding exactly the pairs given with every other period missing.
#![no_main]

use std::collections::BTreeMap;

use econseries::{Error, Month, Period, Series};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Three bytes of period index (spanning the whole range and beyond) and
    // eight of value per pair.
    let pairs: Vec<(i64, Option<f64>)> = data
        .chunks_exact(11)
        .map(|c| {
            let idx = i64::from(u32::from_le_bytes([c[0], c[1], c[2], 0])) - 2000;
            let mut b = [0u8; 8];
            b.copy_from_slice(&c[3..11]);
            let x = f64::from_le_bytes(b);
            (idx, (c[3] != 0xff).then_some(x))
        })
        .collect();
    let mut periods = Vec::new();
    for &(i, v) in &pairs {
        match Month::from_index(i) {
            Ok(p) => periods.push((p, v)),
            Err(Error::YearOutOfRange { .. }) => return,
            Err(e) => panic!("unexpected error {e}"),
        }
    }
    let built = Series::<Month>::from_pairs(periods.iter().copied());
    let mut expect = BTreeMap::new();
    let mut duplicate = false;
    for &(p, v) in &periods {
        duplicate |= expect.insert(p, v).is_some();
    }
    let non_finite = periods
        .iter()
        .any(|(_, v)| v.is_some_and(|x| !x.is_finite()));
    match built {
        Err(Error::NoObservations) => assert!(periods.is_empty()),
        Err(Error::DuplicatePeriod { .. }) => assert!(duplicate),
        Err(Error::NonFinite { .. }) => assert!(non_finite),
        Err(e) => panic!("unexpected error {e}"),
        Ok(s) => {
            assert!(!duplicate && !non_finite);
            let (first, last) = (expect.keys().next().copied(), expect.keys().last().copied());
            assert_eq!(Some(s.start()), first);
            assert_eq!(s.end(), last);
            assert_eq!(s.count(), expect.values().flatten().count());
            for (p, v) in s.iter() {
                assert_eq!(
                    v.map(f64::to_bits),
                    expect.get(&p).copied().flatten().map(f64::to_bits)
                );
            }
        }
    }
    // Consecutive values from a start index: `from_options` stops at the end of the range.
    if let Some(&(i, _)) = pairs.first() {
        if let Ok(start) = Month::from_index(i) {
            let vals: Vec<Option<f64>> = pairs.iter().map(|&(_, v)| v).collect();
            match Series::<Month>::from_options(start, vals.iter().copied()) {
                Ok(s) => assert_eq!(s.len(), vals.len()),
                Err(Error::NonFinite { .. }) => {
                    assert!(vals.iter().flatten().any(|x| !x.is_finite()))
                }
                Err(Error::PeriodOverflow { .. }) => {
                    assert!(i64::from(Month::MAX.index()) - i + 1 < vals.len() as i64)
                }
                Err(e) => panic!("unexpected error {e}"),
            }
        }
    }
});
