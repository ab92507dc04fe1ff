//! `dossier compare` and `dossier related` as a user runs them: the seeds' two reports of the
//! Friendship Cities forum, and two made-up reports whose figures disagree.

mod common;
use common::*;
use serde_json::Value;

fn names(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["name"].as_str().map(str::to_string))
        .collect()
}

/// The sentence of `text` (a seed file) that holds byte `at`, roughly: its text from the span.
fn slice(article: &str, start: usize, end: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let file = std::fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(Result::ok)
        .find(|f| f.file_name().to_string_lossy().starts_with(&article[..3]))
        .expect("seed file");
    let text = std::fs::read_to_string(file.path()).expect("read");
    text.get(start..end).unwrap_or_default().to_string()
}

#[test]
fn compare_002_003_names_what_both_and_each_name_and_aligns_the_13_cities() {
    let out = run(&["compare", "002", "003", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["a"], "002_4d0cb910a6467354");
    assert_eq!(v["b"], "003_0951e30b849bc137");
    let shared = names(&v, "shared");
    for name in [
        "Jules Radich",
        "Hua Yuan",
        "Dunedin",
        "Johannesburg",
        "Los Angeles",
    ] {
        assert!(
            shared.iter().any(|n| n == name),
            "{name} not shared: {shared:?}"
        );
    }
    let only_a = names(&v, "only_a");
    let only_b = names(&v, "only_b");
    for name in ["Wajenda Chambeshi", "Sello Enoch Morero"] {
        assert!(
            only_a.iter().any(|n| n == name),
            "{name} not only in 002: {only_a:?}"
        );
        assert!(!shared.iter().any(|n| n == name));
    }
    for name in ["Rafael Lacava", "Yoma Etienne Bako"] {
        assert!(
            only_b.iter().any(|n| n == name),
            "{name} not only in 003: {only_b:?}"
        );
    }
    let aligned = v["aligned"].as_array().expect("aligned");
    let pairs: Vec<(String, String, f64)> = aligned
        .iter()
        .map(|p| {
            let at = |side: &str| {
                (
                    p[side]["start"].as_u64().unwrap_or(0) as usize,
                    p[side]["end"].as_u64().unwrap_or(0) as usize,
                )
            };
            let (a0, a1) = at("a");
            let (b0, b1) = at("b");
            (
                slice("002", a0, a1),
                slice("003", b0, b1),
                p["similarity"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect();
    assert!(
        pairs.iter().all(|p| (0.0..=1.0).contains(&p.2)),
        "similarities in [0, 1]: {pairs:?}"
    );
    assert!(
        pairs
            .iter()
            .any(|(a, b, _)| a.contains("13 cities in 12 countries")
                && b.contains("13 cities in 12 countries")),
        "the 13 cities in 12 countries are not aligned: {pairs:#?}"
    );
    // Nothing is paired with the sentences about people only one side names.
    for (a, b, _) in &pairs {
        for only in ["Chambeshi", "Morero"] {
            assert!(
                !a.contains(only),
                "a sentence about {only} is paired: {a:?} with {b:?}"
            );
        }
        for only in ["Lacava", "Bako"] {
            assert!(
                !b.contains(only),
                "a sentence about {only} is paired: {b:?} with {a:?}"
            );
        }
    }
}

#[test]
fn compare_text_fits_the_width_asked_for() {
    for width in [80usize, 120] {
        let out = run(&["compare", "002", "003", "--width", &width.to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let widest = text
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        assert!(
            widest <= width,
            "a line is {widest} columns wide at --width {width}"
        );
        assert!(text.contains("≈ 1 ·"), "aligned pairs are marked:\n{text}");
        assert!(text.contains("Named by both (10)"), "{text}");
        assert!(text.contains("Only in 002"), "{text}");
    }
}

#[test]
fn related_puts_the_other_report_first_and_exits_1_when_there_is_none() {
    let out = run(&["related", "002", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let first = &v[0];
    assert_eq!(first["id"], "003_0951e30b849bc137", "{v}");
    let sim = first["similarity"].as_f64().unwrap_or(-1.0);
    assert!((0.0..=1.0).contains(&sim) && sim > 0.0, "{v}");
    // A one-article corpus has nothing related.
    let dir = scratch("related_alone");
    std::fs::write(dir.join("only.txt"), "Alone\n\nThe only report here.\n").expect("write");
    let out = run(&[
        "related",
        "only",
        "--corpus",
        dir.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no article reports the same story"));
}

#[test]
fn aligned_sentences_that_give_different_numbers_for_the_same_thing_are_reported() {
    let dir = scratch("differing_figures");
    std::fs::write(
        dir.join("a.txt"),
        "Fire at the harbour\n\nFirefighters said 12 people died in the warehouse fire at the harbour on Monday.\n\nThe cause of the blaze is not yet known.\n\nIn the evening Leeds beat Chelsea 2-1 at Elland Road.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("b.txt"),
        "Harbour blaze kills many\n\nOfficials said 15 people died in the warehouse fire at the harbour on Monday.\n\nA school reopened in the north of the city.\n\nIn the evening Leeds beat Chelsea 3-1 at Elland Road.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("c.txt"),
        "Markets\n\nShares rose in early trading as investors bought banks.\n",
    )
    .expect("write");
    let out = run(&[
        "compare",
        "a",
        "b",
        "--json",
        "--corpus",
        dir.to_str().unwrap_or_default(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    let differing = v["differing_figures"].as_array().expect("differing");
    assert_eq!(differing.len(), 2, "{v}");
    assert_eq!(differing[0]["a"]["text"], "12 people");
    assert_eq!(differing[0]["b"]["text"], "15 people");
    assert_eq!(differing[0]["kind"], "count");
    assert_eq!(differing[1]["a"]["text"], "2-1");
    assert_eq!(differing[1]["b"]["text"], "3-1");
    assert_eq!(differing[1]["kind"], "score");
    // The school sentence says nothing the other side says.
    let aligned = v["aligned"].as_array().expect("aligned");
    assert!(!aligned.is_empty());
    let b_text = std::fs::read_to_string(dir.join("b.txt")).expect("read");
    let school = b_text.find("A school").unwrap_or(0);
    let school_end = b_text.find("In the evening").unwrap_or(0);
    assert!(
        aligned.iter().all(|p| {
            let (s, e) = (
                p["b"]["start"].as_u64().unwrap_or(0) as usize,
                p["b"]["end"].as_u64().unwrap_or(0) as usize,
            );
            e <= school || s >= school_end
        }),
        "the school sentence is paired: {v}"
    );
    let text = stdout(&run(&[
        "compare",
        "a",
        "b",
        "--corpus",
        dir.to_str().unwrap_or_default(),
    ]));
    assert!(
        text.contains("figures differ: 12 people ≠ 15 people"),
        "{text}"
    );
}

#[test]
fn a_mistyped_command_is_named_with_the_nearest_one() {
    let out = run(&["serach", "hua"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("unknown command or path \"serach\"")
            && err.contains("did you mean \"search\""),
        "{err}"
    );
    let out = run(&["comapre", "002", "003"]);
    assert!(
        stderr(&out).contains("did you mean \"compare\""),
        "{}",
        stderr(&out)
    );
}
