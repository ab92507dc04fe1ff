//! Run analysis and roles: titles split off names ("Shanghai Mayor Gong Zheng"), roles from
//! titles and appositives, and each run classified and pushed as a mention.

use super::*;

/// "Secretary of State Condoleezza Rice": a title word, "of" or "for" and a capitalised
/// complement, then a name of two words or more that opens with a given name or ends with a
/// surname. Gives the title word's index and the name's first word.
fn title_with_complement(text: &str, words: &[&str]) -> Option<(usize, usize)> {
    let g = gazetteer::get();
    let of = words.iter().position(|w| *w == "of" || *w == "for")?;
    let t = words[..of]
        .iter()
        .position(|w| is_title_word(w))
        .filter(|&t| t + 1 == of)?;
    (t + 3..words.len().saturating_sub(1))
        .take(4)
        .find(|&at| {
            words.len() - at >= 2
                && (g.is_given_name(words[at]) || g.is_surname(words[words.len() - 1]))
                && plausible_person(text, &words[at..])
        })
        .map(|at| (t, at))
}

#[allow(clippy::too_many_arguments)]
pub(super) fn analyse_run<'a>(
    text: &str,
    toks: &[Token<'a>],
    run: Run,
    sentence: &Sentence,
    lex: &Lexicon,
    mentions: &mut Vec<NameMention>,
    roles: &mut Vec<RoleFact>,
    scratch: &mut Vec<&'a str>,
) {
    fill_run_words(toks, &run, scratch);
    let words: &[&str] = scratch;
    let g = gazetteer::get();

    // "US Secretary of State Condoleezza Rice and UN Secretary General Kofi Annan": two titled
    // names joined by "and" are two names.
    let titled = |ws: &[&str]| {
        ws.len() >= 3
            && ws[..ws.len() - 2].iter().any(|w| is_title_word(w))
            && plausible_person(text, &ws[ws.len() - 2..])
    };
    let split = words
        .iter()
        .position(|w| *w == "and")
        .filter(|&i| titled(&words[..i]) && titled(&words[i + 1..]));
    if let Some(i) = split {
        let (a, b) = (run.start + i, run.start + i + 1);
        let left = Run {
            start: run.start,
            end: a,
            span: Span::new(run.span.start, toks[a - 1].span.end),
        };
        let right = Run {
            start: b,
            end: run.end,
            span: Span::new(toks[b].span.start, run.span.end),
        };
        for part in [left, right] {
            analyse_run(text, toks, part, sentence, lex, mentions, roles, scratch);
        }
        return;
    }

    // "Co-founder of Google", "Chairman of Tesco" opening a sentence: the officer is a role
    // and what follows "of" is the name, unless a person's name follows inside the run or
    // the words are ordinary ones ("Director of International Relations" is one title).
    if words.len() >= 3
        && words[1] == "of"
        && is_body_officer(words[0])
        && !words[2..]
            .iter()
            .any(|w| *w != "the" && lex.is_common_word(w))
        && title_with_complement(text, words).is_none()
    {
        let mut start = run.start + 2;
        while start + 1 < run.end && toks[start].text.eq_ignore_ascii_case("the") {
            start += 1;
        }
        let rest = Run {
            start,
            end: run.end,
            span: Span::new(toks[start].span.start, run.span.end),
        };
        analyse_run(text, toks, rest, sentence, lex, mentions, roles, scratch);
        return;
    }

    // "John Cornyn, U.S. Senator": a place and a title with no name after them is the place
    // alone; the title names nobody.
    let n = words.len();
    if (2..=4).contains(&n)
        && is_title_word(words[n - 1])
        && !HONORIFICS.contains(&words[n - 1])
        && g.place(&joined(text, &words[..n - 1])).is_some()
    {
        let place = Run {
            start: run.start,
            end: run.end - 1,
            span: Span::new(run.span.start, toks[run.end - 2].span.end),
        };
        analyse_run(text, toks, place, sentence, lex, mentions, roles, scratch);
        return;
    }

    // Titles before a name: "[Shanghai] [Vice Mayor] [Hua Yuan]". `t` is the last title word
    // and `at` the first word of the name: a title word that follows ("Secretary General Kofi
    // Annan") and a complement with "of" ("Secretary of State Condoleezza Rice") are the title's.
    let last_title = words
        .iter()
        .rposition(|w| is_title_word(w))
        .filter(|&t| t + 1 < words.len() && plausible_person(text, &words[t + 1..]))
        .filter(|&t| {
            t + 2 < words.len()
                || g.is_surname(words[t + 1])
                || g.is_given_name(words[t + 1]) && !lex.is_common_word(words[t + 1])
                || (HONORIFICS.contains(&words[t]) && single_name_ok(words[t + 1], lex))
        })
        // "Vice City": a word that only modifies a title is no title alone.
        .filter(|&t| {
            t > 0 && is_title_word(words[t - 1])
                || !gazetteer::with_lowercase(words[t], |l| TITLE_MODIFIERS.contains(&l))
        })
        .map(|t| {
            let follows = t + 3 < words.len()
                && gazetteer::with_lowercase(words[t + 1], |l| TITLE_MODIFIERS.contains(&l))
                && g.is_given_name(words[t + 2]);
            (t, t + 1 + usize::from(follows))
        })
        .or_else(|| title_with_complement(text, words));
    if let Some((t, at)) = last_title {
        let mut f = t;
        while f > 0 && is_title_word(words[f - 1]) {
            f -= 1;
        }
        let name_tok = run.start + at;
        let span = Span::new(toks[name_tok].span.start, run.span.end);
        let name_words = &words[at..];
        let title_words = &words[f..at];
        let honorific_only = title_words.iter().all(|w| HONORIFICS.contains(w));
        let mut scores = Scores::default();
        scores.add(Kind::Person, 3.0 + name_evidence(name_words, lex));
        let surface = text[span.start..span.end].to_string();
        if !honorific_only {
            let title: Vec<&str> = title_words
                .iter()
                .filter(|w| !HONORIFICS.contains(w))
                .copied()
                .collect();
            // The words before the title: what the role is "of" when they name a place or a
            // body ("Shanghai Mayor", "UN Secretary-General", "Labour leader"), else part of
            // the title as written ("Home Secretary", "Tory leader", "Shadow Chancellor"). A
            // nationality is neither ("British Prime Minister"), nor a month ("October").
            let mut p0 = 0;
            while p0 < f && CALENDAR.contains(&words[p0]) {
                p0 += 1;
            }
            let prefix = &words[p0..f];
            let prefix_text = prefix.join(" ");
            let names_something = !prefix.is_empty()
                && (g.place(&prefix_text).is_some()
                    || is_acronym(&prefix_text)
                    || prefix.len() >= 2
                    || lex.acts(&prefix_text));
            let nationality = prefix.len() == 1 && adjective_like(&prefix_text);
            // "UK Foreign Secretary": a place or initials, then words of the title itself.
            let owner_then_title = (prefix.len() >= 2)
                .then(|| {
                    (1..prefix.len()).rev().find(|&k| {
                        let owner = prefix[..k].join(" ");
                        (g.place(&owner).is_some() || k == 1 && is_acronym(prefix[0]))
                            && prefix[k..].iter().all(|w| {
                                (lex.is_common_word(w)
                                    || gazetteer::with_lowercase(w, |l| {
                                        TITLE_MODIFIERS.contains(&l)
                                    }))
                                    && g.place(w).is_none()
                            })
                    })
                })
                .flatten();
            let (title_text, of) = if let Some(k) = owner_then_title {
                (
                    format!("{} {}", prefix[k..].join(" "), title.join(" ")),
                    Some(prefix[..k].join(" ")),
                )
            } else if names_something && !nationality {
                (title.join(" "), Some(prefix_text))
            } else if prefix.is_empty() || nationality {
                (title.join(" "), None)
            } else {
                (format!("{prefix_text} {}", title.join(" ")), None)
            };
            roles.push(RoleFact {
                person: surface.clone(),
                title: expand_title(&title_text),
                of,
            });
        }
        if f > 0 {
            // The organisation or place before the title is a mention of its own.
            let pre = Run {
                start: run.start,
                end: run.start + f,
                span: Span::new(toks[run.start].span.start, toks[run.start + f - 1].span.end),
            };
            classify_and_push(text, toks, pre, sentence, lex, mentions, None);
        }
        let _ = lex;
        mentions.push(NameMention {
            span,
            canonical: surface,
            scores,
            linked: false,
            sentence: sentence.index,
            key: Arc::default(),
        });
        appositive_role(text, toks, run.end, mentions.len() - 1, mentions, roles);
        return;
    }
    // A run made only of titles and their complements is a role, not an entity.
    let last_word = words[words.len() - 1];
    if is_title_word(words[0])
        && !(is_head(&ORG_HEADS, last_word)
            || is_head(&EVENT_HEADS, last_word)
            || is_head(&INITIATIVE_HEADS, last_word))
    {
        return;
    }
    // A known place followed by a person's name: "United States Hamdullah Mohib". A person's
    // name has at most four words (`plausible_person`), so only the last cuts are tried: a run
    // of ten thousand capitalised words costs no more than a short one. A given name is no
    // place here: "David Lloyd George" is one man, whatever town is called David.
    if words.len() >= 3 {
        for cut in (words.len().saturating_sub(4).max(1)..words.len() - 1).rev() {
            if !(cut == 1 && g.is_given_name(words[0]))
                && g.place(&joined(text, &words[..cut])).is_some()
                && plausible_person(text, &words[cut..])
                && g.is_given_name(words[cut])
                && words.len() - cut >= 2
            {
                let a = Run {
                    start: run.start,
                    end: run.start + cut,
                    span: Span::new(
                        toks[run.start].span.start,
                        toks[run.start + cut - 1].span.end,
                    ),
                };
                let b = Run {
                    start: run.start + cut,
                    end: run.end,
                    span: Span::new(toks[run.start + cut].span.start, run.span.end),
                };
                classify_and_push(text, toks, a, sentence, lex, mentions, None);
                classify_and_push(text, toks, b, sentence, lex, mentions, None);
                return;
            }
        }
    }
    let end = run.end;
    let start = run.start;
    let plausible = plausible_person(text, words);
    let person_like = plausible
        && (words.len() >= 2 || single_name_ok(words[0], lex) && g.place(words[0]).is_none());
    let known = Some((words, plausible));
    if let Some(idx) = classify_and_push(text, toks, run, sentence, lex, mentions, known) {
        if person_like {
            if let Some((title, of)) = lowercase_title_before(text, toks, start, lex) {
                // A lone word after a lowercase title counts only once linked to a full name.
                if words.len() >= 2 {
                    mentions[idx].scores.add(Kind::Person, 2.0);
                }
                roles.push(RoleFact {
                    person: mentions[idx].canonical.clone(),
                    title,
                    of,
                });
            }
            let before = roles.len();
            appositive_role(text, toks, end, idx, mentions, roles);
            if roles.len() > before {
                mentions[idx].scores.add(Kind::Person, 1.0);
            }
        }
    }
}

pub(super) fn expand_title(t: &str) -> String {
    match t {
        "PM" => "Prime Minister".into(),
        _ => t.to_string(),
    }
}

/// Classify a run and add it as a mention, unless it is a common noun or a work's title.
/// `known` carries the run's words and whether they could be a person's name, when the caller
/// has worked them out already.
pub(super) fn classify_and_push(
    text: &str,
    toks: &[Token],
    run: Run,
    sentence: &Sentence,
    lex: &Lexicon,
    mentions: &mut Vec<NameMention>,
    known: Option<(&[&str], bool)>,
) -> Option<usize> {
    let owned;
    let words: &[&str] = match known {
        Some((words, _)) => words,
        None => {
            owned = run_words(toks, &run);
            &owned
        }
    };
    // "of Plymouth AC", cut from "City of Plymouth AC": no name opens with a connector.
    if words
        .first()
        .is_none_or(|w| matches!(*w, "of" | "and" | "for" | "&"))
    {
        return None;
    }
    // "PCs", "DVDs": the plural of an acronym the corpus uses as a common noun.
    if words.len() == 1 {
        if let Some(stem) = words[0].strip_suffix('s') {
            if is_acronym(stem) && stem.len() >= 2 && lex.is_common_acronym(stem) {
                return None;
            }
        }
    }
    // "an MOU", "a BMW": a determiner makes it a common noun.
    if words.len() == 1
        && is_acronym(words[0])
        && prev_word(toks, run.start).is_some_and(|w| w == "a" || w == "an")
    {
        return None;
    }
    // The title of a film or a book is not a person or an organisation, nor is "New Year". A
    // title that is also a place's name ("the album Egypt") is the work only where the text
    // says so; elsewhere it is the place.
    let full = joined(text, words);
    let work = lex.is_work(&full)
        && (gazetteer::get().place(&full).is_none()
            || prev_word(toks, run.start)
                .is_some_and(|w| gazetteer::with_lowercase(w, |l| WORK_NOUNS.contains(&l))));
    if work || CALENDAR.contains(&full.as_ref()) {
        return None;
    }
    let plausible = known.map_or_else(|| plausible_person(text, words), |(_, p)| p);
    let scores = classify(toks, sentence, &run, words, &full, plausible, lex);
    let surface = text[run.span.start..run.span.end].to_string();
    mentions.push(NameMention {
        span: run.span,
        canonical: surface,
        scores,
        linked: false,
        sentence: sentence.index,
        key: Arc::default(),
    });
    Some(mentions.len() - 1)
}

/// Lowercase title words just before a name: "Shanghai mayor Gong Zheng", "party secretary Li Qiang".
pub(super) fn lowercase_title_before(
    text: &str,
    toks: &[Token],
    start: usize,
    lex: &Lexicon,
) -> Option<(String, Option<String>)> {
    let mut k = start;
    let mut words: Vec<&str> = Vec::new();
    while k > 0 && words.len() < 3 {
        let t = &toks[k - 1];
        let lower_title = t.is_word
            && t.text.chars().next().is_some_and(char::is_lowercase)
            && (is_role_noun(t.text) || (!words.is_empty() && TITLE_MODIFIERS.contains(&t.text)));
        if !lower_title {
            break;
        }
        words.push(t.text);
        k -= 1;
    }
    if words.is_empty() || !words.iter().any(|w| is_role_noun(w)) {
        return None;
    }
    // "how good a prime minister Gordon Brown will make": after "a" the title is a guess or a
    // comparison, not the role the person holds.
    if k > 0 && matches!(toks[k - 1].text, "a" | "an" | "A" | "An") {
        return None;
    }
    words.reverse();
    let title = capitalise(&words.join(" "));
    // The organisation or place written just before: "Shanghai", "Singapore's".
    let of = (k > 0 && toks[k - 1].is_capitalised()).then(|| {
        let mut j = k - 1;
        while j > 0 && toks[j - 1].is_capitalised() && !has_possessive(&toks[j - 1]) {
            j -= 1;
        }
        let first_word = toks.iter().position(|t| t.is_word).unwrap_or(0);
        while j < k - 1
            && (FUNCTION_WORDS.contains(&toks[j].text)
                || (j == first_word
                    && lex.is_common_word(toks[j].text)
                    && gazetteer::get().place(toks[j].text).is_none()))
        {
            j += 1;
        }
        let last = &toks[k - 1];
        text[toks[j].span.start..last.span.start + strip_possessive(last.text).len()].to_string()
    });
    let of = of.filter(|o| {
        !(FUNCTION_WORDS.contains(&o.as_str())
            || lex.is_common_word(o) && !o.contains(' ') && gazetteer::get().place(o).is_none())
    });
    // A month before it is not part of the role ("October Tory leader"). A word that names no
    // place or body is part of the title as written: "Tory leader", not "leader of Tory".
    let of = of.map(|o| {
        let mut rest = o.as_str();
        while let Some((first, more)) = rest.split_once(' ') {
            if !CALENDAR.contains(&first) {
                break;
            }
            rest = more;
        }
        rest.to_string()
    });
    match of {
        Some(o)
            if !(gazetteer::get().place(&o).is_some()
                || is_acronym(&o)
                || o.contains(' ')
                || o.contains(['\'', '’'])
                || adjective_like(&o)) =>
        {
            Some((format!("{o} {title}"), None))
        }
        of => Some((title, of)),
    }
}

/// After a person's name: ", mayor of Dunedin," or ", Singapore's Minister for Culture, ...".
pub(super) fn appositive_role(
    text: &str,
    toks: &[Token],
    after: usize,
    idx: usize,
    mentions: &[NameMention],
    roles: &mut Vec<RoleFact>,
) {
    if let Some(r) = appositive(text, toks, after) {
        roles.push(RoleFact {
            person: mentions[idx].canonical.clone(),
            title: r.0,
            of: r.1,
        });
    }
}

/// Read an appositive role phrase starting at token `after` (which must be a comma).
pub(super) fn appositive(
    text: &str,
    toks: &[Token],
    after: usize,
) -> Option<(String, Option<String>)> {
    if toks.get(after)?.text != "," {
        return None;
    }
    let mut k = after + 1;
    let mut owner: Option<String> = None;
    // "Singapore's Minister ..."
    let mut j = k;
    while toks
        .get(j)
        .is_some_and(|t| t.is_capitalised() && !has_possessive(t))
    {
        j += 1;
    }
    if let Some(t) = toks.get(j) {
        if has_possessive(t) && t.is_capitalised() {
            let first = toks[k].span.start;
            let last = t.span.start + strip_possessive(t.text).len();
            owner = Some(text[first..last].to_string());
            k = j + 1;
        }
    }
    if toks
        .get(k)
        .is_some_and(|t| t.text == "the" || t.text == "a" || t.text == "an")
    {
        k += 1;
    }
    let head = toks.get(k)?;
    let is_role = head.is_word
        && (is_appositive_head(head.text) || (head.is_capitalised() && is_title_word(head.text)));
    if !is_role || head.is_capitalised() && owner.is_none() {
        return None;
    }
    // The title runs to "of"/"with"/"at"/"in", a comma not followed by a list, or the end.
    let start = head.span.start;
    let mut end = head.span.end;
    let mut m = k + 1;
    let mut of: Option<String> = owner;
    while let Some(t) = toks.get(m) {
        if t.text == "," || t.text == "." || t.text == ";" || t.text == "\"" || t.text == "“" {
            // A list of capitalised words inside the title: "for Culture, Community and Youth".
            if t.text == ","
                && toks.get(m + 1).is_some_and(|n| n.is_capitalised())
                && comma_list_end(toks, m).is_some()
            {
                let stop = comma_list_end(toks, m).unwrap_or(m + 1);
                end = toks[stop - 1].span.end;
                m = stop;
                continue;
            }
            break;
        }
        if matches!(t.text, "of" | "with" | "at" | "in") && of.is_none() {
            let mut q = m + 1;
            if toks.get(q).is_some_and(|x| x.text == "the") {
                q += 1;
            }
            let s0 = q;
            while toks.get(q).is_some_and(|x| {
                x.is_capitalised()
                    || (NAME_CONNECTORS.contains(&x.text)
                        && toks.get(q + 1).is_some_and(|y| y.is_capitalised()))
            }) {
                q += 1;
            }
            let modifier = toks.get(q).is_some_and(|x| {
                x.is_word
                    && x.text.chars().next().is_some_and(char::is_lowercase)
                    && !NAME_CONNECTORS.contains(&x.text)
                    && !SPEECH_VERBS.contains(&x.text)
            });
            if q > s0 && !modifier {
                let last = &toks[q - 1];
                let e = last.span.start + strip_possessive(last.text).len();
                of = Some(text[toks[s0].span.start..e].to_string());
                break;
            }
            break;
        }
        if SPEECH_VERBS.contains(&t.text) || m - k > 12 {
            break;
        }
        end = t.span.end;
        m += 1;
    }
    let title = text[start..end].trim().to_string();
    let verbish = title.split_whitespace().any(|w| {
        matches!(
            w,
            "were"
                | "was"
                | "is"
                | "are"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "said"
                | "says"
                | "who"
                | "which"
                | "that"
        )
    });
    if verbish || title.split_whitespace().count() > 10 {
        return None;
    }
    Some((capitalise(&title), of))
}

pub(super) fn capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_word = true;
    for c in s.chars() {
        if at_word && c.is_lowercase() && out.split_whitespace().count() < 3 {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        at_word = c == ' ' || c == '-';
    }
    // Keep short connectors lowercase.
    out.replace(" Of ", " of ")
        .replace(" For ", " for ")
        .replace(" And ", " and ")
}
