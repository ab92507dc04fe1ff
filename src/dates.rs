//! Reading written dates: "Friday, July 21, 2017", "21 July 2017", "2017-07-21".

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month number (1-12) of a month name or its abbreviation ("Sept", "Oct.").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    // Month names start with one of these letters.
    let first = w.as_bytes().first().map(u8::to_ascii_lowercase);
    if w.len() < 3
        || w.len() > 9
        || !matches!(
            first,
            Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
        )
    {
        return None;
    }
    crate::gazetteer::with_lowercase(w, |w| {
        MONTHS
            .iter()
            .position(|m| {
                *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept"))
            })
            .map(|i| i as u32 + 1)
    })
}

/// True for a weekday name ("Friday").
pub fn is_weekday(word: &str) -> bool {
    (6..=9).contains(&word.len()) && WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    if !(1000..=2999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// A token of a date: its text and its byte end in the input.
fn tokens(s: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = s.as_bytes();
    while i < b.len() && out.len() < 6 {
        while i < b.len() && (b[i] == b' ' || b[i] == b',' || b[i] == b'\t') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !(b[i] == b' ' || b[i] == b',' || b[i] == b'\t' || b[i] == b'\n') {
            i += 1;
        }
        if start == i {
            break;
        }
        out.push((&s[start..i], i));
    }
    out
}

fn number(tok: &str) -> Option<u32> {
    let t = tok.trim_end_matches(['.', ',']);
    let t = t
        .strip_suffix("st")
        .or_else(|| t.strip_suffix("nd"))
        .or_else(|| t.strip_suffix("rd"))
        .or_else(|| t.strip_suffix("th"))
        .unwrap_or(t);
    if t.is_empty() || t.len() > 4 || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Parse a full date (day, month and year) at the start of `s`.
/// Returns the byte length of the date as written and its ISO 8601 form.
pub fn parse_date_prefix(s: &str) -> Option<(usize, String)> {
    let toks = tokens(s);
    let mut k = 0;
    if let Some((w, _)) = toks.first() {
        // ISO 8601 first: 2017-07-21.
        let parts: Vec<&str> = w.splitn(3, '-').collect();
        if parts.len() == 3 && parts[0].len() == 4 {
            let day_part: String = parts[2]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let (Ok(y), Ok(m), Ok(d)) = (parts[0].parse(), parts[1].parse(), day_part.parse()) {
                if let Some(date) = iso(y, m, d) {
                    return Some((4 + 1 + parts[1].len() + 1 + day_part.len(), date));
                }
            }
        }
        if is_weekday(w.trim_end_matches(',')) {
            k = 1;
        }
    }
    let get = |i: usize| toks.get(i).map(|t| t.0);
    let end = |i: usize| toks.get(i).map(|t| t.1);
    // Month D, YYYY
    if let (Some(m), Some(d), Some(y)) = (
        get(k).and_then(month_number),
        get(k + 1).and_then(number),
        get(k + 2).and_then(number),
    ) {
        if let Some(date) = iso(y, m, d) {
            return Some((end(k + 2)?, date));
        }
    }
    // D Month YYYY
    if let (Some(d), Some(m), Some(y)) = (
        get(k).and_then(number),
        get(k + 1).and_then(month_number),
        get(k + 2).and_then(number),
    ) {
        if let Some(date) = iso(y, m, d) {
            return Some((end(k + 2)?, date));
        }
    }
    None
}

/// Parse a whole string as a date in any of the known forms.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let (len, date) = parse_date_prefix(s)?;
    s[len..]
        .trim_start_matches(|c: char| c.is_ascii_digit() || ":TZ+-. ".contains(c))
        .is_empty()
        .then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_become_iso() {
        assert_eq!(
            parse_date_prefix("Friday, July 21, 2017"),
            Some((21, "2017-07-21".into()))
        );
        assert_eq!(
            parse_date_prefix("Thursday, May 7, 2015 On Tuesday, the"),
            Some((21, "2015-05-07".into()))
        );
        assert_eq!(
            parse_date_prefix("21 July 2017"),
            Some((12, "2017-07-21".into()))
        );
        assert_eq!(
            parse_date_prefix("Sept. 3, 2001"),
            Some((13, "2001-09-03".into()))
        );
        assert_eq!(
            parse_date("2017-07-21T10:00:00Z"),
            Some("2017-07-21".into())
        );
    }

    #[test]
    fn non_dates_are_refused() {
        assert_eq!(parse_date_prefix("Tuesday, 1 March"), None);
        assert_eq!(parse_date_prefix("May 40, 2017"), None);
        assert_eq!(parse_date_prefix("Mayor Gong said"), None);
        assert_eq!(parse_date("2017-02-30"), None);
    }
}
