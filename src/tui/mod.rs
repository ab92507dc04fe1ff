//! The terminal browser: a thin runtime around [`app`] (state and update) and [`view`]
//! (drawing). Events become messages; the screen is redrawn only after something happened.

pub mod app;
mod input;
pub mod keys;
pub mod layout;
pub mod screens;
pub mod scroll;
pub mod view;

use crate::corpus::Corpus;
use crate::present;
use anyhow::{Context as _, Result};
use app::{App, Effect, Msg};
use base64::Engine as _;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyCode, KeyEventKind, KeyModifiers,
};
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
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Take the terminal: raw mode, the alternate screen, no cursor, bracketed paste.
fn enter_terminal() -> Result<()> {
    terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
    let mut out = io::stdout();
    if let Err(e) = execute!(
        out,
        EnterAlternateScreen,
        cursor::Hide,
        EnableBracketedPaste
    ) {
        restore_terminal();
        return Err(e).context("cannot open the alternate screen");
    }
    Ok(())
}

/// Stop the process as the shell's job control expects (the terminal already given back); it
/// goes on from here when resumed with `fg`.
#[cfg(unix)]
fn stop_self() {
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
}

#[cfg(not(unix))]
fn stop_self() {}

fn install_guards(tx: mpsc::Sender<Incoming>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic inside one article's extraction is caught and becomes a load warning: the
        // browser goes on, so the terminal stays as it is.
        if crate::isolate::active() {
            previous(info);
            return;
        }
        // Any other panic ends the program: the terminal is restored first, and a helper
        // thread's panic (input, search, loading) takes the process down with it rather than
        // leave a browser that can no longer read keys or answer searches.
        restore_terminal();
        previous(info);
        if std::thread::current().name() != Some("main") {
            std::process::exit(101);
        }
    }));
    crate::isolate::install_hook();
    // SIGTERM, SIGHUP (the terminal went away), SIGINT and SIGQUIT: restore and leave at once.
    // SIGTSTP: give the terminal back and stop; SIGCONT: take it again and redraw.
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
        ]) {
            std::thread::spawn(move || {
                for sig in signals.forever() {
                    match sig {
                        SIGTSTP => {
                            restore_terminal();
                            stop_self();
                            let _ = tx.send(Incoming::Resumed);
                        }
                        SIGCONT => {
                            let _ = tx.send(Incoming::Resumed);
                        }
                        _ => {
                            restore_terminal();
                            std::process::exit(128 + sig);
                        }
                    }
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
pub fn run(paths: &[PathBuf], options: &crate::load::LoadOptions) -> Result<()> {
    let (tx, rx) = mpsc::channel::<Incoming>();
    install_guards(tx.clone());
    enter_terminal()?;
    spawn_input(tx.clone());
    let result = browse(paths, options, tx, rx);
    restore_terminal();
    result
}

/// The input thread: waits for the terminal to have input, reads every event that has arrived
/// (so a burst of keys or a paste is never held back), and reports the terminal gone when its
/// input ends, instead of reading nothing forever (crossterm issue 793).
fn spawn_input(tx: mpsc::Sender<Incoming>) {
    std::thread::spawn(move || {
        let waiter = input::Waiter::new();
        // Start crossterm's reader now, so that it hears the first resize.
        let _ = event::poll(std::time::Duration::ZERO);
        loop {
            // After a resize signal, give crossterm a moment to see its own signal pipe.
            let mut patience = match waiter.wait() {
                input::Ready::Gone => {
                    let _ = tx.send(Incoming::TerminalGone);
                    return;
                }
                input::Ready::Input => std::time::Duration::from_millis(1),
                input::Ready::Resize => std::time::Duration::from_millis(50),
            };
            loop {
                let ready = event::poll(patience);
                patience = std::time::Duration::from_millis(1);
                match ready {
                    Ok(true) => match event::read() {
                        Ok(ev) => {
                            if tx.send(Incoming::Terminal(ev)).is_err() {
                                return;
                            }
                        }
                        Err(_) => {
                            let _ = tx.send(Incoming::TerminalGone);
                            return;
                        }
                    },
                    Ok(false) => break,
                    Err(_) => {
                        let _ = tx.send(Incoming::TerminalGone);
                        return;
                    }
                }
            }
        }
    });
}

/// Keys that end the program while the corpus is still loading.
fn quits_loading(ev: &Event) -> bool {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            matches!(
                (k.code, ctrl),
                (KeyCode::Char('q'), false) | (KeyCode::Esc, _) | (KeyCode::Char('c'), true)
            )
        }
        _ => false,
    }
}

fn browse(
    paths: &[PathBuf],
    options: &crate::load::LoadOptions,
    tx: mpsc::Sender<Incoming>,
    rx: mpsc::Receiver<Incoming>,
) -> Result<()> {
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
    // Load on another thread and show how far it has got, so a big corpus never looks frozen;
    // keys are read meanwhile, and q, Esc or Ctrl-C leave at once.
    crate::load::FILES_READ.store(0, std::sync::atomic::Ordering::Relaxed);
    {
        let paths = paths.to_vec();
        let options = options.clone();
        let tx = tx.clone();
        std::thread::spawn(move || {
            let opened = Corpus::open_with(&paths, &options);
            let _ = tx.send(Incoming::Loaded(Box::new(opened)));
        });
    }
    let mut painted = scroll::Painted::default();
    let corpus = loop {
        let n = crate::load::FILES_READ.load(std::sync::atomic::Ordering::Relaxed);
        let msg = if n == 0 {
            format!("Loading {what}…  (q to quit)")
        } else {
            format!("Loading {what}… {n} files read; parsing and extracting  (q to quit)")
        };
        draw_sync(&mut terminal, &mut painted, |f| {
            f.render_widget(
                Paragraph::new(present::one_line(&msg).into_owned()),
                f.area(),
            );
            view::neutralise_buffer(f.buffer_mut());
        })?;
        match rx.recv_timeout(std::time::Duration::from_millis(100)) {
            Ok(Incoming::Loaded(opened)) => break Arc::new((*opened)?),
            Ok(Incoming::TerminalGone) => return Ok(()),
            Ok(Incoming::Terminal(ev)) if quits_loading(&ev) => return Ok(()),
            Ok(Incoming::Terminal(Event::Resize(..))) => {
                terminal.autoresize().ok();
            }
            Ok(Incoming::Resumed) => {
                enter_terminal()?;
                terminal.clear().ok();
                painted.forget();
            }
            Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("loading failed"),
        }
    };
    let size = terminal.size().context("cannot read the terminal size")?;
    // The first list does not wait for the search index (half a second at 20x BBC): the
    // search thread builds it and hands it over before its first answer.
    let mut app = App::with_index(&corpus, size.width, size.height, Arc::default());
    if !corpus.warnings.is_empty() {
        let n = corpus.warnings.len();
        app.flash = Some(format!(
            "{n} load warning{}: see Load warnings",
            if n == 1 { "" } else { "s" }
        ));
    }
    draw_app(&mut terminal, &mut painted, &app, &theme)?;

    // Events arrive on one queue: keys and resizes from the input thread, answers from the
    // search thread, resumption from the signal thread. The main thread blocks on the queue: no
    // frame loop, nothing written while idle, and typing never waits for a search.
    let searches = spawn_searcher(Arc::clone(&corpus), tx.clone());
    // Related articles and comparisons need the story index: built now, after the first frame,
    // so the load is not longer and the first `c` is quick.
    {
        let corpus = Arc::clone(&corpus);
        std::thread::spawn(move || {
            let stories = crate::compare::StoryIndex::build(&corpus);
            let _ = tx.send(Incoming::Stories(Box::new(stories)));
        });
    }

    loop {
        // While the preview lags the selection, wait at most until the keys have rested.
        let incoming = if app.unsettled() {
            match rx.recv_timeout(SETTLE) {
                Ok(incoming) => incoming,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    app.update(Msg::Settle);
                    draw_app(&mut terminal, &mut painted, &app, &theme)?;
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(incoming) => incoming,
                Err(_) => break,
            }
        };
        // Whatever else has already arrived is applied before the frame is drawn, so a burst of
        // keys costs one frame, not one each, however slow drawing is; a long burst still shows
        // a frame every FRAME_AT_MOST so it is seen to move.
        let started = std::time::Instant::now();
        let mut redraw = false;
        let mut next = Some(incoming);
        while let Some(incoming) = next.take() {
            match handle(&mut app, &mut terminal, &mut painted, &searches, incoming)? {
                Step::Quit => return Ok(()),
                Step::Redraw => redraw = true,
                Step::Quiet => {}
            }
            if app.quit {
                return Ok(());
            }
            if started.elapsed() < FRAME_AT_MOST {
                next = rx.try_recv().ok();
            }
        }
        if redraw {
            draw_app(&mut terminal, &mut painted, &app, &theme)?;
        }
    }
    Ok(())
}

/// What the main loop does after one incoming event.
enum Step {
    /// The program ends.
    Quit,
    /// The screen shows something new.
    Redraw,
    /// Nothing on the screen changed.
    Quiet,
}

/// Apply one incoming event to the browser.
fn handle<B: ratatui::backend::Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    painted: &mut scroll::Painted,
    searches: &Searcher,
    incoming: Incoming,
) -> Result<Step> {
    match incoming {
        Incoming::TerminalGone => return Ok(Step::Quit),
        Incoming::Loaded(_) => return Ok(Step::Quiet),
        Incoming::Resumed => {
            enter_terminal()?;
            terminal.clear().ok();
            painted.forget();
        }
        Incoming::Searched(generation, hits) => {
            app.update(Msg::Searched(generation, hits));
        }
        Incoming::Indexed(index, None) => {
            app.index_ready(index);
            return Ok(Step::Quiet);
        }
        Incoming::Indexed(index, Some(msg)) => {
            app.index_ready(index);
            app.flash = Some(format!(
                "search is unavailable: dossier failed to index the names ({msg})"
            ));
        }
        Incoming::Stories(stories) => {
            app.stories_ready(*stories);
            return Ok(Step::Quiet);
        }
        // Each key is routed in the context the previous one left (Esc then j).
        Incoming::Terminal(Event::Key(k)) if k.kind == KeyEventKind::Press => {
            for key in keys::expand(k) {
                if let Some(msg) = keys::message_for(key, app.input_context()) {
                    run_effect(app, terminal, painted, searches, msg)?;
                }
            }
        }
        Incoming::Terminal(Event::Paste(text)) => {
            let msg = Msg::Paste(text.into());
            run_effect(app, terminal, painted, searches, msg)?;
        }
        Incoming::Terminal(Event::Resize(w, h)) => {
            terminal.autoresize().ok();
            app.update(Msg::Resize(w, h));
        }
        Incoming::Terminal(_) => return Ok(Step::Quiet),
    }
    Ok(Step::Redraw)
}

/// The longest a burst of events is applied before a frame shows where it has got.
const FRAME_AT_MOST: std::time::Duration = std::time::Duration::from_millis(50);

/// How long the keys must rest before the preview is drawn for the selection.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(50);

/// Draw the browser, moving the article's rows on the terminal itself when only they moved.
fn draw_app<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    painted: &mut scroll::Painted,
    app: &App,
    theme: &Theme,
) -> Result<()> {
    draw_rows(terminal, painted, app.text_rows(), |f| {
        view::draw(f, app, theme)
    })
}

/// Apply one message and carry out what it asks of the outside world.
fn run_effect<B: ratatui::backend::Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    painted: &mut scroll::Painted,
    searches: &Searcher,
    msg: Msg,
) -> Result<()> {
    match app.update(msg) {
        Some(Effect::Copy(text)) => copy_osc52(&text),
        Some(Effect::Search { generation, query }) => {
            searches.send(generation, query);
        }
        Some(Effect::Suspend) => {
            restore_terminal();
            stop_self();
            enter_terminal()?;
            terminal.clear().ok();
            painted.forget();
        }
        None => {}
    }
    Ok(())
}

/// What the main loop waits for.
enum Incoming {
    /// A terminal event.
    Terminal(Event),
    /// The terminal can no longer be read.
    TerminalGone,
    /// The corpus finished loading (or could not be read).
    Loaded(Box<Result<Corpus>>),
    /// The program was resumed after a stop: take the terminal again and redraw everything.
    Resumed,
    /// A search answer: the query generation and its hits.
    Searched(u64, Vec<crate::search::Hit>),
    /// The search index, built after the first frame; it comes before any search answer. With
    /// a message, building it failed and the index is empty.
    Indexed(Arc<crate::search::SearchIndex>, Option<String>),
    /// The story index for related articles and comparisons, built after the corpus opened.
    Stories(Box<crate::compare::StoryIndex>),
}

/// The way to the search thread: queries go in, answers come back on the event queue.
struct Searcher {
    queries: mpsc::Sender<(u64, String)>,
    /// Raised when a query is sent, lowered when the thread takes it: the thread's work between
    /// keystrokes stops when it sees it raised.
    waiting: Arc<std::sync::atomic::AtomicBool>,
}

impl Searcher {
    /// Ask for the hits of `query`, numbered `generation`.
    fn send(&self, generation: u64, query: String) {
        self.waiting
            .store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = self.queries.send((generation, query));
    }
}

/// The search thread: builds the corpus's search index and hands it to the browser, then takes
/// the newest query (older ones still queued are skipped), narrows from
/// the previous one when it extends it, and sends the answer back; between queries it works out
/// what the last one matched, for the next to narrow from, until a query comes.
fn spawn_searcher(corpus: Arc<Corpus>, tx: mpsc::Sender<Incoming>) -> Searcher {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (qtx, qrx) = mpsc::channel::<(u64, String)>();
    let waiting = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&waiting);
    std::thread::spawn(move || {
        let built = crate::isolate::isolated(|| {
            let mut built = crate::search::SearchIndex::build(&corpus);
            // A benchmarking aid: pad the search index to try the palette at scale.
            if let Some(n) = std::env::var("DOSSIER_EXTRA_CANDIDATES")
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
            {
                built.add_synthetic(n);
            }
            built
        });
        drop(corpus);
        // A failure leaves an empty index, which answers every query with nothing, and says so.
        let (index, failed) = match built {
            Ok(built) => (Arc::new(built), None),
            Err(msg) => (Arc::default(), Some(msg)),
        };
        if tx
            .send(Incoming::Indexed(Arc::clone(&index), failed))
            .is_err()
        {
            return;
        }
        let mut narrowing = crate::search::Narrowing::default();
        while let Ok(mut job) = qrx.recv() {
            flag.store(false, Ordering::Relaxed);
            while let Ok(newer) = qrx.try_recv() {
                job = newer;
            }
            let mut hits = narrowing.search(&index, &job.1, app::PALETTE_RESULTS);
            hits.truncate(app::PALETTE_RESULTS);
            if tx.send(Incoming::Searched(job.0, hits)).is_err() {
                break;
            }
            // Between keystrokes: what the query matched, for the next one to narrow from.
            narrowing.prepare_unless(&index, &flag);
        }
    });
    Searcher {
        queries: qtx,
        waiting,
    }
}

/// Draw a frame inside a synchronized update, sending only what changed.
fn draw_sync<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    painted: &mut scroll::Painted,
    f: impl FnOnce(&mut ratatui::Frame),
) -> Result<()> {
    draw_rows(terminal, painted, None, f)
}

/// [`draw_sync`] for a frame whose text rows are `text`: moved on the terminal itself when
/// only they moved.
fn draw_rows<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    painted: &mut scroll::Painted,
    text: Option<scroll::TextRows>,
    f: impl FnOnce(&mut ratatui::Frame),
) -> Result<()> {
    let mut out = io::stdout();
    execute!(out, BeginSynchronizedUpdate).ok();
    let r = painted.draw(terminal, text, f);
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
