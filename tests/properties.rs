//! Properties over generated input: every offset dossier gives holds for any text (the span
//! invariant), and the browser's `update` and `view` never panic on any key sequence at any
//! terminal size.

use dossier::corpus::Corpus;
use dossier::load::{Loaded, RawDoc};
use dossier::tui::app::{App, Msg};
use dossier::tui::view::{draw, Theme};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// Pieces news text is made of, and the odd characters hostile text holds.
const PIECES: &[&str] = &[
    "Maria",
    "Kowalski",
    "Harbour",
    "Board",
    "Prime",
    "Minister",
    "Mr",
    "said",
    "the",
    "of",
    "Shanghai",
    "Gong",
    "Zheng",
    "(",
    ")",
    "(HB)",
    "HB",
    "“",
    "”",
    "\"",
    "'",
    "’s",
    ",",
    ".",
    ":",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "US$17.4 billion",
    "4%",
    "2017",
    "on Thursday",
    "é",
    "上海",
    "🤝",
    "\u{1f468}\u{200d}\u{1f469}",
    "\u{200d}",
    "\u{202e}",
    "\u{1b}[2J",
    "\u{9b}",
    "\t",
    "\u{2028}",
    "\u{feff}",
    "-",
    "—",
    "Dr",
    "Inc",
    "Ltd",
    "Initiative",
    "Forum",
    "the mayor",
    "he said",
    "she said",
    "[Photo",
    "]",
    "By",
    "Image:",
];

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,6}",
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..120,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for p in parts {
            if !s.is_empty() && !p.starts_with(['\n', ' ', ',', '.', ')']) {
                s.push(' ');
            }
            s.push_str(&p);
        }
        s
    })
}

fn corpus_of(texts: &[String]) -> Corpus {
    let docs = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match dossier::load::decode(t.as_bytes()) {
            dossier::load::Decoded::Text(text, _) => Some(RawDoc {
                id: format!("p{i}"),
                path: format!("p{i}.txt"),
                text,
                record: None,
            }),
            dossier::load::Decoded::Skip(_) => None,
        })
        .collect();
    Corpus::from_loaded(
        Loaded {
            docs,
            ..Loaded::default()
        },
        std::time::Duration::ZERO,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_offset_holds_for_any_text(texts in prop::collection::vec(article_text(), 1..4)) {
        let corpus = corpus_of(&texts);
        let broken = corpus.span_violations();
        prop_assert!(broken.is_empty(), "{broken:?}");
        let failed: Vec<_> = corpus
            .warnings
            .iter()
            .filter(|w| w.message.contains("dossier failed"))
            .collect();
        prop_assert!(failed.is_empty(), "a panic was caught: {failed:?}");
    }
}

fn message() -> impl Strategy<Value = Msg> {
    prop_oneof![
        Just(Msg::Up),
        Just(Msg::Down),
        Just(Msg::Top),
        Just(Msg::Bottom),
        Just(Msg::HalfDown),
        Just(Msg::HalfUp),
        Just(Msg::PageDown),
        Just(Msg::PageUp),
        Just(Msg::Left),
        Just(Msg::Right),
        Just(Msg::Open),
        Just(Msg::Open),
        Just(Msg::Back),
        Just(Msg::Forward),
        Just(Msg::NextPane),
        Just(Msg::NextHit),
        Just(Msg::PrevHit),
        Just(Msg::ToggleSort),
        Just(Msg::Copy),
        Just(Msg::ToggleHelp),
        Just(Msg::OpenPalette),
        Just(Msg::Erase),
        Just(Msg::ClearInput),
        Just(Msg::OpenFind),
        (0u16..300, 0u16..120).prop_map(|(w, h)| Msg::Resize(w, h)),
        any::<char>().prop_map(Msg::Type),
        prop::sample::select(&["g", "o", "n", " ", "e", "'", "^", "!", "|", "$"][..])
            .prop_map(|s| Msg::Type(s.chars().next().unwrap_or('g'))),
        "\\PC{0,40}".prop_map(|s| Msg::Paste(s.as_str().into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn update_and_view_never_panic(
        keys in prop::collection::vec(message(), 1..60),
        hostile in article_text(),
    ) {
        // The seeds and one generated article, so that odd text is on screen too.
        let mut docs = dossier::load::load_seeds().docs;
        if let dossier::load::Decoded::Text(text, _) = dossier::load::decode(hostile.as_bytes()) {
            docs.push(RawDoc { id: "zz".into(), path: "zz.txt".into(), text, record: None });
        }
        let corpus = Corpus::from_loaded(
            Loaded { docs, ..Loaded::default() },
            std::time::Duration::ZERO,
        );
        let mut app = App::new(&corpus, 80, 24);
        let theme = Theme { color: true };
        for msg in keys {
            if let Some(dossier::tui::app::Effect::Search { generation, query }) = app.update(msg) {
                let hits = app.index.search(&query, None);
                app.search_done(generation, hits);
            }
            if app.quit {
                break;
            }
            let (w, h) = (app.width.max(1), app.height.max(1));
            let mut term = Terminal::new(TestBackend::new(w, h)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            term.draw(|f| draw(f, &app, &theme)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The byte-wise word count `stats` and the article header show agrees with the standard
    /// library's reading of whitespace, on any text: ASCII, no-break spaces, ideographic spaces,
    /// line separators and letters of any script.
    #[test]
    fn word_count_agrees_with_split_whitespace(
        text in "([a-zé£\u{201c}\u{2013}\u{4e2d}\u{1f600}]{0,5}[ \t\n\r\u{0b}\u{0c}\u{85}\u{a0}\u{1680}\u{2000}\u{2009}\u{200b}\u{2028}\u{202f}\u{205f}\u{3000}]{0,3}){0,30}",
    ) {
        prop_assert_eq!(dossier::model::count_words(&text), text.split_whitespace().count());
    }

    /// The same on text whose only spaces are ASCII, which is counted by another path: letters
    /// that share first bytes with wide spaces (a pound sign, curly quotes, dashes) are words.
    #[test]
    fn word_count_of_text_spaced_in_ascii_agrees_with_split_whitespace(
        text in "([a-zé£\u{201c}\u{2013}\u{2030}\u{3001}\u{4e2d}\u{1f600}]{0,5}[ \t\n\r\u{0b}\u{0c}]{0,3}){0,30}",
    ) {
        prop_assert_eq!(dossier::model::count_words(&text), text.split_whitespace().count());
    }
}

/// A quote whose speaker was joined into another entity across articles (an acronym into its
/// expansion) is that entity's, not whichever entity happens to come first in the list.
#[test]
fn a_speaker_joined_into_its_full_name_keeps_its_quotes() {
    let texts = [
        "Panel names chief\n\nThe Northern Rowing Federation (NRF) named Ian Dalwood as chief executive on Monday. Ian Dalwood said the post had been open for a year. Dalwood will start in May.\n".to_string(),
        "Ban upheld\n\nThe sculler Tom Barrow will miss three races. An NRF spokesman said: \"He has seven days to appeal against the decision of the panel.\"\n".to_string(),
    ];
    let corpus = corpus_of(&texts);
    assert!(
        corpus.span_violations().is_empty(),
        "{:?}",
        corpus.span_violations()
    );
    let spoken: Vec<&str> = corpus
        .resolved
        .quotes
        .iter()
        .filter(|q| q.article == 1)
        .map(|q| {
            q.speaker
                .map_or("", |s| corpus.resolved.entities[s].name.as_str())
        })
        .collect();
    assert_eq!(spoken, ["Northern Rowing Federation"]);
}
