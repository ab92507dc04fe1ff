//! Every screen drawn through ratatui's TestBackend, at 80x24 and 120x40, with and without
//! colour, compared with reviewed snapshots (`tests/snapshots`).

use dossier::corpus::Corpus;
use dossier::tui::app::{App, Effect, Msg, View};
use dossier::tui::view::{draw, Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

fn text_of(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn render(app: &App, theme: Theme) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(app.width, app.height)).expect("test terminal");
    term.draw(|f| draw(f, app, &theme)).expect("draw");
    term.backend().buffer().clone()
}

const COLOR: Theme = Theme { color: true };
const NO_COLOR: Theme = Theme { color: false };

fn screens<'c>(corpus: &'c Corpus, w: u16, h: u16) -> Vec<(&'static str, App<'c>)> {
    let mut out = Vec::new();
    out.push(("main_articles", App::new(corpus, w, h)));
    let mut people = App::new(corpus, w, h);
    people.update(Msg::Right);
    people.update(Msg::Down);
    // The keys rest: the preview shows the selection.
    people.update(Msg::Settle);
    out.push(("main_people", people));
    let mut article = App::new(corpus, w, h);
    article.update(Msg::Bottom);
    article.update(Msg::Open);
    for _ in 0..3 {
        article.update(Msg::NextHit);
    }
    out.push(("article_mention", article));
    let mut entity = App::new(corpus, w, h);
    let gong = corpus
        .resolved
        .entities
        .iter()
        .position(|e| e.name == "Gong Zheng")
        .expect("Gong Zheng");
    entity.open_entity(gong);
    out.push(("entity", entity));
    let mut help = App::new(corpus, w, h);
    help.update(Msg::ToggleHelp);
    out.push(("help", help));
    let mut help_end = App::new(corpus, w, h);
    help_end.update(Msg::ToggleHelp);
    help_end.update(Msg::Bottom);
    out.push(("help_end", help_end));
    let mut palette = App::new(corpus, w, h);
    palette.update(Msg::OpenPalette);
    let mut last = None;
    for ch in "gng zhng".chars() {
        last = palette.update(Msg::Type(ch));
    }
    if let Some(dossier::tui::app::Effect::Search { generation, query }) = last {
        let hits = palette.index.search(&query, None);
        palette.search_done(generation, hits);
    }
    out.push(("palette", palette));
    // Articles show their ids (two reports may share a title); a quotation's preview shows who
    // said it, where, and its words.
    for (name, query) in [
        ("palette_articles", "a:shanghai"),
        ("palette_quote", "q:singapore"),
    ] {
        let mut palette = App::new(corpus, w, h);
        palette.update(Msg::OpenPalette);
        let mut last = None;
        for ch in query.chars() {
            last = palette.update(Msg::Type(ch));
        }
        if let Some(dossier::tui::app::Effect::Search { generation, query }) = last {
            let hits = palette.index.search(&query, None);
            palette.search_done(generation, hits);
        }
        out.push((name, palette));
    }
    out
}

#[test]
fn screens_at_80x24_and_120x40() {
    let corpus = Corpus::open(&[]).expect("seeds");
    for (w, h) in [(80, 24), (120, 40)] {
        for (name, app) in screens(&corpus, w, h) {
            let buf = render(&app, COLOR);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), text_of(&buf));
            // Without colour the text is the same; only styles change.
            assert_eq!(
                text_of(&render(&app, NO_COLOR)),
                text_of(&buf),
                "{name} differs without colour"
            );
        }
    }
}

#[test]
fn without_colour_the_selection_is_reverse_video_and_no_colour_is_used() {
    let corpus = Corpus::open(&[]).expect("seeds");
    for (name, app) in screens(&corpus, 80, 24) {
        let buf = render(&app, NO_COLOR);
        let colours = buf
            .content
            .iter()
            .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
            .count();
        assert_eq!(colours, 0, "{name}: colour used under NO_COLOR");
        if !name.starts_with("help") {
            let reversed = buf
                .content
                .iter()
                .filter(|c| c.modifier.contains(Modifier::REVERSED))
                .count();
            assert!(
                reversed > 0,
                "{name}: the selection must show without colour"
            );
        }
    }
}

#[test]
fn only_the_16_ansi_colours_are_used() {
    let corpus = Corpus::open(&[]).expect("seeds");
    for (name, app) in screens(&corpus, 120, 40) {
        let buf = render(&app, COLOR);
        for c in &buf.content {
            for col in [c.fg, c.bg] {
                assert!(
                    !matches!(col, Color::Rgb(..) | Color::Indexed(_)),
                    "{name}: {col:?} is not one of the 16 ANSI colours"
                );
            }
        }
    }
}

#[test]
fn tiny_terminals_get_a_message_and_never_a_panic() {
    let corpus = Corpus::open(&[]).expect("seeds");
    for (w, h) in [(1, 1), (2, 1), (20, 5), (39, 24), (80, 9), (40, 10)] {
        for (name, mut app) in screens(&corpus, 80, 24) {
            app.update(Msg::Resize(w, h));
            let buf = render(&app, COLOR);
            let text = text_of(&buf);
            if w < 40 || h < 10 {
                if w >= 20 && h >= 3 {
                    assert!(text.contains("too small"), "{name} at {w}x{h}:\n{text}");
                }
            } else {
                assert!(!text.contains("too small"), "{name} at {w}x{h}");
            }
        }
    }
    let mut app = App::new(&corpus, 20, 5);
    let buf = render(&app, COLOR);
    insta::assert_snapshot!("too_small_20x5", text_of(&buf));
    // Back to a usable size, the lists are drawn again (the view itself never changed).
    app.update(Msg::Resize(80, 24));
    let text = text_of(&render(&app, COLOR));
    assert!(!text.contains("too small"), "{text}");
    assert!(text.starts_with("dossier › Articles"), "{text}");
}

#[test]
fn control_characters_in_article_text_are_neutralised() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("control_chars");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(
        dir.join("evil.txt"),
        "Evil \u{1b}]0;pwned\u{7} title\n\nBody with \u{1b}[2J clear and \u{9b}31m CSI. Bidi \u{202e}abc\u{2066}d\u{2069}, a\u{2028}b\u{2029}c, zero\u{200b}width \u{200d} stray joiner, family \u{1f468}\u{200d}\u{1f469}.\n",
    )
    .expect("write");
    let corpus = Corpus::open(&[dir]).expect("load");
    let mut app = App::new(&corpus, 80, 24);
    let main = render(&app, COLOR);
    app.update(Msg::Open);
    let article = render(&app, COLOR);
    let mut family = false;
    for buf in [main, article] {
        for c in &buf.content {
            let sym = c.symbol();
            assert!(
                !sym.chars().any(|ch| ch.is_control()
                    || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{200B}')),
                "{sym:?} reached the screen"
            );
            // A joiner only inside a cluster: never a cell's first or last character.
            assert!(
                !sym.starts_with('\u{200D}')
                    && !sym.ends_with('\u{200D}')
                    && !sym.contains(" \u{200D}"),
                "stray joiner in {sym:?}"
            );
            family |= sym == "\u{1f468}\u{200d}\u{1f469}";
        }
        let text = text_of(&buf);
        assert!(!text.contains("\u{200d} "), "stray joiner drawn:\n{text}");
    }
    assert!(family, "the family emoji is drawn whole");
}

#[test]
fn a_terminal_of_more_than_65535_cells_draws_every_row() {
    // ratatui 0.29 indexed cells with u16: at 500x200 (100,000 cells) rows past 131 wrapped onto
    // the top of the screen.
    let corpus = Corpus::open(&[]).expect("seeds");
    for (w, h) in [(500, 200), (400, 200), (500, 132)] {
        let app = App::new(&corpus, w, h);
        let buf = render(&app, COLOR);
        let text = text_of(&buf);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), usize::from(h));
        assert!(
            rows[0].starts_with("dossier › Articles"),
            "{w}x{h} top: {:?}",
            rows[0]
        );
        assert!(
            rows[usize::from(h) - 1].contains("? help"),
            "{w}x{h} bottom: {:?}",
            rows[usize::from(h) - 1]
        );
        assert_eq!(
            text.matches("dossier › Articles").count(),
            1,
            "{w}x{h}: the breadcrumb drawn twice"
        );
    }
}

#[test]
fn an_entity_seen_in_an_article_with_a_65536_character_id_draws() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("long_id_view");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let id = "y".repeat(65_536);
    std::fs::write(
        dir.join("feed.jsonl"),
        format!("{{\"id\": \"{id}\", \"title\": \"Long id\", \"body\": \"Maria Kowalski met the Harbour Board. Maria Kowalski said so.\"}}\n"),
    )
    .expect("write");
    let corpus = Corpus::open(&[dir]).expect("load");
    let who = corpus
        .resolved
        .entities
        .iter()
        .position(|e| e.name == "Maria Kowalski")
        .expect("Maria Kowalski");
    for (w, h) in [(80, 24), (200, 50)] {
        let mut app = App::new(&corpus, w, h);
        app.open_entity(who);
        let text = text_of(&render(&app, COLOR));
        assert!(text.contains("Maria Kowalski"), "{text}");
        assert!(
            text.contains("yyyy…"),
            "the id is cut to its column:\n{text}"
        );
    }
}

#[test]
fn the_selected_mention_is_the_text_in_reverse_video() {
    // The article snapshots are text only, so they cannot see which mention is selected: the
    // cells in reverse video of the body must spell the selected mention, and nothing else.
    let corpus = Corpus::open(&[]).expect("seeds");
    for (name, app) in screens(&corpus, 120, 40) {
        if name != "article_mention" {
            continue;
        }
        let View::Article(s) = app.view() else {
            panic!("the article view");
        };
        let m = app.article_layout(s.article).mentions[s.mention.expect("a mention is selected")];
        let want = corpus.articles[s.article].slice(m.span).to_string();
        for theme in [COLOR, NO_COLOR] {
            let buf = render(&app, theme);
            let area = buf.area;
            // Reversed cells left of the side list (the body column), row by row.
            let mut reversed = String::new();
            for y in 1..area.height.saturating_sub(1) {
                for x in 0..area.width {
                    let c = &buf[(x, y)];
                    if c.modifier.contains(Modifier::REVERSED) && x < area.width * 2 / 3 {
                        reversed.push_str(c.symbol());
                    }
                }
            }
            assert_eq!(reversed.trim(), want, "{name}: reversed cells");
        }
    }
}

/// The compare screen of seeds 002 and 003 after `n`, at 80x24 and 160x48: two columns with
/// their headers, the first aligned pair marked on both sides, the entity strip below; and the
/// picker that leads to it, related report first.
#[test]
fn the_compare_screen_and_its_picker() {
    let corpus = Corpus::open(&[]).expect("seeds");
    let id = |i: usize| corpus.articles[i].short_id().to_string();
    let a = (0..corpus.articles.len())
        .find(|&i| id(i) == "002")
        .expect("002");
    let b = (0..corpus.articles.len())
        .find(|&i| id(i) == "003")
        .expect("003");
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = App::new(&corpus, w, h);
        app.open_article(a, None);
        app.update(Msg::Compare);
        insta::assert_snapshot!(
            format!("compare_picker_{w}x{h}"),
            text_of(&render(&app, COLOR))
        );
        app.update(Msg::Open);
        app.update(Msg::NextHit);
        let View::Compare(s) = app.view() else {
            panic!("the compare screen, got {:?}", app.view());
        };
        assert_eq!((s.a, s.b), (a, b));
        let buf = render(&app, COLOR);
        insta::assert_snapshot!(format!("compare_{w}x{h}"), text_of(&buf));
        assert_eq!(text_of(&render(&app, NO_COLOR)), text_of(&buf));
        // The current pair's marker is reversed on both sides.
        let half = w / 2;
        let marked = |left: bool| {
            (0..h).any(|y| {
                (0..w).any(|x| {
                    let c = &buf[(x, y)];
                    (x < half) == left
                        && c.symbol() == "▌"
                        && c.modifier.contains(Modifier::REVERSED)
                })
            })
        };
        assert!(
            marked(true) && marked(false),
            "the current pair is marked on both sides"
        );
    }
}

/// Articles are listed by short id (the prefix every id shares dropped), in one column so that
/// the titles line up.
#[test]
fn the_articles_list_shows_short_ids_in_one_column() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("short_ids");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for (name, title) in [
        ("GUM_news_afghan", "Afghan team honoured"),
        ("GUM_news_questionnaire", "Questionnaire sent"),
    ] {
        std::fs::write(
            dir.join(format!("{name}.txt")),
            format!("{title}\n\nA body.\n"),
        )
        .expect("write");
    }
    let corpus = Corpus::open(&[dir]).expect("load");
    let app = App::new(&corpus, 80, 24);
    let text = text_of(&render(&app, NO_COLOR));
    assert!(!text.contains("GUM"), "{text}");
    let col = |needle: &str| {
        text.lines()
            .find_map(|l| l.find(needle).map(|at| l[..at].chars().count()))
            .unwrap_or_else(|| panic!("{needle} not drawn:\n{text}"))
    };
    assert_eq!(col("Afghan team"), col("Questionnaire sent"), "{text}");
    assert!(col("afghan") < col("Afghan team"), "{text}");
}

/// Until the search index arrives (it is built after the first list), a query in the palette
/// says it is waiting for it rather than showing nothing; once it is there, the answer shows.
#[test]
fn the_palette_says_it_is_indexing_until_the_index_arrives() {
    let corpus = Corpus::open(&[]).expect("seeds");
    let mut app = App::with_index(&corpus, 80, 24, std::sync::Arc::default());
    app.update(Msg::OpenPalette);
    let mut generation = None;
    for c in "gong".chars() {
        if let Some(Effect::Search { generation: g, .. }) = app.update(Msg::Type(c)) {
            generation = Some(g);
        }
    }
    let generation = generation.expect("typing asks for a search");
    let waiting = text_of(&render(&app, NO_COLOR));
    assert!(waiting.contains("indexing names…"), "{waiting}");
    assert!(!waiting.contains("nothing matches"), "{waiting}");
    let index = std::sync::Arc::new(dossier::search::SearchIndex::build(&corpus));
    let hits = index.search("gong", None);
    app.index_ready(index);
    app.update(Msg::Searched(generation, hits));
    let answered = text_of(&render(&app, NO_COLOR));
    assert!(answered.contains("Gong Zheng"), "{answered}");
    assert!(!answered.contains("indexing names…"), "{answered}");
}
