//! The real binary driven in tmux, as a person would: keys in, screen read back.
//! Skipped, with a printed reason, where tmux is not installed (CI installs it).

mod common;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// One terminal session at a time: the tests measure time and CPU, and a search over a million
/// names in one would slow the others on a 2-core machine.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

struct Tmux {
    socket: String,
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl Tmux {
    fn new(name: &str) -> Option<Tmux> {
        if Command::new("tmux")
            .arg("-V")
            .output()
            .map(|o| !o.status.success())
            .unwrap_or(true)
        {
            common::skip("SKIP: tmux is not installed (CI installs it; apt-get install tmux)");
            return None;
        }
        let turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        Some(Tmux {
            socket: format!("dossier-{name}-{}", std::process::id()),
            _turn: turn,
        })
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn start(&self, w: u16, h: u16, command: &str) {
        let out = self.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.run(&["set-option", "-s", "escape-time", "0"]);
        // A test that kills its session to start another must not find the server on its way out.
        self.run(&["set-option", "-s", "exit-empty", "off"]);
    }

    /// Start dossier on the seeds at 80x24, wait for its first screen, and return its process id.
    fn start_dossier(&self, tag: &str) -> u32 {
        let pidfile = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("dossier-{tag}-{}.pid", std::process::id()));
        let _ = std::fs::remove_file(&pidfile);
        self.start(
            80,
            24,
            &format!("sh -c 'echo $$ > {}; exec {}'", pidfile.display(), bin()),
        );
        self.wait_for("Shanghai wants to learn", 10);
        std::fs::read_to_string(&pidfile)
            .expect("pid file")
            .trim()
            .parse()
            .expect("pid")
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "e2e", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn screen(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "e2e"];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    /// Wait until the screen contains `needle`; fail with the screen after `secs`.
    fn wait_for(&self, needle: &str, secs: u64) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(false);
            if s.contains(needle) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("screen never showed {needle:?}:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn bin() -> String {
    common::bin().display().to_string()
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn a_person_browses_the_seeds_and_quits() {
    let Some(t) = Tmux::new("browse") else { return };
    t.start(80, 24, "sh");
    t.keys(&[&format!("{} ; echo EXIT=$?", bin()), "Enter"]);
    let s = t.wait_for("Shanghai wants to learn from Singapore", 10);
    assert!(
        s.contains("dossier › Articles") && s.contains("? help"),
        "{s}"
    );

    // Open the last article.
    t.keys(&["G", "Enter"]);
    let s = t.wait_for("South China Morning Post", 5);
    assert!(
        s.contains("Hong Kong and Shanghai sign 20 cooperation deals"),
        "{s}"
    );
    assert!(s.contains("lines 1-"), "{s}");

    // Step to the first mention: it is shown in reverse video (polled, not slept for).
    t.keys(&["n"]);
    let start = Instant::now();
    loop {
        let raw = t.screen(true);
        if raw.contains("\u{1b}[7m") || raw.contains(";7m") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no highlighted mention:\n{raw}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    // Open its entity.
    t.keys(&["Enter"]);
    let s = t.wait_for("Mentions (", 5);
    assert!(s.contains("mentions in"), "{s}");
    assert_eq!(
        s.matches(" › ").count(),
        3,
        "breadcrumb shows three levels:\n{s}"
    );

    // Back twice: the article, then the list with the same selection.
    t.keys(&["Escape"]);
    t.wait_for("South China Morning Post", 5);
    t.keys(&["Escape"]);
    let s = t.wait_for("5/5 · in corpus order", 5);
    assert!(s.contains("dossier › Articles"), "{s}");

    // Too small, then back to normal.
    t.run(&["resize-window", "-t", "e2e", "-x", "20", "-y", "5"]);
    t.wait_for("too small", 5);
    t.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    t.wait_for("5/5 · in corpus order", 5);

    // Quit: the shell is back, the terminal restored.
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=0", 5);
    assert!(
        !s.contains("corpus order"),
        "the alternate screen is gone:\n{s}"
    );
    let alt = t.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "0");
    t.keys(&["stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ,; echo", "Enter"]);
    let s = t.wait_for("\nicanon,", 5);
    assert!(
        s.lines().any(|l| l.trim() == "icanon,echo,"),
        "terminal left in raw mode:\n{s}"
    );
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn closing_the_terminal_ends_the_process_within_two_seconds() {
    let Some(t) = Tmux::new("close") else { return };
    let pid = t.start_dossier("close");
    assert!(
        PathBuf::from(format!("/proc/{pid}")).exists(),
        "dossier is running"
    );
    t.run(&["kill-session", "-t", "e2e"]);
    let start = Instant::now();
    while PathBuf::from(format!("/proc/{pid}")).exists() {
        // A zombie that has exited counts as gone.
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "dossier still running 2 s after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Bytes process `pid` has written; the test fails when they cannot be read (a reading of 0
/// would make "nothing written while idle" pass without looking).
fn proc_io_wchar(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/io"))
        .ok()
        .and_then(|io| {
            io.lines()
                .find_map(|l| l.strip_prefix("wchar:").and_then(|v| v.trim().parse().ok()))
        })
        .unwrap_or_else(|| panic!("cannot read /proc/{pid}/io"))
}

fn proc_cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
    let rest = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
#[cfg_attr(not(target_os = "linux"), ignore = "needs /proc/PID/io (Linux)")]
fn idle_writes_nothing_and_scrolling_writes_little() {
    let Some(t) = Tmux::new("idle") else { return };
    assert!(
        PathBuf::from("/proc/self/io").exists(),
        "/proc/PID/io cannot be read here, so what dossier writes cannot be seen"
    );
    let pid = t.start_dossier("idle");
    std::thread::sleep(Duration::from_millis(300));
    let (w0, c0) = (proc_io_wchar(pid), proc_cpu_ticks(pid));
    std::thread::sleep(Duration::from_secs(5));
    let (w1, c1) = (proc_io_wchar(pid), proc_cpu_ticks(pid));
    println!("idle 5 s: {} bytes written, {} CPU ticks", w1 - w0, c1 - c0);
    assert_eq!(w1 - w0, 0, "bytes written while idle");
    assert!(c1 - c0 <= 1, "CPU used while idle: {} ticks", c1 - c0);

    t.keys(&["Enter"]);
    t.wait_for("lines 1-", 5);
    std::thread::sleep(Duration::from_millis(200));
    let before = proc_io_wchar(pid);
    for _ in 0..10 {
        t.keys(&["j"]);
    }
    t.wait_for("lines 11-", 5);
    let per_j = (proc_io_wchar(pid) - before) / 10;
    println!("article view at 80x24: {per_j} bytes written per j");
    assert!(
        per_j < 1000,
        "a one-line scroll rewrote too much: {per_j} bytes"
    );
}

/// Bytes per `j` that the program `command` writes, over ten presses, once `ready` is on the
/// screen after `setup` keys (a screen text to wait for after them, if any).
fn bytes_per_line(
    t: &Tmux,
    size: (u16, u16),
    command: &str,
    setup: &[&str],
    ready: Option<(&str, &str)>,
    held: bool,
) -> u64 {
    let pidfile = pidfile("bytes");
    let _ = std::fs::remove_file(&pidfile);
    t.run(&["kill-session", "-t", "e2e"]);
    t.start(
        size.0,
        size.1,
        &format!("sh -c 'echo $$ > {}; exec {command}'", pidfile.display()),
    );
    let pid = read_pid(&pidfile);
    std::thread::sleep(Duration::from_millis(500));
    t.keys(setup);
    if let Some((before, _)) = ready {
        t.wait_for(before, 10);
    }
    std::thread::sleep(Duration::from_millis(300));
    let w0 = proc_io_wchar(pid);
    if held {
        // One burst, as a held key sends: the preview waits for the keys to rest.
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(&["j"; 10]);
        t.run(&args);
    } else {
        t.keys(&["j"; 10]);
    }
    match ready {
        Some((_, after)) => {
            t.wait_for(after, 10);
        }
        None => std::thread::sleep(Duration::from_millis(500)),
    }
    std::thread::sleep(Duration::from_millis(200));
    (proc_io_wchar(pid) - w0) / 10
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
#[cfg_attr(not(target_os = "linux"), ignore = "needs /proc/PID/io (Linux)")]
fn a_scrolled_line_costs_at_most_three_times_what_less_sends() {
    let Some(t) = Tmux::new("lines") else { return };
    if Command::new("less").arg("-V").output().is_err() {
        common::skip("SKIP: less is not installed (CI installs it; apt-get install less)");
        return;
    }
    // One long article: a seed's paragraphs five times over.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e-long-article");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("make the folder");
    let seed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/002_4d0cb910a6467354.txt"),
    )
    .expect("read a seed");
    let (title, body) = seed.split_once('\n').expect("a seed has a title");
    let file = dir.join("long.txt");
    std::fs::write(&file, format!("{title}\n\n{}", [body; 5].join("\n\n"))).expect("write");
    let dossier = format!("{} {}", bin(), file.display());
    let less = format!("less {}", file.display());
    // Forty short articles, for a list that scrolls.
    let list_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e-forty-articles");
    let _ = std::fs::remove_dir_all(&list_dir);
    std::fs::create_dir_all(&list_dir).expect("make the folder");
    for i in 0..40 {
        std::fs::write(
            list_dir.join(format!("{i:03}.txt")),
            format!(
                "Harbour council report number {i} on the budget\n\nThe council met on Monday.\n"
            ),
        )
        .expect("write");
    }
    let list = format!("{} {}", bin(), list_dir.display());
    for (size, setup) in [((80, 24), vec!["Enter"]), ((200, 50), vec!["Enter", "r"])] {
        let ours = bytes_per_line(
            &t,
            size,
            &dossier,
            &setup,
            Some(("lines 1-", "lines 11-")),
            false,
        );
        let theirs = bytes_per_line(&t, size, &less, &[], None, false);
        println!(
            "{}x{}: dossier {ours} bytes per line, less {theirs}",
            size.0, size.1
        );
        assert!(theirs > 0, "less wrote nothing at {size:?}");
        assert!(
            ours <= 3 * theirs,
            "a scrolled line costs {ours} bytes at {size:?}, less sends {theirs}"
        );
        // A move in the Articles list with the key held, past its last visible row so that it
        // scrolls; the preview is drawn once, when the keys rest.
        let moves = bytes_per_line(&t, size, &list, &["j"; 8], Some(("9/40", "19/40")), true);
        println!("{}x{}: dossier {moves} bytes per list move", size.0, size.1);
        assert!(
            moves <= 3 * theirs,
            "a list move costs {moves} bytes at {size:?}, less sends {theirs} a line"
        );
    }
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn a_person_searches_and_opens_a_result() {
    let Some(t) = Tmux::new("search") else { return };
    t.start(80, 24, &bin());
    t.wait_for("Shanghai wants to learn", 10);
    t.keys(&["/"]);
    t.wait_for("> ", 5);
    for k in ["g", "n", "g", " ", "z", "h", "n", "g"] {
        t.keys(&[k]);
    }
    let s = t.wait_for("> gng zhng", 5);
    let first_result = s
        .lines()
        .find(|l| l.contains("[P]") || l.contains("[L]") || l.contains("[O]"))
        .unwrap_or("");
    assert!(
        first_result.contains("Gong Zheng"),
        "Gong Zheng is not the first result:\n{s}"
    );
    t.keys(&["Enter"]);
    let s = t.wait_for("Mentions (", 5);
    assert!(s.contains("Gong Zheng  [P] person"), "{s}");
    t.keys(&["q"]);
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn typing_echoes_at_once_with_a_million_candidates() {
    let Some(t) = Tmux::new("million") else {
        return;
    };
    t.start(
        100,
        30,
        &format!("env DOSSIER_EXTRA_CANDIDATES=1000000 {}", bin()),
    );
    t.wait_for("Shanghai wants to learn", 30);
    t.keys(&["/"]);
    t.wait_for("> ", 5);
    // The whole query at once, as a fast typist would.
    let start = Instant::now();
    t.run(&["send-keys", "-t", "e2e", "-l", "gng zhng"]);
    let s = t.wait_for("> gng zhng", 5);
    let echoed = start.elapsed();
    println!("query echoed after {echoed:?}");
    assert!(
        echoed < Duration::from_millis(800),
        "typing waited for the search: {echoed:?}\n{s}"
    );
    let s = t.wait_for("[P] Gong Zheng", 10);
    assert!(s.contains("> gng zhng"), "{s}");
}

/// True once process `pid` has exited (a zombie counts as gone).
fn gone(pid: u32) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.is_empty()
        || stat
            .rsplit_once(')')
            .map(|x| x.1.trim_start())
            .is_some_and(|r| r.starts_with('Z'))
}

/// Wait up to `limit` for `pid` to exit; how long it took, or None.
fn wait_gone(pid: u32, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if gone(pid) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// A pid file in the target folder for the test `tag`.
fn pidfile(tag: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("dossier-{tag}-{}.pid", std::process::id()));
    let _ = std::fs::remove_file(&p);
    p
}

fn read_pid(path: &std::path::Path) -> u32 {
    let start = Instant::now();
    loop {
        if let Some(pid) = std::fs::read_to_string(path)
            .ok()
            .and_then(|s| s.trim().parse().ok())
        {
            return pid;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no pid file");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn the_end_of_input_ends_the_program_within_a_second() {
    // A process in a session of its own gets no SIGHUP when its terminal goes: it must notice
    // that its input has ended, and not read nothing forever (crossterm issue 793).
    let Some(t) = Tmux::new("eof") else { return };
    let pf = pidfile("eof");
    t.start(
        80,
        24,
        &format!(
            "setsid -w sh -c 'echo $$ > {}; exec {}'",
            pf.display(),
            bin()
        ),
    );
    t.wait_for("Shanghai wants to learn", 10);
    let pid = read_pid(&pf);
    let c0 = proc_cpu_ticks(pid);
    t.run(&["kill-server"]);
    let took = wait_gone(pid, Duration::from_secs(3));
    let spent = proc_cpu_ticks(pid).saturating_sub(c0);
    if took.is_none() {
        let _ = Command::new("kill").arg(pid.to_string()).status();
    }
    let took = took.unwrap_or_else(|| {
        panic!("dossier still running 3 s after its terminal went away ({spent} CPU ticks)")
    });
    println!("exited {took:?} after the terminal went away");
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

/// A corpus of `n` tiny articles, for lists longer than a key burst.
fn many_articles(name: &str, n: usize) -> PathBuf {
    let dir = common::scratch(name);
    for i in 0..n {
        std::fs::write(
            dir.join(format!("{i:05}.txt")),
            format!("Note number {i}\n\nA short note.\n"),
        )
        .expect("write note");
    }
    dir
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn a_burst_of_two_thousand_keys_moves_two_thousand_rows() {
    let Some(t) = Tmux::new("burst") else { return };
    let dir = many_articles("burst_corpus", 2500);
    t.start(80, 24, &format!("{} {}", bin(), dir.display()));
    t.wait_for("1/2500", 30);
    // All at once, as a fast key repeat or a script delivers them: more than 1,024 bytes.
    t.run(&["send-keys", "-t", "e2e", "-l", &"j".repeat(2000)]);
    // A wait, not a time limit: the debug build on a busy machine is slow, and what is checked is
    // that no key is lost.
    let s = t.wait_for("2001/2500", 60);
    assert!(
        s.contains("01999"),
        "the selection is on the 2001st note:\n{s}"
    );
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn a_paste_is_one_insertion_and_the_query_is_capped() {
    let Some(t) = Tmux::new("paste") else { return };
    t.start(80, 24, &bin());
    t.wait_for("Shanghai wants to learn", 10);
    let big = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("paste-1mb.txt");
    std::fs::write(&big, "gong zheng ".repeat(100_000)).expect("write paste");
    t.run(&["load-buffer", big.to_str().unwrap_or_default()]);
    // Outside a text field a paste does nothing but say so.
    t.run(&["paste-buffer", "-p", "-t", "e2e"]);
    t.wait_for("paste ignored", 5);
    t.keys(&["/"]);
    t.wait_for("> ", 5);
    let start = Instant::now();
    t.run(&["paste-buffer", "-p", "-t", "e2e"]);
    let s = t.wait_for("at most 256 characters", 10);
    println!("a 1.1 MB paste answered in {:?}", start.elapsed());
    assert!(s.contains("> gong zheng gong zheng"), "{s}");
    // Still responsive: clear the query, search again, leave.
    t.keys(&["C-u", "g", "o", "n", "g"]);
    t.wait_for("[P] Gong Zheng", 10);
    t.keys(&["Escape", "j"]);
    t.wait_for("2/5 · in corpus order", 5);
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn q_during_loading_quits_at_once() {
    let Some(t) = Tmux::new("loadquit") else {
        return;
    };
    let dir = common::scratch("loadquit_corpus");
    let line = "The Harbour Board said trade rose 4% to $2bn in May as Maria Kowalski spoke. ";
    std::fs::write(
        dir.join("big.txt"),
        format!("Big\n\n{}", line.repeat(400_000)),
    )
    .expect("write big file");
    let pf = pidfile("loadquit");
    t.start(
        80,
        24,
        &format!(
            "sh -c 'echo $$ > {}; exec {} {}'",
            pf.display(),
            bin(),
            dir.display()
        ),
    );
    t.wait_for("Loading", 10);
    let pid = read_pid(&pf);
    t.keys(&["q"]);
    let took = wait_gone(pid, Duration::from_secs(3));
    if took.is_none() {
        let _ = Command::new("kill").arg(pid.to_string()).status();
    }
    let took = took.unwrap_or_else(|| panic!("q did not quit during loading"));
    assert!(took < Duration::from_secs(1), "took {took:?}");
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn a_stop_gives_the_terminal_back_and_fg_redraws() {
    let Some(t) = Tmux::new("stop") else { return };
    let pf = pidfile("stop");
    t.start(80, 24, "sh");
    t.keys(&[
        &format!("sh -c 'echo $$ > {}; exec {}'", pf.display(), bin()),
        "Enter",
    ]);
    t.wait_for("Shanghai wants to learn", 10);
    let pid = read_pid(&pf);
    let _ = Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status();
    // The shell is back: the alternate screen is gone and the terminal is not raw.
    let start = Instant::now();
    loop {
        let alt = t.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
        if String::from_utf8_lossy(&alt.stdout).trim() == "0" {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "still on the alternate screen after SIGTSTP"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let state = stat
        .rsplit_once(')')
        .map(|x| x.1.trim_start().chars().next());
    assert_eq!(state, Some(Some('T')), "dossier is stopped: {stat}");
    t.keys(&["fg", "Enter"]);
    t.wait_for("Shanghai wants to learn", 10);
    t.keys(&["j"]);
    t.wait_for("2/5 · in corpus order", 5);
    t.keys(&["q"]);
    assert!(
        wait_gone(pid, Duration::from_secs(3)).is_some(),
        "q after fg"
    );
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn escapes_in_names_and_text_leave_the_pane_title_and_clipboard_alone() {
    let Some(t) = Tmux::new("escapes") else {
        return;
    };
    let dir = common::scratch("escape_corpus");
    std::fs::write(
        dir.join("\u{1b}]0;pwned-by-name\u{7}a.txt"),
        "Named \u{1b}]2;pwned-by-title\u{7} badly\n\nThe Harbour Board \u{1b}[2J met \u{1b}]52;c;cHduZWQ=\u{7} today. Bidi abc\u{202e}fed and a\u{2028}b.\n",
    )
    .expect("write escape file");
    std::fs::write(
        dir.join("b.txt"),
        "Plain title\n\nThe Harbour Board met again.\n",
    )
    .expect("write plain file");
    t.start(80, 24, "sh");
    t.run(&["set-option", "-g", "set-clipboard", "on"]);
    t.run(&["set-option", "-g", "allow-rename", "on"]);
    let title = |t: &Tmux| {
        String::from_utf8_lossy(
            &t.run(&["display-message", "-p", "-t", "e2e", "#{pane_title}"])
                .stdout,
        )
        .trim()
        .to_string()
    };
    let before = title(&t);
    t.keys(&[&format!("{} {}", bin(), dir.display()), "Enter"]);
    let s = t.wait_for("Plain title", 10);
    assert!(s.contains("Named"), "{s}");
    // Open the article with escapes, step through it, go back, search.
    t.keys(&["Enter"]);
    t.wait_for("Harbour Board", 5);
    t.keys(&["j", "j", "n", "Escape", "/", "h", "a", "r"]);
    t.wait_for("> har", 5);
    t.keys(&["Escape", "q"]);
    std::thread::sleep(Duration::from_millis(300));
    let after = title(&t);
    assert!(
        !after.contains("pwned"),
        "the pane title was changed: {after}"
    );
    assert_eq!(before, after);
    let buffers = t.run(&["list-buffers"]);
    let listed = String::from_utf8_lossy(&buffers.stdout);
    assert!(
        !listed.contains("pwned"),
        "the clipboard was written: {listed}"
    );
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn a_panic_in_one_article_leaves_the_browser_running() {
    let Some(t) = Tmux::new("isolate") else {
        return;
    };
    t.start(
        80,
        24,
        &format!("env DOSSIER_PANIC_IN=002_4d0cb910a6467354 {}", bin()),
    );
    let s = t.wait_for("1 load warning", 10);
    assert!(!s.contains("panicked"), "{s}");
    assert!(s.contains("Shanghai wants to learn"), "{s}");
    t.keys(&["j"]);
    let s = t.wait_for("2/5 · in corpus order", 5);
    assert!(!s.contains("panicked"), "{s}");
}

#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn a_person_compares_two_reports_side_by_side() {
    let Some(t) = Tmux::new("compare") else {
        return;
    };
    t.start(120, 30, &bin());
    t.wait_for("Shanghai wants to learn", 10);
    // 002 is the third article.
    t.keys(&["j", "j", "Enter"]);
    t.wait_for("Shanghai boosts friendship with global cities", 5);
    t.keys(&["c"]);
    let s = t.wait_for("compare with", 5);
    let first = s
        .lines()
        .find(|l| l.contains("0.") && l.contains("003"))
        .unwrap_or("");
    assert!(
        first.contains("Shanghai and friendship cities"),
        "the related report is not listed first:\n{s}"
    );
    t.keys(&["Enter"]);
    let s = t.wait_for("compare 002 with 003", 5);
    assert!(s.contains("entities: "), "{s}");
    t.keys(&["n"]);
    let s = t.wait_for("pair 1/", 5);
    assert!(s.contains("together"), "{s}");
    // Both sides show the first pair: the sentences about the 13 cities in 12 countries.
    let rows: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("Representatives from 13 cities in"))
        .collect();
    assert!(
        rows.iter()
            .any(|l| l.matches("Representatives from 13 cities").count() == 2),
        "the pair is not side by side:\n{s}"
    );
    t.keys(&["="]);
    t.wait_for("apart", 5);
    t.keys(&["="]);
    t.wait_for("together", 5);
    t.keys(&["Escape"]);
    let s = t.wait_for("lines 1-", 5);
    assert!(!s.contains("compare 002"), "{s}");
    t.keys(&["q"]);
}

/// On a terminal `list` cuts a long name with "…" and each line to the terminal's width.
#[test]
#[cfg_attr(not(dossier_tmux), ignore = "needs tmux: apt-get install tmux")]
fn list_on_a_terminal_fits_its_width() {
    let Some(t) = Tmux::new("list_width") else {
        return;
    };
    t.start(
        60,
        30,
        &format!("sh -c '{} list organizations; echo END; sleep 30'", bin()),
    );
    let s = t.wait_for("END", 10);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(" mention")).collect();
    assert!(!rows.is_empty(), "{s}");
    assert!(rows.iter().all(|l| l.chars().count() <= 60), "{s}");
    assert!(
        rows.iter().any(|l| l.contains('…')),
        "a long name is cut:\n{s}"
    );
    let columns: std::collections::BTreeSet<usize> = rows
        .iter()
        .filter_map(|l| Some(l[..l.find(" mention")?].chars().count()))
        .collect();
    assert_eq!(columns.len(), 1, "the counts start in one column:\n{s}");
}
