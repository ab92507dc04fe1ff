//! Hostile input: files that crash, stall or try to drive the terminal, made by the tests in a
//! temporary folder (never committed: FIFOs, devices and links are made here). Each finding of
//! the robustness issue has its regression test.

mod common;
use common::*;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// An article body that tries every kind of terminal escape, and text that must survive.
const ESCAPES: &str = "Evil \u{1b}]0;pwned-title\u{7} headline\n\n\
Body with \u{1b}[2J a clear, \u{1b}]52;c;cHduZWQ=\u{7} a clipboard write, \u{9b}31m a C1 CSI, \
\u{1b}[31mred\u{1b}[0m and a bell\u{7}. Bidi: abc\u{202e}cba\u{202c} and \u{2066}iso\u{2069}. \
Zero width: a\u{200b}b\u{feff}c. Separators: one\u{2028}two\u{2029}three. \
Family: \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}. Persian: می\u{200c}خواهم. Hindi: क्\u{200d}ष. \
CJK: 上海市政府. Arabic: مرحبا بالعالم. Said Maria Kowalski, \"We stand by this report in full.\"\n";

fn write(path: &Path, text: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

fn warnings_of(stats: &serde_json::Value) -> Vec<(String, String)> {
    stats["warnings"]
        .as_array()
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    (
                        w["path"].as_str().unwrap_or_default().to_string(),
                        w["message"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The warning whose path ends with `tail`.
fn warning_for(warnings: &[(String, String)], tail: &str) -> String {
    warnings
        .iter()
        .find(|(p, _)| p.ends_with(tail))
        .map(|(_, m)| m.clone())
        .unwrap_or_else(|| panic!("no warning for {tail}: {warnings:#?}"))
}

/// The article of escapes, and a file whose name is one.
fn write_escape_files(dir: &Path) {
    write(&dir.join("escapes.txt"), ESCAPES);
    write(
        &dir.join("\u{1b}]0;file-title\u{7}name.txt"),
        "Named badly\n\nThe Harbour Board met.\n",
    );
}

/// A small corpus of files that once reached the terminal raw or crashed a listing.
fn small_hostile(name: &str) -> PathBuf {
    let dir = scratch(name);
    write_escape_files(&dir);
    write(
        &dir.join("\u{1b}[2Jclear.txt"),
        "Cleared\n\nThe Harbour Board met again.\n",
    );
    write(
        &dir.join("feed.jsonl"),
        // JSON writes the escape as \u001b; the id then holds a real ESC and BEL.
        "{\"id\": \"\\u001b]0;json-title\\u0007\", \"title\": \"Escaped id\", \"body\": \"Maria Kowalski met the Harbour Board.\"}\n",
    );
    dir
}

#[test]
fn curly_quotes_after_multibyte_characters_load() {
    let dir = scratch("hostile_quotes");
    write(
        &dir.join("quote_crash.txt"),
        "A deal in Paris\n\nThe deal ( the “ Agreement ”) was signed by “ Lender ” in Paris .\n",
    );
    write(
        &dir.join("run_on.txt"),
        "Run on\n\n“We will go on to the end of the line, all of us together, é”\n\n“And then some more words here,” she said.\n",
    );
    let out = run(&["export", "--corpus", dir.to_str().unwrap_or_default()]);
    assert!(out.status.success(), "export failed: {}", stderr(&out));
    let ex = json(&out);
    let ids: Vec<&str> = ex["articles"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["id"].as_str()).collect())
        .unwrap_or_default();
    assert!(ids.contains(&"quote_crash"), "{ids:?}");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn no_command_prints_a_terminal_escape_from_the_corpus() {
    let dir = small_hostile("hostile_escapes");
    let d = dir.to_str().unwrap_or_default();
    let commands: Vec<Vec<&str>> = vec![
        vec!["list", "articles", "--corpus", d],
        vec!["list", "people", "--corpus", d],
        vec!["list", "quotes", "--corpus", d],
        vec!["list", "figures", "--corpus", d],
        vec!["search", "harbour", "--corpus", d],
        vec!["search", "a:", "--corpus", d],
        vec!["show", "Maria Kowalski", "--corpus", d],
        vec!["show", "Harbour Board", "--corpus", d],
        vec!["read", "escapes", "--corpus", d],
        vec!["read", "nonexistent\u{1b}[2J", "--corpus", d],
        vec!["read", "\u{1b}", "--corpus", d],
        vec!["stats", "--corpus", d],
        vec!["stats", "--json", "--corpus", d],
        vec!["export", "--corpus", d],
        vec!["list", "articles", "--json", "--corpus", d],
        // No command and no terminal: the summary.
        vec!["--corpus", d],
    ];
    for args in commands {
        let out = run(&args);
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?} panicked: {}",
            stderr(&out)
        );
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            if let Some(c) = has_terminal_hazard(&text) {
                panic!("{args:?} printed {c:?} on {stream}:\n{text}");
            }
        }
    }
    // What survives: CJK, right-to-left text, and joiners inside emoji and words.
    let read = stdout(&run(&["read", "escapes", "--corpus", d]));
    for kept in [
        "上海市政府",
        "مرحبا بالعالم",
        "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
        "می\u{200c}خواهم",
        "क्\u{200d}ष",
        "one two three",
    ] {
        assert!(read.contains(kept), "{kept:?} lost:\n{read}");
    }
    // The escape is shown, not sent: a visible stand-in takes its place.
    assert!(read.contains("\u{241b}[2J"), "{read}");
    // The record with an escaped id loaded, and its id shows the stand-ins.
    let st = json(&run(&["stats", "--json", "--corpus", d]));
    assert_eq!(st["articles"], 4, "{st}");
    // Listed by its short id (cut at the hyphen), and read back in full, with stand-ins.
    let list = stdout(&run(&["list", "articles", "--corpus", d]));
    assert!(
        list.contains("\u{241b}]0;json "),
        "the escaped id is shown with stand-ins:\n{list}"
    );
    let shown = stdout(&run(&["read", "\u{1b}]0;json", "--corpus", d]));
    assert!(
        shown.contains("(\u{241b}]0;json-title\u{2407})"),
        "the full escaped id is shown with stand-ins:\n{shown}"
    );
    // The JSON export keeps the text exact (escaped, never raw).
    let ex = json(&run(&["export", "--corpus", d]));
    let text = ex["articles"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == "escapes"))
        .and_then(|x| x["text"].as_str())
        .unwrap_or_default()
        .to_string();
    assert_eq!(text, ESCAPES);
}

#[test]
fn wide_text_and_repeated_byte_order_marks_are_read() {
    let dir = scratch("hostile_wide");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Wide text\r\n\r\nThe Harbour Board met in UTF-16."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(&dir.join("utf16.txt"), utf16);
    let mut utf32 = vec![0, 0, 0xFE, 0xFF];
    utf32.extend(
        "Wider text\n\nThe Harbour Board met in UTF-32."
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes()),
    );
    write(&dir.join("utf32.txt"), utf32);
    write(
        &dir.join("double_bom.txt"),
        "\u{feff}\u{feff}Two marks\n\nBody text here.\n",
    );
    let d = dir.to_str().unwrap_or_default();
    let st = json(&run(&["stats", "--json", "--corpus", d]));
    assert_eq!(st["articles"], 3, "{st}");
    assert_eq!(warnings_of(&st), Vec::<(String, String)>::new());
    let list = stdout(&run(&["list", "articles", "--corpus", d]));
    for title in ["Wide text", "Wider text", "Two marks"] {
        assert!(
            list.lines().any(|l| l.ends_with(title)),
            "{title:?} is not a clean title:\n{list}"
        );
    }
}

#[test]
fn a_65536_character_id_lists_and_shows() {
    let dir = scratch("hostile_long_id");
    let long_id = "x".repeat(65_536);
    write(
        &dir.join("feed.jsonl"),
        format!(
            "{{\"id\": \"{long_id}\", \"title\": \"Long id\", \"body\": \"Maria Kowalski spoke for the Harbour Board again.\"}}\n"
        ),
    );
    let d = dir.to_str().unwrap_or_default();
    let out = run(&["list", "articles", "--corpus", d]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Long id"), "{}", stdout(&out));
    let out = run(&["show", "Maria Kowalski", "--corpus", d]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_panic_in_one_article_is_a_warning_and_the_rest_opens() {
    let out = std::process::Command::new(bin())
        .args(["stats", "--json"])
        .env("DOSSIER_PANIC_IN", "002_4d0cb910a6467354")
        .output()
        .expect("run dossier");
    assert!(out.status.success(), "{}", stderr(&out));
    let st = json(&out);
    assert_eq!(st["articles"], 5);
    let warnings = warnings_of(&st);
    let w = warning_for(&warnings, "002_4d0cb910a6467354.txt");
    assert!(w.contains("failed to extract"), "{w}");
    assert!(
        !stderr(&out).contains("panicked"),
        "a caught panic printed: {}",
        stderr(&out)
    );
    // The other articles keep their entities.
    let people = std::process::Command::new(bin())
        .args(["show", "Gong Zheng"])
        .env("DOSSIER_PANIC_IN", "002_4d0cb910a6467354")
        .output()
        .expect("run dossier");
    assert!(people.status.success(), "{}", stderr(&people));
}

#[test]
fn an_unreadable_file_given_by_name_exits_2() {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let has_setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let dir = scratch("hostile_unreadable");
    let file = dir.join("locked.txt");
    write(&file, "Locked\n\nNobody may read this.\n");
    let _ = std::process::Command::new("chmod")
        .args(["0777", dir.to_str().unwrap_or_default()])
        .status();
    let _ = std::process::Command::new("chmod")
        .args(["000", file.to_str().unwrap_or_default()])
        .status();
    let out = if is_root {
        if !has_setpriv {
            skip("SKIP: running as root without setpriv; cannot drop privileges to test an unreadable file");
            return;
        }
        std::process::Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(bin())
            .args(["stats", "--corpus"])
            .arg(&file)
            .output()
            .expect("run dossier as nobody")
    } else {
        std::process::Command::new(bin())
            .args(["stats", "--corpus"])
            .arg(&file)
            .output()
            .expect("run dossier")
    };
    let err = stderr(&out);
    if err.contains("Permission denied") && err.contains("setpriv") || err.contains("No such file")
    {
        skip(&format!(
            "SKIP: nobody cannot run the test binary here: {err}"
        ));
        return;
    }
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains("permission denied"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

/// The full hostile corpus of the issue, built in a temporary folder.
fn build_full_hostile(dir: &Path) -> bool {
    write(
        &dir.join("quote_crash.txt"),
        "A deal in Paris\n\nThe deal ( the “ Agreement ”) was signed by “ Lender ” in Paris .\n",
    );
    write_escape_files(dir);
    write(
        &dir.join("bad_utf8.txt"),
        b"Bad bytes\n\nPrice: \xA3300 today.\n",
    );
    let bad_name = dir.join(std::ffi::OsStr::from_bytes(b"name\xFF.txt"));
    write(&bad_name, "Bad name\n\nThe Harbour Board met once more.\n");
    write(&dir.join("nul.txt"), b"Binary\0file\n");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Wide text\r\n\r\nThe Harbour Board met in UTF-16."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(&dir.join("utf16.txt"), utf16);
    write(
        &dir.join("double_bom.txt"),
        "\u{feff}\u{feff}Two marks\n\nBody text here.\n",
    );
    write(
        &dir.join("feed.jsonl"),
        "{\"id\": \"dup\", \"title\": \"One\", \"body\": \"First.\"}\n\
         {\"id\": \"dup\", \"title\": \"Two\", \"body\": \"Second.\"}\n\
         {\"title\": \"Typed\", \"authors\": 7}\n",
    );
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());
    let _ = symlink("/dev/zero", dir.join("zero.txt"));
    let _ = symlink("b_link.txt", dir.join("a_link.txt"));
    let _ = symlink("a_link.txt", dir.join("b_link.txt"));
    let _ = symlink("/", dir.join("root"));
    let _ = symlink("..", dir.join("parentdir"));
    // A 50 MB file on one line.
    let line = "The Harbour Board said trade rose 4% to $2bn in May as Maria Kowalski spoke. ";
    let mut huge = String::from("One long line\n\n");
    while huge.len() < 50 * 1024 * 1024 {
        huge.push_str(line);
    }
    write(&dir.join("huge.txt"), huge);
    // Deep nesting.
    let mut deep = dir.join("deep");
    for i in 0..100 {
        deep = deep.join(format!("d{i}"));
    }
    write(
        &deep.join("bottom.txt"),
        "Bottom\n\nThe Harbour Board met deep down.\n",
    );
    // A path longer than the system allows, made one folder at a time.
    let long = dir.join("long");
    std::fs::create_dir_all(&long).expect("long folder");
    make_over_long_path(&long, 18);
    // 100,000 tiny files.
    for d in 0..100 {
        let sub = dir.join("many").join(format!("{d:03}"));
        std::fs::create_dir_all(&sub).expect("many folder");
        for f in 0..1000 {
            std::fs::write(
                sub.join(format!("{f:04}.txt")),
                format!("Note {d} {f}\n\nA short note.\n"),
            )
            .expect("tiny file");
        }
    }
    made_fifo
}

/// Folders of 250-byte names `depth` deep under `root`, made relative to each other (no path
/// that long can be given whole), with an article at the bottom.
fn make_over_long_path(root: &Path, depth: usize) {
    use std::ffi::CString;
    let name = CString::new("n".repeat(250)).unwrap_or_default();
    let Ok(root_c) = CString::new(root.as_os_str().as_bytes()) else {
        return;
    };
    // SAFETY: plain POSIX calls on file descriptors this function opens and closes.
    unsafe {
        let mut fd = libc::open(root_c.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY);
        for _ in 0..depth {
            if fd < 0 {
                return;
            }
            libc::mkdirat(fd, name.as_ptr(), 0o755);
            let next = libc::openat(fd, name.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY);
            libc::close(fd);
            fd = next;
        }
        if fd < 0 {
            return;
        }
        let file = CString::new("far.txt").unwrap_or_default();
        let f = libc::openat(fd, file.as_ptr(), libc::O_CREAT | libc::O_WRONLY, 0o644);
        if f >= 0 {
            let body = b"Far\n\nToo deep to open.\n";
            libc::write(f, body.as_ptr().cast(), body.len());
            libc::close(f);
        }
        libc::close(fd);
    }
}

/// Peak memory of the largest child this process has waited for, in bytes.
fn children_max_rss() -> u64 {
    // SAFETY: getrusage fills the struct it is given.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) == 0 {
            (usage.ru_maxrss as u64) * 1024
        } else {
            0
        }
    }
}

#[test]
fn the_hostile_corpus_loads_in_seconds_with_a_warning_per_bad_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile_full");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("hostile folder");
    let made_fifo = build_full_hostile(&dir);
    let bin = release_bin();
    let start = std::time::Instant::now();
    let out = run_bin_with_limit(
        &bin,
        &[
            "stats",
            "--json",
            "--corpus",
            dir.to_str().unwrap_or_default(),
        ],
        Duration::from_secs(120),
    );
    let took = start.elapsed();
    let rss = children_max_rss();
    assert!(out.status.success(), "{}", stderr(&out));
    note(&format!(
        "hostile corpus: stats took {:.2} s, peak memory {} MB",
        took.as_secs_f64(),
        rss / 1_000_000
    ));
    let st = json(&out);
    let w = warnings_of(&st);
    assert!(warning_for(&w, "bad_utf8.txt").contains("offset 18"));
    assert!(warning_for(&w, "nul.txt").contains("binary"));
    assert!(warning_for(&w, "name\u{FFFD}.txt").contains("not valid UTF-8"));
    assert!(warning_for(&w, "zero.txt").contains("leads out of the corpus folder"));
    assert!(warning_for(&w, "a_link.txt").contains("link loop"));
    assert!(warning_for(&w, "b_link.txt").contains("link loop"));
    assert!(warning_for(&w, "root").contains("leads out of the corpus folder"));
    assert!(warning_for(&w, "parentdir").contains("leads out of the corpus folder"));
    assert!(warning_for(&w, "feed.jsonl:2").contains("\"dup\" is taken"));
    assert!(warning_for(&w, "feed.jsonl:3").contains("\"authors\" is a number"));
    assert!(
        w.iter()
            .any(|(p, m)| p.contains("/long/") && m.contains("too long")),
        "the over-long path is reported: {w:#?}"
    );
    if made_fifo {
        assert!(warning_for(&w, "pipe.txt").contains("FIFO"));
    }
    // Nothing is read twice through the links, and every good file is there: 100,000 notes,
    // the deep one, the crash, escapes, the escape-named file, bad name, bad bytes, UTF-16,
    // double BOM, two JSON records and the huge line.
    assert_eq!(st["articles"], 100_000 + 11, "{w:#?}");
    assert!(rss < 1_000_000_000, "peak memory {rss} bytes");
    assert!(took < Duration::from_secs(60), "took {took:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_past_max_text_is_refused_with_a_warning() {
    let dir = scratch("hostile_max_text");
    let body = "The Harbour Board met. ".repeat(30_000);
    for name in ["a.txt", "b.txt", "c.txt"] {
        write(&dir.join(name), format!("Title {name}\n\n{body}\n"));
    }
    let d = dir.to_str().unwrap_or_default();
    let st = json(&run(&[
        "stats",
        "--json",
        "--max-text",
        "1500K",
        "--corpus",
        d,
    ]));
    assert_eq!(st["articles"], 2, "{st}");
    let w = warnings_of(&st);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].1.contains("limit on text held"), "{w:?}");
    let bad = run(&["stats", "--max-text", "lots", "--corpus", d]);
    assert_eq!(bad.status.code(), Some(2));
}
