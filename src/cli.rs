//! The command line: argument parsing and the one-shot commands of PRODUCT.md section 5.

use crate::corpus::{ArticleLookup, Corpus};
use crate::model::Article;
use clap::{Parser, Subcommand, ValueEnum};
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

    /// The one-shot command to run instead of the browser.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The one-shot commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the whole parsed corpus as JSON.
    Export,
    /// Print counts, load warnings and per-phase timings.
    Stats {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print one article, cleaned, with its metadata.
    Read {
        /// An article id, or a unique prefix of one (such as `004`).
        article: String,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print one line per item of a kind.
    List {
        /// What to list.
        kind: ListKind,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The kinds `list` prints.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Articles: id, words, title.
    Articles,
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
    let corpus = match Corpus::open(&paths) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            return ExitCode::from(BAD);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        None => summary(&corpus, &mut out),
        Some(Command::Export) => export(&corpus, &mut out),
        Some(Command::Stats { json }) => stats(&corpus, *json, &mut out),
        Some(Command::Read { article, json }) => read(&corpus, article, *json, &mut out),
        Some(Command::List { kind, json }) => list(&corpus, *kind, *json, &mut out),
    };
    let code = match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            BAD
        }
    };
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("dossier: cannot write output: {e}");
            ExitCode::from(BAD)
        }
        _ => ExitCode::from(code),
    }
}

type Out<'a> = io::BufWriter<io::StdoutLock<'a>>;

/// Write, treating a closed pipe (`dossier export | head`) as a normal end.
fn emit(out: &mut Out, s: &str) -> anyhow::Result<()> {
    match out.write_all(s.as_bytes()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn emit_json<T: Serialize>(out: &mut Out, value: &T) -> anyhow::Result<()> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    emit(out, &s)
}

/// Replace control characters (other than newline and tab) so article text cannot drive the terminal.
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

fn summary(corpus: &Corpus, out: &mut Out) -> anyhow::Result<u8> {
    let mut s = format!(
        "dossier: {} articles, {} words, {} warnings\n",
        corpus.articles.len(),
        corpus.word_count(),
        corpus.warnings.len()
    );
    for a in &corpus.articles {
        s.push_str(&format!(
            "  {:<28} {}\n",
            a.id,
            printable(a.title.as_deref().unwrap_or("(untitled)"))
        ));
    }
    emit(out, &s)?;
    Ok(FOUND)
}

/// The export document of PRODUCT.md section 6.
#[derive(Serialize)]
struct Export<'a> {
    articles: &'a [Article],
    entities: Vec<serde_json::Value>,
    quotes: Vec<serde_json::Value>,
    figures: Vec<serde_json::Value>,
    warnings: &'a [crate::model::Warning],
}

fn export(corpus: &Corpus, out: &mut Out) -> anyhow::Result<u8> {
    let doc = Export {
        articles: &corpus.articles,
        entities: vec![],
        quotes: vec![],
        figures: vec![],
        warnings: &corpus.warnings,
    };
    let mut s = serde_json::to_string(&doc)?;
    s.push('\n');
    emit(out, &s)?;
    Ok(FOUND)
}

#[derive(Serialize)]
struct Stats<'a> {
    articles: usize,
    words: usize,
    bytes: u64,
    skipped_other_files: usize,
    warnings: &'a [crate::model::Warning],
    timings_ms: TimingsMs,
}

#[derive(Serialize)]
struct TimingsMs {
    read: f64,
    parse: f64,
    total: f64,
}

fn stats(corpus: &Corpus, json: bool, out: &mut Out) -> anyhow::Result<u8> {
    let ms = |d: std::time::Duration| (d.as_secs_f64() * 1e6).round() / 1e3;
    let t = &corpus.timings;
    let timings = TimingsMs {
        read: ms(t.read),
        parse: ms(t.parse),
        total: ms(t.read + t.parse),
    };
    if json {
        emit_json(
            out,
            &Stats {
                articles: corpus.articles.len(),
                words: corpus.word_count(),
                bytes: corpus.bytes,
                skipped_other_files: corpus.skipped_other,
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
        "skipped   {} files of other formats\n",
        corpus.skipped_other
    ));
    s.push_str(&format!("warnings  {}\n", corpus.warnings.len()));
    for w in &corpus.warnings {
        s.push_str(&format!(
            "  {}: {}\n",
            printable(&w.path),
            printable(&w.message)
        ));
    }
    let mbs = corpus.bytes as f64 / 1e6 / (t.read + t.parse).as_secs_f64().max(1e-9);
    s.push_str(&format!(
        "time      read {:.1} ms, parse {:.1} ms, total {:.1} ms ({mbs:.1} MB/s)\n",
        timings.read, timings.parse, timings.total
    ));
    emit(out, &s)?;
    Ok(FOUND)
}

fn lookup<'a>(corpus: &'a Corpus, key: &str) -> Result<&'a Article, u8> {
    match corpus.find_article(key) {
        ArticleLookup::Found(a) => Ok(a),
        ArticleLookup::Ambiguous(ids) => {
            let shown: Vec<&str> = ids.iter().take(8).map(String::as_str).collect();
            eprintln!(
                "dossier: \"{key}\" matches {} articles: {}{}",
                ids.len(),
                shown.join(", "),
                if ids.len() > 8 { ", ..." } else { "" }
            );
            Err(NOTHING)
        }
        ArticleLookup::None => {
            eprintln!("dossier: no article \"{key}\"");
            Err(NOTHING)
        }
    }
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
    field(&mut s, "id", Some(&article.id));
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
                let width = corpus
                    .articles
                    .iter()
                    .map(|a| a.id.len())
                    .max()
                    .unwrap_or(0);
                let mut s = String::new();
                for a in &corpus.articles {
                    s.push_str(&format!(
                        "{:<width$}  {:>5} words  {}\n",
                        a.id,
                        a.word_count(),
                        printable(a.title.as_deref().unwrap_or("(untitled)"))
                    ));
                }
                emit(out, &s)?;
            }
            Ok(FOUND)
        }
    }
}
