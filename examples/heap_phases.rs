//! Heap held after each phase of a load, and the peak within it: `cargo run --release --example
//! heap_phases -- CORPUS`. Counts the bytes the program asks of its allocator (jemalloc).
use dossier::corpus::Corpus;
use dossier::load::{self, LoadOptions};
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static INNER: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = NOW.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(n, Relaxed);
        unsafe { INNER.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        unsafe { INNER.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new > l.size() {
            let n = NOW.fetch_add(new - l.size(), Relaxed) + new - l.size();
            PEAK.fetch_max(n, Relaxed);
        } else {
            NOW.fetch_sub(l.size() - new, Relaxed);
        }
        unsafe { INNER.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mb(n: usize) -> f64 {
    n as f64 / 1e6
}

fn report(what: &str) {
    println!(
        "{what:<28} held {:>8.1} MB  peak so far {:>8.1} MB",
        mb(NOW.load(Relaxed)),
        mb(PEAK.load(Relaxed))
    );
    PEAK.store(NOW.load(Relaxed), Relaxed);
}

fn main() -> anyhow::Result<()> {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    dossier::gazetteer::warm_up();
    report("gazetteers");
    let loaded = load::load_paths_with(&paths, &LoadOptions::default())?;
    report("read");
    let docs = loaded.docs;
    {
        use rayon::prelude::*;
        let articles: Vec<_> = docs
            .into_par_iter()
            .map(dossier::parse::parse_owned)
            .collect();
        report("parsed");
        let tl: usize = articles.iter().map(|a| a.text.len()).sum();
        let tc: usize = articles.iter().map(|a| a.text.capacity()).sum();
        let sc: usize = articles
            .iter()
            .map(|a| {
                a.sentences.capacity() * 16
                    + a.paragraphs.capacity() * 16
                    + a.id.capacity()
                    + a.path.capacity()
                    + a.short.capacity()
                    + a.title.as_ref().map_or(0, |t| t.capacity())
            })
            .sum();
        println!(
            "text len {:.1} MB cap {:.1} MB; spans+ids {:.1} MB; struct {}",
            mb(tl),
            mb(tc),
            mb(sc),
            std::mem::size_of::<dossier::model::Article>()
        );
        let (lex, tokens, _) = dossier::extract::Lexicon::from_articles_keeping_tokens(&articles);
        report("lexicon + packed tokens");
        let extractions: Vec<_> = articles
            .par_iter()
            .zip(tokens)
            .map(|(a, packed)| dossier::extract::extract_article(a, &packed.unpack(&a.text), &lex))
            .collect();
        report("extracted");
        let m: usize = extractions.iter().map(|e| e.mentions.len()).sum();
        let q: usize = extractions.iter().map(|e| e.quotes.len()).sum();
        let f: usize = extractions.iter().map(|e| e.figures.len()).sum();
        let r: usize = extractions.iter().map(|e| e.roles.len()).sum();
        println!("mentions {m} quotes {q} figures {f} roles {r}");
        let sz = std::mem::size_of::<dossier::extract::MentionFact>();
        let cap: usize = extractions.iter().map(|e| e.mentions.capacity()).sum();
        let names: usize = extractions.iter().map(|e| e.names.len()).sum();
        println!(
            "mention struct {sz} B, vec cap {cap} = {:.1} MB, names {names}",
            mb(cap * sz)
        );
        let qsz = std::mem::size_of::<dossier::extract::QuoteFact>();
        let qcap: usize = extractions.iter().map(|e| e.quotes.capacity()).sum();
        let qs: usize = extractions
            .iter()
            .flat_map(|e| &e.quotes)
            .map(|q| q.speaker.as_ref().map_or(0, |s| s.capacity()))
            .sum();
        println!(
            "quote struct {qsz} cap {qcap} = {:.1} MB + speakers {:.1} MB",
            mb(qsz * qcap),
            mb(qs)
        );
        let fcap: usize = extractions.iter().map(|e| e.figures.capacity()).sum();
        println!(
            "figures cap {fcap} = {:.1} MB",
            mb(fcap * std::mem::size_of::<dossier::extract::figures::Figure>())
        );
        drop(lex);
        report("lexicon dropped");
        let resolved = dossier::resolve::resolve(&articles, extractions);
        report("resolved");
        report("extractions dropped");
        drop(resolved);
        drop(articles);
    }
    let loaded = load::load_paths_with(&paths, &LoadOptions::default())?;
    let corpus = Corpus::from_loaded(loaded, Default::default());
    report("corpus (parse..resolve)");
    let index = dossier::search::SearchIndex::build(&corpus);
    report("search index");
    {
        use dossier::search::Target;
        let mut by = [(0usize, 0usize, 0usize); 4];
        for c in &index.candidates {
            let k = match c.target {
                Target::Entity(_) => 0,
                Target::Article(_) => 1,
                Target::Quote(_) => 2,
                Target::Synthetic(_) => 3,
            };
            by[k].0 += 1;
            by[k].1 += c.text.len();
            by[k].2 += c.name.len();
        }
        println!(
            "candidate struct {} B; (count, text bytes, name bytes) entity/article/quote: {:?}",
            std::mem::size_of::<dossier::search::Candidate>(),
            &by[..3]
        );
    }
    let stories = dossier::compare::StoryIndex::build(&corpus);
    report("story index");
    println!("articles {}", corpus.articles.len());
    drop(stories);
    drop(index);
    Ok(())
}
