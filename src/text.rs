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
