//! Loading: walk the corpus paths, read the files in parallel, decode them, and report every
//! problem as a warning without stopping.

use crate::model::Warning;
use anyhow::{bail, Result};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are refused with a warning rather than read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The seed articles compiled into the binary: (file name, text).
pub const SEEDS: &[(&str, &str)] = &[
    (
        "000_140278ac78e69803.txt",
        include_str!("../seeds/000_140278ac78e69803.txt"),
    ),
    (
        "001_bcdeee2dc5196373.txt",
        include_str!("../seeds/001_bcdeee2dc5196373.txt"),
    ),
    (
        "002_4d0cb910a6467354.txt",
        include_str!("../seeds/002_4d0cb910a6467354.txt"),
    ),
    (
        "003_0951e30b849bc137.txt",
        include_str!("../seeds/003_0951e30b849bc137.txt"),
    ),
    (
        "004_8802dec5a64da894.txt",
        include_str!("../seeds/004_8802dec5a64da894.txt"),
    ),
];

/// Metadata a structured record (a JSONL line) gives directly.
#[derive(Debug, Clone, Default)]
pub struct RecordMeta {
    /// `title`.
    pub title: Option<String>,
    /// `source`.
    pub source: Option<String>,
    /// `authors`.
    pub authors: Vec<String>,
    /// `date`, as given.
    pub date: Option<String>,
    /// `url`.
    pub url: Option<String>,
}

/// One article's decoded text before parsing.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// Article id (relative path without extension, or the record's id).
    pub id: String,
    /// Path it came from (with `:LINE` for a JSONL record).
    pub path: String,
    /// Decoded text.
    pub text: String,
    /// Present for JSONL records, whose title is the first line of `text`.
    pub record: Option<RecordMeta>,
}

/// What a load produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Decoded documents, in path order.
    pub docs: Vec<RawDoc>,
    /// Every problem met.
    pub warnings: Vec<Warning>,
    /// Files skipped because their extension is not one dossier reads.
    pub skipped_other: usize,
    /// Bytes read from disk.
    pub bytes: u64,
}

/// The bundled seed articles.
pub fn load_seeds() -> Loaded {
    let mut loaded = Loaded::default();
    for (name, text) in SEEDS {
        loaded.bytes += text.len() as u64;
        let id = name.trim_end_matches(".txt").to_string();
        let path = format!("seeds/{name}");
        match decode(text.as_bytes()) {
            Decoded::Text(text, _) => loaded.docs.push(RawDoc {
                id,
                path,
                text,
                record: None,
            }),
            Decoded::Skip(msg) => loaded.warnings.push(Warning::new(path, msg)),
        }
    }
    loaded
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Jsonl,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" => Some(Format::Text),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    }
}

/// A file found by the walk, with the id it will get.
struct Candidate {
    path: PathBuf,
    id: String,
    format: Format,
}

/// Load every article under `paths` (folders walked recursively, or single files).
///
/// A path that does not exist or cannot be read at all is an error; every problem inside a
/// folder is a warning and the load goes on.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    let mut candidates = Vec::new();
    for root in paths {
        let meta = match fs::metadata(root) {
            Ok(m) => m,
            Err(e) => bail!("cannot read {}: {}", root.display(), io_reason(&e)),
        };
        if meta.is_dir() {
            walk(root, &mut candidates, &mut loaded);
        } else if meta.is_file() {
            match format_of(root) {
                Some(format) => candidates.push(Candidate {
                    path: root.clone(),
                    id: stem(root),
                    format,
                }),
                None => bail!(
                    "{}: not a .txt, .md, .jsonl or .ndjson file",
                    root.display()
                ),
            }
        } else {
            bail!("{}: not a regular file or folder", root.display());
        }
    }

    let results: Vec<(Vec<RawDoc>, Vec<Warning>, u64)> =
        candidates.par_iter().map(read_candidate).collect();
    for (docs, warnings, bytes) in results {
        loaded.docs.extend(docs);
        loaded.warnings.extend(warnings);
        loaded.bytes += bytes;
    }
    dedupe_ids(&mut loaded.docs);
    Ok(loaded)
}

fn walk(root: &Path, out: &mut Vec<Candidate>, loaded: &mut Loaded) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                let message = if let Some(ancestor) = e.loop_ancestor() {
                    format!("link loop back to {}; not followed", ancestor.display())
                } else if let Some(io) = e.io_error() {
                    if is_broken_link(e.path()) {
                        "broken link; skipped".to_string()
                    } else {
                        format!("cannot read: {}", io_reason(io))
                    }
                } else {
                    format!("cannot read: {e}")
                };
                loaded.warnings.push(Warning::new(path, message));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        let Some(format) = format_of(path) else {
            loaded.skipped_other += 1;
            continue;
        };
        if !entry.file_type().is_file() {
            loaded.warnings.push(Warning::new(
                path.display().to_string(),
                format!("{}; skipped", describe_special(&entry)),
            ));
            continue;
        }
        let id = relative_id(root, path);
        out.push(Candidate {
            path: path.to_path_buf(),
            id,
            format,
        });
    }
}

fn is_broken_link(path: Option<&Path>) -> bool {
    path.is_some_and(|p| {
        fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
            && fs::metadata(p).is_err()
    })
}

#[cfg(unix)]
fn describe_special(entry: &walkdir::DirEntry) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let ft = entry.file_type();
    if ft.is_fifo() {
        "a named pipe (FIFO), not a regular file"
    } else if ft.is_char_device() || ft.is_block_device() {
        "a device, not a regular file"
    } else if ft.is_socket() {
        "a socket, not a regular file"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn describe_special(_entry: &walkdir::DirEntry) -> &'static str {
    "not a regular file"
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = stem(Path::new(last.as_str()));
    }
    parts.join("/")
}

/// Give a suffix to ids that would otherwise clash (two corpus roots with the same layout).
fn dedupe_ids(docs: &mut [RawDoc]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for doc in docs.iter_mut() {
        let n = seen.entry(doc.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            doc.id = format!("{}~{}", doc.id, n);
        }
    }
}

/// Files read so far by the load in progress, for a progress display.
pub static FILES_READ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn read_candidate(c: &Candidate) -> (Vec<RawDoc>, Vec<Warning>, u64) {
    FILES_READ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let shown = c.path.display().to_string();
    let bytes = match read_limited(&c.path) {
        Ok(b) => b,
        Err(msg) => return (vec![], vec![Warning::new(shown, msg)], 0),
    };
    let n = bytes.len() as u64;
    match c.format {
        Format::Text => match decode(&bytes) {
            Decoded::Text(text, warning) => {
                let warnings = warning
                    .map(|m| Warning::new(&shown, m))
                    .into_iter()
                    .collect();
                let doc = RawDoc {
                    id: c.id.clone(),
                    path: shown,
                    text,
                    record: None,
                };
                (vec![doc], warnings, n)
            }
            Decoded::Skip(msg) => (vec![], vec![Warning::new(shown, msg)], n),
        },
        Format::Jsonl => {
            let (docs, warnings) = read_jsonl(&c.id, &shown, &bytes);
            (docs, warnings, n)
        }
    }
}

fn read_limited(path: &Path) -> std::result::Result<Vec<u8>, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "file is {len} bytes, over the {} MiB limit; skipped",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "file grew past the {} MiB limit while being read; skipped",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// The outcome of decoding one file's bytes.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// The text, with a warning when it had to be decoded lossily.
    Text(String, Option<String>),
    /// The file is not an article; the reason.
    Skip(String),
}

/// Decode bytes as an article: UTF-8 (lossily, with the first bad offset), BOM removed, CRLF and
/// CR line ends turned into LF; binary (NUL bytes), empty and whitespace-only input skipped.
pub fn decode(bytes: &[u8]) -> Decoded {
    if bytes.is_empty() {
        return Decoded::Skip("empty file; skipped".into());
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Decoded::Skip(format!("binary file (NUL byte at offset {pos}); skipped"));
    }
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let (text, warning) = match std::str::from_utf8(body) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let offset = e.valid_up_to() + bom;
            let byte = bytes.get(offset).copied().unwrap_or(0);
            (
                String::from_utf8_lossy(body).into_owned(),
                Some(format!(
                    "invalid UTF-8: first bad byte 0x{byte:02X} at offset {offset}; decoded lossily"
                )),
            )
        }
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Decoded::Skip("only whitespace; skipped".into());
    }
    Decoded::Text(text, warning)
}

#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    title: Option<String>,
    body: Option<String>,
    text: Option<String>,
    source: Option<String>,
    #[serde(default)]
    authors: Option<Authors>,
    date: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Authors {
    One(String),
    Many(Vec<String>),
}

fn read_jsonl(file_id: &str, shown: &str, bytes: &[u8]) -> (Vec<RawDoc>, Vec<Warning>) {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    let text = match decode(bytes) {
        Decoded::Text(t, w) => {
            if let Some(w) = w {
                warnings.push(Warning::new(shown, w));
            }
            t
        }
        Decoded::Skip(msg) => return (docs, vec![Warning::new(shown, msg)]),
    };
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let where_ = format!("{shown}:{line_no}");
        let record: JsonRecord = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                warnings.push(Warning::new(where_, format!("not a JSON article: {e}")));
                continue;
            }
        };
        let body = record.body.or(record.text).unwrap_or_default();
        let title = record.title.filter(|t| !t.trim().is_empty());
        if body.trim().is_empty() && title.is_none() {
            warnings.push(Warning::new(
                where_,
                "record has no title and no body; skipped",
            ));
            continue;
        }
        let clean = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
        let title_line = title.as_deref().map(|t| clean(t).replace('\n', " "));
        let text = match &title_line {
            Some(t) => format!("{t}\n\n{}", clean(&body)),
            None => clean(&body),
        };
        let id = match record.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{file_id}/{line_no}"),
        };
        let authors = match record.authors {
            Some(Authors::One(a)) => vec![a],
            Some(Authors::Many(v)) => v,
            None => vec![],
        };
        docs.push(RawDoc {
            id,
            path: where_,
            text,
            record: Some(RecordMeta {
                title: title_line,
                source: record.source.filter(|s| !s.trim().is_empty()),
                authors: authors
                    .into_iter()
                    .filter(|a| !a.trim().is_empty())
                    .collect(),
                date: record.date.filter(|s| !s.trim().is_empty()),
                url: record.url.filter(|s| !s.trim().is_empty()),
            }),
        });
    }
    (docs, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_decoding_names_the_first_bad_byte() {
        let Decoded::Text(text, Some(w)) = decode(b"Price: \xA3300 today") else {
            panic!("expected lossy text with a warning");
        };
        assert!(w.contains("offset 7"), "{w}");
        assert!(w.contains("0xA3"), "{w}");
        assert_eq!(text, "Price: \u{FFFD}300 today");
    }

    #[test]
    fn bom_and_crlf_are_normalised() {
        let Decoded::Text(text, None) = decode(b"\xEF\xBB\xBFTitle\r\n\r\nBody.\rMore.") else {
            panic!("expected clean text");
        };
        assert_eq!(text, "Title\n\nBody.\nMore.");
    }

    #[test]
    fn binary_empty_and_blank_files_are_skipped() {
        assert!(matches!(decode(b"ab\0cd"), Decoded::Skip(m) if m.contains("offset 2")));
        assert!(matches!(decode(b""), Decoded::Skip(m) if m.contains("empty")));
        assert!(matches!(decode(b" \n\t\n"), Decoded::Skip(m) if m.contains("whitespace")));
    }

    #[test]
    fn jsonl_records_become_articles_and_bad_lines_warnings() {
        let input = br#"{"id": "a1", "title": "Hello", "body": "World.", "authors": ["X Y"], "date": "2020-01-02"}
not json
{"title": "", "body": ""}
{"text": "Only body."}
"#;
        let (docs, warnings) = read_jsonl("feed", "feed.jsonl", input);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "a1");
        assert_eq!(docs[0].text, "Hello\n\nWorld.");
        assert_eq!(docs[1].id, "feed/4");
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].path.ends_with(":2"));
    }

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(
            relative_id(Path::new("/c"), Path::new("/c/sport/199.txt")),
            "sport/199"
        );
    }

    #[test]
    fn seeds_are_embedded() {
        let loaded = load_seeds();
        assert_eq!(loaded.docs.len(), 5);
        assert!(loaded.warnings.is_empty());
    }
}
