//! Names in an article: capitalised runs found, titles split off, kinds decided from evidence,
//! and short forms and acronyms joined to the full names they stand for.

use super::lexicon::*;
use super::memo::{self, Fact};
use super::tokens::{strip_possessive, PackedUnits, Token, Units};
use crate::gazetteer::{self, PlaceKind};
pub use crate::model::Kind;
use crate::model::{Article, Span};
pub use crate::text::{initials, is_acronym};
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::sync::Arc;

mod analyse;
mod classify;
mod corpus;
mod evidence;
mod link;
mod runs;
mod structure;

use analyse::*;
use classify::*;
pub use corpus::Lexicon;
use evidence::*;
use link::*;
use runs::*;
use structure::*;

/// Evidence for each kind, summed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores(pub [f32; 5]);

impl Scores {
    /// Add `w` of evidence for `kind`.
    pub fn add(&mut self, kind: Kind, w: f32) {
        self.0[kind.index()] += w;
    }

    /// True when some kind has any evidence.
    pub fn any(&self) -> bool {
        self.0.iter().any(|v| *v > 0.0)
    }

    /// All the evidence together.
    pub fn total(&self) -> f32 {
        self.0.iter().sum()
    }

    /// Add another set of scores.
    pub fn merge(&mut self, other: &Scores) {
        for i in 0..5 {
            self.0[i] += other.0[i];
        }
    }

    /// Keep the stronger evidence of the two for each kind.
    pub fn max_with(&mut self, other: &Scores) {
        for i in 0..5 {
            self.0[i] = self.0[i].max(other.0[i]);
        }
    }

    /// The best kind and its score.
    pub fn best(&self) -> (Kind, f32) {
        let mut best = (Kind::Person, self.0[0]);
        for k in Kind::ALL {
            if self.0[k.index()] > best.1 {
                best = (k, self.0[k.index()]);
            }
        }
        best
    }
}

/// Evidence at or above this decides a kind.
pub const DECIDED: f32 = 2.0;

/// A name found in the text, before corpus-wide resolution.
#[derive(Debug, Clone)]
pub struct NameMention {
    /// Where the name (without title or possessive) is.
    pub span: Span,
    /// The full name it stands for in this article (itself, or the earlier full form).
    pub canonical: String,
    /// Evidence for each kind.
    pub scores: Scores,
    /// True when the kind came from a full form earlier in the article.
    pub linked: bool,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// `text::name_key(canonical)`, filled in once linking is done.
    pub key: Arc<str>,
}

impl NameMention {
    /// The name as written: its span of the article's `text`.
    pub fn surface<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.start..self.span.end).unwrap_or_default()
    }
}

/// A role a person holds, per article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFact {
    /// The person's canonical name in the article.
    pub person: String,
    /// The title ("Mayor", "Minister for Culture, Community and Youth").
    pub title: String,
    /// The organisation or place it belongs to.
    pub of: Option<String>,
}

/// A capitalised run of tokens (indices into the sentence's tokens).
#[derive(Debug, Clone)]
struct Run {
    start: usize,
    end: usize,
    /// Byte span of the name (possessive removed).
    span: Span,
}

/// Extract the names of one article.
pub fn extract_names(
    article: &Article,
    units: &Units,
    lex: &Lexicon,
) -> (Vec<NameMention>, Vec<RoleFact>) {
    extract_names_and(article, units, lex, |_, _| {})
}

/// [`extract_names`], showing `also` each unit's tokens on the way, so that another pass over
/// them (figures) needs no decoding of its own.
pub fn extract_names_and<'a>(
    article: &'a Article,
    units: &Units<'a>,
    lex: &Lexicon,
    mut also: impl FnMut(usize, &[Token<'a>]),
) -> (Vec<NameMention>, Vec<RoleFact>) {
    let text = article.text.as_str();
    let mut mentions: Vec<NameMention> = Vec::new();
    let mut roles: Vec<RoleFact> = Vec::new();
    // Capitalised words this article uses inside sentences: names even where they open one
    // ("Shell said" after "... the oil firm Shell").
    let mut named: HashSet<&str> = HashSet::default();
    // The words of sport reporting the article has: several make it a sport report.
    let mut sport_words = 0usize;
    let mut sport_distinct: HashSet<&str> = HashSet::default();
    units.each(|_, toks| {
        let first = toks.iter().position(|t| t.is_word).unwrap_or(0);
        for t in toks {
            if t.is_word && !t.is_capitalised() && SPORT_WORDS.contains(&t.text) {
                sport_words += 1;
                sport_distinct.insert(t.text);
            }
        }
        for (k, t) in toks.iter().enumerate().skip(first + 1) {
            if !t.is_capitalised() {
                continue;
            }
            let after_quote = toks[k - 1]
                .text
                .chars()
                .all(|c| matches!(c, '"' | '“' | '‘' | '\'' | '(' | ':'));
            if !after_quote {
                named.insert(strip_possessive(t.text));
            }
        }
    });
    let mut found: Vec<Run> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    // Units written in capitals, read once the article's other names are known.
    let mut loud: Vec<(usize, Vec<Token<'a>>)> = Vec::new();
    units.each(|si, toks| {
        also(si, toks);
        // "LONDON, March 3 (Reuters) -": the dateline's place.
        let dateline = dateline_place(toks);
        if let Some(place) = dateline.clone() {
            let mut scores = Scores::default();
            scores.add(Kind::Place, DECIDED + 2.0);
            mentions.push(NameMention {
                span: Span::new(toks[place.start].span.start, toks[place.end - 1].span.end),
                canonical: case_folded(toks, place),
                scores,
                linked: false,
                sentence: si,
                key: Arc::default(),
            });
        }
        if shouting(toks) {
            loud.push((si, toks.to_vec()));
            return;
        }
        runs(text, toks, lex, &named, &mut found);
        let sentence = Sentence::new(si);
        for run in found.drain(..) {
            if dateline.as_ref().is_some_and(|d| run.start < d.end) {
                continue;
            }
            analyse_run(
                text,
                toks,
                run,
                &sentence,
                lex,
                &mut mentions,
                &mut roles,
                &mut words,
            );
        }
    });
    let sport = sport_words >= SPORT_REPORT_WORDS && sport_distinct.len() >= SPORT_REPORT_DISTINCT;
    if sport {
        teams_in_sport(text, &mut mentions);
    }
    link_in_article(text, &mut mentions, &mut roles, lex);
    if !loud.is_empty() {
        let mut known: rustc_hash::FxHashMap<String, (String, Scores)> =
            rustc_hash::FxHashMap::default();
        for m in mentions.iter().filter(|m| m.scores.best().1 >= DECIDED) {
            for form in [m.canonical.as_str(), m.surface(text)] {
                known
                    .entry(crate::text::name_key(form))
                    .or_insert_with(|| (m.canonical.clone(), m.scores));
            }
        }
        for (si, toks) in &loud {
            names_in_capitals(toks, *si, &known, lex, &mut mentions);
        }
        mentions.sort_by_key(|m| m.span.start);
    }
    name_the_unknown(text, &mut mentions, lex);
    lists_share_a_kind(text, &mut mentions, lex, sport);
    // One key per name of the article, shared by its mentions.
    let mut keys: rustc_hash::FxHashMap<&str, Arc<str>> = rustc_hash::FxHashMap::default();
    let shared: Vec<Arc<str>> = mentions
        .iter()
        .map(|m| {
            keys.entry(m.canonical.as_str())
                .or_insert_with(|| crate::text::name_key(&m.canonical).into())
                .clone()
        })
        .collect();
    drop(keys);
    for (m, key) in mentions.iter_mut().zip(shared) {
        m.key = key;
    }
    (mentions, roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> (Vec<(String, String, Kind)>, Vec<RoleFact>) {
        let a = crate::parse::parse_text(text);
        let lex = Lexicon::from_articles(std::slice::from_ref(&a));
        let units = Units::of(&a.text, &crate::parse::text_units(&a));
        let (ms, roles) = extract_names(&a, &units, &lex);
        (
            ms.into_iter()
                .filter(|m| m.scores.best().1 >= DECIDED)
                .map(|m| {
                    (
                        m.surface(&a.text).to_string(),
                        m.canonical,
                        m.scores.best().0,
                    )
                })
                .collect(),
            roles,
        )
    }

    fn has(ms: &[(String, String, Kind)], surface: &str, canonical: &str, kind: Kind) -> bool {
        ms.iter()
            .any(|(s, c, k)| s == surface && c == canonical && *k == kind)
    }

    #[test]
    fn a_place_then_words_of_the_title_is_the_roles_owner() {
        let (_, roles) =
            names("T\n\nThe talks were led by UK Foreign Secretary Jack Straw yesterday.\n");
        assert!(
            roles.iter().any(|r| r.person == "Jack Straw"
                && r.title == "Foreign Secretary"
                && r.of.as_deref() == Some("UK")),
            "{roles:?}"
        );
    }

    #[test]
    fn titles_are_roles_not_names() {
        let (ms, roles) = names("Headline here\n\nAt the meeting, Shanghai Mayor Gong Zheng spoke about trade. Gong said it went well.\n");
        assert!(has(&ms, "Gong Zheng", "Gong Zheng", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Gong", "Gong Zheng", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Shanghai", "Shanghai", Kind::Place), "{ms:?}");
        assert_eq!(
            roles,
            vec![RoleFact {
                person: "Gong Zheng".into(),
                title: "Mayor".into(),
                of: Some("Shanghai".into())
            }]
        );
    }

    #[test]
    fn honorifics_and_abbreviated_titles_link_to_the_full_name() {
        let (ms, roles) = names("T\n\nThe party secretary Li Qiang told Prime Minister Lee Hsien Loong yesterday. Mr Li briefed PM Lee on trade.\n");
        assert!(has(&ms, "Li", "Li Qiang", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Lee", "Lee Hsien Loong", Kind::Person), "{ms:?}");
        assert!(
            roles
                .iter()
                .any(|r| r.person == "Lee Hsien Loong" && r.title == "Prime Minister"),
            "{roles:?}"
        );
    }

    #[test]
    fn appositives_give_roles_with_their_place() {
        let (ms, roles) = names("T\n\nJules Radich, mayor of Dunedin, New Zealand, agreed. Ning Guang, president of Ruijin Hospital, said so.\n");
        assert!(
            has(&ms, "Jules Radich", "Jules Radich", Kind::Person),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Ruijin Hospital",
                "Ruijin Hospital",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            roles.contains(&RoleFact {
                person: "Jules Radich".into(),
                title: "Mayor".into(),
                of: Some("Dunedin".into())
            }),
            "{roles:?}"
        );
        assert!(
            roles.contains(&RoleFact {
                person: "Ning Guang".into(),
                title: "President".into(),
                of: Some("Ruijin Hospital".into())
            }),
            "{roles:?}"
        );
    }

    #[test]
    fn being_born_or_being_a_guitarist_makes_a_person() {
        let (ms, _) = names("T\n\nTarvo Keldun ( born March 3 , 1961 ) plays. Orsa Velmont is a Latvian guitarist. Velmont toured.\n");
        assert!(
            has(&ms, "Tarvo Keldun", "Tarvo Keldun", Kind::Person),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Orsa Velmont", "Orsa Velmont", Kind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_village_or_a_hamlet_named_is_a_place() {
        let (ms, _) = names("T\n\nThey moved to the village of Wendlecombe in spring. Osmerby is a small hamlet near the coast.\n");
        assert!(
            has(&ms, "Wendlecombe", "Wendlecombe", Kind::Place),
            "{ms:?}"
        );
        assert!(has(&ms, "Osmerby", "Osmerby", Kind::Place), "{ms:?}");
    }

    #[test]
    fn a_lone_word_that_acts_twice_is_a_body_and_a_format_is_not() {
        let (ms, _) = names("T\n\nZentrio gave the student an award. Later Zentrio hired a coach. Blu-tex released a disc and Blu-tex sold.\n");
        assert!(has(&ms, "Zentrio", "Zentrio", Kind::Organization), "{ms:?}");
        assert!(!ms.iter().any(|(s, _, _)| s == "Blu-tex"), "{ms:?}");
    }

    #[test]
    fn what_an_officer_is_of_is_a_body_and_met_is_no_title() {
        let (ms, roles) = names("T\n\nCo-founder of Zentrio, Sergey Brin, met him. The chief executive of Tesvo, Terry Leahy, agreed. An editor of Indian film journals spoke.\n");
        assert!(has(&ms, "Zentrio", "Zentrio", Kind::Organization), "{ms:?}");
        assert!(has(&ms, "Tesvo", "Tesvo", Kind::Organization), "{ms:?}");
        assert!(!ms.iter().any(|(s, _, _)| s == "Indian"), "{ms:?}");
        assert!(!roles.iter().any(|r| r.title == "Met Him"), "{roles:?}");
    }

    #[test]
    fn a_range_of_ages_is_no_score_and_a_persons_party_initials_are_a_body() {
        let (ms, _) = names("T\n\nChildren aged 8–10 years were surveyed in Tasmania and Queensland last year. Wong Kwok-tin of FTU and Ann Chiang of DAB won seats. Five Panamanian players were booked.\n");
        assert!(has(&ms, "Queensland", "Queensland", Kind::Place), "{ms:?}");
        assert!(has(&ms, "FTU", "FTU", Kind::Organization), "{ms:?}");
        assert!(has(&ms, "DAB", "DAB", Kind::Organization), "{ms:?}");
        assert!(!ms.iter().any(|(s, _, _)| s.starts_with("Five")), "{ms:?}");
    }

    #[test]
    fn a_school_district_is_a_body_and_a_country_is_no_short_form_of_a_non_person() {
        let (ms, _) = names("T\n\nThe Garvey Independent School District said so. Fan Expo Norvania said it grew. Volunteers of Canada helped.\n");
        assert!(
            has(
                &ms,
                "Garvey Independent School District",
                "Garvey Independent School District",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            !ms.iter().any(|(s, c, _)| s == "Canada" && c != "Canada"),
            "{ms:?}"
        );
    }

    #[test]
    fn a_name_with_reporters_or_staff_is_a_body() {
        let (ms, _) = names("T\n\nQuorvex reporters attended the show.\n");
        assert!(has(&ms, "Quorvex", "Quorvex", Kind::Organization), "{ms:?}");
    }

    #[test]
    fn a_clubs_initials_make_a_club_and_no_name_opens_with_of() {
        let (ms, _) = names("T\n\nHe left FC Basel for Montreal HC last year. K Endacott (City of Plymouth AC) won.\n");
        assert!(
            has(&ms, "FC Basel", "FC Basel", Kind::Organization),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Montreal HC", "Montreal HC", Kind::Organization),
            "{ms:?}"
        );
        assert!(!ms.iter().any(|(s, _, _)| s.starts_with("of ")), "{ms:?}");
    }

    #[test]
    fn an_acronym_that_is_also_a_word_is_read_in_capitals() {
        let (ms, _) = names("T\n\nDoctors who saw it agreed. The World Health Organisation (WHO) recommends iodised salt. WHO say it works.\n");
        assert_eq!(
            ms.iter()
                .filter(|(s, c, k)| s == "WHO"
                    && c == "World Health Organisation"
                    && *k == Kind::Organization)
                .count(),
            2,
            "{ms:?}"
        );
    }

    #[test]
    fn a_persons_initials_are_not_their_name() {
        let (ms, _) = names("T\n\nClara Dunvey sang on the record. The CD sold well.\n");
        assert!(
            !ms.iter().any(|(s, c, _)| s == "CD" && c == "Clara Dunvey"),
            "{ms:?}"
        );
    }

    #[test]
    fn acronyms_join_their_expansion() {
        let (ms, _) = names("T\n\nThe Shanghai-Singapore Comprehensive Cooperation Council met. The SSCCC grew, said a Prime Minister's Office (PMO) statement. The PMO said more.\n");
        assert!(
            has(
                &ms,
                "SSCCC",
                "Shanghai-Singapore Comprehensive Cooperation Council",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            ms.iter()
                .filter(|(s, c, _)| s == "PMO" && c == "Prime Minister's Office")
                .count()
                == 2,
            "{ms:?}"
        );
    }

    #[test]
    fn an_acronym_the_text_uses_as_a_name_is_a_body_and_a_term_is_not() {
        let (ms, _) = names("T\n\nHe played in the NHL for years. Few leave the NHL. GDP rose. GDP growth slowed and GDP fell.\n");
        assert_eq!(
            ms.iter()
                .filter(|(s, _, k)| s == "NHL" && *k == Kind::Organization)
                .count(),
            2,
            "{ms:?}"
        );
        assert!(!ms.iter().any(|(s, _, _)| s == "GDP"), "{ms:?}");
    }

    #[test]
    fn a_name_in_a_list_takes_the_kind_its_fellows_share() {
        let (ms, _) = names("T\n\nGuests included Paris Hilton, Jamie Foxx, Kanye West and Oliver Stone. Fans of Berlin, London, Zorbu and Rome came.\n");
        assert!(has(&ms, "Kanye West", "Kanye West", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Zorbu", "Zorbu", Kind::Place), "{ms:?}");
    }

    #[test]
    fn a_pair_lends_a_person_only_to_a_name_that_looks_like_one() {
        let (ms, _) = names("T\n\nThe band lost Kevin Drake and Solon Bixler last year. Fans saw Kevin Drake and Six Nations rugby, and Tony Blair and Lib Dems.\n");
        assert!(
            has(&ms, "Solon Bixler", "Solon Bixler", Kind::Person),
            "{ms:?}"
        );
        assert!(
            !ms.iter()
                .any(|(s, _, k)| s == "Six Nations" && *k == Kind::Person),
            "{ms:?}"
        );
        assert!(
            !ms.iter()
                .any(|(s, _, k)| s == "Lib Dems" && *k == Kind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_team_by_its_nickname_and_a_place_without_its_head_word_are_short_forms() {
        let (ms, _) = names("T\n\nThe Bowling Green Falcons won at home. Then the Falcons lost. He lived on Divar Island for years. Divar is small. Crowds filled Olympic Park and Olympic hopes rose.\n");
        assert!(
            has(&ms, "Falcons", "Bowling Green Falcons", Kind::Organization),
            "{ms:?}"
        );
        assert!(has(&ms, "Divar", "Divar Island", Kind::Place), "{ms:?}");
        assert!(
            !ms.iter()
                .any(|(s, c, _)| s == "Olympic" && c == "Olympic Park"),
            "an adjective is no short form: {ms:?}"
        );
    }

    #[test]
    fn a_given_name_then_two_words_of_no_other_kind_is_a_person() {
        let (ms, _) = names("T\n\nYesterday Marcus Oduya Benvenisti arrived. Fans of Milton Keynes Dons and the San Francisco-based Zorbacorp waited.\n");
        assert!(
            has(
                &ms,
                "Marcus Oduya Benvenisti",
                "Marcus Oduya Benvenisti",
                Kind::Person
            ),
            "{ms:?}"
        );
        for not_people in ["Milton Keynes Dons", "San Francisco-based Zorbacorp"] {
            assert!(
                !ms.iter()
                    .any(|(s, _, k)| s == not_people && *k == Kind::Person),
                "{not_people}: {ms:?}"
            );
        }
    }

    #[test]
    fn a_place_and_a_title_with_no_name_after_is_the_place() {
        let (ms, _) = names("T\n\nThe letter was signed Zoltan Marvello, Texas Senator (R). The Salford MP agreed.\n");
        assert!(has(&ms, "Texas", "Texas", Kind::Place), "{ms:?}");
        assert!(has(&ms, "Salford", "Salford", Kind::Place), "{ms:?}");
        assert!(
            !ms.iter()
                .any(|(s, _, _)| s.ends_with("Senator") || s.ends_with("MP")),
            "{ms:?}"
        );
    }

    #[test]
    fn a_saint_or_a_junior_keeps_its_dot_inside_the_name() {
        let (ms, _) = names("T\n\nHe played for the St. Louis Cardinals. He moved to St. Louis later, with Ken Griffey Jr. and others.\n");
        assert!(has(&ms, "St. Louis", "St. Louis", Kind::Place), "{ms:?}");
        assert!(
            ms.iter().any(|(s, _, _)| s == "St. Louis Cardinals"),
            "{ms:?}"
        );
        assert!(!ms.iter().any(|(s, _, _)| s == "Louis"), "{ms:?}");
        assert!(
            ms.iter()
                .any(|(s, _, k)| s == "Ken Griffey Jr." && *k == Kind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_list_lends_no_kind_to_words_that_do_not_fit_it() {
        let (ms, _) = names("T\n\nShe thanked Paris Hilton, Jamie Foxx, Twin Peaks and Oliver Stone for the twin peaks.\n");
        assert!(!ms.iter().any(|(s, _, _)| s == "Twin Peaks"), "{ms:?}");
    }

    #[test]
    fn parts_of_places_lakes_and_teams_of_a_place() {
        let (ms, _) = names("T\n\nHe moved from West Germany to Lake Chad. He played for the Buffalo Bisons in the league. Alicia Keys sang.\n");
        assert!(
            has(&ms, "West Germany", "West Germany", Kind::Place),
            "{ms:?}"
        );
        assert!(has(&ms, "Lake Chad", "Lake Chad", Kind::Place), "{ms:?}");
        assert!(
            has(&ms, "Buffalo Bisons", "Buffalo Bisons", Kind::Organization),
            "{ms:?}"
        );
        assert!(
            !ms.iter()
                .any(|(s, _, k)| s == "Alicia Keys" && *k == Kind::Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn titles_with_a_complement_or_a_following_title_word_come_off_the_name() {
        let (ms, roles) = names("T\n\nGuests are US Secretary of State Condoleezza Rice and UN Secretary General Kofi Annan.\n");
        assert!(
            has(&ms, "Condoleezza Rice", "Condoleezza Rice", Kind::Person),
            "{ms:?}"
        );
        assert!(has(&ms, "Kofi Annan", "Kofi Annan", Kind::Person), "{ms:?}");
        assert!(
            roles.iter().any(|r| r.person == "Condoleezza Rice"
                && r.title == "Secretary of State"
                && r.of.as_deref() == Some("US")),
            "{roles:?}"
        );
    }

    #[test]
    fn the_names_on_either_side_of_a_result_are_teams_and_sets_are_played_by_people() {
        let (ms, _) = names(
            "T\n\nMan City 0-2 Man Utd\n\nRoger Federer beat Andy Roddick 6-3 6-4 in the final.\n",
        );
        assert!(
            has(&ms, "Man City", "Man City", Kind::Organization),
            "{ms:?}"
        );
        assert!(has(&ms, "Man Utd", "Man Utd", Kind::Organization), "{ms:?}");
        assert!(
            has(&ms, "Andy Roddick", "Andy Roddick", Kind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_title_that_is_a_place_hides_the_place_only_where_it_is_a_work() {
        let (ms, _) = names(
            "T\n\nTheir album Egypt sold well. Relations between Egypt and Israel improved.\n",
        );
        let places = ms
            .iter()
            .filter(|(s, _, k)| s == "Egypt" && *k == Kind::Place)
            .count();
        assert_eq!(places, 1, "{ms:?}");
    }

    #[test]
    fn an_adjective_shaped_town_before_a_measure_is_the_adjective() {
        let (ms, _) = names("T\n\nShe lost her Olympic 100m title in Olympic year. Fans in Oscars mood cheered those nominated for Oscars, composer Andrew Lloyd Webber among them.\n");
        assert!(
            !ms.iter().any(|(s, _, _)| s == "Olympic" || s == "Oscars"),
            "{ms:?}"
        );
    }

    #[test]
    fn a_title_after_a_is_no_role_and_a_given_name_is_no_town() {
        let (ms, roles) = names("T\n\nWhat a prime minister Gordon Brown would make. He read politicians such as David Lloyd George.\n");
        assert!(roles.is_empty(), "{roles:?}");
        assert!(
            has(
                &ms,
                "David Lloyd George",
                "David Lloyd George",
                Kind::Person
            ),
            "{ms:?}"
        );
    }

    #[test]
    fn a_city_with_its_initials_is_a_place_and_a_small_town_named_like_a_girl_is_not() {
        let (ms, _) = names("T\n\nThey met in Washington D.C. on Monday. Their child, Gloria, was ill. Gloria's skin hurt.\n");
        assert!(
            has(&ms, "Washington D.C.", "Washington D.C.", Kind::Place),
            "{ms:?}"
        );
        assert!(
            !ms.iter()
                .any(|(s, _, k)| s == "Gloria" && *k == Kind::Place),
            "{ms:?}"
        );
    }

    #[test]
    fn a_name_with_a_spokesman_is_a_body() {
        let (ms, _) = names("T\n\nA Fifa spokesman said no. The budget was set, and the Budget statement followed.\n");
        assert!(has(&ms, "Fifa", "Fifa", Kind::Organization), "{ms:?}");
        assert!(!ms.iter().any(|(s, _, _)| s == "Budget"), "{ms:?}");
    }

    #[test]
    fn a_head_word_after_the_is_the_last_body_named_with_it() {
        let (ms, _) =
            names("T\n\nShe left the Church of Scientology in May. The Church denied it.\n");
        assert!(
            has(&ms, "Church", "Church of Scientology", Kind::Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn names_with_connectors_and_heads() {
        let (ms, _) = names("T\n\nThey met the Ministry of Culture, Community and Youth and the Belt and Road Initiative team at the Hong Kong-Shanghai Cooperation Conference’s session.\n");
        assert!(
            has(
                &ms,
                "Ministry of Culture, Community and Youth",
                "Ministry of Culture, Community and Youth",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Belt and Road Initiative",
                "Belt and Road Initiative",
                Kind::Initiative
            ),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Hong Kong-Shanghai Cooperation Conference",
                "Hong Kong-Shanghai Cooperation Conference",
                Kind::Event
            ),
            "{ms:?}"
        );
    }

    #[test]
    fn a_country_s_initials_open_a_body_not_a_person() {
        let (ms, _) = names("Rates\n\nThe US Federal Reserve raised rates, and UK Coal said it would close a pit.\n");
        assert!(
            has(
                &ms,
                "US Federal Reserve",
                "US Federal Reserve",
                Kind::Organization
            ),
            "{ms:?}"
        );
        assert!(ms.iter().all(|(_, _, k)| *k != Kind::Person), "{ms:?}");
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let (ms, _) = names("T\n\nDespite the rain, Dunedin thrived. Additionally, he spoke. We did additionally. And despite it all.\n");
        assert!(
            ms.iter()
                .all(|(s, _, _)| s != "Despite" && s != "Additionally"),
            "{ms:?}"
        );
        assert!(has(&ms, "Dunedin", "Dunedin", Kind::Place), "{ms:?}");
    }

    #[test]
    fn an_acronym_named_once_as_a_body_is_one() {
        let (ms, _) = names("T\n\nHe joined the NHL in 1990 and studied at MIT before that.\n");
        assert!(has(&ms, "NHL", "NHL", Kind::Organization), "{ms:?}");
        assert!(has(&ms, "MIT", "MIT", Kind::Organization), "{ms:?}");
        // A word in capitals for emphasis, used in lowercase elsewhere, is no body.
        let (ms, _) = names("T\n\nWhat about the REAL artists? They are real people.\n");
        assert!(!ms.iter().any(|(s, _, _)| s == "REAL"), "{ms:?}");
        // A term modifies a noun more than it stands alone.
        let (ms, _) =
            names("T\n\nThe GDP figures rose and GDP growth slowed with the GDP deflator.\n");
        assert!(!ms.iter().any(|(s, _, _)| s == "GDP"), "{ms:?}");
    }

    #[test]
    fn places_named_with_a_connector_are_one_name() {
        let (ms, _) =
            names("T\n\nThey flew to Bosnia and Herzegovina, then to Newcastle upon Tyne.\n");
        assert!(
            has(
                &ms,
                "Bosnia and Herzegovina",
                "Bosnia and Herzegovina",
                Kind::Place
            ),
            "{ms:?}"
        );
        assert!(
            has(
                &ms,
                "Newcastle upon Tyne",
                "Newcastle upon Tyne",
                Kind::Place
            ),
            "{ms:?}"
        );
    }

    #[test]
    fn a_hall_of_fame_is_one_name_and_a_place_then_a_plural_a_team() {
        let (ms, _) = names("T\n\nHe was inducted into the Baseball Hall of Fame after years with the Boston Bruins.\n");
        assert!(
            ms.iter().any(|(s, _, _)| s == "Baseball Hall of Fame"),
            "{ms:?}"
        );
        assert!(
            has(&ms, "Boston Bruins", "Boston Bruins", Kind::Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn an_occupation_before_a_full_name_makes_it_a_person() {
        let (ms, _) = names("T\n\nThe deal was welcomed, said principal analyst Kobita Varkanes. The best supporting actress Academy Award went to a newcomer.\n");
        assert!(
            has(&ms, "Kobita Varkanes", "Kobita Varkanes", Kind::Person),
            "{ms:?}"
        );
        assert!(
            !ms.iter()
                .any(|(s, _, k)| s == "Academy Award" && *k == Kind::Person),
            "{ms:?}"
        );
    }

    #[test]
    fn hyphenated_adjectives_made_on_names_are_no_names() {
        let (ms, _) = names("T\n\nClive Dorran won. The Oscar-nominated Dorran thanked the Leeds-born writer. Paris-based Kelmora, a rival, and a Grammy Award-winning band played. The Zarnok-led force left.\n");
        let surfaces: Vec<&str> = ms.iter().map(|(s, _, _)| s.as_str()).collect();
        assert!(has(&ms, "Dorran", "Clive Dorran", Kind::Person), "{ms:?}");
        assert!(has(&ms, "Kelmora", "Kelmora", Kind::Organization), "{ms:?}");
        for junk in [
            "Oscar-nominated",
            "Leeds-born",
            "Paris-based",
            "Grammy",
            "Zarnok-led",
        ] {
            assert!(
                !surfaces.iter().any(|s| s.contains(junk)),
                "{junk} in {surfaces:?}"
            );
        }
    }
}

#[cfg(test)]
mod work_tests {
    use super::*;

    #[test]
    fn titles_of_works_are_not_people() {
        let a = crate::parse::parse_text(
            "Oscars\n\nThe drama Vera Drake won praise. Vera Drake was made by Mike Leigh, who said so.\n",
        );
        let lex = Lexicon::from_articles(std::slice::from_ref(&a));
        assert!(lex.is_work("Vera Drake"));
        let units = Units::of(&a.text, &crate::parse::text_units(&a));
        let (ms, _) = extract_names(&a, &units, &lex);
        assert!(ms.iter().all(|m| m.canonical != "Vera Drake"), "{ms:?}");
        assert!(ms.iter().any(|m| m.canonical == "Mike Leigh"), "{ms:?}");
    }
}

/// Words of sport reporting that make an article a sport report, and how many of them must
/// differ.
const SPORT_REPORT_WORDS: usize = 5;
const SPORT_REPORT_DISTINCT: usize = 3;

/// In a sport report, a place that competes is its club or team: "joined Tottenham", "beat
/// Chelsea", "at Blackburn", "Leeds beat", "Chelsea striker". Its mention is read as an
/// organisation.
fn teams_in_sport(text: &str, mentions: &mut [NameMention]) {
    let g = gazetteer::get();
    for m in mentions.iter_mut() {
        let (kind, _) = m.scores.best();
        if kind != Kind::Place || m.canonical.split_whitespace().count() > 3 {
            continue;
        }
        let Some(place) = g.place(&m.canonical) else {
            continue;
        };
        let before = text[..m.span.start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        let after = text[m.span.end..]
            .trim_start_matches(['\'', '’', 's'])
            .trim_start()
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        // "at", "for" and "from" name a club only for a town; a country after them is a place
        // ("at England's expense" aside).
        let weak = matches!(before, "at" | "for" | "from");
        let competes = (COMPETITOR_BEFORE.contains(&before)
            && !(weak && place.kind != PlaceKind::City))
            || COMPETITOR_AFTER.contains(&after);
        if competes {
            m.scores.add(Kind::Organization, 10.0);
        }
    }
}
