//! Places: provinces, regencies and cities, districts and villages named in the text, with
//! their official Kemendagri codes when a [`Gazetteer`] is given.
//!
//! Without a gazetteer the extractor works from patterns and the lexicons of `data/place/`:
//! - heads: "Kota X", "Kabupaten X" / "Kab. X", "Kecamatan X" / "Kec. X", "Kelurahan X" /
//!   "Kel. X", "Desa X" / "Ds. X", "Provinsi X" (`rule:place/<level>_head`);
//! - names of provinces and their short forms ("Sumsel", "NTB"), of cities and of
//!   regencies, written bare (`lexicon:place/provinsi`, `lexicon:place/kota`,
//!   `lexicon:place/kabupaten`);
//! - the region an office names: "Wali Kota Ternate", "Bupati Jember", "Camat Genteng",
//!   "Pemkot Makassar" (`rule:place/office_region`);
//! - the dateline's place ("PALEMBANG –") (`rule:place/dateline`).
//!
//! With a gazetteer the names after heads are cut where the gazetteer's names end, every
//! regency and city is found after a locative ("di Gowa, Makassar, dan Takalar") or a body
//! that takes a region ("Polres Gowa") (`gazetteer:place/kabupaten_kota`), the area a
//! district body is named after ("Puskesmas Gandus") counts when it lies in a city or
//! regency of the article (`gazetteer:place/kecamatan_body`), and each place gets its
//! code. A name many regions share is resolved by the regions around it: the region it is
//! written beside ("Desa Oelnasi, Kecamatan Kupang Tengah"), the regencies, cities and
//! districts the article names, and the provinces of its unambiguous places; a place whose
//! candidates all lie outside those provinces gets no code, and one that stays ambiguous
//! gets none either (a wrong code is worse than none).
//!
//! A region an organization is named after is a place too ("Dinas Pendidikan Kota
//! Palembang" names Kota Palembang), and an office such as "Kecamatan Plaju" in a list of
//! award winners is both an organization and a place: the arrays are separate.

use std::sync::LazyLock;

use crate::calendar;
use crate::extract::Doc;
use crate::extract::person::Person;
use crate::gazetteer::{self, Gazetteer, Level, Region};
use crate::lexicon::{self, FastSet, PhraseOpenings, WordPhrases, WordTable};
use crate::span::Span;
use crate::token::{Token, TokenKind};
use crate::words::{self, Word};

/// The lexicons of this extractor, embedded at build time.
pub(crate) mod lexicons {
    /// The 38 provinces and their short forms.
    pub const PROVINCES: &str = include_str!("../../data/place/provinsi.txt");
    /// Cities named bare, and their short forms.
    pub const CITIES: &str = include_str!("../../data/place/kota.txt");
    /// Regencies named bare, and their short forms.
    pub const REGENCIES: &str = include_str!("../../data/place/kabupaten.txt");
    /// Cities counted only after "Kota" or in a dateline.
    pub const HEADED_CITIES: &str = include_str!("../../data/place/kota_kepala.txt");
}

/// A place and every place the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its name with the word of its level ("Kota Palembang", "Kecamatan Plaju"); a
    /// province by its name alone ("Sumatera Selatan"), short forms written out.
    pub name: String,
    /// Its level; `None` for a dateline place that neither the lexicons nor the gazetteer
    /// place.
    pub level: Option<Level>,
    /// Its Kemendagri code ("16.71.14"), with a gazetteer and an unambiguous match.
    pub code: Option<String>,
    /// Where it is named, in text order.
    pub mentions: Vec<Span>,
    /// The rule that found it first.
    pub source: &'static str,
}

/// A set of levels, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Levels(u8);

impl Levels {
    const ALL: Levels = Levels(0b11_1111);

    fn of(levels: &[Level]) -> Levels {
        Levels(levels.iter().fold(0, |acc, &l| acc | Levels::bit(l)))
    }

    fn bit(level: Level) -> u8 {
        1 << (level as u8)
    }

    fn has(self, level: Level) -> bool {
        self.0 & Levels::bit(level) != 0
    }

    fn and(self, other: Levels) -> Levels {
        Levels(self.0 & other.0)
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// What a lexicon surface names.
#[derive(Debug, Clone, Copy)]
struct LexEntry {
    canonical: &'static str,
    province: bool,
    city: bool,
    regency: bool,
    /// All capitals ("NTB", "OKI"): matched only as written.
    upper: bool,
}

impl LexEntry {
    /// Levels and preference when named bare: a province first, then a city.
    fn bare(&self) -> (Levels, Level, &'static str) {
        if self.province {
            (
                Levels::of(&[Level::Provinsi]),
                Level::Provinsi,
                "lexicon:place/provinsi",
            )
        } else if self.city {
            (
                Levels::of(&[Level::Kota, Level::Kabupaten]),
                Level::Kota,
                "lexicon:place/kota",
            )
        } else {
            (
                Levels::of(&[Level::Kabupaten]),
                Level::Kabupaten,
                "lexicon:place/kabupaten",
            )
        }
    }

    /// Levels and preference in a dateline: a city first ("JAMBI –" is the city).
    fn dateline(&self) -> (Levels, Level) {
        let mut levels = Vec::new();
        if self.city {
            levels.push(Level::Kota);
        }
        if self.regency || self.city {
            levels.push(Level::Kabupaten);
        }
        if self.province {
            levels.push(Level::Provinsi);
        }
        let preferred = levels[0];
        (Levels::of(&levels), preferred)
    }
}

struct Lexicons {
    phrases: WordPhrases,
    /// The openings of `phrases`, asked at every capitalized word first.
    openings: PhraseOpenings,
    entries: Vec<LexEntry>,
    /// Keys of every city, those named bare and those named only with "Kota".
    cities: FastSet<String>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut entries: Vec<LexEntry> = Vec::new();
    let files = [
        (lexicons::PROVINCES, 0),
        (lexicons::CITIES, 1),
        (lexicons::REGENCIES, 2),
    ];
    for (source, which) in files {
        for e in lexicon::entries(source) {
            let canonical = e.value.unwrap_or(e.surface);
            let k = match patterns.iter().position(|&p| p == e.surface) {
                Some(k) => k,
                None => {
                    patterns.push(e.surface);
                    entries.push(LexEntry {
                        canonical,
                        province: false,
                        city: false,
                        regency: false,
                        upper: e.surface.chars().all(|c| !c.is_lowercase()),
                    });
                    entries.len() - 1
                }
            };
            match which {
                0 => entries[k].province = true,
                1 => entries[k].city = true,
                _ => entries[k].regency = true,
            }
        }
    }
    let phrases = WordPhrases::new(&patterns, true);
    let openings = PhraseOpenings::new(&patterns);
    let cities = lexicon::entries(lexicons::CITIES)
        .chain(lexicon::entries(lexicons::HEADED_CITIES))
        .map(|e| gazetteer::name_key(e.value.unwrap_or(e.surface)))
        .collect();
    Lexicons {
        phrases,
        openings,
        entries,
        cities,
    }
});

/// The first words of the lexicon's phrases, lowercase.
pub(crate) fn phrase_first_words() -> impl Iterator<Item = String> {
    LEXICONS.phrases.first_words()
}

/// Head words: the levels they name, the preferred one, and the rule.
#[inline]
fn head(word: &str) -> Option<(Levels, Level, &'static str)> {
    // Asked of every token: the first letters of the words of `head_word` turn nearly all
    // away before a call.
    if !matches!(word.as_bytes().first(), Some(b'K' | b'k' | b'D' | b'd' | b'P' | b'p')) {
        return None;
    }
    head_word(word)
}

/// [`head`] past its test of the first letter.
fn head_word(word: &str) -> Option<(Levels, Level, &'static str)> {
    let (levels, preferred, source): (&[Level], Level, &'static str) = match word {
        "Kota" | "kota" | "KOTA" | "Kotamadya" => (&[Level::Kota], Level::Kota, "rule:place/kota_head"),
        "Kabupaten" | "kabupaten" | "KABUPATEN" | "Kab." | "KAB." => {
            (&[Level::Kabupaten], Level::Kabupaten, "rule:place/kabupaten_head")
        }
        "Kecamatan" | "kecamatan" | "KECAMATAN" | "Kec." | "KEC." => {
            (&[Level::Kecamatan], Level::Kecamatan, "rule:place/kecamatan_head")
        }
        "Kelurahan" | "kelurahan" | "KELURAHAN" | "Kel." | "KEL." => (
            &[Level::Kelurahan, Level::Desa],
            Level::Kelurahan,
            "rule:place/kelurahan_head",
        ),
        "Desa" | "desa" | "DESA" | "Ds." => (&[Level::Desa, Level::Kelurahan], Level::Desa, "rule:place/desa_head"),
        "Provinsi" | "provinsi" | "PROVINSI" | "Prov." => {
            (&[Level::Provinsi], Level::Provinsi, "lexicon:place/provinsi")
        }
        _ => return None,
    };
    Some((Levels::of(levels), preferred, source))
}

/// Offices and bodies whose name goes on with the region they serve: the level, and
/// whether a name the lexicons do not know counts (only for the lower offices, whose
/// regions no lexicon lists).
#[inline]
fn office(word: &str) -> Option<(Level, bool)> {
    // Asked of every token: the first letters of the words of `office_word` turn nearly
    // all away before a call.
    if !matches!(word.as_bytes().first(), Some(b'W' | b'P' | b'B' | b'C' | b'L' | b'K')) {
        return None;
    }
    office_word(word)
}

/// [`office`] past its test of the first letter.
fn office_word(word: &str) -> Option<(Level, bool)> {
    Some(match word {
        "Walikota" | "Pemkot" => (Level::Kota, false),
        "Bupati" | "Pemkab" => (Level::Kabupaten, false),
        "Camat" => (Level::Kecamatan, true),
        "Lurah" => (Level::Kelurahan, true),
        "Kades" => (Level::Desa, true),
        _ => return None,
    })
}

/// Bodies named after the regency or city they serve ("Polres Gowa", "Kejari Muba").
const REGION_BODIES: &[&str] = &[
    "BPBD",
    "BPS",
    "Bawaslu",
    "DPRD",
    "Dandim",
    "Kajari",
    "Kapolres",
    "Kapolresta",
    "Kejari",
    "Kodim",
    "KPU",
    "KPUD",
    "Polres",
    "Polresta",
    "Polrestabes",
    "RSUD",
    "Sekda",
];

/// Words before a region: "di Gowa", "ke Takalar", "dari Makassar".
const LOCATIVES: &[&str] = &[
    "di", "Di", "ke", "Ke", "dari", "Dari", "asal", "wilayah", "daerah", "kawasan",
];

/// Bodies of a district, named after it ("Puskesmas Gandus", "Polsek Genteng").
const DISTRICT_BODIES: &[&str] = &["Danramil", "KUA", "Kapolsek", "Koramil", "Polsek", "Puskesmas"];

/// Capitalized words that end a place name: titles, address and time words, heads of
/// other names.
const STOP_WORDS: &[&str] = &[
    "AKBP",
    "AKP",
    "Bapak",
    "Brigjen",
    "Bu",
    "Bupati",
    "Camat",
    "Dandim",
    "Dinas",
    "Dusun",
    "Gang",
    "Gubernur",
    "Ibu",
    "Irjen",
    "Jalan",
    "Jl.",
    "Jln.",
    "Kades",
    "Kantor",
    "Kapolres",
    "Kapolsek",
    "Kepala",
    "Ketua",
    "Kombes",
    "Komisaris",
    "Kompol",
    "Lurah",
    "No.",
    "Nomor",
    "Pak",
    "Polsek",
    "Pukul",
    "Puskesmas",
    "RT",
    "RW",
    "Sekda",
    "Sekretaris",
    "Tahun",
    "Wakil",
    "Wali",
    "Walikota",
    "Warga",
];

/// One of the `STOP_WORDS`, looked up in a set: asked of every word a name may go on with.
fn is_stop(word: &str) -> bool {
    static SET: LazyLock<WordTable<()>> = LazyLock::new(|| STOP_WORDS.iter().map(|&w| (w, ())).collect());
    SET.contains(word)
}

/// Words that may follow a name and belong to it: a bare lexicon name followed by one is
/// part of a longer name the lexicons do not know ("Padang Lawas").
const DIRECTIONS: &[&str] = &[
    "Barat", "Baru", "Daya", "Hilir", "Hulu", "Ilir", "Kidul", "Kulon", "Lawas", "Lor", "Selatan", "Tengah",
    "Tenggara", "Timur", "Ulu", "Utara", "Wetan",
];

/// The most words a name takes after a head when no lexicon or gazetteer delimits it.
const MAX_NAME_WORDS: usize = 3;
/// The most words a gazetteer name is looked for after a head.
const MAX_GAZETTEER_WORDS: usize = 5;

/// A place mention before merging.
#[derive(Debug, Clone)]
struct Candidate {
    /// The whole mention ("Kecamatan Plaju").
    span: Span,
    /// Its name as the place is known ("Plaju", "Musi Banyuasin" for "Muba").
    name: String,
    levels: Levels,
    preferred: Option<Level>,
    source: &'static str,
    /// Kept only when the gazetteer places it inside a regency or city of the article.
    needs_code: bool,
}

/// Finds the places of `doc`. `people` (from the person extractor) keeps names of people
/// out of place names ("Kota Palembang Ratu Dewa"); `gazetteer` adds codes.
pub fn extract(doc: &Doc<'_>, people: &[Person], gazetteer: Option<&Gazetteer>) -> Vec<Place> {
    let scan = Scan::new(doc, people, gazetteer);
    // Room for an article's candidates: grown from empty, the list was copied four times.
    let mut found: Vec<Candidate> = Vec::with_capacity(32);
    scan.dateline(&mut found);
    scan.heads(&mut found);
    scan.offices(&mut found);
    scan.lexicon(&mut found);
    if gazetteer.is_some() {
        scan.gazetteer_names(&mut found);
    }
    found.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let (mut places, parents) = merge(doc.text, found);
    if let Some(g) = gazetteer {
        resolve(&mut places, &parents, g);
    }
    places
        .into_iter()
        .filter(|p| !p.needs_code || p.region.is_some())
        .map(Build::finish)
        .collect()
}

/// The tokens of a document with what the rules ask of them.
struct Scan<'a, 'd> {
    doc: &'d Doc<'a>,
    tokens: &'d [Token<'a>],
    /// Person mentions, sorted.
    people: Vec<Span>,
    gazetteer: Option<&'d Gazetteer>,
    /// The first body token.
    body_token: usize,
    /// True when the headline capitalizes most of its words.
    title_case: bool,
    /// Lexicon matches: span and entry, in text order.
    lexicon: Vec<(Span, usize)>,
}

impl<'a, 'd> Scan<'a, 'd> {
    fn new(doc: &'d Doc<'a>, people: &[Person], gazetteer: Option<&'d Gazetteer>) -> Self {
        let tokens = &doc.tokens[..];
        let body_token = tokens.partition_point(|t| t.span.start < doc.body_start);
        let headline = &tokens[..body_token];
        let long: Vec<_> = headline
            .iter()
            .filter(|t| t.kind == TokenKind::Word && t.text.len() > 3)
            .collect();
        let capitalized = long.iter().filter(|t| t.is_capitalized()).count();
        let title_case = !long.is_empty() && capitalized * 10 >= long.len() * 7;
        let mut spans: Vec<Span> = people.iter().flat_map(|p| p.mentions.iter().copied()).collect();
        spans.sort_by_key(|s| s.start);
        let text = doc.text;
        let bytes = text.as_bytes();
        let mut lexicon = Vec::new();
        // A place counts only written as listed, capitalized: lowercase words are not asked.
        // `WordPhrases::find_at` over those word starts, the search resuming after each
        // match; the word's gate and `may_start_at` rule out most starts before the lookup.
        let mut resume = 0;
        for_each_word_start(text, doc.words().items(), |at| {
            if at < resume || bytes[at].is_ascii_lowercase() || !LEXICONS.openings.may_start_at(text, at) {
                return;
            }
            if let Some(end) = lexicon_match(text, at, &mut lexicon) {
                resume = end;
            }
        });
        Scan {
            doc,
            tokens,
            people: spans,
            gazetteer,
            body_token,
            title_case,
            lexicon,
        }
    }

    fn text(&self, i: usize) -> &'a str {
        self.tokens[i].text
    }

    /// The token that starts at byte `start`.
    fn token_at(&self, start: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.start < start);
        (i < self.tokens.len() && self.tokens[i].span.start == start).then_some(i)
    }

    /// The token index just after byte `end`.
    fn token_after(&self, end: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < end)
    }

    fn in_person(&self, span: Span) -> bool {
        let i = self.people.partition_point(|p| p.end <= span.start);
        self.people.get(i).is_some_and(|p| p.start < span.end)
    }

    fn starts_person(&self, i: usize) -> bool {
        let start = self.tokens[i].span.start;
        self.people.binary_search_by_key(&start, |p| p.start).is_ok()
    }

    /// The lexicon match that starts at token `i`.
    fn lexicon_at(&self, i: usize) -> Option<(Span, &'static LexEntry)> {
        let start = self.tokens[i].span.start;
        let k = self.lexicon.partition_point(|(s, _)| s.start < start);
        let &(span, e) = self.lexicon.get(k).filter(|(s, _)| s.start == start)?;
        Some((span, &LEXICONS.entries[e]))
    }

    /// A word that can be part of a place name, not the first of a person's.
    fn is_name_word(&self, i: usize) -> bool {
        self.is_name_word_or_person(i) && !self.starts_person(i)
    }

    /// A word that can be part of a place name, whatever the person extractor says.
    fn is_name_word_or_person(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == TokenKind::Word
            && t.is_capitalized()
            && head(t.text).is_none()
            && !is_stop(t.text)
            && office(t.text).is_none()
            && calendar::weekday_number(t.text).is_none()
            && calendar::month_number(t.text).is_none()
    }

    /// The end (exclusive token index) of the capitalized run of at most `max` name words
    /// from `i`; a leading number is allowed for villages ("Kelurahan 9 Ilir").
    fn name_run(&self, i: usize, max: usize, number_first: bool) -> usize {
        self.run(i, max, number_first, false)
    }

    /// [`Scan::name_run`], going on over the start of a person's name when `over_people`.
    fn run(&self, i: usize, max: usize, number_first: bool, over_people: bool) -> usize {
        let word = |j: usize| {
            if over_people {
                self.is_name_word_or_person(j)
            } else {
                self.is_name_word(j)
            }
        };
        let mut j = i;
        if number_first
            && j < self.tokens.len()
            && self.tokens[j].kind == TokenKind::Number
            && self.tokens[j].text.bytes().all(|b| b.is_ascii_digit())
            && j + 1 < self.tokens.len()
            && word(j + 1)
        {
            j += 1;
        }
        while j < self.tokens.len() && j - i < max && word(j) {
            // Tokens must follow each other with one space: a line break or a comma ends
            // the name.
            if j > i && !self.joined(j - 1, j) {
                break;
            }
            j += 1;
        }
        j
    }

    /// True when tokens `a` and `a + 1 = b` stand one space apart.
    fn joined(&self, a: usize, b: usize) -> bool {
        let gap = &self.doc.text[self.tokens[a].span.end..self.tokens[b].span.start];
        gap == " "
    }

    /// The longest run of tokens from `i` (at most `max` words, ending where `limit`
    /// allows) whose name the gazetteer knows at one of `levels`: the exclusive end.
    fn gazetteer_run(&self, i: usize, levels: Levels, limit: usize) -> Option<usize> {
        let g = self.gazetteer?;
        let mut best = None;
        let mut key = String::new();
        let mut j = i;
        while j < limit.min(self.tokens.len()) && j - i < MAX_GAZETTEER_WORDS {
            let t = &self.tokens[j];
            let usable = match t.kind {
                TokenKind::Word => t.is_capitalized() || (j > i && matches!(t.text, "dan")),
                TokenKind::Number => true,
                TokenKind::Punct => j > i && t.text == "-",
                _ => false,
            };
            // A name the gazetteer knows may go on over what the person extractor takes for
            // a name ("Lurah Temindung Permai").
            if !usable || (j > i && !self.tokens_adjacent(j - 1, j)) {
                break;
            }
            key.extend(
                t.text
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase),
            );
            if g.by_key(&key).iter().any(|r| levels.has(r.level)) {
                best = Some(j + 1);
            }
            j += 1;
        }
        best
    }

    /// True when tokens `a` and `b` are separated by at most one space (or a hyphen's
    /// nothing).
    fn tokens_adjacent(&self, a: usize, b: usize) -> bool {
        let gap = &self.doc.text[self.tokens[a].span.end..self.tokens[b].span.start];
        gap.is_empty() || gap == " "
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end)
    }

    /// The dateline's place ("SUMSELKITA.COM, PALEMBANG –" names Palembang).
    fn dateline(&self, out: &mut Vec<Candidate>) {
        let Some(line) = &self.doc.dateline else {
            return;
        };
        let Some(place) = &line.place else {
            return;
        };
        let line = line.span;
        let written = line.slice(self.doc.text);
        let Some(at) = written.find(place.as_str()) else {
            return;
        };
        let span = Span::new(line.start + at, line.start + at + place.len());
        // "KOTA SORONG –" names its level.
        let (headed, bare) = match place.split_once(' ').and_then(|(h, rest)| Some((head(h)?, rest))) {
            Some(((levels, preferred, _), rest)) if preferred != Level::Provinsi => (Some((levels, preferred)), rest),
            _ => (None, place.as_str()),
        };
        // The whole place may be a lexicon name ("ACEH BESAR", "Mataram").
        let whole = LEXICONS
            .phrases
            .at(bare, 0)
            .filter(|m| m.end == bare.len())
            .map(|m| &LEXICONS.entries[m.pattern]);
        let name = whole.map_or_else(|| title_case(bare), |e| e.canonical.to_string());
        let (levels, preferred) = match (headed, whole) {
            (Some((levels, preferred)), _) => (levels, Some(preferred)),
            (None, Some(e)) => {
                let (levels, preferred) = e.dateline();
                (levels, Some(preferred))
            }
            (None, None) => (Levels::ALL, None),
        };
        out.push(Candidate {
            span,
            name,
            levels,
            preferred,
            source: "rule:place/dateline",
            needs_code: false,
        });
    }

    /// "Kota X", "Kabupaten X", "Kec. X", "Desa X", "Provinsi X".
    fn heads(&self, out: &mut Vec<Candidate>) {
        // The body first, so that a title-case headline can be cut at names the body
        // writes out.
        let mut body_names: Vec<(Level, String)> = Vec::new();
        let order = (self.body_token..self.tokens.len()).chain(0..self.body_token);
        for i in order {
            let Some((levels, preferred, source)) = head(self.text(i)) else {
                continue;
            };
            if i + 1 >= self.tokens.len() || !self.joined(i, i + 1) {
                continue;
            }
            let prev = i.checked_sub(1).map(|p| self.text(p));
            // "Kabupaten/Kota Terinovatif" names a class of regions, not one.
            if prev == Some("/") {
                continue;
            }
            // "Wali Kota X" names the city by its office, "Balai Kota" and "ibu kota" are a
            // building and a capital, "Dana Desa" is a fund.
            if preferred == Level::Kota && matches!(prev, Some("Wali" | "wali" | "Balai" | "balai" | "Ibu" | "ibu")) {
                if matches!(prev, Some("Wali" | "wali")) {
                    self.office_name(i + 1, Level::Kota, false, out);
                }
                continue;
            }
            if preferred == Level::Desa && matches!(prev, Some("Dana" | "dana")) {
                continue;
            }
            let mut j = i + 1;
            if self.text(j) == "Administrasi" && j + 1 < self.tokens.len() {
                j += 1;
            }
            let in_headline = i < self.body_token;
            let end = if preferred == Level::Provinsi {
                match self.lexicon_at(j) {
                    Some((span, e)) if e.province => Some(self.token_after(span.end)),
                    _ => None,
                }
            } else {
                self.head_name(j, levels, preferred, in_headline, &body_names)
            };
            let Some(end) = end.filter(|&e| e > j) else {
                continue;
            };
            let name_span = self.span(j, end);
            let name = match self.lexicon_at(j) {
                Some((span, e)) if span == name_span => e.canonical.to_string(),
                _ => title_case(name_span.slice(self.doc.text)),
            };
            // Cities are a closed list: "Kota Pahlawan" and "Kota Tua" are nicknames and
            // quarters.
            if preferred == Level::Kota && !self.is_city(&name) {
                continue;
            }
            // A person's name inside a place's is a misreading of one or the other; a name
            // the body writes out as a place is one.
            let known = body_names.iter().any(|(l, n)| *l == preferred && *n == name);
            if !known && self.in_person(name_span) {
                continue;
            }
            if !in_headline {
                body_names.push((preferred, name.clone()));
            }
            out.push(Candidate {
                span: Span::new(self.tokens[i].span.start, name_span.end),
                name,
                levels,
                preferred: Some(preferred),
                source,
                needs_code: false,
            });
        }
    }

    /// True when `name` is a city the lexicons or the gazetteer know.
    fn is_city(&self, name: &str) -> bool {
        let key = gazetteer::name_key(name);
        LEXICONS.cities.contains(&key) || self.gazetteer.is_some_and(|g| g.has_key(&key, &[Level::Kota]))
    }

    /// Where the name after a head ends (exclusive token index).
    fn head_name(
        &self,
        j: usize,
        levels: Levels,
        preferred: Level,
        in_headline: bool,
        body_names: &[(Level, String)],
    ) -> Option<usize> {
        let village = preferred.tier() >= 3;
        // Regencies and cities: a lexicon name delimits best ("Kota Palembang Ratu Dewa").
        if !village && let Some((span, _)) = self.lexicon_at(j) {
            let end = self.token_after(span.end);
            if !self.tokens.get(end).is_some_and(|t| DIRECTIONS.contains(&t.text)) {
                return Some(end);
            }
        }
        // A name written out before ("Desa Talang Buluh, ...") is known again where a
        // person's name follows it ("Kepala Desa Talang Buluh Hendra Saputra").
        let raw = self.run(j, MAX_GAZETTEER_WORDS, village, true);
        let known = (j + 1..=raw).rev().find(|&e| {
            let name = title_case(self.span(j, e).slice(self.doc.text));
            body_names.iter().any(|(l, n)| *l == preferred && *n == name)
        });
        if known.is_some() {
            return known;
        }
        if let Some(end) = self.gazetteer_run(j, levels, self.tokens.len()) {
            return Some(end);
        }
        let mut end = self.name_run(j, MAX_NAME_WORDS, village);
        if in_headline && self.title_case && end > j + 1 {
            // A title-case headline capitalizes the words after the name too: one word
            // (the body's names were tried above).
            end = j + 1;
        }
        Some(end)
    }

    /// "Wali Kota Ternate", "Bupati Jember", "Camat Genteng", "Pemkot Makassar".
    fn offices(&self, out: &mut Vec<Candidate>) {
        for i in 0..self.tokens.len() {
            let Some((level, any_name)) = office(self.text(i)) else {
                continue;
            };
            if i + 1 < self.tokens.len() && self.joined(i, i + 1) {
                self.office_name(i + 1, level, any_name, out);
            }
        }
    }

    fn office_name(&self, j: usize, level: Level, any_name: bool, out: &mut Vec<Candidate>) {
        if j >= self.tokens.len() || head(self.text(j)).is_some() || !self.is_name_word_or_person(j) {
            return;
        }
        let levels = Levels::of(&[level]);
        // "Camat Genteng" reads as a title and a name too: the region counts only where
        // the gazetteer finds it in the article's regions.
        let person = self.starts_person(j);
        let lexicon = self.lexicon_at(j).filter(|&(span, e)| {
            let after = self.token_after(span.end);
            !e.province && level.tier() == 2 && !self.tokens.get(after).is_some_and(|t| DIRECTIONS.contains(&t.text))
        });
        let (end, name) = if let Some((span, e)) = lexicon {
            (self.token_after(span.end), e.canonical.to_string())
        } else if let Some(end) = self.gazetteer_run(j, levels, self.tokens.len()) {
            (end, title_case(self.span(j, end).slice(self.doc.text)))
        } else if any_name && !person {
            let end = self.name_run(j, 2, level.tier() >= 3);
            if end == j {
                return;
            }
            (end, title_case(self.span(j, end).slice(self.doc.text)))
        } else {
            return;
        };
        let span = self.span(j, end);
        out.push(Candidate {
            span,
            name,
            levels,
            preferred: Some(level),
            source: "rule:place/office_region",
            needs_code: person || self.in_person(span),
        });
    }

    /// Provinces, cities and regencies named bare.
    fn lexicon(&self, out: &mut Vec<Candidate>) {
        for &(span, e) in &self.lexicon {
            let entry = &LEXICONS.entries[e];
            if self.in_person(span) {
                continue;
            }
            let Some(first) = self.token_at(span.start) else {
                continue;
            };
            let after = self.token_after(span.end);
            // "Jalan Palembang" is a street; "Padang Lawas" a longer name.
            let prev = first.checked_sub(1).map(|p| self.text(p));
            if matches!(prev, Some("Jalan" | "Jl." | "Jln." | "Gang" | "Gg.")) {
                continue;
            }
            // "mengetok Palu" strikes a gavel.
            if matches!(
                prev,
                Some("ketok" | "mengetok" | "diketok" | "ketuk" | "mengetuk" | "diketuk")
            ) {
                continue;
            }
            if self
                .tokens
                .get(after)
                .is_some_and(|t| DIRECTIONS.contains(&t.text) && self.joined(after - 1, after))
            {
                continue;
            }
            let (levels, preferred, source) = entry.bare();
            out.push(Candidate {
                span,
                name: entry.canonical.to_string(),
                levels,
                preferred: Some(preferred),
                source,
                needs_code: false,
            });
        }
    }

    /// With a gazetteer: regencies and cities after a locative or a body that takes a
    /// region ("di Gowa, Makassar, dan Takalar", "Polres Gowa"), and districts a district
    /// body is named after ("Puskesmas Gandus").
    fn gazetteer_names(&self, out: &mut Vec<Candidate>) {
        let regency_or_city = Levels::of(&[Level::Kabupaten, Level::Kota]);
        let district = Levels::of(&[Level::Kecamatan, Level::Kelurahan, Level::Desa]);
        let mut i = 0;
        while i + 1 < self.tokens.len() {
            let word = self.text(i);
            let next = i + 1;
            let (levels, preferred, source, needs_code) = if LOCATIVES.contains(&word) || REGION_BODIES.contains(&word)
            {
                (regency_or_city, None, "gazetteer:place/kabupaten_kota", false)
            } else if DISTRICT_BODIES.contains(&word) {
                (district, Some(Level::Kecamatan), "gazetteer:place/kecamatan_body", true)
            } else {
                i += 1;
                continue;
            };
            if !self.joined(i, next) || !self.is_name_word(next) {
                i += 1;
                continue;
            }
            // An enumeration after a locative: "di Gowa, Makassar, dan Takalar".
            let mut j = next;
            while let Some(end) = self.gazetteer_run(j, levels, self.tokens.len()) {
                // Followed by more of a name ("di Bandung Kulon"): not a bare region.
                if end < self.tokens.len() && self.is_name_word(end) && self.joined(end - 1, end) {
                    break;
                }
                let span = self.span(j, end);
                if !self.in_person(span) {
                    out.push(Candidate {
                        span,
                        name: title_case(span.slice(self.doc.text)),
                        levels,
                        preferred,
                        source,
                        needs_code,
                    });
                }
                j = end;
                if !LOCATIVES.contains(&word) {
                    break;
                }
                match (
                    self.tokens.get(j).map(|t| t.text),
                    self.tokens.get(j + 1).map(|t| t.text),
                ) {
                    (Some(","), Some("dan" | "serta")) => j += 2,
                    (Some("," | "dan" | "serta"), _) => j += 1,
                    _ => break,
                }
                if j >= self.tokens.len() || !self.is_name_word(j) {
                    break;
                }
            }
            i = j.max(i + 1);
        }
    }
}

/// A place being built: its candidates merged, then resolved.
#[derive(Debug, Clone)]
struct Build {
    key: String,
    name: String,
    levels: Levels,
    preferred: Option<Level>,
    mentions: Vec<Span>,
    source: &'static str,
    dateline: bool,
    needs_code: bool,
    region: Option<Region>,
}

impl Build {
    fn finish(self) -> Place {
        let level = self.region.as_ref().map(|r| r.level).or(self.preferred);
        let name = match level.and_then(Level::prefix) {
            Some(prefix) => {
                let mut name = String::with_capacity(prefix.len() + 1 + self.name.len());
                name.push_str(prefix);
                name.push(' ');
                name.push_str(&self.name);
                name
            }
            None => self.name,
        };
        let mut mentions = self.mentions;
        mentions.sort_by_key(|s| s.start);
        mentions.dedup();
        Place {
            name,
            level,
            code: self.region.map(|r| r.code.to_string()),
            mentions,
            source: self.source,
        }
    }
}

/// Candidates to places: mentions of one name at one level are one place; a dateline place
/// of unknown level joins the place its name names. Also returns, per place, the places it
/// is written beside as inside ("Kecamatan Kuta Baro, Kabupaten Aceh Besar").
fn merge(text: &str, found: Vec<Candidate>) -> (Vec<Build>, Vec<Vec<usize>>) {
    let mut places: Vec<Build> = Vec::with_capacity(found.len());
    let mut accepted: Vec<(Span, usize, Option<Level>)> = Vec::with_capacity(found.len());
    for c in found {
        // Overlaps: the earlier, longer mention wins ("Kota Palembang" over "Palembang").
        if accepted
            .iter()
            .any(|(s, _, _)| s.start < c.span.end && c.span.start < s.end)
        {
            continue;
        }
        let key = gazetteer::name_key(&c.name);
        if key.is_empty() {
            continue;
        }
        let same = places
            .iter()
            .position(|p| p.key == key && p.preferred.is_some() && p.preferred == c.preferred)
            .or_else(|| {
                places
                    .iter()
                    .position(|p| p.key == key && (p.preferred.is_none() || c.preferred.is_none()))
            });
        let k = match same {
            Some(k) => {
                let p = &mut places[k];
                let both = p.levels.and(c.levels);
                if !both.is_empty() {
                    p.levels = both;
                }
                if p.preferred.is_none() || p.dateline && c.preferred.is_some_and(|l| p.levels.has(l)) {
                    p.preferred = c.preferred.or(p.preferred);
                }
                if is_all_caps(&p.name) && !is_all_caps(&c.name) {
                    p.name = c.name;
                }
                p.needs_code &= c.needs_code;
                p.dateline &= c.source == "rule:place/dateline";
                p.mentions.push(c.span);
                k
            }
            None => {
                places.push(Build {
                    key,
                    name: c.name,
                    levels: c.levels,
                    preferred: c.preferred,
                    mentions: vec![c.span],
                    source: c.source,
                    dateline: c.source == "rule:place/dateline",
                    needs_code: c.needs_code,
                    region: None,
                });
                places.len() - 1
            }
        };
        accepted.push((c.span, k, c.preferred));
    }
    // "A, B" where B is a larger region: A lies in B.
    let mut parents = vec![Vec::new(); places.len()];
    accepted.sort_by_key(|(s, _, _)| s.start);
    for w in accepted.windows(2) {
        let (a, pa, la) = w[0];
        let (b, pb, lb) = w[1];
        let (Some(la), Some(lb)) = (la, lb) else {
            continue;
        };
        if pa != pb && text[a.end..b.start].trim() == "," && lb.tier() < la.tier() && !parents[pa].contains(&pb) {
            parents[pa].push(pb);
        }
    }
    (places, parents)
}

/// Gives each place the region of the gazetteer it names, when the article makes it clear
/// (see the module documentation).
fn resolve(places: &mut [Build], parents: &[Vec<usize>], g: &Gazetteer) {
    let candidates: Vec<Vec<&Region>> = places
        .iter()
        .map(|p| g.by_key(&p.key).into_iter().filter(|r| p.levels.has(r.level)).collect())
        .collect();
    let mut resolved: Vec<Option<&Region>> = vec![None; places.len()];
    let mut gave_up = vec![false; places.len()];
    // Anchors: provinces, regencies and cities the gazetteer knows by one name in one
    // province (a city before the regency of its name when the text means the city).
    for (k, cands) in candidates.iter().enumerate() {
        if cands.is_empty() || cands.iter().any(|r| r.level.tier() > 2) {
            continue;
        }
        let province = cands[0].province();
        if places[k].dateline && cands.len() > 1 || cands.iter().any(|r| r.province() != province) {
            continue;
        }
        let preferred: Vec<&Region> = cands
            .iter()
            .copied()
            .filter(|r| Some(r.level) == places[k].preferred)
            .collect();
        if cands.len() == 1 {
            resolved[k] = Some(cands[0]);
        } else if preferred.len() == 1 {
            resolved[k] = Some(preferred[0]);
        }
    }
    // The rest, larger regions first, until nothing changes.
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&k| places[k].preferred.map_or(5, Level::tier));
    for _ in 0..4 {
        let mut changed = false;
        for &k in &order {
            if resolved[k].is_some() || gave_up[k] || candidates[k].is_empty() {
                continue;
            }
            let provinces: Vec<&str> = resolved.iter().flatten().map(|r| r.province()).collect();
            let known: Vec<&str> = resolved
                .iter()
                .enumerate()
                .filter(|&(q, _)| q != k)
                .filter_map(|(_, r)| r.map(|r| &*r.code))
                .collect();
            let resolved_parents: Vec<&str> = parents[k]
                .iter()
                .filter_map(|&q| resolved[q].map(|r| &*r.code))
                .collect();
            let open_parents: Vec<&Region> = parents[k]
                .iter()
                .filter(|&&q| resolved[q].is_none())
                .flat_map(|&q| candidates[q].iter().copied())
                .collect();
            let children: Vec<&str> = (0..places.len())
                .filter(|&q| parents[q].contains(&k))
                .filter_map(|q| resolved[q].map(|r| &*r.code))
                .collect();
            let mut scored: Vec<(usize, &Region)> = Vec::new();
            for &c in &candidates[k] {
                if !provinces.is_empty() && !provinces.contains(&c.province()) {
                    continue;
                }
                if !resolved_parents.is_empty() && !resolved_parents.iter().any(|a| c.is_within(a)) {
                    continue;
                }
                let mut score = known
                    .iter()
                    .filter(|a| c.is_within(a))
                    .map(|a| a.split('.').count())
                    .max()
                    .unwrap_or(0);
                if !resolved_parents.is_empty() || children.iter().any(|ch| gazetteer::is_within(ch, &c.code)) {
                    score += 10;
                } else if open_parents.iter().any(|p| c.is_within(&p.code)) {
                    score += 5;
                }
                scored.push((score, c));
            }
            if scored.is_empty() {
                // Every candidate lies outside the article's provinces or outside the region
                // it is written beside.
                if !provinces.is_empty() || !resolved_parents.is_empty() {
                    gave_up[k] = true;
                }
                continue;
            }
            let best = scored.iter().map(|(s, _)| *s).max().unwrap_or(0);
            let mut top: Vec<&Region> = scored.iter().filter(|(s, _)| *s == best).map(|(_, r)| *r).collect();
            if top.len() > 1 {
                let preferred: Vec<&Region> = top
                    .iter()
                    .copied()
                    .filter(|r| Some(r.level) == places[k].preferred)
                    .collect();
                if !preferred.is_empty() {
                    top = preferred;
                }
            }
            if top.len() > 1 {
                // A district and a village of one name in it: the text means the district.
                let highest = top.iter().map(|r| r.level.tier()).min().unwrap_or(0);
                let upper: Vec<&Region> = top.iter().copied().filter(|r| r.level.tier() == highest).collect();
                if upper.len() == 1 && top.iter().all(|r| r.code.starts_with(&*upper[0].code)) {
                    top = upper;
                }
            }
            if top.len() == 1 {
                resolved[k] = Some(top[0]);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (p, r) in places.iter_mut().zip(resolved) {
        p.region = r.cloned();
    }
    // Two places that turn out to be one region are one place.
    let mut k = 0;
    while k < places.len() {
        let code = places[k].region.as_ref().map(|r| r.code.clone());
        if let Some(code) = code
            && let Some(first) = places[..k]
                .iter()
                .position(|p| p.region.as_ref().is_some_and(|r| r.code == code))
        {
            let mentions = std::mem::take(&mut places[k].mentions);
            places[first].mentions.extend(mentions);
            places[first].needs_code = false;
            places[k].needs_code = true;
            places[k].region = None;
        }
        k += 1;
    }
}

/// The lexicon phrase at byte `at` of `text`, kept in `found` (span and entry) when it is
/// a whole word written as listed: where the search resumes when there is one. Kept out
/// of the loop over word starts, which runs at every word.
#[inline(never)]
fn lexicon_match(text: &str, at: usize, found: &mut Vec<(Span, usize)>) -> Option<usize> {
    let m = LEXICONS.phrases.at(text, at)?;
    let entry = &LEXICONS.entries[m.pattern];
    let written = &text[m.start..m.end];
    let whole_word = (m.start == 0 || !lexicon::is_alphanumeric(char_before(text, m.start)))
        && (m.end == text.len() || !lexicon::is_alphanumeric(char_at(text, m.end)));
    let as_listed = || {
        written.chars().next().is_some_and(char::is_uppercase)
            && (!entry.upper || written.chars().all(|c| !c.is_lowercase()))
    };
    if whole_word && as_listed() {
        found.push((Span::new(m.start, m.end), m.pattern));
    }
    Some(m.end)
}

/// Calls `f` with every byte offset, in order, where a letter or digit follows none, also
/// inside words (`Tengah-Daerah Istimewa Yogyakarta`), taken from the article's words so
/// that plain words, nearly all of them, cost no scan; but not where the word's
/// [`words::gate::PLACE`] says that no lexicon phrase begins, which is tested here, before
/// a call made for most words of every article.
fn for_each_word_start(text: &str, words: &[Word], mut f: impl FnMut(usize)) {
    for w in words.iter().filter(|w| w.word) {
        // A word begins with a letter or digit after none.
        if w.may_begin(text, words::gate::PLACE) {
            f(w.start);
        }
        if w.plain {
            continue;
        }
        // Others begin inside it, after an inner hyphen, apostrophe or combining mark.
        let mut after_word = true;
        for (k, c) in text[w.start..w.end].char_indices().skip(1) {
            let alphanumeric = lexicon::is_alphanumeric(c);
            if alphanumeric && !after_word {
                f(w.start + k);
            }
            after_word = alphanumeric;
        }
    }
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn char_before(text: &str, i: usize) -> char {
    text[..i].chars().next_back().unwrap_or(' ')
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// "SEI RAMPAH" as "Sei Rampah"; a name with lowercase letters stays as written.
fn title_case(s: &str) -> String {
    if !is_all_caps(s) || s.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
        return s.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<String> {
        let doc = Doc::from_text(text);
        extract(&doc, &[], None)
            .into_iter()
            .map(|p| format!("{} {}", p.level.map_or("-", Level::as_str), p.name))
            .collect()
    }

    #[test]
    fn heads_and_lexicons() {
        assert_eq!(
            places("Banjir melanda Kelurahan Lempake, Kecamatan Samarinda Utara, Kota Samarinda, Kaltim."),
            [
                "kelurahan Kelurahan Lempake",
                "kecamatan Kecamatan Samarinda Utara",
                "kota Kota Samarinda",
                "provinsi Kalimantan Timur"
            ]
        );
    }

    #[test]
    fn streets_and_longer_names_are_not_places() {
        assert!(places("Kantornya di Jalan Palembang nomor 4.").is_empty());
        assert!(places("Ia berangkat ke Jember Lor kemarin.").is_empty());
        assert!(places("Petugas menyalurkan Dana Desa tahun ini.").is_empty());
    }

    #[test]
    fn title_case_only_changes_capitals() {
        assert_eq!(title_case("SEI RAMPAH"), "Sei Rampah");
        assert_eq!(title_case("Mataram"), "Mataram");
        assert_eq!(title_case("NTB"), "NTB");
    }

    #[test]
    fn data_files_are_clean() {
        for (name, source) in [
            ("place/provinsi.txt", lexicons::PROVINCES),
            ("place/kota.txt", lexicons::CITIES),
            ("place/kabupaten.txt", lexicons::REGENCIES),
        ] {
            assert!(lexicon::entries(source).count() > 30, "{name} is too short");
        }
        let provinces: FastSet<&str> = lexicon::entries(lexicons::PROVINCES)
            .map(|e| e.value.unwrap_or(e.surface))
            .collect();
        assert_eq!(provinces.len(), 38, "data/place/provinsi.txt names the 38 provinces");
        assert_eq!(
            LEXICONS.cities.len(),
            98,
            "kota.txt and kota_kepala.txt name the 98 cities"
        );
    }
}
