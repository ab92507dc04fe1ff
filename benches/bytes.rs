//! What the terminal receives per key, against `less` in the same run: `cargo bench --bench bytes`.
//!
//! In tmux, dossier (the release build) opens BBC politics/293 ("Kilroy launches 'Veritas'
//! party") as a corpus of one, and the bytes it writes for 20 presses of `j` are counted from
//! `/proc/PID/io`: in the article view and in reading mode; then, on the whole of BBC, in the
//! Articles list with the keys held (sent at once). `less` scrolls the same file with the same
//! keys. Needs tmux, less, Linux and
//! `../shared/corpora/bbc`; says what is missing otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const PRESSES: u64 = 20;
const ARTICLE: &str = "politics/293.txt";

fn tmux(socket: &str, args: &[&str]) {
    let _ = Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .output();
}

fn wchar(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/io"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("wchar:").and_then(|v| v.trim().parse().ok()))
}

/// Bytes per `j` that `command` writes at `size`, after `setup` (keys, each followed by a
/// pause); `held` sends the presses in one burst, as a held key does.
fn per_press(command: &str, size: (u16, u16), setup: &[&[&str]], held: bool) -> Option<u64> {
    let socket = format!("dossier-bytes-{}", std::process::id());
    tmux(&socket, &["kill-server"]);
    let measured = measure(&socket, command, size, setup, held);
    tmux(&socket, &["kill-server"]);
    measured
}

fn measure(
    socket: &str,
    command: &str,
    size: (u16, u16),
    setup: &[&[&str]],
    held: bool,
) -> Option<u64> {
    let pidfile = std::env::temp_dir().join(format!("dossier-bytes-{}.pid", std::process::id()));
    let _ = std::fs::remove_file(&pidfile);
    tmux(
        socket,
        &[
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            &size.0.to_string(),
            "-y",
            &size.1.to_string(),
            &format!("sh -c 'echo $$ > {}; exec {command}'", pidfile.display()),
        ],
    );
    std::thread::sleep(Duration::from_secs(3));
    for keys in setup {
        let mut args = vec!["send-keys", "-t", "b"];
        args.extend_from_slice(keys);
        tmux(socket, &args);
        std::thread::sleep(Duration::from_millis(800));
    }
    let pid: u32 = std::fs::read_to_string(&pidfile)
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let before = wchar(pid)?;
    if held {
        let mut args = vec!["send-keys", "-t", "b"];
        args.extend(std::iter::repeat_n("j", PRESSES as usize));
        tmux(socket, &args);
    } else {
        for _ in 0..PRESSES {
            tmux(socket, &["send-keys", "-t", "b", "j"]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }
    std::thread::sleep(Duration::from_millis(800));
    let after = wchar(pid)?;
    Some(after.saturating_sub(before) / PRESSES)
}

fn main() {
    let bbc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/dossier");
    let missing = [
        (Command::new("tmux").arg("-V").output().is_err(), "tmux"),
        (Command::new("less").arg("-V").output().is_err(), "less"),
        (!Path::new("/proc/self/io").exists(), "/proc/PID/io"),
        (!bbc.join(ARTICLE).exists(), "../shared/corpora/bbc"),
        (
            !bin.exists(),
            "target/release/dossier (cargo build --release)",
        ),
    ];
    if let Some((_, what)) = missing.iter().find(|(gone, _)| *gone) {
        eprintln!("SKIP: {what} is missing");
        return;
    }
    let dossier = format!("{} {}", bin.display(), bbc.display());
    let one = format!("{} {}", bin.display(), bbc.join(ARTICLE).display());
    let less = format!("less {}", bbc.join(ARTICLE).display());
    let enter: &[&str] = &["Enter"];
    let read: &[&str] = &["r"];
    let first_j: &[&str] = &["j"];
    println!("| size | what | dossier bytes per j | less bytes per line | ratio |");
    println!("|---|---|---|---|---|");
    for size in [(80, 24), (200, 50)] {
        let Some(reference) = per_press(&less, size, &[], false) else {
            eprintln!("SKIP: less could not be measured");
            return;
        };
        let cases: [(&str, &str, Vec<&[&str]>, bool); 3] = [
            ("article view", &one, vec![enter], false),
            ("article, reading mode", &one, vec![enter, read], false),
            ("Articles list, j held", &dossier, vec![first_j], true),
        ];
        for (what, command, setup, held) in cases {
            match per_press(command, size, &setup, held) {
                Some(ours) => println!(
                    "| {}x{} | {what} | {ours} | {reference} | {:.1} |",
                    size.0,
                    size.1,
                    ours as f64 / reference.max(1) as f64
                ),
                None => println!(
                    "| {}x{} | {what} | not measured | {reference} | |",
                    size.0, size.1
                ),
            }
        }
    }
}
