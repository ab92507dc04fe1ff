//! Direct quotations, straight or curly, each with its speaker where the text allows.

use super::lexicon::{
    is_role_noun, BODY_SPOKESMEN, DOCUMENT_NOUNS, ORG_NOUNS, PERSON_PRONOUNS, POST_NOMINALS,
    RANK_MODIFIERS, SPEECH_VERBS, SUBORDINATORS, TITLE_MODIFIERS,
};
use super::names::{Kind, NameMention, RoleFact, DECIDED};
use super::tokens::tokenize;
use crate::gazetteer::Sex;
use crate::model::{Article, Span};
use crate::words::{Words, FEMALE_HONORIFICS, MALE_HONORIFICS};

/// A quotation in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFact {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The speaker's canonical name in the article, when known.
    pub speaker: Option<String>,
}

/// Shortest quotation, in words, taken as speech without a verb of saying next to it.
const MIN_WORDS: usize = 5;

/// Verbs by which a subject characterises something in words of its own ("Oliver Letwin called
/// Labour "a brilliant machine"").
const CHARACTERISING: [&str; 2] = ["called", "described"];

/// Participles that put the words after them in the mouth of the sentence's subject ("…,
/// saying "…"").
const SAYING_PARTICIPLES: [&str; 14] = [
    "saying",
    "joking",
    "telling",
    "admitting",
    "stressing",
    "adding",
    "declaring",
    "insisting",
    "warning",
    "arguing",
    "explaining",
    "claiming",
    "noting",
    "stating",
];

fn opens(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':' | '-'))
}

/// Find quoted stretches in a paragraph: (open mark start, inner span, close mark end, closed).
fn quoted_spans(text: &str, para: Span) -> Vec<(usize, Span, usize, bool)> {
    let slice = &text[para.start..para.end];
    let mut out = Vec::new();
    // The open quotation: (mark start, inner start, mark).
    let mut open: Option<(usize, usize, char)> = None;
    // Only '"' and the curly marks (which start with the byte E2) matter: skip to them.
    let marks = slice
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'"' || b == 0xE2)
        .map(|(i, _)| i);
    for i in marks {
        let Some(c) = slice.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        let prev = slice.get(..i).and_then(|r| r.chars().next_back());
        // '"I am still trying. "We are upset now.': a straight mark after a space and before a
        // word opens the next quotation, as news style writes a speaker's sentences, and the
        // open one ends before it (without a closing mark, so no attribution follows it).
        let next = slice.get(i + 1..).and_then(|r| r.chars().next());
        let reopens = c == '"'
            && prev.is_some_and(char::is_whitespace)
            && next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '[' | '(' | '\'' | '‘'));
        if let (true, Some((ms, is, '"'))) = (reopens, open) {
            out.push((
                para.start + ms,
                Span::new(para.start + is, para.start + i),
                para.start + i,
                false,
            ));
            open = Some((i, i + 1, '"'));
            continue;
        }
        match (c, open) {
            ('“', None) => open = Some((i, i + c.len_utf8(), '“')),
            ('"', None) if opens(prev) => open = Some((i, i + 1, '"')),
            ('”', Some((ms, is, _))) | ('"', Some((ms, is, '"'))) => {
                out.push((
                    para.start + ms,
                    Span::new(para.start + is, para.start + i),
                    para.start + i + c.len_utf8(),
                    true,
                ));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((ms, is, _)) = open {
        // A quotation running on to the next paragraph, as news style writes it.
        out.push((
            para.start + ms,
            Span::new(para.start + is, para.end),
            para.end,
            false,
        ));
    }
    out
}

/// Everything known about people in the article, for attribution, indexed so that each
/// question is a binary search and a short walk, never a scan of the whole article.
struct People<'a> {
    mentions: &'a [NameMention],
    /// Indices of the mentions that are people, in text order.
    persons: Vec<usize>,
    /// Whether each of `persons` is named inside a quotation: someone a speaker talks about,
    /// not whom a later "he" is.
    quoted: Vec<bool>,
    /// The article's sentences, which mentions index.
    sentences: &'a [Span],
    /// Indices of the mentions that are organisations, in text order (an organisation can
    /// speak: "the ministry said in a statement").
    orgs: Vec<usize>,
    roles: &'a [RoleFact],
    /// Lowercased title words to the roles (indices into `roles`) whose title has the word,
    /// each person and title once, in role order; made the first time a role noun is met.
    holders: std::cell::OnceCell<std::collections::HashMap<String, Vec<usize>>>,
}

/// How far back a role noun ("the mayor said") looks for its holder, in people's mentions.
const MAX_HOLDER_LOOKBACK: usize = 512;

impl<'a> People<'a> {
    /// `inside` holds the inner spans of the article's quotations, in text order.
    fn new(
        mentions: &'a [NameMention],
        roles: &'a [RoleFact],
        inside: &[Span],
        sentences: &'a [Span],
    ) -> People<'a> {
        let persons: Vec<usize> = (0..mentions.len())
            .filter(|&i| is_person(&mentions[i]))
            .collect();
        // Mentions and quotations are both in text order: one walk over the two.
        let mut q = 0;
        let quoted = persons
            .iter()
            .map(|&i| {
                let m = mentions[i].span;
                while inside.get(q).is_some_and(|sp| sp.end <= m.start) {
                    q += 1;
                }
                inside.get(q).is_some_and(|sp| sp.contains(m))
            })
            .collect();
        // A nationality read as a name ("Sri Lankan") does not speak.
        let g = crate::gazetteer::get();
        let orgs = (0..mentions.len())
            .filter(|&i| {
                let (k, s) = mentions[i].scores.best();
                k == Kind::Organization
                    && s >= DECIDED
                    && !mentions[i]
                        .canonical
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| g.is_demonym(w))
            })
            .collect();
        People {
            mentions,
            persons,
            quoted,
            sentences,
            orgs,
            roles,
            holders: std::cell::OnceCell::new(),
        }
    }

    fn holders(&self) -> &std::collections::HashMap<String, Vec<usize>> {
        self.holders.get_or_init(|| {
            let mut holders: std::collections::HashMap<String, Vec<usize>> =
                std::collections::HashMap::new();
            // Each person and title once, in the order first given.
            let mut seen = std::collections::HashSet::new();
            for (k, r) in self.roles.iter().enumerate() {
                if !seen.insert((r.person.as_str(), r.title.as_str(), r.of.as_deref())) {
                    continue;
                }
                for w in lowercase_words(&r.title) {
                    holders.entry(w).or_default().push(k);
                }
            }
            holders
        })
    }

    /// The first person whose name starts inside `span` ("said SEC deputy enforcement director
    /// Linda Thomsen": the name may run past the words looked at).
    fn person_at(&self, span: Span) -> Option<&NameMention> {
        let from = self
            .persons
            .partition_point(|&i| self.mentions[i].span.start < span.start);
        // People are in text order: only the first one starting at or after `span.start`
        // can start inside it.
        self.persons
            .get(from)
            .map(|&i| &self.mentions[i])
            .filter(|m| m.span.start < span.end)
    }

    /// The last person named inside `span`.
    fn last_person_in(&self, span: Span) -> Option<&NameMention> {
        let end = self
            .persons
            .partition_point(|&i| self.mentions[i].span.start < span.end);
        self.persons[..end]
            .iter()
            .rev()
            .map(|&i| &self.mentions[i])
            .take_while(|m| m.span.start >= span.start)
            .find(|m| span.contains(m.span))
    }

    /// Whether a person or organisation of canonical name `canonical` is named inside `span`.
    fn names_in(&self, canonical: &str, span: Span) -> bool {
        let any = |among: &[usize]| self.first_in(among, span, |m| m.canonical == canonical);
        any(&self.persons).is_some() || any(&self.orgs).is_some()
    }

    /// The first organisation named inside `span`.
    fn org_at(&self, span: Span) -> Option<&NameMention> {
        self.first_in(&self.orgs, span, |_| true)
    }

    /// The first of `among` (indices of `mentions`, in text order) named inside `span` that
    /// `keep` accepts.
    fn first_in(
        &self,
        among: &[usize],
        span: Span,
        keep: impl Fn(&NameMention) -> bool,
    ) -> Option<&NameMention> {
        let from = among.partition_point(|&i| self.mentions[i].span.start < span.start);
        among[from..]
            .iter()
            .map(|&i| &self.mentions[i])
            .take_while(|m| m.span.start < span.end)
            .find(|m| span.contains(m.span) && keep(m))
    }

    /// The place or organisation whose name ends at `pos`, decided as one.
    fn named_ending_at(&self, pos: usize) -> Option<&NameMention> {
        let k = self.mentions.partition_point(|m| m.span.end < pos);
        self.mentions.get(k).filter(|m| {
            let (kind, score) = m.scores.best();
            m.span.end == pos
                && score >= DECIDED
                && matches!(kind, Kind::Place | Kind::Organization)
        })
    }

    /// The organisation named last before `pos`.
    fn org_before(&self, pos: usize) -> Option<&NameMention> {
        let end = self
            .orgs
            .partition_point(|&i| self.mentions[i].span.end <= pos);
        end.checked_sub(1).map(|k| &self.mentions[self.orgs[k]])
    }

    /// Who "it" is ("…," it said.): of the organisations named in the sentence of `pos` and
    /// the two before it, the last that a verb of saying follows ("Turkcell said the ruling
    /// …"), else the last that opens its sentence ("The British Chambers of Commerce welcomed
    /// the proposal."); none when no organisation there did either.
    fn org_antecedent(&self, text: &str, pos: usize) -> Option<&NameMention> {
        let at = self.sentences.partition_point(|s| s.start <= pos);
        let current = at.saturating_sub(1);
        let end = self
            .orgs
            .partition_point(|&i| self.mentions[i].span.end <= pos);
        let near: Vec<&NameMention> = self.orgs[..end]
            .iter()
            .rev()
            .take(16)
            .map(|&i| &self.mentions[i])
            .take_while(|m| m.sentence + 2 >= current)
            .collect();
        // An organisation 600 bytes or more into its sentence does not open it: a long
        // sentence is not read again for each "it".
        let opens_sentence = |m: &NameMention| {
            self.sentences.get(m.sentence).is_some_and(|s| {
                m.span.start.saturating_sub(s.start) < MAX_WINDOW_BYTES
                    && text
                        .get(s.start..m.span.start.max(s.start))
                        .is_some_and(|t| {
                            t.split(|c: char| !c.is_alphanumeric())
                                .filter(|w| !w.is_empty())
                                .all(|w| w.starts_with(char::is_uppercase))
                        })
            })
        };
        near.iter()
            .find(|m| speaks_after(text, m.span))
            .or_else(|| near.iter().find(|m| opens_sentence(m)))
            .copied()
    }

    /// Whether the title `wanted` names an office ("the prime minister", "the shadow
    /// chancellor") and the article gives `person` titles (of the first 512 it gives anyone),
    /// none of which fits it.
    fn titled_otherwise(&self, person: &str, wanted: &[String]) -> bool {
        // The words before the role noun, which `wanted` ends with.
        let modifiers = wanted.split_last().map_or(&[][..], |(_, m)| m);
        let office = modifiers
            .iter()
            .any(|w| RANK_MODIFIERS.contains(&w.as_str()) || TITLE_MODIFIERS.contains(&w.as_str()));
        if !office {
            return false;
        }
        let mut theirs = self
            .roles
            .iter()
            .take(512)
            .filter(|r| r.person == person)
            .peekable();
        theirs.peek().is_some() && !theirs.any(|r| title_fits(r, wanted))
    }

    /// Positions in `persons` of the people named before `pos`: `..end`.
    fn persons_before(&self, pos: usize) -> usize {
        let mut end = self
            .persons
            .partition_point(|&i| self.mentions[i].span.start < pos);
        while end > 0 && self.mentions[self.persons[end - 1]].span.end > pos {
            end -= 1;
        }
        end
    }

    /// Who "he" or "she" is: in the latest sentence before `pos` that names a person, the one
    /// who speaks there ("Gong said ..."), else the first named (the subject, as a rule).
    /// People named only inside a quotation are passed over ("\"There are disagreements between
    /// Robert Jackson and me. \"The election …,\" he added.": "he" is not Jackson), and so are
    /// sentences that name people only as owners ("he said in response to Souness' remarks").
    /// In a sentence that opens with a clause of its own ("As Michael Howard kicked off his
    /// campaign, Charles Kennedy dismissed …"), the subject is named after the clause; one
    /// whose subject is a pronoun ("But he rejected the comparison with Vogts") is passed over.
    /// `pronoun` is the word looked up ("he", "she"), when there is one.
    fn pronoun_before(&self, text: &str, pos: usize, pronoun: &str) -> Option<&NameMention> {
        let mut end = self.persons_before(pos);
        // Bounded like the role lookback: an article of quotations about one person only.
        let floor = end.saturating_sub(MAX_HOLDER_LOOKBACK);
        // "he" is no "Mrs Hewitt" and "she" no "Mr Brown".
        // Nor is "he" a Donna or "she" a Tony, when the given name names one sex only.
        let other_sex: Option<(&Words, Sex)> = match pronoun {
            "he" | "He" => Some((&FEMALE_HONORIFICS, Sex::Female)),
            "she" | "She" => Some((&MALE_HONORIFICS, Sex::Male)),
            _ => None,
        };
        let other = |m: &NameMention| {
            other_sex.is_some_and(|(honorifics, sex)| {
                text.get(..m.span.start)
                    .and_then(|t| t.trim_end().rsplit(' ').next())
                    .is_some_and(|w| honorifics.contains(&w))
                    || m.canonical.split_once(' ').is_some_and(|(given, _)| {
                        crate::gazetteer::sex_of_given_name(given) == Some(sex)
                    })
            })
        };
        while end > floor {
            let sentence = self.mentions[self.persons[end - 1]].sentence;
            let mut start = end;
            while start > floor && self.mentions[self.persons[start - 1]].sentence == sentence {
                start -= 1;
            }
            let in_sentence: Vec<&NameMention> = (start..end)
                .filter(|&k| !self.quoted[k])
                .map(|k| &self.mentions[self.persons[k]])
                .filter(|m| !other(m))
                .collect();
            end = start;
            if let Some(m) = in_sentence.iter().find(|m| speaks_after(text, m.span)) {
                return Some(m);
            }
            let subjects: Vec<&NameMention> = in_sentence
                .iter()
                .filter(|m| !an_owner(text, m))
                .copied()
                .collect();
            let Some(first) = subjects.first() else {
                // Only owners ("he said in response to Souness' remarks", "Gerrard's drive"):
                // the one meant is named further back.
                continue;
            };
            // "But he rejected the comparison with Berti Vogts": a sentence whose subject is
            // "he" or "she" is about someone named further back.
            // Both read at most the 600 bytes they need: a long sentence is read once per
            // pronoun, and an article may hold thousands of pronouns.
            let pronoun_subject = self.sentences.get(sentence).is_some_and(|s| {
                let mut from = s
                    .start
                    .max(first.span.start.saturating_sub(MAX_WINDOW_BYTES));
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                text.get(from..first.span.start.max(from)).is_some_and(|t| {
                    t.split(|c: char| !c.is_alphabetic())
                        .any(|w| PERSON_PRONOUNS.contains(&w))
                })
            });
            if pronoun_subject {
                continue;
            }
            // After the opening clause's comma, when the sentence has one.
            let clause_end = self.sentences.get(sentence).and_then(|s| {
                let mut to = s.end.min(s.start.saturating_add(MAX_WINDOW_BYTES));
                while !text.is_char_boundary(to) {
                    to -= 1;
                }
                let t = text.get(s.start..to.max(s.start))?;
                let opener = t.split(|c: char| !c.is_alphabetic()).next()?;
                SUBORDINATORS
                    .contains(&opener)
                    .then(|| t.find(',').map(|c| s.start + c))
                    .flatten()
            });
            let main = clause_end.and_then(|c| subjects.iter().find(|m| m.span.start > c));
            return Some(main.copied().unwrap_or(first));
        }
        None
    }

    /// The first person named in `span` with a verb of saying right after the name.
    fn speaking_in(&self, text: &str, span: Span) -> Option<&NameMention> {
        self.first_in(&self.persons, span, |m| speaks_after(text, m.span))
    }

    /// The person a sentence (`span`) is about, when it is about one: the first person it
    /// names, after nothing but capitalised words and titles, and not as an owner ("Ruddock,
    /// though, is keen to protect his players." and "However, Mr Negroponte has adapted the
    /// idea.", not "The association has appointed Burns." or "Mr Conte's statements were
    /// contradictory.").
    /// The words in quotation marks just after such a sentence are that person's.
    fn subject_of(
        &self,
        text: &str,
        span: Span,
        recorded: &[QuoteFact],
        bodies: bool,
    ) -> Option<&NameMention> {
        // A sentence that quotes someone is about what they said; a short phrase in quotation
        // marks ("described the intervention as "very important"") is not a quotation.
        // The recorded quotations come in text order and all open before `span` ends: only
        // the last ones can reach into it.
        if recorded
            .iter()
            .rev()
            .take_while(|q| q.span.end > span.start)
            .any(|q| q.span.start < span.end)
        {
            return None;
        }
        let person = self.first_in(&self.persons, span, |_| true);
        // A body can be the subject too ("The BBC denied it had lost, saying …").
        let body = self
            .first_in(&self.orgs, span, |_| true)
            .filter(|m| bodies && !describes_a_person(text, m));
        let first = match (person, body) {
            (Some(p), Some(b)) => {
                if b.span.start < p.span.start {
                    b
                } else {
                    p
                }
            }
            (p, b) => p.or(b)?,
        };
        // Before the name, only capitalised words and titles ("However, Mr Negroponte",
        // "Fostering Network executive director Robert Tapsfield"): no verb it is the object of.
        let opens = text.get(span.start..first.span.start).is_some_and(|t| {
            t.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| w.starts_with(char::is_uppercase) || is_role_noun(w))
        });
        (opens && !an_owner(text, first)).then_some(first)
    }

    /// The person named right before a participle of saying in `span` ("with leader Charles
    /// Kennedy saying …").
    fn named_before_participle(&self, text: &str, span: Span) -> Option<&NameMention> {
        let sentence = text.get(span.start..span.end)?;
        let at = SAYING_PARTICIPLES
            .iter()
            .filter_map(|p| sentence.rfind(&format!(" {p}")))
            .max()?;
        let end = span.start + at;
        // A full name: a lone word before the participle may be a title read as a name.
        let m = self
            .last_person_in(Span::new(span.start, end + 1))
            .filter(|m| m.canonical.contains(' '))?;
        let gap = text.get(m.span.end..end).unwrap_or("x");
        gap.trim_matches(|c: char| c == ',' || c.is_whitespace())
            .is_empty()
            .then_some(m)
    }

    /// The first organisation named in `span` with a verb of saying right after it ("GE said
    /// orders were up").
    fn body_speaking_in(&self, text: &str, span: Span) -> Option<&NameMention> {
        self.first_in(&self.orgs, span, |m| speaks_after(text, m.span))
    }

    /// Who "the Tory leader" is: a holder of a title with the word `role` that does not
    /// differ from the words `modifiers` ("tory") on both sides, and whose rank words
    /// ("deputy", "shadow") are among them; the one mentioned most recently before `pos`,
    /// else the first the article gave the title. None when no title fits.
    fn by_role(&self, role: &str, modifiers: &[&str], pos: usize) -> Option<String> {
        let role = role.to_lowercase();
        let wanted = described_title(&role, modifiers);
        let fits = |r: &RoleFact| title_fits(r, &wanted);
        // A bound on the work per quotation: the first titles with the word.
        let holders: Vec<&str> = self
            .holders()
            .get(&role)?
            .iter()
            .take(64)
            .filter(|&&r| self.roles.get(r).is_some_and(fits))
            .filter_map(|&r| self.roles.get(r).map(|r| r.person.as_str()))
            .collect();
        // The holder mentioned most recently before the quotation.
        let end = self.persons_before(pos);
        self.persons[..end]
            .iter()
            .rev()
            .take(MAX_HOLDER_LOOKBACK)
            .map(|&i| &self.mentions[i])
            .find(|m| holders.contains(&m.canonical.as_str()))
            .map(|m| m.canonical.clone())
            .or_else(|| holders.first().map(|s| s.to_string()))
    }
}

/// The words of a title as a quotation describes it ("the Tory leader": "tory", "leader"),
/// lowercased, the role noun last.
fn described_title(role: &str, modifiers: &[&str]) -> Vec<String> {
    modifiers
        .iter()
        .map(|w| w.to_lowercase())
        .chain(std::iter::once(role.to_lowercase()))
        .collect()
}

/// Whether a role the article gives fits the title a quotation describes (`wanted`, from
/// [`described_title`]).
fn title_fits(r: &RoleFact, wanted: &[String]) -> bool {
    let title = lowercase_words(&r.title);
    let of = r.of.as_deref().map(lowercase_words).unwrap_or_default();
    // "the Tory leader" is not the holder of "Leader" of "Lib Dem", nor "the foreign
    // secretary" the "Home Secretary": each side has a word the other lacks. "The
    // Swedish trades union official" is the "Trades Union Official".
    let described_more = wanted.iter().any(|w| !title.contains(w) && !of.contains(w));
    let titled_more = title.iter().chain(&of).any(|w| !wanted.contains(w));
    // Words that make another office ("deputy", "prime", "foreign") agree both ways:
    // "the prime minister" is no "Minister", "the minister" no "Deputy Minister".
    let office =
        |w: &&String| RANK_MODIFIERS.contains(&w.as_str()) || TITLE_MODIFIERS.contains(&w.as_str());
    !(described_more && titled_more)
        && title.iter().filter(office).all(|w| wanted.contains(w))
        && wanted.iter().filter(office).all(|w| title.contains(w))
}

/// The last whole sentence that ends before the sentence `pos` is in (looked for in the 600
/// bytes before it).
fn sentence_before(text: &str, pos: usize) -> Span {
    let mut from = pos.saturating_sub(MAX_WINDOW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = text.get(from..pos).unwrap_or("");
    let ends = |t: &str| t.rfind(['.', '!', '?']);
    // The sentence holding `pos` starts after the last sentence end; the one before ends there.
    let end = ends(head).unwrap_or(0);
    let start = head.get(..end).and_then(ends).map_or(0, |e| e + 1);
    Span::new(from + start, from + end)
}

/// Whether the sentence before the one `pos` is in is about a spokesman it does not name
/// ("Tony Blair's official spokesman declined to say", "But a spokesman for the Home Office
/// defended the plan"; not "Lib Dem spokesman Mark Oaten said").
fn unnamed_spokesman_before(text: &str, people: &People, pos: usize) -> bool {
    let sentence = sentence_before(text, pos);
    let opens = text.get(sentence.start..sentence.end).is_some_and(|t| {
        t.split_whitespace()
            .take(6)
            .any(|w| matches!(w, "spokesman" | "spokeswoman" | "spokesperson"))
    });
    opens && people.person_at(sentence).is_none()
}

/// A body's name that describes the person named by the noun after it: "the Man Utd boss",
/// "Home Office minister Hazel Blears" (not "the IRB spokesman", who speaks for the body).
fn describes_a_person(text: &str, body: &NameMention) -> bool {
    text.get(body.span.end..)
        .map(str::trim_start)
        .and_then(|t| t.split(|c: char| !c.is_alphabetic()).next())
        .is_some_and(|w| {
            w.starts_with(char::is_lowercase)
                && !BODY_SPOKESMEN.contains(&w)
                && (is_role_noun(w)
                    || matches!(
                        w,
                        "boss"
                            | "manager"
                            | "coach"
                            | "captain"
                            | "striker"
                            | "midfielder"
                            | "defender"
                            | "goalkeeper"
                            | "keeper"
                            | "winger"
                            | "player"
                            | "chairman"
                            | "president"
                    ))
        })
}

/// The person named first after the words, with a description set off by a comma and a
/// verb of saying further on in the sentence: "," Michael Mijatov, international division
/// secretary of the Flight Attendants Association, told Agence France Presse."
fn named_then_described(text: &str, after: Span, people: &People) -> Option<Option<String>> {
    let rest = text.get(after.start..after.end)?;
    let lead = rest.len() - rest.trim_start_matches([',', ' ']).len();
    let start = after.start + lead;
    let m = people.person_at(Span::new(start, start + 1))?;
    let described = text.get(m.span.end..)?.starts_with(',');
    let verb = first_speech_verb_end(text, Span::new(m.span.end, after.end));
    (m.span.start == start && described && verb.is_some()).then(|| Some(m.canonical.clone()))
}

/// Whether a document or publication is what speaks in `words`: its noun right beside a
/// verb of saying ("Broadcast magazine said:", "the letter added", "according to the
/// report"), not merely named ("who wore the bid slogan").
fn a_document_speaks(words: &str) -> bool {
    let w: Vec<&str> = words
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect();
    (1..w.len()).any(|k| {
        let (a, b) = (w[k - 1], w[k]);
        let according = a == "to" && k >= 2 && w[k - 2] == "according";
        (DOCUMENT_NOUNS.contains(&a) && SPEECH_VERBS.contains(&b))
            || (according || SPEECH_VERBS.contains(&a)) && DOCUMENT_NOUNS.contains(&b)
    })
}

/// Whether quoted words are too few to be a quotation of their own ("firm but fair").
fn a_phrase(text: &str, span: Span) -> bool {
    text.get(span.start..span.end)
        .is_some_and(|t| t.split_whitespace().count() < MIN_WORDS)
}

/// Where the first verb of saying in `span` ends: "said" in "Gordon Brown said the summit
/// would be remembered as".
fn first_speech_verb_end(text: &str, span: Span) -> Option<usize> {
    let words = text.get(span.start..span.end)?;
    // Each word's offset from where it lies in `words`: a separator may be several bytes
    // ("’", "—").
    words
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty() && SPEECH_VERBS.contains(w))
        .map(|w| span.start + (w.as_ptr() as usize - words.as_ptr() as usize) + w.len())
}

/// A verb of saying right after a name: "Ning said", "Guy Mansfield QC warned".
fn speaks_after(text: &str, span: Span) -> bool {
    let first_word = |rest: &'_ str| -> (usize, usize) {
        let rest_start = rest.len() - rest.trim_start().len();
        let len = rest[rest_start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len() - rest_start);
        (rest_start, rest_start + len)
    };
    let rest = &text[span.end..];
    let (a, b) = first_word(rest);
    let mut word = &rest[a..b];
    if POST_NOMINALS.contains(&word) {
        let (c, d) = first_word(&rest[b..]);
        word = &rest[b + c..b + d];
    }
    SPEECH_VERBS.contains(&word)
}

/// The words of a title, lowercased ("Vice-President" is "vice", "president").
fn lowercase_words(title: &str) -> Vec<String> {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a name is written as an owner ("Souness' remarks", "Michael Jackson's mother").
fn an_owner(text: &str, m: &NameMention) -> bool {
    text.get(m.span.end..)
        .is_some_and(|rest| rest.starts_with(['\'', '’']))
}

fn is_person(m: &NameMention) -> bool {
    let (k, s) = m.scores.best();
    k == Kind::Person && s >= DECIDED
}

/// The longest stretch next to a quotation read for its speaker: far more than the twelve
/// words looked at, and a bound on the work for a paragraph of nothing but quotation marks.
const MAX_WINDOW_BYTES: usize = 600;

/// Who is named as speaking in `window`, the words next to the quotation: after it
/// (`before` false, read from its start) or before it (read back from its end)?
fn speaker_in(
    text: &str,
    window: Span,
    quote_start: usize,
    people: &People,
    before: bool,
) -> Option<Option<String>> {
    let window = if before {
        let mut start = window
            .start
            .max(window.end.saturating_sub(MAX_WINDOW_BYTES));
        while !text.is_char_boundary(start) {
            start += 1;
        }
        Span::new(start.min(window.end), window.end)
    } else {
        let mut end = window
            .end
            .min(window.start.saturating_add(MAX_WINDOW_BYTES));
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Span::new(window.start, end.max(window.start))
    };
    let toks = tokenize(text, window);
    let all: Vec<_> = toks.iter().filter(|t| t.is_word).collect();
    // The twelve words next to the quotation, in text order.
    let first = if before {
        all.len().saturating_sub(12)
    } else {
        0
    };
    let words: Vec<_> = if before {
        all[first..].to_vec()
    } else {
        all.iter().take(12).copied().collect()
    };
    let is_verb =
        |t: &&&super::tokens::Token| SPEECH_VERBS.contains(&t.text) || t.text == "according";
    // "Parry countered: "…"", "Gardner agreed: "…"": any verb in the past tense right before
    // the colon that opens the words.
    let colon_verb = before
        && words.last().is_some_and(|t| {
            t.text.ends_with("ed")
                && t.text.starts_with(char::is_lowercase)
                && text.get(t.span.end..window.end).map(str::trim) == Some(":")
        });
    let verb_at = if colon_verb {
        words.len() - 1
    } else if before {
        words.iter().rposition(|t| is_verb(&t))?
    } else {
        words.iter().position(|t| is_verb(&t))?
    };
    // The verb within eight words of the quotation.
    let distance = if before {
        words.len() - 1 - verb_at
    } else {
        verb_at
    };
    if distance > 8 {
        return None;
    }
    // "…," it said. / It added: "…": "it" is the organisation named last before the words.
    if verb_at
        .checked_sub(1)
        .and_then(|k| words.get(k))
        .is_some_and(|w| matches!(w.text, "it" | "It"))
    {
        return Some(
            people
                .org_antecedent(text, quote_start)
                .map(|m| m.canonical.clone()),
        );
    }
    // Whether the sentence names a person before a description that is the verb's subject.
    let mut described_instead = false;
    // A named person near the verb: after the quotation, either side of it ("," said X /
    // X said); before it, its subject ("X said: "…"", not "the company said X would…").
    let near = if before {
        let verb_start = words.get(verb_at).map_or(window.end, |t| t.span.start);
        // The subject: the last person named in the twelve words before the verb ("Mr Kim,
        // chief executive of SK Telecom, said:"; "Asked about Blair, Brown said:"; "Lord
        // Hanningfield, leader of Essex County Council, told BBC Radio 4's Today programme:").
        let subject = Span::new(
            all.get((first + verb_at).saturating_sub(12))
                .map_or(window.start, |t| t.span.start),
            verb_start,
        );
        // Not an owner: "Michael Jackson's mother has said" is not Jackson.
        // "Reacting to a comment by chairman Tim Phillips, the American said:": a description
        // after the comma is the subject, not the person named before it.
        let described_subject = |m: &NameMention| {
            text.get(m.span.end..verb_start).is_some_and(|t| {
                t.trim_start()
                    .strip_prefix(',')
                    .map(str::trim_start)
                    .and_then(|d| d.strip_prefix("the ").or_else(|| d.strip_prefix("The ")))
                    .is_some_and(|d| {
                        !d.contains([',', '"', '“']) && d.split_whitespace().count() <= 4
                    })
            })
        };
        let last_in_subject = people.last_person_in(subject);
        described_instead = last_in_subject.is_some_and(described_subject);
        if let Some(m) = last_in_subject.filter(|m| !an_owner(text, m) && !described_instead) {
            // "Leigh, who beat Martin Scorsese to the award, told the audience:": a person
            // named inside a clause set off by commas before the verb is not its subject; the
            // one named before the clause is.
            let closes = text
                .get(m.span.end..verb_start)
                .is_some_and(|t| t.contains(','));
            let outer = closes
                .then(|| people.last_person_in(Span::new(window.start, m.span.start)))
                .flatten()
                .filter(|p| {
                    !an_owner(text, p)
                        && text.get(p.span.end..m.span.start).is_some_and(|t| {
                            // The clause is a relative one ("Leigh, who beat …", "Lehmann,
                            // whose rivalry with …"), not "Tait, given little chance, received
                            // praise from Robinson, even if the coach admitted".
                            let clause =
                                t.trim_start().strip_prefix(',').unwrap_or("").trim_start();
                            ["who ", "whose ", "which "]
                                .iter()
                                .any(|w| clause.starts_with(w))
                        })
                });
            return Some(Some(outer.unwrap_or(m).canonical.clone()));
        }
        // "Mr Mates, who is a member of the committee and was part of the inquiry, told the
        // BBC:": a subject whose clause runs past the twelve words, set off by commas up to
        // the verb.
        let comma_before_verb = text
            .get(window.start..verb_start)
            .is_some_and(|t| t.trim_end().ends_with(','));
        if comma_before_verb {
            let clause_opener = |p: &&NameMention| {
                text.get(p.span.end..verb_start).is_some_and(|t| {
                    ["who ", "whose ", "the ", "a ", "an "]
                        .iter()
                        .any(|o| t.strip_prefix(", ").is_some_and(|r| r.starts_with(o)))
                })
            };
            if let Some(p) = people
                .last_person_in(Span::new(window.start, verb_start))
                .filter(|p| clause_opener(p) && !an_owner(text, p))
            {
                return Some(Some(p.canonical.clone()));
            }
        }
        // "“…,” said Mr Goodman, “but …”": the second half of words split by their
        // attribution; the person named between the verb and the words.
        let after_words = words.get(verb_at).is_some_and(|v| {
            text.get(..v.span.start)
                .map(|t| t.trim_end().trim_end_matches(','))
                .is_some_and(|t| t.ends_with(['"', '”']))
        });
        if let Some(v) = words.get(verb_at).filter(|_| after_words) {
            let between = Span::new(v.span.end, window.end);
            if let Some(m) = people.person_at(between) {
                let rest = text.get(m.span.end..window.end).unwrap_or("x");
                if rest.trim().chars().all(|c| matches!(c, ',' | ':')) {
                    return Some(Some(m.canonical.clone()));
                }
            }
        }
        // "the US said the meeting was …": a country or a body right before the verb speaks;
        // not one that ends a phrase about a person ("ambassador in Geneva, said").
        if let (Some(w), Some(v)) = (
            verb_at.checked_sub(1).and_then(|k| words.get(k)),
            words.get(verb_at),
        ) {
            if let Some(m) = people.named_ending_at(w.span.end) {
                let gap = text.get(m.span.end..v.span.start).unwrap_or(",");
                let before_name = text.get(..m.span.start).unwrap_or("").trim_end();
                let in_a_phrase = before_name
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .is_some_and(|p| {
                        matches!(
                            p,
                            "in" | "at" | "of" | "from" | "for" | "to" | "with" | "by"
                        )
                    });
                if !gap.contains(',') && !in_a_phrase {
                    return Some(Some(m.canonical.clone()));
                }
            }
        }
        Span::new(
            words
                .get(verb_at.saturating_sub(5))
                .map_or(window.start, |t| t.span.start),
            words.get(verb_at).map_or(window.end, |t| t.span.end),
        )
    } else {
        Span::new(
            window.start,
            words.get(verb_at + 4).map_or(window.end, |t| t.span.end),
        )
    };
    // "said William Hill spokesman Rupert Adams": of the people named there, the one a role or
    // a spokesman's word introduces.
    if !before {
        let introduced = words.windows(2).find_map(|w| {
            let (role, name) = (w[0], w[1]);
            let introduces = BODY_SPOKESMEN.contains(&role.text)
                || is_role_noun(role.text) && role.text.starts_with(char::is_lowercase);
            (introduces && role.span.start < near.end)
                .then(|| people.person_at(Span::new(name.span.start, name.span.end)))
                .flatten()
                .filter(|m| m.span.start == name.span.start)
        });
        if let Some(m) = introduced {
            return Some(Some(m.canonical.clone()));
        }
    }
    if let Some(m) = people.person_at(near).filter(|_| !described_instead) {
        return Some(Some(m.canonical.clone()));
    }
    // Whom a description stands for: the person written about before; when it stands after a
    // person the sentence names ("…Tim Phillips, the American said:"), before the sentence.
    let described_from = if described_instead {
        window.start
    } else {
        quote_start
    };
    let last_person = || {
        people
            .pronoun_before(text, described_from, "")
            .map(|m| m.canonical.clone())
    };
    let around: Vec<_> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| i.abs_diff(verb_at) <= 4)
        .map(|(_, t)| *t)
        .collect();
    let mut spokesman = None;
    for (k, t) in around.iter().enumerate() {
        if PERSON_PRONOUNS.contains(&t.text) {
            // "He told Sky News' Sunday with Adam Boulton:": who "he" is comes from before the
            // pronoun, not from the words after it.
            let at = t.span.start.min(quote_start);
            // "A spokesman for the ministry defended the plan. He said: …": the spokesman,
            // whom the text does not name.
            if unnamed_spokesman_before(text, people, at) {
                return Some(None);
            }
            return Some(
                people
                    .pronoun_before(text, at, t.text)
                    .map(|m| m.canonical.clone()),
            );
        }
        if BODY_SPOKESMEN.contains(&t.text) {
            spokesman = spokesman.or(Some(k));
            continue;
        }
        if is_role_noun(t.text) && t.text.chars().next().is_some_and(char::is_lowercase) {
            // "the mayor said": the holder of that role, else (a role the article never
            // named) the person it was last about.
            // The words between "the" and the noun ("the Tory leader", "the foreign
            // secretary") narrow who holds it.
            let modifiers: Vec<&str> = around[..k]
                .iter()
                .rev()
                .take_while(|w| !matches!(w.text, "the" | "The" | "a" | "A" | "an" | "An"))
                .take(3)
                .map(|w| w.text)
                .collect();
            // "A Sony representative told": someone unnamed.
            let indefinite = k
                .checked_sub(modifiers.len() + 1)
                .and_then(|d| around.get(d))
                .is_some_and(|w| matches!(w.text, "a" | "A" | "an" | "An"));
            if indefinite {
                return Some(None);
            }
            // The person last written about, unless the article gives them a title that is
            // not this one ("the prime minister conceded" is not the Home Secretary).
            let wanted = described_title(t.text, &modifiers);
            return Some(
                people
                    .by_role(t.text, &modifiers, quote_start)
                    .or_else(|| last_person().filter(|p| !people.titled_otherwise(p, &wanted))),
            );
        }
    }
    // An organisation speaking: "the Finance and Economy Ministry said in a statement"; not
    // one that describes a person ("The Man Utd boss continued:").
    // Not the body told ("Mirza told the Associated Press"): who is told listens.
    if let Some(m) = people.org_at(near) {
        let told = text.get(..m.span.start).is_some_and(|t| {
            let t = t.trim_end();
            let t = t
                .strip_suffix(" the")
                .or_else(|| t.strip_suffix(" The"))
                .unwrap_or(t);
            ["told", "tells", "telling"].iter().any(|v| t.ends_with(v))
        });
        if !describes_a_person(text, m) && !told {
            return Some(Some(m.canonical.clone()));
        }
    }
    // A spokesman no name introduces: "said the M&S spokesman" is the body named before the
    // word; "the spokesman said" the body the article named last; "a spokesman" is someone's.
    if let Some(k) = spokesman.filter(|&k| k > 0) {
        let from = k.saturating_sub(4);
        if let Some(f) = around[from..k]
            .iter()
            .rposition(|w| matches!(w.text, "the" | "The" | "a" | "A" | "an"))
            .map(|p| from + p)
        {
            // "a spokesman for Dell": the body after "for".
            let after_for = (around.get(k + 1).is_some_and(|w| w.text == "for"))
                .then(|| {
                    around.get(k + 2).and_then(|w| {
                        people.org_at(Span::new(w.span.start, text.len().min(w.span.start + 64)))
                    })
                })
                .flatten()
                .filter(|m| {
                    around
                        .get(k + 2)
                        .is_some_and(|w| m.span.start == w.span.start)
                });
            let named = people
                .org_at(Span::new(around[f].span.end, around[k].span.start))
                .or(after_for);
            let definite = matches!(around[f].text, "the" | "The");
            return Some(
                named
                    .or_else(|| definite.then(|| people.org_before(quote_start)).flatten())
                    .map(|m| m.canonical.clone()),
            );
        }
    }
    // A speaker described, not named, and definite: "said the Sale full-back" is the person
    // the article was last about; "the ministry said", "the statement said" the organisation it
    // last named. An indefinite one ("a Fifa spokesman", "one trader") is someone unnamed.
    // Before the words, the description is the verb's subject ("the ministry said:", not
    // "Rover confirmed the tie-up would …"); after them, it may stand on either side of the
    // verb, and as far back as the words ("…," the world 200m record holder told Five Live).
    let is_the = |t: &&super::tokens::Token| matches!(t.text, "the" | "The");
    let verb_in_around = verb_at.min(4);
    let described = if before {
        around[..verb_in_around]
            .iter()
            .position(is_the)
            .map(|d| (&around, d))
    } else {
        around
            .iter()
            .position(is_the)
            .map(|d| (&around, d))
            .or_else(|| words.first().filter(|t| is_the(t)).map(|_| (&words, 0)))
    };
    if let Some((phrase, d)) = described {
        let head = phrase[d + 1..]
            .iter()
            .find(|t| t.text.chars().next().is_some_and(char::is_lowercase) && !is_verb(t));

        let org_like = head.is_some_and(|h| {
            ORG_NOUNS.contains(&h.text)
                || matches!(
                    h.text,
                    "ministry" | "government" | "statement" | "department" | "council" | "report"
                )
        });
        if org_like {
            return Some(people.org_before(quote_start).map(|m| m.canonical.clone()));
        }
        // "the advert said", "the letter read": a document nobody is named as writing.
        if head.is_some_and(|h| DOCUMENT_NOUNS.contains(&h.text)) {
            return Some(None);
        }
        return Some(last_person());
    }
    Some(None)
}

/// Find the quotations of an article and attribute them. Linear in the article: sentence ends
/// and quotation marks are found once per paragraph and looked up by binary search.
pub fn extract_quotes(
    article: &Article,
    mentions: &[NameMention],
    roles: &[RoleFact],
) -> Vec<QuoteFact> {
    let text = article.text.as_str();
    let quotations: Vec<Vec<(usize, Span, usize, bool)>> = article
        .paragraphs
        .iter()
        .map(|para| quoted_spans(text, *para))
        .collect();
    let inside: Vec<Span> = quotations.iter().flatten().map(|q| q.1).collect();
    let people = People::new(mentions, roles, &inside, &article.sentences);
    let mut out: Vec<QuoteFact> = Vec::new();
    // The paragraph of each quotation in `out`.
    let mut out_para: Vec<usize> = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut carried = false; // the previous paragraph ended inside a quotation
    let mut next_mention = 0; // first mention not before the current paragraph
    for (pi, (para, spans)) in article.paragraphs.iter().zip(&quotations).enumerate() {
        let starts_with_quote = spans.first().is_some_and(|q| q.0 == para.start);
        let mut para_quotes: Vec<QuoteFact> = Vec::new();
        // Per quotation of the paragraph: attributed to someone the text does not name ("said
        // a Fox spokesman"), whose next words are not anyone else's either.
        let mut unnamed: Vec<bool> = Vec::new();
        let ptext = text.get(para.start..para.end).unwrap_or("");
        // Sentence ends, and the places where the text before a quotation starts (just after a
        // sentence end or a quotation mark), as offsets into the paragraph.
        let mut ends: Vec<usize> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        if !spans.is_empty() {
            let bytes = ptext.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                match b {
                    b'.' | b'!' | b'?' => {
                        ends.push(i);
                        starts.push(i + 1);
                    }
                    b'"' => starts.push(i + 1),
                    // '”' is E2 80 9D.
                    0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x9D]) => starts.push(i + 3),
                    _ => {}
                }
            }
        }
        // Where the sentence holding offset `p` of the paragraph starts, as a text offset.
        let sentence_start_at = |p: usize| {
            ends[..ends.partition_point(|&e| e < p)]
                .last()
                .map_or(para.start, |&e| para.start + e + 1)
        };
        for &(mark_start, inner, mark_end, closed) in spans {
            let words = text[inner.start..inner.end].split_whitespace().count();
            // After the quote: to the end of the sentence, and at most the 600 bytes after the
            // words (every rule that reads it looks no further; a sentence of thousands of
            // quotations is not read again for each).
            let rel_end = mark_end - para.start;
            let mut after_end = ends
                .get(ends.partition_point(|&e| e < rel_end))
                .map_or(para.end, |&e| para.start + e)
                .min(mark_end.saturating_add(MAX_WINDOW_BYTES));
            while !text.is_char_boundary(after_end) {
                after_end -= 1;
            }
            let after = Span::new(mark_end, after_end.max(mark_end));
            // Before the quote: back to the previous sentence end, and it must end in ':' or ','.
            let rel_mark = mark_start - para.start;
            let before_start = starts
                .partition_point(|&st| st <= rel_mark)
                .checked_sub(1)
                .map_or(para.start, |k| para.start + starts[k]);
            let before = Span::new(before_start, mark_start);
            let before_txt = text[before.start..before.end].trim_end();
            // A quotation that ends its sentence inside the marks ('…cities."') is followed by
            // a new sentence, not by its attribution, unless the words go on in lowercase
            // ('…?" asked Smith', '…." he said').
            let inner_end = text[inner.start..inner.end].trim_end();
            let next_word_lower = text[mark_end..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let ends_sentence = inner_end.ends_with(['.', '?', '!']) && !next_word_lower;
            let mut speaker = if closed && !ends_sentence {
                speaker_in(text, after, mark_start, &people, false)
                    .or_else(|| named_then_described(text, after, &people))
            } else {
                None
            };
            if speaker.is_none() && (before_txt.ends_with(':') || before_txt.ends_with(',')) {
                speaker = speaker_in(text, before, mark_start, &people, true);
            }
            // Reported speech leading into the words: "Mr Milburn said he ... and insisted
            // that "..."": the one who speaks in the same sentence before them.
            if speaker.is_none() && !before_txt.is_empty() && words >= MIN_WORDS {
                speaker =
                    speaker_in(text, before, mark_start, &people, true).filter(Option::is_some);
            }
            // "Mr Boateng served on the council, declaring "…"": a participle of saying puts
            // the words in the mouth of the sentence's subject; "GE said orders rose, "…"": a
            // body that speaks in the sentence.
            if speaker.is_none() && !before_txt.is_empty() {
                let last: Vec<&str> = before_txt
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                    .rev()
                    .take(10)
                    .collect();
                // "called Labour "a brilliant machine …"", not "was described as "…" by": in
                // the active voice, and words enough to be someone's, not a label.
                let characterises = words >= 3
                    && last.iter().enumerate().any(|(k, w)| {
                        let passive = last.get(k + 1).is_some_and(|aux| {
                            matches!(
                                *aux,
                                "was" | "were" | "been" | "is" | "are" | "be" | "being"
                            )
                        });
                        // "described as "…"", "described by …", "called "…"": a label.
                        let label = k
                            .checked_sub(1)
                            .and_then(|n| last.get(n))
                            .is_none_or(|next| matches!(*next, "as" | "by"));
                        CHARACTERISING.contains(w) && !passive && !label
                    });
                let near_participle =
                    characterises || last.iter().any(|w| SAYING_PARTICIPLES.contains(w));
                // The whole sentence, from its start, not from an earlier quotation mark in it
                // ("Michael Howard sent his "warmest congratulations", saying: "…"").
                let sentence_start = sentence_start_at(rel_mark);
                // At most the 600 bytes before the words: a sentence of thousands of quotations
                // is not read again for each.
                let mut from = sentence_start
                    .min(mark_start)
                    .max(mark_start.saturating_sub(MAX_WINDOW_BYTES));
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let sentence = Span::new(from.min(mark_start), mark_start);
                // "with finance minister Hans Eichel saying it showed that the EC recognised
                // Germany's fiscal policy was "…"": a participle of saying further back in the
                // sentence, right after the one it names.
                let far_participle = !near_participle
                    && text.get(sentence.start..sentence.end).is_some_and(|t| {
                        t.split(|c: char| !c.is_alphabetic())
                            .any(|w| SAYING_PARTICIPLES.contains(&w))
                    });
                let named = (near_participle || far_participle)
                    .then(|| people.named_before_participle(text, sentence))
                    .flatten();
                let participle = near_participle || far_participle && named.is_some();
                speaker = participle
                    .then(|| {
                        // "Alan Johnson said it was wrong to suggest he would usurp Mr
                        // Milburn, adding they would …": the one who speaks in the sentence;
                        // "with Hans Eichel saying …": the one named right before the
                        // participle after "with"; "Blanchett paid tribute to Martin Scorsese,
                        // telling him: …": the sentence's subject, else the one named before.
                        let with = named.filter(|m| {
                            text.get(sentence.start..m.span.start).is_some_and(|t| {
                                t.split(|c: char| !c.is_alphabetic())
                                    .filter(|w| !w.is_empty())
                                    .rev()
                                    .take(6)
                                    .any(|w| w == "with")
                            })
                        });
                        people
                            .speaking_in(text, sentence)
                            .or(with)
                            .or_else(|| people.subject_of(text, sentence, &para_quotes, true))
                            .or(named)
                    })
                    .flatten()
                    .or_else(|| people.body_speaking_in(text, before))
                    .map(|m| Some(m.canonical.clone()));
                // "UK chancellor Gordon Brown said the meeting would be remembered as "the debt
                // relief summit"": words inside reported speech are the one's who reports them,
                // however far the verb of saying stands from them.
                // Only someone the sentence names before the verb, or "he" or "she" right
                // before it, is taken so: not whoever the article was last about. A single
                // word ("a "lighthouse" for") is the writer's label, not a quotation.
                if speaker.is_none() && words >= 2 {
                    speaker = first_speech_verb_end(text, sentence).and_then(|v| {
                        let subject = Span::new(sentence.start, v);
                        let who = speaker_in(text, subject, v, &people, true)??;
                        // "he said", "the Tory leader said": the one the pronoun or the
                        // title stands for.
                        let stands_for = text.get(subject.start..v).is_some_and(|t| {
                            t.split(|c: char| !c.is_alphabetic())
                                .filter(|w| !w.is_empty())
                                .rev()
                                .nth(1)
                                .is_some_and(|w| {
                                    PERSON_PRONOUNS.contains(&w)
                                        || is_role_noun(w) && w.starts_with(char::is_lowercase)
                                })
                        });
                        (stands_for || people.names_in(&who, subject)).then_some(Some(who))
                    });
                }
            }
            let attributed = speaker.is_some();
            if !attributed && words < MIN_WORDS {
                continue; // a quoted word or phrase, not a quotation
            }
            // Jimmy "the Whirlwind" White: a nickname inside a name.
            let capital_before = text
                .get(..mark_start)
                .and_then(|t| t.trim_end().chars().next_back())
                .is_some_and(char::is_alphabetic)
                && text
                    .get(..mark_start)
                    .and_then(|t| t.trim_end().rsplit(' ').next())
                    .is_some_and(|w| w.starts_with(char::is_uppercase));
            let capital_after = text
                .get(mark_end..)
                .map(str::trim_start)
                .is_some_and(|t| t.starts_with(char::is_uppercase));
            if words <= 3 && capital_before && capital_after {
                continue;
            }
            // Words that open a sentence after one in which someone speaks ("Dr Tamimi said
            // the aim was not to win. "We know ...""): that person's.
            if speaker.is_none() && before_txt.is_empty() && mark_start > para.start {
                let rel = before.start - para.start;
                // The sentence that ends right before this one.
                let prev_start = sentence_start_at(rel.saturating_sub(1));
                let prev = Span::new(prev_start, before.start);
                // Not a sentence inside an earlier quotation of the paragraph.
                // Spans come in text order: only the last one opening before the sentence
                // can hold it (looked up, not scanned: a paragraph may hold thousands).
                // A sentence that opens with a quotation mark is inside one too ("…got.
                // "Giggs was a threat." "All we can do …"").
                let quoted = spans[..spans.partition_point(|sp| sp.0 <= prev.start)]
                    .last()
                    .is_some_and(|&(_, _, m1, _)| prev.end <= m1)
                    || text.get(prev.start..prev.end).is_some_and(|t| {
                        let lead = prev.start + (t.len() - t.trim_start().len());
                        spans.binary_search_by_key(&lead, |sp| sp.0).is_ok()
                    });
                // A sentence that holds words already quoted ("Colin Asplin, Blackpool Hotel
                // Association said: "We tried." "Obviously …"") passes them on through the
                // paragraph's quotations, not through the names in it.
                let quotes_someone = para_quotes
                    .last()
                    .is_some_and(|q| q.span.end > prev.start && q.span.start < prev.end);
                if !quoted && !quotes_someone {
                    speaker = people
                        .speaking_in(text, prev)
                        .or_else(|| people.subject_of(text, prev, &para_quotes, false))
                        .or_else(|| people.body_speaking_in(text, prev))
                        .map(|m| Some(m.canonical.clone()));
                }
            }
            // Given to someone unnamed on purpose ("said a Fox spokesman", "the statement said",
            // "Broadcast magazine said:"),
            // not merely to a name the extractor missed.
            let unnamed_speaker = matches!(speaker, Some(None)) && {
                let said = |span: Span| text.get(span.start..span.end).unwrap_or("");
                [said(after), before_txt]
                    .iter()
                    .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
                    .any(|w| BODY_SPOKESMEN.contains(&w) || matches!(w, "unnamed" | "anonymous"))
                    || [said(after), before_txt]
                        .iter()
                        .any(|t| a_document_speaks(t))
                    || unnamed_spokesman_before(text, &people, mark_start)
                    || {
                        // "One correspondent wrote:", "A resident said:": someone unnamed.
                        let clause = before_txt
                            .rsplit(['.', '!', '?', '"', '”'])
                            .next()
                            .unwrap_or("")
                            .trim_start();
                        ["One ", "A ", "An "].iter().any(|a| clause.starts_with(a))
                    }
            };
            let who = match speaker {
                Some(s) => s,
                // A paragraph that opens with a quotation continues the previous speaker there;
                // later quotations of the paragraph take the nearest speaker named in it.
                None if starts_with_quote
                    && mark_start == para.start
                    && (carried || last_speaker.is_some()) =>
                {
                    last_speaker.clone()
                }
                None => None,
            };
            // Trim the closing comma or space inside the marks.
            let inner_text = &text[inner.start..inner.end];
            let trimmed = inner_text.trim_end_matches([',', ' ']).trim_start();
            let lead = inner_text.len() - inner_text.trim_start().len();
            let span = Span::new(inner.start + lead, inner.start + lead + trimmed.len());
            if span.is_empty() {
                continue;
            }
            para_quotes.push(QuoteFact { span, speaker: who });
            unnamed.push(unnamed_speaker);
            carried = !closed;
        }
        // A quotation without a speaker in a paragraph that names one continues the speaker
        // of the nearest attributed quotation before it, else the first after it ("The
        // defining feature ... " then "...," he said).
        if let Some(known) = para_quotes.iter().rev().find_map(|q| q.speaker.clone()) {
            let mut before: Option<String> = None;
            let mut filled: Vec<Option<String>> = Vec::with_capacity(para_quotes.len());
            // The words after an unnamed speaker's, up to the next named one, are theirs too.
            let mut nobody_speaks = false;
            for (q, nobody) in para_quotes.iter().zip(unnamed.iter_mut()) {
                if q.speaker.is_some() || *nobody {
                    before.clone_from(&q.speaker);
                    nobody_speaks = *nobody;
                } else if nobody_speaks {
                    *nobody = true;
                }
                filled.push(q.speaker.clone().or_else(|| before.clone()));
            }
            let mut after: Option<String> = None;
            for ((q, f), &nobody) in para_quotes.iter_mut().zip(filled).zip(&unnamed).rev() {
                if q.speaker.is_some() || nobody {
                    after.clone_from(&q.speaker);
                }
                // A phrase ("promised a "firm but fair" policy") does not take the speaker of
                // words quoted after it.
                let phrase = a_phrase(text, q.span);
                q.speaker = if nobody {
                    None
                } else {
                    f.or_else(|| after.clone().filter(|_| !phrase))
                };
            }
            last_speaker = Some(known);
        } else if !para_quotes.is_empty() && !starts_with_quote {
            last_speaker = None;
        }
        // The people named in this paragraph: mentions are in text order, as paragraphs are.
        while next_mention < mentions.len() && mentions[next_mention].span.start < para.start {
            next_mention += 1;
        }
        let mut after_para = next_mention;
        while after_para < mentions.len() && mentions[after_para].span.start < para.end {
            after_para += 1;
        }
        if para_quotes.is_empty() {
            carried = false;
            // A paragraph of reported speech ("Ning said this was ...") makes its speaker the
            // one a following all-quotation paragraph continues; any other named person ends the run.
            let in_para: Vec<&NameMention> = mentions[next_mention..after_para]
                .iter()
                .filter(|m| para.contains(m.span) && is_person(m))
                .collect();
            if let Some(sayer) = in_para.iter().find(|m| speaks_after(text, m.span)) {
                last_speaker = Some(sayer.canonical.clone());
            } else if !in_para.is_empty() {
                last_speaker = None;
            }
        }
        next_mention = after_para;
        out_para.extend(std::iter::repeat_n(pi, para_quotes.len()));
        out.extend(para_quotes);
    }
    // Run-on quotations whose attribution comes in the next paragraph ("...world," he said):
    // words that run to the end of their paragraph with no closing mark, and the next
    // paragraph opening with the words that go on.
    let runs_on = |q: &QuoteFact, para: Option<&Span>| {
        para.and_then(|p| text.get(q.span.end..p.end))
            .is_some_and(|rest| {
                !rest.contains(|c: char| c.is_alphanumeric() || c == '"' || c == '”')
            })
    };
    let opens = |q: &QuoteFact, para: Option<&Span>| {
        para.and_then(|p| text.get(p.start..q.span.start))
            .is_some_and(|lead| !lead.contains(char::is_alphanumeric))
    };
    for i in (0..out.len().saturating_sub(1)).rev() {
        if out[i].speaker.is_none() && out[i + 1].speaker.is_some() {
            let (a, b) = (out_para[i], out_para[i + 1]);
            if b == a + 1
                && runs_on(&out[i], article.paragraphs.get(a))
                && opens(&out[i + 1], article.paragraphs.get(b))
            {
                out[i].speaker = out[i + 1].speaker.clone();
            }
        }
    }
    // People do not name themselves by their surname in their own words: "Somebody, I think
    // it was Mr Phillips, said …" is not Phillips's, nor "Mourinho reminds everyone" Mourinho's.
    // The one found was someone the words are about.
    let people_named: std::collections::HashSet<&str> = people
        .persons
        .iter()
        .map(|&i| mentions[i].canonical.as_str())
        .collect();
    for q in &mut out {
        let names_self = q.speaker.as_deref().is_some_and(|who| {
            people_named.contains(who)
                && who.rsplit(' ').next().is_some_and(|surname| {
                    surname.chars().count() >= 3
                        && text.get(q.span.start..q.span.end).is_some_and(|words| {
                            words
                                .split(|c: char| !c.is_alphanumeric() && c != '-')
                                .any(|w| w == surname)
                        })
                })
        });
        if names_self {
            q.speaker = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::names::Lexicon;

    /// Each quotation's text and speaker in a one-article corpus.
    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let a = crate::parse::parse_text(text);
        let lex = Lexicon::from_articles(std::slice::from_ref(&a));
        let units = crate::extract::tokenize_article(&a);
        crate::extract::extract_article(&a, &units, &lex)
            .quotes
            .into_iter()
            .map(|q| (a.slice(q.span).to_string(), q.speaker))
            .collect()
    }

    fn speaker_of(qs: &[(String, Option<String>)], start: &str) -> Option<String> {
        qs.iter()
            .find(|(t, _)| t.starts_with(start))
            .and_then(|(_, s)| s.clone())
    }

    #[test]
    fn spokesmen_speak_for_their_body_and_a_named_one_for_himself() {
        let qs = quotes("T\n\nThe chain Brindle Stores, led by Stuart Rowe, cut prices. \"We have brought in a lot of new clothing this spring,\" said the Brindle Stores spokesman. Bets poured in. \"The nomination has sparked a betting frenzy among punters,\" said Corbett Bets spokesman Rupert Adlam.\n");
        assert_eq!(
            speaker_of(&qs, "We have brought").as_deref(),
            Some("Brindle Stores"),
            "{qs:?}"
        );
        assert_eq!(
            speaker_of(&qs, "The nomination").as_deref(),
            Some("Rupert Adlam"),
            "{qs:?}"
        );
    }

    #[test]
    fn words_after_a_sentence_in_which_someone_speaks_or_that_is_about_someone_are_theirs() {
        // The paragraph opens by going on with an earlier speaker; the words after "said Orla
        // Penhaligon" are hers, not that earlier speaker's.
        let qs = quotes("T\n\n\"We want to talk freely,\" said Bram Tolliver, the founder.\n\n\"We want it in every home in the land.\" Meanwhile the firm grew. \"We can help the market grow,\" said chief executive Orla Penhaligon. \"We can use our footprint across the country.\"\n\nDr Nadia Vand said the plan was not to win seats. \"We know the next government will be one of the big parties, but we want a voice.\" Vand, though, is keen to rest her staff. \"At this stage there is nothing more they can do to impress me.\" \"He fits the bill because of his knowledge of the team,\" said coach Peter Orrin.\n\n\"The club is in good hands now that the vote is over,\" said Peter Orrin. The board has appointed Thomas Resk as caretaker. \"He knows the players and the supporters better than anyone.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("We want it in every home").as_deref(),
            Some("Bram Tolliver"),
            "{qs:?}"
        );
        assert_eq!(
            who("We can use our").as_deref(),
            Some("Orla Penhaligon"),
            "{qs:?}"
        );
        assert_eq!(
            who("We know the next").as_deref(),
            Some("Nadia Vand"),
            "{qs:?}"
        );
        assert_eq!(
            who("At this stage").as_deref(),
            Some("Nadia Vand"),
            "{qs:?}"
        );
        assert_eq!(
            who("He fits the bill").as_deref(),
            Some("Peter Orrin"),
            "{qs:?}"
        );
        // Resk is the one appointed, not the one speaking.
        assert_eq!(
            who("He knows the players").as_deref(),
            Some("Peter Orrin"),
            "{qs:?}"
        );
    }

    #[test]
    fn the_next_words_of_an_unnamed_spokesman_are_nobody_elses() {
        let qs = quotes("T\n\nThe network defended the show. \"The special was vetted by our standards department before broadcast,\" said a network spokesman. \"Any affiliate that feels it is wrong for its market has the right to drop it.\" \"We stand by every minute of it,\" said producer Lyle Brannock.\n");
        assert_eq!(speaker_of(&qs, "The special was"), None, "{qs:?}");
        assert_eq!(speaker_of(&qs, "Any affiliate"), None, "{qs:?}");
        assert_eq!(
            speaker_of(&qs, "We stand by").as_deref(),
            Some("Lyle Brannock"),
            "{qs:?}"
        );
    }

    #[test]
    fn pronouns_colons_participles_bodies_and_nicknames() {
        let qs = quotes("T\n\nThe opposition leader Michael Dorrance accused ministers of squabbling. He told the Morning Show with Alan Brisket: \"This is the politics of the playground and the country deserves better.\"\n\nBut a spokesman for the ministry defended the plan. He said: \"The rules were written with care and will be applied to every case alike.\"\n\nSome fans would find the move controversial, but Richard Harrow countered: \"I recognise it is an emotive issue for many supporters of the club.\"\n\nMr Peter Kwabe served on the council for years, declaring \"today the town hall, tomorrow the country\" at every meeting.\n\nVelcor Systems said orders in the fourth quarter were fifteen per cent higher than a year earlier, \"with growth across every one of our businesses\".\n\nAnother player, Jimmy \"the Cyclone\" Brandle, admitted missing lessons too.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("This is the politics").as_deref(),
            Some("Michael Dorrance"),
            "{qs:?}"
        );
        assert_eq!(who("The rules were written"), None, "{qs:?}");
        assert_eq!(
            who("I recognise it").as_deref(),
            Some("Richard Harrow"),
            "{qs:?}"
        );
        assert_eq!(
            who("today the town hall").as_deref(),
            Some("Peter Kwabe"),
            "{qs:?}"
        );
        assert_eq!(
            who("with growth across").as_deref(),
            Some("Velcor Systems"),
            "{qs:?}"
        );
        assert!(!qs.iter().any(|(t, _)| t == "the Cyclone"), "{qs:?}");
    }

    #[test]
    fn split_words_and_words_that_characterise() {
        let qs = quotes("T\n\n\"We have heard the environmental argument for handing a phone back,\" said Mr James Gorrick, \"but there is a strong social argument too.\"\n\nAlex Ferrington praised his side. The Harwell Group boss continued: \"He would need to change the whole shape of the team and fast.\"\n\nOpposition spokesman Oliver Lentham called the plan \"a brilliant machine for talking about things\" on Monday. The show was described as \"a concert of hope for everyone\" by Maria Dunmore.\n\nThe Green Alliance launched its platform, with leader Charles Kenning saying his party was the \"authentic opposition on every issue that counts\".\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("but there is a strong").as_deref(),
            Some("James Gorrick"),
            "{qs:?}"
        );
        assert_eq!(
            who("a brilliant machine").as_deref(),
            Some("Oliver Lentham"),
            "{qs:?}"
        );
        assert_eq!(
            who("authentic opposition").as_deref(),
            Some("Charles Kenning"),
            "{qs:?}"
        );
    }

    #[test]
    fn people_named_inside_words_letters_after_a_name_and_long_subjects() {
        let qs = quotes("T\n\nThe party lost a member to its rivals. Michael Harwood, however, was dismissive. \"There are disagreements between Robert Jessop and me.\n\n\"The vote will not be decided on what Robert Jessop did,\" he added.\n\nThe Treasury answered at once. Peter Brankley MP, Labour's Chief Secretary to the Treasury, said: \"Their sums do not add up and never have.\"\n\nThe chairman of the Bar Council, Guy Manfred QC warned there was a real risk of harm. \"What is going to happen to the young men who are stopped?\"\n\nLord Hollingfield, leader of Exmoor County Council, told BBC Radio 4's Today programme: \"We are going to the High Court because we want a judge to rule.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("The vote will").as_deref(),
            Some("Michael Harwood"),
            "{qs:?}"
        );
        assert_eq!(
            who("Their sums").as_deref(),
            Some("Peter Brankley"),
            "{qs:?}"
        );
        assert_eq!(
            who("What is going").as_deref(),
            Some("Guy Manfred"),
            "{qs:?}"
        );
        assert_eq!(
            who("We are going").as_deref(),
            Some("Hollingfield"),
            "{qs:?}"
        );
    }

    #[test]
    fn only_words_running_on_to_the_next_paragraph_take_its_speaker() {
        let qs = quotes("T\n\nNobody expected the result. \"It is a sad day for the whole town,\" was all anyone would say.\n\n\"We will fight on to the end of the season,\" said Tom Welland.\n\nThe club answered. \"The ground will stay where it has always been and so will we.\n\n\"Nothing changes for the fans,\" said Ann Corrie.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("It is a sad day"), None, "{qs:?}");
        assert_eq!(
            who("We will fight").as_deref(),
            Some("Tom Welland"),
            "{qs:?}"
        );
        assert_eq!(
            who("The ground will").as_deref(),
            Some("Ann Corrie"),
            "{qs:?}"
        );
    }

    #[test]
    fn reported_speech_titles_that_fit_and_owners() {
        let qs = quotes("T\n\nPrime Minister Tom Blakely opened the debate. Deputy Prime Minister Joan Prestwick closed it. The prime minister said he had discussed the claims with colleagues and dismissed them as \"a load of old nonsense\".\n\nTory leader Martin Howe defended the plan. Lib Dem leader Carl Kenwood attacked it. The Tory leader said his team had reached \"a collective view on the whole matter\" after a long meeting.\n\nUK chancellor Gavin Bourne said the London meeting of the seven richest nations would be remembered as \"the full debt relief summit\".\n\nA Velcor representative told the paper this was because the firm did not think of it as \"part of our consumer technology offering\".\n\nMichael Jarrow said he was innocent of every charge. Michael Jarrow's mother told reporters: \"We are one hundred per cent certain that he is innocent.\"\n\n\"It looks pretty grim for all of us,\" said Swedish trades union official Ulf Carsten.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("a load of").as_deref(), Some("Tom Blakely"), "{qs:?}");
        assert_eq!(
            who("a collective").as_deref(),
            Some("Martin Howe"),
            "{qs:?}"
        );
        assert_eq!(
            who("the full debt").as_deref(),
            Some("Gavin Bourne"),
            "{qs:?}"
        );
        assert_eq!(who("part of our"), None, "{qs:?}");
        assert_eq!(who("We are one hundred"), None, "{qs:?}");
        assert_eq!(who("It looks").as_deref(), Some("Ulf Carsten"), "{qs:?}");
    }

    #[test]
    fn clauses_owners_documents_and_phrases() {
        let qs = quotes("T\n\nAs party leader Martin Howe opened his campaign, the rival leader Carl Kenwood dismissed the party as a fading force. And he insisted there was \"no limit at all to our ambitions\" in the coming poll.\n\n\"I was in shock when I heard it,\" Craig Bellway said. \"He went behind my back,\" he said in response to Sounder's remarks. \"I will not apologise because I have done nothing wrong,\" he told the paper.\n\nManager Alec Fergus said the win was deserved. \"Roy came on and brought calm to the midfield. \"Giggins was a tremendous threat all afternoon. \"All we can do is keep our form and play as we are.\"\n\nThe campaign ran a full-page notice in the paper. The show stars actor Scott Bakely as the captain. \"The crew need your help to continue their journeys!\" the advert said.\n\nMr Kilroy-Sands promised a \"firm but fair\" policy. Labour's Fraser Kent said the party was joining \"an already crowded field on the right of politics\".\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("no limit").as_deref(), Some("Carl Kenwood"), "{qs:?}");
        assert_eq!(
            who("I will not").as_deref(),
            Some("Craig Bellway"),
            "{qs:?}"
        );
        assert_eq!(who("All we can").as_deref(), Some("Alec Fergus"), "{qs:?}");
        assert_eq!(who("The crew need"), None, "{qs:?}");
        assert_ne!(
            who("firm but fair").as_deref(),
            Some("Fraser Kent"),
            "{qs:?}"
        );
    }

    #[test]
    fn a_pronoun_subject_and_the_other_sex_are_passed_over() {
        let qs = quotes("T\n\nCoach Matt Wilkins has lost twelve of his fourteen games. But he rejected the comparison with Bertil Vogel, the sacked manager. \"How can a football coach and a rugby coach have anything in common?\" he asked.\n\nMrs Joan Hartley opened the fair on Saturday. Mr Peter Lyle praised the organisers. \"It was the best day the town has had for many years,\" she said.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("How can a").as_deref(), Some("Matt Wilkins"), "{qs:?}");
        assert_eq!(
            who("It was the best").as_deref(),
            Some("Joan Hartley"),
            "{qs:?}"
        );
    }

    #[test]
    fn a_name_described_before_its_verb_speaks() {
        let qs = quotes("T\n\nUnions reacted angrily to the plan. \"We could understand it if the airline was about to go under,\" Michael Mijaton, international division secretary of the Flight Attendants Association, told a news agency.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("We could").as_deref(),
            Some("Michael Mijaton"),
            "{qs:?}"
        );
    }

    #[test]
    fn a_publication_that_speaks_is_nobody_the_article_names() {
        let qs = quotes("T\n\nActor David Hasselman starred in the show for years. \"It was the best job I ever had,\" Hasselman said. The Jerry Springer Show did not fare well. Broadcast magazine said: \"British television never knew how low it could go before this.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("It was the best").as_deref(),
            Some("David Hasselman"),
            "{qs:?}"
        );
        assert_eq!(who("British television"), None, "{qs:?}");
    }

    #[test]
    fn a_month_after_a_given_name_is_a_surname() {
        let qs = quotes("T\n\nThe minister answered questions on Monday. Theresa May, the shadow secretary for the family, said: \"These plans were announced long ago and nothing has happened since.\" The vote will be held in May.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("These plans").as_deref(), Some("Theresa May"), "{qs:?}");
    }

    #[test]
    fn reported_speech_is_found_past_separators_of_several_bytes() {
        let qs = quotes("T\n\nThe firm’s boss — Tom Barrow — said the meeting would be remembered as \"the best day the town has had for years\".\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("the best day").as_deref(), Some("Tom Barrow"), "{qs:?}");
    }

    #[test]
    fn a_clause_set_off_by_commas_before_the_verb_is_not_its_subject() {
        let qs = quotes("T\n\nThe director Tom Barrow, who beat Ned Ormsby to the prize, told the audience: \"We always said it would be a surprise.\" Judge Alan Pardew, who is a member of the county bench and sat on an inquiry into pre-war intelligence, told the BBC on Friday: \"That is right as a general rule but not always.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("We always").as_deref(), Some("Tom Barrow"), "{qs:?}");
        assert_eq!(
            who("That is right").as_deref(),
            Some("Alan Pardew"),
            "{qs:?}"
        );
    }

    #[test]
    fn a_described_speaker_stands_before_its_verb_or_opens_the_words_after() {
        let qs = quotes("T\n\nThe champion Tom Barrow has criticised the young runners of today.\n\n\"At the moment the biggest worry for the runners is the domestic title,\" the world 400m record holder told Radio Nine. However, Ned Ormsby countered: \"It is easy to criticise from outside.\"\n\nThe talks were pushed by Sam Kerrow. Halcyon confirmed the deal would take place \"not very far away from this time\".\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("At the moment").as_deref(),
            Some("Tom Barrow"),
            "{qs:?}"
        );
        assert_eq!(who("It is easy").as_deref(), Some("Ned Ormsby"), "{qs:?}");
        assert_ne!(who("not very far").as_deref(), Some("Sam Kerrow"), "{qs:?}");
    }

    #[test]
    fn verbs_of_saying_in_the_present_and_in_jest() {
        let qs = quotes("T\n\nPrices rose again in the spring. \"In the year 2050 the old will make up a third of the people,\" explains Tom Barrow of the Longevity Centre. Ned Ormsby joked: \"I cannot get away from the car park today.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("In the year").as_deref(), Some("Tom Barrow"), "{qs:?}");
        assert_eq!(who("I cannot").as_deref(), Some("Ned Ormsby"), "{qs:?}");
    }

    #[test]
    fn a_mark_after_a_space_and_before_a_word_opens_the_next_sentence_of_words() {
        let qs = quotes("T\n\nThe coach Tom Barrow said: \"We did all we could. \"I thought we dominated. Ned Ormsby had a great game up front. \"Sam Kerrow was awesome, and every one of the forwards stood up.\"\n\nHal Dunmore, Kelmora Hotel Association said: \"We tried very hard. \"Obviously we have failed in that.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("I thought").as_deref(), Some("Tom Barrow"), "{qs:?}");
        assert_eq!(
            who("Sam Kerrow was").as_deref(),
            Some("Tom Barrow"),
            "{qs:?}"
        );
        assert_eq!(who("Obviously").as_deref(), Some("Hal Dunmore"), "{qs:?}");
    }

    #[test]
    fn it_is_the_organisation_that_spoke_or_opened_the_sentence() {
        let qs = quotes("T\n\nThe Harbour Board met on Monday. After the talks, the Kelmora Group said the ruling would hurt it. \"If control of the unit cannot be achieved, the deal may fall through,\" it added. Tom Barrow met the Harbour Board on Monday.\n\nThe watchdog met Halcyon Motors. Halcyon Motors denied it had broken the rules. \"We have all along abided by the law and the rules of the market,\" it said.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("If control").as_deref(),
            Some("Kelmora Group"),
            "{qs:?}"
        );
        assert_eq!(
            who("We have all along").as_deref(),
            Some("Halcyon Motors"),
            "{qs:?}"
        );
    }

    #[test]
    fn an_office_no_title_of_theirs_fits_is_not_the_last_person_written_about() {
        let qs = quotes("T\n\nHome Secretary Tom Barrow has warned of an attack. Earlier, writing in a newspaper, the prime minister conceded that the plans were \"difficult issues for any government\".\n\nChief executive Ned Ormsby of the Harbour Board spoke. \"It would be a great loss for us but a boost for them,\" said the Harbour chief.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_ne!(
            who("difficult issues").as_deref(),
            Some("Tom Barrow"),
            "{qs:?}"
        );
        assert_eq!(who("It would be").as_deref(), Some("Ned Ormsby"), "{qs:?}");
    }

    #[test]
    fn nobody_names_himself_by_surname_in_his_own_words() {
        let qs = quotes("T\n\nReacting to a comment by club chairman Tom Barrow, the American said: \"Somebody, I think it was Mr Barrow, said there was no money for flowers.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_ne!(who("Somebody").as_deref(), Some("Tom Barrow"), "{qs:?}");
    }

    #[test]
    fn a_description_after_a_named_person_is_the_subject() {
        let qs = quotes("T\n\nLindy Darrow has won the title again. Reacting to a comment by club chairman Tom Barrow, the American said: \"We will win the cup this year and the next.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("We will win").as_deref(),
            Some("Lindy Darrow"),
            "{qs:?}"
        );
    }

    #[test]
    fn he_is_no_donna_and_she_no_tony() {
        let qs = quotes("T\n\nDonna Pelham left after Gary Brenner spoke. \"It haunted me for years, to be honest,\" he said.\n\nTony Marrin left after Paula Quilley spoke. \"It was a hard decision for all of us,\" she said.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(who("It haunted").as_deref(), Some("Gary Brenner"), "{qs:?}");
        assert_eq!(
            who("It was a hard").as_deref(),
            Some("Paula Quilley"),
            "{qs:?}"
        );
    }

    #[test]
    fn the_one_who_speaks_before_a_participle_and_not_the_body_told() {
        let qs = quotes("T\n\nMinister Tom Barrow said it was wrong to suggest the chancellor would usurp Mr Ned Ormsby, adding they would \"work as a team\".\n\nThe Kelmora Herald reported the match. \"I was confident but I did not think it would go this way,\" Mirzoyan told the Kelmora Herald.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("work as a team").as_deref(),
            Some("Tom Barrow"),
            "{qs:?}"
        );
        assert_ne!(
            who("I was confident").as_deref(),
            Some("Kelmora Herald"),
            "{qs:?}"
        );
    }

    #[test]
    fn a_participle_far_back_after_with_and_the_subject_before_an_object() {
        let qs = quotes("T\n\nBerlin welcomed the ruling, with finance minister Tom Barrow saying it showed that the high court in the old capital had found the policy was \"on the right track after all\".\n\nLindy Darrow paid tribute to Ned Ormsby, saying: \"He has had a tough couple of years and come back strong.\"\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("on the right track").as_deref(),
            Some("Tom Barrow"),
            "{qs:?}"
        );
        assert_eq!(who("He has had").as_deref(), Some("Lindy Darrow"), "{qs:?}");
    }

    #[test]
    fn a_relative_clause_however_long_and_no_other_kind_of_clause() {
        let qs = quotes("T\n\nLindy Darrow, who won the prize for playing the late screen star Tom Barrow in a film about his life, said: \"It is the best night I have ever had.\"\n\nSam Kerrow, given little opportunity to shine in attack, received praise from Ned Ormsby afterwards, even if the coach admitted Cardiff was an \"unforgiving place\" for the teenage prodigy.\n");
        let who = |start: &str| speaker_of(&qs, start);
        assert_eq!(
            who("It is the best").as_deref(),
            Some("Lindy Darrow"),
            "{qs:?}"
        );
        assert_ne!(who("unforgiving").as_deref(), Some("Sam Kerrow"), "{qs:?}");
    }
}
