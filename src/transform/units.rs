use core::fmt;
use core::str::FromStr;

use crate::error::{Error, Result};
use crate::period::Period;
use crate::series::Series;
use crate::unit::{Percent, Value};

/// FRED's nine units transformations (the `units` parameter of FRED's API).
///
/// `n` is the number of periods per year (12, 4, 1).
///
/// ```text
/// lin  x(t)
/// chg  x(t) − x(t−1)
/// ch1  x(t) − x(t−n)
/// pch  (x(t)/x(t−1) − 1)·100
/// pc1  (x(t)/x(t−n) − 1)·100
/// pca  ((x(t)/x(t−1))^n − 1)·100
/// cch  (ln x(t) − ln x(t−1))·100
/// cca  (ln x(t) − ln x(t−1))·100·n
/// log  ln x(t)
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Units {
    /// Levels, `lin`.
    Lin,
    /// Change, `chg`.
    Chg,
    /// Change from a year ago, `ch1`.
    Ch1,
    /// Percent change, `pch`.
    Pch,
    /// Percent change from a year ago, `pc1`.
    Pc1,
    /// Compounded annual rate of change, `pca`.
    Pca,
    /// Continuously compounded rate of change, `cch`.
    Cch,
    /// Continuously compounded annual rate of change, `cca`.
    Cca,
    /// Natural log, `log`.
    Log,
}

impl Units {
    /// All nine, in FRED's order.
    pub const ALL: [Units; 9] = [
        Units::Lin,
        Units::Chg,
        Units::Ch1,
        Units::Pch,
        Units::Pc1,
        Units::Pca,
        Units::Cch,
        Units::Cca,
        Units::Log,
    ];

    /// FRED's code: `lin`, `chg`, ...
    pub const fn code(self) -> &'static str {
        match self {
            Units::Lin => "lin",
            Units::Chg => "chg",
            Units::Ch1 => "ch1",
            Units::Pch => "pch",
            Units::Pc1 => "pc1",
            Units::Pca => "pca",
            Units::Cch => "cch",
            Units::Cca => "cca",
            Units::Log => "log",
        }
    }
}

impl fmt::Display for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for Units {
    type Err = Error;

    fn from_str(s: &str) -> Result<Units> {
        Units::ALL
            .into_iter()
            .find(|u| u.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error::InvalidArgument {
                name: "units",
                value: s.to_owned(),
                expected: "one of lin, chg, ch1, pch, pc1, pca, cch, cca, log",
            })
    }
}

impl<P: Period, U: Value> Series<P, U> {
    /// Applies one of FRED's units; undefined results are missing values.
    pub fn units(&self, units: Units) -> Series<P> {
        let _ = units;
        todo!()
    }

    /// Like [`units`](Series::units), but an error naming the first period whose
    /// result is undefined. The result starts at the first period whose lag lies
    /// inside the series.
    ///
    /// # Errors
    /// [`Error::Undefined`] with the period and the reason.
    pub fn units_strict(&self, units: Units) -> Result<Series<P>> {
        let _ = units;
        todo!()
    }

    /// `chg`: x(t) − x(t−1), in the series' own unit.
    pub fn chg(&self) -> Series<P> {
        self.units(Units::Chg)
    }

    /// `ch1`: x(t) − x(t−n), in the series' own unit.
    pub fn ch1(&self) -> Series<P> {
        self.units(Units::Ch1)
    }

    /// `pch`: percent change from the previous period.
    pub fn pch(&self) -> Series<P, Percent> {
        self.units(Units::Pch).into_unit()
    }

    /// `pc1`: percent change from a year ago (year on year).
    pub fn pc1(&self) -> Series<P, Percent> {
        self.units(Units::Pc1).into_unit()
    }

    /// `pca`: compounded annual rate of change (e.g. US GDP's headline SAAR).
    pub fn pca(&self) -> Series<P, Percent> {
        self.units(Units::Pca).into_unit()
    }

    /// `cch`: continuously compounded rate of change.
    pub fn cch(&self) -> Series<P, Percent> {
        self.units(Units::Cch).into_unit()
    }

    /// `cca`: continuously compounded annual rate of change.
    pub fn cca(&self) -> Series<P, Percent> {
        self.units(Units::Cca).into_unit()
    }

    /// `log`: natural log.
    pub fn ln(&self) -> Series<P> {
        self.units(Units::Log)
    }
}
