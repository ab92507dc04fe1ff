//! Related articles and comparisons on `../shared/corpora/bbc`: `cargo bench --bench compare`.
//! Building the story index, `related` for every article, and one comparison.

use divan::Bencher;
use dossier::compare::StoryIndex;
use dossier::corpus::Corpus;
use std::path::PathBuf;
use std::sync::OnceLock;

fn bbc() -> Option<&'static Corpus> {
    static CORPUS: OnceLock<Option<Corpus>> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
            p.exists().then(|| Corpus::open(&[p]).ok()).flatten()
        })
        .as_ref()
}

/// A bigger corpus to measure on, named by `DOSSIER_BENCH_BIG` (such as 20 copies of BBC).
fn big() -> Option<&'static Corpus> {
    static CORPUS: OnceLock<Option<Corpus>> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            let p = PathBuf::from(std::env::var_os("DOSSIER_BENCH_BIG")?);
            Corpus::open(&[p]).ok()
        })
        .as_ref()
}

fn main() {
    if bbc().is_none() {
        eprintln!("SKIP: ../shared/corpora/bbc is missing");
        return;
    }
    divan::main();
}

/// The corpus term weights and article vectors (what the browser builds after the load).
#[divan::bench(sample_count = 10)]
fn story_index_bbc(bencher: Bencher) {
    let Some(c) = bbc() else { return };
    bencher.bench(|| StoryIndex::build(c));
}

/// `related` for all 2,225 articles.
#[divan::bench(sample_count = 10)]
fn related_for_every_bbc_article(bencher: Bencher) {
    let Some(c) = bbc() else { return };
    let index = StoryIndex::build(c);
    bencher.bench(|| {
        (0..c.articles.len())
            .map(|a| index.related(a, 10).len())
            .sum::<usize>()
    });
}

/// One comparison of two articles (entities, sentence alignment, figures).
#[divan::bench(sample_count = 20)]
fn compare_two_bbc_articles(bencher: Bencher) {
    let Some(c) = bbc() else { return };
    let index = StoryIndex::build(c);
    let a = c
        .articles
        .iter()
        .position(|a| a.id.ends_with("politics/052"))
        .unwrap_or(0);
    let b = index.related(a, 1).first().map_or(1, |r| r.article);
    bencher.bench(|| index.compare(c, a, b).aligned.len());
}

/// The story index of the big corpus, when `DOSSIER_BENCH_BIG` names one.
#[divan::bench(sample_count = 3)]
fn story_index_big(bencher: Bencher) {
    let Some(c) = big() else { return };
    bencher.bench(|| StoryIndex::build(c));
}

/// `related` for every article of the big corpus.
#[divan::bench(sample_count = 3)]
fn related_for_every_big_article(bencher: Bencher) {
    let Some(c) = big() else { return };
    let index = StoryIndex::build(c);
    bencher.bench(|| {
        (0..c.articles.len())
            .map(|a| index.related(a, 10).len())
            .sum::<usize>()
    });
}
