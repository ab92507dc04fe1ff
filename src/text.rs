//! String helpers every stage uses: the key that makes two names one, initials, acronyms.

/// The key that makes two names one entity.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            continue;
        }
        for c in w.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                '‐' | '–' => out.push('-'),
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
