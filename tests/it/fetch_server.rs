//! A minimal HTTP/1.1 server on 127.0.0.1 for the fetch tests, and the
//! responses it replays, built in each service's documented format from the
//! real data shipped in `data/` and `tests/fixtures/`.
//!
//! One request per connection (`Connection: close`), GET only; every
//! request is logged with the moment it was read. The server listens on an
//! ephemeral loopback port and stops when dropped; its loops are bounded by
//! the tests that drive them.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A request as the server read it.
#[derive(Clone, Debug)]
pub(crate) struct Req {
    /// The path, without the query.
    pub(crate) path: String,
    /// The query as sent.
    pub(crate) query: String,
    /// Headers, names in lower case.
    pub(crate) headers: HashMap<String, String>,
    /// When the request was read.
    pub(crate) at: Instant,
}

impl Req {
    /// The value of query parameter `name`.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.query.split('&').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == name).then_some(v)
        })
    }
}

/// A response to send, and how to misbehave while sending it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Resp {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
    /// Send the headers and half the body, then wait this long.
    pub(crate) stall: Option<Duration>,
    /// Announce the whole body but send half, then close.
    pub(crate) truncate: bool,
}

impl Resp {
    /// `status` with `body`.
    pub(crate) fn new(status: u16, body: impl Into<Vec<u8>>) -> Resp {
        Resp {
            status,
            body: body.into(),
            ..Resp::default()
        }
    }

    /// 200 with `body`.
    pub(crate) fn ok(body: impl Into<Vec<u8>>) -> Resp {
        Resp::new(200, body)
    }

    /// With a header.
    pub(crate) fn header(mut self, name: &str, value: &str) -> Resp {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

type Handler = dyn Fn(&Req) -> Resp + Send + Sync;

/// A running server; stops when dropped.
pub(crate) struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Req>>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts a server answering every request with `handler`.
    pub(crate) fn start(handler: impl Fn(&Req) -> Resp + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("address");
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let accept = {
            let (log, stop) = (log.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (log, handler) = (log.clone(), handler.clone());
                    std::thread::spawn(move || serve(stream, &log, &*handler));
                }
            })
        };
        Server {
            addr,
            log,
            stop,
            accept: Some(accept),
        }
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Every request read so far, in order of arrival.
    pub(crate) fn requests(&self) -> Vec<Req> {
        let mut v = self.log.lock().unwrap().clone();
        v.sort_by_key(|r| r.at);
        v
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

/// Reads one request from `stream`, answers it, closes.
fn serve(mut stream: TcpStream, log: &Mutex<Vec<Req>>, handler: &Handler) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut raw = String::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let end = line == "\r\n" || line == "\n";
        raw.push_str(&line);
        if end || raw.len() > 64 * 1024 {
            break;
        }
    }
    let at = Instant::now();
    let mut lines = raw.lines();
    let target = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_owned();
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (target.clone(), String::new()),
    };
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let req = Req {
        path,
        query,
        headers,
        at,
    };
    log.lock().unwrap().push(req.clone());
    let resp = handler(&req);
    let reason = match resp.status {
        200 => "OK",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Length: {}\r\nConnection: close\r\n",
        resp.status,
        resp.body.len()
    );
    for (k, v) in &resp.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let half = resp.body.len() / 2;
    if resp.truncate {
        let _ = stream.write_all(&resp.body[..half]);
        return;
    }
    if let Some(wait) = resp.stall {
        let _ = stream.write_all(&resp.body[..half]);
        let _ = stream.flush();
        std::thread::sleep(wait);
        let _ = stream.write_all(&resp.body[half..]);
        return;
    }
    let _ = stream.write_all(&resp.body);
    // Let the client read everything before the socket closes.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut sink = [0u8; 64];
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = stream.read(&mut sink);
}

/// The path of a file in the crate.
pub(crate) fn path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The rows of a shipped `period,value` file (`data/...`): canonical
/// period (`2025-05`, `2025-Q1`, `2025`) and value (`None` if empty), as
/// the file writes them, parsed by this function alone.
pub(crate) fn rows(rel: &str) -> Vec<(String, Option<f64>)> {
    let text = std::fs::read_to_string(path(rel)).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (p, v) = l.split_once(',').unwrap();
            let p = p.trim().replace('Q', "-Q");
            let v = v.trim();
            (p, (!v.is_empty()).then(|| v.parse::<f64>().unwrap()))
        })
        .collect()
}

/// FRED's first-of-period date of a canonical period.
pub(crate) fn fred_date(period: &str) -> String {
    if let Some((y, q)) = period.split_once("-Q") {
        let m = (q.parse::<u32>().unwrap() - 1) * 3 + 1;
        format!("{y}-{m:02}-01")
    } else if period.len() == 4 {
        format!("{period}-01-01")
    } else {
        format!("{period}-01")
    }
}

/// The value as FRED writes it: a string, `.` for missing.
pub(crate) fn fred_value(v: Option<f64>) -> String {
    v.map_or(".".to_owned(), |x| x.to_string())
}

/// A FRED `series/observations` response (documented shape: the request's
/// parameters, `count`, `offset`, `limit`, and `observations` objects with
/// `realtime_start`, `realtime_end`, `date`, `value`) of `rows`, the page
/// `offset..offset + limit`.
pub(crate) fn fred_observations(
    rows: &[(String, Option<f64>)],
    offset: usize,
    limit: usize,
) -> String {
    let today = "2026-01-09";
    let obs: Vec<String> = rows
        .iter()
        .skip(offset)
        .take(limit)
        .map(|(p, v)| {
            format!(
                r#"{{"realtime_start":"{today}","realtime_end":"{today}","date":"{}","value":"{}"}}"#,
                fred_date(p),
                fred_value(*v)
            )
        })
        .collect();
    format!(
        r#"{{"realtime_start":"{today}","realtime_end":"{today}","observation_start":"1600-01-01","observation_end":"9999-12-31","units":"lin","output_type":1,"file_type":"json","order_by":"observation_date","sort_order":"asc","count":{},"offset":{offset},"limit":{limit},"observations":[{}]}}"#,
        rows.len(),
        obs.join(",")
    )
}

/// FRED's error document.
pub(crate) fn fred_error(code: u16, message: &str) -> String {
    format!(r#"{{"error_code":{code},"error_message":"{message}"}}"#)
}
