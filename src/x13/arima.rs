//! Seasonal ARIMA models and the exact Gaussian likelihood of their ARMA part.
//!
//! The model is the X-13ARIMA-SEATS program's:
//!
//! ```text
//! φ(B) Φ(Bˢ) (1 − B)ᵈ (1 − Bˢ)ᴰ z_t = θ(B) Θ(Bˢ) a_t,   a_t ~ N(0, σ²)
//! φ(B) = 1 − φ₁B − … − φ_pBᵖ     θ(B) = 1 − θ₁B − … − θ_qB^q
//! ```
//!
//! (the MA polynomials carry minus signs, as the program prints them: an
//! airline model's `0.40` is θ(B) = 1 − 0.40 B).
//!
//! The likelihood of the differenced series is evaluated by a Kalman filter on
//! the ARMA model's state-space form (Akaike's state vector of predictions,
//! Gardner, Harvey and Phillips 1980; Jones 1980), started at the stationary
//! covariance: O(n·r²) per evaluation for a state of dimension
//! r = max(p + sP, q + sQ + 1), and O(n·r) once the filter has reached its
//! steady state. The gains do not depend on the data, so one pass filters the
//! series and every regressor together.

use crate::error::{Error, Result};

/// Orders of a seasonal ARIMA model `(p d q)(P D Q)`, the seasonal period
/// being the series' (12 monthly, 4 quarterly).
///
/// # Example
/// ```
/// use econseries::x13::ArimaOrder;
///
/// let airline = ArimaOrder::airline();
/// assert_eq!(airline.to_string(), "(0 1 1)(0 1 1)");
/// assert_eq!(airline, ArimaOrder::new(0, 1, 1).seasonal(0, 1, 1));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ArimaOrder {
    /// Nonseasonal AR order p.
    pub p: usize,
    /// Nonseasonal differencing order d.
    pub d: usize,
    /// Nonseasonal MA order q.
    pub q: usize,
    /// Seasonal AR order P.
    pub sp: usize,
    /// Seasonal differencing order D.
    pub sd: usize,
    /// Seasonal MA order Q.
    pub sq: usize,
}

impl ArimaOrder {
    /// A nonseasonal model `(p d q)(0 0 0)`.
    pub const fn new(p: usize, d: usize, q: usize) -> Self {
        ArimaOrder {
            p,
            d,
            q,
            sp: 0,
            sd: 0,
            sq: 0,
        }
    }

    /// The same nonseasonal orders with seasonal orders `(P D Q)`.
    pub const fn seasonal(self, sp: usize, sd: usize, sq: usize) -> Self {
        ArimaOrder { sp, sd, sq, ..self }
    }

    /// The airline model `(0 1 1)(0 1 1)`, the program's default.
    pub const fn airline() -> Self {
        ArimaOrder::new(0, 1, 1).seasonal(0, 1, 1)
    }

    /// Number of ARMA coefficients `p + q + P + Q`.
    pub const fn arma_count(&self) -> usize {
        self.p + self.q + self.sp + self.sq
    }

    /// The degree of the differencing polynomial, `d + s·D`.
    pub const fn diff_degree(&self, period: usize) -> usize {
        self.d + period * self.sd
    }
}

impl std::fmt::Display for ArimaOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "({} {} {})({} {} {})",
            self.p, self.d, self.q, self.sp, self.sd, self.sq
        )
    }
}

/// ARMA coefficients in the program's sign convention: φ(B) = 1 − Σ φᵢBⁱ,
/// θ(B) = 1 − Σ θⱼBʲ, seasonal factors in powers of Bˢ.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ArmaCoefficients {
    /// Nonseasonal AR φ₁ … φ_p.
    pub ar: Vec<f64>,
    /// Seasonal AR Φ₁ … Φ_P (lags s, 2s, …).
    pub sar: Vec<f64>,
    /// Nonseasonal MA θ₁ … θ_q.
    pub ma: Vec<f64>,
    /// Seasonal MA Θ₁ … Θ_Q (lags s, 2s, …).
    pub sma: Vec<f64>,
}

impl ArmaCoefficients {
    /// The coefficients as one vector in the program's order: AR, seasonal AR,
    /// MA, seasonal MA.
    pub fn to_vec(&self) -> Vec<f64> {
        let mut v =
            Vec::with_capacity(self.ar.len() + self.sar.len() + self.ma.len() + self.sma.len());
        v.extend_from_slice(&self.ar);
        v.extend_from_slice(&self.sar);
        v.extend_from_slice(&self.ma);
        v.extend_from_slice(&self.sma);
        v
    }

    /// Splits a vector in the order of [`to_vec`](Self::to_vec) by `order`.
    pub(crate) fn from_slice(order: &ArimaOrder, v: &[f64]) -> Self {
        let mut it = v.iter().copied();
        let mut take = |k: usize| (0..k).filter_map(|_| it.next()).collect::<Vec<f64>>();
        let ar = take(order.p);
        let sar = take(order.sp);
        let ma = take(order.q);
        let sma = take(order.sq);
        ArmaCoefficients { ar, sar, ma, sma }
    }

    /// The names the program gives the coefficients (`ar1`, `sar12`, `ma1`,
    /// `sma12`, …), in the order of [`to_vec`](Self::to_vec).
    pub fn names(order: &ArimaOrder, period: usize) -> Vec<String> {
        let mut v = Vec::new();
        v.extend((1..=order.p).map(|i| format!("ar{i}")));
        v.extend((1..=order.sp).map(|i| format!("sar{}", i * period)));
        v.extend((1..=order.q).map(|i| format!("ma{i}")));
        v.extend((1..=order.sq).map(|i| format!("sma{}", i * period)));
        v
    }
}

/// `(1 − Σ cᵢ B^{i·step})` for the `factors`, multiplied out: the
/// coefficients of B⁰, B¹, … with the leading 1.
fn product(factors: &[(&[f64], usize)]) -> Vec<f64> {
    let mut out = vec![1.0];
    for (coef, step) in factors {
        if coef.is_empty() {
            continue;
        }
        let mut f = vec![0.0; coef.len() * step + 1];
        if let Some(f0) = f.first_mut() {
            *f0 = 1.0;
        }
        for (i, c) in coef.iter().enumerate() {
            if let Some(slot) = f.get_mut((i + 1) * step) {
                *slot = -c;
            }
        }
        out = multiply(&out, &f);
    }
    out
}

/// The product of two polynomials given by their coefficients.
pub(crate) fn multiply(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; (a.len() + b.len()).saturating_sub(1)];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            if let Some(o) = out.get_mut(i + j) {
                *o += x * y;
            }
        }
    }
    out
}

/// The differencing polynomial (1 − B)ᵈ (1 − Bˢ)ᴰ as coefficients of B⁰, B¹, ….
pub(crate) fn differencing(order: &ArimaOrder, period: usize) -> Vec<f64> {
    let mut out = vec![1.0];
    for _ in 0..order.d {
        out = multiply(&out, &[1.0, -1.0]);
    }
    for _ in 0..order.sd {
        let mut f = vec![0.0; period + 1];
        if let Some(a) = f.first_mut() {
            *a = 1.0;
        }
        if let Some(b) = f.last_mut() {
            *b = -1.0;
        }
        out = multiply(&out, &f);
    }
    out
}

/// `delta(B) x` for t ≥ deg(delta): the differenced values, `x.len() − deg` of them.
#[allow(clippy::indexing_slicing)]
pub(crate) fn apply_difference(delta: &[f64], x: &[f64]) -> Vec<f64> {
    let k = delta.len().saturating_sub(1);
    if x.len() <= k {
        return Vec::new();
    }
    (k..x.len())
        .map(|t| {
            // Bounds: t ≥ k ≥ i, so t − i ≥ 0; i ≤ k < delta.len().
            (0..=k).map(|i| delta[i] * x[t - i]).sum()
        })
        .collect()
}

/// Whether the polynomial 1 − Σ cᵢ zⁱ has every root outside the unit circle
/// (step-down Levinson–Durbin: every partial autocorrelation below one in
/// absolute value). `margin` asks for |partial| ≤ 1 − margin.
#[allow(clippy::indexing_slicing)]
pub(crate) fn is_stationary(c: &[f64], margin: f64) -> bool {
    let mut a: Vec<f64> = c.to_vec();
    while let Some(&k) = a.last() {
        if !k.is_finite() || k.abs() >= 1.0 - margin {
            return false;
        }
        let m = a.len() - 1;
        let den = 1.0 - k * k;
        // Bounds: i < m and m − 1 − i < m, both within a (length m + 1).
        let next: Vec<f64> = (0..m).map(|i| (a[i] + k * a[m - 1 - i]) / den).collect();
        a = next;
    }
    true
}

/// The coefficients of 1 − Σ cᵢ zⁱ with every root inside the unit circle
/// replaced by the inverse of its conjugate (Durand–Kerner roots; the
/// constant term kept at 1). Unchanged when every root is outside already.
#[allow(clippy::indexing_slicing)]
pub(crate) fn invert_roots(c: &[f64]) -> Vec<f64> {
    let k = c.len();
    if k == 0 || is_stationary(c, 0.0) {
        return c.to_vec();
    }
    if k == 1 {
        return vec![1.0 / c[0]];
    }
    // Monic form: z^k + … with coefficients of 1 − Σ cᵢ zⁱ divided by −c_k.
    let lead = -c[k - 1];
    if lead == 0.0 {
        return c.to_vec();
    }
    // poly[j] = coefficient of z^j, j = 0..=k.
    let mut poly = vec![0.0; k + 1];
    poly[0] = 1.0;
    for (i, ci) in c.iter().enumerate() {
        poly[i + 1] = -ci;
    }
    let monic: Vec<f64> = poly.iter().map(|p| p / lead).collect();
    let eval = |z: (f64, f64)| -> (f64, f64) {
        let mut acc = (0.0, 0.0);
        for j in (0..=k).rev() {
            acc = (
                acc.0 * z.0 - acc.1 * z.1 + monic[j],
                acc.0 * z.1 + acc.1 * z.0,
            );
        }
        acc
    };
    let mut roots: Vec<(f64, f64)> = (0..k)
        .map(|j| {
            let a = 0.4 + 0.9 * j as f64;
            (a.cos() * 1.1, a.sin() * 1.1)
        })
        .collect();
    for _ in 0..500 {
        let mut moved = 0.0_f64;
        for j in 0..k {
            let zj = roots[j];
            let num = eval(zj);
            let mut den = (1.0, 0.0);
            for (l, zl) in roots.iter().enumerate() {
                if l != j {
                    let d = (zj.0 - zl.0, zj.1 - zl.1);
                    den = (den.0 * d.0 - den.1 * d.1, den.0 * d.1 + den.1 * d.0);
                }
            }
            let dd = den.0 * den.0 + den.1 * den.1;
            if dd == 0.0 {
                continue;
            }
            let q = (
                (num.0 * den.0 + num.1 * den.1) / dd,
                (num.1 * den.0 - num.0 * den.1) / dd,
            );
            roots[j] = (zj.0 - q.0, zj.1 - q.1);
            moved = moved.max(q.0.abs() + q.1.abs());
        }
        if moved < 1e-15 {
            break;
        }
    }
    // Rebuild Π (1 − z/rᵢ) with roots inside the unit circle inverted.
    let mut out = vec![(1.0, 0.0)];
    for r in roots {
        let m2 = r.0 * r.0 + r.1 * r.1;
        let r = if m2 < 1.0 { (r.0 / m2, r.1 / m2) } else { r };
        // 1/r
        let m2 = r.0 * r.0 + r.1 * r.1;
        let inv = (r.0 / m2, -r.1 / m2);
        let mut next = vec![(0.0, 0.0); out.len() + 1];
        for (i, o) in out.iter().enumerate() {
            next[i].0 += o.0;
            next[i].1 += o.1;
            next[i + 1].0 -= o.0 * inv.0 - o.1 * inv.1;
            next[i + 1].1 -= o.0 * inv.1 + o.1 * inv.0;
        }
        out = next;
    }
    out.iter().skip(1).map(|z| -z.0).collect()
}

/// The expanded ARMA model of the differenced series:
/// w_t = Σ aᵢ w_{t−i} + e_t − Σ bⱼ e_{t−j}.
#[derive(Clone, Debug)]
pub(crate) struct Arma {
    /// a₁ … a_P (expanded AR, signs as in the recursion above).
    pub(crate) a: Vec<f64>,
    /// b₁ … b_Q (expanded MA).
    pub(crate) b: Vec<f64>,
}

impl Arma {
    /// Expands the seasonal factors of `coef`.
    pub(crate) fn new(coef: &ArmaCoefficients, period: usize) -> Self {
        let ar = product(&[(&coef.ar, 1), (&coef.sar, period)]);
        let ma = product(&[(&coef.ma, 1), (&coef.sma, period)]);
        Arma {
            a: ar.iter().skip(1).map(|c| -c).collect(),
            b: ma.iter().skip(1).map(|c| -c).collect(),
        }
    }

    /// The state dimension r = max(P, Q + 1).
    pub(crate) fn dim(&self) -> usize {
        self.a.len().max(self.b.len() + 1)
    }

    /// ψ₀ … ψ_{k−1}, the MA(∞) weights (ψ₀ = 1).
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn psi(&self, k: usize) -> Vec<f64> {
        let mut psi = vec![0.0; k];
        for j in 0..k {
            // Bounds: j < k; i ≤ j so j − i ≥ 0; i − 1 < a.len().
            let mut v = if j == 0 {
                1.0
            } else {
                self.b.get(j - 1).map_or(0.0, |b| -b)
            };
            for i in 1..=j.min(self.a.len()) {
                v += self.a[i - 1] * psi[j - i];
            }
            psi[j] = v;
        }
        psi
    }

    /// Autocovariances γ₀ … γ_{k−1} of the process with unit innovation
    /// variance, or `None` if the AR part is not stationary.
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn autocovariances(&self, k: usize) -> Option<Vec<f64>> {
        let p = self.a.len();
        let q = self.b.len();
        // c_j: MA coefficients with their signs, c₀ = 1.
        let c: Vec<f64> = std::iter::once(1.0)
            .chain(self.b.iter().map(|b| -b))
            .collect();
        let psi = self.psi(q + 1);
        // rhs_k = Σ_{j=k}^{q} c_j ψ_{j−k}
        let rhs = |kk: usize| -> f64 { (kk..=q).map(|j| c[j] * psi[j - kk]).sum() };
        let mut g = vec![0.0; k.max(p + 1)];
        if p == 0 {
            for (kk, gk) in g.iter_mut().enumerate() {
                *gk = if kk <= q { rhs(kk) } else { 0.0 };
            }
        } else {
            // γ_k − Σ aᵢ γ_{|k−i|} = rhs_k for k = 0..=p: a (p+1)-square system.
            let m = p + 1;
            let mut mat = vec![0.0; m * m];
            let mut y = vec![0.0; m];
            for kk in 0..m {
                mat[kk * m + kk] += 1.0;
                for i in 1..=p {
                    let lag = kk.abs_diff(i);
                    mat[kk * m + lag] -= self.a[i - 1];
                }
                y[kk] = if kk <= q { rhs(kk) } else { 0.0 };
            }
            let sol = solve(&mut mat, &mut y, m)?;
            g[..m].copy_from_slice(&sol);
            for kk in m..g.len() {
                let mut v = if kk <= q { rhs(kk) } else { 0.0 };
                for i in 1..=p {
                    v += self.a[i - 1] * g[kk - i];
                }
                g[kk] = v;
            }
        }
        if g.first().copied().is_none_or(|g0| g0.is_nan() || g0 <= 0.0)
            || g.iter().any(|x| !x.is_finite())
        {
            return None;
        }
        g.truncate(k);
        Some(g)
    }

    /// The stationary covariance of the state vector (wₜ, E_t w_{t+1}, …,
    /// E_t w_{t+r−1}), r × r row-major, unit innovation variance.
    #[allow(clippy::indexing_slicing)]
    pub(crate) fn initial_covariance(&self) -> Option<Vec<f64>> {
        let r = self.dim();
        let g = self.autocovariances(r)?;
        let psi = self.psi(r);
        let mut p0 = vec![0.0; r * r];
        for i in 0..r {
            for j in i..r {
                let h = j - i;
                // Bounds: k + h ≤ i − 1 + j − i < r.
                let s: f64 = (0..i).map(|k| psi[k] * psi[k + h]).sum();
                p0[i * r + j] = g[h] - s;
                p0[j * r + i] = g[h] - s;
            }
        }
        Some(p0)
    }
}

/// Gaussian elimination with partial pivoting on an m × m row-major matrix.
#[allow(clippy::indexing_slicing)]
pub(crate) fn solve(a: &mut [f64], b: &mut [f64], m: usize) -> Option<Vec<f64>> {
    for col in 0..m {
        let piv =
            (col..m).max_by(|&x, &y| a[x * m + col].abs().total_cmp(&a[y * m + col].abs()))?;
        if a[piv * m + col].abs() < 1e-300 {
            return None;
        }
        if piv != col {
            for j in 0..m {
                a.swap(piv * m + j, col * m + j);
            }
            b.swap(piv, col);
        }
        let d = a[col * m + col];
        for row in col + 1..m {
            let f = a[row * m + col] / d;
            if f != 0.0 {
                for j in col..m {
                    a[row * m + j] -= f * a[col * m + j];
                }
                b[row] -= f * b[col];
            }
        }
    }
    let mut x = vec![0.0; m];
    for row in (0..m).rev() {
        let s: f64 = (row + 1..m).map(|j| a[row * m + j] * x[j]).sum();
        x[row] = (b[row] - s) / a[row * m + row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// What one pass of the Kalman filter returns.
#[derive(Clone, Debug)]
pub(crate) struct Filtered {
    /// Standardised one-step innovations v_t/√F_t, column after column
    /// (`cols` columns of `n` values).
    pub(crate) e: Vec<f64>,
    /// Σ ln F_t, the log-determinant of the covariance matrix in units of σ².
    pub(crate) logdet: f64,
    /// The state estimate after the last observation, r values per column.
    pub(crate) state: Vec<f64>,
}

/// Filters `cols` columns of length `n` (column after column in `w`) through
/// the ARMA model's Kalman filter. `None` if the AR part is not stationary.
///
/// The arithmetic of every column is that of the textbook recursion, operation
/// for operation (so the results do not depend on how the work is laid out);
/// the layout saves work: the state vectors of all columns advance together
/// (the update is one multiply-add per column and state element, contiguous
/// over the columns), the shift of the state is a rotation of row indices
/// instead of a copy, and a column's leading zeros are not filtered (its state
/// stays exactly zero until its first nonzero value, so its innovations there
/// are its values: signed zeros). Outlier candidates are mostly leading zeros.
#[allow(clippy::indexing_slicing)]
pub(crate) fn filter(arma: &Arma, w: &[f64], n: usize, cols: usize) -> Option<Filtered> {
    debug_assert_eq!(w.len(), n * cols);
    let r = arma.dim();
    let mut p = arma.initial_covariance()?;
    let g = arma.psi(r);
    // Last row of the transition: x_{t+1}[r−1] = Σ_{i=1}^{r} aᵢ x_t[r−i].
    let mut last = vec![0.0; r];
    for (i, a) in arma.a.iter().enumerate() {
        // Bounds: i + 1 ≤ P ≤ r.
        last[r - 1 - i] = *a;
    }
    let nz: Vec<usize> = (0..r).filter(|&j| last[j] != 0.0).collect();
    // Columns in the order of their first nonzero value; `active` of them
    // have started by time t.
    let first: Vec<usize> = (0..cols)
        .map(|c| {
            w[c * n..(c + 1) * n]
                .iter()
                .position(|v| *v != 0.0)
                .unwrap_or(n)
        })
        .collect();
    let mut order: Vec<usize> = (0..cols).collect();
    order.sort_by_key(|&c| first[c]);
    let starts: Vec<usize> = order.iter().map(|&c| first[c]).collect();
    let mut active = 0usize;
    // Ring of r state rows, `cols` wide (columns in `order`): logical state
    // element i is row (head + i) mod r.
    let mut x = vec![0.0; r * cols];
    let mut head = 0usize;
    // Leading zeros pass through unchanged (v = w − 0 and v/√F keep the sign
    // of the zero); the rest is overwritten below.
    let mut e = w.to_vec();
    let mut logdet = 0.0;
    let mut k = vec![0.0; r];
    let mut steady = false;
    let mut f = 1.0;
    let mut sqrt_f = 1.0;
    let mut pn = vec![0.0; r * r];
    let mut v = vec![0.0; cols];
    let mut s = vec![0.0; cols];
    let mut pi0 = vec![0.0; r];
    for t in 0..n {
        if !steady {
            f = p[0];
            if f.is_nan() || f <= 0.0 || !f.is_finite() {
                return None;
            }
            sqrt_f = f.sqrt();
            for i in 0..r {
                k[i] = p[i * r] / f;
            }
        }
        logdet += f.ln();
        while active < cols && starts[active] <= t {
            active += 1;
        }
        {
            let x0 = &x[head * cols..head * cols + active];
            for ((j, vj), xj) in v[..active].iter_mut().enumerate().zip(x0) {
                let c = order[j];
                let vc = w[c * n + t] - xj;
                *vj = vc;
                e[c * n + t] = vc / sqrt_f;
            }
        }
        // Update the states.
        for (i, &ki) in k.iter().enumerate() {
            if ki != 0.0 {
                let slot = (head + i) % r;
                let row = &mut x[slot * cols..slot * cols + active];
                for (xc, vc) in row.iter_mut().zip(&v[..active]) {
                    *xc += ki * vc;
                }
            }
        }
        if t + 1 == n {
            break;
        }
        // Predict the states: shift up (rotate), the last from the AR
        // recursion, summed in the order of `nz` for every column.
        let acc = &mut s[..active];
        acc.fill(0.0);
        for &j in &nz {
            let lj = last[j];
            let slot = (head + j) % r;
            for (a, xv) in acc.iter_mut().zip(&x[slot * cols..slot * cols + active]) {
                *a += lj * xv;
            }
        }
        x[head * cols..head * cols + active].copy_from_slice(acc);
        head = (head + 1) % r;
        if steady {
            continue;
        }
        // Predicted covariance T (P − P[:,0] P[0,:]/F) Tᵀ + g gᵀ, upper
        // triangle, each element as the filtered covariance
        // fc[a][b] = P[a][b] − (P[a][0]/F) P[b][0] (a ≤ b) shifted by T.
        for (i, pv) in pi0.iter_mut().enumerate() {
            *pv = p[i * r] / f;
        }
        let fc = |a: usize, b: usize| -> f64 {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            p[lo * r + hi] - pi0[lo] * p[hi * r]
        };
        for i in 0..r - 1 {
            let pa = pi0[i + 1];
            let src = &p[(i + 1) * r + i + 1..(i + 2) * r];
            let col0 = &p[i + 1..r];
            let dst = &mut pn[i * r + i..i * r + r - 1];
            for ((d, a), b) in dst.iter_mut().zip(src).zip(col0) {
                *d = a - pa * b;
            }
        }
        // Column r−1: (T P Tᵀ)[i][r−1] = Σ_j last[j] P[i+1][j] for i < r−1.
        for i in 0..r - 1 {
            let mut acc = 0.0;
            for &j in &nz {
                acc += last[j] * fc(i + 1, j);
            }
            pn[i * r + r - 1] = acc;
        }
        let mut tail = 0.0;
        for &i in &nz {
            let mut acc = 0.0;
            for &j in &nz {
                acc += last[j] * fc(i, j);
            }
            tail += last[i] * acc;
        }
        pn[r * r - 1] = tail;
        let mut change = 0.0_f64;
        for i in 0..r {
            let gi = g[i];
            for j in i..r {
                let val = pn[i * r + j] + gi * g[j];
                change = change.max((val - p[i * r + j]).abs());
                pn[i * r + j] = val;
            }
        }
        // Of the lower triangle only the first column is read (the gains and
        // P[b][0] above); the rest of it is never used.
        for j in 1..r {
            pn[j * r] = pn[j];
        }
        std::mem::swap(&mut p, &mut pn);
        // Once the predicted covariance stops moving, so do the gains.
        if change < 1e-15 && t > r {
            steady = true;
            f = p[0];
            sqrt_f = f.sqrt();
            for i in 0..r {
                k[i] = p[i * r] / f;
            }
        }
    }
    // The state after the last observation, logical element i of column c at
    // [i·cols + c].
    let mut state = vec![0.0; r * cols];
    for i in 0..r {
        let slot = (head + i) % r;
        for (j, &c) in order.iter().enumerate() {
            state[i * cols + c] = x[slot * cols + j];
        }
    }
    Some(Filtered { e, logdet, state })
}

/// Checks the orders against the series length and the period.
pub(crate) fn check_order(order: &ArimaOrder, period: usize, n: usize) -> Result<()> {
    if order.d > 3 || order.sd > 2 || order.p > 12 || order.q > 12 || order.sp > 3 || order.sq > 3 {
        return Err(Error::X13Model {
            order: order.to_string().into(),
            reason: "orders beyond (12 3 12)(3 2 3)",
        });
    }
    let need = order.diff_degree(period) + order.p + order.sp * period + 1;
    if n <= need {
        return Err(Error::TooShort {
            need: need + 1,
            got: n,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion_of_airline() {
        let c = ArmaCoefficients {
            ma: vec![0.4],
            sma: vec![0.5],
            ..Default::default()
        };
        let a = Arma::new(&c, 12);
        assert!(a.a.is_empty());
        assert_eq!(a.b.len(), 13);
        assert!((a.b[0] - 0.4).abs() < 1e-15);
        assert!((a.b[11] - 0.5).abs() < 1e-15);
        assert!((a.b[12] + 0.2).abs() < 1e-15);
    }

    #[test]
    fn ar1_autocovariances() {
        // γ_k = φ^k / (1 − φ²)
        let a = Arma {
            a: vec![0.6],
            b: vec![],
        };
        let g = a.autocovariances(4).unwrap();
        for (k, gk) in g.iter().enumerate() {
            assert!((gk - 0.6f64.powi(k as i32) / 0.64).abs() < 1e-12);
        }
        // ARMA(1,1) with θ: γ0 = (1 − 2φθ + θ²)/(1 − φ²)  (w = φw + e − θe)
        let a = Arma {
            a: vec![0.5],
            b: vec![0.3],
        };
        let g = a.autocovariances(3).unwrap();
        assert!((g[0] - (1.0 - 2.0 * 0.5 * 0.3 + 0.09) / 0.75).abs() < 1e-12);
        assert!((g[1] - (0.5 - 0.3) * (1.0 - 0.5 * 0.3) / 0.75).abs() < 1e-12);
    }

    #[test]
    fn roots_inverted() {
        assert_eq!(invert_roots(&[0.5]), vec![0.5]);
        assert!((invert_roots(&[2.0])[0] - 0.5).abs() < 1e-15);
        // (1 − 2z)(1 − 0.5z) = 1 − 2.5z + z²  →  (1 − 0.5z)(1 − 0.5z) = 1 − z + 0.25z²
        let c = invert_roots(&[2.5, -1.0]);
        assert!(
            (c[0] - 1.0).abs() < 1e-12 && (c[1] + 0.25).abs() < 1e-12,
            "{c:?}"
        );
    }

    #[test]
    fn stationarity() {
        assert!(is_stationary(&[0.5], 0.0));
        assert!(!is_stationary(&[1.2], 0.0));
        assert!(is_stationary(&[0.5, 0.3], 0.0));
        assert!(!is_stationary(&[0.5, 0.6], 0.0));
        assert!(!is_stationary(&[1.0], 0.0));
    }

    /// The filter's likelihood equals the one from the dense covariance matrix.
    #[test]
    fn kalman_equals_dense_likelihood() {
        let arma = Arma::new(
            &ArmaCoefficients {
                ar: vec![0.3],
                ma: vec![0.4],
                sma: vec![0.6],
                ..Default::default()
            },
            4,
        );
        let n = 30;
        let w: Vec<f64> = (0..n)
            .map(|t| ((t * 7 % 11) as f64 - 5.0) * 0.3 + (t as f64 * 0.7).sin())
            .collect();
        let fil = filter(&arma, &w, n, 1).unwrap();
        let g = arma.autocovariances(n).unwrap();
        // Cholesky of the Toeplitz matrix.
        let mut l = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..=i {
                let mut s = g[i - j];
                for k in 0..j {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if i == j {
                    l[i * n + i] = s.sqrt();
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        let logdet: f64 = (0..n).map(|i| 2.0 * l[i * n + i].ln()).sum();
        let mut z = vec![0.0; n];
        for i in 0..n {
            let mut s = w[i];
            for k in 0..i {
                s -= l[i * n + k] * z[k];
            }
            z[i] = s / l[i * n + i];
        }
        let ss: f64 = z.iter().map(|v| v * v).sum();
        let ss_k: f64 = fil.e.iter().map(|v| v * v).sum();
        assert!(
            (logdet - fil.logdet).abs() < 1e-10,
            "{logdet} {}",
            fil.logdet
        );
        assert!((ss - ss_k).abs() < 1e-10 * ss, "{ss} {ss_k}");
    }
}
