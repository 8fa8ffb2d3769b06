//! `econ fetch` and sources in place of FILE, against the test server on
//! 127.0.0.1 (configured through the environment, as a user would).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use crate::fetch::{KEY, alfred, file_of, fred, temp_dir, unrate_vintages};
use crate::fetch_server::{Req, Resp, Server, path, rows};

/// Runs `econ args...` with the fetch variables pointing at `server`, the
/// cache in `cache`, and the test key unless `key` is false; every other
/// variable of the kind removed.
fn econ_at(server: &Server, cache: &Path, key: bool, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_econ"));
    for v in [
        "FRED_API_KEY",
        "ECON_FRED_URL",
        "ECON_ALFRED_URL",
        "ECON_DBNOMICS_URL",
        "ECON_SDMX_ECB_URL",
        "ECON_SDMX_ESTAT_URL",
        "ECON_SDMX_OECD_URL",
        "ECON_SDMX_IMF_URL",
        "ECON_SDMX_BIS_URL",
        "ECON_CACHE_DIR",
        "ECON_OFFLINE",
        "ECON_CONFIG",
        "XDG_CONFIG_HOME",
    ] {
        cmd.env_remove(v);
    }
    cmd.env("ECON_FRED_URL", server.url("/fred"))
        .env("ECON_ALFRED_URL", server.url("/fred"))
        .env("ECON_SDMX_ECB_URL", server.url("/service"))
        .env("ECON_CACHE_DIR", cache)
        .env("ECON_CONFIG", cache.join("no-config"));
    if key {
        cmd.env("FRED_API_KEY", KEY);
    }
    cmd.args(args)
        .stdin(Stdio::null())
        .output()
        .expect("econ runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// FRED for the shipped series, ALFRED for a made-up revision history of
/// UNRATE, and the ECB's EXR message.
fn services() -> Server {
    let vintages = Arc::new(unrate_vintages(30));
    let alfred = alfred(vintages);
    let exr =
        std::fs::read_to_string(path("tests/fixtures/sdmx/ecb_exr_m_usd_eur_v1.csv")).unwrap();
    Server::start(move |req: &Req| {
        if req.path.starts_with("/service/data/EXR/M.USD.EUR.SP00.A") {
            Resp::ok(exr.clone())
        } else if req.param("series_id") == Some("UNRATEV") {
            alfred(req)
        } else {
            fred(req)
        }
    })
}

#[test]
fn fetch_writes_the_crate_csv() {
    let server = services();
    let cache = temp_dir("cli");
    let out = econ_at(&server, &cache, true, &["fetch", "--verbose", "fred:IMPCH"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let expected = rows(file_of("IMPCH").unwrap());
    assert_eq!(csv.lines().count(), expected.len() + 1);
    assert!(csv.starts_with("period,value\n1985-01,"));
    let err = text(&out.stderr);
    assert!(
        err.contains("FRED http://127.0.0.1:") && err.contains("-> 200"),
        "{err}"
    );
    assert!(!err.contains(KEY), "{err}");
    // Again: from the cache, no request.
    let before = server.requests().len();
    let again = econ_at(&server, &cache, true, &["fetch", "fred:IMPCH"]);
    assert_eq!(text(&again.stdout), csv);
    assert_eq!(server.requests().len(), before);
    // Offline, from the same cache; and offline without it.
    let off = econ_at(&server, &cache, true, &["fetch", "--offline", "fred:IMPCH"]);
    assert_eq!(text(&off.stdout), csv);
    let other = temp_dir("cli-empty");
    let off = econ_at(&server, &other, true, &["fetch", "--offline", "fred:IMPCH"]);
    assert_eq!(off.status.code(), Some(3));
    assert!(
        text(&off.stderr).contains("offline and not in the cache"),
        "{}",
        text(&off.stderr)
    );
    assert_eq!(server.requests().len(), before);
    let _ = std::fs::remove_dir_all(&cache);
    let _ = std::fs::remove_dir_all(&other);
}

#[test]
fn transform_takes_a_source() {
    // Source: tests/fixtures/units_us_imports_goods_from_china_impch_monthly.csv
    // (pandas, generate.py); tolerance 1e-10 relative.
    let server = services();
    let cache = temp_dir("cli-transform");
    let out = econ_at(
        &server,
        &cache,
        true,
        &["transform", "--units", "pc1", "fred:IMPCH"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got: Vec<(String, String)> = text(&out.stdout)
        .lines()
        .skip(1)
        .map(|l| {
            let (p, v) = l.split_once(',').unwrap();
            (p.to_owned(), v.to_owned())
        })
        .collect();
    let fixture = std::fs::read_to_string(path(
        "tests/fixtures/units_us_imports_goods_from_china_impch_monthly.csv",
    ))
    .unwrap();
    let want: Vec<(String, String)> = fixture
        .lines()
        .skip(2)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[5].to_owned())
        })
        .collect();
    assert_eq!(got.len(), want.len());
    for ((gp, gv), (wp, wv)) in got.iter().zip(&want) {
        assert_eq!(gp, wp);
        match (gv.parse::<f64>(), wv.parse::<f64>()) {
            (Ok(g), Ok(w)) => assert!(
                (g - w).abs() <= 1e-10 * w.abs().max(1.0),
                "{gp}: {g} vs {w}"
            ),
            _ => assert_eq!(gv.is_empty(), wv.is_empty(), "{gp}"),
        }
    }
    assert!(text(&out.stdout).contains("\n2025-05,-41.4"));
    // A detector on a fetched SDMX series; and a source with no key.
    let out = econ_at(
        &server,
        &cache,
        true,
        &[
            "detect",
            "records",
            "--low",
            "sdmx:ECB/EXR/M.USD.EUR.SP00.A",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).lines().count() > 1);
    // The README's detector run, on year-on-year growth of a fetched series.
    let out = econ_at(
        &server,
        &cache,
        true,
        &["detect", "--units", "pc1", "records", "--low", "fred:IMPCH"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("\n2025-05,low,"),
        "{}",
        text(&out.stdout)
    );
    let no_key = temp_dir("cli-nokey");
    let out = econ_at(
        &server,
        &no_key,
        false,
        &["transform", "--units", "pc1", "fred:UNRATE"],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("FRED_API_KEY"),
        "{}",
        text(&out.stderr)
    );
    let out = econ_at(
        &server,
        &cache,
        true,
        &["transform", "--units", "pc1", "fred:NOSUCH"],
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr).contains("not found: Bad Request. The series does not exist."),
        "{}",
        text(&out.stderr)
    );
    assert!(!text(&out.stderr).contains(KEY));
    let out = econ_at(
        &server,
        &cache,
        true,
        &["transform", "--units", "pc1", "fred:A/B"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("invalid source"),
        "{}",
        text(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&cache);
    let _ = std::fs::remove_dir_all(&no_key);
}

#[test]
fn vintages_through_the_cli() {
    let server = services();
    let cache = temp_dir("cli-alfred");
    let vintages = unrate_vintages(30);
    let all = econ_at(&server, &cache, true, &["fetch", "alfred:UNRATEV"]);
    assert!(all.status.success(), "{}", text(&all.stderr));
    assert!(
        text(&all.stdout)
            .starts_with("series_id,period,value,realtime_start,realtime_end\nUNRATEV,1948-01,")
    );
    // As of a vintage date: that vintage, one row per month.
    let (date, published) = &vintages[12];
    let as_of = econ_at(
        &server,
        &cache,
        true,
        &["fetch", "alfred:UNRATEV", "--as-of", &date.to_string()],
    );
    assert!(as_of.status.success(), "{}", text(&as_of.stderr));
    let lines: Vec<String> = text(&as_of.stdout)
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), published.len());
    let (last_p, last_v) = published.last().unwrap();
    assert_eq!(
        lines.last().unwrap(),
        &format!("{last_p},{}", last_v.unwrap())
    );
    // econ vintage reads the source too.
    let v = econ_at(
        &server,
        &cache,
        true,
        &["vintage", "--as-of", &date.to_string(), "alfred:UNRATEV"],
    );
    assert!(v.status.success(), "{}", text(&v.stderr));
    assert_eq!(text(&v.stdout), text(&as_of.stdout));
    let first = econ_at(
        &server,
        &cache,
        true,
        &[
            "vintage",
            "--first-release",
            "--units",
            "pca",
            "alfred:UNRATEV",
        ],
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    // Every month any vintage published, once, but the first (no growth
    // rate), and the header.
    assert_eq!(
        text(&first.stdout).lines().count(),
        vintages.last().unwrap().1.len()
    );
    let _ = std::fs::remove_dir_all(&cache);
}
