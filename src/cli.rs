//! The command line: argument parsing and the one-shot commands of PRODUCT.md section 5.

use clap::{Parser, Subcommand};
use dossier::corpus::{ArticleLookup, Corpus};
use dossier::extract::Kind;
use dossier::model::Article;
use dossier::present;
use dossier::resolve::Entity;
use serde::Serialize;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal browser for news corpora.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    /// Corpus folders or files to open in the browser (default: the bundled seeds).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A corpus folder or file; repeat for several.
    #[arg(long = "corpus", value_name = "PATH", global = true)]
    pub corpus: Vec<PathBuf>,

    /// Follow links that lead out of the folders given (by default they are reported, not followed).
    #[arg(long, global = true)]
    pub follow_links: bool,

    /// The most text to hold, such as 500M or 2G (default: a quarter of physical memory); files
    /// past it are refused with a warning.
    #[arg(long, value_name = "SIZE", global = true, value_parser = parse_max_text)]
    pub max_text: Option<u64>,

    /// The one-shot command to run instead of the browser.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The one-shot commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the whole parsed corpus as JSON.
    Export {
        /// Accepted for agreement with the other commands: the export is always JSON.
        #[arg(long)]
        json: bool,
        /// Corpus folders or files, as with --corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print counts, load warnings and per-phase timings.
    Stats {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
        /// Corpus folders or files, as with --corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print one article, cleaned, with its metadata.
    Read {
        /// An article: its id, short id or a unique prefix of one (such as `004`), words of
        /// its title, or a file (which is then read as the corpus, or found in it); a folder
        /// among the words is a corpus.
        #[arg(required = true, num_args = 1.., value_name = "ARTICLE")]
        article: Vec<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search entity names, aliases and article titles (`p:` `o:` `l:` `e:` `i:` `a:` `q:` filter).
    Search {
        /// What to look for, optionally with a kind prefix such as `p:lee`; several words are
        /// one query, and a word that is an existing file or folder is a corpus.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Only this kind: person, organization, place, event, initiative, article or quote.
        #[arg(long)]
        kind: Option<String>,
        /// At most this many results (0: all of them).
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print an entity's card: kind, aliases, roles, articles, mentions in context, quotes.
    Show {
        /// A name or alias (several words are one name; a word that is an existing file or
        /// folder is a corpus); every candidate is listed when it is ambiguous.
        #[arg(required = true, num_args = 1..)]
        name: Vec<String>,
        /// Print as JSON: one card per entity that matches (full ids, byte offsets).
        #[arg(long)]
        json: bool,
    },
    /// Print one line per item of a kind.
    List {
        /// What to list: articles, people, organisations, places, events, initiatives, quotes or
        /// figures (singular or plural, British or American, or the search prefix letter).
        #[arg(value_parser = parse_list_kind)]
        kind: ListKind,
        /// Corpus folders or files, as with --corpus.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Put two articles side by side: aligned sentences, differing figures, shared and one-side entities.
    Compare {
        /// The two articles, each an id, short id or unique prefix, words of its title
        /// (quoted), or a file; a folder among them is a corpus. Options may stand between
        /// them: the words are counted once they are all read.
        #[arg(required = true, num_args = 1.., value_name = "ARTICLE")]
        articles: Vec<String>,
        /// Fit the text in this many columns (default: the terminal's width, or 100).
        #[arg(long)]
        width: Option<usize>,
        /// Print as JSON (full ids, byte offsets into each article's text).
        #[arg(long)]
        json: bool,
    },
    /// Print the other articles that report the same story, most similar first.
    Related {
        /// An article, named as `read` names one; a folder among the words is a corpus.
        #[arg(required = true, num_args = 1.., value_name = "ARTICLE")]
        article: Vec<String>,
        /// At most this many (0: all of them).
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The names of the commands, for suggesting one when a word is neither a command nor a path.
const COMMANDS: &[&str] = &[
    "export", "stats", "read", "search", "show", "list", "compare", "related", "help",
];

/// `list`'s kind through the one parser of kinds that search and the palette use, plus figures.
fn parse_list_kind(word: &str) -> Result<ListKind, String> {
    use dossier::search::Filter;
    match Filter::parse(word) {
        Some(Filter::Articles) => Ok(ListKind::Articles),
        Some(Filter::Quotes) => Ok(ListKind::Quotes),
        Some(Filter::Kind(k)) => Ok(match k {
            Kind::Person => ListKind::People,
            Kind::Organization => ListKind::Organizations,
            Kind::Place => ListKind::Places,
            Kind::Event => ListKind::Events,
            Kind::Initiative => ListKind::Initiatives,
        }),
        None if matches!(word.to_ascii_lowercase().as_str(), "f" | "figure" | "figures") => {
            Ok(ListKind::Figures)
        }
        None => Err(format!(
            "\"{word}\" is not a kind (articles, people, organisations, places, events, initiatives, quotes, figures)"
        )),
    }
}

/// The kinds `list` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Articles: id, words, title.
    Articles,
    /// People, with roles.
    People,
    /// Organisations.
    Organizations,
    /// Places.
    Places,
    /// Events.
    Events,
    /// Initiatives, programmes and policies.
    Initiatives,
    /// Quotations with their speakers.
    Quotes,
    /// Figures and dates.
    Figures,
}

impl ListKind {
    fn entity_kind(self) -> Option<Kind> {
        match self {
            ListKind::People => Some(Kind::Person),
            ListKind::Organizations => Some(Kind::Organization),
            ListKind::Places => Some(Kind::Place),
            ListKind::Events => Some(Kind::Event),
            ListKind::Initiatives => Some(Kind::Initiative),
            _ => None,
        }
    }
}

/// The corpus paths a command names itself, its query or name, and the articles it names: the
/// words of `search` and `show` that are existing files or folders are corpora, the others are
/// joined into one; for the words of `read`, `related` and `compare` see [`article_words`].
fn command_paths(command: Option<&Command>) -> (Vec<PathBuf>, String, Vec<String>) {
    let split = |words: &[String]| {
        let (paths, rest): (Vec<&String>, Vec<&String>) = words
            .iter()
            .partition(|w| words.len() > 1 && std::path::Path::new(w.as_str()).exists());
        (
            paths.into_iter().map(PathBuf::from).collect(),
            rest.iter()
                .map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            Vec::new(),
        )
    };
    match command {
        Some(Command::Stats { paths, .. })
        | Some(Command::Export { paths, .. })
        | Some(Command::List { paths, .. }) => (paths.clone(), String::new(), Vec::new()),
        Some(Command::Search { query, .. }) => split(query),
        Some(Command::Show { name, .. }) => split(name),
        Some(Command::Read { article, .. })
        | Some(Command::Related { article, .. })
        | Some(Command::Compare {
            articles: article, ..
        }) => {
            let (corpora, articles) = article_words(article);
            (corpora, String::new(), articles)
        }
        _ => (Vec::new(), String::new(), Vec::new()),
    }
}

/// The error of a command given a corpus but no article.
fn no_article(command: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{command} needs an article besides the corpus: an id, words of its title, or a file"
    )
}

/// The words naming articles split into corpora and articles: a folder is a corpus, a file is
/// a corpus and an article (found in it by its path), and the other words are ids or titles.
fn article_words(words: &[String]) -> (Vec<PathBuf>, Vec<String>) {
    let mut corpora = Vec::new();
    let mut articles = Vec::new();
    for w in words {
        let p = std::path::Path::new(w.as_str());
        if p.is_dir() {
            corpora.push(p.to_path_buf());
        } else {
            if p.is_file() {
                corpora.push(p.to_path_buf());
            }
            articles.push(w.clone());
        }
    }
    (corpora, articles)
}

fn parse_max_text(s: &str) -> Result<u64, String> {
    dossier::load::parse_size(s).ok_or_else(|| format!("\"{s}\" is not a size (try 500M or 2G)"))
}

/// Exit status: something found.
const FOUND: u8 = 0;
/// Exit status: nothing found.
const NOTHING: u8 = 1;
/// Exit status: bad usage or unreadable input.
const BAD: u8 = 2;

/// Parse the command line and run it.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let mut paths = cli.paths.clone();
    paths.extend(cli.corpus.iter().cloned());
    // A command's own paths (`dossier stats PATH`), and the words of a query or a name that are
    // existing files or folders, are corpora as --corpus is.
    let (more, words, articles) = command_paths(cli.command.as_ref());
    // With --corpus given too, a query word that names a file or folder here may well be
    // meant as a word: say what was done with it.
    if !cli.corpus.is_empty()
        && matches!(
            cli.command,
            Some(Command::Search { .. } | Command::Show { .. })
        )
    {
        for p in &more {
            error_line(&format!(
                "\"{}\" is read as a corpus, being a file or folder here (quote the query to search for it)",
                printable(&p.display().to_string())
            ));
        }
    }
    paths.extend(more);
    let mut options = dossier::load::LoadOptions {
        follow_links: cli.follow_links,
        ..Default::default()
    };
    if let Some(max) = cli.max_text {
        options.max_text = max;
    }
    if cli.command.is_none() {
        if let Some(word) = cli.paths.first().filter(|p| !p.exists()) {
            let word = word.to_string_lossy();
            if !word.contains(['/', '.']) {
                let nearest = COMMANDS
                    .iter()
                    .map(|c| (dossier::text::edit_distance(c, &word), *c))
                    .min()
                    .filter(|(d, _)| *d <= 2)
                    .map(|(_, c)| format!(" (did you mean \"{c}\"?)"))
                    .unwrap_or_default();
                error_line(&format!(
                    "unknown command or path \"{word}\"{nearest}; see dossier --help"
                ));
                return ExitCode::from(BAD);
            }
        }
    }
    {
        use std::io::IsTerminal;
        if cli.command.is_none() && io::stdout().is_terminal() && io::stdin().is_terminal() {
            return browse(&paths, &options);
        }
    }
    let corpus = match Corpus::open_with(&paths, &options) {
        Ok(c) => c,
        Err(e) => {
            error_line(&format!("{e:#}"));
            return ExitCode::from(BAD);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        None => summary(&corpus, &mut out),
        Some(Command::Export { .. }) => export(&corpus, &mut out),
        Some(Command::Stats { json, .. }) => stats(&corpus, *json, &mut out),
        Some(Command::Read { json, .. }) => match articles.as_slice() {
            [] => Err(no_article("read")),
            words => read(&corpus, &words.join(" "), *json, &mut out),
        },
        Some(Command::List { kind, json, .. }) => list(&corpus, *kind, *json, &mut out),
        Some(Command::Show { json, .. }) => show(&corpus, &words, *json, &mut out),
        Some(Command::Compare { width, json, .. }) => match articles.as_slice() {
            [a, b] => compare(&corpus, a, b, *width, *json, &mut out),
            named => Err(anyhow::anyhow!(
                "compare takes two articles and {} named (quote a title of several words; \
                 a folder is a corpus)",
                match named.len() {
                    0 => "none was".to_string(),
                    1 => "only one was".to_string(),
                    n => format!("{n} were"),
                }
            )),
        },
        Some(Command::Related { limit, json, .. }) => match articles.as_slice() {
            [] => Err(no_article("related")),
            words => related(&corpus, &words.join(" "), *limit, *json, &mut out),
        },
        Some(Command::Search {
            kind, limit, json, ..
        }) => search(&corpus, &words, kind.as_deref(), *limit, *json, &mut out),
    };
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            error_line(&format!("{e:#}"));
            BAD
        }
    };
    let exit = match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            error_line(&format!("cannot write output: {e}"));
            ExitCode::from(BAD)
        }
        _ => ExitCode::from(code),
    };
    // The process ends now: the system takes the corpus's memory back whole, where freeing its
    // million allocations one by one took 7 M instructions at BBC, 20 times that at 20x.
    std::mem::forget(corpus);
    exit
}

/// Open the browser.
#[cfg(feature = "tui")]
fn browse(paths: &[PathBuf], options: &dossier::load::LoadOptions) -> ExitCode {
    match dossier::tui::run(paths, options) {
        Ok(()) => ExitCode::from(FOUND),
        Err(e) => {
            error_line(&format!("{e:#}"));
            ExitCode::from(BAD)
        }
    }
}

/// A build without the browser says so, and names the commands it has.
#[cfg(not(feature = "tui"))]
fn browse(_paths: &[PathBuf], _options: &dossier::load::LoadOptions) -> ExitCode {
    error_line("this dossier was built without the browser (feature \"tui\"); run a command: dossier --help");
    ExitCode::from(BAD)
}

type Out<'a> = io::BufWriter<io::StdoutLock<'a>>;

/// Write bytes, treating a closed pipe (`dossier export | head`) as a normal end.
fn write_out(out: &mut Out, s: &str) -> anyhow::Result<()> {
    match out.write_all(s.as_bytes()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Write text for a person: every line passes the terminal rule ([`present::for_terminal`]), so
/// nothing from a corpus can drive the terminal.
fn emit(out: &mut Out, s: &str) -> anyhow::Result<()> {
    write_out(out, &present::for_terminal(s))
}

/// Write JSON, pretty or compact, with the characters a terminal would act on escaped.
fn write_json<T: Serialize>(out: &mut Out, value: &T, pretty: bool) -> anyhow::Result<()> {
    let mut s = if pretty {
        serde_json::to_string_pretty(value)?
    } else {
        serde_json::to_string(value)?
    };
    s.push('\n');
    write_out(out, &present::escape_json_for_terminal(&s))
}

fn emit_json<T: Serialize>(out: &mut Out, value: &T) -> anyhow::Result<()> {
    write_json(out, value, true)
}

/// One field of a line (an id, a name, a title) with the terminal rule applied and line breaks
/// turned into spaces, so a file name holding a newline cannot forge a line.
pub fn printable(s: &str) -> String {
    present::one_line(s).into_owned()
}

/// Print one line on standard error, through the terminal rule.
fn error_line(msg: &str) {
    eprintln!("dossier: {}", present::one_line(msg));
}

fn summary(corpus: &Corpus, out: &mut Out) -> anyhow::Result<u8> {
    let mut s = format!(
        "dossier: {}, {}, {}\n",
        present::counted(corpus.articles.len(), "article", "articles"),
        present::counted(corpus.word_count(), "word", "words"),
        present::counted(corpus.warnings.len(), "warning", "warnings")
    );
    for a in &corpus.articles {
        s.push_str(&format!(
            "  {} {}\n",
            present::pad(&short_id(a), 28),
            printable(a.title.as_deref().unwrap_or("(untitled)"))
        ));
    }
    emit(out, &s)?;
    Ok(FOUND)
}

fn export(corpus: &Corpus, out: &mut Out) -> anyhow::Result<u8> {
    write_json(out, &dossier::export::build(corpus), false)?;
    Ok(FOUND)
}

#[derive(Serialize)]
struct Stats<'a> {
    articles: usize,
    words: usize,
    bytes: u64,
    skipped_other_files: usize,
    skipped_notes: usize,
    warnings: &'a [dossier::model::Warning],
    timings_ms: TimingsMs,
}

#[derive(Serialize)]
struct TimingsMs {
    read: f64,
    parse: f64,
    lexicon: f64,
    extract: f64,
    resolve: f64,
    total: f64,
}

fn stats(corpus: &Corpus, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    let ms = |d: std::time::Duration| (d.as_secs_f64() * 1e6).round() / 1e3;
    let t = &corpus.timings;
    let timings = TimingsMs {
        read: ms(t.read),
        parse: ms(t.parse),
        lexicon: ms(t.lexicon),
        extract: ms(t.extract),
        resolve: ms(t.resolve),
        total: ms(t.total()),
    };
    if json {
        emit_json(
            out,
            &Stats {
                articles: corpus.articles.len(),
                words: corpus.word_count(),
                bytes: corpus.bytes,
                skipped_other_files: corpus.skipped_other,
                skipped_notes: corpus.skipped_notes,
                warnings: &corpus.warnings,
                timings_ms: timings,
            },
        )?;
        return Ok(FOUND);
    }
    let mut s = String::new();
    s.push_str(&format!("articles  {}\n", corpus.articles.len()));
    s.push_str(&format!("words     {}\n", corpus.word_count()));
    s.push_str(&format!("bytes     {}\n", corpus.bytes));
    s.push_str(&format!(
        "skipped   {}, {} (README, LICENSE, COPYING, CHANGELOG)\n",
        present::counted(
            corpus.skipped_other,
            "file of other formats",
            "files of other formats"
        ),
        present::counted(corpus.skipped_notes, "folder note", "folder notes"),
    ));
    s.push_str(&format!("warnings  {}\n", corpus.warnings.len()));
    for w in &corpus.warnings {
        s.push_str(&format!(
            "  {}: {}\n",
            printable(&w.path),
            printable(&w.message)
        ));
    }
    let r = &corpus.resolved;
    for kind in Kind::ALL {
        s.push_str(&format!(
            "{:<14}{}\n",
            kind.plural(),
            corpus.entities_of(kind).count()
        ));
    }
    s.push_str(&format!("quotes        {}\n", r.quotes.len()));
    s.push_str(&format!("figures       {}\n", r.figures.len()));
    let mbs = corpus.bytes as f64 / 1e6 / t.total().as_secs_f64().max(1e-9);
    s.push_str(&format!(
        "time      read {:.1} ms, parse {:.1} ms, lexicon {:.1} ms, extract {:.1} ms, resolve {:.1} ms, total {:.1} ms ({mbs:.1} MB/s)\n",
        timings.read, timings.parse, timings.lexicon, timings.extract, timings.resolve, timings.total
    ));
    emit(out, &s)?;
    Ok(FOUND)
}

fn lookup<'a>(corpus: &'a Corpus, key: &str) -> Result<&'a Article, u8> {
    match corpus.find_article(key) {
        ArticleLookup::Found(a) => Ok(a),
        ArticleLookup::Ambiguous(found) => {
            let shown: Vec<String> = found
                .iter()
                .take(8)
                .map(|a| {
                    format!(
                        "{} ({})",
                        short_id(a),
                        printable(a.title.as_deref().unwrap_or("untitled"))
                    )
                })
                .collect();
            error_line(&format!(
                "\"{}\" matches {} articles: {}{}",
                printable(key),
                found.len(),
                shown.join(", "),
                if found.len() > 8 { ", ..." } else { "" }
            ));
            Err(NOTHING)
        }
        ArticleLookup::None => {
            error_line(&format!(
                "no article \"{}\" (an id, a short id, a file or words of a title)",
                printable(key)
            ));
            Err(NOTHING)
        }
    }
}

/// The index of the article `key` names.
fn lookup_index(corpus: &Corpus, key: &str) -> Result<usize, u8> {
    let article = lookup(corpus, key)?;
    corpus
        .articles
        .iter()
        .position(|a| std::ptr::eq(a, article))
        .ok_or(NOTHING)
}

/// The terminal's width when standard output is one.
fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    #[cfg(feature = "tui")]
    if io::stdout().is_terminal() {
        if let Ok((w, _)) = ratatui::crossterm::terminal::size() {
            return Some(usize::from(w));
        }
    }
    let _ = io::stdout().is_terminal();
    None
}

/// The width to lay text out in: the terminal's, or 100 when output is not a terminal.
fn output_width() -> usize {
    terminal_width().unwrap_or(100)
}

fn compare(
    corpus: &Corpus,
    a: &str,
    b: &str,
    width: Option<usize>,
    json: bool,
    out: &mut Out,
) -> anyhow::Result<u8> {
    let (ia, ib) = match (lookup_index(corpus, a), lookup_index(corpus, b)) {
        (Ok(x), Ok(y)) => (x, y),
        (Err(code), _) | (_, Err(code)) => return Ok(code),
    };
    let index = dossier::compare::StoryIndex::build(corpus);
    let cmp = index.compare(corpus, ia, ib);
    let (art_a, art_b) = (&corpus.articles[ia], &corpus.articles[ib]);
    let ents = &corpus.resolved.entities;
    if json {
        #[derive(Serialize)]
        struct Named<'a> {
            id: &'a str,
            name: &'a str,
            kind: &'a str,
        }
        #[derive(Serialize)]
        struct At<'a> {
            start: usize,
            end: usize,
            #[serde(skip_serializing_if = "Option::is_none")]
            text: Option<&'a str>,
        }
        #[derive(Serialize)]
        struct Pair<'a> {
            a: At<'a>,
            b: At<'a>,
            similarity: f32,
        }
        #[derive(Serialize)]
        struct Differing<'a> {
            a: At<'a>,
            b: At<'a>,
            kind: &'a str,
        }
        #[derive(Serialize)]
        struct Out<'a> {
            a: &'a str,
            b: &'a str,
            shared: Vec<Named<'a>>,
            only_a: Vec<Named<'a>>,
            only_b: Vec<Named<'a>>,
            aligned: Vec<Pair<'a>>,
            differing_figures: Vec<Differing<'a>>,
        }
        let named = |list: &[usize]| -> Vec<Named> {
            list.iter()
                .map(|&e| Named {
                    id: &ents[e].id,
                    name: &ents[e].name,
                    kind: ents[e].kind.as_str(),
                })
                .collect()
        };
        let at = |s: dossier::model::Span, text: Option<&'static str>| At {
            start: s.start,
            end: s.end,
            text,
        };
        let value = Out {
            a: &art_a.id,
            b: &art_b.id,
            shared: named(&cmp.shared),
            only_a: named(&cmp.only_a),
            only_b: named(&cmp.only_b),
            aligned: cmp
                .aligned
                .iter()
                .map(|p| Pair {
                    a: at(cmp.span_a(p), None),
                    b: at(cmp.span_b(p), None),
                    similarity: three_places(p.similarity),
                })
                .collect(),
            differing_figures: cmp
                .differing
                .iter()
                .map(|d| Differing {
                    a: At {
                        start: d.a.start,
                        end: d.a.end,
                        text: Some(art_a.slice(d.a)),
                    },
                    b: At {
                        start: d.b.start,
                        end: d.b.end,
                        text: Some(art_b.slice(d.b)),
                    },
                    kind: d.kind.as_str(),
                })
                .collect(),
        };
        emit_json(out, &value)?;
        return Ok(FOUND);
    }
    let width = width.unwrap_or_else(output_width).max(40);
    let text = present::comparison_text(corpus, &cmp, width);
    emit(out, &text)?;
    Ok(FOUND)
}

/// A similarity as JSON shows it: three decimal places.
fn three_places(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn related(
    corpus: &Corpus,
    key: &str,
    limit: usize,
    json: bool,
    out: &mut Out,
) -> anyhow::Result<u8> {
    let ia = match lookup_index(corpus, key) {
        Ok(i) => i,
        Err(code) => return Ok(code),
    };
    let index = dossier::compare::StoryIndex::build(corpus);
    let found = index.related(ia, if limit == 0 { usize::MAX } else { limit });
    if json {
        #[derive(Serialize)]
        struct Row<'a> {
            id: &'a str,
            title: Option<&'a str>,
            similarity: f32,
        }
        let rows: Vec<Row> = found
            .iter()
            .map(|r| Row {
                id: &corpus.articles[r.article].id,
                title: corpus.articles[r.article].title.as_deref(),
                similarity: three_places(r.similarity),
            })
            .collect();
        emit_json(out, &rows)?;
    } else {
        let mut s = String::new();
        for r in &found {
            let a = &corpus.articles[r.article];
            s.push_str(&format!(
                "{:.2}  {}  {}\n",
                r.similarity,
                short_id(a),
                printable(a.title.as_deref().unwrap_or(""))
            ));
        }
        emit(out, &s)?;
    }
    if found.is_empty() {
        error_line(&format!("no article reports the same story as \"{key}\""));
        return Ok(NOTHING);
    }
    Ok(FOUND)
}

fn read(corpus: &Corpus, key: &str, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    let article = match lookup(corpus, key) {
        Ok(a) => a,
        Err(code) => return Ok(code),
    };
    if json {
        emit_json(out, article)?;
        return Ok(FOUND);
    }
    let mut s = String::new();
    let field = |s: &mut String, name: &str, value: Option<&str>| {
        if let Some(v) = value {
            s.push_str(&format!("{name:<10}{}\n", printable(v)));
        }
    };
    let id = if article.short_id() == article.id {
        article.id.clone()
    } else {
        format!("{} ({})", article.short_id(), article.id)
    };
    field(&mut s, "id", Some(&id));
    field(&mut s, "path", Some(&article.path));
    field(&mut s, "title", article.title.as_deref());
    field(&mut s, "deck", article.deck.as_deref());
    field(&mut s, "source", article.source.as_deref());
    if !article.authors.is_empty() {
        field(&mut s, "authors", Some(&article.authors.join(", ")));
    }
    field(&mut s, "published", article.published.as_deref());
    if article.published.is_none() {
        field(&mut s, "dateline", article.dateline.as_deref());
    }
    s.push('\n');
    for p in &article.paragraphs {
        s.push_str(&printable(article.slice(*p)));
        s.push_str("\n\n");
    }
    emit(out, s.trim_end())?;
    emit(out, "\n")?;
    Ok(FOUND)
}

fn list(corpus: &Corpus, kind: ListKind, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    if let Some(k) = kind.entity_kind() {
        return list_entities(corpus, k, json, out);
    }
    match kind {
        ListKind::Quotes => return list_quotes(corpus, json, out),
        ListKind::Figures => return list_figures(corpus, json, out),
        _ => {}
    }
    match kind {
        ListKind::Articles => {
            if corpus.articles.is_empty() {
                if json {
                    emit(out, "[]\n")?;
                }
                return Ok(NOTHING);
            }
            if json {
                #[derive(Serialize)]
                struct Row<'a> {
                    id: &'a str,
                    title: Option<&'a str>,
                    words: usize,
                    published: Option<&'a str>,
                }
                let rows: Vec<Row> = corpus
                    .articles
                    .iter()
                    .map(|a| Row {
                        id: &a.id,
                        title: a.title.as_deref(),
                        words: a.word_count(),
                        published: a.published.as_deref(),
                    })
                    .collect();
                emit_json(out, &rows)?;
            } else {
                let width = id_width(corpus, 0..corpus.articles.len());
                let cols = terminal_width();
                let mut s = String::new();
                for a in &corpus.articles {
                    let words = a.word_count();
                    let line = format!(
                        "{}  {:>5} {:<5}  {}",
                        present::pad(&short_id(a), width),
                        words,
                        if words == 1 { "word" } else { "words" },
                        printable(a.title.as_deref().unwrap_or("(untitled)"))
                    );
                    s.push_str(&fit_line(line, cols));
                    s.push('\n');
                }
                emit(out, &s)?;
            }
            Ok(FOUND)
        }
        _ => Ok(NOTHING),
    }
}

/// Distinct roles of an entity, with the articles that give each.
fn roles_summary(corpus: &Corpus, e: &Entity) -> Vec<String> {
    present::roles_with_articles(&e.roles, &corpus.articles)
}

/// The short id of an article, one line.
fn short_id(a: &Article) -> String {
    printable(a.short_id())
}

/// Widest id column in aligned listings; a longer id is printed whole and pushes its line.
const ID_COLUMN: usize = 40;

/// The id column's width for lines about these articles.
fn id_width(corpus: &Corpus, articles: impl Iterator<Item = usize>) -> usize {
    articles
        .filter_map(|i| corpus.articles.get(i))
        .map(|a| present::width(&short_id(a)))
        .max()
        .unwrap_or(0)
        .min(ID_COLUMN)
}

/// A line cut to the terminal's width with "…" (on a terminal), or whole (into a pipe).
fn fit_line(line: String, cols: Option<usize>) -> String {
    match cols {
        Some(c) => present::fit(&line, c).into_owned(),
        None => line,
    }
}

fn list_entities(corpus: &Corpus, kind: Kind, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    let ents: Vec<&Entity> = corpus.entities_of(kind).map(|(_, e)| e).collect();
    if json {
        #[derive(Serialize)]
        struct Row<'a> {
            id: &'a str,
            name: &'a str,
            mentions: usize,
            articles: usize,
            aliases: &'a [String],
            roles: Vec<dossier::export::RoleOut<'a>>,
        }
        let rows: Vec<Row> = ents
            .iter()
            .map(|e| Row {
                id: &e.id,
                name: &e.name,
                mentions: e.mentions.len(),
                articles: e.articles().len(),
                aliases: &e.aliases,
                roles: dossier::export::roles_out(corpus, e),
            })
            .collect();
        emit_json(out, &rows)?;
    } else {
        // On a terminal a name wider than the column is cut with "…" so the counts stay in
        // line, and each line is cut to its width; into a pipe every name is whole, and the
        // column as wide as the widest.
        let cols = terminal_width();
        let width = ents
            .iter()
            .map(|e| present::width(&printable(&e.name)))
            .max()
            .unwrap_or(0)
            .min(if cols.is_some() { 40 } else { usize::MAX });
        let mut s = String::new();
        for e in &ents {
            let roles = roles_summary(corpus, e);
            let (mentions, articles) = (e.mentions.len(), e.articles().len());
            let line = format!(
                "{}  {:>4} {:<8}  {:>3} {:<8}{}",
                match cols {
                    Some(_) => present::pad(&present::fit(&printable(&e.name), width), width),
                    None => present::pad(&printable(&e.name), width),
                },
                mentions,
                if mentions == 1 { "mention" } else { "mentions" },
                articles,
                if articles == 1 { "article" } else { "articles" },
                if roles.is_empty() {
                    String::new()
                } else {
                    format!("  {}", printable(&roles.join("; ")))
                }
            );
            s.push_str(fit_line(line, cols).trim_end());
            s.push('\n');
        }
        emit(out, &s)?;
    }
    Ok(if ents.is_empty() { NOTHING } else { FOUND })
}

fn list_quotes(corpus: &Corpus, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    let r = &corpus.resolved;
    if json {
        emit_json(out, &dossier::export::build(corpus).quotes)?;
    } else {
        let width = id_width(corpus, r.quotes.iter().map(|q| q.article));
        let cols = terminal_width();
        let mut s = String::new();
        for q in &r.quotes {
            let who = q
                .speaker
                .map_or("(unattributed)", |i| r.entities[i].name.as_str());
            let a = &corpus.articles[q.article];
            let line = format!(
                "{}  {}: “{}”",
                present::pad(&short_id(a), width),
                printable(who),
                printable(a.slice(q.span))
            );
            s.push_str(&fit_line(line, cols));
            s.push('\n');
        }
        emit(out, &s)?;
    }
    Ok(if r.quotes.is_empty() { NOTHING } else { FOUND })
}

fn list_figures(corpus: &Corpus, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    let r = &corpus.resolved;
    if json {
        emit_json(out, &dossier::export::build(corpus).figures)?;
    } else {
        let width = id_width(corpus, r.figures.iter().map(|f| f.article));
        let mut s = String::new();
        for f in &r.figures {
            let a = &corpus.articles[f.article];
            let kind = serde_json::to_value(f.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            s.push_str(&format!(
                "{}  {:<8} {}\n",
                present::pad(&short_id(a), width),
                kind,
                printable(a.slice(f.span))
            ));
        }
        emit(out, &s)?;
    }
    Ok(if r.figures.is_empty() { NOTHING } else { FOUND })
}

fn show(corpus: &Corpus, name: &str, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    let hits = corpus.find_entities(name);
    let ents = &corpus.resolved.entities;
    if hits.is_empty() {
        if json {
            emit_json(out, &Vec::<()>::new())?;
        }
        error_line(&format!("no entity matches \"{}\"", printable(name)));
        return Ok(NOTHING);
    }
    let mut s = String::new();
    // One candidate named ten times as often as any other is the one meant ("EU").
    let mut hits = hits;
    hits.sort_by_key(|&i| std::cmp::Reverse(ents[i].mentions.len()));
    if hits.len() > 1 && ents[hits[0]].mentions.len() >= 10 * ents[hits[1]].mentions.len() {
        hits.truncate(1);
    }
    if json {
        let cards: Vec<_> = hits
            .iter()
            .map(|&i| dossier::export::card(corpus, i))
            .collect();
        emit_json(out, &cards)?;
        return Ok(FOUND);
    }
    if hits.len() > 1 {
        s.push_str(&format!(
            "\"{}\" matches {} entities:\n",
            printable(name),
            hits.len()
        ));
        for &i in &hits {
            let e = &ents[i];
            let roles = roles_summary(corpus, e);
            let all = e.articles();
            let mut arts: Vec<String> = all
                .iter()
                .take(4)
                .map(|&a| short_id(&corpus.articles[a]))
                .collect();
            if all.len() > 4 {
                arts.push(format!("and {} more", all.len() - 4));
            }
            s.push_str(&format!(
                "  [{}] {} {} in {}{}\n",
                e.kind.badge(),
                present::pad(&printable(&e.name), 28),
                present::counted(e.mentions.len(), "mention", "mentions"),
                arts.join(", "),
                if roles.is_empty() {
                    String::new()
                } else {
                    format!("  {}", printable(&roles.join("; ")))
                }
            ));
        }
        s.push_str("Give the full name to see one card.\n");
        emit(out, &s)?;
        return Ok(FOUND);
    }
    let idx = hits[0];
    let e = &ents[idx];
    s.push_str(&format!(
        "{}  [{}] {}\n",
        printable(&e.name),
        e.kind.badge(),
        e.kind.noun()
    ));
    s.push_str(&format!("id        {}\n", printable(&e.id)));
    if !e.aliases.is_empty() {
        s.push_str(&format!("aliases   {}\n", printable(&e.aliases.join(", "))));
    }
    let roles = roles_summary(corpus, e);
    if !roles.is_empty() {
        s.push_str(&format!("roles     {}\n", printable(&roles.join("; "))));
    }
    let arts = e.articles();
    s.push_str(&format!(
        "counts    {}\n",
        present::counts_text(e.mentions.len(), arts.len())
    ));
    // The articles that name it most first, as the browser lists them.
    let width = id_width(corpus, arts.iter().copied());
    s.push_str("\narticles\n");
    for r in e.articles_most_named_first() {
        let (a, n) = (r.article, r.mentions.len());
        let art = &corpus.articles[a];
        s.push_str(&format!(
            "  {}  {:>4}  {}\n",
            present::pad(&short_id(art), width),
            n,
            printable(art.title.as_deref().unwrap_or("(untitled)"))
        ));
    }
    s.push_str("\nmentions\n");
    for m in &e.mentions {
        let art = &corpus.articles[m.article()];
        s.push_str(&format!(
            "  {} {}\n",
            present::pad(&short_id(art), 6),
            printable(&present::kwic(art, m.span(), 40))
        ));
    }
    let quotes: Vec<_> = corpus
        .resolved
        .quotes
        .iter()
        .filter(|q| q.speaker == Some(idx))
        .collect();
    if !quotes.is_empty() {
        s.push_str("\nquotes\n");
        for q in quotes {
            let art = &corpus.articles[q.article];
            s.push_str(&format!(
                "  {} “{}”\n",
                present::pad(&short_id(art), 6),
                printable(art.slice(q.span))
            ));
        }
    }
    emit(out, &s)?;
    Ok(FOUND)
}

/// One search result as `dossier search --json` prints it.
#[derive(Serialize)]
struct SearchRow {
    /// The letter badge shown in text output.
    #[serde(skip)]
    badge: char,
    kind: String,
    id: String,
    /// The id as text output shows it: an article's short id.
    #[serde(skip)]
    shown: String,
    name: String,
    matched: String,
    score: i64,
}

fn search(
    corpus: &Corpus,
    query: &str,
    kind: Option<&str>,
    limit: usize,
    json: bool,
    out: &mut Out,
) -> anyhow::Result<u8> {
    use dossier::search::{Filter, SearchIndex, Target};
    let query = match kind {
        Some(k) => match Filter::parse(k) {
            Some(f) => {
                let prefix = match f {
                    Filter::Kind(k) => k.badge().to_ascii_lowercase().to_string(),
                    Filter::Articles => "a".into(),
                    Filter::Quotes => "q".into(),
                };
                format!("{prefix}:{}", dossier::search::parse_query(query).1)
            }
            None => {
                error_line(&format!("unknown kind \"{k}\" (person, organization, place, event, initiative, article, quote)"));
                return Ok(BAD);
            }
        },
        None => query.to_string(),
    };
    let index = SearchIndex::build(corpus);
    let hits = index.search(&query, None);
    let ents = &corpus.resolved.entities;
    let rows: Vec<SearchRow> = hits
        .iter()
        .take(if limit == 0 { usize::MAX } else { limit })
        .map(|h| {
            let c = &index.candidates[h.candidate];
            let (badge, kind, id, shown, name) = match c.target {
                Target::Entity(e) => (
                    ents[e].kind.badge(),
                    ents[e].kind.as_str().to_string(),
                    ents[e].id.clone(),
                    ents[e].id.clone(),
                    ents[e].name.clone(),
                ),
                Target::Article(a) => (
                    'A',
                    "article".into(),
                    corpus.articles[a].id.clone(),
                    corpus.articles[a].short_id().to_string(),
                    c.name.to_string(),
                ),
                Target::Synthetic(i) => (
                    '?',
                    "synthetic".into(),
                    i.to_string(),
                    i.to_string(),
                    c.text.to_string(),
                ),
                Target::Quote(q) => {
                    let qq = &corpus.resolved.quotes[q];
                    let art = &corpus.articles[qq.article];
                    (
                        'Q',
                        "quote".into(),
                        format!("{}#{}", art.id, qq.span.start),
                        format!("{}#{}", art.short_id(), qq.span.start),
                        index.text_of(corpus, h.candidate).to_string(),
                    )
                }
            };
            SearchRow {
                badge,
                kind,
                id,
                shown,
                name,
                matched: index.text_of(corpus, h.candidate).to_string(),
                score: h.score,
            }
        })
        .collect();
    if json {
        emit_json(out, &rows)?;
    } else {
        let mut s = String::new();
        for r in &rows {
            let badge = r.badge;
            let alias = if r.matched != r.name && r.kind != "quote" {
                format!("  (as “{}”)", printable(&r.matched))
            } else {
                String::new()
            };
            s.push_str(&format!(
                "[{badge}] {}{alias}  {}\n",
                printable(&r.name),
                printable(&r.shown)
            ));
        }
        emit(out, &s)?;
    }
    if rows.is_empty() {
        if !json {
            error_line(&format!("nothing matches \"{query}\""));
        }
        return Ok(NOTHING);
    }
    Ok(FOUND)
}
