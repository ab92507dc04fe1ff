//! The terminal browser: a thin runtime around [`app`] (state and update) and [`view`]
//! (drawing). Events become messages; the screen is redrawn only after something happened.

pub mod app;
pub mod keys;
pub mod layout;
pub mod view;

use crate::corpus::Corpus;
use anyhow::{Context as _, Result};
use app::{App, Effect, Msg};
use base64::Engine as _;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};
use ratatui::widgets::Paragraph;
use ratatui::Terminal;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use view::Theme;

/// Put the terminal back as it was. Safe to call more than once and from any thread; errors are
/// ignored because the terminal may already be gone.
pub fn restore_terminal() {
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        EndSynchronizedUpdate,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

fn install_guards() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    // SIGTERM, SIGHUP (the terminal went away) and SIGINT: restore and leave at once.
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        if let Ok(mut signals) =
            signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        {
            std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    restore_terminal();
                    std::process::exit(128 + sig);
                }
            });
        }
    }
}

/// Whether colours are wanted: `NO_COLOR` set to anything non-empty turns them off.
pub fn theme_from_env() -> Theme {
    Theme {
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Open the browser on `paths` (the bundled seeds when empty).
pub fn run(paths: &[PathBuf]) -> Result<()> {
    install_guards();
    terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, cursor::Hide) {
        restore_terminal();
        return Err(e).context("cannot open the alternate screen");
    }
    let result = browse(paths);
    restore_terminal();
    result
}

fn browse(paths: &[PathBuf]) -> Result<()> {
    let backend = CrosstermBackend::new(io::stdout());
    let mut terminal = Terminal::new(backend).context("cannot draw in this terminal")?;
    let theme = theme_from_env();
    let what = if paths.is_empty() {
        "the bundled seed articles".to_string()
    } else {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Load on another thread and show how far it has got, so a big corpus never looks frozen.
    crate::load::FILES_READ.store(0, std::sync::atomic::Ordering::Relaxed);
    let corpus = std::thread::scope(|scope| -> Result<Corpus> {
        let loader = scope.spawn(|| Corpus::open(paths));
        loop {
            let n = crate::load::FILES_READ.load(std::sync::atomic::Ordering::Relaxed);
            let msg = if n == 0 {
                format!("Loading {what}…")
            } else {
                format!("Loading {what}… {n} files read; parsing and extracting")
            };
            draw_sync(&mut terminal, |f| {
                f.render_widget(Paragraph::new(msg.clone()), f.area())
            })?;
            if loader.is_finished() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(80));
        }
        match loader.join() {
            Ok(r) => r,
            Err(_) => anyhow::bail!("loading failed"),
        }
    })?;
    let size = terminal.size().context("cannot read the terminal size")?;
    let mut app = App::new(&corpus, size.width, size.height);
    // A benchmarking aid: pad the search index to try the palette at scale.
    if let Some(n) = std::env::var("DOSSIER_EXTRA_CANDIDATES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let mut index = crate::index::SearchIndex::build(&corpus);
        index.add_synthetic(n);
        app.index = Arc::new(index);
    }
    if !corpus.warnings.is_empty() {
        let n = corpus.warnings.len();
        app.flash = Some(format!(
            "{n} load warning{}: see Load warnings",
            if n == 1 { "" } else { "s" }
        ));
    }
    draw_sync(&mut terminal, |f| view::draw(f, &app, &theme))?;

    // Three sources of events, one queue: keys and resizes from an input thread, answers from
    // the search thread. The main thread blocks on the queue: no frame loop, nothing written
    // while idle, and typing never waits for a search.
    let (tx, rx) = mpsc::channel::<Incoming>();
    let input_tx = tx.clone();
    std::thread::spawn(move || loop {
        match event::read() {
            Ok(ev) => {
                if input_tx.send(Incoming::Terminal(ev)).is_err() {
                    break;
                }
            }
            Err(_) => {
                // The terminal is gone.
                let _ = input_tx.send(Incoming::TerminalGone);
                break;
            }
        }
    });
    let searches = spawn_searcher(Arc::clone(&app.index), tx);

    while let Ok(incoming) = rx.recv() {
        let events = match incoming {
            Incoming::TerminalGone => break,
            Incoming::Searched(generation, hits) => {
                app.search_done(generation, hits);
                vec![]
            }
            Incoming::Terminal(Event::Key(k)) if k.kind == KeyEventKind::Press => keys::expand(k),
            Incoming::Terminal(Event::Resize(w, h)) => {
                app.update(Msg::Resize(w, h));
                terminal.autoresize().ok();
                vec![]
            }
            Incoming::Terminal(_) => continue,
        };
        for key in events {
            // Any key closes the help overlay, and does nothing else.
            let msg = if app.help {
                Some(Msg::ToggleHelp)
            } else {
                keys::message_for(key, app.context())
            };
            let Some(msg) = msg else { continue };
            match app.update(msg) {
                Some(Effect::Copy(text)) => copy_osc52(&text),
                Some(Effect::Search { generation, query }) => {
                    let _ = searches.send((generation, query));
                }
                None => {}
            }
        }
        if app.quit {
            break;
        }
        draw_sync(&mut terminal, |f| view::draw(f, &app, &theme))?;
    }
    Ok(())
}

/// What the main loop waits for.
enum Incoming {
    /// A terminal event.
    Terminal(Event),
    /// The terminal can no longer be read.
    TerminalGone,
    /// A search answer: the query generation and its hits.
    Searched(u64, Vec<crate::index::Hit>),
}

/// The search thread: takes the newest query (older ones still queued are skipped), narrows from
/// the previous one when it extends it, and sends the answer back.
fn spawn_searcher(
    index: Arc<crate::index::SearchIndex>,
    tx: mpsc::Sender<Incoming>,
) -> mpsc::Sender<(u64, String)> {
    let (qtx, qrx) = mpsc::channel::<(u64, String)>();
    std::thread::spawn(move || {
        let mut narrowing = crate::index::Narrowing::default();
        while let Ok(mut job) = qrx.recv() {
            while let Ok(newer) = qrx.try_recv() {
                job = newer;
            }
            let mut hits = narrowing.search(&index, &job.1, app::PALETTE_RESULTS);
            hits.truncate(app::PALETTE_RESULTS);
            if tx.send(Incoming::Searched(job.0, hits)).is_err() {
                break;
            }
        }
    });
    qtx
}

fn draw_sync<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    f: impl FnOnce(&mut ratatui::Frame),
) -> Result<()> {
    let mut out = io::stdout();
    execute!(out, BeginSynchronizedUpdate).ok();
    let r = terminal.draw(f).map(|_| ());
    execute!(out, EndSynchronizedUpdate).ok();
    r.map_err(|e| anyhow::anyhow!("cannot draw: {e}"))
}

/// Put text on the clipboard of the terminal the user sits at, over SSH too (OSC 52).
fn copy_osc52(text: &str) {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let mut out = io::stdout();
    let _ = write!(out, "\x1b]52;c;{b64}\x07");
    let _ = out.flush();
}
