//! Period parsing: every text either parses to a period whose canonical form
//! parses back to it, or is a typed error; never a panic.
#![no_main]

use econseries::{Month, Period, Quarter, Year};
use libfuzzer_sys::fuzz_target;

fn check<P: Period>(text: &str) {
    if let Ok(p) = text.parse::<P>() {
        let canonical = p.to_string();
        assert_eq!(
            canonical.parse::<P>().ok(),
            Some(p),
            "{text:?} -> {canonical:?}"
        );
        assert!((P::MIN..=P::MAX).contains(&p));
        assert_eq!(P::from_index(i64::from(p.index())).ok(), Some(p));
        assert_eq!(P::containing(p.first_day()).ok(), Some(p));
        assert_eq!(P::containing(p.last_day()).ok(), Some(p));
        assert!(p.first_day() <= p.last_day());
        // Arithmetic near the ends of the range is checked, not wrapping.
        for n in [1, -1, 12, i64::from(i32::MAX), i64::MIN, i64::MAX] {
            if let Ok(q) = p.checked_add(n) {
                assert_eq!(i64::from(q.index()) - i64::from(p.index()), n);
                assert_eq!(q.checked_sub(n).ok(), Some(p));
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    check::<Month>(text);
    check::<Quarter>(text);
    check::<Year>(text);
    let _ = text.parse::<econseries::Frequency>();
    let _ = text.parse::<econseries::Units>();
    let _ = text.parse::<econseries::Aggregation>();
});
