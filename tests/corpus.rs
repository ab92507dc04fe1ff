//! The binary on the seeds, the shared corpora and a folder of bad inputs.

mod common;
use common::*;
use serde_json::Value;
use std::time::Duration;

fn article<'a>(export: &'a Value, id_prefix: &str) -> &'a Value {
    export["articles"]
        .as_array()
        .expect("articles array")
        .iter()
        .find(|a| a["id"].as_str().unwrap_or("").starts_with(id_prefix))
        .unwrap_or_else(|| panic!("no article {id_prefix}"))
}

fn furniture(a: &Value, kind: &str) -> Vec<String> {
    let text = a["text"].as_str().unwrap_or("");
    a["furniture"]
        .as_array()
        .expect("furniture")
        .iter()
        .filter(|f| f["kind"] == kind)
        .map(|f| {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            text[s..e].to_string()
        })
        .collect()
}

/// Every paragraph and sentence span lies inside `text` on character boundaries.
fn assert_spans_valid(export: &Value) {
    for a in export["articles"].as_array().expect("articles") {
        let text = a["text"].as_str().expect("text");
        for key in ["paragraphs", "sentences"] {
            for s in a[key].as_array().expect("spans") {
                let (start, end) = (
                    s["start"].as_u64().unwrap() as usize,
                    s["end"].as_u64().unwrap() as usize,
                );
                assert!(
                    start < end && end <= text.len(),
                    "{} {key} span {start}..{end} out of range",
                    a["id"]
                );
                assert!(
                    text.is_char_boundary(start) && text.is_char_boundary(end),
                    "{} {key} span {start}..{end} splits a character",
                    a["id"]
                );
                let piece = &text[start..end];
                assert_eq!(piece.trim(), piece, "{} {key} span is not trimmed", a["id"]);
            }
        }
    }
}

#[test]
fn export_from_root_gives_the_seeds_parsed() {
    let out = run_with_limit(
        &["export"],
        Some(std::path::Path::new("/")),
        Duration::from_secs(30),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ex = json(&out);
    assert_eq!(ex["articles"].as_array().map(Vec::len), Some(5));
    assert_spans_valid(&ex);

    let a4 = article(&ex, "004");
    assert_eq!(
        a4["title"],
        "Hong Kong and Shanghai sign 20 cooperation deals"
    );
    assert_eq!(a4["source"], "South China Morning Post");
    assert_eq!(
        a4["deck"],
        "John Lee says two cities reach consensus on 65 projects spanning 15 sectors including finance"
    );
    assert_eq!(
        a4["authors"],
        serde_json::json!(["Fiona Sun", "Natalie Wong"])
    );
    assert_eq!(furniture(a4, "masthead"), vec!["South China Morning Post"]);
    assert!(furniture(a4, "byline")[0].contains("fiona.sun@scmp.com"));
    assert_eq!(
        furniture(a4, "trailer"),
        vec!["Newspapers in English", "Newspapers from China"]
    );
    let body4: String = a4["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let t = a4["text"].as_str().unwrap();
            t[p["start"].as_u64().unwrap() as usize..p["end"].as_u64().unwrap() as usize]
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(body4.starts_with("Hong Kong has signed 20 cooperation documents"));
    assert!(body4.ends_with("six consecutive months."));
    assert!(!body4.contains("@scmp.com") && !body4.contains("Newspapers in English"));

    let a3 = article(&ex, "003");
    assert_eq!(
        a3["title"],
        "Shanghai and friendship cities seek high-quality development"
    );
    assert_eq!(a3["authors"], serde_json::json!(["Yang Meiping"]));
    assert_eq!(a3["source"], Value::Null);
    assert_eq!(furniture(a3, "credit"), vec!["Ti Gong"]);
    assert_eq!(furniture(a3, "repeated_title").len(), 2);
    assert_eq!(furniture(a3, "byline").len(), 2);
    assert_eq!(
        furniture(a3, "caption"),
        vec![
            "Delegates at the 2023 Shanghai International Friendship Cities Cooperation Forum.",
            "A city-business connect event was held on Thursday."
        ]
    );
    assert_eq!(furniture(a3, "trailer"), vec!["Special Reports"]);

    let a2 = article(&ex, "002");
    let captions = furniture(a2, "caption");
    assert_eq!(captions.len(), 2);
    assert!(captions
        .iter()
        .all(|c| c.ends_with("[Photo provided to chinadaily.com.cn]")));
    assert_eq!(a2["authors"], serde_json::json!([]));

    let a0 = article(&ex, "000");
    assert_eq!(
        a0["title"],
        "Shanghai wants to learn from Singapore, says city’s party secretary"
    );
    assert_eq!(a0["paragraphs"].as_array().map(Vec::len), Some(13));
    let a1 = article(&ex, "001");
    assert_eq!(a1["deck"], Value::Null);
    assert_eq!(
        a1["entities"],
        Value::Null,
        "entities live at the top level"
    );
    for key in ["entities", "quotes", "figures", "warnings"] {
        assert!(ex[key].is_array(), "{key} is an array");
    }
}

#[test]
fn read_prints_the_clean_article_and_refuses_unknown_ids() {
    let out = run(&["read", "004"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("title     Hong Kong and Shanghai sign 20 cooperation deals"));
    assert!(text.contains("authors   Fiona Sun, Natalie Wong"));
    assert!(!text.contains("Newspapers in English"));

    let missing = run(&["read", "999"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no article \"999\""));

    let ambiguous = run(&["read", "00"]);
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(stderr(&ambiguous).contains("matches 5 articles"));
}

#[test]
fn bad_usage_and_unreadable_input_exit_2_with_one_line() {
    let out = run(&["stats", "--corpus", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/folder") && err.contains("no such file"));

    let out = run(&["list", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_articles_prints_one_line_each() {
    let out = run(&["list", "articles"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 5);
    // By short id: "000" tells 000_140278ac78e69803 from the other seeds.
    assert!(
        text.lines().next().unwrap_or("").starts_with("000 "),
        "{text}"
    );
}

#[test]
#[cfg_attr(
    not(dossier_shared),
    ignore = "needs ../shared/corpora beside the repository"
)]
fn bbc_loads_with_one_warning_for_the_latin1_byte() {
    let Some(bbc) = corpus("bbc") else { return };
    let out = run(&["stats", "--json", "--corpus", bbc.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let st = json(&out);
    assert_eq!(st["articles"], 2225);
    let warnings = st["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0]["path"]
        .as_str()
        .unwrap()
        .ends_with("sport/199.txt"));
    assert!(warnings[0]["message"]
        .as_str()
        .unwrap()
        .contains("offset 257"));

    let out = run(&["export", "--corpus", bbc.to_str().unwrap()]);
    let ex = json(&out);
    assert_spans_valid(&ex);
    let a = article(&ex, "business/001");
    assert_eq!(a["title"], "Ad sales boost Time Warner profit");
    let with_authors = ex["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !a["authors"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(with_authors, 0, "BBC articles carry no bylines");
}

#[test]
#[cfg_attr(
    not(dossier_shared),
    ignore = "needs ../shared/corpora beside the repository"
)]
fn wikinews_articles_each_get_their_date() {
    let Some(wn) = corpus("wikinews") else { return };
    let out = run(&["export", "--corpus", wn.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ex = json(&out);
    let arts = ex["articles"].as_array().expect("articles");
    assert_eq!(arts.len(), 24);
    assert_spans_valid(&ex);
    for a in arts {
        let p = a["published"]
            .as_str()
            .unwrap_or_else(|| panic!("{} has no date", a["id"]));
        assert_eq!(p.len(), 10);
    }
    assert_eq!(article(&ex, "GUM_news_afghan")["published"], "2017-07-21");
    // The date line shares its line with the body in this one.
    let flag = article(&ex, "GUM_news_flag");
    assert_eq!(flag["published"], "2015-05-07");
    let t = flag["text"].as_str().unwrap();
    let p0 = &flag["paragraphs"][0];
    assert!(t[p0["start"].as_u64().unwrap() as usize..].starts_with("On Tuesday, the New Zealand"));
}

#[cfg(unix)]
#[test]
fn bad_inputs_each_get_their_warning_and_nothing_hangs() {
    let dir = scratch("bad_inputs");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    for entry in std::fs::read_dir(&fixtures).expect("fixtures") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy fixture");
    }
    let fifo = dir.join("pipe.txt");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    std::fs::create_dir_all(dir.join("sub")).expect("sub");
    std::os::unix::fs::symlink("..", dir.join("sub/loop")).expect("loop link");
    std::os::unix::fs::symlink("missing.txt", dir.join("dangling.txt")).expect("dangling link");
    let _ = std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt"));

    let out = run_with_limit(
        &["stats", "--json", "--corpus", dir.to_str().unwrap()],
        None,
        Duration::from_secs(20),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let st = json(&out);
    let warnings: Vec<(String, String)> = st["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| {
            (
                w["path"].as_str().unwrap().to_string(),
                w["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let find = |file: &str| -> String {
        warnings
            .iter()
            .find(|(p, _)| p.ends_with(file))
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("no warning for {file}: {warnings:?}"))
    };
    assert!(find("invalid_utf8.txt").contains("offset 21"));
    assert!(find("nul_bytes.txt").contains("binary"));
    assert!(find("empty.txt").contains("empty"));
    assert!(find("whitespace.txt").contains("whitespace"));
    assert!(find("feed.jsonl:2").contains("not valid JSON"));
    assert!(find("dangling.txt").contains("broken link"));
    // A link out of the corpus folder is reported and not followed.
    assert!(find("zero.txt").contains("leads out of the corpus folder"));
    assert!(
        warnings
            .iter()
            .any(|(p, m)| p.contains("loop") && m.contains("link loop")),
        "{warnings:?}"
    );
    if made_fifo {
        assert!(find("pipe.txt").contains("FIFO"));
    } else {
        common::skip("SKIP: mkfifo unavailable; FIFO case not exercised");
    }
    assert!(!warnings
        .iter()
        .any(|(p, _)| p.ends_with("crlf_bom.txt") || p.ends_with("good.txt")));
    // good, crlf_bom, invalid_utf8 (lossy) and one JSON record.
    assert_eq!(st["articles"], 4);
    assert_eq!(st["skipped_other_files"], 1);

    let out = run_with_limit(
        &["export", "--corpus", dir.to_str().unwrap()],
        None,
        Duration::from_secs(20),
    );
    let ex = json(&out);
    let crlf = article(&ex, "crlf_bom");
    assert_eq!(crlf["title"], "Windows title");
    assert_eq!(crlf["paragraphs"].as_array().map(Vec::len), Some(2));
    assert!(!crlf["text"].as_str().unwrap().contains('\r'));
    let j = article(&ex, "j1");
    assert_eq!(j["title"], "From JSON");
    assert_eq!(j["published"], "2020-03-04");
    assert_eq!(j["authors"], serde_json::json!(["Ann Lee"]));
    // Nothing was written into the corpus folder.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.iter().all(|n| !n.starts_with(".dossier")),
        "{names:?}"
    );
}

/// The cfgs that `build.rs` set (and that decide which tests are ignored) still say what this
/// machine has: a corpus folder or a tmux that appeared after the last build would otherwise be
/// silently left out.
#[test]
fn the_tests_ignored_for_missing_data_or_tools_are_the_right_ones() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .is_dir();
    let tmux = std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    let stale =
        "build.rs saw otherwise at the last build; `touch build.rs` and run the tests again";
    assert_eq!(cfg!(dossier_shared), shared, "../shared/corpora: {stale}");
    assert_eq!(cfg!(dossier_tmux), tmux, "tmux: {stale}");
}

/// A folder's README, licence and change log are its notes, not articles: skipped, and counted.
#[test]
fn a_folders_notes_are_skipped_and_counted() {
    let dir = scratch("folder_notes");
    std::fs::write(dir.join("story.txt"), "A title\n\nA body of news.\n").expect("write");
    std::fs::write(dir.join("README.md"), "# About this corpus\n\nNotes.\n").expect("write");
    std::fs::write(dir.join("LICENSE.txt"), "MIT License\n\nText.\n").expect("write");
    std::fs::write(dir.join("changelog.txt"), "v1\n\nFirst.\n").expect("write");
    std::fs::write(dir.join("COPYING"), "GPL\n\nText.\n").expect("write");
    let d = dir.to_string_lossy().into_owned();
    let st = json(&run(&["stats", "--json", "--corpus", &d]));
    assert_eq!(st["articles"], 1, "{st}");
    assert_eq!(st["skipped_notes"], 4, "{st}");
    assert_eq!(
        st["skipped_other_files"], 0,
        "a note without an extension is a note: {st}"
    );
    let text = stdout(&run(&["stats", "--corpus", &d]));
    assert!(text.contains("4 folder notes"), "{text}");
    // The same folder given twice is read once, its notes counted once, with one warning.
    let twice = json(&run(&["stats", "--json", &d, &d]));
    assert_eq!(twice["articles"], 1, "{twice}");
    assert_eq!(twice["skipped_notes"], 4, "{twice}");
    assert_eq!(
        twice["warnings"].as_array().map(Vec::len),
        Some(1),
        "{twice}"
    );
    // One is one: "1 article", not "1 articles".
    let summary = stdout(&run(&["--corpus", &d]));
    assert!(summary.starts_with("dossier: 1 article, "), "{summary}");
    // Given by name, a note is read: it is what was asked for.
    let one = json(&run(&[
        "stats",
        "--json",
        "--corpus",
        &dir.join("README.md").to_string_lossy(),
    ]));
    assert_eq!(one["articles"], 1, "{one}");
}

/// One file reached by its path, a hard link and a link inside the corpus is one article,
/// taken from the path that comes first as a sorted walk meets them (a folder's contents come
/// under its name: "a/..." before "a-b/..."), and each other path says which one that is.
#[cfg(unix)]
#[test]
fn a_file_reached_three_ways_is_one_article_taken_from_the_first_path() {
    let dir = scratch("reached_three_ways");
    std::fs::create_dir_all(dir.join("a-b")).expect("a-b");
    std::fs::create_dir_all(dir.join("a")).expect("a");
    std::fs::write(
        dir.join("a-b/story.txt"),
        "Rain in Leeds\n\nIt rained in Leeds on Monday.\n",
    )
    .expect("story");
    std::fs::hard_link(dir.join("a-b/story.txt"), dir.join("a/story.txt")).expect("hard link");
    std::os::unix::fs::symlink("a-b/story.txt", dir.join("c.txt")).expect("link");
    std::fs::write(
        dir.join("other.txt"),
        "Sun in York\n\nThe sun shone in York.\n",
    )
    .expect("other");

    let st = json(&run(&[
        "stats",
        "--json",
        "--corpus",
        dir.to_str().unwrap(),
    ]));
    assert_eq!(st["articles"], 2, "{st}");
    let export = json(&run(&["export", "--corpus", dir.to_str().unwrap()]));
    let mut ids: Vec<&str> = export["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["id"].as_str().unwrap_or(""))
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a/story", "other"], "{export}");
    let warnings: Vec<(String, String)> = st["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| {
            (
                w["path"].as_str().unwrap_or("").to_string(),
                w["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    for twin in ["a-b/story.txt", "c.txt"] {
        let (_, message) = warnings
            .iter()
            .find(|(p, _)| p.ends_with(twin))
            .unwrap_or_else(|| panic!("no warning for {twin}: {warnings:?}"));
        assert!(
            message.starts_with("the same file as") && message.contains("/a/story.txt"),
            "{twin}: {message}"
        );
    }
}
