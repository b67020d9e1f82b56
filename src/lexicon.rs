//! Plain-text lexicons from `data/`, embedded at build time and parsed once.
//!
//! Format (see `data/README.md`): UTF-8, one entry per line, `#` starts a comment line,
//! and an optional second column after a tab holds the canonical form or a value.

use std::cell::RefCell;
use std::sync::LazyLock;

use sastrawi::{Dictionary, Stemmer};

/// Maps and sets keyed by lexicon words use rustc's FxHash: SipHash's resistance to flooding
/// buys nothing for keys from our own lexicons, and every word of every article is looked up.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// See [`FastMap`].
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

/// The Indonesian root dictionary of sastrawi-rs (about 26,000 roots in an FST): tells a
/// common word from a name, and a root from a word with a clitic. One copy for every stage.
pub static ROOTS: LazyLock<Dictionary> = LazyLock::new(Dictionary::new);

/// sastrawi-rs' list of Indonesian function words (yang, dan, di, apa, ...).
pub static STOPWORDS: LazyLock<Dictionary> = LazyLock::new(Dictionary::stopword);

/// sastrawi-rs' stemmer over [`ROOTS`]: the root of a derived word.
pub static STEMMER: LazyLock<Stemmer<'static>> = LazyLock::new(|| Stemmer::new(&ROOTS));

/// How many words each thread remembers the dictionary's answers for; past this the memory
/// is emptied and fills again, so it stays a few megabytes on any corpus.
const MEMO_WORDS: usize = 1 << 16;

thread_local! {
    static ROOT_MEMO: RefCell<FastMap<Box<str>, bool>> = RefCell::new(FastMap::default());
    static STEM_MEMO: RefCell<FastMap<Box<str>, Box<str>>> = RefCell::new(FastMap::default());
}

/// Whether [`ROOTS`] holds the lowercase `word`, remembered per thread: the same words come
/// back in every article, and a hash lookup costs a fraction of a walk through the FST.
pub fn is_root(word: &str) -> bool {
    remembered(&ROOT_MEMO, word, || ROOTS.find(word), |&known| known)
}

/// Calls `f` with the [`STEMMER`]'s root of the lowercase `word`, remembered per thread:
/// stemming tries dozens of affix combinations, each a dictionary lookup.
pub fn with_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    remembered(
        &STEM_MEMO,
        word,
        || STEMMER.stem_word(word).into(),
        |stem: &Box<str>| f(stem),
    )
}

/// Calls `f` with the answer for `word` in `memo`, computing and keeping it when missing.
fn remembered<V, R>(
    memo: &'static std::thread::LocalKey<RefCell<FastMap<Box<str>, V>>>,
    word: &str,
    compute: impl FnOnce() -> V,
    f: impl FnOnce(&V) -> R,
) -> R {
    memo.with(|memo| {
        if let Some(known) = memo.borrow().get(word) {
            return f(known);
        }
        let value = compute();
        let answer = f(&value);
        let mut memo = memo.borrow_mut();
        if memo.len() >= MEMO_WORDS {
            memo.clear();
        }
        memo.insert(word.into(), value);
        answer
    })
}

/// Calls `f` with `word` in lowercase, lowercased on the stack for short ASCII words (nearly
/// every word): lexicon lookups run for every word of every article.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if is_ascii_lowercase(word) {
        return f(word);
    }
    let mut buffer = [0u8; 32];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // SAFETY: `word` is ASCII and lowercasing keeps every byte ASCII, so `lower` is
        // valid UTF-8. Checking it again cost 2% of a run: this runs for every capitalized
        // word of every article.
        f(unsafe { std::str::from_utf8_unchecked(lower) })
    } else {
        f(&word.to_lowercase())
    }
}

/// Whether `word` is ASCII with no capital letter: its own lowercase form, as most words are.
pub fn is_ascii_lowercase(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Bits of [`ASCII_CLASS`].
pub mod ascii_class {
    /// `0-9`.
    pub const DIGIT: u8 = 1;
    /// `A-Z`.
    pub const UPPER: u8 = 2;
    /// `a-z`.
    pub const LOWER: u8 = 4;
    /// `_`, a word character of regex's `\w`.
    pub const UNDERSCORE: u8 = 8;
    /// A letter of either case.
    pub const LETTER: u8 = UPPER | LOWER;
    /// A character of regex's ASCII `\w`.
    pub const WORD: u8 = DIGIT | LETTER | UNDERSCORE;
}

/// Each byte's [`ascii_class`] bits, zero for every other byte: the loops that read every
/// byte of an article (people's words, the date triggers) answer several questions with
/// one table load.
pub static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_digit() {
            ascii_class::DIGIT
        } else if byte.is_ascii_uppercase() {
            ascii_class::UPPER
        } else if byte.is_ascii_lowercase() {
            ascii_class::LOWER
        } else if byte == b'_' {
            ascii_class::UNDERSCORE
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether each byte is an ASCII letter or digit, read off [`ASCII_CLASS`]: a table lookup
/// is the cheapest test for the bytes of every word, and the tokenizer, organizations and
/// places ask it of each.
pub static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = ASCII_CLASS[b] & (ascii_class::DIGIT | ascii_class::LETTER) != 0;
        b += 1;
    }
    table
};

/// `c.is_alphanumeric()`, answering ASCII and the General Punctuation block (curly quotes,
/// dashes, the ellipsis: most of the other characters of news text, none of them a letter
/// or digit) without the Unicode tables, whose lookup costs a few hundred instructions.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// Lexicon phrases found where words begin, leftmost-longest and not overlapping.
///
/// An aho-corasick DFA over every byte missed the cache at nearly every step (two thirds of
/// its time was one load), and even anchored at word starts it walked cold states. A phrase
/// begins with a whole word, so the phrases are filed by that first word: one hash lookup
/// per word start, then a few byte comparisons. No crate indexes phrases this way.
pub struct WordPhrases {
    /// The leading run of ASCII letters and digits of each phrase (lowercase when matched
    /// case-insensitively) -> the phrases with that run, longest first, with their index.
    /// A [`WordTable`]: this lookup runs at every word start the openings let through,
    /// and a hash map's hashing and pointer to the key cost more than the rest of the match.
    by_first: WordTable<Vec<(Box<[u8]>, usize)>>,
    /// The pairs of bytes some phrase begins with, one bit each: most word starts are
    /// ruled out by this alone ("di", "dan" against "detikcom").
    openings: Box<[u64; 1024]>,
    ascii_case_insensitive: bool,
}

/// A phrase of a [`WordPhrases`] found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Its first byte in the text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its index in the list the phrases were built from.
    pub pattern: usize,
}

/// The leading run of ASCII letters and digits of `bytes`.
fn leading_run(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    &bytes[..n]
}

impl WordPhrases {
    /// Files `patterns` by their first word, matched ASCII case-insensitively when asked.
    ///
    /// # Panics
    /// When a pattern does not begin with an ASCII letter or digit.
    pub fn new(patterns: &[&str], ascii_case_insensitive: bool) -> WordPhrases {
        let mut by_first: FastMap<Box<[u8]>, Vec<(Box<[u8]>, usize)>> = FastMap::default();
        let mut openings = Box::new([0u64; 1024]);
        for (index, pattern) in patterns.iter().enumerate() {
            let mut first = leading_run(pattern.as_bytes()).to_vec();
            // Filed by a first word of ASCII letters and digits, a phrase without one could
            // never be found: the lexicons must not hold one.
            assert!(
                !first.is_empty(),
                "a lexicon phrase must begin with an ASCII letter or digit: {pattern:?}"
            );
            let bytes = pattern.as_bytes();
            let cases = |b: u8| {
                if ascii_case_insensitive {
                    [b.to_ascii_lowercase(), b.to_ascii_uppercase()]
                } else {
                    [b, b]
                }
            };
            for a in cases(bytes[0]) {
                match bytes.get(1) {
                    Some(&b) => cases(b).into_iter().for_each(|b| set_opening(&mut openings, a, b)),
                    None => (0..=255).for_each(|b| set_opening(&mut openings, a, b)),
                }
            }
            if ascii_case_insensitive {
                first.make_ascii_lowercase();
            }
            by_first
                .entry(first.into())
                .or_default()
                .push((pattern.as_bytes().into(), index));
        }
        for list in by_first.values_mut() {
            // Longest first (leftmost-longest); among equal lengths the earlier pattern.
            list.sort_by_key(|(p, index)| (std::cmp::Reverse(p.len()), *index));
        }
        WordPhrases {
            // Runs of ASCII letters and digits, which are valid UTF-8.
            by_first: by_first
                .into_iter()
                .map(|(first, list)| (String::from_utf8(first.into_vec()).expect("an ASCII run"), list))
                .collect(),
            openings,
            ascii_case_insensitive,
        }
    }

    /// The first words the phrases are filed by (their leading runs of ASCII letters and
    /// digits), lowercase when matched without case.
    pub fn first_words(&self) -> impl Iterator<Item = String> + '_ {
        self.by_first.values().map(|list| {
            // Every phrase of a list has the run, and a run is ASCII.
            let run = String::from_utf8(leading_run(&list[0].0).to_vec()).expect("an ASCII run");
            if self.ascii_case_insensitive {
                run.to_ascii_lowercase()
            } else {
                run
            }
        })
    }

    /// The longest phrase starting at byte `at` of `text`.
    pub fn at(&self, text: &str, at: usize) -> Option<PhraseMatch> {
        let rest = &text.as_bytes()[at..];
        let (&a, b) = rest.split_first()?;
        if !has_opening(&self.openings, a, b.first().copied().unwrap_or(0)) {
            return None;
        }
        // Every phrase begins with an ASCII letter or digit (checked when filed), so a start
        // that passed the openings has a run.
        let run = leading_run(rest);
        // The run is ASCII, so it ends on a character boundary.
        let run = &text[at..at + run.len()];
        let list = if self.ascii_case_insensitive {
            with_lowercase(run, |key| self.by_first.get(key))?
        } else {
            self.by_first.get(run)?
        };
        list.iter().find_map(|(phrase, pattern)| {
            let written = rest.get(..phrase.len())?;
            let same = if self.ascii_case_insensitive {
                written.eq_ignore_ascii_case(phrase)
            } else {
                written == &phrase[..]
            };
            same.then_some(PhraseMatch {
                start: at,
                end: at + phrase.len(),
                pattern: *pattern,
            })
        })
    }

    /// The phrases of `text` that begin at one of `starts` (byte offsets in increasing
    /// order, where the caller's words begin), leftmost-longest; the search resumes after
    /// each match, as a search over the whole text would.
    pub fn find_at<'t>(
        &'t self,
        text: &'t str,
        starts: impl Iterator<Item = usize> + 't,
    ) -> impl Iterator<Item = PhraseMatch> + 't {
        let mut resume = 0;
        starts.filter_map(move |at| {
            if at < resume {
                return None;
            }
            let m = self.at(text, at)?;
            resume = m.end;
            Some(m)
        })
    }
}

impl WordPhrases {
    /// Whether a phrase may start at byte `at` of `text`, from its first two bytes alone:
    /// cheap enough to ask inline at every word before calling [`WordPhrases::at`], which
    /// answers no for most words anyway.
    #[inline]
    pub fn may_start_at(&self, text: &str, at: usize) -> bool {
        match text.as_bytes().get(at..) {
            Some([a, b, ..]) => has_opening(&self.openings, *a, *b),
            Some([a]) => has_opening(&self.openings, *a, 0),
            _ => false,
        }
    }
}

/// Numbers by word (people's flags, the places of a [`WordTable`]'s values), for lookups
/// made at every word of every article. A key of up to 16 bytes is packed into two
/// machine words stored in the table itself, so a probe compares it with two integer
/// comparisons. A map of `String`s hashed the key byte by byte, then followed a pointer to
/// the stored key and compared it by a call to `memcmp`: some 90 instructions a lookup,
/// half a million lookups for each 5 MB of news. No crate keeps short string keys inline
/// like this.
pub struct ShortWordMap {
    slots: Box<[Slot]>,
    /// `64 - log2(slots.len())`: the hash's high bits pick the slot.
    shift: u32,
    /// Keys of more than 16 bytes (a handful or none).
    long: FastMap<String, u32>,
    len: usize,
    /// The longest key, in bytes.
    longest: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: [u64; 2],
    /// The key's length in bytes; 0 for an empty slot.
    len: u32,
    value: u32,
}

/// The longest key stored inline.
const INLINE_KEY: usize = 16;

impl ShortWordMap {
    /// The map of `entries`; a key given twice keeps its last value.
    pub fn new(entries: impl IntoIterator<Item = (String, u32)>) -> ShortWordMap {
        let entries: Vec<(String, u32)> = entries.into_iter().collect();
        let short = entries
            .iter()
            .filter(|(k, _)| !k.is_empty() && k.len() <= INLINE_KEY)
            .count();
        // At most half full: probes stay short, and the tables (a dozen lexicons use them)
        // stay small. A quarter full, they took 0.4 MB more and two threads' peak memory
        // varied more between runs, for 0.2% fewer instructions.
        let size = (short * 2).next_power_of_two().max(16);
        let mut map = ShortWordMap {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            long: FastMap::default(),
            len: 0,
            longest: 0,
        };
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }

    fn insert(&mut self, key: String, value: u32) {
        let bytes = key.as_bytes();
        self.longest = self.longest.max(bytes.len());
        if bytes.is_empty() || bytes.len() > INLINE_KEY {
            if self.long.insert(key, value).is_none() {
                self.len += 1;
            }
            return;
        }
        let packed = pack(bytes);
        let mask = self.slots.len() - 1;
        let mut at = self.slot_of(packed, bytes.len());
        loop {
            let slot = &mut self.slots[at];
            if slot.len == 0 {
                *slot = Slot {
                    key: packed,
                    len: bytes.len() as u32,
                    value,
                };
                self.len += 1;
                return;
            }
            if slot.len as usize == bytes.len() && slot.key == packed {
                slot.value = value;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    fn slot_of(&self, packed: [u64; 2], len: usize) -> usize {
        let mixed = (packed[0] ^ packed[1].rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> self.shift) as usize
    }

    /// The value of `key`.
    // Always inlined: with a dozen callers the compiler called it out of line, also from
    // the word list's loop, which then ran 15 M instructions more on 5 MB of news.
    #[inline(always)]
    pub fn get(&self, key: &str) -> Option<u32> {
        let bytes = key.as_bytes();
        if bytes.is_empty() || bytes.len() > INLINE_KEY {
            return self.long.get(key).copied();
        }
        let packed = pack(bytes);
        let mask = self.slots.len() - 1;
        let mut at = self.slot_of(packed, bytes.len());
        loop {
            let slot = self.slots[at];
            if slot.len == 0 {
                return None;
            }
            if slot.len as usize == bytes.len() && slot.key == packed {
                return Some(slot.value);
            }
            at = (at + 1) & mask;
        }
    }

    /// How many keys it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The length of its longest key, in bytes: no longer word needs asking.
    pub fn longest_key(&self) -> usize {
        self.longest
    }

    /// Whether it holds no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Values of any type by word, looked up through a [`ShortWordMap`] of their places: for
/// lexicons asked of every capitalized word, where a hash map hashed the word, then
/// followed a pointer to the stored key to compare it.
pub struct WordTable<V> {
    index: ShortWordMap,
    values: Vec<V>,
}

impl<V> WordTable<V> {
    /// The value of `word`.
    // Always inlined, as [`ShortWordMap::get`] is: with a dozen callers the compiler called
    // it out of line, at 45 instructions a lookup.
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&V> {
        self.index.get(word).map(|at| &self.values[at as usize])
    }

    /// Whether `word` has a value.
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        self.index.get(word).is_some()
    }

    /// Whether it holds no word.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Its values, in the order they were given (a word given twice: both).
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.values.iter()
    }

    /// The length of its longest word, in bytes.
    pub fn longest_key(&self) -> usize {
        self.index.longest_key()
    }
}

/// A word given twice keeps its last value, as in a map.
impl<K: Into<String>, V> FromIterator<(K, V)> for WordTable<V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        let mut values = Vec::new();
        let index = ShortWordMap::new(entries.into_iter().map(|(word, value)| {
            values.push(value);
            (word.into(), values.len() as u32 - 1)
        }));
        WordTable { index, values }
    }
}

impl<V> std::ops::Index<&str> for WordTable<V> {
    type Output = V;

    /// # Panics
    /// When `word` has no value.
    fn index(&self, word: &str) -> &V {
        self.get(word).expect("the word is in the table")
    }
}

/// Two machine words that, with the length, tell apart every key of 1 to 16 bytes: the
/// first and last eight bytes (overlapping below 16), the first and last four below 8,
/// and the first, middle and last byte below 4.
#[inline]
fn pack(bytes: &[u8]) -> [u64; 2] {
    let n = bytes.len();
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let u32_at = |at: usize| u64::from(u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes")));
    if n >= 8 {
        [u64_at(0), u64_at(n - 8)]
    } else if n >= 4 {
        [u32_at(0) | u32_at(n - 4) << 32, 0]
    } else {
        [
            u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
            0,
        ]
    }
}

/// The first three bytes of a list of phrases, as bits: a test that rules out most word
/// starts before a [`WordPhrases`] lookup (which hashes the word's first run). Only the low
/// five bits of each byte count, which folds ASCII case, so one table serves phrases
/// matched with case and without.
pub struct PhraseOpenings {
    bits: Box<[u64; 512]>,
}

impl PhraseOpenings {
    /// The openings of `patterns`; a pattern shorter than three bytes opens with anything
    /// after it.
    pub fn new(patterns: &[&str]) -> PhraseOpenings {
        let mut bits = Box::new([0u64; 512]);
        for pattern in patterns {
            let bytes = pattern.as_bytes();
            let options = |k: usize| match bytes.get(k) {
                Some(&b) => (b & 0x1F)..=(b & 0x1F),
                None => 0..=0x1F,
            };
            for a in options(0) {
                for b in options(1) {
                    for c in options(2) {
                        let bit = PhraseOpenings::bit(a, b, c);
                        bits[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
        }
        PhraseOpenings { bits }
    }

    fn bit(a: u8, b: u8, c: u8) -> usize {
        usize::from(a & 0x1F) << 10 | usize::from(b & 0x1F) << 5 | usize::from(c & 0x1F)
    }

    /// Whether one of the phrases may start at byte `at` of `text`.
    #[inline]
    pub fn may_start_at(&self, text: &str, at: usize) -> bool {
        let bytes = text.as_bytes();
        let byte = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
        let bit = PhraseOpenings::bit(byte(0), byte(1), byte(2));
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

fn set_opening(openings: &mut [u64; 1024], a: u8, b: u8) {
    let bit = usize::from(a) << 8 | usize::from(b);
    openings[bit / 64] |= 1 << (bit % 64);
}

fn has_opening(openings: &[u64; 1024], a: u8, b: u8) -> bool {
    let bit = usize::from(a) << 8 | usize::from(b);
    openings[bit / 64] & (1 << (bit % 64)) != 0
}

/// One lexicon line: the surface form and the optional value after the tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The form as written in text.
    pub surface: &'a str,
    /// The second column, when there is one.
    pub value: Option<&'a str>,
}

/// Iterates the entries of a lexicon file, skipping blank lines and comments.
pub fn entries(source: &str) -> impl Iterator<Item = Entry<'_>> {
    source.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let (surface, value) = match line.split_once('\t') {
            Some((s, v)) => (s, Some(v)),
            None => (line, None),
        };
        Some(Entry { surface, value })
    })
}

/// The embedded lexicon files, one constant a file.
pub mod embedded {
    /// Abbreviations that keep their period (`Jl.`, `dr.`, `dll.`); a value `final` marks
    /// those that often end a sentence.
    pub const ABBREVIATIONS: &str = include_str!("../data/sentence/singkatan.txt");
    /// Words that begin a sentence and are never capitalized inside one (`Namun`, `Menurut`).
    pub const SENTENCE_OPENERS: &str = include_str!("../data/sentence/pembuka.txt");
    /// Words whose ending looks like a clitic but belongs to the word (`adalah`, `lainnya`).
    pub const LEXICALIZED: &str = include_str!("../data/token/leksikal.txt");
    /// Month names and abbreviations with their number.
    pub const MONTHS: &str = include_str!("../data/date/bulan.txt");
    /// Weekday names with their ISO number (Monday 1).
    pub const WEEKDAYS: &str = include_str!("../data/date/hari.txt");
    /// News outlets as they appear in datelines.
    pub const OUTLETS: &str = include_str!("../data/dateline/media.txt");
    /// Head words of venues, with when they count.
    pub const VENUE_HEADS: &str = include_str!("../data/venue/gedung.txt");
    /// Lowercase words allowed between a lowercase venue head and its name.
    pub const VENUE_QUALIFIERS: &str = include_str!("../data/venue/penjelas.txt");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_word_map_finds_what_it_holds() {
        // Keys of every length around the packing's seams, and pairs that share their
        // packed bytes at one length but not another.
        let keys = [
            "a",
            "ab",
            "aba",
            "abc",
            "abca",
            "dinas",
            "kepala",
            "sekreta",
            "sekretar",
            "sekretari",
            "sekretariat",
            "pemerintahan",
            "kesejahteraan",
            "pertanggungjawab",
            "pertanggungjawaban",
            "bé",
            "é",
        ];
        let map = ShortWordMap::new(keys.iter().enumerate().map(|(n, k)| (k.to_string(), n as u32)));
        assert_eq!(map.len(), keys.len());
        for (n, k) in keys.iter().enumerate() {
            assert_eq!(map.get(k), Some(n as u32), "{k}");
        }
        for absent in [
            "",
            "b",
            "ac",
            "abd",
            "abcb",
            "dinass",
            "sekretar1",
            "pertanggungjawabn",
            "e",
        ] {
            assert_eq!(map.get(absent), None, "{absent}");
        }
    }

    #[test]
    fn word_table_gives_each_word_its_value() {
        let heads: WordTable<(&str, bool)> = [
            ("Dinas", ("dinas", true)),
            ("Kementerian", ("kementerian", true)),
            ("Pertanggungjawaban", ("laporan", false)),
            ("Dinas", ("dinas daerah", true)),
        ]
        .into_iter()
        .collect();
        assert_eq!(heads.get("Kementerian"), Some(&("kementerian", true)));
        // Longer than the inline keys.
        assert_eq!(heads["Pertanggungjawaban"], ("laporan", false));
        // A word given twice keeps its last value, as in a map.
        assert_eq!(heads.get("Dinas"), Some(&("dinas daerah", true)));
        assert!(heads.contains("Dinas") && !heads.contains("dinas") && !heads.contains("Badan"));
        assert_eq!(heads.longest_key(), "Pertanggungjawaban".len());
        let empty: WordTable<()> = std::iter::empty::<(&str, ())>().collect();
        assert!(empty.is_empty() && !empty.contains("Dinas"));
    }

    proptest::proptest! {
        /// The map answers as a hash map of the same entries does.
        #[test]
        fn short_word_map_agrees_with_a_hash_map(
            keys in proptest::collection::vec("[ab]{1,20}", 0..40),
            probes in proptest::collection::vec("[ab]{0,20}", 0..40),
        ) {
            let reference: FastMap<String, u32> = keys.iter().enumerate().map(|(n, k)| (k.clone(), n as u32)).collect();
            let map = ShortWordMap::new(keys.iter().enumerate().map(|(n, k)| (k.clone(), n as u32)));
            proptest::prop_assert_eq!(map.len(), reference.len());
            for probe in keys.iter().chain(&probes) {
                proptest::prop_assert_eq!(map.get(probe), reference.get(probe).copied());
            }
        }
    }

    #[test]
    fn phrases_are_longest_at_word_starts_and_do_not_overlap() {
        let phrases = WordPhrases::new(&["Dinas", "Dinas Pendidikan", "Pendidikan Kota", "Kota"], false);
        let text = "Kepala Dinas Pendidikan Kota Palembang";
        let starts = [0, 7, 13, 24, 29];
        let found: Vec<&str> = phrases
            .find_at(text, starts.into_iter())
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(found, ["Dinas Pendidikan", "Kota"]);
        assert_eq!(phrases.at(text, 7).map(|m| m.pattern), Some(1));
        // Case counts unless asked otherwise; a phrase must begin with a whole word.
        assert_eq!(phrases.at("dinas sosial", 0), None);
        assert_eq!(phrases.at("Dinasti Han", 0), None);
        let folded = WordPhrases::new(&["Sumatera Selatan"], true);
        assert_eq!(folded.at("SUMATERA SELATAN –", 0).map(|m| m.end), Some(16));
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in ('\u{0}'..='\u{3000}').chain(['\u{FEFF}', '\u{1F600}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn entries_skip_comments_and_split_values() {
        let got: Vec<_> = entries("# comment\n\nJl.\nDes\t12\n").collect();
        assert_eq!(
            got,
            vec![
                Entry {
                    surface: "Jl.",
                    value: None
                },
                Entry {
                    surface: "Des",
                    value: Some("12")
                }
            ]
        );
    }

    /// Every file under data/, embedded or not: the lint runs over what ships.
    fn data_files() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).expect("data/ is readable") {
                let path = entry.expect("data/ entries are readable").path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).expect("lexicons are UTF-8");
                    out.push((path.display().to_string(), text));
                }
            }
        }
        let mut out = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &mut out);
        out
    }

    #[test]
    fn data_files_are_clean() {
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let files = data_files();
        assert!(files.len() >= 20, "found only {} lexicons", files.len());
        for (name, source) in &files {
            let mut seen = std::collections::HashSet::new();
            let mut surfaces = Vec::new();
            for entry in entries(source) {
                let surface = entry.surface;
                assert!(!surface.is_empty(), "{name}: empty entry");
                assert_eq!(surface, surface.trim(), "{name}: stray space in {surface:?}");
                assert!(
                    entry.value.is_none_or(|v| v == v.trim() && !v.is_empty()),
                    "{name}: bad value for {surface:?}"
                );
                assert_eq!(
                    is_nfc_quick(surface.chars()),
                    IsNormalized::Yes,
                    "{name}: {surface:?} is not NFC"
                );
                assert!(seen.insert(surface), "{name}: duplicate {surface:?}");
                surfaces.push(surface);
            }
            // Sorted by code point or ignoring case, whichever the file's authors chose.
            let by_bytes = surfaces.windows(2).all(|w| w[0] <= w[1]);
            let by_case = surfaces.windows(2).all(|w| w[0].to_lowercase() <= w[1].to_lowercase());
            assert!(by_bytes || by_case, "{name} is not sorted");
            assert!(!seen.is_empty(), "{name} is empty");
        }
    }
}
