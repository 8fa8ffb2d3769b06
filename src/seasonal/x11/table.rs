//! The names of the program's tables.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

macro_rules! tables {
    ($($variant:ident $name:literal $doc:literal,)*) => {
        /// A table of the X-11 method, named as the Census program names it
        /// (`d10` is the final seasonal factors).
        ///
        /// In the log-additive mode the B, C and D tables up to D9 are on the
        /// logarithms of the series, as the program saves them; D10 to D16
        /// and the E tables are on its original scale.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Table {
            $(#[doc = $doc] $variant,)*
        }

        impl Table {
            /// Every table, in the program's order.
            pub const ALL: &'static [Table] = &[$(Table::$variant,)*];

            /// The program's name, lower case (`"d10"`).
            ///
            /// # Example
            /// ```
            /// use econseries::seasonal::Table;
            /// assert_eq!(Table::D10.name(), "d10");
            /// assert_eq!("D11".parse::<Table>()?, Table::D11);
            /// # Ok::<(), econseries::Error>(())
            /// ```
            pub const fn name(self) -> &'static str {
                match self {
                    $(Table::$variant => $name,)*
                }
            }
        }

        impl FromStr for Table {
            type Err = Error;
            fn from_str(s: &str) -> Result<Table> {
                let lower = s.trim().to_ascii_lowercase();
                match lower.as_str() {
                    $($name => Ok(Table::$variant),)*
                    _ => Err(Error::InvalidArgument {
                        name: "table",
                        value: s.to_owned().into(),
                        expected: "an X-11 table name such as b3, c17, d10 or e2",
                    }),
                }
            }
        }
    };
}

tables! {
    B1 "b1" "The series as adjusted (the input).",
    B2 "b2" "Preliminary trend-cycle: centred 2×12 (2×4) moving average of B1.",
    B3 "b3" "Unmodified SI ratios: B1 / B2.",
    B4 "b4" "Replacement values for extreme SI ratios of B3 (missing elsewhere).",
    B5 "b5" "Preliminary seasonal factors (first estimate).",
    B6 "b6" "Preliminary seasonally adjusted series: B1 / B5.",
    B7 "b7" "Preliminary trend-cycle: Henderson filter of B6.",
    B8 "b8" "Unmodified SI ratios: B1 / B7.",
    B9 "b9" "Replacement values for extreme SI ratios of B8 (missing elsewhere).",
    B10 "b10" "Seasonal factors of the B iteration.",
    B11 "b11" "Seasonally adjusted series of the B iteration: B1 / B10.",
    B13 "b13" "Irregular of the B iteration: B11 / B7.",
    B17 "b17" "Preliminary weights of the irregular (0 to 1).",
    B20 "b20" "Preliminary extreme-value adjustment factors.",
    C1 "c1" "Original series modified for extremes: B1 / B20.",
    C2 "c2" "Preliminary trend-cycle of the C iteration.",
    C4 "c4" "Modified SI ratios: C1 / C2.",
    C5 "c5" "Preliminary seasonal factors of the C iteration.",
    C6 "c6" "Preliminary seasonally adjusted series of the C iteration.",
    C7 "c7" "Trend-cycle of the C iteration: Henderson filter of C6.",
    C9 "c9" "Modified SI ratios: C1 / C7.",
    C10 "c10" "Seasonal factors of the C iteration.",
    C11 "c11" "Seasonally adjusted series of the C iteration: B1 / C10.",
    C13 "c13" "Irregular of the C iteration: C11 / C7.",
    C17 "c17" "Final weights of the irregular (0 to 1).",
    C20 "c20" "Final extreme-value adjustment factors.",
    D1 "d1" "Original series modified for extremes: B1 / C20.",
    D2 "d2" "Preliminary trend-cycle of the D iteration.",
    D4 "d4" "Modified SI ratios: D1 / D2.",
    D5 "d5" "Preliminary seasonal factors of the D iteration.",
    D6 "d6" "Preliminary seasonally adjusted series of the D iteration.",
    D7 "d7" "Trend-cycle of the D iteration: Henderson filter of D6.",
    D8 "d8" "Final unmodified SI ratios: B1 / D7.",
    D9 "d9" "Final replacement values for extreme SI ratios (missing elsewhere).",
    D10 "d10" "Final seasonal factors.",
    D11 "d11" "Final seasonally adjusted series.",
    D12 "d12" "Final trend-cycle.",
    D13 "d13" "Final irregular: D11 / D12.",
    D16 "d16" "Combined adjustment factors: B1 / D11 (equal to D10 without calendar effects).",
    E1 "e1" "Original series modified for extremes (zero-weight values replaced by D12·D10).",
    E2 "e2" "Seasonally adjusted series modified for extremes (zero-weight values replaced by D12).",
    E3 "e3" "Irregular modified for extremes (zero-weight values replaced by the neutral value).",
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}
