//! String helpers every stage uses: the key that makes two names one, initials, acronyms.

/// The key that makes two names one entity: lowercase, curly apostrophes straight, and
/// hyphens read as spaces ("Kilroy-Silk" and "Kilroy Silk" are one name).
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        let mut gap = false;
        for b in name.bytes() {
            if b.is_ascii_whitespace() || b == b'-' {
                gap = !out.is_empty();
                continue;
            }
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return out;
    }
    for part in name.split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–')) {
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        for c in part.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// One character as search compares it: lowercase and without accents ("É" is "e", "ñ" is
/// "n"). Always one character for one, so positions in a folded string are positions in the
/// original; letters with no decomposition ("ß", "ø") stay as they are.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let mut base = lower;
    unicode_normalization::char::decompose_canonical(lower, |d| {
        if base == lower && !unicode_normalization::char::is_combining_mark(d) {
            base = d;
        }
    });
    base
}

/// A string folded character by character (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(fold_char).collect()
}

/// All capitals (with dots, digits or ampersands): "PMO", "U.S.", "E&P".
pub fn is_acronym(s: &str) -> bool {
    let mut letters = 0;
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' => letters += 1,
            b'.' | b'&' | b'0'..=b'9' => {}
            _ => return false,
        }
    }
    letters >= 2
}

/// Initials of a name's capitalised parts, hyphenated parts counted apart.
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Edits (insert, delete, substitute, or swap two neighbours) that turn `a` into `b`, counted
/// by characters: the optimal string alignment distance.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// Short forms of `ids`, one each, made of whole segments (split at `_`, `-` and `/`): the
/// segments every id opens with are dropped, then each keeps the fewest leading segments of the
/// rest that no other id shares ("GUM_news_afghan" among Wikinews ids is "afghan"; "sport/199"
/// stays whole among BBC ids; "000_bcdeee2dc5196373" is "000"); a lone id stays whole. Linear
/// in the ids' length times their most segments.
pub fn short_ids(ids: &[&str]) -> Vec<String> {
    use rustc_hash::FxHashMap as HashMap;
    if ids.len() == 1 {
        return ids.iter().map(|id| id.to_string()).collect();
    }
    // Byte offsets where each id's segments end.
    let ends: Vec<Vec<usize>> = ids
        .iter()
        .map(|id| {
            let mut e: Vec<usize> = id
                .char_indices()
                .filter(|(_, c)| matches!(c, '_' | '-' | '/'))
                .map(|(i, _)| i)
                .filter(|&i| i > 0)
                .collect();
            e.push(id.len());
            e.dedup();
            e
        })
        .collect();
    // Leading segments all ids share, leaving every id at least one of its own.
    let mut common = 0;
    if ids.len() > 1 {
        let most = ends.iter().map(|e| e.len()).min().unwrap_or(0);
        while common + 1 < most {
            let first = &ids[0][..ends[0][common]];
            if ids
                .iter()
                .zip(&ends)
                .all(|(id, e)| id.get(..e[common]) == Some(first))
            {
                common += 1;
            } else {
                break;
            }
        }
    }
    let start = |i: usize| {
        if common == 0 {
            0
        } else {
            ends[i][common - 1] + 1
        }
    };
    let mut out: Vec<Option<String>> = vec![None; ids.len()];
    let most = ends.iter().map(|e| e.len()).max().unwrap_or(0);
    for k in common..most {
        let mut seen: HashMap<&str, usize> = HashMap::default();
        let cut = |i: usize| {
            ids[i]
                .get(start(i)..ends[i][k.min(ends[i].len() - 1)])
                .unwrap_or(ids[i])
        };
        for i in (0..ids.len()).filter(|&i| out[i].is_none()) {
            *seen.entry(cut(i)).or_insert(0) += 1;
        }
        for i in 0..ids.len() {
            if out[i].is_some() {
                continue;
            }
            let c = cut(i);
            // Unique among the ids still open, or nothing more to add.
            if seen.get(c) == Some(&1) || k + 1 >= ends[i].len() {
                out[i] = Some(c.to_string());
            }
        }
        if out.iter().all(Option::is_some) {
            break;
        }
    }
    out.into_iter()
        .zip(ids)
        .map(|(s, id)| s.unwrap_or_else(|| id.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents_one_character_for_one() {
        assert_eq!(fold("Arsène Wenger"), "arsene wenger");
        assert_eq!(fold("ZÜRICH Ñandú"), "zurich nandu");
        assert_eq!(fold("Straße Øresund"), "straße øresund");
        for s in ["İstanbul", "Ångström", "naïve café", "日本"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn short_ids_drop_the_shared_prefix_and_keep_the_fewest_whole_segments() {
        assert_eq!(
            short_ids(&["GUM_news_afghan", "GUM_news_asylum", "GUM_news_clock"]),
            ["afghan", "asylum", "clock"]
        );
        assert_eq!(
            short_ids(&["sport/199", "sport/200", "tech/001", "tech/002"]),
            ["sport/199", "sport/200", "tech/001", "tech/002"]
        );
        assert_eq!(short_ids(&["sport/199", "tech/001"]), ["sport", "tech"]);
        assert_eq!(
            short_ids(&["000_bcdeee2dc5196373", "001_4d0cb910a6467354"]),
            ["000", "001"]
        );
        // A segment shared by some but not all stays where it tells ids apart.
        assert_eq!(short_ids(&["a_x_1", "a_x_2", "a_y"]), ["x_1", "x_2", "y"]);
        // One article, with nothing to tell it from, keeps its whole id.
        assert_eq!(short_ids(&["GUM_news_afghan"]), ["GUM_news_afghan"]);
        assert_eq!(short_ids(&["report"]), ["report"]);
    }

    #[test]
    fn names_differing_by_hyphen_or_space_share_a_key() {
        assert_eq!(
            name_key("Robert Kilroy-Silk"),
            name_key("Robert Kilroy Silk")
        );
        assert_eq!(name_key("Kilroy–Silk"), "kilroy silk");
        assert_eq!(name_key(" Coca - Cola "), "coca cola");
    }
}
