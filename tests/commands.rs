//! The entity commands as a user runs them on the bundled seeds.

mod common;
use common::*;

#[test]
fn show_gives_a_card_with_role_articles_and_quotes() {
    let out = run(&["show", "Gong Zheng"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let card = stdout(&out);
    assert!(card.starts_with("Gong Zheng  [P] person"), "{card}");
    assert!(
        card.contains("roles     Mayor of Shanghai (001, 004)"),
        "{card}"
    );
    // The articles by their short ids, as everywhere in text output, with the mentions in each.
    assert!(
        card.contains("\n  001     3  15 MoUs") && card.contains("\n  004     3  Hong Kong"),
        "{card}"
    );
    // The kind in prose as the browser's headings spell it; the id keeps the export's word.
    let org = stdout(&run(&["show", "Envision"]));
    assert!(
        org.starts_with("Envision  [O] organisation\nid        organization/envision"),
        "{org}"
    );
    // Those that name it most first.
    let place = stdout(&run(&["show", "Shanghai"]));
    assert!(
        place.contains("articles\n  002    23  Shanghai boosts"),
        "{place}"
    );
    assert!(
        card.contains("“We aim to leverage the Belt and Road Initiative"),
        "{card}"
    );
    assert!(
        card.contains("“Strengthening cooperation between Shanghai and Hong Kong"),
        "{card}"
    );
    assert!(
        card.contains("Shanghai Mayor [Gong Zheng] highlighted"),
        "{card}"
    );
}

#[test]
fn show_lists_every_candidate_for_an_ambiguous_name() {
    let out = run(&["show", "Lee"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\"Lee\" matches 2 entities"), "{text}");
    assert!(
        text.contains("Lee Hsien Loong") && text.contains("John Lee Ka-chiu"),
        "{text}"
    );

    let none = run(&["show", "Nobody Atall"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("no entity matches"));
}

#[test]
fn list_people_names_each_person_once_with_roles() {
    let out = run(&["list", "people"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let names: Vec<&str> = text
        .lines()
        .map(|l| l.split("  ").next().unwrap_or("").trim())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        names.len(),
        "a person listed twice: {names:?}"
    );
    for who in [
        "Li Qiang",
        "Lee Hsien Loong",
        "Hua Yuan",
        "Jules Radich",
        "John Lee Ka-chiu",
        "Edwin Tong",
    ] {
        assert!(names.contains(&who), "{who} missing from {names:?}");
    }
    assert!(
        text.lines()
            .any(|l| l.starts_with("Hua Yuan") && l.contains("Vice Mayor of Shanghai")),
        "{text}"
    );
    for not_person in ["Shanghai", "Hong Kong", "Silver Fern", "Bobo Dioulasso"] {
        assert!(
            !names.contains(&not_person),
            "{not_person} listed as a person"
        );
    }
}

#[test]
fn list_quotes_and_figures() {
    let q = stdout(&run(&["list", "quotes"]));
    assert!(
        q.lines()
            .any(|l| l.starts_with("000  Li Qiang: “The defining feature of Shanghai")),
        "{q}"
    );
    assert!(
        !q.contains("lighthouse"),
        "a quoted word is not a quotation"
    );
    let f = stdout(&run(&["list", "figures"]));
    for fig in [
        "US$17.4 billion",
        "4,321 foreign ventures",
        "35 percent",
        "HK$10,000",
    ] {
        assert!(f.contains(fig), "{fig} missing:\n{f}");
    }
}

#[test]
fn export_carries_entities_quotes_and_figures() {
    let ex = json(&run(&["export"]));
    let ents = ex["entities"].as_array().expect("entities");
    let gong = ents
        .iter()
        .find(|e| e["name"] == "Gong Zheng")
        .expect("Gong Zheng");
    assert_eq!(gong["kind"], "person");
    assert!(gong["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["title"] == "Mayor" && r["of"] == "Shanghai"));
    let council = ents
        .iter()
        .find(|e| {
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "SSCCC")
        })
        .expect("SSCCC alias");
    assert_eq!(council["kind"], "organization");
    let quote = ex["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .starts_with("We aim to leverage")
        })
        .expect("quote");
    assert_eq!(quote["speaker"], gong["id"]);
}

#[test]
fn search_finds_names_aliases_titles_and_exits_1_on_nothing() {
    let first = |args: &[&str]| -> serde_json::Value {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        json(&out)[0].clone()
    };
    let gong = first(&["search", "gng zhng", "--json"]);
    assert_eq!(gong["name"], "Gong Zheng");
    assert_eq!(gong["kind"], "person");
    assert!(gong["score"].as_i64().unwrap_or(0) > 0);
    let council = first(&["search", "ssccc", "--json"]);
    assert_eq!(
        council["name"],
        "Singapore-Shanghai Comprehensive Cooperation Council"
    );
    assert_eq!(council["matched"], "SSCCC");
    let article = first(&["search", "a:hong kong", "--json"]);
    assert_eq!(
        article["name"],
        "Hong Kong and Shanghai sign 20 cooperation deals"
    );
    assert_eq!(article["kind"], "article");

    let lee = json(&run(&["search", "p:lee", "--json"]));
    let rows = lee.as_array().expect("array");
    assert!(rows.iter().all(|r| r["kind"] == "person"), "{lee}");
    for who in ["Lee Hsien Loong", "John Lee Ka-chiu"] {
        assert!(
            rows.iter().take(2).any(|r| r["name"] == who),
            "{who} not in the top two: {lee}"
        );
    }
    let same = json(&run(&["search", "lee", "--kind", "person", "--json"]));
    assert_eq!(same, lee, "--kind person is p:");

    let none = run(&["search", "qqxzzvw", "--json"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(json(&none), serde_json::json!([]));
    let quoted_word = run(&["search", "q:lighthouse"]);
    assert_eq!(
        quoted_word.status.code(),
        Some(1),
        "a scare-quoted word is no quotation"
    );
    let limited = json(&run(&["search", "shanghai", "--limit", "3", "--json"]));
    assert_eq!(limited.as_array().map(Vec::len), Some(3));
}

#[test]
#[cfg_attr(
    not(dossier_shared),
    ignore = "needs ../shared/corpora beside the repository"
)]
fn across_articles_an_acronym_and_a_short_name_join_their_full_name() {
    let Some(bbc) = corpus("bbc") else { return };
    let bbc = bbc.to_str().expect("path");
    let card = |name: &str| stdout(&run(&["show", name, "--corpus", bbc]));
    assert!(
        card("EU").starts_with("European Union  [O]"),
        "{}",
        card("EU")
    );
    let us = card("United States");
    assert!(us.contains("aliases   US"), "{us}");
    assert!(
        card("Labour").starts_with("Labour Party  [O]"),
        "{}",
        card("Labour")
    );
    // A product with a head word does not swallow its maker.
    assert!(
        card("Microsoft").starts_with("Microsoft  [O]"),
        "{}",
        card("Microsoft")
    );
}

/// Wikinews ids all open with "GUM_news_": the text output shows what tells them apart, the
/// same short id is accepted back, and JSON keeps the full id.
#[test]
#[cfg_attr(
    not(dossier_shared),
    ignore = "needs ../shared/corpora beside the repository"
)]
fn short_ids_are_shown_and_accepted_and_json_keeps_full_ids() {
    let Some(wn) = common::corpus("wikinews") else {
        return;
    };
    let wn = wn.to_string_lossy().into_owned();
    let list = common::stdout(&common::run(&["list", "articles", "--corpus", &wn]));
    assert!(list.lines().any(|l| l.starts_with("afghan ")), "{list}");
    assert!(!list.contains("GUM_news_"), "{list}");
    let read = common::stdout(&common::run(&["read", "afghan", "--corpus", &wn]));
    assert!(
        read.contains("id        afghan (GUM_news_afghan)"),
        "{read}"
    );
    let quotes = common::stdout(&common::run(&["list", "quotes", "--corpus", &wn]));
    assert!(!quotes.contains("GUM "), "{quotes}");
    let json = common::json(&common::run(&[
        "list", "articles", "--json", "--corpus", &wn,
    ]));
    assert_eq!(json[0]["id"], "GUM_news_afghan", "{json}");
}

/// One parser of kinds: `list` and `search --kind` take singular and plural, British and
/// American spellings and the palette's letters; a query may be several words; a limit of 0 is
/// no limit, in `search` and `related` alike.
#[test]
fn kinds_queries_and_limits_read_the_same_in_every_command() {
    let plural = stdout(&run(&["list", "organizations"]));
    for word in ["organisations", "organisation", "org", "o"] {
        let out = run(&["list", word]);
        assert!(out.status.success(), "list {word}: {}", stderr(&out));
        assert_eq!(stdout(&out), plural, "list {word}");
    }
    assert_eq!(
        stdout(&run(&["list", "person"])),
        stdout(&run(&["list", "people"]))
    );
    let bad = run(&["list", "bogus"]);
    assert_eq!(bad.status.code(), Some(2));
    let org = run(&["search", "lee", "--kind", "org"]);
    assert!(org.status.success(), "{}", stderr(&org));
    assert!(
        stdout(&org).lines().all(|l| l.starts_with("[O]")),
        "{}",
        stdout(&org)
    );
    let two = run(&["search", "hua", "yuan"]);
    assert!(stdout(&two).starts_with("[P] Hua Yuan"), "{}", stdout(&two));
    let all = stdout(&run(&["search", "a", "--limit", "0"]));
    let some = stdout(&run(&["search", "a", "--limit", "3"]));
    assert_eq!(some.lines().count(), 3);
    assert!(all.lines().count() > 20, "{all}");
    let related_all = run(&["related", "002", "--limit", "0"]);
    assert!(related_all.status.success(), "{}", stderr(&related_all));
    assert_eq!(
        stdout(&related_all),
        stdout(&run(&["related", "002", "--limit", "100"])),
        "related --limit 0 lists them all"
    );
    assert!(
        stdout(&related_all).contains("003"),
        "{}",
        stdout(&related_all)
    );
    // No line ends in padding.
    let list = stdout(&run(&["list", "places"]));
    assert!(list.lines().all(|l| !l.ends_with(' ')), "{list:?}");
}

/// `--json` where the README promises it, with fields rather than formatted strings.
#[test]
fn json_is_accepted_and_roles_are_fields() {
    let ex = run(&["export", "--json"]);
    assert!(ex.status.success(), "{}", stderr(&ex));
    assert!(json(&ex)["articles"].is_array());
    let people = json(&run(&["list", "people", "--json"]));
    let radich = people
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == "Jules Radich"))
        .expect("Jules Radich listed");
    assert!(
        radich["roles"]
            .as_array()
            .is_some_and(|r| r.iter().any(|r| r["title"] == "Mayor"
                && r["of"] == "Dunedin"
                && r["article"] == "002_4d0cb910a6467354")),
        "{radich}"
    );
}

/// A corpus path is taken where --corpus is: after the command, or among the words of a query
/// or a name; the other words are one query or one name.
#[test]
fn a_positional_path_is_a_corpus_and_the_other_words_one_query() {
    let dir = scratch("positional_corpus");
    std::fs::write(
        dir.join("story.txt"),
        "Minister visits\n\nThe minister Zoltan Marvello visited Budapest on Monday.\n",
    )
    .expect("write");
    let d = dir.to_string_lossy().into_owned();
    let st = json(&run(&["stats", "--json", &d]));
    assert_eq!(st["articles"], 1, "{st}");
    let people = stdout(&run(&["list", "people", &d]));
    assert!(people.starts_with("Zoltan Marvello"), "{people}");
    let found = stdout(&run(&["search", "zoltan", "marvello", &d]));
    assert!(found.starts_with("[P] Zoltan Marvello"), "{found}");
    let card = stdout(&run(&["show", "Zoltan", "Marvello", &d]));
    assert!(card.starts_with("Zoltan Marvello  [P] person"), "{card}");
}

/// `show --json` gives the card with fields: the entity as the export has it, the articles that
/// name it with their mention counts, and its quotations.
#[test]
fn show_json_is_the_card_with_fields() {
    let out = run(&["show", "--json", "Gong", "Zheng"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cards = json(&out);
    let card = &cards[0];
    assert_eq!(cards.as_array().map(Vec::len), Some(1), "{cards}");
    assert_eq!(card["name"], "Gong Zheng", "{card}");
    assert_eq!(card["kind"], "person", "{card}");
    let arts = card["articles"].as_array().expect("articles");
    assert!(
        arts.iter()
            .any(|a| a["id"] == "001_bcdeee2dc5196373" && a["mentions"].as_u64() > Some(0)),
        "{card}"
    );
    let mentions: u64 = arts.iter().filter_map(|a| a["mentions"].as_u64()).sum();
    assert_eq!(
        Some(mentions as usize),
        card["mentions"].as_array().map(Vec::len),
        "the articles' counts add up to the mentions"
    );
    assert!(
        card["quotes"]
            .as_array()
            .is_some_and(|q| q.iter().any(|q| q["text"]
                .as_str()
                .is_some_and(|t| t.contains("leverage the Belt and Road")))),
        "{card}"
    );
    let none = run(&["show", "--json", "Nobody Anywhere"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(json(&none), serde_json::json!([]));
}

/// `read` and `compare` take an article by words of its title or by its file, and a file
/// named alone is the corpus.
#[test]
fn read_and_compare_take_titles_and_files() {
    let by_title = stdout(&run(&["read", "learn from singapore"]));
    assert!(by_title.starts_with("id        000 "), "{by_title}");
    let seeds = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let file = seeds.join("000_140278ac78e69803.txt");
    let f = file.to_string_lossy().into_owned();
    let alone = stdout(&run(&["read", &f]));
    assert!(
        alone.contains("title     Shanghai wants to learn from Singapore"),
        "{alone}"
    );
    // The same file inside a corpus given with --corpus is found there, not loaded twice.
    let inside = run(&["read", &f, "--corpus", &seeds.to_string_lossy()]);
    assert!(
        stdout(&inside).starts_with("id        000 "),
        "{}",
        stderr(&inside)
    );
    let other = seeds.join("001_bcdeee2dc5196373.txt");
    let cmp = run(&["compare", &f, &other.to_string_lossy(), "--width", "80"]);
    assert!(cmp.status.success(), "{}", stderr(&cmp));
    assert!(
        stdout(&cmp).contains("Shanghai wants to learn"),
        "{}",
        stdout(&cmp)
    );
    // Words that fit several titles list them by short id and title.
    let many = run(&["read", "shanghai"]);
    assert_eq!(many.status.code(), Some(1));
    assert!(
        stderr(&many).contains("matches 5 articles: 000 (Shanghai wants"),
        "{}",
        stderr(&many)
    );
}

/// `read`, `related` and `compare` take a corpus folder among their words, as every other
/// command does, and say what is missing when no article is named.
#[test]
fn read_related_and_compare_take_a_corpus_folder_among_their_words() {
    let seeds = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let s = seeds.to_string_lossy().into_owned();
    let read = run(&["read", "000", &s]);
    assert!(
        stdout(&read).starts_with("id        000 "),
        "{}",
        stderr(&read)
    );
    let by_title = run(&["read", &s, "learn", "from", "singapore"]);
    assert!(
        stdout(&by_title).starts_with("id        000 "),
        "{}",
        stderr(&by_title)
    );
    let related = run(&["related", "000", &s, "--limit", "2"]);
    assert!(related.status.code() != Some(2), "{}", stderr(&related));
    let cmp = run(&["compare", "000", "001", &s, "--width", "80"]);
    assert!(cmp.status.success(), "{}", stderr(&cmp));
    assert!(stdout(&cmp).contains("Shanghai wants to learn"));
    // An option may stand between the articles and the corpus.
    let between = run(&["compare", "000", "001", "--width", "80", &s]);
    assert!(between.status.success(), "{}", stderr(&between));
    assert_eq!(stdout(&between), stdout(&cmp));
    // A path inside the corpus, typed from anywhere.
    let by_path = run(&["read", "000_140278ac78e69803.txt", &s]);
    assert!(
        stdout(&by_path).starts_with("id        000 "),
        "{}",
        stderr(&by_path)
    );
    let nothing = run(&["read", &s]);
    assert_eq!(nothing.status.code(), Some(2));
    assert!(
        stderr(&nothing).contains("read needs an article"),
        "{}",
        stderr(&nothing)
    );
    let one = run(&["compare", "000", &s]);
    assert_eq!(one.status.code(), Some(2));
    assert!(
        stderr(&one).contains("only one was named"),
        "{}",
        stderr(&one)
    );
}

/// An article is found by the last segments of its id, and by words of its title in any order,
/// a number only as a whole word.
#[test]
fn articles_are_found_by_id_segments_and_title_words() {
    let dir = scratch("lookup_segments");
    for (rel, text) in [
        ("a/001.txt", "Chelsea sack Mutu\n\nThe club acted.\n"),
        ("b/001.txt", "Rates held\n\nThe bank waited.\n"),
        (
            "c/xyz.txt",
            "Germany nears 1990 jobless level\n\nUnemployment rose.\n",
        ),
    ] {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("folder")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    let d = dir.to_string_lossy().into_owned();
    let both = run(&["read", "001", &d]);
    assert_eq!(both.status.code(), Some(1));
    assert!(
        stderr(&both).contains("matches 2 articles"),
        "{}",
        stderr(&both)
    );
    let words = run(&["read", "chelsea", "mutu", &d]);
    assert!(
        stdout(&words).contains("title     Chelsea sack Mutu"),
        "{}",
        stderr(&words)
    );
    let number = run(&["read", "199", &d]);
    assert_eq!(number.status.code(), Some(1), "{}", stdout(&number));
    let year = run(&["read", "1990", &d]);
    assert!(stdout(&year).contains("Germany nears"), "{}", stderr(&year));
}

/// Search forgives a typo, a swap, word order and accents, and junk finds nothing (exit 1).
#[test]
fn search_forgives_and_junk_is_not_found() {
    for q in ["hua yaun", "hau yuan", "yuan hua", "gong zhneg"] {
        let out = run(&["search", q]);
        assert!(out.status.success(), "{q}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("[P] "), "{q}: {}", stdout(&out));
    }
    let junk = run(&["search", "taliban"]);
    assert_eq!(junk.status.code(), Some(1), "{}", stdout(&junk));
    assert!(stdout(&junk).is_empty());
    let exact = stdout(&run(&["search", "'gong", "!hong"]));
    assert!(exact.starts_with("[P] Gong Zheng"), "{exact}");
}

/// Into a pipe every name is whole and the counts of every row line up (on a terminal a long
/// name is cut with "…": the tmux test of `list` shows it).
#[test]
fn list_columns_stay_in_line_with_long_names() {
    let Some(bbc) = corpus("bbc") else { return };
    let list = stdout(&run(&["list", "organizations", &bbc.to_string_lossy()]));
    let columns: std::collections::BTreeSet<usize> = list
        .lines()
        .filter_map(|l| {
            let at = l.find(" mention")?;
            Some(l[..at].chars().count())
        })
        .collect();
    assert_eq!(
        columns.len(),
        1,
        "the counts start in one column: {columns:?}"
    );
    assert!(!list.contains('…'), "no name is cut in a pipe");
    assert!(
        list.lines()
            .any(|l| l.starts_with("International Association of Athletics Federations")),
        "a long name is whole"
    );
    let one = scratch("one_word");
    std::fs::write(one.join("a.txt"), "T\n\nOne.\n").expect("write");
    let articles = stdout(&run(&["list", "articles", &one.to_string_lossy()]));
    assert!(articles.contains(" 1 word "), "{articles}");
}
