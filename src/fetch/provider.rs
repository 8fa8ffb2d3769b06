//! The table of providers (`providers.json`, compiled in) and the checks
//! on a base URL.

use std::net::{IpAddr, Ipv6Addr};
use std::sync::OnceLock;
use std::time::Duration;

use serde::Deserialize;

use super::RateLimit;
use crate::error::{Error, Result};

/// What a provider serves, which decides the API paths below its base URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Kind {
    /// FRED's `series/observations` and `series`.
    Fred,
    /// The same API with real-time periods (`series/vintagedates`).
    Alfred,
    /// DBnomics' `series/{provider}/{dataset}/{series}`.
    Dbnomics,
    /// An SDMX REST 2.1 service: `data/{flow}/{key}`.
    Sdmx,
    /// Any SDMX data query given by its URL.
    SdmxUrl,
}

/// How a provider is asked for one response format.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct FormatSpec {
    /// The `Accept` header.
    pub(crate) accept: String,
    /// A query parameter `name=value` the service documents for the format.
    #[serde(default)]
    pub(crate) query: Option<String>,
}

/// One entry of `providers.json`.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct Spec {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: Kind,
    #[serde(default)]
    pub(crate) agency: Option<String>,
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    pub(crate) base: String,
    pub(crate) env: String,
    limits: Vec<(u32, u64)>,
    #[serde(default)]
    pool: Option<String>,
    fresh_for: u64,
    #[serde(default)]
    pub(crate) csv: Option<FormatSpec>,
    #[serde(default)]
    pub(crate) json: Option<FormatSpec>,
}

#[derive(Deserialize)]
struct Table {
    providers: Vec<Spec>,
}

/// The endpoint table as shipped.
const TABLE: &str = include_str!("providers.json");

/// Every provider, parsed once.
///
/// # Errors
/// [`Error::Json`] if the compiled-in table is malformed (a build that
/// passed its tests never is).
pub(crate) fn all() -> Result<&'static [Spec]> {
    static PARSED: OnceLock<core::result::Result<Vec<Spec>, String>> = OnceLock::new();
    match PARSED.get_or_init(|| {
        serde_json::from_str::<Table>(TABLE)
            .map(|t| t.providers)
            .map_err(|e| e.to_string())
    }) {
        Ok(v) => Ok(v),
        Err(message) => Err(Error::InvalidArgument {
            name: "providers.json",
            value: message.clone().into(),
            expected: "the compiled-in provider table to parse",
        }),
    }
}

/// The provider `id` (`fred`, `ecb`, ...).
pub(crate) fn by_id(id: &str) -> Result<&'static Spec> {
    all()?
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::InvalidArgument {
            name: "provider",
            value: id.to_owned().into(),
            expected: "one of fred, alfred, dbnomics, ecb, estat, oecd, imf, bis, sdmx",
        })
}

/// The SDMX provider of `agency` (`ECB`, `ESTAT` or `EUROSTAT`, ...), any case.
pub(crate) fn by_agency(agency: &str) -> Result<Option<&'static Spec>> {
    Ok(all()?.iter().find(|p| {
        p.kind == Kind::Sdmx
            && (p
                .agency
                .as_deref()
                .is_some_and(|a| a.eq_ignore_ascii_case(agency))
                || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(agency)))
    }))
}

impl Spec {
    /// The provider's rate limits as shipped.
    pub(crate) fn limits(&self) -> Vec<RateLimit> {
        self.limits
            .iter()
            .filter_map(|&(n, s)| RateLimit::new(n, Duration::from_secs(s)).ok())
            .collect()
    }

    /// The limiter this provider draws from (its own unless it shares one).
    pub(crate) fn pool(&self) -> &str {
        self.pool.as_deref().unwrap_or(&self.id)
    }

    /// How long a cached response is used without asking the service.
    pub(crate) fn fresh_for(&self) -> Duration {
        Duration::from_secs(self.fresh_for)
    }
}

/// `url` as a base URL: `https://` anywhere, `http://` only to a loopback
/// host (`127.0.0.0/8`, `::1`, `localhost`); the trailing `/` dropped.
///
/// # Errors
/// [`Error::InsecureUrl`] for plain HTTP to another host;
/// [`Error::InvalidArgument`] for a URL that is neither.
pub(crate) fn check_url(url: &str) -> Result<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let (secure, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (false, rest)
    } else {
        return Err(Error::InvalidArgument {
            name: "url",
            value: url.to_owned().into(),
            expected: "an https:// URL (or http:// to a loopback address)",
        });
    };
    let host = host_of(rest);
    if host.is_empty() {
        return Err(Error::InvalidArgument {
            name: "url",
            value: url.to_owned().into(),
            expected: "a URL with a host",
        });
    }
    if !secure && !is_loopback(host) {
        return Err(Error::InsecureUrl {
            url: url.to_owned().into(),
        });
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// Whether `url` is plain HTTP (then to a loopback host, once checked).
pub(crate) fn is_plain_http(url: &str) -> bool {
    url.get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
}

/// The host of the part of a URL after `scheme://`.
fn host_of(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or_default();
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or_default();
    }
    authority.split(':').next().unwrap_or_default()
}

/// Whether `host` is a loopback address or `localhost`.
fn is_loopback(host: &str) -> bool {
    if host == "localhost" {
        return true;
    }
    match host.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_is_https() {
        let all = all().unwrap();
        assert!(all.len() >= 9);
        for p in all {
            if p.kind != Kind::SdmxUrl {
                assert!(p.base.starts_with("https://"), "{}", p.id);
                assert!(check_url(&p.base).is_ok(), "{}", p.id);
                assert!(!p.limits().is_empty(), "{}", p.id);
            }
            if p.kind == Kind::Sdmx {
                assert_eq!(
                    p.env,
                    format!("ECON_SDMX_{}_URL", p.agency.as_deref().unwrap()),
                );
                assert!(p.csv.is_some(), "{}", p.id);
            }
        }
        assert_eq!(by_agency("eurostat").unwrap().unwrap().id, "estat");
        assert_eq!(by_id("alfred").unwrap().pool(), "fred");
        assert_eq!(by_id("oecd").unwrap().limits()[0].requests(), 60);
    }

    #[test]
    fn plain_http_only_to_loopback() {
        assert_eq!(
            check_url("http://127.0.0.1:8080/fred/").unwrap(),
            "http://127.0.0.1:8080/fred"
        );
        assert!(check_url("http://[::1]:9/x").is_ok());
        assert!(check_url("http://localhost/x").is_ok());
        assert!(check_url("http://127.9.9.9").is_ok());
        assert!(check_url("https://mirror.example.org/fred").is_ok());
        assert!(matches!(
            check_url("http://mirror.example.org/fred"),
            Err(Error::InsecureUrl { .. })
        ));
        // The user part of an authority does not make a host loopback.
        assert!(matches!(
            check_url("http://127.0.0.1@evil.example/x"),
            Err(Error::InsecureUrl { .. })
        ));
        assert!(matches!(
            check_url("http://10.0.0.1/x"),
            Err(Error::InsecureUrl { .. })
        ));
        assert!(check_url("ftp://x").is_err());
        assert!(check_url("https://").is_err());
    }
}
