//! Every pass is linear in its input: for each dimension a hostile corpus can grow in (quotation
//! marks, names, acronyms, paragraphs, files, article size), the release binary's time is taken at
//! three sizes, each twice the last, and the growth per doubling over the two doublings (the
//! square root of the 4n/n ratio) must stay under 2.6 (a quadratic pass grows 4 times; one
//! doubling alone is too noisy on a shared machine to judge by). Times are the minimum of five
//! runs with the start-up time of a tiny corpus taken off; the ratios are of sizes in one run,
//! never a time limit. A dimension over the limit is measured up to twice more and judged by the best
//! measurement. The table is printed to standard error.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Syllables for made-up names: no gazetteer knows them, every index gives a different word.
const SYLLABLES: [&str; 20] = [
    "ka", "lo", "mi", "ra", "te", "vu", "no", "si", "pe", "da", "ri", "go", "fe", "lu", "ba", "zo",
    "ne", "ti", "ma", "ko",
];

/// A capitalised made-up word, different for every `i`.
fn word(i: usize) -> String {
    let mut n = i;
    let mut s = String::new();
    for _ in 0..3 {
        s.push_str(SYLLABLES[n % 20]);
        n /= 20;
    }
    while n > 0 {
        s.push_str(SYLLABLES[n % 20]);
        n /= 20;
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// A two-word made-up person's name.
fn name(i: usize) -> String {
    format!("{} {}", word(2 * i + 7), word(2 * i + 8))
}

/// One article: a title and paragraphs.
fn article(title: &str, paragraphs: &[String]) -> String {
    format!("{title}\n\n{}\n", paragraphs.join("\n\n"))
}

/// The corpus for one dimension at size `n`: (file name, text) pairs.
type Maker = fn(usize) -> Vec<(String, String)>;

fn one(text: String) -> Vec<(String, String)> {
    vec![("a.txt".into(), text)]
}

fn straight_quote_marks(n: usize) -> Vec<(String, String)> {
    one(article(
        "Quotation marks",
        &[format!("He said {}and left.", "\" ".repeat(n))],
    ))
}

fn curly_and_nested_quote_marks(n: usize) -> Vec<(String, String)> {
    one(article(
        "Curly marks",
        &[format!("She said {}and left.", "“ ‘a “b ” ".repeat(n / 4))],
    ))
}

fn quoted_words(n: usize) -> Vec<(String, String)> {
    one(article(
        "Quoted words",
        &[format!("They called it {}at last.", "\"good\" ".repeat(n))],
    ))
}

fn names_in_one_paragraph(n: usize) -> Vec<(String, String)> {
    let p: Vec<String> = (0..n)
        .map(|i| format!("{} met the board.", name(i)))
        .collect();
    one(article("Names", &[p.join(" ")]))
}

fn same_acronym_per_paragraph(n: usize) -> Vec<(String, String)> {
    let p: Vec<String> = (0..n)
        .map(|_| "The Northern Rail Safety Board (NRSB) met again today.".to_string())
        .collect();
    one(article("Acronyms", &p))
}

fn distinct_capitalised_words_in_a_row(n: usize) -> Vec<(String, String)> {
    let run: Vec<String> = (0..n).map(word).collect();
    one(article(
        "Capitals",
        &[format!("Then {} arrived.", run.join(" "))],
    ))
}

/// The same, opening with a place and closing with a plural, as a team's name does ("Boston
/// Bruins"): only the first few words can be the place.
fn a_place_then_capitalised_words_then_a_plural(n: usize) -> Vec<(String, String)> {
    let run: Vec<String> = (0..n).map(word).collect();
    one(article(
        "Capitals",
        &[format!("Then Boston {} Rovers arrived.", run.join(" "))],
    ))
}

fn same_person_per_paragraph(n: usize) -> Vec<(String, String)> {
    let p: Vec<String> = (0..n)
        .map(|i| {
            if i % 2 == 0 {
                "Maria Kowalski said the plan would work.".to_string()
            } else {
                "Northwind Trading Company said it agreed.".to_string()
            }
        })
        .collect();
    one(article("Same names", &p))
}

fn distinct_people_in_one_article(n: usize) -> Vec<(String, String)> {
    let p: Vec<String> = (0..n)
        .map(|i| format!("Dr {} said the results were clear.", name(i)))
        .collect();
    one(article("Many people", &p))
}

fn same_person_with_a_role_per_file(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            (
                format!("f{i:06}.txt"),
                article(
                    &format!("Report {i}"),
                    &["Prime Minister Anna Larsen said the economy grew.".to_string()],
                ),
            )
        })
        .collect()
}

fn different_role_per_file(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            (
                format!("f{i:06}.txt"),
                article(
                    &format!("Report {i}"),
                    &[format!(
                        "Anna Larsen, chair of the {} Council, said the economy grew.",
                        word(i)
                    )],
                ),
            )
        })
        .collect()
}

fn one_long_paragraph(n: usize) -> Vec<(String, String)> {
    let sentence = "The Harbour Board said on Monday that trade rose 4% to $2bn in May. ";
    one(article("Long", &[sentence.repeat(n)]))
}

/// A paragraph in capitals, as agency headlines are, read through its case-folded form.
fn one_paragraph_in_capitals(n: usize) -> Vec<(String, String)> {
    let sentence = "JAPAN BEAT SYRIA AND CHINA LOST TO UZBEKISTAN IN UNITED ARAB EMIRATES. ";
    one(article(
        "Capitals",
        &[
            "Japan played Syria and China played Uzbekistan.".to_string(),
            sentence.repeat(n),
        ],
    ))
}

/// One list of n names, most decided by their head word and some not, that lends its kind
/// along.
fn one_long_list_of_names(n: usize) -> Vec<(String, String)> {
    let list: Vec<String> = (0..n)
        .map(|i| {
            if i % 3 == 2 {
                format!("Zorbu{i}")
            } else {
                format!("Acme{i} Group")
            }
        })
        .collect();
    one(article(
        "List",
        &[format!("Guests were {}.", list.join(", "))],
    ))
}

/// One sentence that lists n countries: each is asked whether its sentence holds a match score
/// (a country beside a score is a team), which must be read once per sentence, not per country.
fn places_listed_in_one_sentence(n: usize) -> Vec<(String, String)> {
    const COUNTRIES: [&str; 8] = [
        "France", "Spain", "Italy", "Germany", "Norway", "Kenya", "Peru", "Chile",
    ];
    let list: Vec<&str> = (0..n).map(|i| COUNTRIES[i % COUNTRIES.len()]).collect();
    one(article(
        "Delegates",
        &[format!(
            "Delegates came from {} and Japan.",
            list.join(", ")
        )],
    ))
}

/// One paragraph of n quotations that each open a sentence after a sentence in which someone
/// speaks: each is checked against the quotations before it in the paragraph.
fn quotations_opening_sentences(n: usize) -> Vec<(String, String)> {
    let quote = "\"Alpha beta gamma delta epsilon zeta.\" ";
    one(article(
        "Quotes",
        &[format!(
            "Dr Nadia Vand said the plan was fine. {}",
            quote.repeat(n)
        )],
    ))
}

/// One sentence of n quotations each after a participle of saying: each is read back over its
/// sentence for the one who speaks.
fn quotations_after_participles_in_one_sentence(n: usize) -> Vec<(String, String)> {
    let part = "Nadia Vand left the hall, saying \"alpha beta gamma delta epsilon\" and ";
    one(article(
        "Saying",
        &[format!("{}then she went home.", part.repeat(n))],
    ))
}

fn pronouns_after_one_long_sentence(n: usize) -> Vec<(String, String)> {
    let long = format!(
        "{}when Tom Barrow arrived.",
        "the weather was cold and grey ".repeat(n)
    );
    let mut paragraphs = vec![long];
    paragraphs.extend(
        (0..n).map(|_| "\"We will carry on with the work as planned today,\" he said.".to_string()),
    );
    one(article("Pronouns", &paragraphs))
}

fn it_said_in_one_long_sentence(n: usize) -> Vec<(String, String)> {
    let sentence = format!(
        "{}Kelmora Harbour Board met on Monday, {}and left.",
        "Alder Birch Cedar ".repeat(n),
        "\"the work goes on as planned,\" it said, ".repeat(n)
    );
    one(article("It said", &[sentence]))
}

fn many_paragraphs(n: usize) -> Vec<(String, String)> {
    let p: Vec<String> = (0..n)
        .map(|i| format!("Paragraph {i} says the Harbour Board met on Monday."))
        .collect();
    one(article("Paragraphs", &p))
}

/// Two reports of n sentences each that say the same things with neighbours swapped: words
/// in every sentence, in one sentence in 40 (more than the index keeps for one term) and in
/// one only. (A term in fewer sentences than the index keeps costs up to that many steps per
/// sentence that has it: bounded, so linear past the bound.)
fn two_reports_compared(n: usize) -> Vec<(String, String)> {
    let sentence = |i: usize| {
        format!(
            "The {} council said {} workers met {} at the harbour.",
            word(i % 40),
            i,
            word(i + 100)
        )
    };
    let a: Vec<String> = (0..n).map(sentence).collect();
    let b: Vec<String> = (0..n).map(|i| sentence(i ^ 1)).collect();
    vec![
        ("a.txt".into(), article("Harbour report", &[a.join(" ")])),
        ("b.txt".into(), article("Harbour story", &[b.join(" ")])),
    ]
}

/// n short reports, in pairs that tell the same story.
fn many_reports_related(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let story = i / 2;
            (
                format!("f{i:06}.txt"),
                article(
                    &format!("Story {story}"),
                    &[format!(
                        "The {} board met the {} union on Monday about {} and {}.",
                        word(story + 10),
                        word(story + 20),
                        word(story % 300 + 30),
                        word(i % 7)
                    )],
                ),
            )
        })
        .collect()
}

fn write_corpus(dir: &Path, files: &[(String, String)]) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("scaling dir");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write scaling file");
    }
}

/// The fastest of five runs of `dossier COMMAND --corpus dir`.
fn fastest(bin: &Path, command: &[&str], dir: &Path) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let mut args: Vec<&str> = command.to_vec();
        let d = dir.to_str().expect("utf-8 temp path");
        args.extend(["--corpus", d]);
        let start = Instant::now();
        let out = run_bin_with_limit(bin, &args, Duration::from_secs(120));
        let took = start.elapsed();
        assert!(out.status.success(), "{command:?} failed: {}", stderr(&out));
        best = best.min(took);
    }
    best
}

#[test]
fn every_pass_grows_linearly_with_its_input() {
    let bin = release_bin();
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("scaling");
    let tiny = root.join("tiny");
    write_corpus(&tiny, &one(article("Tiny", &["A short note.".into()])));
    let base = fastest(&bin, &["stats"], &tiny);
    // (dimension, corpus maker, first size, command)
    let dims: &[(&str, Maker, usize, &[&str])] = &[
        (
            "straight quotation marks in a paragraph",
            straight_quote_marks,
            64_000,
            &["stats"],
        ),
        (
            "curly and nested quotation marks",
            curly_and_nested_quote_marks,
            32_000,
            &["stats"],
        ),
        (
            "quoted words in a paragraph",
            quoted_words,
            32_000,
            &["stats"],
        ),
        (
            "names in one paragraph",
            names_in_one_paragraph,
            // Past 40,000 names in one article the hash tables outgrow the caches: wall time
            // steps up once there (instructions stay linear); the sizes start after the step.
            80_000,
            &["stats"],
        ),
        (
            "quotations opening sentences in one paragraph",
            quotations_opening_sentences,
            16_000,
            &["stats"],
        ),
        (
            "quotations after participles in one sentence",
            quotations_after_participles_in_one_sentence,
            8_000,
            &["stats"],
        ),
        (
            "pronouns after one long sentence",
            pronouns_after_one_long_sentence,
            8_000,
            &["stats"],
        ),
        (
            "\"it said\" in one long sentence",
            it_said_in_one_long_sentence,
            4_000,
            &["stats"],
        ),
        (
            "countries listed in one sentence",
            places_listed_in_one_sentence,
            32_000,
            &["stats"],
        ),
        (
            "the same bracketed acronym per paragraph",
            same_acronym_per_paragraph,
            16_000,
            &["stats"],
        ),
        (
            "distinct capitalised words in a row",
            distinct_capitalised_words_in_a_row,
            256_000,
            &["stats"],
        ),
        (
            "a place, capitalised words in a row and a plural",
            a_place_then_capitalised_words_then_a_plural,
            256_000,
            &["stats"],
        ),
        (
            "the same person or organisation per paragraph",
            same_person_per_paragraph,
            32_000,
            &["stats"],
        ),
        (
            "distinct people in one article",
            distinct_people_in_one_article,
            25_000,
            &["stats"],
        ),
        (
            "a one-letter search over distinct people",
            distinct_people_in_one_article,
            25_000,
            &["search", "a", "--limit", "0"],
        ),
        (
            "the same name with a role, one file each",
            same_person_with_a_role_per_file,
            6_250,
            &["stats"],
        ),
        (
            "a different role per file",
            different_role_per_file,
            6_250,
            &["stats"],
        ),
        (
            "one long paragraph, read",
            one_long_paragraph,
            40_000,
            &["read", "a"],
        ),
        (
            "a paragraph in capitals",
            one_paragraph_in_capitals,
            8_000,
            &["stats"],
        ),
        (
            "one long list of names",
            one_long_list_of_names,
            16_000,
            &["stats"],
        ),
        (
            "many paragraphs, read",
            many_paragraphs,
            50_000,
            &["read", "a"],
        ),
        (
            "two long reports compared",
            two_reports_compared,
            5_000,
            &["compare", "a", "b", "--json"],
        ),
        (
            "related articles among many",
            many_reports_related,
            5_000,
            &["related", "f000002"],
        ),
    ];
    let mut table = String::new();
    let mut failures = Vec::new();
    // DOSSIER_SCALING_ONLY=words runs only the dimensions whose label holds those words.
    let only = std::env::var("DOSSIER_SCALING_ONLY").unwrap_or_default();
    for (label, make, first, command) in dims {
        if !label.contains(only.as_str()) {
            continue;
        }
        let sizes = [*first, first * 2, first * 4];
        // A dimension that looks too steep is measured up to twice more and judged by the best of
        // the measurements: another process on this 2-core machine can slow one size, but a
        // pass that really grows faster than linearly is steep both times.
        let mut best: Option<(f64, String)> = None;
        for attempt in 0..3 {
            let mut times = Vec::new();
            for &n in &sizes {
                let dir = root.join(format!("dim-{n}"));
                write_corpus(&dir, &make(n));
                let t = fastest(&bin, command, &dir).saturating_sub(base);
                times.push(t.max(Duration::from_millis(1)));
                let _ = std::fs::remove_dir_all(&dir);
            }
            let r1 = times[1].as_secs_f64() / times[0].as_secs_f64();
            let r2 = times[2].as_secs_f64() / times[1].as_secs_f64();
            let per_doubling = (times[2].as_secs_f64() / times[0].as_secs_f64()).sqrt();
            let line = format!(
                "{label:<48} n={:>7}: {:>8.1} ms  2n: {:>8.1} ms  4n: {:>8.1} ms  ratios {r1:.2} {r2:.2}, per doubling {per_doubling:.2}{}\n",
                sizes[0],
                times[0].as_secs_f64() * 1e3,
                times[1].as_secs_f64() * 1e3,
                times[2].as_secs_f64() * 1e3,
                if attempt > 0 { " (measured again)" } else { "" },
            );
            note(line.trim_end());
            if best.as_ref().is_none_or(|(b, _)| per_doubling < *b) {
                best = Some((per_doubling, line));
            }
            if per_doubling < 2.6 {
                break;
            }
        }
        let (per_doubling, line) = best.unwrap_or((f64::MAX, String::new()));
        table.push_str(&line);
        if per_doubling >= 2.6 {
            failures.push(*label);
        }
    }
    note(&format!(
        "start-up (taken off): {:.1} ms",
        base.as_secs_f64() * 1e3
    ));
    assert!(
        failures.is_empty(),
        "grows faster than linearly: {failures:?}\n{table}"
    );
}

/// The palette's search, typed a letter at a time (each keystroke narrowing the last where it
/// can, with the work the search thread does between keys), grows linearly with the number of
/// candidates: made-up names at three sizes, each twice the last, the best of five typings at
/// each, judged per doubling as above.
#[test]
fn the_palettes_typed_search_grows_linearly_with_the_candidates() {
    use dossier::extract::Kind;
    use dossier::search::{Narrowing, SearchIndex};
    let query = "kalo mira";
    let index = |n: usize| {
        SearchIndex::from_candidates(
            (0..n)
                .map(|i| SearchIndex::entity_candidate(&name(i), i, i % 13, Kind::Person))
                .collect(),
        )
    };
    let typing = |idx: &SearchIndex| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let mut narrowing = Narrowing::default();
                for k in 1..=query.len() {
                    let hits = narrowing.search(idx, &query[..k], 200);
                    assert!(hits.len() <= 200);
                    narrowing.prepare(idx);
                }
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let sizes = [20_000, 40_000, 80_000];
    let indexes: Vec<SearchIndex> = sizes.iter().map(|&n| index(n)).collect();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let times: Vec<f64> = indexes.iter().map(|i| typing(i).as_secs_f64()).collect();
        let per_doubling = (times[2] / times[0].max(1e-9)).sqrt();
        eprintln!(
            "the palette's typed search      n={:>7}: {:>8.1} ms  2n: {:>8.1} ms  4n: {:>8.1} ms  per doubling {per_doubling:.2}",
            sizes[0],
            times[0] * 1e3,
            times[1] * 1e3,
            times[2] * 1e3
        );
        best = best.min(per_doubling);
        if best < 2.6 {
            break;
        }
    }
    assert!(
        best < 2.6,
        "the palette's search grows {best:.2} times per doubling"
    );
}
