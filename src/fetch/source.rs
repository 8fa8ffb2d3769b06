//! [`Source`]: where a series lives, written `fred:IMPCH`.

use core::fmt;
use core::str::FromStr;

use super::provider::{self, check_url};
use crate::error::{Error, Result};

/// A series (or query) on a web service, as written on the command line:
///
/// | text | source |
/// |---|---|
/// | `fred:IMPCH` | FRED series `IMPCH`, latest values |
/// | `alfred:GDPC1` | every vintage of FRED series `GDPC1` (ALFRED) |
/// | `sdmx:ECB/EXR/M.USD.EUR.SP00.A` | an SDMX REST data query: agency (`ECB`, `ESTAT`, `OECD`, `IMF`, `BIS`), dataflow, key |
/// | `sdmx:https://host/rest/data/FLOW/KEY` | any SDMX REST data query by URL |
/// | `dbnomics:AMECO/ZUTN/EA19.1.0.0.0.ZUTN` | DBnomics provider, dataset and series code |
///
/// Ids, dataflows and keys are made of letters, digits and `_ . - , @ + *`
/// (an SDMX key may leave dimensions empty, `M..EUR.SP00.A`); anything
/// else is refused, so a source never changes the shape of a URL.
///
/// # Example
/// ```
/// use econseries::fetch::Source;
///
/// let s: Source = "sdmx:ECB/EXR/M.USD.EUR.SP00.A".parse()?;
/// assert_eq!(s, Source::Sdmx { agency: "ECB".into(), flow: "EXR".into(), key: "M.USD.EUR.SP00.A".into() });
/// assert_eq!(s.to_string(), "sdmx:ECB/EXR/M.USD.EUR.SP00.A");
/// assert!("fred:IMP CH".parse::<Source>().is_err());
/// assert!(Source::is_source("alfred:GDPC1"));
/// assert!(!Source::is_source("data/imports.csv"));
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// A FRED series, latest values.
    Fred {
        /// The FRED series id (`IMPCH`).
        id: String,
    },
    /// Every vintage of a FRED series, from ALFRED.
    Alfred {
        /// The FRED series id (`GDPC1`).
        id: String,
    },
    /// An SDMX REST 2.1 data query to a known agency.
    Sdmx {
        /// The agency (`ECB`, `ESTAT`, `OECD`, `IMF`, `BIS`).
        agency: String,
        /// The dataflow (`EXR`, or `AGENCY,ID,VERSION`).
        flow: String,
        /// The series key, dimensions joined by dots.
        key: String,
    },
    /// An SDMX REST data query given by its URL.
    SdmxUrl {
        /// The URL (`https://`, or `http://` to a loopback address).
        url: String,
    },
    /// A DBnomics series.
    Dbnomics {
        /// The DBnomics provider code (`AMECO`, `IMF`, ...).
        provider: String,
        /// The dataset code.
        dataset: String,
        /// The series code.
        series: String,
    },
}

/// The forms a source takes, for errors.
const FORMS: &str = "fred:ID, alfred:ID, sdmx:AGENCY/FLOW/KEY, sdmx:https://URL or dbnomics:PROVIDER/DATASET/SERIES";

impl Source {
    /// Whether `text` is written as a source (`fred:`, `alfred:`, `sdmx:`
    /// or `dbnomics:` followed by something), whether or not the rest is
    /// valid: the command line reads such an argument as a source, never as
    /// a file (write `./fred:x` for a file of that name).
    pub fn is_source(text: &str) -> bool {
        text.split_once(':').is_some_and(|(scheme, rest)| {
            !rest.is_empty()
                && ["fred", "alfred", "sdmx", "dbnomics"]
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(scheme))
        })
    }

    /// The id of the provider the source is fetched from (`fred`,
    /// `alfred`, `ecb`, `estat`, `oecd`, `imf`, `bis`, `sdmx`, `dbnomics`),
    /// as [`ClientBuilder::base_url`](super::ClientBuilder::base_url) and
    /// [`ClientBuilder::rate_limit`](super::ClientBuilder::rate_limit) name it.
    ///
    /// # Errors
    /// [`Error::InvalidSource`] for an SDMX agency the crate does not know
    /// (give the query's URL instead).
    ///
    /// # Example
    /// ```
    /// use econseries::fetch::Source;
    ///
    /// assert_eq!("sdmx:ESTAT/une_rt_m/M.SA.TOTAL.PC_ACT.T.EA20".parse::<Source>()?.provider()?, "estat");
    /// assert_eq!("alfred:GDPC1".parse::<Source>()?.provider()?, "alfred");
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn provider(&self) -> Result<&'static str> {
        Ok(match self {
            Source::Fred { .. } => "fred",
            Source::Alfred { .. } => "alfred",
            Source::Dbnomics { .. } => "dbnomics",
            Source::SdmxUrl { .. } => "sdmx",
            Source::Sdmx { agency, .. } => match provider::by_agency(agency)? {
                Some(p) => p.id.as_str(),
                None => {
                    return Err(Error::InvalidSource {
                        input: self.to_string().into(),
                        expected: "an SDMX agency the crate knows (ECB, ESTAT, OECD, IMF, BIS) or the query's URL, sdmx:https://...",
                    });
                }
            },
        })
    }
}

/// Whether `part` is made only of the characters an id, dataflow or key
/// may hold (dots may enclose empty SDMX dimensions).
fn clean(part: &str) -> bool {
    !part.is_empty()
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-,@+*".contains(&b))
}

impl FromStr for Source {
    type Err = Error;

    /// Parses a source; see [`Source`].
    ///
    /// # Errors
    /// [`Error::InvalidSource`] naming the expected form;
    /// [`Error::InsecureUrl`] for an `sdmx:http://` URL that is not
    /// loopback.
    fn from_str(text: &str) -> Result<Source> {
        let bad = |expected: &'static str| Error::InvalidSource {
            input: text.to_owned().into(),
            expected,
        };
        let Some((scheme, rest)) = text.trim().split_once(':') else {
            return Err(bad(FORMS));
        };
        let parts = |n: usize, expected: &'static str| -> Result<Vec<String>> {
            let v: Vec<&str> = rest.splitn(n, '/').collect();
            if v.len() != n || !v.iter().all(|p| clean(p)) {
                return Err(bad(expected));
            }
            Ok(v.into_iter().map(str::to_owned).collect())
        };
        match scheme.to_ascii_lowercase().as_str() {
            "fred" | "alfred" => {
                let id =
                    parts(1, "fred:ID or alfred:ID, the id in letters, digits and _")?.concat();
                if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    return Err(bad("fred:ID or alfred:ID, the id in letters, digits and _"));
                }
                Ok(if scheme.eq_ignore_ascii_case("fred") {
                    Source::Fred { id }
                } else {
                    Source::Alfred { id }
                })
            }
            "sdmx" => {
                let lower = rest.to_ascii_lowercase();
                if lower.starts_with("https://") || lower.starts_with("http://") {
                    return Ok(Source::SdmxUrl {
                        url: check_url(rest)?,
                    });
                }
                let expected = "sdmx:AGENCY/FLOW/KEY (such as sdmx:ECB/EXR/M.USD.EUR.SP00.A) or sdmx:https://URL";
                let v = parts(3, expected)?;
                match <[String; 3]>::try_from(v) {
                    Ok([agency, flow, key]) => Ok(Source::Sdmx { agency, flow, key }),
                    Err(_) => Err(bad(expected)),
                }
            }
            "dbnomics" => {
                let expected = "dbnomics:PROVIDER/DATASET/SERIES (such as dbnomics:AMECO/ZUTN/EA19.1.0.0.0.ZUTN)";
                match <[String; 3]>::try_from(parts(3, expected)?) {
                    Ok([provider, dataset, series]) => Ok(Source::Dbnomics {
                        provider,
                        dataset,
                        series,
                    }),
                    Err(_) => Err(bad(expected)),
                }
            }
            _ => Err(bad(FORMS)),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Fred { id } => write!(f, "fred:{id}"),
            Source::Alfred { id } => write!(f, "alfred:{id}"),
            Source::Sdmx { agency, flow, key } => write!(f, "sdmx:{agency}/{flow}/{key}"),
            Source::SdmxUrl { url } => write!(f, "sdmx:{url}"),
            Source::Dbnomics {
                provider,
                dataset,
                series,
            } => write!(f, "dbnomics:{provider}/{dataset}/{series}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form_and_back() {
        for text in [
            "fred:IMPCH",
            "alfred:GDPC1",
            "sdmx:ECB/EXR/M.USD.EUR.SP00.A",
            "sdmx:OECD/OECD.SDD.STES,DSD_STES@DF_CLI,4.1/USA.M.LI...AA...H",
            "sdmx:ECB/EXR/M.USD+JPY.EUR.SP00.A",
            "sdmx:https://example.org/rest/data/EXR/M.USD.EUR.SP00.A?startPeriod=2020",
            "sdmx:http://127.0.0.1:8080/data/EXR/M.USD",
            "dbnomics:AMECO/ZUTN/EA19.1.0.0.0.ZUTN",
        ] {
            let s: Source = text.parse().unwrap();
            assert_eq!(s.to_string(), text);
            assert!(Source::is_source(text));
        }
        assert_eq!(
            "FRED:unrate".parse::<Source>().unwrap(),
            Source::Fred {
                id: "unrate".into()
            }
        );
    }

    #[test]
    fn refuses_what_would_change_a_url() {
        for text in [
            "fred:",
            "fred:A/B",
            "fred:IMPCH&api_key=x",
            "fred:A.B",
            "alfred:G DP",
            "sdmx:ECB/EXR",
            "sdmx:ECB/EXR/M.USD?x=1",
            "sdmx:ECB//M",
            "sdmx:ECB/EXR/M/USD",
            "dbnomics:AMECO/ZUTN",
            "dbnomics:AMECO/ZUTN/a b",
            "ftp:x",
            "IMPCH",
        ] {
            assert!(
                matches!(text.parse::<Source>(), Err(Error::InvalidSource { .. })),
                "{text}"
            );
        }
        assert!(matches!(
            "sdmx:http://example.org/data/X/Y".parse::<Source>(),
            Err(Error::InsecureUrl { .. })
        ));
        assert!(!Source::is_source("./fred:x"));
        assert!(!Source::is_source("data/x.csv"));
        assert!(!Source::is_source("C:\\data\\x.csv"));
    }

    #[test]
    fn providers_of_sources() {
        let p = |t: &str| t.parse::<Source>().unwrap().provider();
        assert_eq!(p("sdmx:eurostat/x/y").unwrap(), "estat");
        assert_eq!(p("sdmx:BIS/WS_CBPOL/M.US").unwrap(), "bis");
        assert_eq!(p("sdmx:https://x.org/data/A/B").unwrap(), "sdmx");
        assert!(matches!(
            p("sdmx:XYZ/A/B"),
            Err(Error::InvalidSource { .. })
        ));
    }
}
