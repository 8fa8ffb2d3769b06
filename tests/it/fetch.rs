//! The fetch client against a real HTTP server on 127.0.0.1
//! (`fetch_server`), replaying responses in each service's documented
//! format built from the real data in `data/` and `tests/fixtures/`. No
//! test touches the internet.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use econseries::error::FetchProblem;
use econseries::fetch::{Client, ClientBuilder, RateLimit, Retry, Source};
use econseries::io::ReadOptions;
use econseries::io::sdmx::SdmxData;
use econseries::vintage::AnyVintagedSeries;
use econseries::{AnySeries, Error, NaiveDate};

use crate::fetch_server::{Req, Resp, Server, fred_error, fred_observations, path, rows};

/// A FRED API key of FRED's shape (32 lowercase letters and digits); made
/// up, so that any appearance of it in output is a leak.
pub(crate) const KEY: &str = "k3y0f32charsabcdefghijklmnopqrst";

/// A fresh, empty folder under the system's temporary folder.
pub(crate) fn temp_dir(name: &str) -> std::path::PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!(
        "econseries-fetch-{name}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A client for `server` with the test key, quick retries, no cache.
fn client(server: &Server) -> ClientBuilder {
    ClientBuilder::new()
        .base_url("fred", &server.url("/fred"))
        .unwrap()
        .base_url("alfred", &server.url("/fred"))
        .unwrap()
        .base_url("dbnomics", &server.url("/v22"))
        .unwrap()
        .base_url("ecb", &server.url("/service"))
        .unwrap()
        .base_url("estat", &server.url("/eurostat/sdmx/2.1"))
        .unwrap()
        .base_url("oecd", &server.url("/public/rest"))
        .unwrap()
        .fred_api_key(KEY)
        .unwrap()
        .retry(
            Retry::new()
                .attempts(3)
                .first_wait(Duration::from_millis(20)),
        )
        .rate_limit("fred", [])
        .timeout(Duration::from_secs(10))
}

/// The shipped series a FRED id stands for here.
pub(crate) fn file_of(id: &str) -> Option<&'static str> {
    Some(match id {
        "IMPCH" => "data/us_imports_goods_from_china_impch_monthly.csv",
        "UNRATE" => "data/us_unemployment_rate_unrate_monthly.csv",
        "GDPC1" => "data/us_real_gdp_gdpc1_quarterly_1980_2025q3.csv",
        "UMCSENT" => "data/umich_consumer_sentiment_umcsent_monthly_1952_2025-09.csv",
        "NILE" => "data/bundled_R_datasets_Nile_annual.csv",
        _ => return None,
    })
}

/// FRED's API as documented: `series/observations` of the shipped series
/// (paged by `limit` and `offset`), 400 for an unknown series or a key
/// other than [`KEY`].
pub(crate) fn fred(req: &Req) -> Resp {
    if req.param("api_key") != Some(KEY) {
        return Resp::new(
            400,
            fred_error(
                400,
                "Bad Request.  The value for variable api_key is not registered.  Read https://fred.stlouisfed.org/docs/api/api_key.html for more information.",
            ),
        );
    }
    let id = req.param("series_id").unwrap_or_default();
    let Some(file) = file_of(id) else {
        return Resp::new(
            400,
            fred_error(400, "Bad Request.  The series does not exist."),
        );
    };
    let limit = req.param("limit").map_or(100_000, |l| l.parse().unwrap());
    let offset = req.param("offset").map_or(0, |o| o.parse().unwrap());
    Resp::ok(fred_observations(&rows(file), offset, limit))
}

/// Whether `series` holds exactly `expected` (canonical period, value),
/// bit for bit.
fn assert_rows(series: &AnySeries, expected: &[(String, Option<f64>)]) {
    let got: Vec<(String, Option<f64>)> = series
        .to_csv_string()
        .lines()
        .skip(1)
        .map(|l| {
            let (p, v) = l.split_once(',').unwrap();
            (p.to_owned(), (!v.is_empty()).then(|| v.parse().unwrap()))
        })
        .collect();
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(g.0, e.0);
        assert_eq!(g.1.map(f64::to_bits), e.1.map(f64::to_bits), "{}", g.0);
    }
}

fn source(text: &str) -> Source {
    text.parse().unwrap()
}

#[test]
fn fred_series_of_every_frequency() {
    let server = Server::start(fred);
    let client = client(&server).build().unwrap();
    for id in ["IMPCH", "UNRATE", "GDPC1", "UMCSENT", "NILE"] {
        let s = client
            .series(&source(&format!("fred:{id}")), &ReadOptions::new())
            .unwrap();
        assert_rows(&s, &rows(file_of(id).unwrap()));
    }
    // UNRATE's missing month (October 2025) stays missing.
    let unrate = client
        .series(&source("fred:UNRATE"), &ReadOptions::new())
        .unwrap();
    assert!(unrate.to_csv_string().contains("\n2025-10,\n"));
    let reqs = server.requests();
    assert_eq!(reqs.len(), 6);
    let first = &reqs[0];
    assert_eq!(first.path, "/fred/series/observations");
    assert_eq!(first.param("series_id"), Some("IMPCH"));
    assert_eq!(first.param("file_type"), Some("json"));
}

#[test]
fn fred_pages_are_joined() {
    let server = Server::start(fred);
    let client = client(&server).fred_page_size(100).build().unwrap();
    let s = client
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap();
    let expected = rows(file_of("IMPCH").unwrap());
    assert_eq!(expected.len(), 492);
    assert_rows(&s, &expected);
    let offsets: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.param("offset").map(str::to_owned))
        .collect();
    assert_eq!(
        offsets,
        [None, Some("100"), Some("200"), Some("300"), Some("400")].map(|o| o.map(str::to_owned))
    );
}

/// The problem of a fetch error.
fn problem(e: &Error) -> &FetchProblem {
    match e {
        Error::Fetch { problem, .. } => problem,
        other => panic!("not a fetch error: {other}"),
    }
}

#[test]
fn fred_errors_are_typed() {
    let server = Server::start(fred);
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = lines.clone();
    let c = client(&server)
        .log(move |l| log.lock().unwrap().push(l.to_owned()))
        .build()
        .unwrap();
    let e = c
        .series(&source("fred:NOSUCHSERIES"), &ReadOptions::new())
        .unwrap_err();
    assert!(
        matches!(problem(&e), FetchProblem::NotFound { message: Some(m) } if m.contains("does not exist")),
        "{e}"
    );
    // A wrong key: refused, with FRED's message; the key is nowhere.
    let wrong = client(&server)
        .fred_api_key("wrongkey0123456789wrongkey012345")
        .unwrap()
        .build()
        .unwrap();
    let e = wrong
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert!(
        matches!(problem(&e), FetchProblem::Refused { status: 400, message: Some(m) } if m.contains("api_key is not registered")),
        "{e}"
    );
    assert!(
        !e.to_string().contains("wrongkey0123456789wrongkey012345"),
        "{e}"
    );
    assert!(!format!("{e:?}").contains("wrongkey0123456789wrongkey012345"));
    // No key at all: an error before any request.
    let before = server.requests().len();
    let keyless = ClientBuilder::new()
        .base_url("fred", &server.url("/fred"))
        .unwrap()
        .build()
        .unwrap();
    let e = keyless
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::MissingApiKey {
                variable: "FRED_API_KEY",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(server.requests().len(), before);
    for l in lines.lock().unwrap().iter() {
        assert!(!l.contains(KEY), "{l}");
    }
    // Every request did carry the key, as FRED requires.
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.param("api_key").is_some())
    );
}

/// A server answering with `script[i]` to its i-th request (the last one
/// after that), then FRED's answer for IMPCH.
fn scripted(script: Vec<Resp>) -> Server {
    let n = AtomicUsize::new(0);
    Server::start(move |req| {
        let i = n.fetch_add(1, Ordering::SeqCst);
        match script.get(i) {
            Some(r) => r.clone(),
            None => fred(req),
        }
    })
}

#[test]
fn retries_honour_retry_after() {
    // 429 with Retry-After: 1, then the data: waited about a second.
    let server = scripted(vec![
        Resp::new(429, "Too Many Requests.  Exceeded Rate Limit").header("Retry-After", "1"),
    ]);
    let c = client(&server).build().unwrap();
    let t = Instant::now();
    let s = c
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap();
    assert_rows(&s, &rows(file_of("IMPCH").unwrap()));
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    let gap = reqs[1].at - reqs[0].at;
    assert!(gap >= Duration::from_millis(990), "{gap:?}");
    assert!(t.elapsed() < Duration::from_secs(5));

    // 429 without Retry-After, then a 500: exponential waits (20 ms, 40 ms).
    let server = scripted(vec![Resp::new(429, ""), Resp::new(500, "")]);
    let c = client(&server).build().unwrap();
    c.series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert!(reqs[1].at - reqs[0].at >= Duration::from_millis(20));
    assert!(reqs[2].at - reqs[1].at >= Duration::from_millis(40));

    // Always 500: given up after the attempts, typed.
    let server = Server::start(|_| Resp::new(500, "oops"));
    let c = client(&server).build().unwrap();
    let e = c
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert_eq!(
        *problem(&e),
        FetchProblem::Unavailable {
            status: 500,
            attempts: 3
        }
    );
    assert_eq!(server.requests().len(), 3);

    // Asked to wait an hour: no hour-long block, the wait is reported.
    let server = Server::start(|_| Resp::new(429, "").header("Retry-After", "3600"));
    let c = client(&server).build().unwrap();
    let t = Instant::now();
    let e = c
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert_eq!(
        *problem(&e),
        FetchProblem::RateLimited {
            retry_after: Some(3600)
        }
    );
    assert!(t.elapsed() < Duration::from_secs(5));
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn broken_responses_are_typed() {
    let data = fred_observations(&rows(file_of("IMPCH").unwrap()), 0, 100_000);
    // Cut short: Content-Length promises more than is sent, every time.
    let body = data.clone();
    let server = Server::start(move |_| Resp {
        truncate: true,
        ..Resp::ok(body.clone())
    });
    let c = client(&server).build().unwrap();
    let e = c
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert!(
        matches!(problem(&e), FetchProblem::Network { attempts: 3, .. }),
        "{e}"
    );
    // Cut short once, then whole: the retry gives the data.
    let server = scripted(vec![Resp {
        truncate: true,
        ..Resp::ok(data.clone())
    }]);
    let c = client(&server).build().unwrap();
    assert_rows(
        &c.series(&source("fred:IMPCH"), &ReadOptions::new())
            .unwrap(),
        &rows(file_of("IMPCH").unwrap()),
    );
    // Slow: half the body, then a pause longer than the timeout.
    let body = data.clone();
    let server = Server::start(move |_| Resp {
        stall: Some(Duration::from_secs(2)),
        ..Resp::ok(body.clone())
    });
    let c = client(&server)
        .timeout(Duration::from_millis(300))
        .retry(
            Retry::new()
                .attempts(2)
                .first_wait(Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    let t = Instant::now();
    let e = c
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert_eq!(*problem(&e), FetchProblem::Timeout { attempts: 2 }, "{e}");
    assert!(t.elapsed() < Duration::from_secs(3));
    // Malformed JSON: the reader's error, inside the response error.
    let server =
        Server::start(|_| Resp::ok(r#"{"observations":[{"date":"2025-01-01","value":"1"},"#));
    let c = client(&server).build().unwrap();
    let e = c
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    match &e {
        Error::InResponse {
            provider: "FRED",
            url,
            source,
        } => {
            assert!(matches!(**source, Error::Json(_)), "{source}");
            assert!(!url.contains(KEY));
        }
        other => panic!("{other}"),
    }
    // A value that is not a number: its JSON path.
    let server = Server::start(|_| {
        Resp::ok(r#"{"count":1,"observations":[{"date":"2025-01-01","value":"n/a"}]}"#)
    });
    let e = client(&server)
        .build()
        .unwrap()
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("at $.observations[0].value: \"n/a\" is not a number"),
        "{e}"
    );
    // Too large.
    let body = data.clone();
    let server = Server::start(move |_| Resp::ok(body.clone()));
    let e = client(&server)
        .max_bytes(1000)
        .build()
        .unwrap()
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert_eq!(*problem(&e), FetchProblem::TooLarge { limit: 1000 });
    // Nobody listening.
    let closed = {
        let s = Server::start(fred);
        s.url("/fred")
    };
    let c = ClientBuilder::new()
        .base_url("fred", &closed)
        .unwrap()
        .fred_api_key(KEY)
        .unwrap()
        .retry(
            Retry::new()
                .attempts(2)
                .first_wait(Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    let e = c
        .series(&source("fred:IMPCH"), &ReadOptions::new())
        .unwrap_err();
    assert!(
        matches!(
            problem(&e),
            FetchProblem::Connect { .. } | FetchProblem::Network { .. }
        ),
        "{e}"
    );
}

/// Every file name and file under `dir`, recursively, with its content.
fn files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push((
                p.display().to_string(),
                String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned(),
            ));
        }
    }
    out
}

#[test]
fn cache_answers_a_repeated_run_with_no_request() {
    let server = Server::start(|req| {
        if req.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
            return Resp::new(304, "");
        }
        fred(req).header("ETag", "\"v1\"")
    });
    let dir = temp_dir("cache");
    let run = |b: ClientBuilder| {
        let c = b.build().unwrap();
        ["IMPCH", "GDPC1", "NILE"].map(|id| {
            c.series(&source(&format!("fred:{id}")), &ReadOptions::new())
                .unwrap()
        })
    };
    let first = run(client(&server).cache_dir(&dir));
    assert_eq!(server.requests().len(), 3);
    // Again: every answer from the cache, no request at all.
    let second = run(client(&server).cache_dir(&dir));
    assert_eq!(server.requests().len(), 3);
    assert_eq!(first, second);
    // Stale entries are revalidated: If-None-Match, 304, the same data.
    let third = run(client(&server)
        .cache_dir(&dir)
        .fresh_for("fred", Duration::ZERO));
    let reqs = server.requests();
    assert_eq!(reqs.len(), 6);
    assert!(
        reqs[3..]
            .iter()
            .all(|r| r.headers.contains_key("if-none-match"))
    );
    assert_eq!(first, third);
    // Offline: from the cache whatever its age, and nothing else.
    let offline = run(client(&server)
        .cache_dir(&dir)
        .offline(true)
        .fresh_for("fred", Duration::ZERO));
    assert_eq!(first, offline);
    assert_eq!(server.requests().len(), 6);
    let c = client(&server)
        .cache_dir(&dir)
        .offline(true)
        .build()
        .unwrap();
    let e = c
        .series(&source("fred:UNRATE"), &ReadOptions::new())
        .unwrap_err();
    assert_eq!(*problem(&e), FetchProblem::NotCached);
    assert_eq!(server.requests().len(), 6);
    // The key is in no file name and no file.
    let stored = files(&dir);
    assert_eq!(stored.len(), 6, "{stored:?}");
    for (name, content) in &stored {
        assert!(!name.contains(KEY) && !content.contains(KEY), "{name}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ALFRED.

/// Vintages: each date with the series published on it (canonical period,
/// value).
pub(crate) type Vintages = Vec<(NaiveDate, Vec<(String, Option<f64>)>)>;

/// The vintages of a made-up revision history of real data: vintage `i`
/// (dated `2000-01-01 + 3i` days) publishes UNRATE's first `100 + i / 6`
/// months, the newest of them as the real value + 0.1, 0.2, ... (a
/// preliminary figure revised in every vintage), the others as they are:
/// every vintage differs from the one before.
pub(crate) fn unrate_vintages(n: usize) -> Vintages {
    let real = rows(file_of("UNRATE").unwrap());
    let d0: NaiveDate = "2000-01-01".parse().unwrap();
    (0..n)
        .map(|i| {
            let months = 100 + i / 6;
            let mut v: Vec<(String, Option<f64>)> = real[..months].to_vec();
            if let Some(last) = v.last_mut() {
                last.1 = last.1.map(|x| x + 0.1 * ((i % 6) + 1) as f64);
            }
            (d0 + chrono::Duration::days(3 * i as i64), v)
        })
        .collect()
}

/// ALFRED's API over `vintages` (each a prefix of one list of periods),
/// as documented: `series/vintagedates` (paged), and `series/observations`
/// by real-time period, every value's interval clipped to the window asked
/// for, and a window holding more than 2,000 vintage dates refused with
/// FRED's message.
pub(crate) fn alfred(vintages: Arc<Vintages>) -> impl Fn(&Req) -> Resp {
    let dates: Vec<NaiveDate> = vintages.iter().map(|(d, _)| *d).collect();
    // Each (period, value) with its real-time interval over all vintages.
    let far: NaiveDate = "9999-12-31".parse().unwrap();
    let mut spans: Vec<(usize, Option<f64>, NaiveDate, NaiveDate)> = Vec::new();
    let mut open: Vec<Option<(Option<f64>, NaiveDate)>> = Vec::new();
    for (date, v) in vintages.iter() {
        let end_prev = *date - chrono::Duration::days(1);
        if open.len() < v.len() {
            open.resize(v.len(), None);
        }
        for (i, slot) in open.iter_mut().enumerate() {
            let now = v.get(i).map(|(_, x)| *x);
            match (*slot, now) {
                (Some((old, _)), Some(new)) if old.map(f64::to_bits) == new.map(f64::to_bits) => {}
                (Some((old, s)), now) => {
                    spans.push((i, old, s, end_prev));
                    *slot = now.map(|x| (x, *date));
                }
                (None, now) => *slot = now.map(|x| (x, *date)),
            }
        }
    }
    for (i, slot) in open.iter().enumerate() {
        if let Some((x, s)) = slot {
            spans.push((i, *x, *s, far));
        }
    }
    spans.sort_by_key(|&(i, _, s, _)| (i, s));
    let periods: Vec<String> = vintages
        .iter()
        .max_by_key(|(_, v)| v.len())
        .unwrap()
        .1
        .iter()
        .map(|(p, _)| crate::fetch_server::fred_date(p))
        .collect();
    move |req: &Req| {
        if req.path.ends_with("/series/vintagedates") {
            let limit: usize = req.param("limit").map_or(10_000, |l| l.parse().unwrap());
            let offset: usize = req.param("offset").map_or(0, |o| o.parse().unwrap());
            let page: Vec<String> = dates
                .iter()
                .skip(offset)
                .take(limit)
                .map(|d| format!("\"{d}\""))
                .collect();
            return Resp::ok(format!(
                r#"{{"realtime_start":"1776-07-04","realtime_end":"9999-12-31","order_by":"vintage_date","sort_order":"asc","count":{},"offset":{offset},"limit":{limit},"vintage_dates":[{}]}}"#,
                dates.len(),
                page.join(",")
            ));
        }
        let day =
            |s: Option<&str>, default: &str| -> NaiveDate { s.unwrap_or(default).parse().unwrap() };
        let (ws, we) = (
            day(req.param("realtime_start"), "2026-01-09"),
            day(req.param("realtime_end"), "2026-01-09"),
        );
        let inside = dates.iter().filter(|d| **d >= ws && **d <= we).count();
        if inside > 2000 {
            return Resp::new(
                400,
                fred_error(
                    400,
                    &format!(
                        "Bad Request.  There are {inside} vintage dates in the specified real-time period: {ws} to {we}.  This exceeds the maximum number of vintage dates allowed (2000)."
                    ),
                ),
            );
        }
        let obs: Vec<String> = spans
            .iter()
            .filter(|(_, _, s, e)| *s <= we && *e >= ws)
            .map(|(i, v, s, e)| {
                format!(
                    r#"{{"realtime_start":"{}","realtime_end":"{}","date":"{}","value":"{}"}}"#,
                    (*s).max(ws),
                    (*e).min(we),
                    periods[*i],
                    crate::fetch_server::fred_value(*v)
                )
            })
            .collect();
        Resp::ok(format!(
            r#"{{"realtime_start":"{ws}","realtime_end":"{we}","observation_start":"1600-01-01","observation_end":"9999-12-31","units":"lin","output_type":1,"file_type":"json","order_by":"observation_date","sort_order":"asc","count":{},"offset":0,"limit":100000,"observations":[{}]}}"#,
            obs.len(),
            obs.join(",")
        ))
    }
}

#[test]
fn alfred_past_2000_vintages_is_split_and_joined() {
    let vintages = Arc::new(unrate_vintages(4500));
    let server = Server::start(alfred(vintages.clone()));
    let progress = Arc::new(Mutex::new(Vec::new()));
    let seen = progress.clone();
    let c = client(&server)
        .progress(move |d, t| seen.lock().unwrap().push((d, t)))
        .build()
        .unwrap();
    let v = c
        .vintaged(&source("alfred:UNRATE"), &ReadOptions::new())
        .unwrap();
    let AnyVintagedSeries::Monthly(v) = v else {
        panic!("monthly")
    };
    // Three windows of at most 2,000 vintage dates; none refused.
    let obs: Vec<Req> = server
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/observations"))
        .collect();
    assert_eq!(obs.len(), 3);
    assert_eq!(obs[0].param("realtime_start"), Some("2000-01-01"));
    assert_eq!(obs[2].param("realtime_end"), Some("9999-12-31"));
    assert_eq!(*progress.lock().unwrap(), [(0, 3), (1, 3), (2, 3), (3, 3)]);
    // As known on every vintage date (and the day before the next): that
    // vintage, exactly.
    assert_eq!(v.vintage_dates().len(), 4500);
    for (k, (date, published)) in vintages.iter().enumerate().step_by(7) {
        let expected: Vec<(String, Option<f64>)> = published.clone();
        assert_rows(&AnySeries::Monthly(v.as_of(*date)), &expected);
        let day_before_next = *date + chrono::Duration::days(2);
        assert_rows(&AnySeries::Monthly(v.as_of(day_before_next)), &expected);
        let _ = k;
    }
    // The preliminary figure of a month is its first release.
    let first = v.first_release();
    let real = rows(file_of("UNRATE").unwrap());
    assert_eq!(
        first.get("1956-05".parse().unwrap()),
        real[100].1.map(|x| x + 0.1)
    );
    assert_eq!(v.latest().get("1956-05".parse().unwrap()), real[100].1);
}

#[test]
fn alfred_as_of_a_date_has_one_row_per_period() {
    let vintages = Arc::new(unrate_vintages(40));
    let server = Server::start(alfred(vintages.clone()));
    let c = client(&server).build().unwrap();
    // A wide real-time window gives several rows for the revised months
    // (fredapi #69); the as-of request asks for one day only.
    let date = vintages[20].0 + chrono::Duration::days(1);
    let s = c
        .as_of(&source("alfred:UNRATE"), date, &ReadOptions::new())
        .unwrap();
    assert_rows(&s, &vintages[20].1);
    let req = server.requests().pop().unwrap();
    assert_eq!(req.param("realtime_start"), req.param("realtime_end"));
    // The same through every vintage: the same answer.
    let all = c
        .vintaged(&source("alfred:UNRATE"), &ReadOptions::new())
        .unwrap();
    assert_eq!(all.as_of(date), s);
}

#[test]
fn alfred_gdp_first_report_is_bea_advance_estimate() {
    // The ALFRED JSON fixture (two real GDPC1 vintages), served as ALFRED
    // serves it. Source: BEA, "Gross Domestic Product, 1st Quarter 2025
    // (Advance Estimate)", 30 April 2025: "decreased at an annual rate of
    // 0.3 percent"; tolerance: rounding to one decimal.
    let json =
        std::fs::read_to_string(path("tests/fixtures/vintage/gdpc1_alfred_realtime.json")).unwrap();
    let server = Server::start(move |req| {
        if req.path.ends_with("/vintagedates") {
            Resp::ok(
                r#"{"count":2,"offset":0,"limit":10000,"vintage_dates":["2025-04-30","2025-12-23"]}"#,
            )
        } else {
            Resp::ok(json.clone())
        }
    });
    let c = client(&server).build().unwrap();
    let v = c
        .vintaged(&source("alfred:GDPC1"), &ReadOptions::new())
        .unwrap();
    let growth = v.units(econseries::Units::Pca).first_release();
    let q1 = growth
        .as_quarterly()
        .unwrap()
        .get("2025-Q1".parse().unwrap())
        .unwrap();
    assert!((q1 - -0.3).abs() < 0.05, "{q1}");
}

// SDMX.

/// The text of a fixture.
fn fixture(rel: &str) -> String {
    std::fs::read_to_string(path(rel)).unwrap()
}

/// `(key, time, value)` rows of an sdmx1 reference file (independent of
/// the crate: sdmx1 read the SDMX-ML source).
fn reference(rel: &str) -> Vec<(String, String, Option<f64>)> {
    fixture(rel)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[1].to_owned(), f[2].parse().ok())
        })
        .collect()
}

#[test]
fn sdmx_ecb_csv_and_json() {
    let csv = fixture("tests/fixtures/sdmx/ecb_exr_m_usd_eur_v1.csv");
    let json = fixture("tests/fixtures/sdmx/ecb_exr_ts_v1.json");
    let server = Server::start(move |req| match (req.path.as_str(), req.param("format")) {
        ("/service/data/EXR/M.USD.EUR.SP00.A", Some("csvdata")) => Resp::ok(csv.clone()),
        ("/service/data/EXR/D.NZD+RUB.EUR.SP00.A", Some("jsondata")) => Resp::ok(json.clone()),
        _ => Resp::new(
            404,
            "<mes:Error><com:ErrorMessage code=\"100\"><com:Text>No Results Found</com:Text></com:ErrorMessage></mes:Error>",
        ),
    });
    let c = client(&server).build().unwrap();
    let usd = c
        .series(
            &source("sdmx:ECB/EXR/M.USD.EUR.SP00.A"),
            &ReadOptions::new(),
        )
        .unwrap();
    let want = reference("tests/fixtures/sdmx/ecb_exr_m_usd_eur_reference.csv");
    let expected: Vec<(String, Option<f64>)> =
        want.iter().map(|(_, t, v)| (t.clone(), *v)).collect();
    let mut sorted = expected.clone();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    assert_rows(&usd, &sorted);
    let req = &server.requests()[0];
    assert_eq!(
        req.headers.get("accept").map(String::as_str),
        Some("application/vnd.sdmx.data+csv;version=1.0.0")
    );
    // SDMX-JSON, the whole message with its series keys.
    let j = client(&server)
        .sdmx_format(econseries::io::Format::SdmxJson)
        .unwrap()
        .build()
        .unwrap();
    let data: SdmxData = j
        .sdmx(
            &source("sdmx:ECB/EXR/D.NZD+RUB.EUR.SP00.A"),
            &ReadOptions::new(),
        )
        .unwrap();
    let want = reference("tests/fixtures/sdmx/ecb_exr_json_v1_reference.csv");
    let mut got: Vec<(String, String, Option<f64>)> = data
        .series()
        .iter()
        .flat_map(|s| {
            s.observations()
                .iter()
                .map(|o| (s.key().to_owned(), o.time().to_owned(), o.value()))
        })
        .collect();
    got.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut want = want;
    want.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    assert_eq!(got, want);
    // No data: SDMX's 404 with its message.
    let e = c
        .series(
            &source("sdmx:ECB/EXR/M.XXX.EUR.SP00.A"),
            &ReadOptions::new(),
        )
        .unwrap_err();
    assert_eq!(
        *problem(&e),
        FetchProblem::NotFound {
            message: Some("No Results Found".into())
        }
    );
}

/// An SDMX-CSV 1.0 message in `dataflow`'s shape (dimension columns with
/// their values, then `TIME_PERIOD`, `OBS_VALUE`, `OBS_STATUS`) holding
/// the rows of a shipped file.
fn sdmx_csv(dataflow: &str, dims: &[(&str, &str)], rows: &[(String, Option<f64>)]) -> String {
    let mut out = format!(
        "DATAFLOW,{},TIME_PERIOD,OBS_VALUE,OBS_STATUS\n",
        dims.iter().map(|d| d.0).collect::<Vec<_>>().join(",")
    );
    let key = dims.iter().map(|d| d.1).collect::<Vec<_>>().join(",");
    for (p, v) in rows {
        out.push_str(&format!(
            "{dataflow},{key},{p},{},A\n",
            v.map(|x| x.to_string()).unwrap_or_default()
        ));
    }
    out
}

#[test]
fn sdmx_oecd_and_eurostat_shapes() {
    // OECD's consumer confidence (real OECD data, shipped) in the OECD
    // dataflow's SDMX-CSV shape; Eurostat's SDMX-CSV of the US
    // unemployment rate in une_rt_m's shape (the values are BLS's).
    let cci = rows("data/oecd_consumer_confidence_us_cscicp03usm665s_monthly.csv");
    let unrate = rows(file_of("UNRATE").unwrap());
    let oecd = sdmx_csv(
        "OECD.SDD.STES:DSD_STES@DF_CS(4.0)",
        &[
            ("REF_AREA", "USA"),
            ("FREQ", "M"),
            ("MEASURE", "CCICP"),
            ("UNIT_MEASURE", "IX"),
            ("ADJUSTMENT", "N"),
        ],
        &cci,
    );
    let estat = sdmx_csv(
        "ESTAT:UNE_RT_M(1.0)",
        &[
            ("freq", "M"),
            ("s_adj", "SA"),
            ("age", "TOTAL"),
            ("unit", "PC_ACT"),
            ("sex", "T"),
            ("geo", "US"),
        ],
        &unrate,
    );
    let server = Server::start(move |req| match (req.path.as_str(), req.param("format")) {
        (
            "/public/rest/data/OECD.SDD.STES,DSD_STES@DF_CS,4.0/USA.M.CCICP.IX.N",
            Some("csvfile"),
        ) => Resp::ok(oecd.clone()),
        ("/eurostat/sdmx/2.1/data/une_rt_m/M.SA.TOTAL.PC_ACT.T.US", Some("SDMX-CSV")) => {
            Resp::ok(estat.clone())
        }
        _ => Resp::new(404, ""),
    });
    let c = client(&server).build().unwrap();
    let got = c
        .series(
            &source("sdmx:OECD/OECD.SDD.STES,DSD_STES@DF_CS,4.0/USA.M.CCICP.IX.N"),
            &ReadOptions::new(),
        )
        .unwrap();
    assert_rows(&got, &cci);
    let got = c
        .series(
            &source("sdmx:ESTAT/une_rt_m/M.SA.TOTAL.PC_ACT.T.US"),
            &ReadOptions::new(),
        )
        .unwrap();
    assert_rows(&got, &unrate);
    // Two series in one message: the selector picks one.
    let both = format!(
        "{}{}",
        sdmx_csv(
            "ECB:EXR(1.0)",
            &[("FREQ", "M"), ("CURRENCY", "USD")],
            &cci[..3]
        ),
        sdmx_csv(
            "ECB:EXR(1.0)",
            &[("FREQ", "M"), ("CURRENCY", "JPY")],
            &unrate[..3]
        )
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect::<String>()
    );
    let server = Server::start(move |_| Resp::ok(both.clone()));
    let c = client(&server).build().unwrap();
    let e = c
        .series(&source("sdmx:ECB/EXR/M."), &ReadOptions::new())
        .unwrap_err();
    assert!(e.to_string().contains("more than one series"), "{e}");
    let jpy = c
        .series(
            &source("sdmx:ECB/EXR/M."),
            &ReadOptions::new().series("M.JPY"),
        )
        .unwrap();
    assert_rows(&jpy, &unrate[..3]);
}

// DBnomics.

#[test]
fn dbnomics_series() {
    // BLS's unemployment rate as DBnomics serves it (provider BLS, dataset
    // ln, series LNS14000000), built from the shipped UNRATE file.
    let unrate = rows(file_of("UNRATE").unwrap());
    let periods: Vec<String> = unrate.iter().map(|(p, _)| format!("\"{p}\"")).collect();
    let values: Vec<String> = unrate
        .iter()
        .map(|(_, v)| v.map_or("\"NA\"".to_owned(), |x| x.to_string()))
        .collect();
    let doc = format!(
        r#"{{"series":{{"num_found":1,"offset":0,"limit":1000,"docs":[{{"provider_code":"BLS","dataset_code":"ln","series_code":"LNS14000000","series_name":"Unemployment rate","@frequency":"monthly","period":[{}],"value":[{}]}}]}},"provider":{{"code":"BLS"}},"dataset":{{"code":"ln"}}}}"#,
        periods.join(","),
        values.join(",")
    );
    let server = Server::start(move |req| {
        if req.path == "/v22/series/BLS/ln/LNS14000000" && req.param("observations") == Some("1") {
            Resp::ok(doc.clone())
        } else {
            Resp::new(404, r#"{"message":"Series not found: BLS/ln/X"}"#)
        }
    });
    let c = client(&server).build().unwrap();
    let s = c
        .series(&source("dbnomics:BLS/ln/LNS14000000"), &ReadOptions::new())
        .unwrap();
    assert_rows(&s, &unrate);
    let e = c
        .series(&source("dbnomics:BLS/ln/X"), &ReadOptions::new())
        .unwrap_err();
    assert_eq!(
        *problem(&e),
        FetchProblem::NotFound {
            message: Some("Series not found: BLS/ln/X".into())
        }
    );
}

// Rate limits.

/// The most requests the server saw in any window of `per` (windows
/// starting at each arrival), and how many it refused.
fn busiest(reqs: &[Req], per: Duration) -> usize {
    reqs.iter()
        .map(|a| {
            reqs.iter()
                .filter(|b| b.at >= a.at && b.at - a.at < per)
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// A FRED server that enforces `limit` as FRED does (429 for a request
/// beyond it in a sliding window) and counts its refusals.
fn limited_fred(limit: RateLimit, refused: Arc<AtomicUsize>) -> Server {
    let seen = Arc::new(Mutex::new(std::collections::VecDeque::<Instant>::new()));
    Server::start(move |req| {
        {
            let mut seen = seen.lock().unwrap();
            while seen.front().is_some_and(|t| req.at - *t >= limit.per()) {
                seen.pop_front();
            }
            if seen.len() >= limit.requests() as usize {
                refused.fetch_add(1, Ordering::SeqCst);
                return Resp::new(
                    429,
                    fred_error(429, "Too Many Requests.  Exceeded Rate Limit"),
                )
                .header("Retry-After", "1");
            }
            seen.push_back(req.at);
        }
        let id = req.param("series_id").unwrap_or_default();
        // SERIES0000..SERIES0999 stand for the shipped series in turn.
        let files = ["IMPCH", "UNRATE", "GDPC1", "UMCSENT", "NILE"];
        let n: usize = id.trim_start_matches("SERIES").parse().unwrap_or(0);
        Resp::ok(fred_observations(
            &rows(file_of(files[n % files.len()]).unwrap()),
            0,
            100_000,
        ))
    })
}

#[test]
fn thousand_series_never_exceed_the_limit() {
    // FRED's 2 requests a second, scaled to 2 per 10 ms (200 a second) so
    // that 1,000 series take seconds: the invariant checked is the same.
    let limit = RateLimit::new(2, Duration::from_millis(10)).unwrap();
    let refused = Arc::new(AtomicUsize::new(0));
    let server = limited_fred(limit, refused.clone());
    let c = client(&server).rate_limit("fred", [limit]).build().unwrap();
    let sources: Vec<Source> = (0..1000)
        .map(|i| Source::Fred {
            id: format!("SERIES{i:04}"),
        })
        .collect();
    // Four threads share the client, as a bulk pull would.
    let c = &c;
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = sources
            .chunks(250)
            .map(|chunk| s.spawn(move || c.series_many(chunk, &ReadOptions::new())))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(results.len(), 1000);
    let files = ["IMPCH", "UNRATE", "GDPC1", "UMCSENT", "NILE"];
    for (i, r) in results.iter().enumerate() {
        let s = r.as_ref().unwrap();
        assert_eq!(s.len(), rows(file_of(files[i % 5]).unwrap()).len());
    }
    let reqs = server.requests();
    assert_eq!(reqs.len(), 1000);
    assert_eq!(refused.load(Ordering::SeqCst), 0);
    assert!(busiest(&reqs, limit.per()) <= 2);
}

#[test]
fn fred_real_rate_two_a_second() {
    // FRED's shipped limits (2 a second, 120 a minute), at their real rate.
    let refused = Arc::new(AtomicUsize::new(0));
    let server = limited_fred(RateLimit::per_second(2).unwrap(), refused.clone());
    let c = ClientBuilder::new()
        .base_url("fred", &server.url("/fred"))
        .unwrap()
        .fred_api_key(KEY)
        .unwrap()
        .build()
        .unwrap();
    let sources: Vec<Source> = (0..6)
        .map(|i| Source::Fred {
            id: format!("SERIES{i:04}"),
        })
        .collect();
    let t = Instant::now();
    for r in c.series_many(&sources, &ReadOptions::new()) {
        r.unwrap();
    }
    // Six requests, two a second: the fifth and sixth a full 2 s after the first.
    assert!(t.elapsed() >= Duration::from_secs(2), "{:?}", t.elapsed());
    let reqs = server.requests();
    assert_eq!(reqs.len(), 6);
    assert_eq!(refused.load(Ordering::SeqCst), 0);
    assert!(busiest(&reqs, Duration::from_secs(1)) <= 2);
    // Counted per calendar second of the server, as well.
    let start = reqs[0].at;
    let mut per_second = std::collections::HashMap::<u64, usize>::new();
    for r in &reqs {
        *per_second.entry((r.at - start).as_secs()).or_default() += 1;
    }
    assert!(per_second.values().all(|&n| n <= 2), "{per_second:?}");
}

#[test]
fn from_env_reads_overrides_and_refuses_plain_http_elsewhere() {
    let server = Server::start(fred);
    let url = server.url("/fred");
    let dir = temp_dir("env");
    let d = dir.display().to_string();
    let vars = std::collections::HashMap::from([
        ("ECON_FRED_URL", url.as_str()),
        ("FRED_API_KEY", KEY),
        ("ECON_CACHE_DIR", d.as_str()),
    ]);
    let c: Client = ClientBuilder::from_vars(|k| vars.get(k).map(Into::into))
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(c.cache_dir(), Some(dir.as_path()));
    let s = c.series(&source("fred:NILE"), &ReadOptions::new()).unwrap();
    assert_rows(&s, &rows(file_of("NILE").unwrap()));
    assert!(!files(&dir).is_empty());
    let bad = std::collections::HashMap::from([("ECON_SDMX_OECD_URL", "http://192.0.2.1/rest")]);
    assert!(matches!(
        ClientBuilder::from_vars(|k| bad.get(k).map(Into::into)),
        Err(Error::InsecureUrl { .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sdmx_imf_and_bis_endpoints() {
    // The IMF's and the BIS's endpoints and format negotiation (standard
    // Accept headers, no format parameter), serving real SDMX messages of
    // the ECB: SDMX-CSV 2.0 (the BIS) and SDMX-JSON 1.0 (the IMF), each
    // checked against sdmx1's reading of the SDMX-ML source.
    let csv2 = fixture("tests/fixtures/sdmx/ecb_exr_m_usd_eur_v2.csv");
    let json = fixture("tests/fixtures/sdmx/ecb_exr_flat_v1.json");
    let server = Server::start(move |req| {
        let accept = req.headers.get("accept").cloned().unwrap_or_default();
        match (req.path.as_str(), accept.as_str(), req.query.is_empty()) {
            (
                "/api/v1/data/EXR/M.USD.EUR.SP00.A",
                "application/vnd.sdmx.data+csv;version=1.0.0",
                true,
            ) => Resp::ok(csv2.clone()),
            (
                "/external/sdmx/2.1/data/EXR/D.NZD+RUB.EUR.SP00.A",
                "application/vnd.sdmx.data+json;version=1.0.0",
                true,
            ) => Resp::ok(json.clone()),
            _ => Resp::new(406, "Not Acceptable"),
        }
    });
    let bis = client(&server)
        .base_url("bis", &server.url("/api/v1"))
        .unwrap()
        .build()
        .unwrap();
    let usd = bis
        .series(
            &source("sdmx:BIS/EXR/M.USD.EUR.SP00.A"),
            &ReadOptions::new(),
        )
        .unwrap();
    let mut want: Vec<(String, Option<f64>)> =
        reference("tests/fixtures/sdmx/ecb_exr_m_usd_eur_reference.csv")
            .into_iter()
            .map(|(_, t, v)| (t, v))
            .collect();
    want.sort_by(|a, b| a.0.cmp(&b.0));
    assert_rows(&usd, &want);
    let imf = client(&server)
        .base_url("imf", &server.url("/external/sdmx/2.1"))
        .unwrap()
        .sdmx_format(econseries::io::Format::SdmxJson)
        .unwrap()
        .build()
        .unwrap();
    let data = imf
        .sdmx(
            &source("sdmx:IMF/EXR/D.NZD+RUB.EUR.SP00.A"),
            &ReadOptions::new(),
        )
        .unwrap();
    let mut got: Vec<(String, String, Option<f64>)> = data
        .series()
        .iter()
        .flat_map(|s| {
            s.observations()
                .iter()
                .map(|o| (s.key().to_owned(), o.time().to_owned(), o.value()))
        })
        .collect();
    got.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut want = reference("tests/fixtures/sdmx/ecb_exr_json_v1_reference.csv");
    want.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    assert_eq!(got, want);
    // An SDMX query by URL.
    let url = format!("sdmx:{}", server.url("/api/v1/data/EXR/M.USD.EUR.SP00.A"));
    let by_url = client(&server)
        .build()
        .unwrap()
        .series(&source(&url), &ReadOptions::new())
        .unwrap();
    assert_eq!(by_url, usd);
}
