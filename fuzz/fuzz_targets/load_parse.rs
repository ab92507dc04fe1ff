//! Any bytes, read as a text file and as a JSONL file, then parsed: no panic, no hang, and every
//! span of every article inside its text and on character boundaries.
#![no_main]

use dossier::load::{decode, read_jsonl, Decoded, Loaded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut docs = Vec::new();
    if let Decoded::Text(text, _) = decode(data) {
        docs.push(dossier::load::RawDoc {
            id: "fuzz".into(),
            path: "fuzz.txt".into(),
            text,
            record: None,
        });
    }
    let (records, _) = read_jsonl("feed", "feed.jsonl", data);
    docs.extend(records);
    for doc in &docs {
        let a = dossier::parse::parse(doc);
        let corpus = dossier::corpus::Corpus {
            articles: vec![a],
            ..Default::default()
        };
        let broken = corpus.span_violations();
        assert!(broken.is_empty(), "{broken:?}");
    }
    let _ = Loaded::default();
});
