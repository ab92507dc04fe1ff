//! The word knowledge extraction reads: every list of [`crate::words`], and the role nouns a
//! quotation may be attributed to. Gazetteers of real names live in `data/gazetteers`.

pub use crate::words::*;

/// Words for people's roles that a quotation may be attributed to ("the mayor said").
pub fn is_role_noun(word: &str) -> bool {
    crate::gazetteer::with_lowercase(word, role_noun)
}

fn role_noun(w: &str) -> bool {
    matches!(
        w,
        "mayor"
            | "minister"
            | "president"
            | "governor"
            | "secretary"
            | "chairman"
            | "chief"
            | "executive"
            | "director"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "ambassador"
            | "premier"
            | "leader"
            | "manager"
            | "coach"
            | "senator"
            | "professor"
            | "chancellor"
            | "commissioner"
            | "boss"
            | "founder"
            | "head"
            | "vice-mayor"
            | "vice-president"
            | "captain"
            | "judge"
            | "officer"
            | "member"
            | "representative"
            | "delegate"
            | "deputy"
            | "adviser"
            | "advisor"
            | "secretary-general"
            | "ceo"
            | "chairwoman"
            | "co-founder"
            | "owner"
            | "editor"
            | "correspondent"
            | "governor-general"
            | "mp"
            | "lawmaker"
            | "councillor"
            | "envoy"
    )
}
