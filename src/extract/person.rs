//! People and officials: names without honorifics and degrees, ranks, titles before and
//! after the name and in apposition, and later mentions by a short name or a bare title.
//!
//! The extractor reads its own word list from `doc.text` (letters, digits and inner
//! apostrophes and hyphens; every other character a punctuation item): names need the
//! periods of initials and degrees, and capitalized words whole. It runs in three passes:
//!
//! 1. Find people with evidence, left to right: a title before the name ("Wali Kota
//!    Palembang Ratu Dewa", "Kepala Bagian Ortala, Nurmala Sari"), an honorific or a rank
//!    ("H. Herman Deru", "AKBP Driyano"), a cue word ("kata Dewa", "Dewa menerangkan",
//!    "menurut Nurmala"), a given name from `data/person/nama.txt`, or a capitalized word
//!    sequence that no lexicon or context marks as a place, an organization or a common
//!    word. A title after the name ("Nurmala Sari, Kepala Bagian ...") attaches to it.
//! 2. Merge the findings: a name that is part of a longer one is the same person.
//! 3. Find every later mention: the full name, a part of it ("Dewa"), and a bare title
//!    ("Sekda") when only one person in the article holds it.

use std::cell::RefCell;
use std::sync::LazyLock;

use crate::calendar;
use crate::extract::org::Organizations;
use crate::extract::{Doc, org, place};
use crate::lexicon::{self, FastMap, FastSet};
use crate::span::Span;
use crate::words::{self, Word};

/// The embedded lexicon files of this extractor.
mod lexicons {
    /// Title heads with their kind (official, regional, context, other, prefix, kin).
    pub const TITLES: &str = include_str!("../../data/official/jabatan.txt");
    /// Honorifics written before a name.
    pub const HONORIFICS: &str = include_str!("../../data/official/gelar.txt");
    /// Academic degrees written after a name.
    pub const DEGREES: &str = include_str!("../../data/official/gelar_akademik.txt");
    /// Police and military ranks.
    pub const RANKS: &str = include_str!("../../data/official/pangkat.txt");
    /// Words of organization names inside titles; `gov` marks public bodies.
    pub const ORG_WORDS: &str = include_str!("../../data/official/instansi.txt");
    /// Short forms of offices and the full titles they stand for.
    pub const TITLE_SHORT_FORMS: &str = include_str!("../../data/official/singkatan_jabatan.txt");
    /// Given names and name particles.
    pub const GIVEN_NAMES: &str = include_str!("../../data/person/nama.txt");
    /// Capitalized words that are not names: common words, places, organization heads.
    pub const NOT_NAMES: &str = include_str!("../../data/person/bukan_nama.txt");
    /// Cue words before or after a name.
    pub const CUES: &str = include_str!("../../data/person/konteks.txt");
    /// Words of direction that end a place's name.
    pub const DIRECTIONS: &str = include_str!("../../data/person/arah.txt");
    /// Words after which a capitalized word names a place.
    pub const PLACE_MARKERS: &str = include_str!("../../data/person/penanda_tempat.txt");
}

/// A title phrase written next to a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Where it is written.
    pub span: Span,
    /// The role ("Kepala Bagian", "Wali Kota"), when the phrase splits.
    pub role: Option<String>,
    /// The organization part ("Ortala Setda Kota Palembang"), when the phrase splits.
    pub organization: Option<String>,
    /// True when the title is a public office.
    pub official: bool,
}

/// A named person and every place the text refers to them by name or title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name, without honorifics, degrees and rank.
    pub name: String,
    /// Honorifics written with the name (H., Hj., Dr., Ir., Drs., Prof., Bapak, Ibu, KH).
    pub honorifics: Vec<String>,
    /// Academic degrees written with the name (S.Pd., M.Si., S.H., M.M., S.STP).
    pub degrees: Vec<String>,
    /// A police or military rank (AKBP, Kompol, Letkol Inf).
    pub rank: Option<String>,
    /// Title phrases, in text order.
    pub titles: Vec<Title>,
    /// True when a title is a public office.
    pub official: bool,
    /// Other forms used for the person by name ("Dewa" for "Ratu Dewa").
    pub aliases: Vec<String>,
    /// Where the person is named: the full name, short names, and a bare title ("Sekda")
    /// when only this person holds it in the article.
    pub mentions: Vec<Span>,
    /// The rule that found the person first.
    pub source: &'static str,
}

/// Finds the people of `doc`, using the organizations already found there.
pub fn extract(doc: &Doc<'_>, organizations: &Organizations) -> Vec<Person> {
    let words = Words::new(doc);
    if words.items.is_empty() {
        return Vec::new();
    }
    let mut org_spans: Vec<Span> = organizations
        .organizations
        .iter()
        .flat_map(|o| o.mentions.iter().copied())
        .collect();
    org_spans.sort_by_key(|s| (s.start, s.end));
    let places = doc_places(&words);
    let cued = doc_cued(&words);
    let finder = Finder {
        w: &words,
        places: &places,
        cued: &cued,
        org_spans: &org_spans,
        // Sized for the capitalized words of a long article: grown from empty, the table
        // was rebuilt four or five times an article.
        classes: RefCell::new(FastMap::with_capacity_and_hasher(words.len() / 8, Default::default())),
    };
    let (found, bare_titles) = finder.find_all();
    let mut people = merge(&words, found);
    add_mentions(&words, &mut people, &bare_titles);
    people
        .into_iter()
        .map(|p| {
            let official = p.titles.iter().any(|t| t.official);
            let mut mentions = p.mentions;
            mentions.sort_by_key(|s| (s.start, s.end));
            mentions.dedup();
            Person {
                name: p.name,
                honorifics: p.honorifics,
                degrees: p.degrees,
                rank: p.rank,
                titles: p.titles,
                official,
                aliases: p.aliases,
                mentions,
                source: p.source,
            }
        })
        .collect()
}

// ----------------------------------------------------------------------------------------
// Lexicons

/// What a title head is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleKind {
    /// A public office wherever it stands.
    Official,
    /// A public office whose region comes right after it, before the name.
    Regional,
    /// Public when its organization is a public body.
    Context,
    /// A role, not an office.
    Other,
    /// A modifier before a title (Plt., Wakil, Penjabat).
    Prefix,
    /// A relation, a title only in lowercase.
    Kin,
}

/// Word flags from the single-word lexicons.
mod flag {
    pub const GIVEN: u32 = 1;
    pub const PARTICLE: u32 = 1 << 1;
    pub const NOT_NAME: u32 = 1 << 2;
    pub const ORG_HEAD: u32 = 1 << 3;
    pub const PLACE: u32 = 1 << 4;
    pub const ORG_WORD: u32 = 1 << 5;
    pub const GOV: u32 = 1 << 6;
    pub const CUE_BEFORE: u32 = 1 << 7;
    pub const CUE_AFTER: u32 = 1 << 8;
    pub const DIRECTION: u32 = 1 << 9;
    pub const NAME_PREFIX: u32 = 1 << 10;
    pub const TITLE_HEAD: u32 = 1 << 11;
    pub const PLACE_MARKER: u32 = 1 << 12;
    pub const HONORIFIC: u32 = 1 << 13;
    pub const CUE_WEAK: u32 = 1 << 14;
    /// A given name that is also a common word ("Lalu", "La"): no evidence alone, but never
    /// an organization word before a name either.
    pub const WEAK_GIVEN: u32 = 1 << 15;
    /// The first word of a title phrase, kin included.
    pub const TITLE_FIRST: u32 = 1 << 16;
    /// The first word of a rank.
    pub const RANK_FIRST: u32 = 1 << 17;
    /// A word that a degree starts with ("s" of "S.Pd.", "sh").
    pub const DEGREE_PART: u32 = 1 << 18;
    /// A plain one-word given name ("Siti"; not "Anak" of "Anak Agung").
    pub const GIVEN_ALONE: u32 = 1 << 19;
    /// A word of time ("Tahun", "Pagi").
    pub const TIME: u32 = 1 << 20;
    /// A weekday's name.
    pub const WEEKDAY: u32 = 1 << 21;
    /// A month's name or short form.
    pub const MONTH: u32 = 1 << 22;
    /// The first word of a city or regency of several words ("Intan" of "Intan Jaya").
    pub const REGION_FIRST: u32 = 1 << 23;
    /// Every flag of the people lexicons (the others are [`words::gate`]s).
    pub const PEOPLE: u32 = (1 << 24) - 1;
}

/// Multi-word phrases keyed by their first word, lowercase, longest first.
struct Phrases<V> {
    by_first: FastMap<String, Vec<(Vec<String>, V)>>,
    /// The flag every first word carries: other words skip the lookup.
    gate: u32,
}

impl<V: Copy> Phrases<V> {
    fn new(entries: impl Iterator<Item = (String, V)>, gate: u32) -> Self {
        let mut by_first: FastMap<String, Vec<(Vec<String>, V)>> = FastMap::default();
        for (surface, value) in entries {
            let words: Vec<String> = surface
                .split([' ', '.'])
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((words, value));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Phrases { by_first, gate }
    }
}

struct Lexicons {
    words: lexicon::ShortWordMap,
    titles: Phrases<TitleKind>,
    ranks: Phrases<()>,
    /// Cities and regencies of several words ("Intan Jaya", "Musi Banyuasin").
    regions: Phrases<()>,
    honorifics: FastMap<String, bool>,
    degrees: FastSet<String>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let mut words: FastMap<String, u32> = FastMap::default();
    let mut add = |w: &str, f: u32| *words.entry(w.to_lowercase()).or_default() |= f;
    for e in lexicon::entries(lexicons::GIVEN_NAMES) {
        let f = match e.value {
            Some("particle") => flag::PARTICLE,
            Some("prefix") => flag::NAME_PREFIX | flag::GIVEN,
            Some("weak") => flag::WEAK_GIVEN,
            _ => flag::GIVEN,
        };
        for w in e.surface.split(' ') {
            add(w, f);
        }
        if e.value.is_none() && !e.surface.contains(' ') {
            add(e.surface, flag::GIVEN_ALONE);
        }
    }
    for e in lexicon::entries(lexicons::NOT_NAMES) {
        let f = match e.value {
            Some("org") => flag::NOT_NAME | flag::ORG_HEAD,
            Some("place") => flag::NOT_NAME | flag::PLACE,
            Some("time") => flag::NOT_NAME | flag::TIME,
            _ => flag::NOT_NAME,
        };
        add(e.surface, f);
    }
    // Cities and regencies named bare ("Ketua Bawaslu Indramayu Nurhadi"): a place ends a
    // title's body, though it is no bar to a name (some are names too).
    for list in [place::lexicons::CITIES, place::lexicons::REGENCIES] {
        for e in lexicon::entries(list).filter(|e| !e.surface.contains(' ')) {
            add(e.surface, flag::PLACE);
        }
    }
    for e in lexicon::entries(lexicons::ORG_WORDS) {
        let f = match e.value {
            Some("gov") => flag::ORG_WORD | flag::GOV,
            _ => flag::ORG_WORD,
        };
        add(e.surface, f);
    }
    for e in lexicon::entries(lexicons::CUES) {
        let f = match e.value {
            Some("after") => flag::CUE_AFTER,
            Some("weak") => flag::CUE_BEFORE | flag::CUE_WEAK,
            _ => flag::CUE_BEFORE,
        };
        add(e.surface, f);
    }
    for e in lexicon::entries(lexicons::DIRECTIONS) {
        add(e.surface, flag::DIRECTION);
    }
    for e in lexicon::entries(lexicons::PLACE_MARKERS) {
        add(e.surface, flag::PLACE_MARKER);
    }
    let titles = Phrases::new(
        lexicon::entries(lexicons::TITLES).map(|e| {
            let kind = match e.value {
                Some("official") => TitleKind::Official,
                Some("regional") => TitleKind::Regional,
                Some("prefix") => TitleKind::Prefix,
                Some("kin") => TitleKind::Kin,
                Some("other") => TitleKind::Other,
                _ => TitleKind::Context,
            };
            (e.surface.to_string(), kind)
        }),
        flag::TITLE_FIRST,
    );
    for (first, list) in &titles.by_first {
        if list.iter().any(|(_, k)| *k != TitleKind::Kin) {
            add(first, flag::TITLE_HEAD);
        }
    }
    let ranks = Phrases::new(
        lexicon::entries(lexicons::RANKS).map(|e| (e.surface.to_string(), ())),
        flag::RANK_FIRST,
    );
    let regions = Phrases::new(
        [place::lexicons::CITIES, place::lexicons::REGENCIES]
            .into_iter()
            .flat_map(lexicon::entries)
            .filter(|e| e.surface.contains(' '))
            .map(|e| (e.surface.to_string(), ())),
        flag::REGION_FIRST,
    );
    for first in regions.by_first.keys() {
        add(first, flag::REGION_FIRST);
    }
    for first in titles.by_first.keys() {
        add(first, flag::TITLE_FIRST);
    }
    for first in ranks.by_first.keys() {
        add(first, flag::TITLE_HEAD | flag::RANK_FIRST);
    }
    let honorifics: FastMap<String, bool> = lexicon::entries(lexicons::HONORIFICS)
        .map(|e| (e.surface.replace('.', "").to_lowercase(), e.value == Some("weak")))
        .collect();
    for h in honorifics.keys() {
        add(h, flag::HONORIFIC);
    }
    let degrees: FastSet<String> = lexicon::entries(lexicons::DEGREES)
        .map(|e| e.surface.replace(['.', ' '], "").to_lowercase())
        .collect();
    for d in &degrees {
        for (n, _) in d.char_indices().skip(1) {
            add(&d[..n], flag::DEGREE_PART);
        }
        add(d, flag::DEGREE_PART);
    }
    // Weekdays and months end names; flagged here so a name's words need no lookups of
    // their own. "Jum'at" is also written with a typographic apostrophe.
    for day in calendar::weekday_names() {
        for apostrophe in ["'", "’", "‘"] {
            add(&day.replace('\'', apostrophe), flag::WEEKDAY);
        }
    }
    for month in calendar::month_names() {
        add(month.trim_end_matches('.'), flag::MONTH);
    }
    // The other extractors' phrase lexicons, so that their words are flagged in the same
    // lookup as people's.
    for first in org::phrase_first_words() {
        add(&first, words::gate::ORGANIZATION);
    }
    for first in place::phrase_first_words() {
        add(&first, words::gate::PLACE);
    }
    Lexicons {
        words: lexicon::ShortWordMap::new(words),
        titles,
        ranks,
        regions,
        honorifics,
        degrees,
    }
});

/// Whether `word` (any case) is a listed given name that is no common word as well
/// ("Siti", "Budi"; not "Lalu"): organizations use it to stop a name where a person's begins.
pub(crate) fn is_given_name(word: &str) -> bool {
    lexicon::with_lowercase(word, |lower| {
        LEXICONS
            .words
            .get(lower)
            .is_some_and(|f| f & flag::GIVEN_ALONE != 0 && f & flag::NOT_NAME == 0)
    })
}

/// What the dictionary says of a lowercase word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// A root the dictionary knows ("pasal").
    Root,
    /// Affixes around a known root ("istrinya", "pengembangan").
    Derived,
    /// Neither: a name, a foreign word, a misspelling.
    Unknown,
}

fn word_class(lower: &str) -> WordClass {
    if lexicon::is_root(lower) {
        return WordClass::Root;
    }
    if lexicon::with_stem(lower, |stem| affixed(lower, stem)) {
        WordClass::Derived
    } else {
        WordClass::Unknown
    }
}

/// `stem` is a known root that `lower` adds affixes to. A lone "-i" does not count: names
/// end in it ("Doli", "Hendri") far more often than capitalized verbs do.
fn affixed(lower: &str, stem: &str) -> bool {
    stem != lower
        && stem.len() >= 3
        && !(lower.len() == stem.len() + 1 && lower.ends_with('i') && lower.starts_with(stem))
        && lexicon::is_root(stem)
}

// ----------------------------------------------------------------------------------------
// Words

/// The article's words ([`Doc::words`]), with the flags of [`word_flags`].
struct Words<'a> {
    text: &'a str,
    items: &'a [Word],
    lower: &'a str,
}

/// The flags the word lexicons give a word (people's, and the [`words::gate`]s of the other
/// extractors' phrase lexicons), from its lowercase form; [`Doc::words`] asks
/// it of every word.
pub(crate) fn word_flags(lower: &str) -> u32 {
    let words = &LEXICONS.words;
    // Longer words, a good share of them, skip the lookup.
    if lower.len() <= words.longest_key() {
        words.get(lower).unwrap_or(0)
    } else {
        0
    }
}

impl<'a> Words<'a> {
    fn new(doc: &'a Doc<'_>) -> Self {
        let shared = doc.words();
        Words {
            text: doc.text,
            items: shared.items(),
            lower: shared.lowercase_forms(),
        }
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    fn text(&self, i: usize) -> &'a str {
        &self.text[self.items[i].start..self.items[i].end]
    }

    fn low(&self, i: usize) -> &'a str {
        match self.items[i].lower {
            Some((a, b)) => &self.lower[a as usize..b as usize],
            None => self.text(i),
        }
    }

    fn is(&self, i: usize, s: &str) -> bool {
        i < self.len() && self.text(i) == s
    }

    fn word(&self, i: usize) -> bool {
        i < self.len() && self.items[i].word
    }

    fn flags(&self, i: usize) -> u32 {
        if i < self.len() { self.items[i].flags } else { 0 }
    }

    fn has(&self, i: usize, f: u32) -> bool {
        self.flags(i) & f != 0
    }

    /// A period written right after word `i`, with no space.
    fn dot_after(&self, i: usize) -> bool {
        i + 1 < self.len() && self.text(i + 1) == "." && !self.items[i + 1].space_before
    }

    fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.items[first].start, self.items[last].end)
    }

    /// Matches a phrase of `phrases` at `i`, skipping periods between and after its words:
    /// the index after it and its value.
    fn phrase<V: Copy>(&self, phrases: &Phrases<V>, i: usize) -> Option<(usize, V)> {
        if !self.word(i) || !self.has(i, phrases.gate) {
            return None;
        }
        let list = phrases.by_first.get(self.low(i))?;
        'entry: for (words, value) in list {
            let mut j = i;
            for (n, w) in words.iter().enumerate() {
                if n > 0 {
                    if self.is(j, ".") {
                        j += 1;
                    }
                    if !self.word(j) || self.low(j) != w {
                        continue 'entry;
                    }
                }
                j += 1;
            }
            if self.is(j, ".") && !self.items[j].space_before && self.word(j + 1) && !self.items[j + 1].initial {
                j += 1;
            }
            return Some((j, *value));
        }
        None
    }
}

/// Capitalized words that follow a place marker ("Kabupaten Konawe", "di Pondidaha"):
/// places of this article, whatever the lexicons know.
fn doc_places<'a>(w: &Words<'a>) -> FastSet<&'a str> {
    let mut places = FastSet::default();
    for i in 0..w.len() {
        // "Wali Kota Ratu Dewa": "Kota" of a title marks no place.
        if !w.has(i, flag::PLACE_MARKER) || (i > 0 && w.low(i - 1) == "wali") {
            continue;
        }
        let mut j = i + 1;
        if w.is(j, ".") {
            j += 1;
        }
        if w.word(j) && w.items[j].cap && !w.has(j, flag::GIVEN | flag::TITLE_HEAD | flag::HONORIFIC) {
            places.insert(w.text(j));
            if w.has(j + 1, flag::DIRECTION) {
                places.insert(w.text(j + 1));
            }
        }
    }
    places
}

/// Capitalized words written alone next to a cue ("kata Alissa", "Rully menambahkan"):
/// short names of this article's people. A title's organization part ends before them.
fn doc_cued<'a>(w: &Words<'a>) -> FastSet<&'a str> {
    let mut cued = FastSet::default();
    let alone = |k: usize| {
        w.word(k)
            && w.items[k].cap
            && !w.items[k].upper
            && !(k > 0 && w.items[k - 1].word && w.items[k - 1].cap && !w.items[k - 1].initial)
            && !(w.word(k + 1) && w.items[k + 1].cap)
            && !w.has(k, flag::NOT_NAME | flag::TITLE_HEAD | flag::ORG_WORD)
    };
    for i in 0..w.len() {
        let f = w.items[i].flags;
        if f & flag::CUE_BEFORE != 0 && f & flag::CUE_WEAK == 0 && alone(i + 1) {
            cued.insert(w.text(i + 1));
        } else if f & flag::CUE_AFTER != 0 && !w.items[i].cap && i > 0 && alone(i - 1) {
            cued.insert(w.text(i - 1));
        }
    }
    cued
}

// ----------------------------------------------------------------------------------------
// Pass 1: findings

/// What stands by a candidate name, vouching for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// A title, role or age next to it.
    Near,
    /// A cue word such as a speech verb right before it ("kata Meles").
    Word,
}

/// A person found with evidence, before merging.
#[derive(Debug, Clone)]
struct Found {
    /// First and last word of the name.
    first: usize,
    last: usize,
    honorifics: Vec<String>,
    degrees: Vec<String>,
    rank: Option<String>,
    titles: Vec<(Title, String)>,
    source: &'static str,
}

/// A name parsed at a position: honorifics, rank, name words, degrees.
#[derive(Debug, Clone)]
struct NameMatch {
    first: usize,
    last: usize,
    /// The index after the name and its degrees.
    next: usize,
    honorifics: Vec<String>,
    degrees: Vec<String>,
    rank: Option<String>,
}

/// A title phrase: where it starts, its head, its organization part.
#[derive(Debug, Clone, Copy)]
struct TitleMatch {
    start: usize,
    /// Index after the prefixes and the head.
    head_end: usize,
    /// Index where the head (after prefixes) starts.
    head_start: usize,
    kind: TitleKind,
}

/// A title written alone, without a name: a later mention of its holder.
#[derive(Debug, Clone, Copy)]
struct BareTitle {
    head: (usize, usize),
    span: Span,
}

struct Finder<'w, 'a> {
    w: &'w Words<'a>,
    places: &'w FastSet<&'a str>,
    /// Words that stand alone next to a speech cue ("kata Alissa"): short names.
    cued: &'w FastSet<&'a str>,
    org_spans: &'w [Span],
    /// Dictionary answers already computed for this article: stemming is the costliest
    /// step of the extractor, and the same capitalized words come back.
    classes: RefCell<FastMap<&'w str, WordClass>>,
}

impl<'w> Finder<'w, '_> {
    /// The dictionary class of word `k`, computed once per article and word.
    fn class(&self, k: usize) -> WordClass {
        let low: &'w str = self.w.low(k);
        if let Some(&c) = self.classes.borrow().get(low) {
            return c;
        }
        let c = word_class(low);
        self.classes.borrow_mut().insert(low, c);
        c
    }

    /// A common Indonesian word, or one derived from a root the dictionary knows
    /// ("Penyerahan", "Pasalnya").
    fn common_word(&self, k: usize) -> bool {
        self.class(k) != WordClass::Unknown
    }

    fn find_all(&self) -> (Vec<Found>, Vec<BareTitle>) {
        let w = self.w;
        let mut found = Vec::new();
        let mut bare = Vec::new();
        let mut i = 0;
        while i < w.len() && w.items[i].in_title {
            i += 1;
        }
        while i < w.len() {
            match self.at(i, &mut found, &mut bare) {
                Some(next) => i = next.max(i + 1),
                None => i += 1,
            }
        }
        self.coordinated(&mut found);
        (found, bare)
    }

    /// Names joined to a person's by "dan" or "serta" are people too: "Kevin De Bruyne dan
    /// Fernandinho", "Ibra dan Adrien Rabiot". Found names vouch for their neighbours, which
    /// vouch for theirs in turn. A neighbour made of dictionary words ("Risiko dan Aset")
    /// is a title-cased phrase, not a name.
    fn coordinated(&self, found: &mut Vec<Found>) {
        let w = self.w;
        let joins = |k: usize| w.is(k, "dan") || w.is(k, "serta");
        let covered = |found: &[Found], a: usize, b: usize| found.iter().any(|f| f.first <= b && a <= f.last);
        let mut k = 0;
        while k < found.len() {
            let (first, last) = (found[k].first, found[k].last);
            k += 1;
            // A run of capitalized words without a known given name ("Allianz Ecopark")
            // vouches for no one.
            if found[k - 1].source == "rule:person/capitalized" && !(first..=last).any(|j| w.has(j, flag::GIVEN)) {
                continue;
            }
            let mut candidates = Vec::new();
            if joins(last + 1) {
                candidates.extend(self.name_at(last + 2).filter(|m| m.first == last + 2));
            }
            if first >= 2 && joins(first - 1) {
                let end = first - 2;
                let mut start = end;
                while start > 0 && w.word(start - 1) && w.items[start - 1].cap && end - start < 3 {
                    start -= 1;
                }
                candidates.extend(
                    (start..=end)
                        .filter_map(|s| self.name_at(s))
                        .find(|m| m.last == end && m.next == first - 1),
                );
            }
            for m in candidates {
                if !covered(found, m.first, m.last)
                    && m.honorifics.is_empty()
                    && !w.has(
                        m.first,
                        flag::TITLE_HEAD | flag::ORG_WORD | flag::ORG_HEAD | flag::NOT_NAME,
                    )
                    && (m.first..=m.last).all(|j| w.has(j, flag::GIVEN) || !self.common_word(j))
                    && self.plausible(&m, Cue::None)
                {
                    found.push(self.found(m, "rule:person/coordinated"));
                }
            }
        }
    }

    /// Tries every rule at word `i`; returns the index after what it consumed.
    fn at(&self, i: usize, found: &mut Vec<Found>, bare: &mut Vec<BareTitle>) -> Option<usize> {
        let w = self.w;
        // Every rule starts at a capitalized word or at one a lexicon lists: most words are
        // neither.
        if !w.items[i].word || !w.items[i].cap && w.items[i].flags & flag::PEOPLE == 0 {
            return None;
        }
        let title = self.title_at(i);
        let rank = if w.items[i].cap && w.has(i, flag::TITLE_HEAD) {
            w.phrase(&LEXICONS.ranks, i)
        } else {
            None
        };
        // "Komisaris Besar Yusri": a rank longer than the title it starts with is a rank.
        let rank_first = matches!((rank, title), (Some((r, ())), Some(t)) if t.head_start == i && r > t.head_end);
        if let Some(t) = title
            && !rank_first
        {
            return Some(self.title_rule(t, found, bare));
        }
        if (w.items[i].cap || w.is(i, "dr"))
            && (w.has(i, flag::HONORIFIC) || rank.is_some())
            && let Some(m) = self.name_at(i)
            && (!m.honorifics.is_empty() || m.rank.is_some())
        {
            let next = m.next;
            let mut f = self.found(m, "rule:person/honorific_name");
            let next = self.title_after(next, &mut f);
            found.push(f);
            return Some(next);
        }
        if let Some(t) = title {
            return Some(self.title_rule(t, found, bare));
        }
        if w.has(i, flag::CUE_BEFORE) {
            let mut j = i + 1;
            if w.is(j, ",") || w.is(j, ":") {
                j += 1;
            }
            if let Some(mut m) = self.name_at(j)
                && {
                    self.trim_front(&mut m);
                    self.plausible(&m, Cue::Word)
                }
                && (!w.has(i, flag::CUE_WEAK) || self.name_like(&m))
            {
                let next = m.next;
                let mut f = self.found(m, "rule:person/cue_name");
                let next = self.title_after(next, &mut f);
                found.push(f);
                // "bernama Nono dan Anjelus": the cue covers a second name after "dan".
                if w.is(next, "dan")
                    && let Some(m2) = self.name_at(next + 1)
                    && m2.first == next + 1
                    && self.plausible(&m2, Cue::Word)
                    && !w.has(m2.first, flag::TITLE_HEAD | flag::ORG_WORD | flag::ORG_HEAD)
                    && (m2.first == m2.last || self.name_like(&m2))
                {
                    let next2 = m2.next;
                    found.push(self.found(m2, "rule:person/cue_name"));
                    return Some(next2);
                }
                return Some(next);
            }
            return None;
        }
        if w.items[i].cap && w.has(i, flag::ORG_HEAD) && !w.has(i, flag::GIVEN) {
            // "Griya Agung", "Universitas Gadjah Mada": the capitalized words after an
            // organization head name it.
            // "SMP Negeri 1 Balambangan", "Jalan H.O.S. Cokroaminoto": numbers and the
            // periods of abbreviations stay inside the name.
            let mut j = i + 1;
            loop {
                if w.word(j) && (w.items[j].cap || w.text(j).bytes().all(|b| b.is_ascii_digit())) {
                    j += 1;
                } else if w.dot_after(j - 1)
                    && w.text(j - 1).len() <= 3
                    && w.word(j + 1)
                    && w.items[j + 1].cap
                    && !w.items[j + 1].initial
                {
                    j += 1;
                } else {
                    break;
                }
            }
            return Some(j);
        }
        if w.items[i].cap {
            return self.capitalized(i, found);
        }
        None
    }

    /// A title at `i`: with its holder's name, or bare (a later mention of its holder).
    fn title_rule(&self, t: TitleMatch, found: &mut Vec<Found>, bare: &mut Vec<BareTitle>) -> usize {
        let w = self.w;
        if let Some(next) = self.title_then_name(t, found) {
            return next;
        }
        // A bare title: remember it for the mention pass.
        if t.kind != TitleKind::Prefix && t.kind != TitleKind::Kin && w.items[t.head_start].cap {
            let end = t.head_end - usize::from(w.is(t.head_end - 1, "."));
            bare.push(BareTitle {
                head: (t.head_start, end),
                span: w.span(t.start, t.head_end - 1),
            });
        }
        t.head_end
    }

    fn found(&self, m: NameMatch, source: &'static str) -> Found {
        Found {
            first: m.first,
            last: m.last,
            honorifics: m.honorifics,
            degrees: m.degrees,
            rank: m.rank,
            titles: Vec::new(),
            source,
        }
    }

    /// A capitalized sequence at `i` without a title, honorific or cue before it.
    fn capitalized(&self, i: usize, found: &mut Vec<Found>) -> Option<usize> {
        let w = self.w;
        let mut m = self.name_at(i)?;
        let next = m.next;
        let after_cue = w.has(m.next, flag::CUE_AFTER) || (w.is(m.next, ",") && w.has(m.next + 1, flag::CUE_AFTER));
        // The first word of a sentence is capitalized anyway: a common word there is no name.
        if w.items[m.first].initial && !w.has(m.first, flag::GIVEN) && self.common_word(m.first) {
            if m.first == m.last {
                return Some(next);
            }
            m.first += 1;
        }
        if after_cue {
            self.trim_front(&mut m);
        }
        // "(A Fazari)." closing the article: the writer's credit, not a person of the news.
        if m.first > 0 && w.is(m.first - 1, "(") && w.is(m.next, ")") && (m.next + 1..w.len()).all(|k| !w.items[k].word)
        {
            return Some(next);
        }
        let aged = self.age_after(m.next);
        let accept = if after_cue {
            self.plausible(&m, Cue::Near)
        } else if aged {
            self.plausible(&m, Cue::Near) && self.named_by_age(&m)
        } else {
            self.plausible(&m, Cue::None) && self.name_like(&m)
        };
        if !accept {
            return Some(next);
        }
        let source = if after_cue {
            "rule:person/name_cue"
        } else if aged && !w.has(m.first, flag::GIVEN) {
            "rule:person/name_age"
        } else if w.has(m.first, flag::GIVEN) {
            "lexicon:person/nama"
        } else {
            "rule:person/capitalized"
        };
        let mut f = self.found(m, source);
        let next = self.title_after(next, &mut f);
        found.push(f);
        Some(next)
    }

    /// An age in brackets at word `k`: "Rodney Petersen (30) mengaku", as news gives the age
    /// of people it names.
    fn age_after(&self, k: usize) -> bool {
        let w = self.w;
        w.is(k, "(")
            && w.word(k + 1)
            && w.is(k + 2, ")")
            && matches!(w.text(k + 1).len(), 1..=3)
            && w.text(k + 1).bytes().all(|b| b.is_ascii_digit())
    }

    /// Words before an age are a name when one of them is a given name or a word no
    /// dictionary knows: "Pasal 11 Ayat (1)" numbers a clause, and an organization word
    /// ("Tim (5)") names a body.
    fn named_by_age(&self, m: &NameMatch) -> bool {
        let w = self.w;
        let mut evidence = false;
        for k in m.first..=m.last {
            if !w.items[k].word || w.has(k, flag::PARTICLE) {
                continue;
            }
            if w.has(k, flag::ORG_WORD | flag::NOT_NAME) && !w.has(k, flag::GIVEN) {
                return false;
            }
            // A derived word counts beside others ("Petersen"), not alone.
            evidence |= w.has(k, flag::GIVEN)
                || match self.class(k) {
                    WordClass::Unknown => true,
                    WordClass::Derived => m.first != m.last,
                    WordClass::Root => false,
                };
        }
        evidence
    }

    /// Not a place, organization or acronym by its context. With a cue standing by, only
    /// the lexicons can overrule it.
    fn plausible(&self, m: &NameMatch, cue: Cue) -> bool {
        let w = self.w;
        let cued = cue != Cue::None;
        let span = w.span(m.first, m.last);
        let words = m.first..=m.last;
        let single = m.first == m.last;
        if single && self.places.contains(w.text(m.first)) && !w.has(m.first, flag::GIVEN) {
            return false;
        }
        // "warga Waci Kecamatan Maba": a village before the district it lies in.
        if single
            && w.has(m.next, flag::PLACE_MARKER)
            && w.items[m.next].cap
            && w.word(m.next + 1)
            && w.items[m.next + 1].cap
        {
            return false;
        }
        // "Istrinya", "Terpilih": a word derived from a common root is no name. Next to a
        // cue ("kata Meles") an affixed look is a coincidence, unless a clitic ends it.
        if single
            && !w.has(m.first, flag::GIVEN)
            && self.class(m.first) == WordClass::Derived
            && (cue != Cue::Word || w.low(m.first).ends_with("nya"))
        {
            return false;
        }
        // "OPD", "KPU": a long acronym alone is an organization, unless it is an actor's
        // initials after a role ("pelaku KR"); so is one the organizations found ("kata WHO").
        if single
            && w.items[m.first].upper
            && (w.has(m.first, flag::ORG_WORD | flag::NOT_NAME)
                || self
                    .org_spans
                    .iter()
                    .any(|o| o.start <= span.start && span.end <= o.end))
        {
            return false;
        }
        // "Bulog Sulselbar menjelaskan": a cue does not make a person of an organization
        // named exactly so.
        if self
            .org_spans
            .iter()
            .any(|o| o.start == span.start && o.end == span.end)
        {
            return false;
        }
        if cued {
            return true;
        }
        if self
            .org_spans
            .iter()
            .any(|o| o.start <= span.start && span.end <= o.end)
        {
            return false;
        }
        // A long acronym alone is an organization.
        if single && w.items[m.first].upper && w.text(m.first).chars().count() > 1 {
            return false;
        }
        if words.clone().any(|k| self.places.contains(w.text(k))) && !w.has(m.first, flag::GIVEN) {
            return false;
        }
        // "SMP Negeri 1 Balambangan Pagar": the rest of a numbered name.
        if m.first >= 2
            && w.word(m.first - 1)
            && w.text(m.first - 1).bytes().all(|b| b.is_ascii_digit())
            && w.word(m.first - 2)
            && w.items[m.first - 2].cap
        {
            return false;
        }
        // "di Jambi", "ke Jakarta", "dari Medan": a place.
        let before = m.first.checked_sub(1).filter(|&b| w.items[b].word);
        if let Some(b) = before
            && matches!(
                w.low(b),
                "di" | "ke" | "dari" | "menuju" | "asal" | "kota" | "provinsi" | "kabupaten"
            )
            && !w.has(m.first, flag::GIVEN)
        {
            return false;
        }
        true
    }

    /// A capitalized sequence with no cue: a given name alone, or several words none of
    /// which is a derived common word ("Pelayanan Publik") and one of which is a given name
    /// or a word no dictionary knows ("Prabowo Subianto", "Rhoma Irama").
    fn name_like(&self, m: &NameMatch) -> bool {
        let w = self.w;
        if !m.honorifics.is_empty() || m.rank.is_some() {
            return true;
        }
        let mut words = 0;
        let mut evidence = false;
        for k in m.first..=m.last {
            let it = w.items[k];
            if !it.word || w.has(k, flag::PARTICLE) {
                continue;
            }
            words += 1;
            if w.has(k, flag::GIVEN) {
                evidence = true;
                continue;
            }
            if w.has(k, flag::ORG_WORD) {
                return false;
            }
            if it.upper {
                // An initial inside a longer name ("Yerry F Dien"), never alone.
                if w.text(k).chars().count() > 2 {
                    return false;
                }
                continue;
            }
            match self.class(k) {
                WordClass::Root => continue,
                WordClass::Derived => return false,
                WordClass::Unknown => evidence = true,
            }
        }
        if words == 1 {
            // A lone unknown word is a name as the subject of a verb ("Federer mengalahkan").
            let verb = w.word(m.next) && predicate(w.low(m.next));
            // ... or followed by a role in apposition ("Hasnawati, warga Kelurahan Maradekaya").
            let role = || {
                w.is(m.next, ",")
                    && self
                        .title_at(m.next + 1)
                        .is_some_and(|t| t.kind != TitleKind::Kin && t.kind != TitleKind::Prefix)
            };
            return (w.has(m.first, flag::GIVEN) && !w.items[m.first].initial) || (evidence && (verb || role()));
        }
        evidence
    }

    /// A title phrase starting at `i`: prefixes, then a head.
    // Inlined: asked of every capitalized word, it is answered at the call for the words
    // that begin no title phrase (most of them), where the call cost more than the test.
    #[inline]
    fn title_at(&self, i: usize) -> Option<TitleMatch> {
        if !self.w.has(i, flag::TITLE_FIRST) {
            return None;
        }
        self.title_from(i)
    }

    /// [`Finder::title_at`] past its first test.
    fn title_from(&self, i: usize) -> Option<TitleMatch> {
        let w = self.w;
        let mut j = i;
        let mut prefixed = false;
        loop {
            let (next, kind) = w.phrase(&LEXICONS.titles, j)?;
            if kind == TitleKind::Kin && w.items[j].cap {
                return None;
            }
            if kind == TitleKind::Prefix {
                // "Wakil Ketua" is listed whole; a prefix alone needs a head after it.
                prefixed = true;
                j = next;
                if w.is(j, ".") {
                    j += 1;
                }
                // "Penjabat (Pj) Gubernur": the prefix's abbreviation in brackets.
                if w.is(j, "(") && w.word(j + 1) && w.is(j + 2, ")") {
                    j += 3;
                }
                continue;
            }
            // A lowercase head is a title only before a capitalized word.
            if !w.items[j].cap && !(w.word(next) && w.items[next].cap) {
                return None;
            }
            let _ = prefixed;
            return Some(TitleMatch {
                start: i,
                head_start: j,
                head_end: next,
                kind,
            });
        }
    }

    /// A title followed by a name, in apposition or not. Returns the index after the name.
    fn title_then_name(&self, t: TitleMatch, found: &mut Vec<Found>) -> Option<usize> {
        let w = self.w;
        let tail = self.tail(t.head_end);
        let tail_end = tail.last().map_or(t.head_end, |&(_, e)| e);
        // Where a name inside the tail would start: asked by the apposition test and then
        // by the name inside the tail.
        let split = self.split_tail(&tail, t);
        // Apposition: "Kepala Bagian Ortala Setda Kota Palembang, Nurmala Sari".
        if (w.is(tail_end, ",") || w.is(tail_end, ":") || w.is(tail_end, ";"))
            && let Some(m) = self.name_at(tail_end + 1)
            && self.plausible(&m, Cue::Near)
            && (!self.tail_has_name(&tail, split) || self.apposition_outranks_tail(&m, &tail, split))
        {
            let title = self.make_title(t, tail_end);
            return Some(self.push_titled(m, title, "rule:official/title_apposition", found));
        }
        // No comma: the name is inside the tail, after the organization.
        let mut k = split?;
        let mut m = self.name_at(tail[k].0)?;
        // "Gugus Tugas Percepatan Penanganan Covid-19 Wiku Adisasmito": past a group's
        // name made of dictionary words, the name may still come.
        if self.dictionary_phrase(&m) {
            k = tail.iter().position(|&(s, _)| s > m.last)?;
            while k + 1 < tail.len()
                && (self.org_like(tail[k]) || w.text(tail[k].0).bytes().any(|b| b.is_ascii_digit()))
            {
                k += 1;
            }
            m = self.name_at(tail[k].0)?;
            if self.dictionary_phrase(&m) {
                return None;
            }
        }
        if !self.plausible(&m, Cue::Near) || self.office_not_holder(&m) {
            return None;
        }
        let org_end = if k == 0 { t.head_end } else { tail[k - 1].1 };
        let title = self.make_title(t, org_end);
        Some(self.push_titled(m, title, "rule:official/title_name", found))
    }

    /// One word after a title that names the office's body, not its holder: an
    /// organization the article names ("Ketua MK", "Capres Golkar"), or a common word no
    /// list gives as a name ("Hakim Konstitusi").
    fn office_not_holder(&self, m: &NameMatch) -> bool {
        let w = self.w;
        if m.first != m.last || w.has(m.first, flag::GIVEN) || !m.honorifics.is_empty() {
            return false;
        }
        let span = w.span(m.first, m.last);
        self.org_spans
            .iter()
            .any(|o| o.start <= span.start && span.end <= o.end)
            || self.class(m.first) == WordClass::Root
    }

    /// True when the tail itself holds a name (then a comma after it ends the name).
    /// "anggota Kelompok Tani Sepakat Makmur": words that are all from the dictionary, none
    /// of them a given name or a short name the article uses alone ("Akmal Malik" ...
    /// "kata Akmal"), name a group rather than its member.
    fn dictionary_phrase(&self, m: &NameMatch) -> bool {
        let w = self.w;
        m.honorifics.is_empty()
            && m.rank.is_none()
            && m.last > m.first
            && (m.first..=m.last).all(|j| {
                !w.has(j, flag::GIVEN | flag::WEAK_GIVEN) && !self.cued.contains(w.text(j)) && self.common_word(j)
            })
    }

    /// "Direktur Utama Barito Pacific, Anton BS Hudyana": a name of two words or more with
    /// a given name in it, after the comma, names the holder when the words read as a
    /// name inside the tail have none. Not in a list ("Camat Plaju Xyzian Prawira, Budi
    /// Santoso, dan ..."), where the comma parts two people. `split` is where the tail's
    /// name would start ([`Finder::split_tail`]).
    fn apposition_outranks_tail(&self, m: &NameMatch, tail: &[(usize, usize)], split: Option<usize>) -> bool {
        let w = self.w;
        let given = |i: usize| w.has(i, flag::GIVEN | flag::HONORIFIC);
        m.last > m.first
            && !(w.is(m.next, ",") || w.is(m.next, "dan") || w.is(m.next, "&"))
            && (m.first..=m.last).any(given)
            && split.is_some_and(|k| !tail[k..].iter().any(|&(s, e)| (s..e).any(given)))
    }

    /// Whether the tail holds a name where `split` ([`Finder::split_tail`]) says it starts.
    fn tail_has_name(&self, tail: &[(usize, usize)], split: Option<usize>) -> bool {
        let w = self.w;
        let Some(k) = split else {
            return false;
        };
        let at = tail[k].0;
        // "Ketua Kelompok Tani Sepakat Makmur, Tgk. Hasan Basri": words all from the
        // dictionary leave the name to the apposition.
        w.has(at, flag::GIVEN | flag::HONORIFIC)
            || w.phrase(&LEXICONS.ranks, at).is_some()
            || self
                .name_at(at)
                .is_some_and(|m| m.last > m.first && !self.dictionary_phrase(&m))
    }

    fn push_titled(&self, m: NameMatch, title: (Title, String), source: &'static str, found: &mut Vec<Found>) -> usize {
        let next = m.next;
        let mut f = self.found(m, source);
        f.titles.push(title);
        let next = self.title_after(next, &mut f);
        found.push(f);
        next
    }

    /// The items after a title head that may belong to its organization or be the name:
    /// capitalized words, acronyms, numbers, "dan" inside a name, bracketed acronyms.
    /// Each item is (first index, index after).
    fn tail(&self, from: usize) -> Vec<(usize, usize)> {
        let w = self.w;
        let mut out = Vec::new();
        let mut j = from;
        while j < w.len() && out.len() < 16 {
            let it = w.items[j];
            // "dr." (a physician) is the one honorific written in lowercase.
            if it.word && (it.cap || w.is(j, "dr") || w.text(j).bytes().all(|b| b.is_ascii_digit())) {
                let after = if w.is(j + 1, ".") { j + 2 } else { j + 1 };
                if w.has(j, flag::HONORIFIC) && w.word(after) && w.items[after].cap && !out.is_empty() {
                    // "Gubernur Sumsel H. Herman Deru": the name starts at the honorific.
                    out.push((j, j + 1));
                    break;
                }
                let mut e = j + 1;
                // "Kab." "TP-PKK": keep an abbreviation's period.
                if w.dot_after(j) && w.text(j).len() <= 4 && w.word(j + 2) && !w.items[j + 2].initial {
                    e += 1;
                }
                out.push((j, e));
                j = e;
            } else if it.word
                && w.word(j + 1)
                && ((is_english_connector(w.text(j)) && !out.is_empty() && w.items[j + 1].cap)
                    || (matches!(w.text(j), "dan" | "&")
                        // "Bupati Konawe Kery Saiful dan Bupati Gowa ...": a second title.
                        && !(w.items[j + 1].cap && self.title_at(j + 1).is_some())
                        && (w.has(j + 1, flag::ORG_WORD | flag::ORG_HEAD)
                        || self.org_part(j + 1)
                        // "Menteri Koperasi dan UKM Teten Masduki": an acronym after the
                        // connector names a field, never a person.
                        || (!out.is_empty() && w.items[j + 1].upper && w.text(j + 1).len() >= 2)))
                    || (matches!(w.text(j), "dari" | "pada") && (w.has(j + 1, flag::GOV) || w.low(j + 1) == "partai")))
            {
                out.push((j, j + 1));
                j += 1;
            } else if w.is(j, ",") && !out.is_empty() && self.enumeration_after(j) {
                // "Bidang Politik, Hukum, dan Keamanan", "Kepala Dusun Nglahar, Kelurahan
                // Sumbersari": a list inside the organization, or the region it lies in.
                out.push((j, j + 1));
                j += 1;
            } else if w.is(j, "(") {
                // "(Pesibar)", "(Diskominfo)": up to four words and a closing bracket.
                let mut k = j + 1;
                while k < w.len() && k - j <= 5 && w.items[k].word {
                    k += 1;
                }
                if k > j + 1 && w.is(k, ")") {
                    out.push((j, k + 1));
                    j = k + 1;
                } else {
                    break;
                }
            } else if w.is(j, "-") && !w.items[j].space_before && w.word(j + 1) && w.items[j + 1].cap {
                // "TP-PKK" already joins; a spaced hyphen ends the tail.
                out.push((j, j + 1));
                j += 1;
            } else {
                break;
            }
        }
        // The tail never ends in a connector.
        while out.last().is_some_and(|&(s, _)| {
            matches!(w.text(s), "dan" | "&" | "-" | "dari" | "pada" | ",") || is_english_connector(w.text(s))
        }) {
            out.pop();
        }
        // A closing bracket with a nickname or an age belongs to the name before it, not to
        // an organization: "Presiden Joko Widodo (Jokowi)", "Budi (45)".
        if out.len() >= 2
            && let Some(&(s, e)) = out.last()
            && w.is(s, "(")
            && e == s + 3
            && (w.text(s + 1).bytes().all(|b| b.is_ascii_digit())
                || (w.items[s + 1].cap
                    && !w.items[s + 1].upper
                    && !w.has(s + 1, flag::ORG_WORD | flag::ORG_HEAD | flag::PLACE)
                    && self.name_word_before(s)))
        {
            out.pop();
        }
        // So does an acronym of the name's own initials: "Presiden Susilo Bambang Yudhoyono
        // (SBY)". An organization's acronym spells words that read as an organization's.
        if out.len() >= 3
            && let Some(&(s, e)) = out.last()
            && w.is(s, "(")
            && e == s + 3
            && w.items[s + 1].upper
            && self.initials_of_name(&out[..out.len() - 1], w.text(s + 1))
            // "Pengurus Besar Nahdlatul Ulama (NU)": the organizations found say otherwise.
            && !self.org_spans.iter().any(|o| o.start < w.items[s + 1].end && w.items[s + 1].start < o.end)
        {
            out.pop();
        }
        out
    }

    /// Whether `acronym` spells the initials of the last tail items, each a capitalized
    /// word that belongs to no organization or region.
    fn initials_of_name(&self, items: &[(usize, usize)], acronym: &str) -> bool {
        let w = self.w;
        let n = acronym.len();
        n >= 2
            && acronym.is_ascii()
            && items.len() >= n
            && items[items.len() - n..]
                .iter()
                .zip(acronym.bytes())
                .all(|(&(s, e), letter)| {
                    e == s + 1 && w.items[s].cap && w.text(s).as_bytes()[0] == letter && !self.org_like((s, e))
                })
    }

    /// The word before `at` reads as part of a person's name: a given name, or a word no
    /// dictionary knows, and not an organization's or a region's ("Lampung Tengah").
    fn name_word_before(&self, at: usize) -> bool {
        let w = self.w;
        at > 0
            && w.word(at - 1)
            && (w.has(at - 1, flag::GIVEN) || self.class(at - 1) == WordClass::Unknown)
            && !w.has(at - 1, flag::ORG_WORD | flag::ORG_HEAD | flag::PLACE | flag::DIRECTION)
            && !self.places.contains(w.text(at - 1))
    }

    /// A capitalized word after "dan" or a comma inside an organization's name: an
    /// organization word, or a common word that is no given name ("Logistik", "Keamanan").
    fn org_part(&self, j: usize) -> bool {
        let w = self.w;
        w.word(j)
            && w.items[j].cap
            && !w.has(j, flag::GIVEN | flag::TITLE_HEAD | flag::HONORIFIC)
            && (w.has(j, flag::ORG_WORD | flag::ORG_HEAD) || self.common_word(j))
    }

    /// A comma at `j` that continues a title's organization: a region word after it
    /// ("Kelurahan Sumbersari, Kecamatan Moyudan"), or a list of organization parts that
    /// ends in "dan" ("Bidang Politik, Hukum, dan Keamanan").
    fn enumeration_after(&self, j: usize) -> bool {
        let w = self.w;
        let k = j + 1;
        if w.is(k, "dan") {
            return self.org_part(k + 1);
        }
        if !w.word(k) || !w.items[k].cap {
            return false;
        }
        if w.has(k, flag::PLACE_MARKER) && w.word(k + 1) && w.items[k + 1].cap {
            return true;
        }
        let mut k = k;
        for _ in 0..4 {
            if !self.org_part(k) {
                return false;
            }
            while w.word(k) && w.items[k].cap {
                k += 1;
            }
            if w.is(k, ",") {
                k += 1;
            }
            if w.is(k, "dan") {
                return self.org_part(k + 1);
            }
            if !w.word(k) {
                return false;
            }
        }
        false
    }

    /// Whether a tail item belongs to an organization or a region.
    fn org_like(&self, item: (usize, usize)) -> bool {
        let w = self.w;
        let (s, e) = item;
        if w.is(s, "(")
            || w.is(s, "-")
            || w.is(s, ",")
            || w.is(s, "dan")
            || w.is(s, "&")
            || is_english_connector(w.text(s))
            || w.is(s, "dari")
            || w.is(s, "pada")
        {
            return true;
        }
        // "Humas dan Logistik": an organization part after a connector.
        if s > 0 && (w.is(s - 1, "dan") || w.is(s - 1, ",") || w.is(s - 1, "&")) && self.org_part(s) {
            return true;
        }
        // "Partai Golkar", "Bank Mandiri": the word after an organization head is its name.
        if s > 0 && w.has(s - 1, flag::ORG_HEAD) && w.items[s - 1].cap {
            return true;
        }
        if w.text(s).bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        if w.has(s, flag::ORG_WORD | flag::PLACE | flag::DIRECTION | flag::ORG_HEAD) {
            return true;
        }
        if self.places.contains(w.text(s)) && !w.has(s, flag::GIVEN) {
            return true;
        }
        let _ = e;
        // Acronyms of three letters or more ("OKU", "PUPR"); two-letter caps are initials.
        w.items[s].upper && w.text(s).chars().count() >= 3 && !w.has(s, flag::GIVEN)
    }

    /// Where the name starts inside a title's tail, as an index into `tail`.
    fn split_tail(&self, tail: &[(usize, usize)], t: TitleMatch) -> Option<usize> {
        let w = self.w;
        if tail.is_empty() {
            return None;
        }
        let n = tail.len();
        let regional = t.kind == TitleKind::Regional;
        // A regional title names its region first: a known place, a word with a direction
        // or an acronym after it, or the first of three or more words.
        let region_first = self.org_like(tail[0])
            || (n >= 2 && (w.has(tail[1].0, flag::DIRECTION) || w.is(tail[1].0, "(")))
            || (n >= 3 && !w.has(tail[0].0, flag::GIVEN))
            || (n == 2 && !w.has(tail[0].0, flag::GIVEN) && !self.recurs(tail[0].0, tail[1].1));
        // "Bupati Intan Jaya Natalis Tabuni": a region of several words comes whole.
        let region_words = w
            .phrase(&LEXICONS.regions, tail[0].0)
            .map_or(0, |(end, ())| tail.iter().take_while(|&&(s, _)| s < end).count());
        let min = if regional && region_words >= 2 && n > region_words {
            region_words
        } else {
            usize::from(regional && n >= 2 && region_first)
        };
        // An honorific or a rank inside the tail starts the name.
        if let Some(k) = tail
            .iter()
            .position(|&(s, _)| w.has(s, flag::HONORIFIC) || w.phrase(&LEXICONS.ranks, s).is_some())
        {
            return Some(k);
        }
        // The organization extractor knows where the organization ends: the name starts
        // after the last organization inside the tail ("Kepala Bidang Humas Polda Metro
        // Jaya Yusri Yunus"), unless that organization runs to the tail's end (then it took
        // the name in: "Bank OCBC NISP Parwati Surjaudaja").
        let first_start = w.items[tail[0].0].start;
        let tail_end = w.items[tail[n - 1].1 - 1].end;
        let org_end = self
            .org_spans
            .iter()
            .filter(|o| o.end > first_start && o.start < tail_end && o.end < tail_end)
            .map(|o| o.end)
            .max();
        if let Some(end) = org_end
            && let Some(mut k) = tail.iter().position(|&(s, _)| w.items[s].start >= end)
        {
            // "Ketua Bawaslu Indramayu Nurhadi": the region of the body comes before the name.
            while k + 1 < n
                && !w.has(tail[k].0, flag::GIVEN)
                && (w.has(tail[k].0, flag::PLACE | flag::DIRECTION) || self.places.contains(w.text(tail[k].0)))
            {
                k += 1;
            }
            // "Dinas Kesehatan Siti": an organization that ends in a given name took the
            // first word of the name.
            while k >= 2
                && w.has(tail[k - 1].0, flag::GIVEN)
                && !self.org_like(tail[k - 1])
                && self.org_like(tail[k - 2])
            {
                k -= 1;
            }
            if k >= min {
                return Some(self.refine_start(tail, k));
            }
        }
        // An organization that runs to the tail's end took the name in ("Universitas
        // Lambung Mangkurat Muhammad Handry Imansyah"): the name starts at the first given
        // name after a word that is none, and keeps two words.
        let swallowed = self
            .org_spans
            .iter()
            .any(|o| o.start <= first_start && o.end >= tail_end);
        if swallowed
            && let Some(g) = (min.max(1)..n.saturating_sub(1))
                .find(|&g| w.has(tail[g].0, flag::GIVEN) && !w.has(tail[g - 1].0, flag::GIVEN))
        {
            return Some(self.refine_start(tail, g));
        }
        // After the last organization word; a given name before it starts the name anyway.
        // Two capitals after a given name at the end are initials, not a place: "Menko
        // Polkam Widodo AS".
        let initials_last = n >= 2
            && w.has(tail[n - 2].0, flag::GIVEN)
            && w.items[tail[n - 1].0].upper
            && w.text(tail[n - 1].0).len() == 2;
        let last_org = tail[..n - usize::from(initials_last)]
            .iter()
            .rposition(|&it| self.org_like(it));
        let mut k = last_org.map_or(0, |l| l + 1);
        if k < min {
            k = min;
            while k < n && (self.org_like(tail[k]) || w.has(tail[k].0, flag::DIRECTION)) {
                k += 1;
            }
        }
        if let Some(g) = (min.max(1)..k.min(n)).find(|&g| w.has(tail[g].0, flag::GIVEN)) {
            k = g;
        }
        // "warga Desa Firdaus": the word after a region word names the region, even when it
        // is also a given name.
        if k >= 1
            && k < n
            && w.items[tail[k - 1].0].cap
            && matches!(
                w.low(tail[k - 1].0),
                "desa" | "kelurahan" | "kecamatan" | "kabupaten" | "kab" | "kota" | "provinsi" | "dusun" | "kampung"
            )
        {
            k += 1;
        }
        (k < n).then(|| self.refine_start(tail, k))
    }

    /// Moves a name's start past organization words taken for the name: to a word the
    /// article uses alone as a short name ("Jaringan Gusdurian Alissa Wahid" and later
    /// "kata Alissa"), or to a given name after an acronym or a common word.
    fn refine_start(&self, tail: &[(usize, usize)], k: usize) -> usize {
        let w = self.w;
        let n = tail.len();
        if k + 1 >= n || self.cued.contains(w.text(tail[k].0)) {
            return k;
        }
        let skippable = |c: usize| {
            let s = tail[c].0;
            w.items[s].word
                && w.items[s].cap
                && !w.has(
                    s,
                    flag::GIVEN | flag::WEAK_GIVEN | flag::PARTICLE | flag::HONORIFIC | flag::NAME_PREFIX,
                )
                && w.text(s).len() >= 3
                && !self.cued.contains(w.text(s))
        };
        // The name keeps two words: "Ratu Dewa" is also "Dewa" alone.
        for c in k + 1..n.saturating_sub(1) {
            if !skippable(c - 1) {
                break;
            }
            if self.cued.contains(w.text(tail[c].0)) {
                return c;
            }
        }
        // "Presiden Terpilih Joko Widodo": a derived word between the title and a given
        // name (a bare root may be a name itself: "Ratu Dewa").
        let first = tail[k].0;
        if w.has(tail[k + 1].0, flag::GIVEN)
            && !w.has(first, flag::GIVEN | flag::WEAK_GIVEN)
            && !self.cued.contains(w.text(first))
            && self.class(first) == WordClass::Derived
        {
            return k + 1;
        }
        // "VP Lending OVO Natasha Ardiani", "Direktur Eksekutif Exposit Strategic Arif
        // Susanto": a given name after an acronym or a word no name contains, leaving two
        // words.
        for c in k + 1..n.saturating_sub(1) {
            let p = tail[c - 1].0;
            if !skippable(c - 1) {
                break;
            }
            if w.has(tail[c].0, flag::GIVEN)
                && (w.items[p].upper || w.has(p, flag::ORG_WORD | flag::ORG_HEAD | flag::NOT_NAME))
            {
                return c;
            }
        }
        // "Bidang Hubungan Internasional Shinta W Kamdani", "Kepresidenan Fadjroel Rachman":
        // two dictionary words or a derived one, and acronyms among them, run on the
        // organization's name; the name starts after them when two words are left, one of
        // them no dictionary's. ("Ratu Dewa" keeps its common words.)
        let dictionary_word = |c: usize| {
            let s = tail[c].0;
            w.items[s].word
                && w.items[s].cap
                && !w.has(s, flag::GIVEN | flag::WEAK_GIVEN | flag::HONORIFIC | flag::NAME_PREFIX)
                && !self.cued.contains(w.text(s))
                && (self.common_word(s) || w.items[s].upper && w.text(s).len() >= 2)
        };
        let mut e = k;
        while e + 1 < n && dictionary_word(e) {
            e += 1;
        }
        let derived = (k..e).any(|c| self.class(tail[c].0) == WordClass::Derived);
        if (e >= k + 2 || e > k && derived)
            && n - e >= 2
            && !w.text(tail[e].0).bytes().any(|b| b.is_ascii_digit())
            && (e..n).any(|c| {
                let s = tail[c].0;
                w.items[s].word && !w.items[s].upper && (w.has(s, flag::GIVEN) || !self.common_word(s))
            })
        {
            return e;
        }
        k
    }

    /// Drops the front of a capitalized run that names an organization before the person
    /// ("DIY Deddy Pranowo Eryono", "Logistik OJK Anto Prabowo"), or that stands before a
    /// short name the article uses alone ("Gusdurian Alissa Wahid" ... "kata Alissa").
    fn trim_front(&self, m: &mut NameMatch) {
        let w = self.w;
        if !m.honorifics.is_empty() || m.rank.is_some() || m.first == m.last {
            return;
        }
        let orgish = |k: usize| {
            w.items[k].word
                && !w.has(k, flag::GIVEN | flag::WEAK_GIVEN)
                && ((w.items[k].upper && w.text(k).chars().count() >= 3)
                    || w.has(k, flag::ORG_HEAD | flag::ORG_WORD | flag::PLACE))
        };
        if let Some(p) = (m.first..m.last).rev().find(|&k| orgish(k))
            && let Some(q) = (p + 1..=m.last).find(|&k| w.items[k].word)
        {
            m.first = q;
        }
        // "Pengelola Bangsring Underwater Ikhwan Arief": a word derived from a common root
        // is a role, never the start of a name.
        while m.first < m.last
            && w.items[m.first].word
            && !w.has(m.first, flag::GIVEN | flag::WEAK_GIVEN)
            && self.class(m.first) == WordClass::Derived
            && let Some(q) = (m.first + 1..=m.last).find(|&k| w.items[k].word)
        {
            m.first = q;
        }
        if self.cued.contains(w.text(m.first)) {
            return;
        }
        let mut k = m.first;
        while k < m.last {
            if !w.items[k].word
                || w.has(k, flag::GIVEN | flag::WEAK_GIVEN | flag::PARTICLE | flag::NAME_PREFIX)
                || w.text(k).len() < 3
                || w.items[k].upper
            {
                return;
            }
            k += 1;
            if w.items[k].word && k < m.last && self.cued.contains(w.text(k)) {
                m.first = k;
                return;
            }
        }
    }

    /// True when the words `first..end` occur more than once in the text: a name written
    /// again ("Ratu Dewa"), not a region and a name ("Bulak Suprayitno").
    fn recurs(&self, first: usize, end: usize) -> bool {
        let w = self.w;
        let phrase = &w.text[w.items[first].start..w.items[end - 1].end];
        w.text.matches(phrase).nth(1).is_some()
    }

    /// The title from `t.start` to the item before `end`, split into role and organization.
    fn make_title(&self, t: TitleMatch, end: usize) -> (Title, String) {
        let w = self.w;
        let mut last = end - 1;
        while last > t.start && !w.items[last].word && !w.is(last, ")") && !w.is(last, ".") {
            last -= 1;
        }
        let span = w.span(t.start, last);
        let role_last = t.head_end - 1;
        let role = w.span(t.start, role_last).slice(w.text).to_string();
        let organization = (t.head_end <= last && t.head_end < end)
            .then(|| w.span(t.head_end, last).slice(w.text).to_string())
            .filter(|s| !s.is_empty());
        let gov = (t.head_end..end).any(|k| w.has(k, flag::GOV));
        let official = match t.kind {
            TitleKind::Official | TitleKind::Regional => true,
            TitleKind::Context => gov,
            _ => false,
        };
        let key = head_key(w, t.head_start, t.head_end);
        (
            Title {
                span,
                role: Some(role),
                organization,
                official,
            },
            key,
        )
    }

    /// ", Kepala Bagian ..." or "selaku Kadis ..." after a name: the title attaches to it.
    fn title_after(&self, next: usize, f: &mut Found) -> usize {
        let w = self.w;
        // "Budi Santoso (45), Kepala Dinas ...": the age stands between.
        let next = if self.age_after(next) { next + 3 } else { next };
        let j = if w.is(next, ",") || (w.word(next) && matches!(w.low(next), "selaku" | "sebagai")) {
            next + 1
        } else {
            return next;
        };
        let Some(t) = self.title_at(j) else {
            return next;
        };
        if t.kind == TitleKind::Kin || t.kind == TitleKind::Prefix {
            return next;
        }
        let tail = self.tail(t.head_end);
        let end = tail.last().map_or(t.head_end, |&(_, e)| e);
        // "X, Pj. Sekda; Moh. Sidik": a title that takes its own name is not X's.
        if self
            .split_tail(&tail, t)
            .is_some_and(|k| self.name_at(tail[k].0).is_some())
            || ((w.is(end, ",") || w.is(end, ";") || w.is(end, ":"))
                && self.name_at(end + 1).is_some_and(|m| self.plausible(&m, Cue::Near)))
        {
            return next;
        }
        f.titles.push(self.make_title(t, end));
        end
    }

    /// Honorifics, a rank, the name words and degrees at `i`.
    fn name_at(&self, i: usize) -> Option<NameMatch> {
        let w = self.w;
        let mut j = i;
        let mut honorifics = Vec::new();
        let mut rank = None;
        loop {
            if !w.word(j) || !w.items[j].cap && !w.is(j, "dr") {
                break;
            }
            if w.has(j, flag::HONORIFIC)
                && let Some(&weak) = LEXICONS.honorifics.get(w.low(j))
            {
                let mut e = j + 1;
                if w.is(e, ".") {
                    e += 1;
                }
                let next_is_name = w.word(e) && w.items[e].cap && !w.has(e, flag::NOT_NAME | flag::TITLE_HEAD);
                if next_is_name || (!weak && (w.has(e, flag::HONORIFIC) || w.phrase(&LEXICONS.ranks, e).is_some())) {
                    honorifics.push(w.span(j, e - 1).slice(w.text).to_string());
                    j = e;
                    continue;
                }
                break;
            }
            if rank.is_none()
                && let Some((e, ())) = w.phrase(&LEXICONS.ranks, j)
            {
                if w.word(e) && w.items[e].cap {
                    let mut last = e - 1;
                    if w.is(last, ".") {
                        last -= 1;
                    }
                    rank = Some(w.span(j, last).slice(w.text).to_string());
                    j = e;
                    continue;
                }
            }
            break;
        }
        let first = j;
        let mut last = None;
        let mut count = 0;
        while j < w.len() && count < 6 {
            if !self.name_word(j, count == 0) {
                break;
            }
            last = Some(j);
            count += 1;
            j += 1;
            // "Moh. Sidik", "Yerry F. Dien": an abbreviation's period inside the name.
            if w.dot_after(j - 1)
                && w.text(j - 1).chars().count() <= 3
                // "... Margin NIM. Tumiran", "ujar Ma. Dua warga": a period the sentences
                // end at is no abbreviation's, unless an initial or a name prefix (`Moh.`)
                // stands before it.
                && self.name_word(j + 1, false)
                && (!w.items[j + 1].initial || w.has(j - 1, flag::NAME_PREFIX) || w.text(j - 1).chars().count() == 1)
            {
                j += 1;
            }
        }
        let mut last = last?;
        // "Astera Primanto Bakti, Jumat ...", "Muhammad Muslim, yang ...": a common noun
        // closes a name of two words or a given name when nothing capitalized follows it.
        if j == last + 1 && (count >= 2 || w.has(last, flag::GIVEN)) && self.closing_common_noun(j) {
            last = j;
        }
        // A particle never ends a name.
        while last > first && w.has(last, flag::PARTICLE) && !w.items[last].cap {
            last -= 1;
        }
        if !w.items[first].cap {
            return None;
        }
        let mut next = last + 1;
        let mut degrees = Vec::new();
        loop {
            let at = if w.is(next, ",") { next + 1 } else { next };
            match self.degree_at(at) {
                Some(e) => {
                    let mut l = e - 1;
                    if w.is(l, ".") && l > at {
                        l -= 1;
                    }
                    degrees.push(w.span(at, e - 1).slice(w.text).to_string());
                    let _ = l;
                    next = e;
                }
                None => break,
            }
        }
        Some(NameMatch {
            first,
            last,
            next,
            honorifics,
            degrees,
            rank,
        })
    }

    /// A capitalized common noun ("Bakti", "Muslim") that punctuation, a lowercase word or
    /// the end of the text follows: the last word of the name before it.
    fn closing_common_noun(&self, j: usize) -> bool {
        let w = self.w;
        let after_ok = !w.word(j + 1) && !w.is(j + 1, "(")
            || w.word(j + 1) && !w.items[j + 1].cap && !w.has(j + 1, flag::PARTICLE);
        w.word(j)
            && w.items[j].cap
            && !w.items[j].upper
            && w.has(j, flag::NOT_NAME)
            && !w.has(
                j,
                flag::PLACE | flag::TIME | flag::TITLE_HEAD | flag::HONORIFIC | flag::DIRECTION | flag::ORG_WORD,
            )
            && after_ok
            && self.class(j) == WordClass::Root
            && !lexicon::STOPWORDS.find(w.low(j))
            && !w.has(j, flag::WEEKDAY | flag::MONTH)
    }

    /// A word that can be part of a name.
    fn name_word(&self, j: usize, first: bool) -> bool {
        let w = self.w;
        if !w.word(j) {
            return false;
        }
        let it = w.items[j];
        if !it.cap {
            // "bin", "binti", "van", "de" inside a name; "al-Ghu", "el-Sisi" end one too.
            let low = w.low(j);
            if !first
                && ["al-", "el-", "ad-", "as-", "ar-", "ash-"]
                    .iter()
                    .any(|p| low.starts_with(p))
            {
                return true;
            }
            return !first && w.has(j, flag::PARTICLE) && self.name_word(j + 1, false);
        }
        if w.has(j, flag::NOT_NAME | flag::HONORIFIC) && !w.has(j, flag::GIVEN) {
            return false;
        }
        // A title word ends a name only when nothing capitalized follows ("... Hakim said").
        if w.has(j, flag::TITLE_HEAD) && !w.has(j, flag::GIVEN) && (first || (w.word(j + 1) && w.items[j + 1].cap)) {
            return false;
        }
        let text = w.text(j);
        if text.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            return false;
        }
        // "Agus" abbreviates Agustus too: a given name wins.
        if w.has(j, flag::WEEKDAY) || (w.has(j, flag::MONTH) && !w.has(j, flag::GIVEN)) {
            return false;
        }
        // Long all-caps words are acronyms or a dateline, not names.
        if it.upper && text.chars().count() > 4 {
            return false;
        }
        if it.upper && first && w.has(j, flag::ORG_WORD) {
            return false;
        }
        if self.degree_at(j).is_some() && !first {
            return false;
        }
        true
    }

    /// A degree at `j` ("S.Pd.", "M.Si", "SH", "S.STP"): the index after it.
    fn degree_at(&self, j: usize) -> Option<usize> {
        let w = self.w;
        if !w.word(j) || !w.items[j].cap || !w.has(j, flag::DEGREE_PART) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        let mut k = j;
        while k < w.len() && k - j < 8 {
            if w.items[k].word {
                if k > j && w.items[k].space_before && !w.is(k - 1, ".") {
                    break;
                }
                if w.text(k).len() > 5 {
                    break;
                }
                key.push_str(w.low(k));
                k += 1;
                let end = if w.is(k, ".") { k + 1 } else { k };
                if LEXICONS.degrees.contains(&key) {
                    best = Some(end);
                }
            } else if w.is(k, ".") {
                k += 1;
            } else {
                break;
            }
        }
        best
    }
}

/// A word that starts a predicate: an active or intransitive verb, or an auxiliary.
/// The small words of English organization names ("Center of Reform on Economics",
/// "Beach and Pool Villa Club"): inside a title's tail they join its organization's words.
fn is_english_connector(word: &str) -> bool {
    matches!(word, "and" | "of" | "for" | "on" | "the")
}

fn predicate(low: &str) -> bool {
    matches!(
        low,
        "telah"
            | "akan"
            | "sudah"
            | "juga"
            | "tidak"
            | "tak"
            | "belum"
            | "masih"
            | "pun"
            | "sempat"
            | "pernah"
            | "bahkan"
    ) || (low.len() > 5 && (low.starts_with("me") || low.starts_with("ber")))
}

fn head_key(w: &Words<'_>, start: usize, end: usize) -> String {
    let mut key = String::new();
    for k in start..end {
        if w.items[k].word {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w.low(k));
        }
    }
    key
}

// ----------------------------------------------------------------------------------------
// Pass 2: merging

struct Draft<'w> {
    /// Lowercase name words.
    key: Vec<&'w str>,
    name: String,
    honorifics: Vec<String>,
    degrees: Vec<String>,
    rank: Option<String>,
    titles: Vec<Title>,
    /// Lowercase title heads ("sekda", "wali kota") held by this person.
    heads: Vec<String>,
    aliases: Vec<String>,
    mentions: Vec<Span>,
    source: &'static str,
}

fn name_key<'w>(w: &'w Words<'_>, first: usize, last: usize) -> Vec<&'w str> {
    (first..=last).filter(|&k| w.items[k].word).map(|k| w.low(k)).collect()
}

/// `part` is a contiguous run of the words of `whole`.
fn is_part(part: &[&str], whole: &[&str]) -> bool {
    !part.is_empty() && part.len() <= whole.len() && whole.windows(part.len()).any(|win| win == part)
}

fn merge<'w>(w: &'w Words<'_>, found: Vec<Found>) -> Vec<Draft<'w>> {
    let mut people: Vec<Draft<'w>> = Vec::new();
    for f in found {
        let key = name_key(w, f.first, f.last);
        let span = w.span(f.first, f.last);
        let name = span.slice(w.text).to_string();
        let matches: Vec<usize> = people
            .iter()
            .enumerate()
            .filter(|(_, p)| is_part(&key, &p.key) || is_part(&p.key, &key))
            .map(|(n, _)| n)
            .collect();
        let target = match matches.as_slice() {
            [] => None,
            [one] => Some(*one),
            // Several people share the word: the one named in full.
            many => many.iter().copied().find(|&n| people[n].key == key),
        };
        match target {
            Some(n) => {
                let p = &mut people[n];
                if key.len() > p.key.len() {
                    let old = std::mem::replace(&mut p.name, name);
                    p.aliases.push(old);
                    p.key = key;
                } else if key != p.key && !p.aliases.iter().any(|a| a == &name) {
                    p.aliases.push(name);
                }
                p.mentions.push(span);
                for h in f.honorifics {
                    if !p.honorifics.contains(&h) {
                        p.honorifics.push(h);
                    }
                }
                for d in f.degrees {
                    if !p.degrees.contains(&d) {
                        p.degrees.push(d);
                    }
                }
                if p.rank.is_none() {
                    p.rank = f.rank;
                }
                for (t, h) in f.titles {
                    p.titles.push(t);
                    p.heads.push(h);
                }
            }
            None => {
                let (titles, heads) = f.titles.into_iter().unzip();
                people.push(Draft {
                    key,
                    name,
                    honorifics: f.honorifics,
                    degrees: f.degrees,
                    rank: f.rank,
                    titles,
                    heads,
                    aliases: Vec::new(),
                    mentions: vec![span],
                    source: f.source,
                });
            }
        }
    }
    for p in &mut people {
        p.titles.sort_by_key(|t| t.span.start);
        p.titles.dedup_by_key(|t| t.span);
    }
    people
}

// ----------------------------------------------------------------------------------------
// Pass 3: mentions

fn add_mentions<'w>(w: &'w Words<'_>, people: &mut [Draft<'w>], bare: &[BareTitle]) {
    if people.is_empty() {
        return;
    }
    // Most capitalized words are no word of any name: they are skipped before a key is built.
    let mut name_words: FastSet<&'w str> =
        FastSet::with_capacity_and_hasher(people.iter().map(|p| p.key.len()).sum(), Default::default());
    name_words.extend(people.iter().flat_map(|p| p.key.iter().copied()));
    let mut key: Vec<&'w str> = Vec::new();
    // Every capitalized run that is a person's name or a part of exactly one name, outside
    // the names already found.
    let mut covered: Vec<Span> = people.iter().flat_map(|p| p.mentions.iter().copied()).collect();
    covered.sort_by_key(|s| s.start);
    let inside = |pos: usize| {
        let n = covered.partition_point(|s| s.start <= pos);
        n > 0 && covered[n - 1].end > pos
    };
    let mut i = 0;
    while i < w.len() {
        let it = w.items[i];
        if !(it.word && it.cap) || inside(it.start) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < w.len() && w.items[j].word && w.items[j].cap && j - i < 8 {
            j += 1;
            if w.dot_after(j - 1) && w.text(j - 1).chars().count() <= 3 && w.word(j + 1) && w.items[j + 1].cap {
                j += 1;
            }
        }
        // Try the whole run, then without its first word (a sentence start, a cue).
        for start in [i, i + 1] {
            if start >= j || !w.items[start].word {
                break;
            }
            if !name_words.contains(w.low(start)) {
                continue;
            }
            key.clear();
            key.extend((start..j).filter(|&k| w.items[k].word).map(|k| w.low(k)));
            let holders: Vec<usize> = people
                .iter()
                .enumerate()
                .filter(|(_, p)| is_part(&key, &p.key))
                .map(|(n, _)| n)
                .collect();
            let target = match holders.as_slice() {
                [one] => Some(*one),
                many => many.iter().copied().find(|&n| people[n].key == key),
            };
            if let Some(n) = target {
                // A single common word ("Sari") is a mention only when capitalized mid-sentence.
                if key.len() == 1 && w.has(start, flag::NOT_NAME) {
                    break;
                }
                let span = w.span(start, j - 1);
                let p = &mut people[n];
                p.mentions.push(span);
                let text = span.slice(w.text);
                if key != p.key && !p.aliases.iter().any(|a| a == text) {
                    p.aliases.push(text.to_string());
                }
                break;
            }
        }
        i = j;
    }
    // A bare title held by one person is a mention of that person; so is a short form of
    // the title ("Mensos" for "Menteri Sosial Juliari P Batubara").
    for b in bare {
        let key = head_key(w, b.head.0, b.head.1);
        let mut holders: Vec<usize> = people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.heads.iter().any(|h| *h == key))
            .map(|(n, _)| n)
            .collect();
        if holders.is_empty()
            && let Some(full_forms) = TITLE_SHORT_FORMS.get(key.as_str())
        {
            holders = people
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    p.titles.iter().any(|t| {
                        let title = t.span.slice(w.text).to_lowercase();
                        full_forms.iter().any(|f| begins_with_words(&title, f))
                    })
                })
                .map(|(n, _)| n)
                .collect();
        }
        // "Presiden" alone names the President, not the Vice-President ("Wakil Presiden"):
        // among several holders, those whose title begins as the bare one is written.
        if holders.len() > 1 {
            let written = b.span.slice(w.text).to_lowercase();
            holders.retain(|&n| {
                people[n]
                    .titles
                    .iter()
                    .any(|t| begins_with_words(&t.span.slice(w.text).to_lowercase(), &written))
            });
        }
        if let [one] = holders.as_slice() {
            people[*one].mentions.push(b.span);
        }
    }
}

/// Whether `title` begins with the whole words of `prefix` ("menteri sosial ..." with
/// "menteri sosial", not "menteri sos").
fn begins_with_words(title: &str, prefix: &str) -> bool {
    title
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Lowercase short form of an office -> the lowercase full titles it stands for.
static TITLE_SHORT_FORMS: LazyLock<FastMap<String, Vec<String>>> = LazyLock::new(|| {
    lexicon::entries(lexicons::TITLE_SHORT_FORMS)
        .map(|e| {
            let full = e.value.unwrap_or_default().split('|').map(str::to_lowercase).collect();
            (e.surface.to_lowercase(), full)
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<Person> {
        let doc = Doc::from_text(text);
        extract(&doc, &Organizations::default())
    }

    #[test]
    fn lexicons_load() {
        assert!(LEXICONS.words.len() > 500);
        assert!(LEXICONS.degrees.contains("spd"));
    }

    #[test]
    fn title_before_name() {
        let p = people("Sekretaris Daerah Kota Palembang Ratu Dewa membuka acara. Dewa menerangkan hal itu.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Ratu Dewa");
        assert_eq!(p[0].aliases, ["Dewa"]);
    }

    #[test]
    fn empty_input() {
        assert!(people("").is_empty());
    }
}
