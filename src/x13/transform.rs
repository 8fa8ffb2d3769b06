//! The program's `transform{}`: none, log, Box–Cox power, the automatic choice
//! between none and log by AICC, and the leap-year pre-adjustment.

use crate::error::{Error, Result};

/// The transformation applied to the series before the regARIMA model (the
/// program's `transform{function=… power=…}`).
///
/// # Example
/// ```
/// use econseries::x13::Transform;
///
/// assert_eq!(Transform::Log.apply(&[1.0, std::f64::consts::E])?, vec![0.0, 1.0]);
/// // Box–Cox with the program's offset λ² + (yᵏ − 1)/λ:
/// let p = Transform::Power(0.5).apply(&[4.0])?;
/// assert!((p[0] - (0.25 + (2.0 - 1.0) / 0.5)).abs() < 1e-15);
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Transform {
    /// No transformation (`function=none`, the program's default).
    None,
    /// Natural logarithm (`function=log`; needs positive values).
    Log,
    /// Box–Cox power λ (`power=λ`): λ² + (yᵏ − 1)/λ, the log at λ = 0.
    Power(f64),
    /// `function=auto`: log unless the untransformed model's AICC is lower
    /// than the log model's by more than 2 (the program's `aicdiff=-2`).
    Auto,
}

impl Transform {
    /// Applies the transformation to every value.
    ///
    /// # Errors
    /// [`Error::X13Transform`] for a non-positive value under log or power,
    /// naming its position; [`Error::X13Transform`] for `Auto`, which is a choice,
    /// not a function.
    pub fn apply(&self, y: &[f64]) -> Result<Vec<f64>> {
        match *self {
            Transform::None => Ok(y.to_vec()),
            Transform::Log | Transform::Power(_) => {
                if let Some(pos) = y.iter().position(|v| v.is_nan() || *v <= 0.0) {
                    return Err(Error::X13Transform {
                        transform: self.name(),
                        position: pos,
                    });
                }
                Ok(y.iter().map(|v| self.forward(*v)).collect())
            }
            Transform::Auto => Err(Error::X13Transform {
                transform: "auto",
                position: 0,
            }),
        }
    }

    /// The program's name of the function (`none`, `log`, `power`, `auto`).
    pub const fn name(&self) -> &'static str {
        match self {
            Transform::None => "none",
            Transform::Log => "log",
            Transform::Power(_) => "power",
            Transform::Auto => "auto",
        }
    }

    pub(crate) fn forward(&self, v: f64) -> f64 {
        match *self {
            Transform::Log => v.ln(),
            Transform::Power(0.0) => v.ln(),
            Transform::Power(l) => l * l + (v.powf(l) - 1.0) / l,
            Transform::None | Transform::Auto => v,
        }
    }

    /// The inverse, from the transformed scale back to the series'.
    pub(crate) fn inverse(&self, v: f64) -> f64 {
        match *self {
            Transform::Log => v.exp(),
            Transform::Power(0.0) => v.exp(),
            Transform::Power(l) => ((v - l * l) * l + 1.0).powf(1.0 / l),
            Transform::None | Transform::Auto => v,
        }
    }

    /// The log-Jacobian Σ ln |dT/dy| over `y`, added to the likelihood so
    /// that AICCs of different transformations compare (the program's
    /// "transformation adjustment").
    pub(crate) fn log_jacobian(&self, y: &[f64]) -> f64 {
        match *self {
            Transform::Log => -y.iter().map(|v| v.ln()).sum::<f64>(),
            Transform::Power(l) => (l - 1.0) * y.iter().map(|v| v.ln()).sum::<f64>(),
            Transform::None | Transform::Auto => 0.0,
        }
    }
}

/// The leap-year factor the program divides by under `adjust=lpyear`: the
/// length of February (of the first quarter) over its long-run mean, 28.25
/// (90.25) days; 1 in other months. `position` is 1-based in the year.
pub(crate) fn leap_factor(year: i32, position: u32, period: usize) -> f64 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match (period, position) {
        (12, 2) => {
            if leap {
                29.0 / 28.25
            } else {
                28.0 / 28.25
            }
        }
        (4, 1) => {
            if leap {
                91.0 / 90.25
            } else {
                90.0 / 90.25
            }
        }
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_round_trip() {
        for t in [
            Transform::Log,
            Transform::Power(0.3),
            Transform::Power(-0.5),
            Transform::None,
        ] {
            for v in [0.5, 1.0, 7.0, 1234.5] {
                let back = t.inverse(t.forward(v));
                assert!((back - v).abs() < 1e-12 * v, "{t:?} {v} {back}");
            }
        }
    }

    #[test]
    fn log_needs_positive() {
        assert!(matches!(
            Transform::Log.apply(&[1.0, 0.0]),
            Err(Error::X13Transform {
                transform: "log",
                position: 1
            })
        ));
    }

    #[test]
    fn leap_factors() {
        assert_eq!(leap_factor(2000, 2, 12), 29.0 / 28.25);
        assert_eq!(leap_factor(1900, 2, 12), 28.0 / 28.25);
        assert_eq!(leap_factor(2024, 1, 4), 91.0 / 90.25);
        assert_eq!(leap_factor(2024, 3, 12), 1.0);
    }
}
