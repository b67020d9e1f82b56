//! Organizations, government bodies (OPD) first: found by their heads and patterns
//! ("Dinas ...", "Kecamatan ...", "SMP Negeri 3 ...", "Pemkot ..."), acronyms linked to
//! their full forms both ways, enumerations split into their members.
//!
//! The extractor works on its own word list over `doc.text` (words, numbers, punctuation,
//! line breaks), so that names are cut where the text cuts them whatever the tokenizer
//! decides about clitics. It runs in four passes:
//! 1. lexicon and head matches (`lexicon::WordPhrases`, leftmost-longest), each grown
//!    to the right by the rule of its head: topic words, proper names, a place, a region;
//! 2. schools ("SMP Negeri 3 Palembang", "Sekolah Dasar 165") and heads that end a name
//!    ("Sriwijaya Air", "Moody's Investors Service");
//! 3. acronym definitions, "Long Form (ACR)" and "ACR (Long Form)", kept whatever they
//!    name, and the later bare uses of acronyms that name an organization;
//! 4. merging: mentions whose bodies are the same once acronyms are expanded, and whose
//!    regions agree, are one organization.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::calendar;
use crate::extract::{Doc, person};
use crate::lexicon::{self, FastMap, FastSet, PhraseOpenings, STOPWORDS, WordPhrases, WordTable};
use crate::span::Span;
use crate::words;

/// The lexicons of this extractor, embedded at build time.
mod lexicons {
    /// Head words: kind, mode and whether the body is public.
    pub const HEADS: &str = include_str!("../../data/org/kepala.txt");
    /// Acronyms of regional government bodies with their long forms.
    pub const REGIONAL: &str = include_str!("../../data/org/singkatan_daerah.txt");
    /// Acronyms and short names of national public bodies with their long forms.
    pub const NATIONAL: &str = include_str!("../../data/org/singkatan_pusat.txt");
    /// Well-known organizations named without a head, with their kind.
    pub const KNOWN: &str = include_str!("../../data/org/nama.txt");
    /// Regions that may follow a name, abbreviations with their full form.
    pub const REGIONS: &str = include_str!("../../data/org/wilayah.txt");
    /// Words before a village or kecamatan that make it an address.
    pub const ADDRESS_WORDS: &str = include_str!("../../data/org/alamat.txt");
    /// Administrative units below the regency with their level.
    pub const UNIT_LEVELS: &str = include_str!("../../data/org/tingkat_wilayah.txt");
}

/// An organization and every place the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// The longest form written ("Dinas Pendidikan Kota Palembang").
    pub name: String,
    /// Its acronym ("Disdik"), defined in the text or from the lexicon.
    pub acronym: Option<String>,
    /// Every other form the text uses for it.
    pub aliases: Vec<String>,
    /// What kind of body: kementerian, lembaga, pemda, setda, dinas, badan, kecamatan,
    /// kelurahan, desa, puskesmas, rumah_sakit, sekolah, dprd, polisi, militer, bumn,
    /// perusahaan, universitas, partai, lainnya.
    pub kind: &'static str,
    /// True for a public body.
    pub government: bool,
    /// The region it belongs to when written ("Kota Palembang").
    pub region: Option<String>,
    /// Where it is named, in text order.
    pub mentions: Vec<Span>,
    /// The rule or lexicon that found it first.
    pub source: &'static str,
}

/// An acronym the text defines: "Kompetisi Inovasi Pelayanan Publik (KOINYANLIK)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acronym {
    /// The acronym.
    pub short: String,
    /// Its long form as written.
    pub long: String,
    /// Where the definition stands (long form to closing bracket).
    pub span: Span,
}

/// What the organization extractor finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Organizations {
    /// Organizations, in order of first mention.
    pub organizations: Vec<Organization>,
    /// Acronyms defined in the text, whatever they name.
    pub acronyms: Vec<Acronym>,
}

/// How a head word's name goes on after it (see `data/org/kepala.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Capitalized common words, acronyms and known names, then a bracket and a region.
    Topic,
    /// Any capitalized words.
    Name,
    /// A place name or a number.
    Place,
    /// Like `Topic`, kept only with an acronym defined after it.
    Weak,
    /// Ends a run of capitalized words.
    Suffix,
    /// "Pemerintah Kota/Kabupaten/Provinsi X", "Pemerintah Aceh".
    Government,
}

#[derive(Debug, Clone, Copy)]
struct Head {
    kind: &'static str,
    mode: Mode,
    government: bool,
    /// Names a body with a region or an acronym and no topic words ("Inspektorat Kota
    /// Palembang").
    alone: bool,
    source: &'static str,
}

/// What a lexicon match is.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Head(Head),
    /// A regional government acronym: a bare region may follow.
    Regional(&'static str),
    /// A national public body.
    National(&'static str),
    /// A well-known organization and its kind as listed.
    Known(&'static str),
}

struct Lexicons {
    phrases: WordPhrases,
    /// The three-byte openings of `phrases`, case folded: asked at every word after the
    /// two-byte openings `phrases` knows with case.
    openings: PhraseOpenings,
    entries: Vec<Entry>,
    /// Single-word heads (not suffixes), to stop a name where another begins.
    heads: WordTable<Head>,
    /// Heads that end a name.
    suffixes: WordTable<Head>,
    /// Acronym or short name -> long form.
    long_forms: WordTable<&'static str>,
    /// Every one-word entry of the acronym and name lexicons.
    known_words: WordTable<()>,
    /// The first word of every entry of the acronym and name lexicons.
    first_words: WordTable<()>,
    /// Regions by first word, each as its words, longest first; with the full form.
    regions: WordTable<Vec<(Vec<&'static str>, &'static str)>>,
    address_words: WordTable<()>,
    unit_levels: WordTable<u8>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(build_lexicons);

fn build_lexicons() -> Lexicons {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut entries = Vec::new();
    let mut seen = FastSet::default();
    let mut heads = FastMap::default();
    let mut suffixes = FastMap::default();
    for e in lexicon::entries(lexicons::HEADS) {
        let value = e.value.expect("every head in data/org/kepala.txt has a value");
        let mut parts = value.split(' ');
        let kind = parts.next().expect("a head value starts with its kind");
        let mode = match parts.next() {
            Some("topic") => Mode::Topic,
            Some("name") => Mode::Name,
            Some("place") => Mode::Place,
            Some("weak") => Mode::Weak,
            Some("suffix") => Mode::Suffix,
            Some("pemerintah") => Mode::Government,
            other => panic!("data/org/kepala.txt: unknown mode {other:?}"),
        };
        let government = parts.next() == Some("g");
        let alone = parts.next() == Some("alone");
        let source: &'static str = Box::leak(format!("rule:org/head_{kind}").into_boxed_str());
        let head = Head {
            kind,
            mode,
            government,
            alone,
            source,
        };
        if mode == Mode::Suffix {
            suffixes.insert(e.surface, head);
            continue;
        }
        if !e.surface.contains(' ') {
            heads.insert(e.surface, head);
        }
        if seen.insert(e.surface) {
            patterns.push(e.surface);
            entries.push(Entry::Head(head));
        }
    }
    let mut long_forms = FastMap::default();
    let mut known_words = FastSet::default();
    for (source, regional) in [(lexicons::REGIONAL, true), (lexicons::NATIONAL, false)] {
        for e in lexicon::entries(source) {
            let long = e.value.expect("every acronym has its long form");
            long_forms.insert(e.surface, long);
            if !e.surface.contains(' ') {
                known_words.insert(e.surface);
            }
            if seen.insert(e.surface) {
                patterns.push(e.surface);
                entries.push(if regional {
                    Entry::Regional(long)
                } else {
                    Entry::National(long)
                });
            }
        }
    }
    for e in lexicon::entries(lexicons::KNOWN) {
        if !e.surface.contains(' ') {
            known_words.insert(e.surface);
        }
        if seen.insert(e.surface) {
            patterns.push(e.surface);
            entries.push(Entry::Known(e.value.unwrap_or("lainnya")));
        }
    }
    let first_words = patterns
        .iter()
        .zip(&entries)
        .filter(|(_, e)| !matches!(e, Entry::Head(_)))
        .filter_map(|(p, _)| p.split([' ', '-']).next())
        .map(|w| (w, ()))
        .collect();
    let phrases = WordPhrases::new(&patterns, false);
    let openings = PhraseOpenings::new(&patterns);
    let mut regions: FastMap<&'static str, Vec<(Vec<&'static str>, &'static str)>> = FastMap::default();
    for e in lexicon::entries(lexicons::REGIONS) {
        let words: Vec<&'static str> = e.surface.split(' ').collect();
        regions
            .entry(words[0])
            .or_default()
            .push((words, e.value.unwrap_or(e.surface)));
    }
    for list in regions.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    Lexicons {
        phrases,
        openings,
        entries,
        heads: heads.into_iter().collect(),
        suffixes: suffixes.into_iter().collect(),
        long_forms: long_forms.into_iter().collect(),
        known_words: known_words.into_iter().map(|w| (w, ())).collect(),
        first_words,
        regions: regions.into_iter().collect(),
        address_words: lexicon::entries(lexicons::ADDRESS_WORDS)
            .map(|e| (e.surface, ()))
            .collect(),
        unit_levels: lexicon::entries(lexicons::UNIT_LEVELS)
            .map(|e| {
                let level = e.value.and_then(|v| v.parse().ok());
                (e.surface, level.expect("org/tingkat_wilayah.txt: levels are numbers"))
            })
            .collect(),
    }
}

/// Public schools and madrasahs with their number: "SMP Negeri 3", "SDN 18", "SMP 30",
/// "Sekolah Dasar 165", "SMA Muhammadiyah 1" (private).
static SCHOOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)\b
        (?:(?:SD|SMP|SMA|SMK|SLB|MI|MTs|MA|TK)(?:\x20?N\b|\x20Negeri|\x20(?P<private>\p{Lu}\p{Ll}+))?
          | SDN|SMPN|SMAN|SMKN|MIN|MTsN|MAN
          | Sekolah\x20(?:Dasar|Menengah\x20(?:Pertama|Atas|Kejuruan))(?:\x20Negeri)?
          | Madrasah\x20(?:Ibtidaiyah|Tsanawiyah|Aliyah)(?:\x20Negeri)?)
        \x20(?:\d{1,3})\b",
    )
    .expect("the school pattern is valid")
});

/// Capitalized words that end a name: titles, honorifics and ranks that begin a person's
/// name, and words of time and address.
const STOP_WORDS: &[&str] = &[
    "AKBP",
    "AKP",
    "Aipda",
    "Aiptu",
    "Anggota",
    "Bapak",
    "Bhabinkamtibmas",
    "Bripda",
    "Bripka",
    "Brigadir",
    "Brigjen",
    "Briptu",
    "Bu",
    "Bupati",
    "Camat",
    "Dandim",
    "Danrem",
    "Dekan",
    "Direktur",
    "Dirut",
    "Dr",
    "Dra",
    "Drs",
    "Gubernur",
    "H",
    "Hj",
    "Ibu",
    "Ipda",
    "Iptu",
    "Ir",
    "Irjen",
    "Jalan",
    "Jl",
    "Jln",
    "Jenderal",
    "KH",
    "Kabag",
    "Kabid",
    "Kadis",
    "Kades",
    "Kapolda",
    "Kapolres",
    "Kapolsek",
    "Kasat",
    "Kasi",
    "Kepala",
    "Ketua",
    "Kolonel",
    "Komjen",
    "Kompol",
    "Kombes",
    "Lurah",
    "Letkol",
    "Mayjen",
    "Mayor",
    "Menteri",
    "Pak",
    "Pj",
    "Plt",
    "Presiden",
    "Prof",
    "Pukul",
    "Rektor",
    "Saudara",
    "Sdr",
    "Sekda",
    "Sekretaris",
    "Staf",
    "Tahun",
    "Wakil",
    "Wali",
    "Walikota",
    "Warga",
];

/// Words that may end a place name: "Denpasar Selatan", "Maluku Barat Daya".
const DIRECTIONS: &[&str] = &[
    "Barat", "Baru", "Besar", "Daya", "Hilir", "Hulu", "Ilir", "Jaya", "Kidul", "Kulon", "Laut", "Lor", "Raya",
    "Selatan", "Tengah", "Tenggara", "Timur", "Ulu", "Utara", "Wetan",
];

/// Words that introduce a region: "Dinas Pendidikan Kota Palembang".
const REGION_PREFIXES: &[&str] = &[
    "Kota",
    "Kabupaten",
    "Kab.",
    "Provinsi",
    "Prov.",
    "kota",
    "kabupaten",
    "provinsi",
    "Kotamadya",
];

/// Words that introduce a branch: "BPJS Kesehatan Cabang Samarinda".
const BRANCHES: &[&str] = &["Cabang", "Perwakilan", "Kanwil", "Wilayah", "Unit"];

/// The most words of a topic after its head.
const MAX_TOPIC_WORDS: usize = 10;
/// The most words of a proper name after its head.
const MAX_NAME_WORDS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Number,
    Punct,
    Break,
}

/// One word of the extractor's own word list, in bytes of `doc.text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    class: Class,
    /// A `Word` whose first letter is a capital, decided once here: the rules ask it of
    /// nearly every word, some of them several times.
    cap: bool,
    /// A lexicon phrase may begin here: false only where the article's words say that
    /// none begins with it ([`words::gate::ORGANIZATION`]).
    may_open: bool,
}

/// Splits `text` into words (letters and digits, joined by inner hyphens and
/// apostrophes), punctuation, and line breaks. "Kab." and a few like it keep their period.
fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    // About one word in five bytes; room enough that the list is never copied to grow.
    let mut out = Vec::with_capacity(text.len() / 3 + 8);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let cap;
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                if b == b'\n' {
                    out.push(Word {
                        start,
                        end: i + 1,
                        class: Class::Break,
                        cap: false,
                        may_open: true,
                    });
                } else if !(b as char).is_whitespace() {
                    out.push(Word {
                        start,
                        end: i + 1,
                        class: Class::Punct,
                        cap: false,
                        may_open: true,
                    });
                }
                i += 1;
                continue;
            }
            cap = b.is_ascii_uppercase();
            i += 1;
        } else {
            let (c, len) = char_at(text, i);
            if !lexicon::is_alphanumeric(c) {
                if !c.is_whitespace() {
                    out.push(Word {
                        start,
                        end: i + len,
                        class: Class::Punct,
                        cap: false,
                        may_open: true,
                    });
                }
                i += len;
                continue;
            }
            cap = c.is_uppercase();
            i += len;
        }
        // Only a word that starts with a digit can be a number.
        let mut digits = b.is_ascii_digit();
        loop {
            if digits {
                while i < bytes.len() && lexicon::ASCII_ALPHANUMERIC[usize::from(bytes[i])] {
                    digits &= bytes[i].is_ascii_digit();
                    i += 1;
                }
            } else {
                while i < bytes.len() && lexicon::ASCII_ALPHANUMERIC[usize::from(bytes[i])] {
                    i += 1;
                }
            }
            if i >= bytes.len() {
                break;
            }
            // Not an ASCII letter or digit: another letter, or an inner hyphen or apostrophe.
            let (d, dlen) = char_at(text, i);
            let inner_joint = || {
                matches!(d, '-' | '\'' | '’' | '‐')
                    && i + dlen < bytes.len()
                    && lexicon::is_alphanumeric(char_at(text, i + dlen).0)
            };
            if lexicon::is_alphanumeric(d) || inner_joint() {
                digits = false;
                i += dlen;
            } else {
                break;
            }
        }
        if bytes.get(i) == Some(&b'.') && matches!(&text[start..i], "Kab" | "Kec" | "Kel" | "Prov" | "Ds") {
            i += 1;
        }
        let class = if digits { Class::Number } else { Class::Word };
        out.push(Word {
            start,
            end: i,
            class,
            cap: cap && class == Class::Word,
            may_open: true,
        });
    }
    out
}

/// [`words`], read off the article's words instead of the text: the same list where no word
/// holds a combining mark (which the article's words keep inside and this list does not).
fn words_of(text: &str, shared: &words::Words<'_>) -> Vec<Word> {
    if shared.has_marks() {
        return words(text);
    }
    let bytes = text.as_bytes();
    let items = shared.items();
    let mut out = Vec::with_capacity(items.len() + items.len() / 8 + 8);
    let breaks = |out: &mut Vec<Word>, gap: std::ops::Range<usize>| {
        for at in gap.filter(|&at| bytes[at] == b'\n') {
            out.push(Word {
                start: at,
                end: at + 1,
                class: Class::Break,
                cap: false,
                may_open: false,
            });
        }
    };
    let mut last_end = 0;
    let mut rest = items;
    while let Some((item, after)) = rest.split_first() {
        rest = after;
        if item.line_break_before {
            breaks(&mut out, last_end..item.start);
        }
        let mut end = item.end;
        let class = if !item.word {
            Class::Punct
        } else if item.plain
            && bytes[item.start].is_ascii_digit()
            && bytes[item.start..item.end].iter().all(u8::is_ascii_digit)
        {
            Class::Number
        } else {
            Class::Word
        };
        if item.cap
            && end - item.start <= 4
            && bytes.get(end) == Some(&b'.')
            && matches!(&text[item.start..end], "Kab" | "Kec" | "Kel" | "Prov" | "Ds")
        {
            // The period is the next item: it joins this one.
            end += 1;
            rest = &rest[1..];
        }
        out.push(Word {
            start: item.start,
            end,
            class,
            cap: item.cap && class == Class::Word,
            may_open: item.may_begin(text, words::gate::ORGANIZATION),
        });
        last_end = end;
    }
    breaks(&mut out, last_end..text.len());
    out
}

/// The character at byte `i` (a char boundary) and its length, ASCII first.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().expect("i is a char boundary inside text");
    (c, c.len_utf8())
}

/// A name found before merging.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    /// Where the name's body ends (before its region and bracket).
    body_end: usize,
    region: Option<Span>,
    /// The acronym in brackets inside the name, or the lexicon acronym it starts with.
    acronym: Option<Span>,
    kind: &'static str,
    government: bool,
    source: &'static str,
    /// Inside a longer name and kept apart: a party or a university named within a body's
    /// name ("Dewan Pimpinan Pusat Partai Demokrat", "Fakultas Kehutanan UGM").
    nested: bool,
}

impl Candidate {
    /// A name grown from a head word, with the head's kind, sector and rule.
    fn headed(head: Head, span: Span, body_end: usize, region: Option<Span>, acronym: Option<Span>) -> Candidate {
        Candidate {
            span,
            body_end,
            region,
            acronym,
            kind: head.kind,
            government: head.government,
            source: head.source,
            nested: false,
        }
    }
}

/// The word list with the text, and the questions the rules ask of it.
struct Scan<'a> {
    text: &'a str,
    words: Vec<Word>,
}

impl<'a> Scan<'a> {
    /// The text of word `i`; past the last word, nothing (the rules look ahead freely, and
    /// an article may end on a head word: "... di Kantor").
    fn t(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| &self.text[w.start..w.end])
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.words.len() && self.words[i].class == Class::Word
    }

    fn is_number(&self, i: usize) -> bool {
        i < self.words.len() && self.words[i].class == Class::Number
    }

    fn is_cap(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.cap)
    }

    /// A capitalized word that may be part of a name.
    fn is_name_word(&self, i: usize) -> bool {
        self.is_cap(i) && !is_stop(self.t(i))
    }

    /// An acronym: two letters or more, none lowercase ("DPRD", "PUPRP", "IIA").
    fn is_acronym(&self, i: usize) -> bool {
        self.is_word(i) && is_acronym_text(self.t(i))
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.words.len() && self.words[i].class == Class::Punct && self.t(i) == p
    }

    fn index_at(&self, byte: usize) -> Option<usize> {
        self.words.binary_search_by_key(&byte, |w| w.start).ok()
    }

    fn is_head(&self, i: usize) -> bool {
        self.is_word(i) && LEXICONS.heads.contains(self.t(i))
    }

    /// A region from the lexicon starting at word `i`: the index after it.
    fn known_region(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) {
            return None;
        }
        let list = LEXICONS.regions.get(self.t(i))?;
        list.iter().find_map(|(words, _)| {
            let fits = words
                .iter()
                .enumerate()
                .all(|(k, w)| self.is_word(i + k) && self.t(i + k) == *w);
            fits.then_some(i + words.len())
        })
    }

    /// A place name at `i`: a known region, or a capitalized word with its directions, or
    /// two capitalized words that end the run ("Pagar Alam", "Talang Aman").
    fn place(&self, i: usize) -> Option<usize> {
        self.place_words(i, true)
    }

    /// Like `place`, but a name not in the lexicon takes one word and its directions
    /// unless `two` allows a second.
    fn place_words(&self, i: usize, two: bool) -> Option<usize> {
        if let Some(end) = self.known_region(i) {
            let mut end = end;
            while self.is_word(end) && is_direction(self.t(end)) {
                end += 1;
            }
            return Some(end);
        }
        if !self.is_name_word(i) || self.is_head(i) || is_time_word(self.t(i)) {
            return None;
        }
        let mut end = i + 1;
        if self.is_word(end) && is_direction(self.t(end)) {
            while self.is_word(end) && is_direction(self.t(end)) {
                end += 1;
            }
            return Some(end);
        }
        if two && self.continues_name(end) && !self.continues_name(end + 1) {
            end += 1;
        } else if two && self.continues_name(end) && self.known_region(end + 1).is_some() {
            // "Bhakti Etam Samarinda"
            end = self.known_region(end + 1).unwrap_or(end + 1);
        }
        Some(end)
    }

    /// A capitalized word that goes on a name: not a title, a time word, a head or a region
    /// prefix.
    fn continues_name(&self, i: usize) -> bool {
        self.is_name_word(i) && !self.is_head(i) && !is_time_word(self.t(i)) && !REGION_PREFIXES.contains(&self.t(i))
    }

    /// A place at `i` only when it is a known region, or one word (with its directions)
    /// that ends the run of capitalized words (so that "KPU Arief Budiman" keeps no region).
    fn bare_place(&self, i: usize) -> Option<usize> {
        if self.known_region(i).is_some() {
            return self.place(i);
        }
        let end = self.place_words(i, false)?;
        (!self.continues_name(end)).then_some(end)
    }

    /// "Kota Palembang", "Kabupaten Muara Enim", "Provinsi NTB": the index after it.
    fn prefixed_region(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) || !REGION_PREFIXES.contains(&self.t(i)) {
            return None;
        }
        self.place(i + 1)
    }

    /// "(Diskominfo)", "(Persero)": the index after the closing bracket.
    fn bracket(&self, i: usize) -> Option<usize> {
        if !self.is_punct(i, "(") || !self.is_cap(i + 1) {
            return None;
        }
        let mut j = i + 1;
        while j < self.len() && j - i <= 3 && (self.is_word(j) || self.is_punct(j, "-")) {
            j += 1;
        }
        (self.is_punct(j, ")") && j > i + 1).then_some(j + 1)
    }

    fn byte_span(&self, from: usize, to: usize) -> Span {
        Span::new(self.words[from].start, self.words[to - 1].end)
    }
}

fn is_acronym_text(t: &str) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.chars().any(char::is_lowercase)
}

fn is_stop(t: &str) -> bool {
    static SET: LazyLock<WordTable<()>> = LazyLock::new(|| STOP_WORDS.iter().map(|&w| (w, ())).collect());
    SET.contains(t)
}

/// One of the `DIRECTIONS`, looked up in a set: asked after every place name.
fn is_direction(t: &str) -> bool {
    static SET: LazyLock<WordTable<()>> = LazyLock::new(|| DIRECTIONS.iter().map(|&w| (w, ())).collect());
    SET.contains(t)
}

fn is_time_word(t: &str) -> bool {
    calendar::weekday_number(t).is_some() || calendar::month_number(t).is_some()
}

/// An Indonesian common word (its root is in the dictionary): "Pendidikan", "Ketahanan".
fn is_common(t: &str) -> bool {
    let lower = t.to_lowercase();
    lexicon::is_root(&lower) || lexicon::with_stem(&lower, |root| root != lower && lexicon::is_root(root))
}

fn is_roman(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// The first words of the lexicon's phrases, as written.
pub(crate) fn phrase_first_words() -> impl Iterator<Item = String> {
    LEXICONS.phrases.first_words()
}

/// Finds the organizations and acronym definitions of `doc`.
pub fn extract(doc: &Doc<'_>) -> Organizations {
    let text = doc.text;
    let scan = Scan {
        text,
        words: words_of(text, doc.words()),
    };
    // The dateline's outlet is not an organization of the story.
    let skip = doc.dateline.as_ref().map(|d| d.span);
    let title_case = doc.body_start > 0 && is_title_case(&scan, doc.body_start);
    // Room for an article's candidates: grown from empty, the list was copied four times.
    let mut cands: Vec<Candidate> = Vec::with_capacity(32);
    lexicon_pass(&scan, doc.body_start, title_case, &mut cands);
    school_pass(&scan, &mut cands);
    let found: Vec<Span> = cands.iter().map(|c| c.span).collect();
    suffix_pass(&scan, &found, &mut cands);
    let acronyms = acronym_pass(&scan, &mut cands);
    cands.retain(|c| !skip.is_some_and(|s| c.span.start < s.end && c.span.end > s.start));
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    // A candidate inside a longer one is part of it ("Setda" in "Bagian Ortala Setda"),
    // unless it is kept apart.
    let mut kept: Vec<Candidate> = Vec::with_capacity(cands.len());
    let mut covered = 0;
    for c in cands {
        if c.span.start < covered && !c.nested {
            continue;
        }
        if !c.nested {
            covered = c.span.end;
        }
        kept.push(c);
    }
    let mut organizations = merge(text, kept, &acronyms);
    // A unit named only as where something is lies among the places, not the bodies.
    // Sorted for a binary search: a hash set was built and grown for every article.
    let mut ends: Vec<usize> = organizations
        .iter()
        .flat_map(|o| o.mentions.iter().map(|m| m.end))
        .collect();
    ends.sort_unstable();
    organizations.retain(|o| !named_as_address_only(&scan, o, &ends));
    Organizations {
        organizations,
        acronyms,
    }
}

/// Ends the organization mentions that run on over a person's name, given as the end of
/// the person's title and the span of the name after it: "Direktur Utama PT SMI Edwin
/// Syahruzad" names "PT SMI" and Edwin Syahruzad, though a company's name takes the
/// capitalized words after its head. People are found after organizations and tell a
/// title from the name that follows it; an organization that ends where such a name ends
/// and begins before the title does ends with the title, when two words or more are left
/// of it ("Mahkamah Agung" is no "Mahkamah" before a person "Agung"). An organization
/// whose name becomes another's is merged into it.
pub fn end_before_names(organizations: &mut Organizations, text: &str, names: &[(usize, Span)]) {
    let mut changed = false;
    for org in &mut organizations.organizations {
        for mention in &mut org.mentions {
            let cut = names.iter().find(|&&(title_end, name)| {
                mention.start < title_end
                    && title_end <= name.start
                    && name.end == mention.end
                    && text[mention.start..title_end].split_whitespace().count() >= 2
            });
            if let Some(&(title_end, _)) = cut {
                mention.end = title_end;
                changed = true;
            }
        }
    }
    if !changed {
        return;
    }
    // Each kept organization, and whether its name was shortened here: only then may
    // another of the same name be the same body.
    let mut merged: Vec<(Organization, bool)> = Vec::with_capacity(organizations.organizations.len());
    for mut org in organizations.organizations.drain(..) {
        let surfaces: Vec<&str> = org.mentions.iter().map(|m| m.slice(text)).collect();
        // The longest form written names it, the first of equal length.
        let name = surfaces.iter().copied().fold("", |best, s| {
            if s.chars().count() > best.chars().count() {
                s
            } else {
                best
            }
        });
        let renamed = name != org.name;
        if renamed {
            org.name = name.to_string();
            let mut aliases: Vec<String> = Vec::new();
            for s in surfaces {
                if s != name && !aliases.iter().any(|a| a == s) {
                    aliases.push(s.to_string());
                }
            }
            org.aliases = aliases;
        }
        let same = merged
            .iter_mut()
            .find(|(o, shortened)| (renamed || *shortened) && o.name.eq_ignore_ascii_case(&org.name));
        match same {
            Some((same, _)) => {
                same.mentions.extend(org.mentions);
                same.mentions.sort_by_key(|m| (m.start, m.end));
                same.mentions.dedup();
                for alias in org.aliases {
                    if alias != same.name && !same.aliases.contains(&alias) {
                        same.aliases.push(alias);
                    }
                }
                if same.acronym.is_none() {
                    same.acronym = org.acronym;
                }
            }
            None => merged.push((org, renamed)),
        }
    }
    organizations.organizations = merged.into_iter().map(|(org, _)| org).collect();
}

/// Whether every mention of a village, kelurahan or kecamatan is an address: after a word
/// of place ("di Kecamatan Tallo"), right after a smaller unit ("Desa Pandan Dulang
/// Kecamatan Semidang Aji"), or after a comma closing a name that is no organization
/// ("Bumi Perkemahan Sulemandara, Kecamatan Pondidaha"; `org_ends` are where the
/// organizations' mentions end).
fn named_as_address_only(scan: &Scan<'_>, org: &Organization, org_ends: &[usize]) -> bool {
    if !matches!(org.kind, "desa" | "kelurahan" | "kecamatan") {
        return false;
    }
    let head = org.name.split(' ').next().unwrap_or_default();
    let Some(&level) = LEXICONS.unit_levels.get(head) else {
        return false;
    };
    org.mentions.iter().all(|m| {
        let Some(i) = scan.index_at(m.start).filter(|&i| i > 0) else {
            return false;
        };
        if lexicon::with_lowercase(scan.t(i - 1), |w| LEXICONS.address_words.contains(w)) {
            return true;
        }
        let mut k = i - 1;
        if scan.is_punct(k, ",") && k > 0 {
            k -= 1;
            // "lewat RT, RW, Kelurahan Embong Kaliasin": a list of bodies, not an address.
            if scan.is_cap(k)
                && !scan.is_acronym(k)
                && !LEXICONS.unit_levels.contains(scan.t(k))
                && org_ends.binary_search(&scan.words[k].end).is_err()
            {
                return true;
            }
        }
        for _ in 0..4 {
            if !scan.is_cap(k) {
                return false;
            }
            if let Some(&smaller) = LEXICONS.unit_levels.get(scan.t(k)) {
                return smaller < level;
            }
            let Some(before) = k.checked_sub(1) else {
                return false;
            };
            k = before;
        }
        false
    })
}

/// A headline where most words are capitalized: there capitals mark no names.
fn is_title_case(scan: &Scan<'_>, body_start: usize) -> bool {
    let (mut words, mut caps) = (0, 0);
    for (i, w) in scan.words.iter().enumerate() {
        if w.start >= body_start {
            break;
        }
        if w.class == Class::Word {
            words += 1;
            caps += usize::from(scan.is_cap(i));
        }
    }
    words >= 3 && caps * 10 >= words * 7
}

/// Pass 1: every lexicon or head match, grown by its rule.
fn lexicon_pass(scan: &Scan<'_>, body_start: usize, title_case: bool, out: &mut Vec<Candidate>) {
    let text = scan.text;
    let mut next_free = 0;
    // `WordPhrases::find_at` over the word starts, keeping the word index of each match.
    // Every phrase begins with an ASCII letter or digit: punctuation starts none.
    let mut resume = 0;
    for (i, w) in scan.words.iter().enumerate() {
        if w.start < resume
            || !w.may_open
            || !matches!(w.class, Class::Word | Class::Number)
            || !LEXICONS.phrases.may_start_at(text, w.start)
            || !LEXICONS.openings.may_start_at(text, w.start)
        {
            continue;
        }
        let Some(m) = LEXICONS.phrases.at(text, w.start) else {
            continue;
        };
        resume = m.end;
        let nested = m.start < next_free;
        // The match must end where a word ends.
        let mut end_word = i;
        while end_word < scan.len() && scan.words[end_word].end < m.end {
            end_word += 1;
        }
        if end_word >= scan.len() || scan.words[end_word].end != m.end {
            continue;
        }
        let after = end_word + 1;
        let entry = LEXICONS.entries[m.pattern];
        if nested {
            // Parties and universities inside a longer name are named too.
            let inner = match entry {
                Entry::Known(kind) => Some(grow_known(scan, i, after, kind)),
                Entry::Head(head) if matches!(head.kind, "partai" | "universitas") => grow_head(scan, i, after, head),
                _ => None,
            };
            // Not the proper name of a party or company itself ("Golkar" in "Partai Golkar").
            let outer = out.iter().rev().find(|c| !c.nested);
            let apart = |c: &Candidate| {
                c.span.end <= next_free
                    && outer.is_none_or(|o| {
                        let own_name = i > 0 && scan.words[i - 1].start == o.span.start;
                        !matches!(o.kind, "partai" | "perusahaan" | "bumn")
                            && !(o.kind == "universitas" && own_name)
                            && (o.kind != c.kind || o.kind == "universitas")
                    })
            };
            if let Some(mut c) = inner.filter(apart) {
                c.nested = true;
                out.push(c);
            }
            continue;
        }
        let in_title = m.start < body_start;
        let found = match entry {
            Entry::Head(_) if in_title && title_case => None,
            Entry::Head(head) => grow_head(scan, i, after, head),
            Entry::Regional(long) => Some(grow_acronym(scan, i, after, long, true)),
            Entry::National(long) => Some(grow_acronym(scan, i, after, long, false)),
            Entry::Known(kind) => Some(grow_known(scan, i, after, kind)),
        };
        if let Some(mut c) = found {
            // "DPC PDI Perjuangan Kota Medan", "DPP Partai Golkar": the party's board, and
            // the party named inside it.
            if c.kind == "partai" && i > 0 && matches!(scan.t(i - 1), "DPC" | "DPD" | "DPW" | "DPP" | "PAC") {
                let mut inner = c.clone();
                inner.nested = true;
                c.span.start = scan.words[i - 1].start;
                out.push(c.clone());
                out.push(inner);
            } else {
                out.push(c.clone());
            }
            next_free = c.span.end;
        }
    }
    // "Kemenkumham", "KemenPUPR": ministries in their short form, listed or not.
    for i in 0..scan.len() {
        let t = scan.t(i);
        if scan.is_word(i)
            && t.len() > 6
            && t.starts_with("Kemen")
            && !LEXICONS.long_forms.contains(t)
            && !is_common(t)
            && !out
                .iter()
                .any(|c| c.span.start <= scan.words[i].start && scan.words[i].start < c.span.end)
        {
            let mut end = i + 1;
            if t == "Kemenko" && (scan.is_acronym(end) || scan.is_cap(end)) {
                end += 1;
            }
            // "KemenPAN - RB"
            if scan.is_punct(end, "-") && scan.is_acronym(end + 1) {
                end += 2;
            }
            let span = scan.byte_span(i, end);
            out.push(Candidate {
                span,
                body_end: span.end,
                region: None,
                acronym: Some(span),
                kind: "kementerian",
                government: true,
                source: "rule:org/kemen",
                nested: false,
            });
        }
    }
}

/// A head match at words `i..after`, grown by the head's mode.
fn grow_head(scan: &Scan<'_>, i: usize, after: usize, head: Head) -> Option<Candidate> {
    if !scan.is_cap(i) {
        return None;
    }
    match head.mode {
        Mode::Topic | Mode::Weak => grow_topic(scan, i, after, head),
        Mode::Name => grow_name(scan, i, after, head),
        Mode::Place => grow_place(scan, i, after, head),
        Mode::Government => grow_government(scan, i, after, head),
        Mode::Suffix => None,
    }
}

/// A capitalized word at `j` that is no head, region, known name or common word.
fn unknown_name_word(scan: &Scan<'_>, j: usize) -> bool {
    let t = scan.t(j);
    scan.is_name_word(j)
        && !scan.is_head(j)
        && !scan.is_acronym(j)
        && scan.known_region(j).is_none()
        && !LEXICONS.known_words.contains(t)
        && !LEXICONS.suffixes.contains(t)
        && !is_common(t)
}

/// A given name followed by another capitalized word: a person's name begins at `j`
/// ("Dinas Pendidikan Siti Aminah").
fn starts_person(scan: &Scan<'_>, j: usize) -> bool {
    person::is_given_name(scan.t(j)) && scan.is_name_word(j + 1) && !scan.is_head(j + 1)
}

/// "Dinas Pertanian dan Ketahanan Pangan", "Kejaksaan Tinggi (Kejati) Sumatera Selatan",
/// "Bagian Ortala Setda Kota Palembang".
fn grow_topic(scan: &Scan<'_>, i: usize, after: usize, head: Head) -> Option<Candidate> {
    // "Kantor Pemerintah Kota ...": the inner head names the body; "di Kantor X" is a venue.
    // "Kantor Wilayah Kementerian ...", "di Kantor Bupati": the inner body, or a venue.
    if scan.t(i) == "Kantor"
        && (matches!(scan.t(after), "Wilayah" | "Cabang" | "Perwakilan")
            || i > 0 && matches!(scan.t(i - 1), "di" | "Di" | "ke" | "Ke"))
    {
        return None;
    }
    // "Komite Badan Pengatur ...", "Kantor Pemerintah Kota ...": the inner head names the
    // body ("Kementerian Sekretariat Negara" and "Kementerian Koperasi" stay whole). A
    // party's name is made of such words: "Partai Persatuan Pembangunan".
    if head.kind != "partai"
        && scan.is_head(after)
        && !matches!(LEXICONS.heads[scan.t(after)].mode, Mode::Weak)
        && !matches!(scan.t(after), "Sekretariat" | "Badan" | "Pemerintahan")
    {
        return None;
    }
    // "Kantor Ombudsman RI Perwakilan Bali": the office of a listed body is that body.
    if scan.t(i) == "Kantor" && scan.is_word(after) && LEXICONS.known_words.contains(scan.t(after)) {
        return None;
    }
    let mut j = after;
    let mut topics = 0;
    let mut body_end = scan.words[after - 1].end;
    let mut acronym = None;
    let mut region = None;
    // Words the acronym after them spells are the name's, whatever they are.
    let spelled_to = spelled_by_acronym(scan, i).unwrap_or(0);
    while j < scan.len() && topics < MAX_TOPIC_WORDS {
        if j < spelled_to {
            // "Badan Penanggulangan Bencana Aceh (BPBA)": a region may close the spelled words.
            if let Some(end) = scan.known_region(j).filter(|&end| topics > 0 && end == spelled_to) {
                region = Some((j, end));
                j = end;
                continue;
            }
            topics += 1;
            j += 1;
            body_end = scan.words[j - 1].end;
            continue;
        }
        if let Some(end) = scan.prefixed_region(j) {
            region = Some((j, end));
            j = end;
            break;
        }
        if topics > 0
            && scan.t(j) != "Indonesia"
            && let Some(end) = scan.known_region(j)
        {
            let end = scan.place(j).unwrap_or(end);
            region = Some((j, end));
            j = end;
            break;
        }
        if let Some(end) = scan.bracket(j) {
            if topics == 0 && head.mode == Mode::Topic && !head.alone {
                return None;
            }
            acronym = Some(scan.byte_span(j + 1, end - 1));
            j = end;
            // After the acronym only a region may follow.
            if let Some(end) = scan.prefixed_region(j).or_else(|| scan.bare_place(j)) {
                region = Some((j, end));
                j = end;
            }
            break;
        }
        let t = scan.t(j);
        // "Fakultas Hukum Universitas Brawijaya": a unit's name runs on through the name of
        // the body of its kind that it belongs to.
        if topics > 0
            && scan.is_word(j)
            && let Some(&inner) = LEXICONS.heads.get(t)
            && inner.mode == Mode::Name
            && inner.kind == head.kind
            && let Some((end, _)) = name_words(scan, j + 1, inner)
        {
            // A bracket after it is the unit's own ("Fakultas Kesehatan Masyarakat
            // Universitas Indonesia (FKM UI)") unless it names the body ("Universitas Gadjah
            // Mada (UGM)", "(Unair)").
            let spelled = spelled_by_acronym(scan, j);
            let unit_bracket = (j + 2..end).find(|&k| {
                scan.bracket(k).is_some() && spelled != Some(k) && !LEXICONS.known_words.contains(scan.t(k + 1))
            });
            topics += 1;
            j = unit_bracket.unwrap_or(end);
            body_end = scan.words[j - 1].end;
            continue;
        }
        if scan.is_name_word(j) && !is_time_word(t) {
            if topics > 0 && scan.is_head(j) && LEXICONS.heads[t].mode != Mode::Suffix && !is_common(t) {
                break;
            }
            if topics > 0 && starts_person(scan, j) {
                break;
            }
            let ok =
                topics == 0 || scan.is_acronym(j) || is_roman(t) || LEXICONS.known_words.contains(t) || is_common(t);
            if !ok {
                break;
            }
            topics += 1;
            j += 1;
            body_end = scan.words[j - 1].end;
            continue;
        }
        // "Pertanian dan Ketahanan Pangan", but not "Dinas Kesehatan dan Dinas Sosial".
        // A head after "dan" belongs to the topic unless it starts a named body of its
        // own: "Pemberdayaan Masyarakat dan Desa (DPMD)".
        if topics > 0
            && matches!(t, "dan" | "&")
            && !scan.is_punct(j - 1, ",")
            && scan.is_name_word(j + 1)
            && (!scan.is_head(j + 1) || !scan.continues_name(j + 2) && !scan.is_number(j + 2))
            && !LEXICONS.first_words.contains(scan.t(j + 1))
            && !scan.t(j + 1).starts_with("Kemen")
        {
            j += 2;
            topics += 1;
            body_end = scan.words[j - 1].end;
            continue;
        }
        break;
    }
    if topics == 0 && region.is_none() {
        return None;
    }
    if head.mode == Mode::Weak && acronym.is_none() {
        return None;
    }
    if topics == 0 && acronym.is_none() && !head.alone {
        return None;
    }
    let span = scan.byte_span(i, branch(scan, j).unwrap_or(j));
    let region = region.map(|(a, b)| scan.byte_span(a, b));
    Some(Candidate::headed(head, span, body_end, region, acronym))
}

/// The index of the opening bracket when the capitalized words from `i` up to it are
/// spelled by the acronym inside it, one initial a word ("Lembaga Penyelenggara Pelayanan
/// Navigasi Penerbangan Indonesia (LPPNPI)"); "dan" and "&" spell nothing.
fn spelled_by_acronym(scan: &Scan<'_>, i: usize) -> Option<usize> {
    let mut initials = Vec::new();
    let mut j = i;
    while j < scan.len() && j - i <= MAX_TOPIC_WORDS {
        let t = scan.t(j);
        if matches!(t, "dan" | "&") {
            j += 1;
            continue;
        }
        if !scan.is_word(j) || !scan.is_cap(j) {
            break;
        }
        initials.push(t.as_bytes()[0].to_ascii_uppercase());
        j += 1;
    }
    let end = scan.bracket(j)?;
    let short = scan.t(j + 1);
    (end == j + 3
        && initials.len() >= 3
        && short.len() == initials.len()
        && short
            .bytes()
            .map(|b| b.to_ascii_uppercase())
            .eq(initials.iter().copied()))
    .then_some(j)
}

/// "Cabang Samarinda", "Perwakilan Bali", "Kantor Wilayah Sulawesi Selatan": the index
/// after the branch.
fn branch(scan: &Scan<'_>, j: usize) -> Option<usize> {
    let mut k = j;
    if scan.is_word(k) && scan.t(k) == "Kantor" && scan.is_word(k + 1) && matches!(scan.t(k + 1), "Wilayah" | "Cabang")
    {
        k += 1;
    }
    if !scan.is_word(k) || !BRANCHES.contains(&scan.t(k)) {
        return None;
    }
    let k = k + 1;
    scan.prefixed_region(k).or_else(|| {
        let p = scan.place(k)?;
        Some(p)
    })
}

/// "PT Mahakam Bara Lestari", "Universitas Muhammadiyah Palembang", "Partai Golkar",
/// "PT Bank Negara Indonesia (Persero) Tbk".
fn grow_name(scan: &Scan<'_>, i: usize, after: usize, head: Head) -> Option<Candidate> {
    let (j, acronym) = name_words(scan, after, head)?;
    let body_end = scan.words[j - 1].end;
    let span = scan.byte_span(i, branch(scan, j).unwrap_or(j));
    Some(Candidate::headed(head, span, body_end, None, acronym))
}

/// Where the name after a name-mode head ends (the index past its last word), with the
/// acronym in brackets inside it; None when no word names it.
fn name_words(scan: &Scan<'_>, after: usize, head: Head) -> Option<(usize, Option<Span>)> {
    let mut j = after;
    let mut words = 0;
    let mut acronym = None;
    while j < scan.len() && words < MAX_NAME_WORDS {
        if scan.is_name_word(j) && !is_time_word(scan.t(j)) {
            if words > 0 && scan.is_head(j) && !is_common(scan.t(j)) && scan.t(j) != "Bank" {
                break;
            }
            // Two words into a company's name, a given name and a surname are the person
            // the name is followed by ("Direktur PT Maju Jaya Budi Santoso"); earlier, or in
            // a university's name, they may name the body itself ("Universitas Ahmad
            // Dahlan", "Universitas Islam Negeri Raden Fatah").
            if head.kind == "perusahaan" && words >= 2 && starts_person(scan, j) {
                break;
            }
            words += 1;
            j += 1;
            // "Universitas Lampung Robi Cahyadi Kurniawan": after a region, two capitalized
            // words no lexicon or dictionary knows are a person's name.
            if let Some(end) = scan.known_region(j - 1)
                && end == j
                && unknown_name_word(scan, j)
                && unknown_name_word(scan, j + 1)
            {
                break;
            }
            // "PT Bank Central Asia Tbk": a company form closes the name ("PT Garuda
            // Indonesia Airlines Tbk" has two).
            let suffix = |k: usize| scan.is_word(k) && LEXICONS.suffixes.contains(scan.t(k));
            if words > 1 && suffix(j - 1) && !suffix(j) {
                break;
            }
        } else if words > 0 && scan.is_number(j) && scan.t(j).len() <= 2 {
            // "Universitas 17 Agustus", "Angkasa Pura 2"
            words += 1;
            j += 1;
        } else if words > 0
            && let Some(end) = scan.bracket(j)
        {
            if acronym.is_none() && scan.t(j + 1) != "Persero" {
                acronym = Some(scan.byte_span(j + 1, end - 1));
            }
            j = end;
        } else {
            break;
        }
    }
    (words > 0).then_some((j, acronym))
}

/// "Kecamatan Plaju", "Puskesmas Gandus", "Kodim 0901/Samarinda", "Polres Gowa".
fn grow_place(scan: &Scan<'_>, i: usize, after: usize, head: Head) -> Option<Candidate> {
    // "Puskesmas Tunggangri Kecamatan Kalidawir", "Desa Tewil Kecamatan Kota Maba": an
    // address after a place name qualifies it and names no body of the story.
    if matches!(head.kind, "kecamatan" | "kelurahan" | "desa")
        && i > 0
        && scan.is_name_word(i - 1)
        && !scan.is_head(i - 1)
        && !STOPWORDS.find(scan.t(i - 1))
        && !is_common(scan.t(i - 1))
    {
        return None;
    }
    let mut j = after;
    let mut acronym = None;
    if let Some(end) = scan.bracket(j) {
        acronym = Some(scan.byte_span(j + 1, end - 1));
        j = end;
    }
    let body_end = scan.words[after - 1].end;
    let region_start = j;
    if scan.is_number(j) {
        j += 1;
        if scan.is_punct(j, "/")
            && let Some(end) = scan.place(j + 1)
        {
            j = end;
        }
    } else if let Some(end) = scan.prefixed_region(j).or_else(|| scan.place(j)) {
        j = end;
    } else if LEXICONS.long_forms.contains(scan.t(i)) {
        // A bare "Polres" or "Puskesmas" still names a body when it is an acronym.
        j = after;
    } else {
        return None;
    }
    if j > region_start
        && let Some(end) = scan.prefixed_region(j)
    {
        j = end;
    }
    let region = (j > region_start).then(|| scan.byte_span(region_start, j));
    Some(Candidate::headed(head, scan.byte_span(i, j), body_end, region, acronym))
}

/// "Pemerintah Kota (Pemkot) Palembang", "Pemerintah Provinsi Jambi", "Pemerintah Aceh",
/// "Pemerintah Daerah".
fn grow_government(scan: &Scan<'_>, i: usize, after: usize, head: Head) -> Option<Candidate> {
    let mut j = after;
    let level = scan.is_word(j)
        && matches!(
            scan.t(j),
            "Kota" | "Kabupaten" | "Kab." | "Provinsi" | "Prov." | "Desa" | "Kelurahan" | "Daerah"
        );
    let mut acronym = None;
    let body_end;
    let region;
    if level {
        j += 1;
        body_end = scan.words[j - 1].end;
        if let Some(end) = scan.bracket(j) {
            acronym = Some(scan.byte_span(j + 1, end - 1));
            j = end;
        }
        match scan.place(j) {
            Some(end) => {
                region = Some(scan.byte_span(after, end));
                j = end;
            }
            None if scan.t(after) == "Daerah" => region = None,
            None => return None,
        }
    } else {
        // "Pemerintah Aceh", "Pemerintah Jepang", not "Pemerintahan Berbasis Elektronik".
        let end = match scan.known_region(j) {
            Some(_) => scan.place(j)?,
            None if scan.is_word(j) && !is_common(scan.t(j)) => scan.bare_place(j)?,
            None => return None,
        };
        body_end = scan.words[after - 1].end;
        region = Some(scan.byte_span(j, end));
        j = end;
    }
    Some(Candidate::headed(head, scan.byte_span(i, j), body_end, region, acronym))
}

/// A listed acronym ("Diskominfo", "Polri", "Satpol PP"), with a region after it when
/// one is written, and a parent body ("Satreskrim Polres Gowa", "Komisi II DPR RI").
fn grow_acronym(scan: &Scan<'_>, i: usize, after: usize, long: &'static str, regional: bool) -> Candidate {
    let mut j = after;
    // "Banggar DPRD Kota Mataram", "Satlantas Polres Serdang Bedagai", "DPR RI".
    while j < scan.len() && j - after < 3 {
        let t = scan.t(j);
        if scan.is_word(j) && (LEXICONS.long_forms.contains(t) || (t == "RI")) && t != "TNI" {
            j += 1;
        } else {
            break;
        }
    }
    let body_end = scan.words[j - 1].end;
    let region_start = j;
    if let Some(end) = scan.prefixed_region(j) {
        j = end;
    } else if let Some(end) = scan.known_region(j) {
        if scan.t(j) != "Indonesia" {
            j = scan.place(j).unwrap_or(end);
        }
    } else if regional && let Some(end) = scan.bare_place(j) {
        j = end;
    }
    let region = (j > region_start).then(|| scan.byte_span(region_start, j));
    if let Some(b) = branch(scan, j) {
        j = b;
    }
    let acronym = scan.byte_span(i, after);
    let kind = kind_of_long(long);
    Candidate {
        span: scan.byte_span(i, j),
        body_end,
        region,
        acronym: Some(acronym),
        kind,
        government: true,
        source: if regional {
            "lexicon:org/singkatan_daerah"
        } else {
            "lexicon:org/singkatan_pusat"
        },
        nested: false,
    }
}

/// A well-known name ("Pertamina", "Partai" needs no head for "Golkar").
fn grow_known(scan: &Scan<'_>, i: usize, after: usize, kind: &'static str) -> Candidate {
    let mut j = after;
    let mut acronym = None;
    if kind == "bumn" || kind == "perusahaan" {
        if let Some(end) = scan.bracket(j) {
            j = end;
        }
        if scan.is_word(j) && scan.t(j) == "Tbk" {
            j += 1;
        }
    }
    // "Universitas Gadjah Mada (UGM) Yogyakarta": written whole, as its head's rule would.
    if kind == "universitas"
        && let Some(end) = scan.bracket(j)
    {
        acronym = Some(scan.byte_span(j + 1, end - 1));
        j = end;
    }
    let body_end = scan.words[j - 1].end;
    let region_start = j;
    if let Some(end) = scan.prefixed_region(j) {
        j = end;
    } else if matches!(kind, "lainnya" | "universitas")
        && scan.is_word(j)
        && scan.t(j) != "Indonesia"
        && let Some(end) = scan.known_region(j)
    {
        // "PWI Babel", "PMI Kota Samarinda", "Universitas Airlangga Surabaya"
        j = end;
    }
    let surface = scan.byte_span(i, after);
    if acronym.is_none() && is_acronym_text(surface.slice(scan.text)) {
        acronym = Some(surface);
    }
    let (kind, government) = match kind {
        "bumn" => ("bumn", true),
        "perusahaan" | "partai" | "universitas" => (kind, false),
        "polisi" => ("polisi", true),
        _ => ("lainnya", false),
    };
    Candidate {
        span: scan.byte_span(i, j),
        body_end,
        region: (j > region_start).then(|| scan.byte_span(region_start, j)),
        acronym,
        kind,
        government,
        source: "lexicon:org/nama",
        nested: false,
    }
}

/// The kind of a body from its long form's head word.
fn kind_of_long(long: &str) -> &'static str {
    if long.starts_with("Dewan Perwakilan Rakyat Daerah") || long.starts_with("Dewan Perwakilan Rakyat Kabupaten") {
        return "dprd";
    }
    if long.starts_with("Pemerintah") {
        return "pemda";
    }
    if long.starts_with("Tentara") || long.starts_with("Komando") || long.starts_with("Markas Besar Tentara") {
        return "militer";
    }
    if long.starts_with("Kepolisian") || long.starts_with("Markas Besar Kepolisian") || long.starts_with("Satuan") {
        return "polisi";
    }
    if long.starts_with("Bank") || long.starts_with("Perum") {
        return "bumn";
    }
    let first = long.split(' ').next().unwrap_or("");
    match LEXICONS.heads.get(first) {
        Some(h) => h.kind,
        None => "lembaga",
    }
}

/// Pass 2a: schools with their number, and the place after it.
fn school_pass(scan: &Scan<'_>, out: &mut Vec<Candidate>) {
    for caps in SCHOOL.captures_iter(scan.text) {
        let m = caps.get(0).expect("group 0 always matches");
        let Some(i) = scan.index_at(m.start()) else {
            continue;
        };
        let mut j = i;
        while j < scan.len() && scan.words[j].end < m.end() {
            j += 1;
        }
        let mut end = j + 1;
        let body_end = scan.words[j].end;
        let mut region = None;
        if let Some(e) = scan.prefixed_region(end).or_else(|| scan.bare_place(end)) {
            region = Some(scan.byte_span(end, e));
            end = e;
        }
        out.push(Candidate {
            span: scan.byte_span(i, end),
            body_end,
            region,
            acronym: None,
            kind: "sekolah",
            government: caps.name("private").is_none(),
            source: "rule:org/school",
            nested: false,
        });
    }
}

/// Pass 2b: capitalized runs ended by a suffix head ("Sriwijaya Air", "Moody's Investors
/// Service", "Shamrock Holdings"), outside names already found.
fn suffix_pass(scan: &Scan<'_>, found: &[Span], out: &mut Vec<Candidate>) {
    for i in 1..scan.len() {
        if !scan.is_cap(i) {
            continue;
        }
        let Some(head) = LEXICONS.suffixes.get(scan.t(i)) else {
            continue;
        };
        let start_byte = scan.words[i].start;
        if found.iter().any(|c| c.start <= start_byte && start_byte < c.end) {
            continue;
        }
        let mut s = i;
        while s > 0 && i - s < 5 && scan.is_name_word(s - 1) && !is_time_word(scan.t(s - 1)) {
            s -= 1;
        }
        // Leading function or common words are the sentence's, not the name's, as long
        // as a name word is left before the head ("Maskapai Sriwijaya Air").
        while s + 1 < i
            && (STOPWORDS.find(scan.t(s)) || (is_common(scan.t(s)) && scan.t(s) != "The") || scan.is_head(s))
        {
            s += 1;
        }
        if s == i || (s + 1 == i && STOPWORDS.find(scan.t(s))) {
            continue;
        }
        let mut end = i + 1;
        if scan.is_punct(end, ".") && scan.t(i).len() <= 3 && matches!(scan.t(i), "Inc" | "Co" | "Ltd" | "Corp") {
            end += 1;
        }
        let span = scan.byte_span(s, end);
        out.push(Candidate {
            span,
            body_end: span.end,
            region: None,
            acronym: None,
            kind: head.kind,
            government: head.government,
            source: "rule:org/suffix",
            nested: false,
        });
    }
}

/// Pass 3: acronym definitions, both orders, kept whatever they name; a definition whose
/// long form is an organization joins it, and bare uses of that acronym are mentions.
fn acronym_pass(scan: &Scan<'_>, cands: &mut Vec<Candidate>) -> Vec<Acronym> {
    let text = scan.text;
    let mut acronyms = Vec::new();
    let mut defined: Vec<(String, usize)> = Vec::new();
    for open in 0..scan.len() {
        if !scan.is_punct(open, "(") {
            continue;
        }
        // Long Form (ACR)
        if scan.is_word(open + 1) && scan.is_punct(open + 2, ")") && open > 0 {
            let short = scan.t(open + 1);
            if looks_like_acronym(short)
                && let Some(start) = long_form_before(scan, open, short)
            {
                let long = &text[scan.words[start].start..scan.words[open - 1].end];
                let span = Span::new(scan.words[start].start, scan.words[open + 2].end);
                acronyms.push(Acronym {
                    short: short.to_string(),
                    long: long.to_string(),
                    span,
                });
                let org = cands.iter().position(|c| {
                    c.span.start <= span.start && c.span.end >= scan.words[open - 1].end
                        || c.span.start >= span.start && c.span.end <= span.end
                });
                match org {
                    Some(k) => {
                        // "Organisation for ... Development (OECD)": the listed acronym
                        // found inside the brackets takes its long form.
                        if cands[k].span.start >= scan.words[open].start {
                            cands[k].span = span;
                            cands[k].body_end = scan.words[open - 1].end;
                        }
                        if cands[k].acronym.is_none() {
                            cands[k].acronym = Some(scan.words[open + 1].span());
                        }
                        defined.push((short.to_string(), k));
                    }
                    None if is_org_long_form(scan, start, open) => {
                        cands.push(Candidate {
                            span,
                            body_end: scan.words[open - 1].end,
                            region: None,
                            acronym: Some(scan.words[open + 1].span()),
                            kind: "lainnya",
                            government: false,
                            source: "rule:org/acronym_definition",
                            nested: false,
                        });
                        defined.push((short.to_string(), cands.len() - 1));
                    }
                    None => {}
                }
                continue;
            }
        }
        // ACR (Long Form)
        if open > 0 && scan.is_word(open - 1) && looks_like_acronym(scan.t(open - 1)) {
            let short = scan.t(open - 1);
            let mut close = open + 1;
            while close < scan.len()
                && close - open < 15
                && !scan.is_punct(close, ")")
                && scan.words[close].class != Class::Break
            {
                close += 1;
            }
            if scan.is_punct(close, ")")
                && close > open + 2
                && scan.is_cap(open + 1)
                && initials_match(scan, open + 1, close, short)
            {
                let long = &text[scan.words[open + 1].start..scan.words[close - 1].end];
                let span = Span::new(scan.words[open - 1].start, scan.words[close].end);
                acronyms.push(Acronym {
                    short: short.to_string(),
                    long: long.to_string(),
                    span,
                });
            }
        }
    }
    // Bare uses of a defined acronym that no lexicon knows ("BPBA", "KOINYANLIK" is no
    // organization and is not looked for).
    for (short, k) in defined {
        if LEXICONS.long_forms.contains(short.as_str()) {
            continue;
        }
        let (kind, government, source) = (cands[k].kind, cands[k].government, cands[k].source);
        for i in 0..scan.len() {
            if scan.is_word(i) && scan.t(i) == short {
                let start = scan.words[i].start;
                if cands.iter().any(|c| c.span.start <= start && start < c.span.end) {
                    continue;
                }
                let mut end = i + 1;
                let region_start = end;
                if let Some(e) = scan.prefixed_region(end).or_else(|| scan.known_region(end)) {
                    end = e;
                }
                cands.push(Candidate {
                    span: scan.byte_span(i, end),
                    body_end: scan.words[i].end,
                    region: (end > region_start).then(|| scan.byte_span(region_start, end)),
                    acronym: Some(scan.words[i].span()),
                    kind,
                    government,
                    source,
                    nested: false,
                });
            }
        }
    }
    acronyms
}

impl Word {
    fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// "KOINYANLIK", "Kejati", "BPBA", "Diskominfo": starts uppercase, at least two capitals
/// or one capital and a short length.
fn looks_like_acronym(t: &str) -> bool {
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    let first = t.chars().next().is_some_and(char::is_uppercase);
    first && t.len() >= 2 && t.len() <= 15 && (upper >= 2 || t.len() <= 12) && !t.contains(char::is_whitespace)
}

/// The first word of the long form of `short` that ends before the bracket at `open`:
/// the shortest run of words (within a clause) whose letters contain the acronym's letters
/// in order, the first matching the first word's initial (Schwartz and Hearst 2003).
fn long_form_before(scan: &Scan<'_>, open: usize, short: &str) -> Option<usize> {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let first = *letters.first()?;
    let max_words = (letters.len() + 5).min(letters.len() * 2).max(2);
    let mut start = open;
    let mut count = 0;
    while start > 0 && count < max_words {
        let k = start - 1;
        match scan.words[k].class {
            Class::Word | Class::Number => {}
            Class::Punct if matches!(scan.t(k), "," | "-" | "/" | "&") => {}
            _ => break,
        }
        start = k;
        if scan.words[k].class == Class::Word {
            count += 1;
            let initial = scan.t(k).chars().next().and_then(|c| c.to_lowercase().next());
            // The first word must carry the acronym's first letter and hold the rest.
            if initial == Some(first)
                && scan.words[k].class == Class::Word
                && !STOPWORDS.find(scan.t(k))
                && subsequence(&letters, &scan.text[scan.words[k].start..scan.words[open - 1].end])
                && (scan.is_cap(k) || !scan.is_cap(open - 1))
            {
                return Some(k);
            }
        }
    }
    None
}

/// True when `letters` occur in order in `long`, the first at its start.
fn subsequence(letters: &[char], long: &str) -> bool {
    let mut it = letters.iter().peekable();
    for c in long.chars().flat_map(char::to_lowercase) {
        if it.peek() == Some(&&c) {
            it.next();
        }
    }
    it.peek().is_none()
}

/// "KPK (Komisi Pemberantasan Korupsi)": the capitalized words' initials hold the acronym.
fn initials_match(scan: &Scan<'_>, from: usize, to: usize, short: &str) -> bool {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let long = &scan.text[scan.words[from].start..scan.words[to - 1].end];
    letters.first() == long.chars().next().and_then(|c| c.to_lowercase().next()).as_ref() && subsequence(&letters, long)
}

/// A long form that names an organization though no head rule found it: capitalized and
/// ending in a suffix head ("Organisation for ... Development" is not), or starting with
/// a head.
fn is_org_long_form(scan: &Scan<'_>, start: usize, open: usize) -> bool {
    if !scan.is_cap(start) {
        return false;
    }
    let last = scan.t(open - 1);
    LEXICONS.suffixes.contains(last) || scan.is_head(start)
}

/// Pass 4: candidates to organizations. Mentions are one organization when their bodies
/// are the same once acronyms are expanded, and their regions agree (or one has none).
fn merge(text: &str, cands: Vec<Candidate>, acronyms: &[Acronym]) -> Vec<Organization> {
    struct Group {
        body: String,
        region: String,
        org: Organization,
    }
    let mut defined: FastMap<&str, String> = FastMap::default();
    for a in acronyms {
        defined.insert(a.short.as_str(), strip_brackets(&a.long).to_lowercase());
    }
    let mut groups: Vec<Group> = Vec::with_capacity(cands.len());
    for c in cands {
        let body = body_key(text, &c, &defined);
        let region = c.region.map(|r| region_key(r.slice(text))).unwrap_or_default();
        let surface = c.span.slice(text);
        let same = groups
            .iter()
            .position(|g| g.body == body && g.region == region)
            .or_else(|| {
                groups
                    .iter()
                    .position(|g| g.body == body && (g.region.is_empty() || region.is_empty()))
            });
        match same {
            Some(k) => {
                let g = &mut groups[k];
                if g.region.is_empty() && !region.is_empty() && !matches!(c.kind, "kecamatan" | "kelurahan" | "desa") {
                    g.region = region;
                    g.org.region = c.region.map(|r| strip_brackets(r.slice(text)).into_owned());
                }
                if surface.chars().count() > g.org.name.chars().count() {
                    let old = std::mem::replace(&mut g.org.name, surface.to_string());
                    if !g.org.aliases.contains(&old) {
                        g.org.aliases.push(old);
                    }
                    g.org.aliases.retain(|a| a != surface);
                } else if surface != g.org.name && !g.org.aliases.iter().any(|a| a == surface) {
                    g.org.aliases.push(surface.to_string());
                }
                if g.org.acronym.is_none() {
                    g.org.acronym = c.acronym.map(|a| a.slice(text).to_string());
                }
                g.org.mentions.push(c.span);
            }
            None => groups.push(Group {
                body,
                region,
                org: Organization {
                    name: surface.to_string(),
                    acronym: c.acronym.map(|a| a.slice(text).to_string()),
                    aliases: Vec::new(),
                    kind: c.kind,
                    government: c.government,
                    region: c
                        .region
                        .filter(|_| !matches!(c.kind, "kecamatan" | "kelurahan" | "desa"))
                        .map(|r| strip_brackets(r.slice(text)).into_owned()),
                    mentions: vec![c.span],
                    source: c.source,
                },
            }),
        }
    }
    groups.into_iter().map(|g| g.org).collect()
}

/// `s` without its bracketed parts, its words joined by single spaces; borrowed when `s`
/// is already so, as most names are (merging asks it of every mention several times).
fn strip_brackets(s: &str) -> Cow<'_, str> {
    if is_plain(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    let mut space = false;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth != 0 => {}
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    Cow::Owned(out)
}

/// Whether `strip_brackets` leaves `s` as it is: ASCII without brackets, its words apart
/// by single spaces, none at either end.
fn is_plain(s: &str) -> bool {
    let mut after_space = true;
    for &b in s.as_bytes() {
        let space = b == b' ';
        if space && after_space {
            return false;
        }
        if !space && (!b.is_ascii() || b == b'(' || b == b')' || (b as char).is_whitespace()) {
            return false;
        }
        after_space = space;
    }
    !after_space || s.is_empty()
}

/// `s` in lowercase, lowercased in place when it is ASCII (as `str::to_lowercase` would).
fn into_lowercase(mut s: String) -> String {
    if s.is_ascii() {
        s.make_ascii_lowercase();
        s
    } else {
        s.to_lowercase()
    }
}

/// The body of a name, lowercase, its leading acronym expanded: "Pemkot" and "Pemerintah
/// Kota" give "pemerintah kota".
fn body_key(text: &str, c: &Candidate, defined: &FastMap<&str, String>) -> String {
    let body = strip_brackets(&text[c.span.start..c.body_end.max(c.span.start)]);
    let body: &str = &body;
    // The words are apart by single spaces, so the first `n` of them are a prefix of the
    // body and the rest what follows the space after it.
    let mut word_ends = [0; 3];
    let mut words = 0;
    for end in body.match_indices(' ').map(|(k, _)| k).chain([body.len()]) {
        if words == word_ends.len() {
            break;
        }
        word_ends[words] = end;
        words += 1;
    }
    // The longest leading run of words that is a known acronym.
    for &head_end in word_ends[..words].iter().rev() {
        let head = &body[..head_end];
        let rest = body.get(head_end + 1..).unwrap_or("");
        if let Some(long) = LEXICONS.long_forms.get(head) {
            return expanded_key(&strip_brackets(long).to_lowercase(), rest);
        }
        if let Some(long) = defined.get(head) {
            return expanded_key(long, rest);
        }
    }
    // "Partai Golkar" and "Golkar" are one party.
    let body = match body.strip_prefix("Partai ") {
        Some(name) if c.kind == "partai" => name,
        _ => body,
    };
    into_lowercase(body.to_string())
}

/// An acronym's lowercase long form and the rest of a name after it, as one key.
fn expanded_key(long: &str, rest: &str) -> String {
    let mut key = String::with_capacity(long.len() + 1 + rest.len());
    key.push_str(long);
    key.push(' ');
    if rest.is_ascii() {
        let from = key.len();
        key.push_str(rest);
        key[from..].make_ascii_lowercase();
    } else {
        key.push_str(&rest.to_lowercase());
    }
    let trimmed = key.trim();
    if trimmed.len() == key.len() {
        key
    } else {
        trimmed.to_string()
    }
}

/// A region, lowercase, without "Kota"/"Kabupaten"/"Provinsi", abbreviations expanded.
fn region_key(region: &str) -> String {
    let region = strip_brackets(region);
    let words: Vec<&str> = region
        .split_whitespace()
        .filter(|w| !REGION_PREFIXES.contains(w))
        .collect();
    if let Some(list) = words.first().and_then(|w| LEXICONS.regions.get(w))
        && let Some((_, full)) = list.iter().find(|(ws, _)| *ws == words)
    {
        return full.to_lowercase();
    }
    into_lowercase(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<String> {
        let doc = Doc::from_text(text);
        extract(&doc).organizations.into_iter().map(|o| o.name).collect()
    }

    proptest::proptest! {
        /// The word list read off the article's words is the one read off its text.
        #[test]
        fn word_lists_agree(text in "([ \n\t.,()\\-'’‐“”a-zA-Z09éÉß\u{301}]|Kab\\.|Kec\\.|Ds\\.|12|2022){0,40}") {
            let doc = Doc::from_text(&text);
            let boundaries = |list: Vec<Word>| list.into_iter().map(|w| (w.start, w.end, w.class, w.cap)).collect::<Vec<_>>();
            proptest::prop_assert_eq!(boundaries(words_of(&text, doc.words())), boundaries(words(&text)));
        }
    }

    #[test]
    fn heads_and_enumerations() {
        assert_eq!(
            orgs("Mereka adalah Kecamatan Plaju, Puskesmas Gandus, SMP 30, dan Dinas Pertanian dan Ketahanan Pangan."),
            [
                "Kecamatan Plaju",
                "Puskesmas Gandus",
                "SMP 30",
                "Dinas Pertanian dan Ketahanan Pangan"
            ]
        );
    }

    #[test]
    fn acronyms_link_long_forms() {
        assert_eq!(
            orgs("Pemerintah Kota (Pemkot) Palembang hadir. Pemkot Palembang menyambut."),
            ["Pemerintah Kota (Pemkot) Palembang"]
        );
    }

    #[test]
    fn data_files_are_clean() {
        let all = [
            ("org/kepala.txt", lexicons::HEADS),
            ("org/singkatan_daerah.txt", lexicons::REGIONAL),
            ("org/singkatan_pusat.txt", lexicons::NATIONAL),
            ("org/nama.txt", lexicons::KNOWN),
            ("org/wilayah.txt", lexicons::REGIONS),
            ("org/alamat.txt", lexicons::ADDRESS_WORDS),
            ("org/tingkat_wilayah.txt", lexicons::UNIT_LEVELS),
        ];
        for (name, source) in all {
            let mut seen = FastSet::default();
            for e in lexicon::entries(source) {
                assert_eq!(e.surface, e.surface.trim(), "{name}: stray space in {:?}", e.surface);
                assert!(!e.surface.is_empty(), "{name}: empty entry");
                assert!(seen.insert(e.surface), "{name}: duplicate {:?}", e.surface);
            }
            assert!(!seen.is_empty(), "{name} is empty");
        }
        // Every head parses (the build panics on a bad mode).
        assert!(!LEXICONS.heads.is_empty() && !LEXICONS.suffixes.is_empty());
    }

    #[test]
    fn generic_words_are_not_organizations() {
        assert!(orgs("Setiap OPD harus berinovasi bersama pemerintah.").is_empty());
    }
}
