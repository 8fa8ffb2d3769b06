//! Exact maximum likelihood for a regression with seasonal ARIMA errors.
//!
//! For given ARMA coefficients the regression coefficients are the
//! generalised least squares estimates (the differenced series and
//! regressors filtered by the ARMA model's Kalman filter, then ordinary
//! least squares), so the likelihood is concentrated in the ARMA
//! coefficients alone. Those are found by Levenberg–Marquardt on the scaled
//! innovations e_t·|Ω|^{1/(2N)}, whose sum of squares the exact likelihood is a
//! monotone function of (the program's own formulation of the exact
//! likelihood as a nonlinear least squares problem, Findley et al. 1998).
//! Starting values are 0.1 for every coefficient, as in the program.

use crate::x13::arima::{self, ArimaOrder, Arma, ArmaCoefficients};

/// The differenced data of one estimation problem.
#[derive(Clone, Debug)]
pub(crate) struct Problem {
    pub(crate) order: ArimaOrder,
    pub(crate) period: usize,
    /// Number of differenced observations N.
    pub(crate) n: usize,
    /// Number of regressors k.
    pub(crate) k: usize,
    /// The differenced series, then the k differenced regressors, N values each.
    pub(crate) w: Vec<f64>,
}

/// One evaluation of the concentrated likelihood.
#[derive(Clone, Debug)]
pub(crate) struct Eval {
    /// GLS regression coefficients.
    pub(crate) beta: Vec<f64>,
    /// The covariance of `beta` divided by σ²: (X̃ᵀX̃)⁻¹, k × k.
    pub(crate) xtx_inv: Vec<f64>,
    /// Standardised GLS residuals.
    pub(crate) resid: Vec<f64>,
    /// Σ ln F_t.
    pub(crate) logdet: f64,
    /// Σ resid².
    pub(crate) sse: f64,
}

/// The result of the maximisation.
#[derive(Clone, Debug)]
pub(crate) struct Estimate {
    pub(crate) theta: Vec<f64>,
    pub(crate) theta_cov: Vec<f64>,
    pub(crate) eval: Eval,
    pub(crate) iterations: usize,
}

impl Problem {
    /// `y` and the regressor columns over the span, differenced.
    pub(crate) fn new(order: ArimaOrder, period: usize, y: &[f64], x: &[&[f64]]) -> Problem {
        let delta = arima::differencing(&order, period);
        let mut w = arima::apply_difference(&delta, y);
        let n = w.len();
        for col in x {
            w.extend(arima::apply_difference(&delta, col));
        }
        Problem {
            order,
            period,
            n,
            k: x.len(),
            w,
        }
    }

    /// Whether the coefficients give a stationary AR part. The MA part may
    /// be non-invertible: the exact likelihood is defined there (and equal
    /// to that of the invertible model with the roots inverted).
    pub(crate) fn admissible(&self, theta: &[f64]) -> bool {
        let c = ArmaCoefficients::from_slice(&self.order, theta);
        theta.iter().all(|t| t.is_finite() && t.abs() < 10.0)
            && arima::is_stationary(&c.ar, 0.0)
            && arima::is_stationary(&c.sar, 0.0)
    }

    /// The concentrated likelihood's ingredients at `theta`, `None` outside the
    /// admissible region or for a singular regression.
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn evaluate(&self, theta: &[f64]) -> Option<Eval> {
        if !self.admissible(theta) {
            return None;
        }
        let arma = Arma::new(
            &ArmaCoefficients::from_slice(&self.order, theta),
            self.period,
        );
        let n = self.n;
        let filtered = arima::filter(&arma, &self.w, n, self.k + 1)?;
        // Bounds: the filter returns (k + 1)·n innovations.
        let (ey, ex) = filtered.e.split_at(n);
        let (beta, xtx_inv, resid) = least_squares(ex, ey, n, self.k)?;
        let sse = resid.iter().map(|v| v * v).sum();
        Some(Eval {
            beta,
            xtx_inv,
            resid,
            logdet: filtered.logdet,
            sse,
        })
    }

    /// The scaled residuals whose sum of squares is minimised.
    fn scaled(&self, ev: &Eval) -> Vec<f64> {
        let s = (ev.logdet / (2.0 * self.n as f64)).exp();
        ev.resid.iter().map(|v| v * s).collect()
    }

    /// The concentrated log-likelihood of an evaluation.
    pub(crate) fn loglik(&self, ev: &Eval) -> f64 {
        let nn = self.n as f64;
        -0.5 * nn * ((2.0 * std::f64::consts::PI * ev.sse / nn).ln() + 1.0) - 0.5 * ev.logdet
    }

    /// Maximises the likelihood from `start` (0.1 for every coefficient when
    /// `None`) by Levenberg–Marquardt with Moré's (1978) trust region, the
    /// MINPACK algorithm the program uses, stopping when an iteration changes
    /// the log-likelihood by less than `tol` (the program's
    /// `estimate{tol=1e-5}`) or after `max_iter` iterations.
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn maximise(
        &self,
        start: Option<&[f64]>,
        max_iter: usize,
        tol: f64,
    ) -> Option<Estimate> {
        let m = self.order.arma_count();
        let mut theta: Vec<f64> = match start {
            Some(s) if s.len() == m && self.admissible(s) => s.to_vec(),
            _ => vec![0.1; m],
        };
        let mut ev = self.evaluate(&theta)?;
        if m == 0 {
            return Some(Estimate {
                theta,
                theta_cov: Vec::new(),
                eval: ev,
                iterations: 0,
            });
        }
        let mut r = self.scaled(&ev);
        let nr = r.len();
        let mut fnorm = norm(&r);
        let mut loglik = self.loglik(&ev);
        let mut jac = vec![0.0; nr * m];
        let mut diag = vec![0.0; m];
        let mut delta = 0.0;
        let mut xnorm;
        let mut par = 0.0;
        let mut iterations = 0;
        let mut first = true;
        'outer: loop {
            if !jacobian(self, &theta, &r, &mut jac) {
                break;
            }
            // JᵀJ, Jᵀf and the column norms.
            let mut jtj = vec![0.0; m * m];
            let mut jtf = vec![0.0; m];
            for a in 0..m {
                let ja = &jac[a * nr..(a + 1) * nr];
                jtf[a] = ja.iter().zip(&r).map(|(x, y)| x * y).sum();
                for b in a..m {
                    let v: f64 = ja
                        .iter()
                        .zip(&jac[b * nr..(b + 1) * nr])
                        .map(|(x, y)| x * y)
                        .sum();
                    jtj[a * m + b] = v;
                    jtj[b * m + a] = v;
                }
            }
            let acnorm: Vec<f64> = (0..m).map(|a| jtj[a * m + a].sqrt()).collect();
            if first {
                for a in 0..m {
                    diag[a] = if acnorm[a] == 0.0 { 1.0 } else { acnorm[a] };
                }
                xnorm = norm(
                    &theta
                        .iter()
                        .zip(&diag)
                        .map(|(x, d)| x * d)
                        .collect::<Vec<_>>(),
                );
                delta = 100.0 * xnorm;
                if delta == 0.0 {
                    delta = 100.0;
                }
            } else {
                for a in 0..m {
                    diag[a] = diag[a].max(acnorm[a]);
                }
            }
            if fnorm == 0.0 {
                break;
            }
            loop {
                let Some((step, new_par)) = lm_parameter(&jtj, &jtf, &diag, delta, par, m) else {
                    break 'outer;
                };
                par = new_par;
                let pnorm = norm(
                    &step
                        .iter()
                        .zip(&diag)
                        .map(|(x, d)| x * d)
                        .collect::<Vec<_>>(),
                );
                if first {
                    delta = delta.min(pnorm);
                }
                let cand: Vec<f64> = theta.iter().zip(&step).map(|(t, d)| t + d).collect();
                let trial = self.evaluate(&cand).map(|ev2| {
                    let r2 = self.scaled(&ev2);
                    (norm(&r2), r2, ev2)
                });
                let fnorm1 = trial.as_ref().map_or(f64::INFINITY, |t| t.0);
                let actred = if 0.1 * fnorm1 < fnorm {
                    1.0 - (fnorm1 / fnorm).powi(2)
                } else {
                    -1.0
                };
                // Predicted reduction from the linear model.
                let mut jp2 = 0.0;
                for a in 0..m {
                    for b in 0..m {
                        jp2 += step[a] * jtj[a * m + b] * step[b];
                    }
                }
                let temp1 = jp2.max(0.0).sqrt() / fnorm;
                let temp2 = par.sqrt() * pnorm / fnorm;
                let prered = temp1 * temp1 + temp2 * temp2 / 0.5;
                let dirder = -(temp1 * temp1 + temp2 * temp2);
                let ratio = if prered != 0.0 { actred / prered } else { 0.0 };
                if ratio <= 0.25 {
                    let mut temp = if actred >= 0.0 {
                        0.5
                    } else {
                        0.5 * dirder / (dirder + 0.5 * actred)
                    };
                    if 0.1 * fnorm1 >= fnorm || temp < 0.1 {
                        temp = 0.1;
                    }
                    delta = temp * delta.min(pnorm / 0.1);
                    par /= temp;
                } else if par == 0.0 || ratio >= 0.75 {
                    delta = pnorm / 0.5;
                    par *= 0.5;
                }
                first = false;
                if ratio >= 1e-4
                    && let Some((f1, r2, ev2)) = trial
                {
                    theta = cand;
                    r = r2;
                    ev = ev2;
                    fnorm = f1;
                    iterations += 1;
                    let l2 = self.loglik(&ev);
                    let change = (l2 - loglik).abs();
                    loglik = l2;
                    if change < tol || iterations >= max_iter {
                        break 'outer;
                    }
                    continue 'outer;
                }
                xnorm = norm(
                    &theta
                        .iter()
                        .zip(&diag)
                        .map(|(x, d)| x * d)
                        .collect::<Vec<_>>(),
                );
                if delta <= 1e-14 * xnorm || !delta.is_finite() {
                    break 'outer;
                }
            }
        }
        // A non-invertible MA factor has the likelihood of its invertible
        // mirror image (roots inverted): report the invertible one.
        let flipped = self.invertible(&theta);
        if flipped != theta
            && let Some(ev2) = self.evaluate(&flipped)
        {
            theta = flipped;
            ev = ev2;
        }
        let theta_cov = self.covariance(&theta);
        Some(Estimate {
            theta,
            theta_cov,
            eval: ev,
            iterations,
        })
    }
}

impl Problem {
    /// The coefficients with every MA factor made invertible (roots inside
    /// the unit circle inverted).
    pub(crate) fn invertible(&self, theta: &[f64]) -> Vec<f64> {
        let mut c = ArmaCoefficients::from_slice(&self.order, theta);
        c.ma = arima::invert_roots(&c.ma);
        c.sma = arima::invert_roots(&c.sma);
        c.to_vec()
    }

    /// The covariance of the ARMA estimates: the inverse of the observed
    /// information, the concentrated log-likelihood's Hessian by central
    /// differences.
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn covariance(&self, theta: &[f64]) -> Vec<f64> {
        let m = theta.len();
        let f = |t: &[f64]| self.evaluate(t).map_or(f64::NAN, |ev| self.loglik(&ev));
        let h: Vec<f64> = theta.iter().map(|t| 1e-4 * t.abs().max(0.1)).collect();
        let f0 = f(theta);
        let mut hess = vec![0.0; m * m];
        for a in 0..m {
            for b in a..m {
                let v = if a == b {
                    let mut tp = theta.to_vec();
                    tp[a] += h[a];
                    let mut tm = theta.to_vec();
                    tm[a] -= h[a];
                    (f(&tp) - 2.0 * f0 + f(&tm)) / (h[a] * h[a])
                } else {
                    let mut e = [0.0; 4];
                    for (k, (sa, sb)) in [(1.0, 1.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, -1.0)]
                        .iter()
                        .enumerate()
                    {
                        let mut t = theta.to_vec();
                        t[a] += sa * h[a];
                        t[b] += sb * h[b];
                        e[k] = f(&t);
                    }
                    (e[0] - e[1] - e[2] + e[3]) / (4.0 * h[a] * h[b])
                };
                hess[a * m + b] = -v;
                hess[b * m + a] = -v;
            }
        }
        invert(&hess, m).unwrap_or_else(|| vec![f64::NAN; m * m])
    }
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Moré's determination of the Levenberg–Marquardt parameter: the step p
/// minimising ‖Jp + f‖ subject to ‖Dp‖ ≤ Δ (within 10%), by safeguarded
/// Newton iterations on φ(par) = ‖D p(par)‖ − Δ, at most ten, starting from
/// `par`. Works on JᵀJ (the normal equations), which is exact arithmetic
/// on the same quantities MINPACK's QR factors carry.
#[allow(clippy::indexing_slicing)]
fn lm_parameter(
    jtj: &[f64],
    jtf: &[f64],
    diag: &[f64],
    delta: f64,
    par0: f64,
    m: usize,
) -> Option<(Vec<f64>, f64)> {
    let dwarf = f64::MIN_POSITIVE;
    let solve_at = |par: f64| -> Option<(Vec<f64>, Vec<f64>)> {
        // (JᵀJ + par D²) p = −Jᵀf by Cholesky; returns p and the factor.
        let mut a = jtj.to_vec();
        for i in 0..m {
            a[i * m + i] += par * diag[i] * diag[i];
        }
        let l = cholesky(&a, m)?;
        let b: Vec<f64> = jtf.iter().map(|v| -v).collect();
        Some((chol_solve(&l, &b, m), l))
    };
    let gauss_newton = solve_at(0.0);
    let (mut x, full_rank) = match &gauss_newton {
        Some((x, _)) => (x.clone(), true),
        None => (vec![0.0; m], false),
    };
    let dx = |x: &[f64]| norm(&x.iter().zip(diag).map(|(a, d)| a * d).collect::<Vec<_>>());
    let mut dxnorm = dx(&x);
    let mut fp = dxnorm - delta;
    if full_rank && fp <= 0.1 * delta {
        return Some((x, 0.0));
    }
    // Lower bound from the Newton step at par = 0.
    let mut parl = 0.0;
    if let (true, Some((_, l))) = (full_rank, &gauss_newton) {
        let q: Vec<f64> = (0..m)
            .map(|j| diag[j] * (diag[j] * x[j]) / dxnorm)
            .collect();
        let t = forward(l, &q, m);
        let tn = norm(&t);
        parl = ((fp / delta) / tn) / tn;
    }
    // Upper bound.
    let g: Vec<f64> = (0..m).map(|j| jtf[j] / diag[j]).collect();
    let gnorm = norm(&g);
    let mut paru = gnorm / delta;
    if paru == 0.0 {
        paru = dwarf / delta.min(0.1);
    }
    let mut par = par0.max(parl).min(paru);
    if par == 0.0 {
        par = gnorm / dxnorm;
    }
    let mut iter = 0;
    loop {
        iter += 1;
        if par == 0.0 {
            par = dwarf.max(0.001 * paru);
        }
        let (xp, l) = solve_at(par)?;
        x = xp;
        dxnorm = dx(&x);
        let temp = fp;
        fp = dxnorm - delta;
        if fp.abs() <= 0.1 * delta || (parl == 0.0 && fp <= temp && temp < 0.0) || iter == 10 {
            break;
        }
        let q: Vec<f64> = (0..m)
            .map(|j| diag[j] * (diag[j] * x[j]) / dxnorm)
            .collect();
        let t = forward(&l, &q, m);
        let tn = norm(&t);
        let parc = ((fp / delta) / tn) / tn;
        if fp > 0.0 {
            parl = parl.max(par);
        }
        if fp < 0.0 {
            paru = paru.min(par);
        }
        par = parl.max(par + parc);
    }
    Some((x, par))
}

/// Lower Cholesky factor of a symmetric positive definite matrix.
#[allow(clippy::indexing_slicing)]
fn cholesky(a: &[f64], m: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; m * m];
    for i in 0..m {
        for j in 0..=i {
            let mut s = a[i * m + j];
            for k in 0..j {
                s -= l[i * m + k] * l[j * m + k];
            }
            if i == j {
                if s.is_nan() || s <= 0.0 {
                    return None;
                }
                l[i * m + i] = s.sqrt();
            } else {
                l[i * m + j] = s / l[j * m + j];
            }
        }
    }
    Some(l)
}

/// Solves L y = b.
#[allow(clippy::indexing_slicing)]
fn forward(l: &[f64], b: &[f64], m: usize) -> Vec<f64> {
    let mut y = vec![0.0; m];
    for i in 0..m {
        let s: f64 = (0..i).map(|k| l[i * m + k] * y[k]).sum();
        y[i] = (b[i] - s) / l[i * m + i];
    }
    y
}

/// Solves L Lᵀ x = b.
#[allow(clippy::indexing_slicing)]
fn chol_solve(l: &[f64], b: &[f64], m: usize) -> Vec<f64> {
    let y = forward(l, b, m);
    let mut x = vec![0.0; m];
    for i in (0..m).rev() {
        let s: f64 = (i + 1..m).map(|k| l[k * m + i] * x[k]).sum();
        x[i] = (y[i] - s) / l[i * m + i];
    }
    x
}

/// Forward-difference Jacobian of the scaled residuals, one column per
/// coefficient (column after column). A step that leaves the admissible region
/// goes backwards instead.
#[allow(clippy::indexing_slicing)]
fn jacobian(p: &Problem, theta: &[f64], r: &[f64], jac: &mut [f64]) -> bool {
    let m = theta.len();
    let nr = r.len();
    for i in 0..m {
        let eps = f64::EPSILON.sqrt();
        let h = if theta[i] == 0.0 {
            eps
        } else {
            eps * theta[i].abs()
        };
        let mut t = theta.to_vec();
        let mut sign = 1.0;
        t[i] += h;
        let ev = match p.evaluate(&t) {
            Some(ev) => ev,
            None => {
                t[i] = theta[i] - h;
                sign = -1.0;
                match p.evaluate(&t) {
                    Some(ev) => ev,
                    None => return false,
                }
            }
        };
        let r2 = p.scaled(&ev);
        for (j, (a, b)) in r2.iter().zip(r).enumerate() {
            jac[i * nr + j] = sign * (a - b) / h;
        }
    }
    true
}

/// Least squares of `y` on the `k` columns of `x` (column after column, `n`
/// rows) by modified Gram–Schmidt with one re-orthogonalisation: the
/// coefficients, (XᵀX)⁻¹ and the residuals. `None` if a column is (nearly) a
/// combination of the others.
#[allow(clippy::indexing_slicing)]
pub(crate) fn least_squares(
    x: &[f64],
    y: &[f64],
    n: usize,
    k: usize,
) -> Option<(Vec<f64>, Vec<f64>, Vec<f64>)> {
    if k == 0 {
        return Some((Vec::new(), Vec::new(), y.to_vec()));
    }
    let mut q = x.to_vec();
    let mut rmat = vec![0.0; k * k];
    for j in 0..k {
        let norm0: f64 = q[j * n..(j + 1) * n]
            .iter()
            .map(|v| v * v)
            .sum::<f64>()
            .sqrt();
        for _pass in 0..2 {
            for i in 0..j {
                let (qi, qj) = q.split_at_mut(j * n);
                let qi = &qi[i * n..(i + 1) * n];
                let qj = &mut qj[..n];
                let d: f64 = qi.iter().zip(qj.iter()).map(|(a, b)| a * b).sum();
                rmat[i * k + j] += d;
                for (b, a) in qj.iter_mut().zip(qi) {
                    *b -= d * a;
                }
            }
        }
        let norm: f64 = q[j * n..(j + 1) * n]
            .iter()
            .map(|v| v * v)
            .sum::<f64>()
            .sqrt();
        if norm.is_nan() || norm <= 1e-10 * norm0 || norm <= 0.0 {
            return None;
        }
        rmat[j * k + j] = norm;
        for v in &mut q[j * n..(j + 1) * n] {
            *v /= norm;
        }
    }
    // β = R⁻¹ Qᵀ y, residual y − Q Qᵀ y.
    let mut resid = y.to_vec();
    let mut qty = vec![0.0; k];
    for _pass in 0..2 {
        for j in 0..k {
            let qj = &q[j * n..(j + 1) * n];
            let d: f64 = qj.iter().zip(&resid).map(|(a, b)| a * b).sum();
            qty[j] += d;
            for (r, a) in resid.iter_mut().zip(qj) {
                *r -= d * a;
            }
        }
    }
    // R⁻¹ (upper triangular).
    let mut rinv = vec![0.0; k * k];
    for j in 0..k {
        rinv[j * k + j] = 1.0 / rmat[j * k + j];
        for i in (0..j).rev() {
            let s: f64 = (i + 1..=j).map(|l| rmat[i * k + l] * rinv[l * k + j]).sum();
            rinv[i * k + j] = -s / rmat[i * k + i];
        }
    }
    let beta: Vec<f64> = (0..k)
        .map(|i| (i..k).map(|j| rinv[i * k + j] * qty[j]).sum())
        .collect();
    let mut xtx_inv = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            xtx_inv[i * k + j] = (i.max(j)..k)
                .map(|l| rinv[i * k + l] * rinv[j * k + l])
                .sum();
        }
    }
    Some((beta, xtx_inv, resid))
}

/// The inverse of a symmetric positive definite m × m matrix (Gauss–Jordan).
#[allow(clippy::indexing_slicing)]
pub(crate) fn invert(a: &[f64], m: usize) -> Option<Vec<f64>> {
    let mut out = vec![0.0; m * m];
    for j in 0..m {
        let mut b = vec![0.0; m];
        b[j] = 1.0;
        let mut aa = a.to_vec();
        let col = arima::solve(&mut aa, &mut b, m)?;
        for i in 0..m {
            out[i * m + j] = col[i];
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_squares_recovers_a_line() {
        let n = 20;
        let x: Vec<f64> = (0..n)
            .map(|_| 1.0)
            .chain((0..n).map(|t| t as f64))
            .collect();
        let y: Vec<f64> = (0..n).map(|t| 2.0 + 0.5 * t as f64).collect();
        let (b, inv, r) = least_squares(&x, &y, n, 2).unwrap();
        assert!((b[0] - 2.0).abs() < 1e-12 && (b[1] - 0.5).abs() < 1e-12);
        assert!(r.iter().all(|v| v.abs() < 1e-12));
        // (XᵀX)⁻¹[1][1] = 1/Σ(t − t̄)²
        let tbar = 9.5;
        let sxx: f64 = (0..n).map(|t| (t as f64 - tbar).powi(2)).sum();
        assert!((inv[3] - 1.0 / sxx).abs() < 1e-12);
    }

    #[test]
    fn collinear_regressors_are_refused() {
        let n = 10;
        let x: Vec<f64> = (0..n)
            .map(|t| t as f64)
            .chain((0..n).map(|t| 2.0 * t as f64))
            .collect();
        let y: Vec<f64> = (0..n).map(|t| t as f64).collect();
        assert!(least_squares(&x, &y, n, 2).is_none());
    }
}
