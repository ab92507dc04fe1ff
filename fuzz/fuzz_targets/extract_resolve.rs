//! Any bytes as up to four articles (split at 0xFF bytes), through the whole pipeline: parse,
//! lexicon, extraction and resolution. A caught panic counts as a crash here, and every mention,
//! quote and figure must be a sound span.
#![no_main]

use dossier::corpus::Corpus;
use dossier::load::{decode, Decoded, Loaded, RawDoc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let docs: Vec<RawDoc> = data
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .filter_map(|(i, part)| match decode(part) {
            Decoded::Text(text, _) => Some(RawDoc {
                id: format!("f{i}"),
                path: format!("f{i}.txt"),
                text,
                record: None,
            }),
            Decoded::Skip(_) => None,
        })
        .collect();
    let corpus = Corpus::from_loaded(
        Loaded {
            docs,
            ..Loaded::default()
        },
        std::time::Duration::ZERO,
    );
    for w in &corpus.warnings {
        assert!(!w.message.contains("dossier failed"), "{}", w.message);
    }
    let broken = corpus.span_violations();
    assert!(broken.is_empty(), "{broken:?}");
});
