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

    /// The differenced regression residuals w_y − Σ βⱼ w_{xⱼ}.
    #[allow(clippy::indexing_slicing)]
    fn regression_residuals(&self, beta: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut r = self.w[..n].to_vec();
        for (j, b) in beta.iter().enumerate() {
            let col = &self.w[(j + 1) * n..(j + 2) * n];
            for (v, x) in r.iter_mut().zip(col) {
                *v -= b * x;
            }
        }
        r
    }

    /// Maximises the likelihood from `start` (0.1 for every coefficient when
    /// `None`; a start from a previous estimation has MA factors near the
    /// unit circle shrunk as the program does) as the program does (its `rgarma`): iterative generalised
    /// least squares, alternating the GLS regression at fixed ARMA
    /// coefficients with a Levenberg–Marquardt search (MINPACK's `lmdif`) over
    /// the ARMA coefficients at fixed regression coefficients, on the vector
    /// of [`exact_residuals`] scaled by |Σ|^{1/(2N)}, whose sum of squares
    /// (the deviance) the exact likelihood is a monotone function of.
    ///
    /// The program's convergence rule: `tol` bounds the change of the
    /// log-likelihood, which it turns into a relative change of the deviance,
    /// 2·tol/N. Without regressors one search runs with MINPACK's `ftol` at that
    /// value (at most `max_iter` iterations). With regressors each search runs
    /// at most 40 iterations (`maxnliter`) with `ftol` = 2·nltol/N, nltol =
    /// 100·tol for the first two searches and tol after; the alternation stops
    /// when the deviance changes by a relative 2·tol/N between two GLS steps (checked from
    /// the third on), when a search makes no step, or after `max_iter`
    /// iterations in all. A trial step to a non-stationary or non-invertible
    /// factor gets a residual vector of constants larger than any residual, so
    /// the search rejects it.
    ///
    /// The covariance of the ARMA estimates is the program's: σ² (JᵀJ)⁻¹ with J
    /// the forward-difference Jacobian of the scaled residual vector at the
    /// estimates and σ² the innovation variance.
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn maximise(
        &self,
        start: Option<&[f64]>,
        max_iter: usize,
        tol: f64,
    ) -> Option<Estimate> {
        let m = self.order.arma_count();
        let mut theta: Vec<f64> = match start {
            Some(s) if s.len() == m && self.admissible(s) => self.shrink_near_unit(s),
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
        let nn = self.n as f64;
        let devtol = 2.0 / nn * tol;
        let with_regression = self.k > 0;
        let (mut ftol, ftol_later, per_search) = if with_regression {
            (
                2.0 / nn * 100.0 * tol,
                2.0 / nn * tol,
                MAX_SEARCH_ITERATIONS,
            )
        } else {
            (devtol, devtol, max_iter)
        };
        let mut iter = 0usize;
        let mut nliter = 0usize;
        let mut old_objective = 0.0;
        let mut large = 1e6;
        let mut searching = true;
        let mut resid;
        loop {
            resid = self.regression_residuals(&ev.beta);
            let arma = Arma::new(
                &ArmaCoefficients::from_slice(&self.order, &theta),
                self.period,
            );
            let (a, logdet) = exact_residuals(&arma, &resid)?;
            let apa: f64 = a.iter().map(|v| v * v).sum();
            let objective = apa * (logdet / nn).exp();
            if iter == 0 {
                let amax = a.iter().fold(0.0_f64, |acc, v| acc.max(v.abs()));
                large = amax * (logdet / (2.0 * nn)).exp();
            }
            // The program's `stpitr`: the relative change of the deviance,
            // from the third GLS step on.
            let mut go_on = searching;
            if nliter >= max_iter {
                go_on = false;
            } else if iter > 1 && objective != 0.0 {
                let ratio = old_objective / objective - 1.0;
                if ratio.abs() < devtol || objective < f64::EPSILON {
                    go_on = false;
                }
            }
            old_objective = objective;
            iter += 1;
            if !go_on {
                break;
            }
            if iter > 2 {
                ftol = ftol_later;
            }
            let before = nliter;
            let nr = a.len();
            // The search starts from the residual vector just computed (the
            // scaled one, unless the start fails the root check).
            let scale = (logdet / (2.0 * nn)).exp();
            let start_vec = self
                .roots_ok(&theta)
                .then(|| a.iter().map(|v| v * scale).collect::<Vec<f64>>());
            let fcn = |t: &[f64], check: bool| -> Vec<f64> {
                self.scaled_residuals(t, &resid, check)
                    .unwrap_or_else(|| vec![large; nr])
            };
            let many = |ts: &[Vec<f64>]| -> Vec<Vec<f64>> {
                self.scaled_residuals_many(ts, &resid)
                    .into_iter()
                    .map(|v| v.unwrap_or_else(|| vec![large; nr]))
                    .collect()
            };
            let info = lmdif(
                &fcn,
                &many,
                &mut theta,
                ftol,
                nliter + per_search,
                &mut nliter,
                start_vec,
            );
            searching = with_regression;
            ev = self.evaluate(&theta)?;
            if !(info >= 1 && nliter > before) {
                break;
            }
        }
        // A non-invertible MA factor (from a non-invertible start) has the
        // likelihood of its invertible mirror image: report the invertible one.
        let flipped = self.invertible(&theta);
        if flipped != theta
            && let Some(ev2) = self.evaluate(&flipped)
        {
            theta = flipped;
            ev = ev2;
            resid = self.regression_residuals(&ev.beta);
        }
        let variance = ev.sse / nn;
        let theta_cov = self.covariance(&theta, &resid, variance);
        Some(Estimate {
            theta,
            theta_cov,
            eval: ev,
            iterations: nliter,
        })
    }

    /// The program's residual vector of `resid` at `theta`, scaled by
    /// |Σ|^{1/(2N)}. With `check`, `None` for a factor with a root on or
    /// inside the unit circle (the program's `chkrts`).
    fn scaled_residuals(&self, theta: &[f64], resid: &[f64], check: bool) -> Option<Vec<f64>> {
        if theta.iter().any(|t| !t.is_finite()) {
            return None;
        }
        if check && !self.roots_ok(theta) {
            return None;
        }
        let c = ArmaCoefficients::from_slice(&self.order, theta);
        let (mut a, logdet) = exact_residuals(&Arma::new(&c, self.period), resid)?;
        let s = (logdet / (2.0 * self.n as f64)).exp();
        for v in &mut a {
            *v *= s;
        }
        Some(a)
    }

    /// [`scaled_residuals`](Self::scaled_residuals) without the root check at
    /// several points, the likelihoods side by side ([`exact_residuals_many`]).
    fn scaled_residuals_many(&self, thetas: &[Vec<f64>], resid: &[f64]) -> Vec<Option<Vec<f64>>> {
        let mut out: Vec<Option<Vec<f64>>> = vec![None; thetas.len()];
        let (idx, arms): (Vec<usize>, Vec<Arma>) = thetas
            .iter()
            .enumerate()
            .filter(|(_, t)| t.iter().all(|v| v.is_finite()))
            .map(|(i, t)| {
                let c = ArmaCoefficients::from_slice(&self.order, t);
                (i, Arma::new(&c, self.period))
            })
            .unzip();
        for (i, r) in idx.into_iter().zip(exact_residuals_many(&arms, resid)) {
            if let (Some(slot), Some((mut a, logdet))) = (out.get_mut(i), r) {
                let s = (logdet / (2.0 * self.n as f64)).exp();
                for v in &mut a {
                    *v *= s;
                }
                *slot = Some(a);
            }
        }
        out
    }

    /// Whether every coefficient is finite and every factor has its roots
    /// outside the unit circle (the program's `chkrts`).
    fn roots_ok(&self, theta: &[f64]) -> bool {
        let c = ArmaCoefficients::from_slice(&self.order, theta);
        theta.iter().all(|t| t.is_finite())
            && arima::is_stationary(&c.ar, 0.0)
            && arima::is_stationary(&c.sar, 0.0)
            && arima::is_stationary(&c.ma, 0.0)
            && arima::is_stationary(&c.sma, 0.0)
    }

    /// Starting values from a previous estimation as the program's `setmdl`
    /// prepares them: an MA factor with a root of modulus at most 1.06 is
    /// pulled inside, each coefficient of lag ℓ multiplied by 0.9^ℓ (ℓ in
    /// periods, so a seasonal MA coefficient by 0.9^s), so that the search
    /// does not start on the unit circle.
    fn shrink_near_unit(&self, theta: &[f64]) -> Vec<f64> {
        let mut c = ArmaCoefficients::from_slice(&self.order, theta);
        let shrink = |f: &mut Vec<f64>, step: usize| {
            // A root within 1.06 of the origin is a root within the unit
            // circle of the polynomial in z/1.06.
            let scaled: Vec<f64> = f
                .iter()
                .zip(1..)
                .map(|(v, i)| v * 1.06_f64.powi(i))
                .collect();
            if !f.is_empty() && !arima::is_stationary(&scaled, 0.0) {
                for (v, i) in f.iter_mut().zip(1..) {
                    *v *= 0.9_f64.powi(i * step as i32);
                }
            }
        };
        shrink(&mut c.ma, 1);
        shrink(&mut c.sma, self.period);
        c.to_vec()
    }

    /// The coefficients with every MA factor made invertible (roots inside
    /// the unit circle inverted).
    pub(crate) fn invertible(&self, theta: &[f64]) -> Vec<f64> {
        let mut c = ArmaCoefficients::from_slice(&self.order, theta);
        c.ma = arima::invert_roots(&c.ma);
        c.sma = arima::invert_roots(&c.sma);
        c.to_vec()
    }

    /// σ² (JᵀJ)⁻¹, J the forward-difference Jacobian of the scaled residual
    /// vector of `resid` at `theta` (the program's ARMA covariance).
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn covariance(&self, theta: &[f64], resid: &[f64], variance: f64) -> Vec<f64> {
        let m = theta.len();
        let nan = vec![f64::NAN; m * m];
        let Some(f0) = self.scaled_residuals(theta, resid, false) else {
            return nan;
        };
        let nr = f0.len();
        let many = |ts: &[Vec<f64>]| -> Vec<Vec<f64>> {
            self.scaled_residuals_many(ts, resid)
                .into_iter()
                .map(|v| v.unwrap_or_else(|| vec![f64::NAN; nr]))
                .collect()
        };
        let jac = jacobian(&many, theta, &f0);
        let mut jtj = vec![0.0; m * m];
        for a in 0..m {
            for b in a..m {
                let v: f64 = jac[a * nr..(a + 1) * nr]
                    .iter()
                    .zip(&jac[b * nr..(b + 1) * nr])
                    .map(|(x, y)| x * y)
                    .sum();
                jtj[a * m + b] = v;
                jtj[b * m + a] = v;
            }
        }
        match invert(&jtj, m) {
            Some(inv) => inv.into_iter().map(|v| v * variance).collect(),
            None => nan,
        }
    }
}

/// The most Levenberg–Marquardt iterations of one search between two GLS
/// steps (the program's `estimate{maxnliter=40}`).
const MAX_SEARCH_ITERATIONS: usize = 40;

/// The program's residual vector for the exact likelihood of the ARMA
/// model `arma` (unit innovation variance) on the stationary series `w`, and
/// ln|Σ_w|: the sum of squares of the vector is wᵀΣ_w⁻¹w.
///
/// The vector is the program's (its `armafl` with `exctma`): with
/// z_t = φ(B)w_t for t ≥ p (the AR part applied conditionally) and z = M a
/// its MA representation over the innovations a_{p−q} … a_{N−1}, first
/// L⁻¹(w_p − E[w_p | z]) for the p first values (L the Cholesky factor of
/// Var(w_p | z)), then â = E[a | z] = Mᵀ Σ_z⁻¹ z, the innovations' conditional
/// means including the q presample ones: N + q values. Σ_z is banded (the
/// MA autocovariances), so this costs O(N q²).
#[allow(clippy::indexing_slicing)]
pub(crate) fn exact_residuals(arma: &Arma, w: &[f64]) -> Option<(Vec<f64>, f64)> {
    let q = arma.b.len();
    let nz = w.len().checked_sub(arma.a.len()).filter(|nz| *nz > 0)?;
    let gz = ma_autocovariances(arma);
    let lanes: Vec<[f64; 1]> = gz.iter().map(|g| [*g]).collect();
    let (l, ok) = band_cholesky::<1>(&lanes, nz, q);
    if !ok[0] {
        return None;
    }
    let l: Vec<f64> = l.iter().map(|v| v[0]).collect();
    residuals_from_factor(arma, w, &l)
}

/// [`exact_residuals`] of several models with the same orders on the same
/// series, the same numbers as one call each: the banded Cholesky
/// factorisations, a latency-bound chain of dependent subtractions each, run
/// side by side in lanes of four (the Jacobian's perturbed models).
#[allow(clippy::indexing_slicing)]
pub(crate) fn exact_residuals_many(arms: &[Arma], w: &[f64]) -> Vec<Option<(Vec<f64>, f64)>> {
    const LANES: usize = 4;
    let mut out = Vec::with_capacity(arms.len());
    for chunk in arms.chunks(LANES) {
        let Some(first) = chunk.first() else {
            continue;
        };
        let (p, q) = (first.a.len(), first.b.len());
        let same = chunk.iter().all(|a| a.a.len() == p && a.b.len() == q);
        let nz = w.len().checked_sub(p).filter(|nz| *nz > 0);
        let (Some(nz), true) = (nz, same) else {
            out.extend(chunk.iter().map(|a| exact_residuals(a, w)));
            continue;
        };
        // Unused lanes repeat the first model.
        let gzs: Vec<Vec<f64>> = (0..LANES)
            .map(|i| ma_autocovariances(chunk.get(i).unwrap_or(first)))
            .collect();
        let lanes: Vec<[f64; LANES]> = (0..=q)
            .map(|d| std::array::from_fn(|i| gzs[i][d]))
            .collect();
        let (l, ok) = band_cholesky::<LANES>(&lanes, nz, q);
        for (i, arma) in chunk.iter().enumerate() {
            if !ok[i] {
                out.push(None);
                continue;
            }
            let li: Vec<f64> = l.iter().map(|v| v[i]).collect();
            out.push(residuals_from_factor(arma, w, &li));
        }
    }
    out
}

/// γ₀ … γ_q of the MA part θ(B) of `arma` (unit innovation variance).
#[allow(clippy::indexing_slicing)]
fn ma_autocovariances(arma: &Arma) -> Vec<f64> {
    let q = arma.b.len();
    let mc: Vec<f64> = std::iter::once(1.0)
        .chain(arma.b.iter().map(|b| -b))
        .collect();
    (0..=q)
        .map(|k| (0..=q - k).map(|j| mc[j] * mc[j + k]).sum())
        .collect()
}

/// Banded Cholesky factors of the `nz` × `nz` banded Toeplitz matrices with
/// autocovariances `gz` (γ₀ … γ_q, one lane per matrix): l[t·(q+1) + d] =
/// L[t][t − d], and whether each lane is positive definite. The sums run over
/// k ascending (d descending) as the textbook loop does, lane by lane.
#[allow(clippy::indexing_slicing)]
fn band_cholesky<const N: usize>(
    gz: &[[f64; N]],
    nz: usize,
    q: usize,
) -> (Vec<[f64; N]>, [bool; N]) {
    let bw = q + 1;
    let mut ok = [true; N];
    let mut l = vec![[0.0; N]; nz * bw];
    for t in 0..nz {
        let mt = q.min(t);
        let (prev, cur) = l.split_at_mut(t * bw);
        let cur = &mut cur[..bw];
        for d in (0..=mt).rev() {
            let mut s = gz[d];
            if d == 0 {
                for v in cur[1..=mt].iter().rev() {
                    for i in 0..N {
                        s[i] -= v[i] * v[i];
                    }
                }
                for i in 0..N {
                    if s[i].is_nan() || s[i] <= 0.0 {
                        // The lane is lost; 1 keeps the others' arithmetic
                        // (lanes do not mix) free of NaN checks.
                        ok[i] = false;
                        s[i] = 1.0;
                    }
                    cur[0][i] = s[i].sqrt();
                }
            } else {
                let c = t - d;
                let lc = &prev[c * bw..(c + 1) * bw];
                let (head, tail) = cur.split_at_mut(d + 1);
                for (a, b) in tail[..mt - d].iter().rev().zip(lc[1..=mt - d].iter().rev()) {
                    for i in 0..N {
                        s[i] -= a[i] * b[i];
                    }
                }
                for i in 0..N {
                    head[d][i] = s[i] / lc[0][i];
                }
            }
        }
    }
    (l, ok)
}

/// The rest of [`exact_residuals`] given the banded Cholesky factor `l` of Σ_z.
#[allow(clippy::indexing_slicing)]
fn residuals_from_factor(arma: &Arma, w: &[f64], l: &[f64]) -> Option<(Vec<f64>, f64)> {
    let n = w.len();
    let p = arma.a.len();
    let q = arma.b.len();
    if n <= p {
        return None;
    }
    let mc: Vec<f64> = std::iter::once(1.0)
        .chain(arma.b.iter().map(|b| -b))
        .collect();
    let nz = n - p;
    let bw = q + 1;
    // Bounds: t ≥ p ≥ i.
    let z: Vec<f64> = (p..n)
        .map(|t| w[t] - (1..=p).map(|i| arma.a[i - 1] * w[t - i]).sum::<f64>())
        .collect();
    let band_forward = |b: &mut [f64]| {
        for t in 0..nz {
            let mt = q.min(t);
            let row = &l[t * bw..(t + 1) * bw];
            let (done, rest) = b.split_at_mut(t);
            let mut s = rest[0];
            for (lv, bv) in row[1..=mt].iter().rev().zip(&done[t - mt..]) {
                s -= lv * bv;
            }
            rest[0] = s / row[0];
        }
    };
    let mut y = z;
    band_forward(&mut y);
    let mut u = y.clone();
    for t in (0..nz).rev() {
        let cnt = (t + bw).min(nz) - (t + 1);
        let (head, done) = u.split_at_mut(t + 1);
        let mut s = head[t];
        if cnt > 0 {
            for (lv, uv) in l[(t + 1) * bw + 1..]
                .iter()
                .step_by(bw + 1)
                .zip(&done[..cnt])
            {
                s -= lv * uv;
            }
        }
        head[t] = s / l[t * bw];
    }
    let mut logdet: f64 = (0..nz).map(|t| 2.0 * l[t * bw].ln()).sum();
    let mut out = Vec::with_capacity(n + q);
    if p > 0 {
        let gw = arma.autocovariances(p)?;
        let psi = arma.psi(p + q + 1);
        // Rows of C = Cov(w_p, z), forward-solved: V = L⁻¹ Cᵀ, one column per i.
        let mut v = vec![0.0; p * nz];
        for i in 0..p {
            let col = &mut v[i * nz..(i + 1) * nz];
            for (t, slot) in col.iter_mut().enumerate().take(q + 1) {
                let tau = p + t;
                *slot = (tau.saturating_sub(i)..=q)
                    .map(|j| mc[j] * psi.get(i + j - tau).copied().unwrap_or(0.0))
                    .sum();
            }
            band_forward(col);
        }
        let mut s = vec![0.0; p * p];
        let mut b = vec![0.0; p];
        for i in 0..p {
            let vi = &v[i * nz..(i + 1) * nz];
            b[i] = w[i] - vi.iter().zip(&y).map(|(a, c)| a * c).sum::<f64>();
            for j in 0..=i {
                let vj = &v[j * nz..(j + 1) * nz];
                let val = gw[i - j] - vi.iter().zip(vj).map(|(a, c)| a * c).sum::<f64>();
                s[i * p + j] = val;
                s[j * p + i] = val;
            }
        }
        let lp = cholesky(&s, p)?;
        logdet += (0..p).map(|i| 2.0 * lp[i * p + i].ln()).sum::<f64>();
        out.extend(forward(&lp, &b, p));
    }
    // â at z-index t = s − q: Σⱼ mⱼ u_{t+j} over 0 ≤ t + j < nz, j
    // ascending. Terms with mⱼ = 0 (the gaps of a seasonal polynomial) add a
    // zero to a sum that starts at +0 and so leave it as it is.
    let terms: Vec<(usize, f64)> = mc
        .iter()
        .enumerate()
        .filter(|(_, m)| **m != 0.0)
        .map(|(j, m)| (j, *m))
        .collect();
    for s in 0..nz + q {
        let mut acc = 0.0;
        for &(j, mj) in &terms {
            let idx = s + j;
            if idx >= q && idx - q < nz {
                acc += mj * u[idx - q];
            }
        }
        out.push(acc);
    }
    Some((out, logdet))
}

/// The residual vector at several points at once (the Jacobian's).
type MultiResiduals<'a> = dyn Fn(&[Vec<f64>]) -> Vec<Vec<f64>> + 'a;

/// MINPACK's `lmdif` as the program runs it (`ftol` given, `xtol` and `gtol`
/// zero, forward-difference Jacobian with step √ε·|x|, `mode=1`, `factor=100`):
/// updates `x` and `nliter` (successful iterations, counted across calls),
/// stops at `nliter ≥ max_nliter`; returns MINPACK's `info` (1 converged in
/// `ftol`, 5 iteration cap, 6–8 at machine precision).
#[allow(clippy::indexing_slicing)]
fn lmdif(
    fcn: &dyn Fn(&[f64], bool) -> Vec<f64>,
    many: &MultiResiduals<'_>,
    x: &mut Vec<f64>,
    ftol: f64,
    max_nliter: usize,
    nliter: &mut usize,
    start: Option<Vec<f64>>,
) -> i32 {
    let m = x.len();
    let epsmch = f64::EPSILON;
    let mut fvec = start.unwrap_or_else(|| fcn(x, true));
    let nr = fvec.len();
    let mut fnorm = norm(&fvec);
    let begin = *nliter;
    let maxfev = max_nliter.max(200) * (m + 1);
    let mut nfev = 1usize;
    let mut par = 0.0;
    let mut delta = 0.0;
    let mut xnorm = 0.0;
    let mut diag = vec![0.0; m];
    loop {
        let jac = jacobian(many, x, &fvec);
        nfev += m;
        if jac.iter().any(|v| !v.is_finite()) {
            return -1;
        }
        let mut jtj = vec![0.0; m * m];
        let mut jtf = vec![0.0; m];
        for a in 0..m {
            let ja = &jac[a * nr..(a + 1) * nr];
            jtf[a] = ja.iter().zip(&fvec).map(|(p, q)| p * q).sum();
            for b in a..m {
                let v: f64 = ja
                    .iter()
                    .zip(&jac[b * nr..(b + 1) * nr])
                    .map(|(p, q)| p * q)
                    .sum();
                jtj[a * m + b] = v;
                jtj[b * m + a] = v;
            }
        }
        let acnorm: Vec<f64> = (0..m).map(|a| jtj[a * m + a].sqrt()).collect();
        if *nliter == begin {
            for a in 0..m {
                diag[a] = if acnorm[a] == 0.0 { 1.0 } else { acnorm[a] };
            }
            xnorm = norm(&x.iter().zip(&diag).map(|(v, d)| v * d).collect::<Vec<_>>());
            delta = 100.0 * xnorm;
            if delta == 0.0 {
                delta = 100.0;
            }
        }
        let mut gnorm = 0.0_f64;
        if fnorm != 0.0 {
            for a in 0..m {
                if acnorm[a] != 0.0 {
                    gnorm = gnorm.max((jtf[a] / fnorm / acnorm[a]).abs());
                }
            }
        }
        if gnorm <= 0.0 {
            return 4;
        }
        for a in 0..m {
            diag[a] = diag[a].max(acnorm[a]);
        }
        loop {
            let Some((step, new_par)) = lm_parameter(&jtj, &jtf, &diag, delta, par, m) else {
                return -1;
            };
            par = new_par;
            let pnorm = norm(
                &step
                    .iter()
                    .zip(&diag)
                    .map(|(s, d)| s * d)
                    .collect::<Vec<_>>(),
            );
            if *nliter == begin {
                delta = delta.min(pnorm);
            }
            let cand: Vec<f64> = x.iter().zip(&step).map(|(t, d)| t + d).collect();
            let f1 = fcn(&cand, true);
            nfev += 1;
            let fnorm1 = norm(&f1);
            let actred = if 0.1 * fnorm1 < fnorm {
                1.0 - (fnorm1 / fnorm).powi(2)
            } else {
                -1.0
            };
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
            let success = ratio >= 1e-4;
            if success {
                *x = cand;
                fvec = f1;
                xnorm = norm(&x.iter().zip(&diag).map(|(v, d)| v * d).collect::<Vec<_>>());
                fnorm = fnorm1;
                *nliter += 1;
            }
            if actred.abs() <= ftol && prered <= ftol && 0.5 * ratio <= 1.0 {
                return 1;
            }
            if delta <= 0.0 {
                return 2;
            }
            if *nliter >= max_nliter || nfev >= maxfev {
                return 5;
            }
            if actred.abs() <= epsmch && prered <= epsmch && 0.5 * ratio <= 1.0 {
                return 6;
            }
            if delta <= epsmch * xnorm {
                return 7;
            }
            if gnorm <= epsmch {
                return 8;
            }
            if !delta.is_finite() || !fnorm.is_finite() {
                return -1;
            }
            if success {
                break;
            }
        }
    }
}

/// Forward-difference Jacobian at `x` (MINPACK's `fdjac2` with `epsfcn = 0`:
/// step √ε·|xᵢ|, √ε at zero), column after column; `many` evaluates the
/// function at all the perturbed points at once.
#[allow(clippy::indexing_slicing)]
fn jacobian(many: &MultiResiduals<'_>, x: &[f64], f0: &[f64]) -> Vec<f64> {
    let m = x.len();
    let nr = f0.len();
    let eps = f64::EPSILON.sqrt();
    let steps: Vec<f64> = x
        .iter()
        .map(|v| if *v == 0.0 { eps } else { eps * v.abs() })
        .collect();
    let points: Vec<Vec<f64>> = (0..m)
        .map(|i| {
            let mut t = x.to_vec();
            t[i] += steps[i];
            t
        })
        .collect();
    let values = many(&points);
    let mut jac = vec![0.0; nr * m];
    for (i, (f, h)) in values.iter().zip(&steps).enumerate() {
        for (j, (a, b)) in f.iter().zip(f0).enumerate() {
            jac[i * nr + j] = (a - b) / h;
        }
    }
    jac
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

    /// The program's residual vector has the Kalman filter's sum of squares
    /// and log-determinant: both are wᵀΣ⁻¹w and ln|Σ| of the same model
    /// (checked on an ARMA(2, 1)(1, 1)₄, a pure MA and a pure AR).
    #[test]
    fn exact_residuals_agree_with_the_kalman_filter() {
        let w: Vec<f64> = (0..60)
            .map(|t| ((t * 37 % 17) as f64 - 8.0) / 3.0 + (t as f64 * 0.7).sin())
            .collect();
        for (order, theta) in [
            (
                ArimaOrder::new(2, 0, 1).seasonal(1, 0, 1),
                vec![0.5, -0.3, 0.4, 0.6, 0.7],
            ),
            (ArimaOrder::new(0, 0, 1).seasonal(0, 0, 1), vec![0.95, 0.8]),
            (ArimaOrder::new(1, 0, 0).seasonal(1, 0, 0), vec![0.6, -0.5]),
        ] {
            let arma = Arma::new(&ArmaCoefficients::from_slice(&order, &theta), 4);
            let (a, logdet) = exact_residuals(&arma, &w).unwrap();
            assert_eq!(a.len(), w.len() + arma.b.len());
            let k = arima::filter(&arma, &w, w.len(), 1).unwrap();
            let ss: f64 = a.iter().map(|v| v * v).sum();
            let kss: f64 = k.e.iter().map(|v| v * v).sum();
            assert!((ss - kss).abs() < 1e-10 * kss, "{order:?}: {ss} vs {kss}");
            assert!(
                (logdet - k.logdet).abs() < 1e-10,
                "{logdet} vs {}",
                k.logdet
            );
        }
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
