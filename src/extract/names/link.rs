//! Linking inside an article: short forms to full names, acronyms to their expansions, and
//! lone unknown words that the article uses as names.

use super::*;

/// A single capitalised word with no evidence yet, used at least twice in the article (an
/// acronym: once) and acting somewhere in the corpus, and neither an ordinary word, a person's
/// name, a place nor a nationality, is a name of something made: a company, product or body
/// ("Microsoft", "Wikinews", "BP"). Nationalities are dropped.
pub(super) fn name_the_unknown(text: &str, mentions: &mut Vec<NameMention>, lex: &Lexicon) {
    let g = gazetteer::get();
    // "The Aviator" mid-sentence: the title of a work, not a company.
    let titled: HashSet<String> = mentions
        .iter()
        .filter(|m| {
            let before = text[..m.span.start].trim_end_matches(' ');
            before.ends_with("The")
                && !before[..before.len() - 3]
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '“'])
                && before.len() > 3
        })
        .map(|m| m.canonical.clone())
        .collect();
    mentions.retain(|m| {
        !(m.scores.best().1 < DECIDED
            && !m.surface(text).contains(' ')
            && g.is_demonym(strip_possessive(m.surface(text))))
    });
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    // "Kuznetsova won" after "Svetlana Kuznetsova": the last word of a person's name in this
    // article (decided, or opening with a given name) is that person, however it acts.
    let mut surnames_here: HashSet<&str> = HashSet::default();
    for m in mentions.iter() {
        if !m.canonical.contains(' ') {
            *counts.entry(m.canonical.as_str()).or_insert(0) += 1;
        } else if let Some((first, last)) = m
            .canonical
            .split_once(' ')
            .zip(m.canonical.rsplit_once(' '))
            .map(|((f, _), (_, l))| (f, l))
        {
            let (kind, score) = m.scores.best();
            let person = (kind == Kind::Person || score == 0.0)
                && (score >= DECIDED || g.is_given_name(first));
            if person {
                surnames_here.insert(last);
            }
        }
    }
    let promote: Vec<String> = counts
        .into_iter()
        .filter(|(w, n)| {
            // An acronym that acts in the corpus ("BP said", "Fifa's" as "FIFA") is a body once
            // is enough; another word must be used twice here.
            let acronym = is_acronym(w);
            let used = if acronym {
                w.chars().count() >= 2 && !lex.is_common_acronym(w)
            } else {
                *n >= 2 && w.chars().count() >= 3
            };
            used && !w.contains(['\'', '’'])
                // "Blu-ray", "Wi-fi": a lowercase part after a hyphen is a thing's name.
                && !lowercase_after_hyphen(w)
                && !adjective_like(w)
                && !titled.contains(*w)
                && !surnames_here.contains(*w)
                && lex.acts(w)
                && !is_any_head(w)
                && !(w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && !w.ends_with("is"))
                && !lex.is_common_word(w)
                && !g.is_given_name(w)
                && !g.is_surname(w)
                && g.place(w).is_none()
                && !CALENDAR.contains(w)
                && !is_title_word(w)
        })
        .map(|(w, _)| w.to_string())
        .collect();
    for m in mentions.iter_mut() {
        if m.scores.best().1 < DECIDED && promote.contains(&m.canonical) {
            m.scores.add(Kind::Organization, DECIDED);
        }
    }
}

/// How many candidates a short form is checked against, nearest first, when every one of them
/// shares its first word: enough for any real article, and a bound for a hostile one.
pub(super) const MAX_SHORT_FORM_CANDIDATES: usize = 256;

/// Join short forms to earlier full names, and acronyms to their expansions, within an article.
/// Every step is a pass over the mentions with hash lookups: linear in the article's names.
pub(super) fn link_in_article(
    text: &str,
    mentions: &mut [NameMention],
    roles: &mut [RoleFact],
    lex: &Lexicon,
) {
    use rustc_hash::FxHashMap as HashMap;
    mentions.sort_by_key(|m| m.span.start);
    // Acronyms defined in brackets: "Prime Minister's Office (PMO)". The expansion ends right
    // before the bracket, so only the nearest mentions before it are candidates.
    let mut defined: Vec<(&str, usize)> = Vec::new();
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !is_acronym(m.surface(text)) {
            continue;
        }
        let before = text[..m.span.start].trim_end();
        let after = &text[m.span.end..];
        if before.ends_with('(') && after.starts_with(')') {
            let found = (0..i).rev().take(3).find(|&j| {
                let e = mentions[j].span.end;
                if e > m.span.start || m.span.start - e > 8 {
                    return false;
                }
                let gap = text.get(e..m.span.start).unwrap_or("");
                (gap.trim() == "(" || gap.trim_start().starts_with('(') && gap.len() < 4)
                    && acronym_fits(m.surface(text), &mentions[j].canonical)
            });
            if let Some(j) = found {
                defined.push((m.surface(text), j));
            }
        }
    }
    if !defined.is_empty() {
        // Every definition of an acronym adds its evidence; the last one names it.
        let mut by_acronym: HashMap<&str, (String, Scores)> = HashMap::default();
        for (acr, j) in defined {
            let entry = by_acronym
                .entry(acr)
                .or_insert_with(|| (String::new(), Scores::default()));
            entry.0.clone_from(&mentions[j].canonical);
            entry.1.merge(&mentions[j].scores);
        }
        for m in mentions.iter_mut() {
            if let Some((canonical, scores)) = by_acronym.get(m.surface(text)) {
                m.canonical.clone_from(canonical);
                m.scores.merge(scores);
                m.linked = true;
            }
        }
    }
    // Acronyms by initials: "SSCCC" for "Shanghai-Singapore Comprehensive Cooperation Council".
    let open_acronyms = mentions
        .iter()
        .any(|m| !m.linked && is_acronym(m.surface(text)));
    if open_acronyms {
        let mut expansions: HashMap<String, usize> = HashMap::default();
        for (j, m) in mentions.iter().enumerate() {
            // A person's initials ("CD" for Cameron Diaz) are not how news shortens a name.
            if m.canonical.contains([' ', '-'])
                && !is_acronym(m.surface(text))
                && !(m.scores.best().0 == Kind::Person
                    && m.canonical
                        .split(' ')
                        .next()
                        .is_some_and(|w| gazetteer::get().is_given_name(w)))
            {
                expansions.entry(initials(&m.canonical)).or_insert(j);
            }
        }
        for i in 0..mentions.len() {
            if mentions[i].linked || !is_acronym(mentions[i].surface(text)) {
                continue;
            }
            let acr: String = mentions[i]
                .surface(text)
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect();
            if acr.len() < 2 {
                continue;
            }
            if let Some(&j) = expansions.get(&acr).filter(|&&j| j != i) {
                let (canonical, scores) = (mentions[j].canonical.clone(), mentions[j].scores);
                mentions[i].canonical = canonical;
                mentions[i].scores.merge(&scores);
                mentions[i].linked = true;
            }
        }
    }
    // Long names written two ways with the same initials ("Shanghai-Singapore" and
    // "Singapore-Shanghai ... Council") are one: the first full form wins. Names with the same
    // initials and letters form a group; the first unlinked one of a group stands for it.
    let letters = |s: &str| {
        let mut l: Vec<char> = s
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        l.sort_unstable();
        l
    };
    // By initials first; the sorted letters are worked out only when two long names share them.
    // Per initials: each distinct set of letters (worked out when needed) and its first name.
    type Reps = Vec<(Option<Vec<char>>, usize)>;
    let mut groups: HashMap<String, Reps> = HashMap::default();
    for i in 0..mentions.len() {
        let surface = mentions[i].surface(text);
        if mentions[i].linked || is_acronym(surface) || surface.split_whitespace().nth(2).is_none()
        {
            continue;
        }
        let reps = groups.entry(initials(surface)).or_default();
        if reps.is_empty() {
            reps.push((None, i));
            continue;
        }
        let mine = letters(surface);
        let mut found = None;
        for (lets, j) in reps.iter_mut() {
            let theirs = lets.get_or_insert_with(|| letters(mentions[*j].surface(text)));
            if *theirs == mine {
                found = Some(*j);
                break;
            }
        }
        match found {
            Some(j) if mentions[j].canonical != mentions[i].canonical => {
                let (canonical, scores) = (mentions[j].canonical.clone(), mentions[j].scores);
                mentions[i].canonical = canonical;
                mentions[i].scores.merge(&scores);
                mentions[i].linked = true;
            }
            Some(_) => {}
            None => reps.push((Some(mine), i)),
        }
    }
    // A state's formal name is the country: "Bolivarian Republic of Venezuela" is Venezuela,
    // unless the formal name is another country ("Democratic Republic of the Congo", whose
    // population is not Congo's).
    let g = gazetteer::get();
    for m in mentions.iter_mut() {
        if let Some(country) = formal_state_name(&m.canonical)
            .filter(|c| {
                g.place(c).is_some_and(|short| {
                    short.kind == PlaceKind::Country
                        && g.place(&m.canonical)
                            .is_none_or(|formal| formal.population == short.population)
                })
            })
            .map(str::to_string)
        {
            m.canonical = country;
            m.linked = true;
        }
    }
    // A place named with its division word and without ("Carabobo State", "Carabobo") in one
    // article is one place, named in full.
    let divisions: HashMap<String, String> = mentions
        .iter()
        .filter_map(|m| {
            let (short, head) = m.canonical.rsplit_once(' ')?;
            const DIVISIONS: &[&str] = &[
                "State",
                "Province",
                "County",
                "District",
                "Region",
                "Prefecture",
                "Municipality",
                "Territory",
                "Borough",
                "Township",
                "Governorate",
                "Oblast",
            ];
            (DIVISIONS.contains(&head) && g.place(short).is_some())
                .then(|| (short.to_string(), m.canonical.clone()))
        })
        .collect();
    if !divisions.is_empty() {
        for m in mentions.iter_mut() {
            if let Some(full) = divisions.get(&m.canonical) {
                m.canonical.clone_from(full);
                m.linked = true;
            }
        }
    }
    // Short forms of people: "Li" or "Mr Li" after "Li Qiang"; "Lee" after "Lee Hsien Loong".
    let full_names: Vec<(usize, String)> = (0..mentions.len())
        .filter(|&j| {
            let (k, sc) = mentions[j].scores.best();
            k == Kind::Person && sc >= DECIDED && mentions[j].canonical.contains(' ')
        })
        .map(|j| (j, mentions[j].canonical.clone()))
        .collect();
    let full_people: Vec<(usize, Vec<&str>)> = full_names
        .iter()
        .map(|(j, c)| (*j, c.split_whitespace().collect()))
        .collect();
    // Every word of a full name (and the first part of a hyphenated one) to the full names that
    // hold it, in text order.
    let mut holding: HashMap<&str, Vec<usize>> = HashMap::default();
    for (k, (_, words)) in full_people.iter().enumerate() {
        for &w in words {
            let list = holding.entry(w).or_default();
            if list.last() != Some(&k) {
                list.push(k);
            }
            if let Some(head) = w.split('-').next().filter(|h| h.len() < w.len()) {
                let list = holding.entry(head).or_default();
                if list.last() != Some(&k) {
                    list.push(k);
                }
            }
        }
    }
    let mut renamed: HashMap<String, String> = HashMap::default();
    if !full_people.is_empty() {
        for i in 0..mentions.len() {
            if mentions[i].linked {
                continue;
            }
            let mut ws = mentions[i].surface(text).split_whitespace();
            let words = [ws.next(), ws.next()];
            if ws.next().is_some() {
                continue;
            }
            let n = words.iter().flatten().count();
            // "Canada" after "Fan Expo Canada": a country stands for a person only when the
            // full name opens with a given name ("Jordan" after "Michael Jordan").
            let country = n == 1
                && words[0]
                    .and_then(|w| g.place(w))
                    .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Continent));
            let fits = |full: &[&str]| {
                full.len() > n
                    && (!country || g.is_given_name(full[0]))
                    && words.iter().flatten().all(|w| {
                        full.iter()
                            .any(|f| f == w || f.split('-').next() == Some(*w))
                    })
            };
            // Candidates hold the first word; of them the nearest full form before, else the
            // first after.
            let Some(list) = words[0].and_then(|w| holding.get(w)) else {
                continue;
            };
            let split = list.partition_point(|&k| full_people[k].0 < i);
            let chosen = list[..split]
                .iter()
                .rev()
                .take(MAX_SHORT_FORM_CANDIDATES)
                .find(|&&k| fits(&full_people[k].1))
                .or_else(|| {
                    list[split..]
                        .iter()
                        .take(MAX_SHORT_FORM_CANDIDATES)
                        .find(|&&k| full_people[k].0 > i && fits(&full_people[k].1))
                })
                .map(|&k| full_people[k].0);
            if let Some(j) = chosen {
                let canonical = mentions[j].canonical.clone();
                let old = std::mem::replace(&mut mentions[i].canonical, canonical.clone());
                let mut scores = Scores::default();
                scores.add(Kind::Person, DECIDED + 1.0);
                mentions[i].scores = scores;
                mentions[i].linked = true;
                renamed.entry(old).or_insert(canonical);
            }
        }
    }
    // "the Church" after "the Church of Scientology", "the Commission" after "the European
    // Commission": a body's head word alone, after "the", is the last body named with it.
    let mut by_head: HashMap<&str, usize> = HashMap::default();
    for i in 0..mentions.len() {
        let surface = mentions[i].surface(text);
        let after_the = || {
            text[..mentions[i].span.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        };
        if !mentions[i].linked && is_head(&ORG_HEADS, surface) && after_the() {
            if let Some(&j) = by_head.get(surface) {
                let (canonical, scores) = (mentions[j].canonical.clone(), mentions[j].scores);
                mentions[i].canonical = canonical;
                mentions[i].scores.merge(&scores);
                mentions[i].linked = true;
            }
            continue;
        }
        let m = &mentions[i];
        if m.scores.best().0 == Kind::Organization
            && m.scores.best().1 >= DECIDED
            && m.canonical.contains(' ')
        {
            for w in m.canonical.split(' ').filter(|w| is_head(&ORG_HEADS, w)) {
                if let Some(head) = text
                    .get(m.span.start..m.span.end)
                    .and_then(|s| s.split(' ').find(|x| x == &w))
                {
                    by_head.insert(head, i);
                }
            }
        }
    }
    // A team by its nickname after its full name ("the Falcons" after "Bowling Green Falcons"),
    // a place without its head word after it in full ("Divar" after "Divar Island"): a lone
    // word with no kind of its own takes the earlier name's.
    short_forms_of_bodies_and_places(text, mentions, lex);
    // Roles given to a short form belong to its full name (followed through a few renames).
    if !renamed.is_empty() {
        for r in roles.iter_mut() {
            for _ in 0..8 {
                match renamed.get(&r.person) {
                    Some(to) if *to != r.person => r.person.clone_from(to),
                    _ => break,
                }
            }
        }
    }
    // Shorter organisation names inside a longer one: "Ruijin Hospital" in "Shanghai Ruijin Hospital".
    let orgs: Vec<usize> = (0..mentions.len())
        .filter(|&j| {
            !mentions[j].linked
                && mentions[j].scores.best().0 == Kind::Organization
                && mentions[j].canonical.contains(' ')
        })
        .collect();
    // Every ending of an organisation's name that starts after a space, to the first two names
    // that end so. Only endings as long (in words) as some organisation's name can match one:
    // a name of ten thousand words keeps its short endings, not ten thousand long ones.
    let lengths: HashSet<usize> = orgs
        .iter()
        .map(|&i| mentions[i].surface(text).split(' ').count())
        .collect();
    let mut endings: HashMap<String, [Option<usize>; 2]> = HashMap::default();
    for &j in &orgs {
        let c = mentions[j].canonical.as_str();
        let words = c.split(' ').count();
        for (spaces, (p, _)) in c.match_indices(' ').enumerate() {
            if !lengths.contains(&(words - spaces - 1)) {
                continue;
            }
            let slot = endings
                .entry(c[p + 1..].to_string())
                .or_insert([None, None]);
            if slot[0].is_none() {
                slot[0] = Some(j);
            } else if slot[1].is_none() && slot[0] != Some(j) {
                slot[1] = Some(j);
            }
        }
    }
    for i in orgs.iter().copied() {
        let s = mentions[i].surface(text);
        let longer = endings
            .get(s)
            .and_then(|slot| slot.iter().flatten().copied().find(|&j| j != i));
        if let Some(j) = longer {
            mentions[i].canonical = mentions[j].canonical.clone();
            mentions[i].linked = true;
        }
    }
}

/// See the call in [`link_in_article`]: a lone undecided word that ends an earlier
/// organisation's name as a plural or a word the corpus never writes in lowercase, or that opens
/// an earlier place's name before its head word, is a short form of that name.
fn short_forms_of_bodies_and_places(text: &str, mentions: &mut [NameMention], lex: &Lexicon) {
    use rustc_hash::FxHashMap as HashMap;
    // The word that may stand for each earlier name, checked only when a lone word asks for it
    // (few do): the first organisation and the first place that offer it.
    let mut full: HashMap<&str, [Option<usize>; 2]> = HashMap::default();
    let fits = |short: &str, kind: Kind| {
        let g = gazetteer::get();
        let plural = short.len() > 3 && plural_shaped(short);
        let shaped_as_adjective = ["ic", "ian", "ean", "ese", "ish", "an", "ine"]
            .iter()
            .any(|x| short.ends_with(x));
        let a_name_of_its_own = kind == Kind::Organization
            && !plural
            && (g.is_surname(short) || g.is_given_name(short));
        (kind == Kind::Place || plural || !lex.is_common_word(short))
            && !is_any_head(short)
            && !shaped_as_adjective
            && !g.is_demonym(short)
            && !a_name_of_its_own
            && !is_acronym(short)
    };
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let surface = m.surface(text);
        let (kind, score) = m.scores.best();
        if score >= DECIDED {
            let slot = match kind {
                Kind::Organization => 0,
                Kind::Place => 1,
                _ => continue,
            };
            let n = surface.split(' ').count();
            if !(2..=4).contains(&n) {
                continue;
            }
            let (first, last) = match (surface.split_once(' '), surface.rsplit_once(' ')) {
                (Some((first, _)), Some((_, last))) => (first, last),
                _ => continue,
            };
            let short = match kind {
                Kind::Organization => last,
                Kind::Place if n == 2 && is_head(&PLACE_HEADS, last) => first,
                _ => continue,
            };
            full.entry(short).or_default()[slot].get_or_insert(i);
            continue;
        }
        if m.linked || surface.contains(' ') || m.scores.0[Kind::Person.index()] > 0.0 {
            continue;
        }
        let Some(&[org, place]) = full.get(surface) else {
            continue;
        };
        // "Mr Camus" is a person's short form, whatever "EADS Philippe Camus" was taken for.
        let after_honorific = text[..m.span.start]
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| HONORIFICS.contains(&w.trim_end_matches('.')));
        if after_honorific {
            continue;
        }
        let candidates = [
            org.filter(|_| fits(surface, Kind::Organization)),
            place.filter(|_| fits(surface, Kind::Place)),
        ];
        if let Some(j) = candidates.into_iter().flatten().min() {
            let (canonical, scores) = (mentions[j].canonical.clone(), mentions[j].scores);
            let m = &mut mentions[i];
            m.canonical = canonical;
            m.scores.merge(&scores);
            m.linked = true;
        }
    }
}

/// "PMO" fits "Prime Minister's Office": same first letter, and its letters appear in order
/// among the name's capitals.
pub(super) fn acronym_fits(acr: &str, name: &str) -> bool {
    let caps: Vec<char> = name.chars().filter(char::is_ascii_uppercase).collect();
    let letters: Vec<char> = acr.chars().filter(char::is_ascii_alphabetic).collect();
    if letters.is_empty() || caps.first() != letters.first() {
        return false;
    }
    let mut it = caps.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}

/// The country in a state's formal name: "Venezuela" in "Bolivarian Republic of Venezuela",
/// "Korea" in "Republic of Korea" (the forms are [`STATE_FORMS`]); the words before the form
/// must be capitalised.
fn formal_state_name(name: &str) -> Option<&str> {
    // Found space by space: a substring search is set up afresh for every name asked.
    let at = name
        .match_indices(' ')
        .map(|(i, _)| i)
        .find(|&i| name.get(i..).is_some_and(|rest| rest.starts_with(" of ")))?;
    let before = name.get(..at)?;
    let form = before.rsplit(' ').next()?;
    let country = name.get(at + 4..)?;
    let country = country.strip_prefix("the ").unwrap_or(country);
    let capitalised = before
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (STATE_FORMS.contains(&form)
        && capitalised
        && country.chars().next().is_some_and(char::is_uppercase))
    .then_some(country)
}

/// Names in a list ("A, B and C") are of one kind: a member the text decides nothing of takes
/// the kind at least two other members share, when no member is of another kind and the
/// member's words fit it: a person's are name words and no ordinary words unless known names,
/// a body's or place's are no person's names. In a sport report places in a list are clubs, so
/// they lend nothing.
pub(super) fn lists_share_a_kind(
    text: &str,
    mentions: &mut [NameMention],
    lex: &Lexicon,
    sport: bool,
) {
    let g = gazetteer::get();
    let fits = |m: &NameMention, kind: Kind| {
        let words: Vec<&str> = m.surface(text).split_whitespace().collect();
        let known = |w: &&str| g.is_given_name(w) || g.is_surname(w);
        match kind {
            Kind::Person => {
                plausible_person(text, &words)
                    && words.iter().all(|w| !lex.is_common_word(w) || known(w))
            }
            Kind::Place if sport => false,
            _ => !words.iter().any(known),
        }
    };
    // A pair's other member is a person's name only when it looks like one on its own: two
    // words or more, a given name or surname among them, none an ordinary word, a place or a
    // plural ("Six Nations", "Lib Dems", "Manchester City" are not).
    let pair_fits = |m: &NameMention| {
        let words: Vec<&str> = m.surface(text).split_whitespace().collect();
        words.len() >= 2
            && name_evidence(&words, lex) >= 1.0
            && words.iter().all(|w| {
                !lex.is_common_word(w)
                    && g.place(w).is_none_or(|p| {
                        p.kind == PlaceKind::City
                            && p.population < 100_000
                            && (g.is_given_name(w) || g.is_surname(w))
                    })
                    && !g.is_demonym(w)
                    && !plural_shaped(w)
            })
    };
    let joined = |a: &NameMention, b: &NameMention| {
        text.get(a.span.end..b.span.start)
            .is_some_and(|gap| matches!(gap.trim(), "," | ", and" | "and" | ", or" | "or"))
    };
    let mut start = 0;
    while start < mentions.len() {
        let mut end = start + 1;
        while end < mentions.len() && joined(&mentions[end - 1], &mentions[end]) {
            end += 1;
        }
        let list = &mut mentions[start..end];
        start = end;
        // A pair lends only a person's kind, and only to a name of two words or more ("Kevin
        // Drake and Solon Bixler").
        let pair = list.len() == 2;
        if list.len() < 2 {
            continue;
        }
        let mut kinds = list
            .iter()
            .map(|m| m.scores.best())
            .filter(|(_, s)| *s >= DECIDED)
            .map(|(k, _)| k);
        let Some(kind) = kinds.next() else { continue };
        let (agree, disagree) = kinds.fold(
            (1, 0),
            |(a, d), k| {
                if k == kind {
                    (a + 1, d)
                } else {
                    (a, d + 1)
                }
            },
        );
        if agree < if pair { 1 } else { 2 } || disagree > 0 || pair && kind != Kind::Person {
            continue;
        }
        for m in list.iter_mut() {
            if m.scores.best().1 < DECIDED && fits(m, kind) && (!pair || pair_fits(m)) {
                m.scores.add(kind, DECIDED);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::formal_state_name;

    #[test]
    fn a_formal_name_gives_its_country() {
        assert_eq!(
            formal_state_name("Bolivarian Republic of Venezuela"),
            Some("Venezuela")
        );
        assert_eq!(formal_state_name("Republic of the Congo"), Some("Congo"));
        assert_eq!(formal_state_name("Kingdom of Spain"), Some("Spain"));
        assert_eq!(formal_state_name("the Republic of letters"), None);
        assert_eq!(formal_state_name("Bank of England"), None);
        assert_eq!(formal_state_name("Venezuela"), None);
    }
}
