//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The built `dossier` binary, or the one `DOSSIER_TEST_BIN` names (to show that a regression
/// test fails on an older build).
pub fn bin() -> PathBuf {
    std::env::var_os("DOSSIER_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_dossier")))
}

/// `../shared/corpora/NAME` beside the repository, or None (with a printed reason) when absent.
pub fn corpus(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        skip(&format!(
            "SKIP: {} is missing (the shared corpora sit beside the repository in CI)",
            p.display()
        ));
        None
    }
}

/// Say why part of a test is skipped. Written straight to the standard error stream, which the
/// test harness does not capture, so the reason shows in a plain `cargo test`. (A whole test
/// that cannot run here is `#[ignore]`d through the cfgs of `build.rs` instead, so the summary
/// counts it.)
pub fn skip(reason: &str) {
    note(reason);
}

/// Print a measurement to the standard error stream, uncaptured.
pub fn note(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// Run dossier with `args`, failing the test if it runs longer than `limit`.
pub fn run_with_limit(args: &[&str], cwd: Option<&std::path::Path>, limit: Duration) -> Output {
    run_in(&bin(), args, cwd, limit)
}

/// Run dossier with `args` (30 s limit).
pub fn run(args: &[&str]) -> Output {
    run_with_limit(args, None, Duration::from_secs(60))
}

/// Stdout as a string.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Stderr as a string.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parse stdout as JSON.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", stderr(o)))
}

/// A fresh empty folder under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// The release build of `dossier`, built once per test binary: tests that run it on big inputs
/// use it, so that the default `cargo test` stays quick.
pub fn release_bin() -> PathBuf {
    if let Some(other) = std::env::var_os("DOSSIER_TEST_BIN") {
        return PathBuf::from(other);
    }
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "--release", "--quiet", "--bin", "dossier"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("run cargo build --release");
            assert!(status.success(), "cargo build --release failed");
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
            let bin = target.join("release").join("dossier");
            assert!(bin.exists(), "no release binary at {}", bin.display());
            bin
        })
        .clone()
}

/// Run `bin` with `args`, failing the test past `limit`; stdout and stderr are captured.
pub fn run_bin_with_limit(bin: &std::path::Path, args: &[&str], limit: Duration) -> Output {
    run_in(bin, args, None, limit)
}

fn run_in(
    bin: &std::path::Path,
    args: &[&str],
    cwd: Option<&std::path::Path>,
    limit: Duration,
) -> Output {
    let mut cmd = Command::new(bin);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("spawn dossier");
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out_reader = drain(Box::new(child.stdout.take().expect("stdout")));
    let err_reader = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return Output {
                status,
                stdout: out_reader.join().unwrap_or_default(),
                stderr: err_reader.join().unwrap_or_default(),
            };
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("dossier {args:?} still running after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// True when `s` holds a character a terminal would act on or that reorders or hides text:
/// controls other than newline and tab, bidi controls, line separators, stray zero-width ones.
pub fn has_terminal_hazard(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{200B}' | '\u{FEFF}')
    })
}
