//! From the grammar's specs and arguments to the typed run description:
//! every argument is either read into its field or an error naming it.

use std::path::Path;

use super::X13Spec;
use super::parts::*;
use super::syntax::{Argument, Item, RawSpec, Text, Value};
use crate::error::{Error, Result, SpecProblem};
use crate::seasonal::{CalendarSigma, SeasonalFilter, X11Mode};
use crate::x13::regressors::{Regressors, SpecDate, Variable};

/// Specs of the program that this crate does not run.
const UNSUPPORTED_SPECS: [&str; 11] = [
    "composite",
    "pickmdl",
    "identify",
    "check",
    "x11regression",
    "seats",
    "slidingspans",
    "history",
    "spectrum",
    "force",
    "metadata",
];

/// Arguments of the program's supported specs that this crate does not
/// implement (any other unknown argument is [`SpecProblem::UnknownArgument`]).
fn unsupported_arguments(spec: &str) -> &'static [&'static str] {
    match spec {
        "series" => &[
            "appendbcst",
            "appendfcst",
            "comptype",
            "compwt",
            "decimals",
            "divpower",
            "precision",
            "type",
            "trimzero",
            "missingval",
            "saveprecision",
            "savelog",
        ],
        "transform" => &[
            "data", "file", "format", "mode", "name", "start", "title", "type", "trimzero",
            "savelog",
        ],
        "regression" => &[
            "b",
            "chi2test",
            "chi2testcv",
            "eastermeans",
            "noapply",
            "pvaictest",
            "testalleaster",
            "tlimit",
            "savelog",
        ],
        "arima" => &[],
        "automdl" => &["exactdiff", "print", "savelog"],
        "outlier" => &["savelog", "tcrate"],
        "forecast" => &[],
        "estimate" => &["file", "fix", "savelog"],
        "x11" => &[
            "centerseasonal",
            "excludefcst",
            "keepholiday",
            "print1stpass",
            "sfshort",
            "trendic",
            "spectrumsa",
        ],
        _ => &[],
    }
}

/// Reads the arguments of one spec.
struct Args<'a> {
    spec: &'a str,
}

impl Args<'_> {
    fn err(&self, line: u32, problem: SpecProblem) -> Error {
        Error::Spec {
            line,
            problem: Box::new(problem),
        }
    }

    fn invalid(&self, arg: &Argument, value: &str, expected: &'static str) -> Error {
        self.err(
            arg.line,
            SpecProblem::InvalidValue {
                spec: self.spec.to_owned().into(),
                argument: arg.name.clone().into(),
                value: value.to_owned().into(),
                expected,
            },
        )
    }

    fn unknown(&self, arg: &Argument) -> Error {
        if unsupported_arguments(self.spec).contains(&arg.name.as_str()) {
            self.err(
                arg.line,
                SpecProblem::UnsupportedArgument {
                    spec: self.spec.to_owned().into(),
                    argument: arg.name.clone().into(),
                },
            )
        } else {
            self.err(
                arg.line,
                SpecProblem::UnknownArgument {
                    spec: self.spec.to_owned().into(),
                    argument: arg.name.clone().into(),
                },
            )
        }
    }

    /// The single value of an argument (a word, a string or a one-item list).
    fn scalar<'v>(&self, arg: &'v Argument, expected: &'static str) -> Result<&'v Text> {
        match &arg.value {
            Value::Scalar(t) => Ok(t),
            Value::Groups(g) => match g.as_slice() {
                [one] if one.suffix.is_none() => match one.items.as_slice() {
                    [Some(t)] => Ok(t),
                    _ => Err(self.invalid(arg, &render(&arg.value), expected)),
                },
                _ => Err(self.invalid(arg, &render(&arg.value), expected)),
            },
        }
    }

    /// The items of a one-group list (a scalar is a list of one).
    fn items<'v>(
        &self,
        arg: &'v Argument,
        expected: &'static str,
    ) -> Result<Vec<Option<&'v Text>>> {
        match &arg.value {
            Value::Scalar(t) => Ok(vec![Some(t)]),
            Value::Groups(g) => match g.as_slice() {
                [one] if one.suffix.is_none() => Ok(one.items.iter().map(Item::as_ref).collect()),
                _ => Err(self.invalid(arg, &render(&arg.value), expected)),
            },
        }
    }

    /// Items that must all be present.
    fn words<'v>(&self, arg: &'v Argument, expected: &'static str) -> Result<Vec<&'v Text>> {
        self.items(arg, expected)?
            .into_iter()
            .map(|t| t.ok_or_else(|| self.invalid(arg, &render(&arg.value), expected)))
            .collect()
    }

    fn names(&self, arg: &Argument) -> Result<Vec<String>> {
        Ok(self
            .words(arg, "a list of names")?
            .into_iter()
            .map(|t| t.text.to_ascii_lowercase())
            .collect())
    }

    fn number(&self, arg: &Argument, t: &Text) -> Result<f64> {
        parse_number(&t.text).ok_or_else(|| self.invalid(arg, &t.text, "a finite number"))
    }

    fn f64(&self, arg: &Argument) -> Result<f64> {
        let t = self.scalar(arg, "a number")?;
        self.number(arg, t)
    }

    fn u32(&self, arg: &Argument, max: u32) -> Result<u32> {
        let t = self.scalar(arg, "a whole number")?;
        t.text
            .parse::<u32>()
            .ok()
            .filter(|v| *v <= max)
            .ok_or_else(|| self.invalid(arg, &t.text, "a whole number in range"))
    }

    fn yes_no(&self, arg: &Argument) -> Result<bool> {
        let t = self.scalar(arg, "yes or no")?;
        match t.text.to_ascii_lowercase().as_str() {
            "yes" => Ok(true),
            "no" => Ok(false),
            _ => Err(self.invalid(arg, &t.text, "yes or no")),
        }
    }

    fn string(&self, arg: &Argument) -> Result<String> {
        Ok(self.scalar(arg, "a string")?.text.clone())
    }

    fn date(&self, arg: &Argument, t: &Text) -> Result<SpecDate> {
        t.text
            .parse()
            .map_err(|_| self.invalid(arg, &t.text, "a date YYYY.MM, YYYY.Q or YYYY.mon"))
    }

    fn span(&self, arg: &Argument) -> Result<SpanLimits> {
        let items = self.items(arg, "(start, end)")?;
        let [a, b] = items.as_slice() else {
            return Err(self.invalid(
                arg,
                &render(&arg.value),
                "two dates (start, end), either may be empty",
            ));
        };
        Ok(SpanLimits {
            start: a.map(|t| self.date(arg, t)).transpose()?,
            end: b.map(|t| self.date(arg, t)).transpose()?,
        })
    }

    fn pair(&self, arg: &Argument, max: u32) -> Result<(u32, u32)> {
        let w = self.words(arg, "two whole numbers")?;
        let [a, b] = w.as_slice() else {
            return Err(self.invalid(arg, &render(&arg.value), "two whole numbers"));
        };
        let n = |t: &Text| t.text.parse::<u32>().ok().filter(|v| *v <= max);
        match (n(a), n(b)) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => Err(self.invalid(arg, &render(&arg.value), "two whole numbers in range")),
        }
    }

    fn numbers(&self, arg: &Argument) -> Result<Vec<f64>> {
        self.words(arg, "a list of numbers")?
            .into_iter()
            .map(|t| self.number(arg, t))
            .collect()
    }
}

/// A finite number as the program writes them (also `1.5d0`, Fortran style).
fn parse_number(text: &str) -> Option<f64> {
    let t = text.replace(['d', 'D'], "e");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A value as text, for error messages.
fn render(v: &Value) -> String {
    match v {
        Value::Scalar(t) => t.text.clone(),
        Value::Groups(g) => g
            .iter()
            .map(|g| {
                let items: Vec<&str> = g
                    .items
                    .iter()
                    .map(|i| i.as_ref().map_or("", |t| t.text.as_str()))
                    .collect();
                format!(
                    "({}){}",
                    items.join(" "),
                    g.suffix.as_ref().map_or("", |s| s.text.as_str())
                )
            })
            .collect(),
    }
}

/// Values from `data=` or a file, and the line of the argument that gave
/// them.
fn data_values(
    args: &Args<'_>,
    data: Option<&Argument>,
    file: Option<&Argument>,
    format: Option<&Argument>,
    dir: Option<&Path>,
) -> Result<Option<Vec<f64>>> {
    match (data, file) {
        (Some(_), Some(f)) => Err(args.err(
            f.line,
            SpecProblem::Conflict {
                first: format!("{}: data", args.spec).into(),
                second: "file".to_owned().into(),
            },
        )),
        (Some(d), None) => {
            if let Some(fmt) = format {
                return Err(args.err(
                    fmt.line,
                    SpecProblem::Conflict {
                        first: format!("{}: data", args.spec).into(),
                        second: "format".to_owned().into(),
                    },
                ));
            }
            args.numbers(d).map(Some)
        }
        (None, Some(f)) => {
            let path = args.string(f)?;
            let fmt = format
                .map(|a| args.string(a))
                .transpose()?
                .map(|s| s.to_ascii_lowercase());
            let full = dir.map_or_else(|| Path::new(&path).to_path_buf(), |d| d.join(&path));
            let text = std::fs::read_to_string(&full).map_err(|e| {
                args.err(
                    f.line,
                    SpecProblem::File {
                        path: path.clone().into(),
                        kind: e.kind(),
                    },
                )
            })?;
            let bad = |v: &str| args.invalid(f, v, "numbers in the file's format");
            match fmt.as_deref() {
                None | Some("free") => text
                    .split_whitespace()
                    .map(|w| parse_number(w).ok_or_else(|| bad(w)))
                    .collect::<Result<_>>()
                    .map(Some),
                Some("datevalue") => {
                    // year period value, one observation a line.
                    let mut out = Vec::new();
                    for line in text.lines().filter(|l| !l.trim().is_empty()) {
                        let fields: Vec<&str> = line.split_whitespace().collect();
                        let [_, _, v] = fields.as_slice() else {
                            return Err(bad(line));
                        };
                        out.push(parse_number(v).ok_or_else(|| bad(v))?);
                    }
                    Ok(Some(out))
                }
                Some(other) => Err(args.invalid(format.unwrap_or(f), other, "free or datevalue")),
            }
        }
        (None, None) => Ok(None),
    }
}

fn series(spec: &RawSpec, dir: Option<&Path>, template: bool) -> Result<SeriesSpec> {
    let a = Args { spec: "series" };
    let (mut data, mut file, mut format) = (None, None, None);
    let mut s = SeriesSpec::new(SpecDate::new(0, 0), 12, Vec::new());
    let mut start = None;
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "data" => data = Some(arg),
            "file" => file = Some(arg),
            "format" => format = Some(arg),
            "start" => start = Some(a.date(arg, a.scalar(arg, "a date")?)?),
            "period" => {
                s.period = match a.u32(arg, 12)? {
                    p @ (4 | 12) => p,
                    p => return Err(a.invalid(arg, &p.to_string(), "12 or 4")),
                }
            }
            "span" => s.span = Some(a.span(arg)?),
            "modelspan" => s.modelspan = Some(a.span(arg)?),
            "title" => s.title = Some(a.string(arg)?),
            "name" => s.name = Some(a.string(arg)?),
            "missingcode" => s.missing_code = a.f64(arg)?,
            "save" => s.save = a.names(arg)?,
            "print" => s.print = a.names(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    if template && data.is_none() && file.is_none() {
        s.start = start.unwrap_or(SpecDate::new(0, 1));
        return Ok(s);
    }
    s.data = data_values(&a, data, file, format, dir)?.ok_or_else(|| {
        a.err(
            spec.line,
            SpecProblem::Missing {
                spec: "series".to_owned().into(),
                argument: "data or file",
            },
        )
    })?;
    s.start = start.ok_or_else(|| {
        a.err(
            spec.line,
            SpecProblem::Missing {
                spec: "series".to_owned().into(),
                argument: "start",
            },
        )
    })?;
    let check = |d: SpecDate, arg: &str| {
        if d.period() > s.period {
            Err(a.err(
                spec.line,
                SpecProblem::InvalidValue {
                    spec: "series".to_owned().into(),
                    argument: arg.to_owned().into(),
                    value: d.to_string().into(),
                    expected: "a period within the series' frequency",
                },
            ))
        } else {
            Ok(())
        }
    };
    check(s.start, "start")?;
    for (lim, name) in [(s.span, "span"), (s.modelspan, "modelspan")] {
        for d in lim.iter().flat_map(|l| [l.start, l.end]).flatten() {
            check(d, name)?;
        }
    }
    Ok(s)
}

fn transform(spec: &RawSpec) -> Result<TransformSpec> {
    let a = Args { spec: "transform" };
    let mut t = TransformSpec::default();
    let mut function: Option<&Argument> = None;
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "function" => {
                let v = a.scalar(arg, "none, log or auto")?;
                t.function = match v.text.to_ascii_lowercase().as_str() {
                    "none" => TransformFunction::None,
                    "log" => TransformFunction::Log,
                    "auto" => TransformFunction::Auto,
                    _ => return Err(a.invalid(arg, &v.text, "none, log or auto")),
                };
                function = Some(arg);
            }
            "power" => {
                if let Some(f) = function {
                    return Err(a.err(
                        arg.line,
                        SpecProblem::Conflict {
                            first: format!("transform: {}", f.name).into(),
                            second: "power".to_owned().into(),
                        },
                    ));
                }
                t.function = TransformFunction::Power(a.f64(arg)?);
                function = Some(arg);
            }
            "adjust" => {
                let v = a.scalar(arg, "lom, loq or lpyear")?;
                t.adjust = Some(match v.text.to_ascii_lowercase().as_str() {
                    "lom" | "loq" => PriorAdjust::LengthOfPeriod,
                    "lpyear" => PriorAdjust::LeapYear,
                    _ => return Err(a.invalid(arg, &v.text, "lom, loq or lpyear")),
                });
            }
            "aicdiff" => t.aicdiff = a.f64(arg)?,
            "constant" => t.constant = a.f64(arg)?,
            "save" => t.save = a.names(arg)?,
            "print" => t.print = a.names(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    Ok(t)
}

fn usertype(t: &str) -> Option<UserType> {
    Some(match t {
        "user" => UserType::User,
        "constant" => UserType::Constant,
        "seasonal" => UserType::Seasonal,
        "td" => UserType::TradingDay,
        "lom" | "loq" => UserType::LengthOfPeriod,
        "lpyear" => UserType::LeapYear,
        "holiday" => UserType::Holiday(1),
        "holiday2" => UserType::Holiday(2),
        "holiday3" => UserType::Holiday(3),
        "holiday4" => UserType::Holiday(4),
        "holiday5" => UserType::Holiday(5),
        "ao" => UserType::Ao,
        "ls" => UserType::Ls,
        "so" => UserType::So,
        "transitory" => UserType::Transitory,
        _ => return None,
    })
}

fn regression(spec: &RawSpec, dir: Option<&Path>) -> Result<RegressionSpec> {
    let a = Args { spec: "regression" };
    let mut r = RegressionSpec::default();
    let (mut data, mut file, mut format, mut user, mut types) = (None, None, None, None, None);
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "variables" => {
                let mut vars = Vec::new();
                for t in a.words(arg, "a list of regression variables")? {
                    let v: Variable = t.text.parse().map_err(|e| match e {
                        Error::Regressor { problem, .. } => {
                            a.err(t.line, SpecProblem::Regressor(problem))
                        }
                        other => other,
                    })?;
                    vars.push(v);
                }
                r.variables = Regressors::new(vars);
            }
            "user" => user = Some((arg, a.names(arg)?)),
            "usertype" => types = Some(arg),
            "data" => data = Some(arg),
            "file" => file = Some(arg),
            "format" => format = Some(arg),
            "start" => r.user_start = Some(a.date(arg, a.scalar(arg, "a date")?)?),
            "aictest" => {
                let mut tests = Vec::new();
                for t in a.words(arg, "a list of effects")? {
                    tests.push(match t.text.to_ascii_lowercase().as_str() {
                        "td" => AicTest::TradingDay,
                        "tdnolpyear" => AicTest::TradingDayNoLeapYear,
                        "td1coef" => AicTest::TradingDay1Coef,
                        "td1nolpyear" => AicTest::TradingDay1CoefNoLeapYear,
                        "tdstock" => AicTest::TradingDayStock,
                        "lom" | "loq" => AicTest::LengthOfPeriod,
                        "lpyear" => AicTest::LeapYear,
                        "easter" => AicTest::Easter,
                        "labor" => AicTest::Labor,
                        "thank" => AicTest::Thanksgiving,
                        "user" => AicTest::User,
                        _ => return Err(a.invalid(arg, &t.text, "td, td1coef, tdnolpyear, td1nolpyear, tdstock, lom, loq, lpyear, easter, labor, thank or user")),
                    });
                }
                r.aictest = tests;
            }
            "aicdiff" => r.aicdiff = a.f64(arg)?,
            "tcrate" => {
                let v = a.f64(arg)?;
                if !(v > 0.0 && v < 1.0) {
                    return Err(a.invalid(arg, &v.to_string(), "a rate strictly between 0 and 1"));
                }
                r.tcrate = Some(v);
            }
            "centeruser" => {
                let v = a.scalar(arg, "mean or seasonal")?;
                r.centeruser = Some(match v.text.to_ascii_lowercase().as_str() {
                    "mean" => CenterUser::Mean,
                    "seasonal" => CenterUser::Seasonal,
                    _ => return Err(a.invalid(arg, &v.text, "mean or seasonal")),
                });
            }
            "save" => r.save = a.names(arg)?,
            "print" => r.print = a.names(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    let values = data_values(&a, data, file, format, dir)?;
    match (user, values) {
        (Some((arg, names)), Some(values)) => {
            let n = names.len();
            if n == 0 || values.len() % n != 0 {
                return Err(a.invalid(
                    arg,
                    &render(&arg.value),
                    "as many values for each user regressor",
                ));
            }
            let kinds: Vec<UserType> = match types {
                None => vec![UserType::User; n],
                Some(t) => {
                    let w = a.names(t)?;
                    let k = w
                        .iter()
                        .map(|x| usertype(x).ok_or_else(|| a.invalid(t, x, "user, holiday, holiday2..holiday5, td, seasonal, constant, lom, loq, lpyear, ao, ls, so or transitory")))
                        .collect::<Result<Vec<_>>>()?;
                    match k.len() {
                        1 => vec![k.first().copied().unwrap_or_default(); n],
                        m if m == n => k,
                        _ => {
                            return Err(a.invalid(
                                t,
                                &render(&t.value),
                                "one usertype, or one per user regressor",
                            ));
                        }
                    }
                }
            };
            r.user = names
                .into_iter()
                .zip(kinds)
                .enumerate()
                .map(|(j, (name, usertype))| UserRegressor {
                    name,
                    usertype,
                    values: values.iter().skip(j).step_by(n).copied().collect(),
                })
                .collect();
        }
        (Some(_), None) => {
            return Err(a.err(
                spec.line,
                SpecProblem::Missing {
                    spec: "regression".to_owned().into(),
                    argument: "data or file for user",
                },
            ));
        }
        (None, Some(_)) => {
            return Err(a.err(
                spec.line,
                SpecProblem::Missing {
                    spec: "regression".to_owned().into(),
                    argument: "user for its data",
                },
            ));
        }
        (None, None) => {
            if let Some(t) = types {
                return Err(a.err(
                    t.line,
                    SpecProblem::Missing {
                        spec: "regression".to_owned().into(),
                        argument: "user for usertype",
                    },
                ));
            }
        }
    }
    Ok(r)
}

fn coefficients(a: &Args<'_>, arg: &Argument) -> Result<Vec<Option<Coefficient>>> {
    a.items(arg, "a list of coefficients")?
        .into_iter()
        .map(|t| {
            t.map(|t| {
                let lower = t.text.to_ascii_lowercase();
                let (num, fixed) = match lower.strip_suffix('f') {
                    Some(n) => (n, true),
                    None => (lower.as_str(), false),
                };
                parse_number(num)
                    .map(|value| Coefficient { value, fixed })
                    .ok_or_else(|| a.invalid(arg, &t.text, "numbers, 0.5f for a fixed one"))
            })
            .transpose()
        })
        .collect()
}

fn arima(spec: &RawSpec) -> Result<ArimaSpec> {
    let a = Args { spec: "arima" };
    let mut model = None;
    let (mut ar, mut ma, mut title) = (Vec::new(), Vec::new(), None);
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "model" => {
                let expected =
                    "(p d q) or (p d q)(P D Q), optionally followed by the seasonal period";
                let Value::Groups(groups) = &arg.value else {
                    return Err(a.invalid(arg, &render(&arg.value), expected));
                };
                let order = |g: &super::syntax::Group| -> Option<(u32, u32, u32)> {
                    let n: Vec<u32> = g
                        .items
                        .iter()
                        .map(|i| {
                            i.as_ref()
                                .and_then(|t| t.text.parse::<u32>().ok())
                                .filter(|v| *v <= 36)
                        })
                        .collect::<Option<_>>()?;
                    match n.as_slice() {
                        [p, d, q] => Some((*p, *d, *q)),
                        _ => None,
                    }
                };
                let bad = || a.invalid(arg, &render(&arg.value), expected);
                model = Some(match groups.as_slice() {
                    [r] if r.suffix.is_none() => {
                        ArimaModel::new(order(r).ok_or_else(bad)?, (0, 0, 0))
                    }
                    [r, s] if r.suffix.is_none() => {
                        let mut m =
                            ArimaModel::new(order(r).ok_or_else(bad)?, order(s).ok_or_else(bad)?);
                        if let Some(p) = &s.suffix {
                            m.period = Some(
                                p.text
                                    .parse::<u32>()
                                    .ok()
                                    .filter(|p| (2..=12).contains(p))
                                    .ok_or_else(bad)?,
                            );
                        }
                        m
                    }
                    _ => return Err(bad()),
                });
            }
            "ar" => ar = coefficients(&a, arg)?,
            "ma" => ma = coefficients(&a, arg)?,
            "title" => title = Some(a.string(arg)?),
            _ => return Err(a.unknown(arg)),
        }
    }
    let model = model.ok_or_else(|| {
        a.err(
            spec.line,
            SpecProblem::Missing {
                spec: "arima".to_owned().into(),
                argument: "model",
            },
        )
    })?;
    Ok(ArimaSpec {
        model,
        ar,
        ma,
        title,
    })
}

fn automdl(spec: &RawSpec) -> Result<AutomdlSpec> {
    let a = Args { spec: "automdl" };
    let mut m = AutomdlSpec::default();
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "maxorder" => m.maxorder = a.pair(arg, 4)?,
            "maxdiff" => m.maxdiff = a.pair(arg, 2)?,
            "diff" => m.diff = Some(a.pair(arg, 2)?),
            "acceptdefault" => m.acceptdefault = a.yes_no(arg)?,
            "checkmu" => m.checkmu = a.yes_no(arg)?,
            "ljungboxlimit" => m.ljungboxlimit = a.f64(arg)?,
            "mixed" => m.mixed = a.yes_no(arg)?,
            "armalimit" => m.armalimit = a.f64(arg)?,
            "balanced" => m.balanced = a.yes_no(arg)?,
            "hrinitial" => m.hrinitial = a.yes_no(arg)?,
            "reducecv" => m.reducecv = a.f64(arg)?,
            "rejectfcst" => m.rejectfcst = a.yes_no(arg)?,
            "fcstlim" => m.fcstlim = a.f64(arg)?,
            "urfinal" => m.urfinal = a.f64(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    Ok(m)
}

fn outlier(spec: &RawSpec) -> Result<OutlierSpec> {
    let a = Args { spec: "outlier" };
    let mut o = OutlierSpec::default();
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "types" => {
                let mut types = Vec::new();
                for t in a.words(arg, "ao, ls, tc, so, all or none")? {
                    match t.text.to_ascii_lowercase().as_str() {
                        "ao" => types.push(OutlierType::Ao),
                        "ls" => types.push(OutlierType::Ls),
                        "tc" => types.push(OutlierType::Tc),
                        "so" => types.push(OutlierType::So),
                        "all" => types.extend([OutlierType::Ao, OutlierType::Ls, OutlierType::Tc]),
                        "none" => {}
                        _ => return Err(a.invalid(arg, &t.text, "ao, ls, tc, so, all or none")),
                    }
                }
                types.dedup();
                o.types = types;
            }
            "critical" => {
                let items = a.items(arg, "one value, or values for AO, LS, TC")?;
                let v: Vec<Option<f64>> = items
                    .into_iter()
                    .map(|t| t.map(|t| a.number(arg, t)).transpose())
                    .collect::<Result<_>>()?;
                o.critical = match v.as_slice() {
                    [Some(c)] => [Some(*c); 3],
                    [x] => [*x; 3],
                    [x, y] => [*x, *y, None],
                    [x, y, z] => [*x, *y, *z],
                    _ => {
                        return Err(a.invalid(
                            arg,
                            &render(&arg.value),
                            "one value, or values for AO, LS, TC",
                        ));
                    }
                };
            }
            "method" => {
                let v = a.scalar(arg, "addone or addall")?;
                o.method = match v.text.to_ascii_lowercase().as_str() {
                    "addone" => OutlierMethod::AddOne,
                    "addall" => OutlierMethod::AddAll,
                    _ => return Err(a.invalid(arg, &v.text, "addone or addall")),
                };
            }
            "lsrun" => o.lsrun = a.u32(arg, 5)?,
            "span" => o.span = Some(a.span(arg)?),
            "almost" => o.almost = a.f64(arg)?,
            "save" => o.save = a.names(arg)?,
            "print" => o.print = a.names(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    Ok(o)
}

fn forecast(spec: &RawSpec) -> Result<ForecastSpec> {
    let a = Args { spec: "forecast" };
    let mut f = ForecastSpec::default();
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "maxlead" => f.maxlead = Some(a.u32(arg, 120)?),
            "maxback" => f.maxback = a.u32(arg, 120)?,
            "probability" => {
                let p = a.f64(arg)?;
                if !(p > 0.0 && p < 1.0) {
                    return Err(a.invalid(
                        arg,
                        &p.to_string(),
                        "a probability strictly between 0 and 1",
                    ));
                }
                f.probability = p;
            }
            "exclude" => f.exclude = a.u32(arg, u32::MAX)?,
            "lognormal" => f.lognormal = a.yes_no(arg)?,
            "save" => f.save = a.names(arg)?,
            "print" => f.print = a.names(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    Ok(f)
}

fn estimate(spec: &RawSpec) -> Result<EstimateSpec> {
    let a = Args { spec: "estimate" };
    let mut e = EstimateSpec::default();
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "tol" => {
                let t = a.f64(arg)?;
                if t <= 0.0 {
                    return Err(a.invalid(arg, &t.to_string(), "a positive tolerance"));
                }
                e.tol = t;
            }
            "maxiter" => e.maxiter = a.u32(arg, u32::MAX)?,
            "exact" => {
                let v = a.scalar(arg, "arma, ma or none")?;
                e.exact = match v.text.to_ascii_lowercase().as_str() {
                    "arma" => Exact::Arma,
                    "ma" => Exact::Ma,
                    "none" => Exact::None,
                    _ => return Err(a.invalid(arg, &v.text, "arma, ma or none")),
                };
            }
            "outofsample" => e.outofsample = a.yes_no(arg)?,
            "save" => e.save = a.names(arg)?,
            "print" => e.print = a.names(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    Ok(e)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn x11(spec: &RawSpec, period: u32) -> Result<X11Spec> {
    let a = Args { spec: "x11" };
    let mut x = X11Spec::default();
    let (mut calendar, mut sigmavec) = (None, None);
    for arg in &spec.arguments {
        match arg.name.as_str() {
            "mode" => {
                let v = a.scalar(arg, "mult, add, pseudoadd or logadd")?;
                x.mode = v
                    .text
                    .parse::<X11Mode>()
                    .map_err(|_| a.invalid(arg, &v.text, "mult, add, pseudoadd or logadd"))?;
            }
            "seasonalma" => {
                let expected = "s3x1, s3x3, s3x5, s3x9, s3x15, stable, x11default or msr, one or one per period";
                let filters = a
                    .words(arg, expected)?
                    .into_iter()
                    .map(|t| {
                        t.text
                            .parse::<SeasonalFilter>()
                            .map_err(|_| a.invalid(arg, &t.text, expected))
                    })
                    .collect::<Result<Vec<_>>>()?;
                x.seasonalma = match filters.as_slice() {
                    [one] => SeasonalMa::All(*one),
                    many if many.len() == period as usize => {
                        if many
                            .iter()
                            .any(|f| matches!(f, SeasonalFilter::Msr | SeasonalFilter::X11Default))
                        {
                            return Err(a.invalid(
                                arg,
                                &render(&arg.value),
                                "msr and x11default only as the one filter",
                            ));
                        }
                        SeasonalMa::PerPeriod(filters)
                    }
                    _ => return Err(a.invalid(arg, &render(&arg.value), expected)),
                };
            }
            "trendma" => {
                let v = a.u32(arg, 101)?;
                if v < 3 || v % 2 == 0 {
                    return Err(a.invalid(arg, &v.to_string(), "an odd length 3..=101"));
                }
                x.trendma = Some(v as usize);
            }
            "sigmalim" => {
                let items = a.items(arg, "(lower, upper)")?;
                let v: Vec<Option<f64>> = items
                    .into_iter()
                    .map(|t| t.map(|t| a.number(arg, t)).transpose())
                    .collect::<Result<_>>()?;
                let (lo, hi) = match v.as_slice() {
                    [l, h] => (l.unwrap_or(1.5), h.unwrap_or(2.5)),
                    [l] => (l.unwrap_or(1.5), 2.5),
                    _ => {
                        return Err(a.invalid(
                            arg,
                            &render(&arg.value),
                            "(lower, upper), either may be empty",
                        ));
                    }
                };
                if !(lo > 0.0 && lo <= hi) {
                    return Err(a.invalid(arg, &render(&arg.value), "0 < lower <= upper"));
                }
                x.sigmalim = (lo, hi);
            }
            "calendarsigma" => calendar = Some(arg),
            "sigmavec" => sigmavec = Some(arg),
            "appendfcst" => x.appendfcst = a.yes_no(arg)?,
            "appendbcst" => x.appendbcst = a.yes_no(arg)?,
            "final" => {
                let mut f = Vec::new();
                for t in a.words(arg, "ao, ls, tc, user or none")? {
                    match t.text.to_ascii_lowercase().as_str() {
                        "ao" => f.push(FinalAdjust::Ao),
                        "ls" => f.push(FinalAdjust::Ls),
                        "tc" => f.push(FinalAdjust::Tc),
                        "user" => f.push(FinalAdjust::User),
                        "none" => {}
                        _ => return Err(a.invalid(arg, &t.text, "ao, ls, tc, user or none")),
                    }
                }
                x.final_adjust = f;
            }
            "type" => {
                let v = a.scalar(arg, "sa")?;
                if !v.text.eq_ignore_ascii_case("sa") {
                    return Err(a.err(
                        arg.line,
                        SpecProblem::UnsupportedArgument {
                            spec: "x11".to_owned().into(),
                            argument: format!("type={}", v.text).into(),
                        },
                    ));
                }
            }
            "title" => x.title = Some(a.string(arg)?),
            "save" => x.save = a.names(arg)?,
            "print" => x.print = a.names(arg)?,
            "savelog" => x.savelog = a.names(arg)?,
            _ => return Err(a.unknown(arg)),
        }
    }
    let selected = match sigmavec {
        None => None,
        Some(arg) => {
            let mut sel = [false; 12];
            for t in a.words(arg, "months (jan … dec) or quarters (q1 … q4)")? {
                let l = t.text.to_ascii_lowercase();
                let i = if period == 12 {
                    MONTHS.iter().position(|m| *m == l)
                } else {
                    ["q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"]
                        .iter()
                        .position(|m| *m == l)
                        .map(|i| i % 4)
                };
                let i = i.ok_or_else(|| {
                    a.invalid(arg, &t.text, "months (jan … dec) or quarters (q1 … q4)")
                })?;
                if let Some(s) = sel.get_mut(i) {
                    *s = true;
                }
            }
            Some((arg, sel))
        }
    };
    if let Some(arg) = calendar {
        let v = a.scalar(arg, "none, all, signif or select")?;
        x.calendarsigma = match v.text.to_ascii_lowercase().as_str() {
            "none" => CalendarSigma::None,
            "all" => CalendarSigma::All,
            "signif" => CalendarSigma::Significant,
            "select" => match selected {
                Some((_, sel)) => CalendarSigma::Select(sel),
                None => {
                    return Err(a.err(
                        arg.line,
                        SpecProblem::Missing {
                            spec: "x11".to_owned().into(),
                            argument: "sigmavec for calendarsigma=select",
                        },
                    ));
                }
            },
            _ => return Err(a.invalid(arg, &v.text, "none, all, signif or select")),
        };
    }
    if let Some((arg, _)) = selected
        && !matches!(x.calendarsigma, CalendarSigma::Select(_))
    {
        return Err(a.err(
            arg.line,
            SpecProblem::Conflict {
                first: "x11: sigmavec".to_owned().into(),
                second: "a calendarsigma other than select".to_owned().into(),
            },
        ));
    }
    Ok(x)
}

/// The run description of parsed specs.
pub(super) fn convert(
    specs: Vec<RawSpec>,
    dir: Option<&Path>,
    last_line: u32,
    template: bool,
) -> Result<X13Spec> {
    let mut seen: Vec<(&str, u32)> = Vec::new();
    for s in &specs {
        if let Some((_, _)) = seen.iter().find(|(n, _)| *n == s.name) {
            return Err(Error::Spec {
                line: s.line,
                problem: Box::new(SpecProblem::DuplicateSpec {
                    spec: s.name.clone().into(),
                }),
            });
        }
        seen.push((s.name.as_str(), s.line));
        for (i, arg) in s.arguments.iter().enumerate() {
            if s.arguments.iter().take(i).any(|b| b.name == arg.name) {
                return Err(Error::Spec {
                    line: arg.line,
                    problem: Box::new(SpecProblem::DuplicateArgument {
                        spec: s.name.clone().into(),
                        argument: arg.name.clone().into(),
                    }),
                });
            }
        }
        let known = [
            "series",
            "transform",
            "regression",
            "arima",
            "automdl",
            "outlier",
            "forecast",
            "estimate",
            "x11",
        ];
        if UNSUPPORTED_SPECS.contains(&s.name.as_str()) {
            return Err(Error::Spec {
                line: s.line,
                problem: Box::new(SpecProblem::UnsupportedSpec {
                    spec: s.name.clone().into(),
                }),
            });
        }
        if !known.contains(&s.name.as_str()) {
            return Err(Error::Spec {
                line: s.line,
                problem: Box::new(SpecProblem::UnknownSpec {
                    spec: s.name.clone().into(),
                }),
            });
        }
    }
    let find = |name: &str| specs.iter().find(|s| s.name == name);
    let series_raw = match find("series") {
        None if template => None,
        raw => Some(raw.ok_or(Error::Spec {
            line: last_line,
            problem: Box::new(SpecProblem::Missing {
                spec: "series".to_owned().into(),
                argument: "to be given (the data)",
            }),
        })?),
    };
    let series = match series_raw {
        Some(raw) => series(raw, dir, template)?,
        None => SeriesSpec::new(SpecDate::new(0, 1), 12, Vec::new()),
    };
    let period = series.period;
    if let (Some(ar), Some(au)) = (find("arima"), find("automdl")) {
        return Err(Error::Spec {
            line: ar.line.max(au.line),
            problem: Box::new(SpecProblem::Conflict {
                first: "arima".to_owned().into(),
                second: "automdl".to_owned().into(),
            }),
        });
    }
    Ok(X13Spec {
        series,
        transform: find("transform").map(transform).transpose()?,
        regression: find("regression").map(|s| regression(s, dir)).transpose()?,
        arima: find("arima").map(arima).transpose()?,
        automdl: find("automdl").map(automdl).transpose()?,
        outlier: find("outlier").map(outlier).transpose()?,
        forecast: find("forecast").map(forecast).transpose()?,
        estimate: find("estimate").map(estimate).transpose()?,
        x11: find("x11").map(|s| x11(s, period)).transpose()?,
        lines: Default::default(),
    })
}
