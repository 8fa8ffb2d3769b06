//! `econ x11`: X-11 seasonal adjustment as the Census X-13ARIMA-SEATS program
//! computes it.

use std::io::{self, Write};

use clap::Args;
use econseries::io::format_value;
use econseries::seasonal::{CalendarSigma, SeasonalFilter, X11, X11Diagnostics, X11Mode};
use econseries::{AnySeries, Period, Series};

use crate::common::{Failure, Input, parser, read};

#[derive(Debug, Args)]
pub(crate) struct X11Args {
    #[command(flatten)]
    options: X11Options,
    /// Also print the quality statistics M1–M11, Q and Q2, and the filters
    /// chosen, on standard error.
    #[arg(long)]
    diagnostics: bool,
    #[command(flatten)]
    input: Input,
}

/// The X-11 settings, shared with `econ panel x11`.
#[derive(Debug, Args)]
pub(crate) struct X11Options {
    /// How the components combine: mult (Y = T·S·I, the default), add,
    /// pseudoadd (Y = T·(S + I − 1)) or logadd.
    #[arg(long, default_value = "mult", value_parser = parser::<X11Mode>(&["mult", "add", "pseudoadd", "logadd"]))]
    mode: X11Mode,
    /// The seasonal filter: msr (chosen by the moving seasonality ratio, the
    /// default), x11default (3x3 then 3x5), or one filter for every estimate.
    #[arg(long, default_value = "msr", value_parser = parser::<SeasonalFilter>(&["msr", "s3x1", "s3x3", "s3x5", "s3x9", "s3x15", "stable", "x11default"]))]
    seasonal_filter: SeasonalFilter,
    /// A Henderson trend filter of this odd length (3 to 101) instead of the
    /// choice by the I/C ratio.
    #[arg(long, value_name = "N")]
    trend_filter: Option<usize>,
    /// Sigma limits for extreme values, lower and upper (default 1.5,2.5).
    #[arg(long, value_name = "L,U", value_parser = sigma_limits)]
    sigma_limits: Option<(f64, f64)>,
    /// Standard deviations of extreme values by calendar month: none (the
    /// default), all, or signif (when Cochran's test finds them unequal).
    #[arg(long, default_value = "none", value_parser = ["none", "all", "signif"])]
    calendar_sigma: String,
}

impl X11Options {
    /// The settings as the library's builder.
    pub(crate) fn build(&self) -> X11 {
        let mut x11 = X11::new()
            .mode(self.mode)
            .seasonal_filter(self.seasonal_filter);
        if let Some(n) = self.trend_filter {
            x11 = x11.trend_filter(n);
        }
        if let Some((lo, up)) = self.sigma_limits {
            x11 = x11.sigma_limits(lo, up);
        }
        x11.calendar_sigma(match self.calendar_sigma.as_str() {
            "all" => CalendarSigma::All,
            "signif" => CalendarSigma::Significant,
            _ => CalendarSigma::None,
        })
    }
}

fn sigma_limits(s: &str) -> Result<(f64, f64), String> {
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| format!("expected L,U, found {s:?}"))?;
    let num = |t: &str| {
        t.trim()
            .parse::<f64>()
            .map_err(|_| format!("{t:?} is not a number"))
    };
    Ok((num(a)?, num(b)?))
}

pub(crate) fn x11(args: X11Args) -> Result<(), Failure> {
    let x11 = args.options.build();
    match read(&args.input)? {
        AnySeries::Monthly(s) => run(&x11, &s, args.diagnostics),
        AnySeries::Quarterly(s) => run(&x11, &s, args.diagnostics),
        other => Err(Failure::Input(format!(
            "x11 adjusts monthly and quarterly series, not {} ones",
            other.frequency()
        ))),
    }
}

fn run<P: Period>(x11: &X11, s: &Series<P>, diagnostics: bool) -> Result<(), Failure> {
    let fit = x11.fit(s).map_err(Failure::input)?;
    let columns = [fit.seasonal(), fit.adjusted(), fit.trend(), fit.irregular()];
    let mut out = String::from("period,seasonal,adjusted,trend,irregular\n");
    for (p, _) in s.iter() {
        out.push_str(&p.to_string());
        for c in &columns {
            out.push(',');
            if let Some(v) = c.get(p) {
                out.push_str(&format_value(v));
            }
        }
        out.push('\n');
    }
    io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(Failure::Output)?;
    if diagnostics {
        io::stderr()
            .lock()
            .write_all(report(fit.mode(), fit.diagnostics()).as_bytes())
            .map_err(Failure::Output)?;
    }
    Ok(())
}

/// The diagnostics as text, one item a line, three decimals as the program
/// prints them.
pub(crate) fn report(mode: X11Mode, d: &X11Diagnostics) -> String {
    let mut s = format!("mode: {}\n", mode.name());
    let seasonal = if d.seasonal_filter_mixed() {
        "different filters by period".to_owned()
    } else {
        d.seasonal_filter().name().to_owned()
    };
    s.push_str(&format!("seasonal filter (D10): {seasonal}\n"));
    s.push_str(&format!(
        "moving seasonality ratio: {:.3}{}\n",
        d.msr(),
        if d.msr_by_default() {
            " (3x5 by default)"
        } else {
            ""
        }
    ));
    s.push_str(&format!(
        "trend filter (D12): {}-term Henderson\n",
        d.trend_filter()
    ));
    s.push_str(&format!("I/C ratio (D12): {:.3}\n", d.ic_ratio()));
    let (fs, fm) = d.seasonality_d8();
    s.push_str(&format!(
        "stable seasonality F (D8): {fs:.3}\nmoving seasonality F (D8): {fm:.3}\n"
    ));
    for i in 1..=11 {
        match d.m(i) {
            Some(v) => s.push_str(&format!("M{i}: {v:.3}\n")),
            None => s.push_str(&format!("M{i}: not computed\n")),
        }
    }
    s.push_str(&format!("Q: {:.3}\nQ2: {:.3}\n", d.q(), d.q2()));
    s
}
