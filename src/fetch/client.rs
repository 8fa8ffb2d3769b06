//! [`Client`] and [`ClientBuilder`]: endpoints, key, cache, limits,
//! retries, and the one function that sends a request.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fmt;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::cache::{self, Body, Cache, Entry, Record};
use super::limit::Limiter;
use super::provider::{self, Kind, Spec, check_url, is_plain_http};
use super::{RateLimit, Retry};
use crate::error::{Error, FetchProblem, Result};
use crate::io::Format;

/// A callback told of every request, as one line of text (never holding
/// the API key).
type Log = Arc<dyn Fn(&str) + Send + Sync>;
/// A callback told of the progress of a pull of several requests: done,
/// total.
type Progress = Arc<dyn Fn(usize, usize) + Send + Sync>;

/// The FRED API key; shown as `***`.
#[derive(Clone, PartialEq, Eq)]
struct ApiKey(String);

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(***)")
    }
}

/// The configuration of a [`Client`]: base URLs, the FRED API key, the
/// cache, rate limits, retries, timeouts and limits.
///
/// [`ClientBuilder::new`] starts from the shipped defaults alone;
/// [`ClientBuilder::from_env`] also reads the environment (see
/// [the module documentation](super#configuration)).
///
/// # Example
/// ```
/// use std::time::Duration;
/// use econseries::fetch::{ClientBuilder, RateLimit, Retry};
///
/// let client = ClientBuilder::new()
///     .base_url("fred", "http://127.0.0.1:8080/fred")?
///     .fred_api_key("abcdefghijklmnopqrstuvwxyz012345")?
///     .rate_limit("fred", [RateLimit::per_second(1)?])
///     .retry(Retry::new().attempts(3))
///     .timeout(Duration::from_secs(30))
///     .no_cache()
///     .build()?;
/// assert_eq!(client.base_url("fred")?, "http://127.0.0.1:8080/fred");
/// # Ok::<(), econseries::Error>(())
/// ```
#[derive(Clone)]
pub struct ClientBuilder {
    base_urls: HashMap<String, String>,
    limits: HashMap<String, Vec<RateLimit>>,
    fred_key: Option<ApiKey>,
    config_file: Option<PathBuf>,
    cache_dir: Option<PathBuf>,
    offline: bool,
    refresh: bool,
    retry: Retry,
    timeout: Duration,
    connect_timeout: Duration,
    max_bytes: u64,
    fresh_for: HashMap<String, Duration>,
    sdmx_format: Format,
    page_size: u64,
    log: Option<Log>,
    progress: Option<Progress>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_urls", &self.base_urls)
            .field("limits", &self.limits)
            .field("fred_key", &self.fred_key)
            .field("cache_dir", &self.cache_dir)
            .field("offline", &self.offline)
            .field("refresh", &self.refresh)
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            .field("max_bytes", &self.max_bytes)
            .finish_non_exhaustive()
    }
}

impl Default for ClientBuilder {
    fn default() -> ClientBuilder {
        ClientBuilder::new()
    }
}

/// The most observations FRED serves in one request.
const FRED_PAGE: u64 = 100_000;
/// The name of the FRED key's environment variable.
const FRED_KEY_VAR: &str = "FRED_API_KEY";
/// The FRED key's setting in the configuration file.
const FRED_KEY_SETTING: &str = "fred_api_key";

impl ClientBuilder {
    /// The default response size limit: 512 MiB.
    pub const DEFAULT_MAX_BYTES: u64 = 512 << 20;

    /// The shipped defaults, reading nothing from the environment: the
    /// providers' HTTPS endpoints and rate limits, no API key, no cache
    /// (until [`cache_dir`](Self::cache_dir)), [`Retry::new`], a 120 s
    /// timeout per request (10 s to connect), responses of at most
    /// [`DEFAULT_MAX_BYTES`](Self::DEFAULT_MAX_BYTES).
    pub fn new() -> ClientBuilder {
        ClientBuilder {
            base_urls: HashMap::new(),
            limits: HashMap::new(),
            fred_key: None,
            config_file: None,
            cache_dir: None,
            offline: false,
            refresh: false,
            retry: Retry::new(),
            timeout: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(10),
            max_bytes: Self::DEFAULT_MAX_BYTES,
            fresh_for: HashMap::new(),
            sdmx_format: Format::SdmxCsv,
            page_size: FRED_PAGE,
            log: None,
            progress: None,
        }
    }

    /// The defaults, then the environment: `ECON_<PROVIDER>_URL` base URLs,
    /// `FRED_API_KEY` (else `fred_api_key` in the configuration file
    /// `$ECON_CONFIG`, else `$XDG_CONFIG_HOME/econseries/config`, else
    /// `~/.config/econseries/config`), the cache in `$ECON_CACHE_DIR`, else
    /// the platform's cache folder (`$XDG_CACHE_HOME/econseries`,
    /// `~/.cache/econseries` on Linux), and `ECON_OFFLINE=1` for offline
    /// mode.
    ///
    /// # Errors
    /// [`Error::InsecureUrl`] or [`Error::InvalidArgument`] for a base URL
    /// variable that is not HTTPS (or plain HTTP to a loopback address);
    /// [`Error::InvalidArgument`] for an API key that is not letters and
    /// digits.
    pub fn from_env() -> Result<ClientBuilder> {
        ClientBuilder::from_vars(|name| std::env::var_os(name))
    }

    /// As [`from_env`](Self::from_env), reading variables through `var`
    /// (for tests, and for programs that keep their own settings).
    ///
    /// # Errors
    /// As [`from_env`](Self::from_env).
    ///
    /// # Example
    /// ```
    /// use std::collections::HashMap;
    /// use econseries::fetch::ClientBuilder;
    ///
    /// let vars = HashMap::from([
    ///     ("ECON_SDMX_ECB_URL", "http://127.0.0.1:9000/service"),
    ///     ("ECON_CACHE_DIR", "/tmp/econ-cache"),
    /// ]);
    /// let client = ClientBuilder::from_vars(|k| vars.get(k).map(Into::into))?.build()?;
    /// assert_eq!(client.base_url("ecb")?, "http://127.0.0.1:9000/service");
    /// assert_eq!(client.base_url("fred")?, "https://api.stlouisfed.org/fred");
    /// assert_eq!(client.cache_dir(), Some(std::path::Path::new("/tmp/econ-cache")));
    ///
    /// let bad = HashMap::from([("ECON_FRED_URL", "http://mirror.example.org/fred")]);
    /// assert!(ClientBuilder::from_vars(|k| bad.get(k).map(Into::into)).is_err());
    /// # Ok::<(), econseries::Error>(())
    /// ```
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Result<ClientBuilder> {
        let text = |name: &str| {
            var(name)
                .map(|v| v.to_string_lossy().trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let mut b = ClientBuilder::new();
        for spec in provider::all()? {
            if spec.env.is_empty() {
                continue;
            }
            if let Some(url) = text(&spec.env) {
                b = b.base_url(&spec.id, &url)?;
            }
        }
        let home = text("HOME").map(PathBuf::from);
        let config = text("ECON_CONFIG").map(PathBuf::from).or_else(|| {
            text("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .or_else(|| home.as_ref().map(|h| h.join(".config")))
                .map(|d| d.join("econseries").join("config"))
        });
        b.config_file = config.clone();
        if let Some(key) = text(FRED_KEY_VAR) {
            b = b.fred_api_key(&key)?;
        } else if let Some(key) = config.as_deref().and_then(read_setting) {
            b = b.fred_api_key(&key)?;
        }
        let cache = text("ECON_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| default_cache_dir(&text, home.as_deref()));
        if let Some(dir) = cache {
            b = b.cache_dir(dir);
        }
        if text("ECON_OFFLINE").is_some_and(|v| v != "0") {
            b = b.offline(true);
        }
        Ok(b)
    }

    /// Replaces the base URL of `provider` (`fred`, `alfred`, `dbnomics`,
    /// `ecb`, `estat`, `oecd`, `imf`, `bis`): the API's paths go below it,
    /// as below the real one (`http://127.0.0.1:8080/fred` serves
    /// `/fred/series/observations`).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an unknown provider or a URL that is
    /// not `https://` or `http://`; [`Error::InsecureUrl`] for plain HTTP
    /// to a host that is not a loopback address.
    pub fn base_url(mut self, provider: &str, url: &str) -> Result<ClientBuilder> {
        let spec = provider::by_id(provider)?;
        self.base_urls.insert(spec.id.clone(), check_url(url)?);
        Ok(self)
    }

    /// Sets the FRED (and ALFRED) API key.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] unless the key is ASCII letters and
    /// digits (FRED's keys are 32 of them); the error does not repeat it.
    pub fn fred_api_key(mut self, key: &str) -> Result<ClientBuilder> {
        let key = key.trim();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Error::InvalidArgument {
                name: "FRED API key",
                value: format!("({} characters, not shown)", key.chars().count()).into(),
                expected: "ASCII letters and digits",
            });
        }
        self.fred_key = Some(ApiKey(key.to_owned()));
        Ok(self)
    }

    /// Replaces the rate limits of `provider`'s pool (FRED and ALFRED share
    /// one): every limit holds at once. An empty list removes the limits.
    /// [`build`](Self::build) refuses an unknown provider.
    pub fn rate_limit(
        mut self,
        provider: &str,
        limits: impl IntoIterator<Item = RateLimit>,
    ) -> ClientBuilder {
        self.limits
            .insert(provider.to_owned(), limits.into_iter().collect());
        self
    }

    /// Caches responses in `dir` (created when first written).
    pub fn cache_dir(mut self, dir: impl Into<PathBuf>) -> ClientBuilder {
        self.cache_dir = Some(dir.into());
        self
    }

    /// Caches nothing: every call asks the service.
    pub fn no_cache(mut self) -> ClientBuilder {
        self.cache_dir = None;
        self
    }

    /// Offline mode: answers from the cache only, whatever the age of the
    /// entry, and never touches the network; a response not in the cache is
    /// an [`Error::Fetch`] with [`FetchProblem::NotCached`].
    pub fn offline(mut self, offline: bool) -> ClientBuilder {
        self.offline = offline;
        self
    }

    /// Asks the service even for fresh cache entries (conditionally, so an
    /// unchanged response is not sent again).
    pub fn refresh(mut self, refresh: bool) -> ClientBuilder {
        self.refresh = refresh;
        self
    }

    /// How long a cached response of `provider` is used without asking the
    /// service (default: `fresh_for` in the provider table, one hour for
    /// most, a day for the OECD).
    pub fn fresh_for(mut self, provider: &str, age: Duration) -> ClientBuilder {
        self.fresh_for.insert(provider.to_owned(), age);
        self
    }

    /// The retry policy for 429, 5xx and network failures.
    pub fn retry(mut self, retry: Retry) -> ClientBuilder {
        self.retry = retry;
        self
    }

    /// The longest a request may take, from connecting to the last byte
    /// of the response.
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.timeout = timeout;
        self
    }

    /// The longest connecting may take.
    pub fn connect_timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.connect_timeout = timeout;
        self
    }

    /// The largest response accepted, in bytes (after decompression).
    pub fn max_bytes(mut self, bytes: u64) -> ClientBuilder {
        self.max_bytes = bytes;
        self
    }

    /// The format asked of SDMX services: [`Format::SdmxCsv`] (the
    /// default: every provider serves it, and it streams row by row) or
    /// [`Format::SdmxJson`].
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for any other format.
    pub fn sdmx_format(mut self, format: Format) -> Result<ClientBuilder> {
        if !matches!(format, Format::SdmxCsv | Format::SdmxJson) {
            return Err(Error::InvalidArgument {
                name: "sdmx format",
                value: format.name().to_owned().into(),
                expected: "sdmx-csv or sdmx-json",
            });
        }
        self.sdmx_format = format;
        Ok(self)
    }

    /// The observations asked for per FRED/ALFRED request (FRED's maximum,
    /// 100,000, by default); longer answers are fetched page by page
    /// (`offset`) and joined. Smaller pages suit mirrors that serve less.
    pub fn fred_page_size(mut self, observations: u64) -> ClientBuilder {
        self.page_size = observations.clamp(1, FRED_PAGE);
        self
    }

    /// Calls `log` with one line per request and per answer from the
    /// cache: the provider, the URL without the API key, and the outcome.
    pub fn log(mut self, log: impl Fn(&str) + Send + Sync + 'static) -> ClientBuilder {
        self.log = Some(Arc::new(log));
        self
    }

    /// Calls `progress(done, total)` as a pull of several requests (an
    /// ALFRED series past 2,000 vintages, [`Client::series_many`]) goes on.
    pub fn progress(
        mut self,
        progress: impl Fn(usize, usize) + Send + Sync + 'static,
    ) -> ClientBuilder {
        self.progress = Some(Arc::new(progress));
        self
    }

    /// The client.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for a rate limit given to an unknown
    /// provider.
    pub fn build(self) -> Result<Client> {
        let specs = provider::all()?;
        for name in self.limits.keys() {
            provider::by_id(name)?;
        }
        let mut limiters: HashMap<String, Limiter> = HashMap::new();
        for spec in specs {
            let pool = spec.pool();
            if limiters.contains_key(pool) {
                continue;
            }
            // Limits set for any provider of the pool replace the shipped ones.
            let set = specs
                .iter()
                .filter(|s| s.pool() == pool)
                .find_map(|s| self.limits.get(&s.id));
            let limits = match set {
                Some(l) => l.clone(),
                None => spec.limits(),
            };
            limiters.insert(pool.to_owned(), Limiter::new(limits));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .https_only(true)
            .max_redirects(5)
            .timeout_global(Some(self.timeout))
            .timeout_connect(Some(self.connect_timeout))
            .user_agent(concat!("econseries/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Client {
            agent,
            base_urls: self.base_urls,
            limiters,
            fred_key: self.fred_key,
            config_file: self.config_file,
            cache: self.cache_dir.map(Cache::new),
            offline: self.offline,
            refresh: self.refresh,
            retry: self.retry,
            max_bytes: self.max_bytes,
            fresh_for: self.fresh_for,
            sdmx_format: self.sdmx_format,
            page_size: self.page_size,
            log: self.log,
            progress: self.progress,
        })
    }
}

/// The value of `name = value` in a configuration file of such lines (`#`
/// starts a comment), if the file and the setting exist.
fn read_setting(path: &std::path::Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find_map(|line| {
        let line = line.split('#').next().unwrap_or_default();
        let (k, v) = line.split_once('=')?;
        (k.trim() == FRED_KEY_SETTING).then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// The platform's cache folder for the crate.
fn default_cache_dir(
    text: &dyn Fn(&str) -> Option<String>,
    home: Option<&std::path::Path>,
) -> Option<PathBuf> {
    let base = if cfg!(target_os = "windows") {
        text("LOCALAPPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        home.map(|h| h.join("Library").join("Caches"))
    } else {
        text("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| home.map(|h| h.join(".cache")))
    };
    base.map(|b| b.join("econseries"))
}

/// A blocking client for the web services the crate fetches from.
///
/// Cheap to share between threads (`&Client` is enough): the rate limits
/// hold across every thread using one client. Build one with
/// [`Client::from_env`] or a [`ClientBuilder`].
pub struct Client {
    agent: ureq::Agent,
    base_urls: HashMap<String, String>,
    limiters: HashMap<String, Limiter>,
    fred_key: Option<ApiKey>,
    config_file: Option<PathBuf>,
    cache: Option<Cache>,
    offline: bool,
    refresh: bool,
    retry: Retry,
    max_bytes: u64,
    fresh_for: HashMap<String, Duration>,
    sdmx_format: Format,
    page_size: u64,
    log: Option<Log>,
    progress: Option<Progress>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_urls", &self.base_urls)
            .field("fred_key", &self.fred_key)
            .field("cache", &self.cache)
            .field("offline", &self.offline)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// A request to send: the provider, the URL without the key, whether the
/// key goes with it, and the `Accept` header.
#[derive(Debug)]
pub(crate) struct Request<'a> {
    pub(crate) spec: &'static Spec,
    pub(crate) url: String,
    pub(crate) with_key: bool,
    pub(crate) accept: Option<&'a str>,
}

/// The outcome of one attempt.
enum Attempt {
    /// The body, received (and cached) or confirmed unchanged.
    Done(Body),
    /// Worth trying again after the wait, if attempts remain; else this
    /// problem.
    Again(Option<Duration>, FetchProblem),
    /// Final.
    Fail(FetchProblem),
}

impl Client {
    /// A client configured from the environment ([`ClientBuilder::from_env`]).
    ///
    /// # Errors
    /// As [`ClientBuilder::from_env`].
    pub fn from_env() -> Result<Client> {
        ClientBuilder::from_env()?.build()
    }

    /// The base URL in use for `provider`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an unknown provider, or `sdmx` (whose
    /// sources carry their URL).
    pub fn base_url(&self, provider: &str) -> Result<&str> {
        let spec = provider::by_id(provider)?;
        if spec.kind == Kind::SdmxUrl {
            return Err(Error::InvalidArgument {
                name: "provider",
                value: provider.to_owned().into(),
                expected: "a provider with a base URL (sdmx: sources carry their own)",
            });
        }
        Ok(self
            .base_urls
            .get(&spec.id)
            .map_or(spec.base.as_str(), String::as_str))
    }

    /// The cache folder, if responses are cached.
    pub fn cache_dir(&self) -> Option<&std::path::Path> {
        self.cache.as_ref().map(Cache::dir)
    }

    /// Whether the client is offline.
    pub fn is_offline(&self) -> bool {
        self.offline
    }

    /// The format asked of SDMX services.
    pub(crate) fn sdmx_format(&self) -> Format {
        self.sdmx_format
    }

    /// The observations asked for per FRED request.
    pub(crate) fn page_size(&self) -> u64 {
        self.page_size
    }

    /// The FRED key, or the error saying how to give one.
    pub(crate) fn fred_key(&self, spec: &'static Spec) -> Result<()> {
        match self.fred_key {
            Some(_) => Ok(()),
            None => Err(Error::MissingApiKey {
                provider: spec.name.as_str(),
                variable: FRED_KEY_VAR,
                file: self
                    .config_file
                    .as_ref()
                    .map_or_else(
                        || "~/.config/econseries/config".to_owned(),
                        |p| p.display().to_string(),
                    )
                    .into(),
            }),
        }
    }

    /// Reports progress of a pull of several requests.
    pub(crate) fn report(&self, done: usize, total: usize) {
        if let Some(p) = &self.progress {
            p(done, total);
        }
    }

    fn log(&self, spec: &Spec, url: &str, outcome: &str) {
        if let Some(log) = &self.log {
            log(&format!("{} {url} -> {outcome}", spec.name));
        }
    }

    /// `message` with the API key blanked out.
    fn scrub(&self, message: &str) -> String {
        match &self.fred_key {
            Some(ApiKey(k)) if !k.is_empty() => message.replace(k.as_str(), "***"),
            _ => message.to_owned(),
        }
    }

    fn fail(&self, request: &Request<'_>, problem: FetchProblem) -> Error {
        Error::Fetch {
            provider: request.spec.name.as_str(),
            url: request.url.clone().into(),
            problem: Box::new(problem),
        }
    }

    /// The response to `request`: from the cache if fresh (or offline),
    /// else from the service, within the rate limit, with retries.
    ///
    /// # Errors
    /// [`Error::Fetch`] for every failure; [`Error::MissingApiKey`].
    pub(crate) fn get(&self, request: &Request<'_>) -> Result<Body> {
        let spec = request.spec;
        let key = format!(
            "GET {}\naccept: {}",
            request.url,
            request.accept.unwrap_or("*/*")
        );
        let mut entry = self.cache.as_ref().and_then(|c| c.get(&spec.id, &key));
        if self.offline {
            return match entry {
                Some(e) => {
                    self.log(spec, &request.url, "cache (offline)");
                    Ok(Body::cached(e.body))
                }
                None => Err(self.fail(request, FetchProblem::NotCached)),
            };
        }
        let fresh_for = self
            .fresh_for
            .get(&spec.id)
            .copied()
            .unwrap_or_else(|| spec.fresh_for());
        if let Some(e) = &entry
            && !self.refresh
            && e.record.age() < fresh_for
        {
            self.log(spec, &request.url, "cache");
            return Ok(Body::cached(e.body.clone()));
        }
        if request.with_key {
            self.fred_key(spec)?;
        }
        let limiter = self.limiters.get(spec.pool());
        let attempts = self.retry.get_attempts().max(1);
        let mut last = FetchProblem::Connect { attempts: 0 };
        for attempt in 1..=attempts {
            let outcome = {
                let _permit = limiter.map(Limiter::acquire);
                self.attempt(request, &key, entry.as_mut(), attempt)
            };
            match outcome {
                Attempt::Done(body) => return Ok(body),
                Attempt::Fail(p) => return Err(self.fail(request, p)),
                Attempt::Again(wait, problem) => {
                    last = problem;
                    if attempt == attempts {
                        break;
                    }
                    let wait = wait.unwrap_or_else(|| self.retry.backoff(attempt));
                    if wait > self.retry.get_longest_wait() {
                        // Asked to wait longer than allowed: give up now.
                        break;
                    }
                    std::thread::sleep(wait);
                }
            }
        }
        Err(self.fail(request, last))
    }

    /// One attempt; the rate limiter's permit is held by the caller.
    fn attempt(
        &self,
        request: &Request<'_>,
        key: &str,
        entry: Option<&mut Entry>,
        attempt: u32,
    ) -> Attempt {
        let spec = request.spec;
        let mut url = request.url.clone();
        if request.with_key
            && let Some(ApiKey(k)) = &self.fred_key
        {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str("api_key=");
            url.push_str(k);
        }
        let mut rb = self.agent.get(&url);
        if let Some(a) = request.accept {
            rb = rb.header("Accept", a);
        }
        if let Some(e) = entry.as_deref() {
            if let Some(etag) = &e.record.etag {
                rb = rb.header("If-None-Match", etag.as_str());
            }
            if let Some(lm) = &e.record.last_modified {
                rb = rb.header("If-Modified-Since", lm.as_str());
            }
        }
        if is_plain_http(&url) {
            // Only ever to loopback (checked when the URL was given): no
            // proxy can reach it, and no redirect may leave it.
            rb = rb
                .config()
                .https_only(false)
                .proxy(None)
                .max_redirects(0)
                .build();
        }
        let started = Instant::now();
        let response = match rb.call() {
            Ok(r) => r,
            Err(e) => {
                let problem = network_problem(e, attempt);
                self.log(
                    spec,
                    &request.url,
                    &format!("{problem} (attempt {attempt})"),
                );
                return match problem {
                    FetchProblem::Protocol { .. } => Attempt::Fail(problem),
                    p => Attempt::Again(None, p),
                };
            }
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let (etag, last_modified) = (header("etag"), header("last-modified"));
        let retry_after = header("retry-after").and_then(|v| parse_retry_after(&v));
        let mut body = response.into_body().into_reader();
        match status {
            200 => {}
            304 => {
                return match entry {
                    Some(e) => {
                        if let Some(c) = &self.cache {
                            let _ = c.touch(&spec.id, e);
                        }
                        self.log(spec, &request.url, "304 not modified");
                        Attempt::Done(Body::cached(e.body.clone()))
                    }
                    // A 304 to an unconditional request: the service is wrong.
                    None => Attempt::Fail(FetchProblem::Refused {
                        status,
                        message: None,
                    }),
                };
            }
            429 => {
                self.log(spec, &request.url, &format!("429 (attempt {attempt})"));
                return Attempt::Again(
                    retry_after,
                    FetchProblem::RateLimited {
                        retry_after: retry_after.map(|d| d.as_secs()),
                    },
                );
            }
            500..=599 => {
                self.log(spec, &request.url, &format!("{status} (attempt {attempt})"));
                return Attempt::Again(
                    retry_after,
                    FetchProblem::Unavailable {
                        status,
                        attempts: attempt,
                    },
                );
            }
            _ => {
                let mut text = Vec::new();
                let _ = (&mut body).take(64 * 1024).read_to_end(&mut text);
                self.log(spec, &request.url, &status.to_string());
                let message = error_message(spec.kind, &text).map(|m| self.scrub(&m));
                return Attempt::Fail(classify(spec.kind, status, message));
            }
        }
        // 200: the body goes to a file (the cache's, or a scratch file).
        let made = match &self.cache {
            Some(c) => c.temp(&spec.id),
            None => cache::scratch(),
        };
        let (path, mut file) = match made {
            Ok(x) => x,
            Err(e) => return Attempt::Fail(FetchProblem::Cache { kind: e.kind() }),
        };
        let copied = io::copy(&mut (&mut body).take(self.max_bytes + 1), &mut file)
            .and_then(|n| file.flush().map(|()| n));
        drop(file);
        let bytes = match copied {
            Ok(n) if n > self.max_bytes => {
                let _ = std::fs::remove_file(&path);
                return Attempt::Fail(FetchProblem::TooLarge {
                    limit: self.max_bytes,
                });
            }
            Ok(n) => n,
            Err(e) => {
                let _ = std::fs::remove_file(&path);
                let problem = network_problem(ureq::Error::from(e), attempt);
                self.log(
                    spec,
                    &request.url,
                    &format!("{problem} (attempt {attempt})"),
                );
                return match problem {
                    FetchProblem::Protocol { .. } => Attempt::Fail(problem),
                    p => Attempt::Again(None, p),
                };
            }
        };
        self.log(
            spec,
            &request.url,
            &format!("200 ({bytes} bytes, {} ms)", started.elapsed().as_millis()),
        );
        match &self.cache {
            Some(c) => {
                let record = Record {
                    request: key.to_owned(),
                    etag,
                    last_modified,
                    fetched: cache::now(),
                };
                match c.put(&spec.id, record, &path) {
                    Ok(e) => Attempt::Done(Body::cached(e.body)),
                    Err(e) => {
                        let _ = std::fs::remove_file(&path);
                        Attempt::Fail(FetchProblem::Cache { kind: e.kind() })
                    }
                }
            }
            None => Attempt::Done(Body::temporary(path)),
        }
    }
}

/// The problem a failed call (or body read) shows.
fn network_problem(e: ureq::Error, attempts: u32) -> FetchProblem {
    match e {
        ureq::Error::Timeout(_) => FetchProblem::Timeout { attempts },
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => {
            FetchProblem::Connect { attempts }
        }
        ureq::Error::Io(io) => match io.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                FetchProblem::Timeout { attempts }
            }
            io::ErrorKind::ConnectionRefused | io::ErrorKind::NotFound => {
                FetchProblem::Connect { attempts }
            }
            kind => FetchProblem::Network { attempts, kind },
        },
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
            FetchProblem::Protocol { what: "TLS" }
        }
        ureq::Error::Protocol(_) => FetchProblem::Network {
            attempts,
            kind: io::ErrorKind::InvalidData,
        },
        _ => FetchProblem::Protocol { what: "HTTP" },
    }
}

/// `Retry-After` as a wait: seconds, or an HTTP date.
fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    let at = chrono::NaiveDateTime::parse_from_str(v, "%a, %d %b %Y %H:%M:%S GMT").ok()?;
    let at = u64::try_from(at.and_utc().timestamp()).ok()?;
    Some(Duration::from_secs(at.saturating_sub(cache::now())))
}

/// The message in an error response, as the provider writes it.
fn error_message(kind: Kind, body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let json = || serde_json::from_str::<serde_json::Value>(&text).ok();
    let message = match kind {
        Kind::Fred | Kind::Alfred => json()?.get("error_message")?.as_str().map(str::to_owned),
        Kind::Dbnomics => json()?.get("message")?.as_str().map(str::to_owned),
        // SDMX error messages: `<com:Text>…</com:Text>` in SDMX-ML, or
        // plain text.
        Kind::Sdmx | Kind::SdmxUrl => match text.find("Text>") {
            Some(i) => text
                .get(i + 5..)
                .and_then(|t| t.split('<').next())
                .map(str::to_owned),
            None => Some(text.chars().take(200).collect()),
        },
    };
    message
        .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|m| !m.is_empty())
}

/// The problem of a final (not retried) error status.
fn classify(kind: Kind, status: u16, message: Option<String>) -> FetchProblem {
    let message: Option<Box<str>> = message.map(String::into_boxed_str);
    let says = |s: &str| {
        message
            .as_deref()
            .is_some_and(|m| m.to_ascii_lowercase().contains(s))
    };
    match (kind, status) {
        (_, 404) => FetchProblem::NotFound { message },
        (Kind::Fred | Kind::Alfred, 400) if says("does not exist") => {
            FetchProblem::NotFound { message }
        }
        _ => FetchProblem::Refused { status, message },
    }
}

impl Retry {
    /// The wait before attempt `attempt + 1`: the first wait doubled
    /// `attempt - 1` times, at most the longest wait.
    pub(crate) fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32
            .checked_shl(attempt.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.get_first_wait()
            .checked_mul(factor)
            .unwrap_or(Duration::MAX)
            .min(self.get_longest_wait())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("20"), Some(Duration::from_secs(20)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn error_messages_of_each_provider() {
        let fred =
            br#"{"error_code":400,"error_message":"Bad Request.  The series does not exist."}"#;
        let m = error_message(Kind::Fred, fred);
        assert_eq!(
            m.as_deref(),
            Some("Bad Request. The series does not exist.")
        );
        assert!(matches!(
            classify(Kind::Fred, 400, m),
            FetchProblem::NotFound { .. }
        ));
        let xml = b"<mes:Error><com:ErrorMessage code=\"100\"><com:Text>No Results Found</com:Text></com:ErrorMessage></mes:Error>";
        assert_eq!(
            error_message(Kind::Sdmx, xml).as_deref(),
            Some("No Results Found")
        );
        assert_eq!(
            error_message(Kind::Dbnomics, br#"{"message":"Series not found"}"#).as_deref(),
            Some("Series not found")
        );
    }

    #[test]
    fn backoff_doubles_up_to_the_longest_wait() {
        let r = Retry::new()
            .first_wait(Duration::from_millis(100))
            .longest_wait(Duration::from_millis(350));
        assert_eq!(r.backoff(1), Duration::from_millis(100));
        assert_eq!(r.backoff(2), Duration::from_millis(200));
        assert_eq!(r.backoff(3), Duration::from_millis(350));
        assert_eq!(r.backoff(40), Duration::from_millis(350));
    }

    #[test]
    fn keys_are_checked_and_never_shown() {
        let b = ClientBuilder::new().fred_api_key("abc123").unwrap();
        assert!(!format!("{b:?}").contains("abc123"));
        let e = ClientBuilder::new().fred_api_key("abc&x=1").unwrap_err();
        assert!(!e.to_string().contains("abc&x=1"), "{e}");
        let client = b.build().unwrap();
        assert!(!format!("{client:?}").contains("abc123"));
        assert_eq!(client.scrub("key abc123 bad"), "key *** bad");
    }

    #[test]
    fn config_file_and_cache_dir() {
        let dir = std::env::temp_dir().join(format!("econseries-config-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("econseries")).unwrap();
        std::fs::write(
            dir.join("econseries").join("config"),
            "# FRED\nfred_api_key = \"abcdef0123456789abcdef0123456789\"\n",
        )
        .unwrap();
        let d = dir.display().to_string();
        let vars: HashMap<&str, String> = HashMap::from([
            ("XDG_CONFIG_HOME", d.clone()),
            ("XDG_CACHE_HOME", d.clone()),
            ("HOME", "/nonexistent".to_owned()),
        ]);
        let b = ClientBuilder::from_vars(|k| vars.get(k).map(Into::into)).unwrap();
        assert!(b.fred_key.is_some());
        if cfg!(target_os = "linux") {
            assert_eq!(b.cache_dir, Some(dir.join("econseries")));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
