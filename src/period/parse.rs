//! One tokenizer for every period text form, so the types agree on what they accept.

use chrono::NaiveDate;

use super::check_year;
use crate::error::ParseProblem;

/// A syntactically valid period text, not yet bound to a frequency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// `YYYY-MM`.
    Month(i32, u32),
    /// `YYYY-Qn` or `YYYYQn`.
    Quarter(i32, u32),
    /// `YYYY`.
    Year(i32),
    /// `YYYY-MM-DD`: FRED's first-of-period form, frequency to be decided.
    Date(NaiveDate),
}

const ANY: &str = "YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD";

/// Splits off a leading run of ASCII digits, returning its value (saturated)
/// and length.
fn digits(s: &[u8]) -> (u64, usize) {
    let len = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let value = s.iter().take(len).fold(0u64, |acc, b| {
        acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    });
    (value, len)
}

fn small(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Recognises one of the accepted period forms.
pub(crate) fn tokenize(s: &str) -> Result<Token, ParseProblem> {
    let b = s.as_bytes();
    let syntax = ParseProblem::Syntax { expected: ANY };
    let (y, ylen) = digits(b);
    if ylen == 0 {
        return Err(syntax);
    }
    if ylen != 4 {
        // A five-digit year is a range problem worth naming; `25-05` is just malformed.
        return if ylen > 4 {
            Err(ParseProblem::Year(i64::try_from(y).unwrap_or(i64::MAX)))
        } else {
            Err(syntax)
        };
    }
    let year = check_year(y as i64).map_err(|_| ParseProblem::Year(y as i64))?;
    let rest = b.get(4..).unwrap_or_default();
    match rest {
        [] => Ok(Token::Year(year)),
        [b'Q' | b'q', q @ ..] | [b'-', b'Q' | b'q', q @ ..] => {
            let (n, len) = digits(q);
            if len == 0 || len != q.len() {
                return Err(syntax);
            }
            let n = small(n);
            if (1..=4).contains(&n) {
                Ok(Token::Quarter(year, n))
            } else {
                Err(ParseProblem::Quarter(n))
            }
        }
        [b'-', m1, m2, tail @ ..] if m1.is_ascii_digit() && m2.is_ascii_digit() => {
            let month = u32::from((m1 - b'0') * 10 + (m2 - b'0'));
            match tail {
                [] => {
                    if (1..=12).contains(&month) {
                        Ok(Token::Month(year, month))
                    } else {
                        Err(ParseProblem::Month(month))
                    }
                }
                [b'-', d1, d2] if d1.is_ascii_digit() && d2.is_ascii_digit() => {
                    if !(1..=12).contains(&month) {
                        return Err(ParseProblem::Month(month));
                    }
                    let day = u32::from((d1 - b'0') * 10 + (d2 - b'0'));
                    NaiveDate::from_ymd_opt(year, month, day)
                        .map(Token::Date)
                        .ok_or(ParseProblem::InvalidDate)
                }
                _ => Err(syntax),
            }
        }
        _ => Err(syntax),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(tokenize("2025-05"), Ok(Token::Month(2025, 5)));
        assert_eq!(tokenize("2025-Q1"), Ok(Token::Quarter(2025, 1)));
        assert_eq!(tokenize("2025Q4"), Ok(Token::Quarter(2025, 4)));
        assert_eq!(tokenize("2025q2"), Ok(Token::Quarter(2025, 2)));
        assert_eq!(tokenize("2025"), Ok(Token::Year(2025)));
        assert_eq!(
            tokenize("2025-04-01"),
            Ok(Token::Date(NaiveDate::from_ymd_opt(2025, 4, 1).unwrap()))
        );
    }

    #[test]
    fn problems() {
        assert_eq!(tokenize("2025-13"), Err(ParseProblem::Month(13)));
        assert_eq!(tokenize("2025-00"), Err(ParseProblem::Month(0)));
        assert_eq!(tokenize("2025-Q5"), Err(ParseProblem::Quarter(5)));
        assert_eq!(tokenize("2025-Q0"), Err(ParseProblem::Quarter(0)));
        assert_eq!(tokenize("2025-02-30"), Err(ParseProblem::InvalidDate));
        assert_eq!(tokenize("2025-13-01"), Err(ParseProblem::Month(13)));
        assert_eq!(tokenize("0000"), Err(ParseProblem::Year(0)));
        assert_eq!(tokenize("100000-01"), Err(ParseProblem::Year(100_000)));
        assert_eq!(
            tokenize("99999999999999999999999"),
            Err(ParseProblem::Year(i64::MAX))
        );
        for bad in [
            "abc", "", "25-05", "2025-5", "2025-", "2025-Q", "2025-Q1x", " 2025", "2025-05 ",
            "-2025", "2025/05",
        ] {
            assert!(
                matches!(tokenize(bad), Err(ParseProblem::Syntax { .. })),
                "{bad:?} -> {:?}",
                tokenize(bad)
            );
        }
    }
}
