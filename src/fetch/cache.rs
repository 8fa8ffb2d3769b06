//! The on-disk cache: one body and one small JSON record per request.
//!
//! A request is keyed by its URL without the API key and its `Accept`
//! header. The file names are a 64-bit FNV-1a hash of that key, under a
//! folder per provider; the record repeats the key, so a hash collision is
//! a miss, never another request's data. Files are written under a
//! temporary name and renamed, so a reader never sees half a body.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// What the cache knows of a stored response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Record {
    /// The request key (URL without the API key, and the Accept header).
    pub(crate) request: String,
    /// The response's `ETag`, for `If-None-Match`.
    #[serde(default)]
    pub(crate) etag: Option<String>,
    /// The response's `Last-Modified`, for `If-Modified-Since`.
    #[serde(default)]
    pub(crate) last_modified: Option<String>,
    /// When the response was received or last confirmed (seconds since
    /// 1970).
    pub(crate) fetched: u64,
}

impl Record {
    /// How long ago the response was received or confirmed.
    pub(crate) fn age(&self) -> Duration {
        Duration::from_secs(now().saturating_sub(self.fetched))
    }
}

/// Seconds since 1970, now.
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A cache folder.
#[derive(Clone, Debug)]
pub(crate) struct Cache {
    dir: PathBuf,
}

/// A stored response: its record and the path of its body.
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub(crate) record: Record,
    pub(crate) body: PathBuf,
}

/// A unique suffix for temporary files of this process.
fn unique() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The 64-bit FNV-1a hash of `text`, as 16 hex digits.
fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Cache {
    /// The cache in `dir` (created when first written).
    pub(crate) fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// The folder.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    fn paths(&self, provider: &str, request: &str) -> (PathBuf, PathBuf) {
        let folder = self.dir.join(provider);
        let name = hash(request);
        (
            folder.join(format!("{name}.json")),
            folder.join(format!("{name}.body")),
        )
    }

    /// The stored response to `request`, if any (an unreadable or foreign
    /// record is no entry).
    pub(crate) fn get(&self, provider: &str, request: &str) -> Option<Entry> {
        let (meta, body) = self.paths(provider, request);
        let text = fs::read_to_string(&meta).ok()?;
        let record: Record = serde_json::from_str(&text).ok()?;
        (record.request == request && body.is_file()).then_some(Entry { record, body })
    }

    /// A new temporary file in the provider's folder, for a body being
    /// downloaded.
    pub(crate) fn temp(&self, provider: &str) -> io::Result<(PathBuf, File)> {
        let folder = self.dir.join(provider);
        fs::create_dir_all(&folder)?;
        let path = folder.join(format!(".partial-{}", unique()));
        let file = File::create(&path)?;
        Ok((path, file))
    }

    /// Stores the body downloaded to `temp` with `record`, replacing any
    /// earlier entry.
    pub(crate) fn put(&self, provider: &str, record: Record, temp: &Path) -> io::Result<Entry> {
        let (meta, body) = self.paths(provider, &record.request);
        fs::rename(temp, &body)?;
        self.write_record(&meta, &record)?;
        Ok(Entry { record, body })
    }

    /// Marks an entry as confirmed now (a `304 Not Modified`).
    pub(crate) fn touch(&self, provider: &str, entry: &mut Entry) -> io::Result<()> {
        entry.record.fetched = now();
        let (meta, _) = self.paths(provider, &entry.record.request);
        self.write_record(&meta, &entry.record)
    }

    fn write_record(&self, meta: &Path, record: &Record) -> io::Result<()> {
        let text = serde_json::to_string(record).map_err(io::Error::other)?;
        let tmp = meta.with_extension(format!("json.{}", unique()));
        {
            let mut f = File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
        }
        fs::rename(&tmp, meta)
    }
}

/// A response body on disk: a cache entry, or a temporary file removed when
/// this is dropped (no cache).
#[derive(Debug)]
pub(crate) struct Body {
    path: PathBuf,
    temporary: bool,
}

impl Body {
    /// The cached body at `path`.
    pub(crate) fn cached(path: PathBuf) -> Body {
        Body {
            path,
            temporary: false,
        }
    }

    /// A temporary body at `path`, removed when dropped.
    pub(crate) fn temporary(path: PathBuf) -> Body {
        Body {
            path,
            temporary: true,
        }
    }

    /// The body, to read.
    pub(crate) fn open(&self) -> io::Result<File> {
        File::open(&self.path)
    }
}

impl Drop for Body {
    fn drop(&mut self) {
        if self.temporary {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// A temporary file outside any cache (caching off).
pub(crate) fn scratch() -> io::Result<(PathBuf, File)> {
    let path = std::env::temp_dir().join(format!("econseries-{}.partial", unique()));
    let file = File::create(&path)?;
    Ok((path, file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("econseries-cache-test-{name}-{}", unique()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn stores_and_finds_by_request() {
        let cache = Cache::new(dir("store"));
        let request = "GET https://x/y?a=1\naccept: text/csv";
        assert!(cache.get("fred", request).is_none());
        let (tmp, mut f) = cache.temp("fred").unwrap();
        f.write_all(b"period,value\n").unwrap();
        drop(f);
        let record = Record {
            request: request.to_owned(),
            etag: Some("\"v1\"".to_owned()),
            last_modified: None,
            fetched: now(),
        };
        cache.put("fred", record.clone(), &tmp).unwrap();
        let entry = cache.get("fred", request).unwrap();
        assert_eq!(entry.record, record);
        assert_eq!(fs::read(&entry.body).unwrap(), b"period,value\n");
        assert!(entry.record.age() < Duration::from_secs(5));
        // Another request, another provider: not found.
        assert!(cache.get("fred", "GET https://x/z").is_none());
        assert!(cache.get("ecb", request).is_none());
        // A record naming another request (a hash collision) is a miss.
        let (meta, _) = cache.paths("fred", request);
        let foreign = Record {
            request: "GET other".to_owned(),
            ..record
        };
        fs::write(&meta, serde_json::to_string(&foreign).unwrap()).unwrap();
        assert!(cache.get("fred", request).is_none());
        let _ = fs::remove_dir_all(cache.dir());
    }

    #[test]
    fn temporary_bodies_are_removed() {
        let (path, mut f) = scratch().unwrap();
        f.write_all(b"x").unwrap();
        drop(f);
        let body = Body::temporary(path.clone());
        let mut text = String::new();
        body.open().unwrap().read_to_string(&mut text).unwrap();
        assert_eq!(text, "x");
        drop(body);
        assert!(!path.exists());
    }

    #[test]
    fn hash_is_fnv1a() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(hash(""), "cbf29ce484222325");
        assert_eq!(hash("a"), "af63dc4c8601ec8c");
        assert_eq!(hash("foobar"), "85944171f73967e8");
    }
}
