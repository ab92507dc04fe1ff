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

    // Step to the first mention: it is shown in reverse video.
    t.keys(&["n"]);
    std::thread::sleep(Duration::from_millis(150));
    let raw = t.screen(true);
    assert!(
        raw.contains("\u{1b}[7m") || raw.contains(";7m"),
        "no highlighted mention:\n{raw}"
    );

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

fn proc_io_wchar(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/io"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("wchar:").and_then(|v| v.trim().parse().ok()))
        .unwrap_or(0)
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
fn idle_writes_nothing_and_scrolling_writes_little() {
    let Some(t) = Tmux::new("idle") else { return };
    if !PathBuf::from("/proc/self/io").exists() {
        common::skip("SKIP: /proc/PID/io is not available here");
        return;
    }
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
        per_j < 4000,
        "a one-line scroll rewrote too much: {per_j} bytes"
    );
}

#[test]
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
