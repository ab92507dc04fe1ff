//! Loading and parsing `../shared/corpora/bbc`: `cargo bench --bench load`.

use divan::counter::BytesCount;
use divan::Bencher;
use dossier::corpus::Corpus;
use std::path::PathBuf;

/// The binary's allocator, so that the load is timed as `dossier` runs it.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn bbc() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    p.exists().then_some(p)
}

fn main() {
    if bbc().is_none() {
        eprintln!("SKIP: ../shared/corpora/bbc is missing");
        return;
    }
    divan::main();
}

/// Walk, read, decode, parse, extract and resolve the 2,225 BBC articles: everything
/// `dossier` does before its first frame.
#[divan::bench(sample_count = 20)]
fn load_parse_extract_resolve_bbc(bencher: Bencher) {
    let Some(path) = bbc() else { return };
    let paths = vec![path];
    let bytes = Corpus::open(&paths).map(|c| c.bytes).unwrap_or(0);
    bencher
        .counter(BytesCount::new(bytes))
        // The corpus is returned so that divan drops it after timing: loading ends when the
        // corpus is ready, not when it is freed.
        .bench(|| Corpus::open(&paths).ok());
}

/// Parsing alone, on articles already in memory.
#[divan::bench(sample_count = 20)]
fn parse_bbc(bencher: Bencher) {
    let Some(path) = bbc() else { return };
    let Ok(loaded) = dossier::load::load_paths(&[path]) else {
        return;
    };
    let bytes = loaded.bytes;
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        loaded
            .docs
            .iter()
            .map(|d| dossier::parse::parse(d).paragraphs.len())
            .sum::<usize>()
    });
}
