//! Colours of a [`Chart`](super::Chart).

use core::fmt;

/// An opaque colour, `Rgb(red, green, blue)`, written `#RRGGBB` in SVG.
///
/// # Example
/// ```
/// use econseries::plot::Rgb;
///
/// assert_eq!(Rgb(192, 57, 43).to_string(), "#C0392B");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl fmt::Display for Rgb {
    /// `#RRGGBB` in upper case, the form the SVG output uses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// The colours of every element of a [`Chart`](super::Chart).
///
/// Each kind of mark has its own colour, so a reader (or a test parsing the
/// SVG) can tell a recession span from a change-point segment by its fill.
/// Start from [`Palette::default`] and change fields.
///
/// # Example
/// ```
/// use econseries::plot::{Palette, Rgb};
///
/// let mut palette = Palette::default();
/// palette.negative = Rgb(200, 0, 0);
/// assert_ne!(palette.negative, palette.positive);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Palette {
    /// The line of a level series.
    pub line: Rgb,
    /// The first series [compared](super::Chart::compare) with the charted one.
    pub compare: Rgb,
    /// Bars at or above zero.
    pub positive: Rgb,
    /// Bars below zero.
    pub negative: Rgb,
    /// Recession spans: technical recessions and spans added with
    /// [`Chart::span`](super::Chart::span) (drawn translucent).
    pub recession: Rgb,
    /// Business-cycle phases from a peak to the next trough (drawn translucent).
    pub cycle: Rgb,
    /// Single-period contractions (drawn translucent).
    pub contraction: Rgb,
    /// Streak spans (drawn translucent).
    pub streak: Rgb,
    /// Change-point segments (drawn translucent, alternately lighter and darker).
    pub segment: Rgb,
    /// The horizontal mean (or fitted line) of each change-point segment.
    pub mean: Rgb,
    /// Record lows and highs ("lowest since …" points too).
    pub record: Rgb,
    /// Other points: crossings, turning points without a partner, Sahm-rule
    /// signals, anomalies.
    pub point: Rgb,
    /// The dashed neutral line.
    pub neutral: Rgb,
    /// Titles, labels and axes.
    pub text: Rgb,
    /// The thin line from a point to its label when the label had to move away.
    pub leader: Rgb,
    /// Grid lines.
    pub grid: Rgb,
}

impl Default for Palette {
    fn default() -> Palette {
        // Colour-blind-safe pairs (blue/vermilion for the signs, after Okabe
        // and Ito), and a grey for recessions as in FRED's and NBER's charts.
        Palette {
            line: Rgb(0, 90, 160),
            compare: Rgb(30, 30, 30),
            positive: Rgb(0, 114, 178),
            negative: Rgb(213, 94, 0),
            recession: Rgb(120, 120, 120),
            contraction: Rgb(204, 121, 167),
            cycle: Rgb(86, 180, 233),
            streak: Rgb(230, 159, 0),
            segment: Rgb(0, 158, 115),
            mean: Rgb(0, 110, 80),
            record: Rgb(204, 0, 102),
            point: Rgb(86, 70, 160),
            neutral: Rgb(70, 70, 70),
            text: Rgb(34, 34, 34),
            leader: Rgb(150, 150, 150),
            grid: Rgb(225, 225, 225),
        }
    }
}
