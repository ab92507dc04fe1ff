//! Loading: walk the corpus paths, read the files in parallel, decode them, and report every
//! problem as a warning without stopping.

use crate::model::Warning;
use anyhow::{bail, Result};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

mod decode;
mod jsonl;
mod walk;

pub use decode::{decode, decode_owned, Decoded};
pub use jsonl::read_jsonl;
use walk::*;

/// Files larger than this are refused with a warning rather than read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How a load treats links and how much text it may hold.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Follow links that lead out of the folders given (off: they are reported and skipped).
    pub follow_links: bool,
    /// The most bytes of text held in all; files past it are refused with a warning.
    pub max_text: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            follow_links: false,
            max_text: default_max_text(),
        }
    }
}

/// A quarter of the machine's physical memory (1 GiB when it cannot be told).
pub fn default_max_text() -> u64 {
    #[cfg(unix)]
    {
        // SAFETY: sysconf only reads system configuration.
        let (pages, size) = unsafe {
            (
                libc::sysconf(libc::_SC_PHYS_PAGES),
                libc::sysconf(libc::_SC_PAGESIZE),
            )
        };
        if pages > 0 && size > 0 {
            return (pages as u64).saturating_mul(size as u64) / 4;
        }
    }
    1 << 30
}

/// Read a size as a person writes it: `500M`, `2G`, `64k`, `1000000` (bytes).
pub fn parse_size(s: &str) -> Option<u64> {
    let t = s.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().ok()?;
    let mult = match unit
        .trim()
        .to_ascii_lowercase()
        .trim_end_matches(['b', 'i'])
    {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        "t" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let v = n * mult;
    (v.is_finite() && v >= 0.0).then_some(v as u64)
}

/// Bytes as a person reads them: "63.0 MiB".
pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} bytes")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// The seed articles compiled into the binary: (file name, text).
pub const SEEDS: &[(&str, &str)] = &[
    (
        "000_140278ac78e69803.txt",
        include_str!("../../seeds/000_140278ac78e69803.txt"),
    ),
    (
        "001_bcdeee2dc5196373.txt",
        include_str!("../../seeds/001_bcdeee2dc5196373.txt"),
    ),
    (
        "002_4d0cb910a6467354.txt",
        include_str!("../../seeds/002_4d0cb910a6467354.txt"),
    ),
    (
        "003_0951e30b849bc137.txt",
        include_str!("../../seeds/003_0951e30b849bc137.txt"),
    ),
    (
        "004_8802dec5a64da894.txt",
        include_str!("../../seeds/004_8802dec5a64da894.txt"),
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
    /// A folder's notes skipped: README, LICENSE, COPYING, CHANGELOG, whatever their extension.
    pub skipped_notes: usize,
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
    /// Named on the command line rather than found in a folder: taken again, it goes without
    /// a warning.
    named: bool,
}

/// Load every article under `paths` (folders walked recursively, or single files), with the
/// default options.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded> {
    load_paths_with(paths, &LoadOptions::default())
}

/// Load every article under `paths` (folders walked recursively, or single files).
///
/// A path that does not exist or cannot be read at all is an error; every problem inside a
/// folder is a warning and the load goes on.
pub fn load_paths_with(paths: &[PathBuf], options: &LoadOptions) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    let mut candidates = Vec::new();
    // Folders walked, as given and canonical: a folder given again, or one inside a folder
    // already walked, is read once, with one warning rather than one a file.
    let mut walked: Vec<(PathBuf, PathBuf)> = Vec::new();
    for root in paths {
        let meta = match fs::metadata(root) {
            Ok(m) => m,
            Err(e) => bail!("cannot read {}: {}", root.display(), io_reason(&e)),
        };
        if meta.is_dir() {
            let canonical = fs::canonicalize(root).unwrap_or_else(|_| root.clone());
            if let Some((given, c)) = walked.iter().find(|(_, c)| canonical.starts_with(c)) {
                let how = if canonical == *c {
                    "the same folder as"
                } else {
                    "inside"
                };
                loaded.warnings.push(Warning::new(
                    root.display().to_string(),
                    format!("{how} {}, given already; read once", given.display()),
                ));
                continue;
            }
            walk(root, options, &mut candidates, &mut loaded);
            walked.push((root.clone(), canonical));
        } else if meta.is_file() {
            match format_of(root) {
                Some(format) => {
                    // A file named on the command line must be readable: say so now, exit 2.
                    if let Err(e) = fs::File::open(root) {
                        bail!("cannot read {}: {}", root.display(), io_reason(&e));
                    }
                    candidates.push(Candidate {
                        path: root.clone(),
                        id: stem(root),
                        format,
                        named: true,
                    });
                }
                None => bail!(
                    "{}: not a .txt, .md, .jsonl or .ndjson file",
                    root.display()
                ),
            }
        } else {
            bail!("{}: not a regular file or folder", root.display());
        }
    }

    let budget = TextBudget::new(options.max_text);
    let claims = Claims::default();
    let results: Vec<FileRead> = candidates
        .par_iter()
        .enumerate()
        .map(|(i, c)| read_candidate(i, c, &budget, &claims))
        .collect();
    // A file reached twice (through a link, a hard link or two roots) is one article, taken
    // from the first path to it in the walk. A later path that opened it first has read it too
    // (the two cores start at the two halves of the list) and given its bytes back; its
    // reading is dropped here, with a warning naming the first path. Every candidate that
    // opened a file claimed it, so the claims end holding the first path to each.
    let first = claims
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for (i, (r, c)) in results.into_iter().zip(&candidates).enumerate() {
        if let Some(&at) = r.file.as_ref().and_then(|f| first.get(f)) {
            if at != i {
                if !c.named {
                    let taken = candidates.get(at).map_or(c, |t| t).path.display();
                    loaded.warnings.push(Warning::new(
                        c.path.display().to_string(),
                        format!("the same file as {taken}; read once"),
                    ));
                }
                continue;
            }
        }
        loaded.docs.extend(r.docs);
        loaded.warnings.extend(r.warnings);
        loaded.bytes += r.bytes;
    }
    unique_ids(&mut loaded.docs, &mut loaded.warnings);
    Ok(loaded)
}

/// Give every article a unique id: a later article whose id is taken (two roots with the same
/// layout, two JSONL records with one `id`) gets the first free `ID~N`, with a warning.
fn unique_ids(docs: &mut [RawDoc], warnings: &mut Vec<Warning>) {
    for (i, old) in crate::model::make_unique(docs.iter_mut().map(|d| &mut d.id), "~") {
        let doc = &docs[i];
        warnings.push(Warning::new(
            doc.path.clone(),
            format!(
                "id \"{old}\" is taken by another article; this one is \"{}\"",
                doc.id
            ),
        ));
    }
}

/// The text a load may still take, shared by the reading threads.
struct TextBudget {
    limit: u64,
    used: std::sync::atomic::AtomicU64,
}

impl TextBudget {
    fn new(limit: u64) -> TextBudget {
        TextBudget {
            limit,
            used: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Give back `n` bytes taken for a text that is not kept.
    fn give_back(&self, n: u64) {
        use std::sync::atomic::Ordering;
        let _ = self
            .used
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |used| {
                Some(used.saturating_sub(n))
            });
    }

    /// Take `n` bytes, or say why not.
    fn take(&self, n: u64) -> std::result::Result<(), String> {
        use std::sync::atomic::Ordering;
        let mut used = self.used.load(Ordering::Relaxed);
        loop {
            let after = used.saturating_add(n);
            if after > self.limit {
                return Err(format!(
                    "refused: {} more would pass the limit on text held ({}, set with --max-text); skipped",
                    human_bytes(n),
                    human_bytes(self.limit)
                ));
            }
            match self
                .used
                .compare_exchange_weak(used, after, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return Ok(()),
                Err(now) => used = now,
            }
        }
    }
}

/// Files read so far by the load in progress, for a progress display.
pub static FILES_READ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A file's device and inode.
type FileId = (u64, u64);

/// The first candidate (by its place in the walk) that opened each file so far.
type Claims = std::sync::Mutex<HashMap<FileId, usize>>;

/// What reading one candidate gave.
struct FileRead {
    docs: Vec<RawDoc>,
    warnings: Vec<Warning>,
    /// Bytes read.
    bytes: u64,
    /// The file opened, when it could be.
    file: Option<FileId>,
}

impl FileRead {
    /// Nothing kept: a candidate before this one in the walk holds file `id`.
    fn skipped(id: FileId) -> FileRead {
        FileRead {
            docs: vec![],
            warnings: vec![],
            bytes: 0,
            file: Some(id),
        }
    }

    fn failed(file: Option<FileId>, warning: Warning) -> FileRead {
        FileRead {
            docs: vec![],
            warnings: vec![warning],
            bytes: 0,
            file,
        }
    }
}

#[cfg(unix)]
fn file_id(meta: &fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_meta: &fs::Metadata) -> Option<FileId> {
    None
}

/// Read candidate `i`, unless a candidate before it in the walk has opened the same file.
fn read_candidate(i: usize, c: &Candidate, budget: &TextBudget, claims: &Claims) -> FileRead {
    FILES_READ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let shown = c.path.display().to_string();
    let (file, meta) = match open_regular(&c.path) {
        Ok(opened) => opened,
        Err(msg) => return FileRead::failed(None, Warning::new(shown, msg)),
    };
    let id = file_id(&meta);
    if let Some(id) = id {
        let mut claims = claims
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let first = claims.entry(id).or_insert(i);
        if *first < i {
            return FileRead::skipped(id);
        }
        *first = i;
    }
    let bytes = match read_limited(file, &meta, budget) {
        Ok(b) => b,
        Err(msg) => return FileRead::failed(id, Warning::new(shown, msg)),
    };
    // A path before this one in the walk may have opened the same file meanwhile: it keeps the
    // file, and the budget gets these bytes back.
    if let Some(id) = id {
        let claims = claims
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if claims.get(&id).is_some_and(|&first| first < i) {
            budget.give_back(meta.len());
            return FileRead::skipped(id);
        }
    }
    let n = bytes.len() as u64;
    let (docs, warnings) = match c.format {
        Format::Text => match decode_owned(bytes) {
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
                (vec![doc], warnings)
            }
            Decoded::Skip(msg) => (vec![], vec![Warning::new(shown, msg)]),
        },
        Format::Jsonl => read_jsonl(&c.id, &shown, &bytes),
    };
    FileRead {
        docs,
        warnings,
        bytes: n,
        file: id,
    }
}

/// Open a file without blocking (a FIFO put in a file's place must not stall the load) and
/// check that what was opened is a regular file.
fn open_regular(path: &Path) -> std::result::Result<(fs::File, fs::Metadata), String> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options
        .open(path)
        .map_err(|e| format!("cannot open: {}", io_reason(&e)))?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    if !meta.is_file() {
        return Err(format!(
            "{}; skipped",
            describe_file_type(&meta.file_type())
        ));
    }
    Ok((file, meta))
}

fn read_limited(
    file: fs::File,
    meta: &fs::Metadata,
    budget: &TextBudget,
) -> std::result::Result<Vec<u8>, String> {
    let len = meta.len();
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "file is {} ({len} bytes), over the {} MiB limit for one file; skipped",
            human_bytes(len),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    budget.take(len)?;
    let mut bytes = Vec::with_capacity(len as usize);
    // The size the file had when opened is read, and no read more to find its end. A file
    // that says it is empty may not be (`/proc`): it is read to its end, within the limit.
    let limit = if len > 0 { len } else { MAX_FILE_BYTES + 1 };
    file.take(limit)
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
    fn utf16_and_utf32_with_a_bom_are_decoded() {
        let mut le16 = vec![0xFF, 0xFE];
        le16.extend(
            "Title\r\n\r\nBody é 上海."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        assert_eq!(
            decode(&le16),
            Decoded::Text("Title\n\nBody é 上海.".into(), None)
        );
        let mut be16 = vec![0xFE, 0xFF];
        be16.extend("Hi 🤝".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be16), Decoded::Text("Hi 🤝".into(), None));
        let mut le32 = vec![0xFF, 0xFE, 0, 0];
        le32.extend("Hi 🤝".chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert_eq!(decode(&le32), Decoded::Text("Hi 🤝".into(), None));
        // A lone surrogate is replaced and reported with its offset.
        let bad = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        let Decoded::Text(t, Some(w)) = decode(&bad) else {
            panic!("expected lossy text");
        };
        assert_eq!(t, "a\u{FFFD}b");
        assert!(w.contains("UTF-16LE") && w.contains("offset 4"), "{w}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_a_file_s_place_is_refused_without_blocking() {
        // Between the walk and the read a file can be swapped for a FIFO: opening it must not
        // wait for a writer.
        let dir = std::env::temp_dir().join(format!("dossier-fifo-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::create_dir_all(&dir);
        let fifo = dir.join("swapped.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _ = tx.send(open_regular(&path).map(|_| ()));
        });
        let got = rx.recv_timeout(std::time::Duration::from_secs(5));
        let _ = fs::remove_dir_all(&dir);
        match got {
            Ok(Err(msg)) => assert!(msg.contains("FIFO"), "{msg}"),
            Ok(Ok(_)) => panic!("a FIFO was read as a file"),
            Err(_) => panic!("opening a FIFO blocked the load"),
        }
    }

    #[test]
    fn the_limit_on_text_held_refuses_what_passes_it() {
        let budget = TextBudget::new(1000);
        assert!(budget.take(600).is_ok());
        // A text read twice and dropped gives its bytes back.
        assert!(budget.take(300).is_ok());
        budget.give_back(300);
        let refused = budget.take(600);
        assert!(
            refused.as_ref().is_err_and(|m| m.contains("--max-text")),
            "{refused:?}"
        );
        assert!(budget.take(400).is_ok());
    }

    #[test]
    fn every_leading_bom_is_removed() {
        assert_eq!(
            decode("\u{FEFF}\u{FEFF}Title\n\nBody.".as_bytes()),
            Decoded::Text("Title\n\nBody.".into(), None)
        );
    }

    #[test]
    fn taken_ids_get_the_first_free_suffix() {
        let doc = |id: &str, path: &str| RawDoc {
            id: id.into(),
            path: path.into(),
            text: "t".into(),
            record: None,
        };
        let mut docs = vec![doc("x", "a"), doc("x", "b"), doc("x~2", "c"), doc("x", "d")];
        let mut warnings = Vec::new();
        unique_ids(&mut docs, &mut warnings);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["x", "x~3", "x~2", "x~4"]);
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].message.contains("x~3"), "{:?}", warnings[0]);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("500M"), Some(500 << 20));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("64KiB"), Some(64 << 10));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(human_bytes(66_060_288), "63.0 MiB");
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
        assert!(
            warnings[0].message.contains("not valid JSON"),
            "{:?}",
            warnings[0]
        );
    }

    #[test]
    fn jsonl_type_errors_say_which_field_in_plain_words() {
        let input = br#"{"title": "A", "authors": 7}
{"title": ["x"], "body": "b"}
[1, 2]
{"title": "Fine", "authors": "One Author", "id": 12}
"#;
        let (docs, warnings) = read_jsonl("feed", "feed.jsonl", input);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "12");
        let msgs: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
        assert!(msgs[0].contains("\"authors\" is a number"), "{msgs:?}");
        assert!(msgs[1].contains("\"title\" is a list"), "{msgs:?}");
        assert!(msgs[2].contains("not a JSON object"), "{msgs:?}");
        assert!(
            msgs.iter()
                .all(|m| !m.contains("untagged") && !m.contains("enum")),
            "{msgs:?}"
        );
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
