//! A search keystroke: `cargo bench --bench search`.
//!
//! Synthetic candidate sets of 10,000, 100,000 and 1,000,000 names (given names and surnames
//! from the gazetteers, combined by a fixed pseudo-random sequence), and the real candidates of
//! `../shared/corpora/bbc`; queries of 1, 3 and 8 characters, and an 8-character query typed one
//! letter at a time (each keystroke narrowing the last). The same run times `fzf --filter` on the
//! same candidates written to a file, so the ratio holds on a noisy machine.

use divan::Bencher;
use dossier::extract::Kind;
use dossier::search::{Narrowing, SearchIndex};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

// The binary's allocator and its options, so that the figures are the palette's.
dossier::use_jemalloc!();

const QUERIES: [&str; 3] = ["m", "lee", "jhn smth"];
const LIMIT: usize = 200;

fn words(file: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data/gazetteers")
        .join(file);
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(String::from)
        .collect()
}

/// `n` names like "Mary Jones", the same every run.
fn synthetic(n: usize) -> Vec<String> {
    let given = words("given_names.txt");
    let surnames = words("surnames.txt");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..n)
        .map(|_| {
            let g = &given[(next() % given.len() as u64) as usize];
            let s = &surnames[(next() % surnames.len() as u64) as usize];
            format!("{g} {s}")
        })
        .collect()
}

fn index_of(names: &[String]) -> SearchIndex {
    SearchIndex::from_candidates(
        names
            .iter()
            .enumerate()
            .map(|(i, n)| SearchIndex::entity_candidate(n, i, (i * 7919) % 97, Kind::Person))
            .collect(),
    )
}

fn bbc_names() -> Option<&'static Vec<String>> {
    static NAMES: OnceLock<Option<Vec<String>>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
            let corpus = dossier::corpus::Corpus::open(&[p]).ok()?;
            let idx = SearchIndex::build(&corpus);
            Some(
                idx.candidates
                    .iter()
                    .filter(|c| !matches!(c.target, dossier::search::Target::Quote(_)))
                    .map(|c| c.text.to_string())
                    .collect(),
            )
        })
        .as_ref()
}

fn set(n: usize) -> &'static SearchIndex {
    static SETS: OnceLock<Vec<(usize, SearchIndex)>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        [10_000, 100_000, 1_000_000]
            .iter()
            .map(|&n| (n, index_of(&synthetic(n))))
            .collect()
    });
    &sets
        .iter()
        .find(|(k, _)| *k == n)
        .expect("a prepared size")
        .1
}

fn bbc_index() -> Option<&'static SearchIndex> {
    static IDX: OnceLock<Option<SearchIndex>> = OnceLock::new();
    IDX.get_or_init(|| bbc_names().map(|n| index_of(n)))
        .as_ref()
}

#[divan::bench(args = [10_000, 100_000, 1_000_000], consts = [0, 1, 2])]
fn keystroke<const Q: usize>(bencher: Bencher, n: usize) {
    let idx = set(n);
    bencher.bench(|| {
        let m = idx.matches(QUERIES[Q], None);
        idx.top(QUERIES[Q], &m, LIMIT).len()
    });
}

/// "jhn smth" typed one letter at a time; the time is for all eight keystrokes.
#[divan::bench(args = [10_000, 100_000, 1_000_000])]
fn typed_8_letters(bencher: Bencher, n: usize) {
    let idx = set(n);
    bencher.bench(|| {
        let mut nar = Narrowing::default();
        let q = QUERIES[2];
        (1..=q.len())
            .map(|k| nar.search(idx, &q[..k], LIMIT).len())
            .sum::<usize>()
    });
}

#[divan::bench(consts = [0, 1, 2])]
fn bbc_keystroke<const Q: usize>(bencher: Bencher) {
    let Some(idx) = bbc_index() else { return };
    bencher.bench(|| {
        let m = idx.matches(QUERIES[Q], None);
        idx.top(QUERIES[Q], &m, LIMIT).len()
    });
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median of `runs` timings of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn fzf_table() {
    if Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .map(|s| !s.success())
        .unwrap_or(true)
    {
        eprintln!("fzf comparison skipped: fzf is not installed (apt-get install fzf)");
        return;
    }
    println!("\nPer keystroke, median: dossier (SearchIndex::matches + top {LIMIT}) vs `fzf --filter` on the same candidates");
    println!(
        "{:<12} {:<10} {:>12} {:>12} {:>8}",
        "candidates", "query", "dossier", "fzf", "fzf/dossier"
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let mut sets: Vec<(String, Vec<String>, &SearchIndex)> = [10_000, 100_000, 1_000_000]
        .iter()
        .map(|&n| (n.to_string(), synthetic(n), set(n)))
        .collect();
    if let (Some(names), Some(idx)) = (bbc_names(), bbc_index()) {
        sets.push((format!("bbc {}", names.len()), names.clone(), idx));
    }
    for (label, names, idx) in &sets {
        let file = dir.join(format!("candidates-{}.txt", label.replace(' ', "-")));
        let _ = std::fs::write(&file, names.join("\n"));
        for q in QUERIES {
            let runs = if names.len() >= 1_000_000 { 5 } else { 15 };
            let ours = time(runs, || {
                let m = idx.matches(q, None);
                let _ = idx.top(q, &m, LIMIT);
            });
            let fzf = time(runs, || {
                let input = std::fs::File::open(&file).expect("candidates file");
                let _ = Command::new("fzf")
                    .args(["--filter", q])
                    .stdin(input)
                    .stdout(Stdio::null())
                    .status();
            });
            println!(
                "{label:<12} {q:<10} {:>9.2} ms {:>9.2} ms {:>8.1}",
                ours.as_secs_f64() * 1e3,
                fzf.as_secs_f64() * 1e3,
                fzf.as_secs_f64() / ours.as_secs_f64().max(1e-9)
            );
        }
    }
}

/// Each keystroke of typed queries at 1,000,000 candidates, as the palette runs them (each
/// narrowing the last): medians of `RUNS` typings.
fn typed_table() {
    const RUNS: usize = 15;
    let idx = set(1_000_000);
    println!("\nEach keystroke of a typed query at 1,000,000 candidates, median of {RUNS} typings (target: under 16 ms)");
    for q in ["jhn smth", "mary lee"] {
        let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); q.len()];
        let mut between: Vec<Vec<Duration>> = vec![Vec::new(); q.len()];
        for _ in 0..RUNS {
            let mut nar = Narrowing::default();
            for (k, (s, b)) in samples.iter_mut().zip(&mut between).enumerate() {
                let t = Instant::now();
                let _ = nar.search(idx, &q[..=k], LIMIT);
                s.push(t.elapsed());
                // What the palette's search thread does before the next key arrives.
                let t = Instant::now();
                nar.prepare(idx);
                b.push(t.elapsed());
            }
        }
        let ms = |v: Vec<Duration>| median(v).as_secs_f64() * 1e3;
        let cells: Vec<String> = samples
            .into_iter()
            .zip(between)
            .enumerate()
            .map(|(k, (s, b))| format!("{:?} {:.1} (+{:.1})", &q[..=k], ms(s), ms(b)))
            .collect();
        println!(
            "{q:<10} ms (and the work after it, before the next key): {}",
            cells.join(", ")
        );
    }
}

fn main() {
    divan::main();
    typed_table();
    fzf_table();
}
