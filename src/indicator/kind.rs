//! [`MeasureKind`]: what sort of quantity a series measures.

use core::fmt;

use super::Neutral;

/// What sort of quantity a series measures, which decides the transforms
/// that make sense, for run-time use by [`Indicator`](super::Indicator).
///
/// | kind | examples | percent changes | changes in |
/// |---|---|---|---|
/// | [`Output`](MeasureKind::Output) | GDP, industrial production | yes | the series' unit |
/// | [`Flow`](MeasureKind::Flow) | exports, imports, retail sales | yes | the series' unit |
/// | [`Stock`](MeasureKind::Stock) | debt, population | yes | the series' unit |
/// | [`Balance`](MeasureKind::Balance) | trade balance, budget balance | no | the series' unit |
/// | [`Rate`](MeasureKind::Rate) | unemployment rate, inflation rate | no | [`PercentagePoints`](crate::PercentagePoints) |
/// | [`Index`](MeasureKind::Index) | consumer confidence, PMI | no | [`IndexPoints`](crate::IndexPoints) |
///
/// A percent change needs a positive level that keeps its sign: a balance
/// can cross zero (a change from −10 to +5 would be "−150%"), the percent
/// change of a rate ("unemployment up 10%") is routinely misread as
/// percentage points, and a confidence or diffusion index has an arbitrary
/// origin, so "the PMI rose 4%" means nothing.
///
/// # Example
/// ```
/// use econseries::indicator::{MeasureKind, Neutral};
///
/// assert!(MeasureKind::Flow.has_percent_changes());
/// assert!(!MeasureKind::Rate.has_percent_changes());
/// let pmi = MeasureKind::Index { neutral: Neutral::Diffusion50 };
/// assert_eq!(pmi.name(), "index");
/// assert_eq!(pmi.neutral().map(Neutral::level), Some(50.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MeasureKind {
    /// Real activity, a flow whose fall is a *contraction* and whose
    /// consecutive quarterly falls are a technical recession (GDP,
    /// industrial production).
    Output,
    /// An amount per period (exports in a month, retail sales).
    Flow,
    /// An amount at a point in time (debt outstanding, population).
    Stock,
    /// A signed difference of two flows or stocks (exports − imports,
    /// revenue − spending), or a survey balance in currency units.
    Balance,
    /// A ratio in percent (the unemployment rate, an inflation rate).
    Rate,
    /// A confidence or diffusion index with a neutral level.
    Index {
        /// The level that separates "better" from "worse".
        neutral: Neutral,
    },
}

impl MeasureKind {
    /// The lowercase name: `output`, `flow`, `stock`, `balance`, `rate` or
    /// `index`.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::MeasureKind;
    ///
    /// assert_eq!(MeasureKind::Balance.name(), "balance");
    /// assert_eq!(MeasureKind::Rate.to_string(), MeasureKind::Rate.name());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            MeasureKind::Output => "output",
            MeasureKind::Flow => "flow",
            MeasureKind::Stock => "stock",
            MeasureKind::Balance => "balance",
            MeasureKind::Rate => "rate",
            MeasureKind::Index { .. } => "index",
        }
    }

    /// Whether percent changes (`pch`, `pc1`, `pca`) are meaningful: only for
    /// output, flows and stocks.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::MeasureKind;
    ///
    /// assert!(MeasureKind::Flow.has_percent_changes()); // imports fell 41.4%
    /// assert!(!MeasureKind::Balance.has_percent_changes()); // a deficit has no percent change
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn has_percent_changes(self) -> bool {
        matches!(
            self,
            MeasureKind::Output | MeasureKind::Flow | MeasureKind::Stock
        )
    }

    /// The neutral level of an index, `None` for the other kinds.
    ///
    /// # Example
    /// ```
    /// use econseries::indicator::{MeasureKind, Neutral};
    ///
    /// let pmi = MeasureKind::Index { neutral: Neutral::Diffusion50 };
    /// assert_eq!(pmi.neutral(), Some(Neutral::Diffusion50));
    /// assert_eq!(MeasureKind::Flow.neutral(), None);
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub const fn neutral(self) -> Option<Neutral> {
        match self {
            MeasureKind::Index { neutral } => Some(neutral),
            _ => None,
        }
    }
}

impl fmt::Display for MeasureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}
