//! Dates and times: "Rabu (9/11/2022)", "9 November 2022", "Selasa (23/11)", "kemarin",
//! "pukul 10.00 WIB", normalized to ISO 8601.
//!
//! Finding and resolving are two steps. Rules run in a fixed order over the text, from the
//! most explicit form to the least ("Rabu (9/11/2022)" before "9/11/2022" before "Rabu"), and
//! each claims its span so that a weaker rule cannot read the same words again. Then every
//! mention is resolved:
//! - a full date stands alone;
//! - a date without a year ("Selasa (23/11)", "28 Desember") takes the year that puts it
//!   nearest the anchor (or before it with "lalu", after it with "mendatang");
//! - a weekday alone ("pada Rabu") is the nearest such day on or before the anchor, after it
//!   when the clause speaks of the future ("akan", "mendatang", "besok");
//! - "kemarin", "hari ini", "besok" count days from the anchor;
//! - "sehari kemudian", "hari itu" count from the date mentioned last.
//!
//! The anchor is the reference date (publication date, or the date given for the run).
//! Inside a quotation it is the day the words were said: the nearest explicit date within a
//! week before the reference date, since a quote is usually dated in its attribution
//! ("kata Doni, Selasa (25/8/2020)"). Without a reference date, the text's first full date
//! stands in (usually the lead's), or a year-less date whose weekday fits exactly one year
//! the text names; without one either, the value is `None`.

use std::cell::RefCell;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, meta};

use crate::calendar::{self, Date};
use crate::extract::Doc;
use crate::lexicon::ascii_class::{DIGIT, LETTER, WORD};
use crate::lexicon::{ASCII_CLASS, FastMap};
use crate::span::Span;

/// How much of a date the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A day: `2022-11-09`.
    Day,
    /// A month: `2022-11`.
    Month,
    /// A year: `2022`.
    Year,
}

/// A date named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Where it is written.
    pub span: Span,
    /// ISO 8601 (`2022-11-09`, `2022-11`), or `None` when it cannot be resolved.
    pub value: Option<String>,
    /// How much of the date the value gives.
    pub precision: Precision,
    /// For a weekday written with the date: whether the weekday matches it.
    pub weekday_consistent: Option<bool>,
    /// The rule that found it, e.g. `rule:date/weekday_numeric`.
    pub source: &'static str,
}

/// A time of day named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Where it is written.
    pub span: Span,
    /// `HH:MM`.
    pub value: String,
    /// The zone as written (`WIB`, `WITA`, `WIT`), if any.
    pub zone: Option<String>,
    /// The zone's UTC offset (`+07:00`), if known.
    pub utc_offset: Option<String>,
    /// The rule that found it.
    pub source: &'static str,
}

/// Dates and times of one article, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    /// Dates.
    pub dates: Vec<DateMention>,
    /// Times of day.
    pub times: Vec<TimeMention>,
}

/// Finds the dates and times of `doc`.
pub fn extract(doc: &Doc<'_>) -> Dates {
    let Scanned { triggers, years } = scan(doc.text);
    let mut finder = Finder {
        text: doc.text,
        triggers: &triggers,
        body_start: doc.body_start,
        found: Vec::new(),
    };
    finder.run();
    let mut found = finder.found;
    found.sort_by_key(|m| m.span.start);
    let context = Context {
        reference: doc.reference_date,
        month_hint: doc.month_hint,
        years,
    };
    let dates = resolve(&found, &context, doc.text);
    Dates {
        dates,
        times: times(doc.text, &triggers),
    }
}

// ---------------------------------------------------------------------------------------
// Patterns. Month and weekday names come from data/date/*.txt through `calendar`.

/// An alternation of names, longest first so that "November" wins over "Nov"; an apostrophe
/// also matches its typographic forms (`Jum’at`).
fn alternation(names: impl Iterator<Item = &'static str>) -> String {
    let mut names: Vec<&str> = names.collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
        .iter()
        .map(|n| regex::escape(n).replace('\'', "['’‘`]"))
        .collect::<Vec<_>>()
        .join("|")
}

static MONTH: LazyLock<String> = LazyLock::new(|| alternation(calendar::month_names()));
static WEEKDAY: LazyLock<String> = LazyLock::new(|| alternation(calendar::weekday_names()));

fn pattern(template: &str) -> Regex {
    Regex::new(&pattern_source(template)).expect("date patterns are valid: the unit tests compile them all")
}

fn pattern_source(template: &str) -> String {
    template
        .replace("{M}", &MONTH)
        .replace("{W}", &WEEKDAY)
        .replace("{RANGE}", RANGE)
        .replace("{PART}", PART)
        // ASCII word boundaries: Unicode ones stop the lazy DFA on any text with a curly
        // quote or a dash in it, and the fallback engine cost more than half the pipeline.
        // Date words and digits are ASCII, so the boundaries fall in the same places.
        .replace(r"\b", r"(?-u:\b)")
}

/// Words that join the two ends of a range: "7-9", "7 hingga 9", "7 s.d. 9".
const RANGE: &str = r"(?:-|–|—|s\.?\s?d\.?|s/d|hingga|sampai(?:\s+dengan)?|dan)";

/// A part of the day: "Minggu malam (28/12/2014)".
const PART: &str = r"(?:pagi|siang|sore|petang|malam|dini\s+hari)";

// The passes. Fifteen regex passes over every byte of every article were a fifth of the
// whole pipeline, yet a date or time can only begin at a digit, a bracket or one of a few
// dozen words. So the text's word starts are read once (`scan`), and each pattern is
// tried, anchored, only at the word starts it can begin with. The matches are the same as a
// search over the whole text: that search finds the leftmost start at which the pattern
// matches, and every start a pattern can match at is among its triggers (the unit test
// `passes_match_as_a_whole_text_search_would` compares the two, groups included, on every
// text we have). A match's groups are resolved only once its span is not already claimed.

/// The patterns run over the whole article, in the order of their bits.
static PASSES: LazyLock<[&'static Pass; 15]> = LazyLock::new(|| {
    [
        &ISO,
        &WEEKDAY_NUMERIC,
        &DAY_RANGE,
        &WRITTEN,
        &NUMERIC_RANGE,
        &NUMERIC,
        &MONTH_YEAR,
        &DAY_MONTH_NUMERIC,
        &DAY_ONLY,
        &MONTH_RELATIVE,
        &ANAPHORIC,
        &DAYS_AGO,
        &RELATIVE,
        &WEEKDAY_ALONE,
        &TIME,
    ]
});

/// A pattern run over the whole article, tried only where it can begin.
struct Pass {
    /// `regex_automata`'s engine rather than `regex`'s: only it searches anchored at a
    /// position while still seeing the text before it (for `\b`).
    regex: meta::Regex,
    /// Index into [`PASSES`] and bit in a trigger's mask.
    id: usize,
    starts: Starts,
    /// The pattern, for the test that compares with a whole-text search.
    #[cfg_attr(not(test), allow(dead_code))]
    source: String,
}

/// What a pattern's match can begin with, always at an ASCII word boundary.
struct Starts {
    /// How many ASCII digits the match can begin with (`\d{1,2}` then a non-digit, `\d{4}`):
    /// most numbers in news are years or amounts, which rules out most passes.
    digits: Option<(usize, usize)>,
    /// The ASCII bytes that can follow those digits (a byte beyond ASCII always can): most
    /// numbers are followed by a space or a point, which rules out more.
    after_digits: &'static [u8],
    paren: bool,
    weekday: bool,
    month: bool,
    /// Lowercase words, up to their first character that is not an ASCII letter.
    words: &'static [&'static str],
}

impl Starts {
    /// Nothing: each pass names what it starts with over this.
    const NONE: Starts = Starts {
        digits: None,
        after_digits: &[],
        paren: false,
        weekday: false,
        month: false,
        words: &[],
    };
}

/// What `\s` matches in ASCII.
const SPACE: &[u8] = b"\t\n\x0B\x0C\r ";

impl Pass {
    fn new(id: usize, template: &str, starts: Starts) -> Pass {
        let source = pattern_source(template);
        // Prefilters only speed up a search for where a match begins, and the passes know.
        let regex = meta::Regex::builder()
            .configure(meta::Regex::config().auto_prefilter(false))
            .build(&source)
            .expect("date patterns are valid: the unit tests compile them all");
        assert!(
            regex.captures_len() <= MAX_GROUPS,
            "MAX_GROUPS holds every group of a pass"
        );
        Pass {
            regex,
            id,
            starts,
            source,
        }
    }

    fn bit(&self) -> u32 {
        1 << self.id
    }

    /// Where the pattern matches in `text`, leftmost first and not overlapping, as a search
    /// over the whole text would find it. Only the lazy DFA runs: resolving the groups costs
    /// several times more, so [`Pass::groups`] does it for the matches a finder keeps.
    fn spans<'a>(&'static self, text: &'a str, triggers: &'a [Trigger]) -> impl Iterator<Item = Span> + 'a {
        let mut resume = 0;
        triggers.iter().filter_map(move |t| {
            if t.passes & self.bit() == 0 || t.at < resume {
                return None;
            }
            // A match is far shorter than this; the engines size their memory by the span
            // searched, and the rest of the article made each search clear kilobytes.
            // (Look-around still sees the text past the span.)
            let mut end = (t.at + MAX_MATCH_BYTES).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let input = Input::new(text).range(t.at..end).anchored(Anchored::Yes);
            let found = self.with_memory(|cache, _| self.regex.search_with(cache, &input))?;
            resume = found.end();
            Some(Span::new(found.start(), found.end()))
        })
    }

    /// The groups of a match that [`Pass::spans`] found. Searching only the match gives the
    /// same groups: what the search preferred is still there, and nothing it did not prefer
    /// was added.
    fn groups<'a>(&'static self, text: &'a str, found: Span) -> Caps<'a> {
        let input = Input::new(text).range(found.start..found.end).anchored(Anchored::Yes);
        self.with_memory(|cache, caps| {
            self.regex.search_captures_with(cache, &input, caps);
            debug_assert_eq!(caps.get_match().map(|m| m.range()), Some(found.start..found.end));
            Caps {
                text,
                groups: std::array::from_fn(|group| caps.get_group(group).map(|g| (g.start, g.end))),
            }
        })
    }

    /// The pattern's matches with their groups, as [`Pass::spans`] finds them.
    fn matches<'a>(&'static self, text: &'a str, triggers: &'a [Trigger]) -> impl Iterator<Item = Caps<'a>> + 'a {
        self.spans(text, triggers).map(move |found| self.groups(text, found))
    }

    fn with_memory<R>(&self, f: impl FnOnce(&mut meta::Cache, &mut Captures) -> R) -> R {
        PASS_CACHES.with(|memories| {
            let mut memories = memories.borrow_mut();
            let (cache, caps) =
                memories[self.id].get_or_insert_with(|| (self.regex.create_cache(), self.regex.create_captures()));
            f(cache, caps)
        })
    }
}

/// More bytes than any date or time expression takes ("Senin pagi, (7/11/2022)" and the
/// like run to a few dozen).
const MAX_MATCH_BYTES: usize = 256;

/// The most groups of a pass, the whole match counted.
const MAX_GROUPS: usize = 10;

thread_local! {
    /// Each pass's search memory and capture slots, kept per thread between articles.
    static PASS_CACHES: RefCell<Vec<Option<(meta::Cache, Captures)>>> = RefCell::new((0..15).map(|_| None).collect());
}

/// A place where a pass may match: a word start or an opening bracket.
#[derive(Debug, Clone, Copy)]
struct Trigger {
    at: usize,
    /// Bits of the passes that can begin here.
    passes: u32,
}

/// Calls `add` with the leading ASCII letters of each word some pass can begin with, and
/// that pass's bit.
fn for_each_start_word(mut add: impl FnMut(&[u8], u32)) {
    for pass in PASSES.iter() {
        let mut add_word = |word: &str| {
            let letters = word.bytes().take_while(u8::is_ascii_alphabetic).count();
            if (1..=MAX_START_WORD).contains(&letters) {
                add(&word.as_bytes()[..letters], pass.bit());
            }
        };
        if pass.starts.weekday {
            calendar::weekday_names().for_each(&mut add_word);
        }
        if pass.starts.month {
            calendar::month_names().for_each(&mut add_word);
        }
        pass.starts.words.iter().for_each(|w| add_word(w));
    }
}

/// Lowercase leading letters of a word, packed by [`packed_word`], -> the passes that can
/// begin with it.
static START_WORDS: LazyLock<FastMap<u128, u32>> = LazyLock::new(|| {
    let mut map: FastMap<u128, u32> = FastMap::default();
    for_each_start_word(|letters, bit| *map.entry(packed_word(letters)).or_default() |= bit);
    map
});

/// Up to [`MAX_START_WORD`] ASCII letters, lowercased, as one number: a word is looked up
/// without building a string or hashing its bytes one by one.
fn packed_word(letters: &[u8]) -> u128 {
    debug_assert!(letters.len() <= MAX_START_WORD && letters.iter().all(u8::is_ascii_alphabetic));
    // Setting bit 5 lowercases an ASCII letter.
    letters
        .iter()
        .rev()
        .fold(0, |key, &b| (key << 8) | u128::from(b | 0x20))
}

/// For each first letter, the lengths (bit n for n letters) of the words of
/// [`START_WORDS`]: most words are ruled out by this before they are looked up.
static START_SHAPES: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut shapes = [0u32; 26];
    for_each_start_word(|letters, _| shapes[usize::from((letters[0] | 0x20) - b'a')] |= 1 << letters.len());
    shapes
});

fn passes_where(flag: impl Fn(&Starts) -> bool) -> u32 {
    PASSES
        .iter()
        .filter(|p| flag(&p.starts))
        .fold(0, |bits, p| bits | p.bit())
}

static DIGIT_PASSES: LazyLock<u32> = LazyLock::new(|| passes_where(|s| s.digits.is_some()));

/// For each length of a run of ASCII digits up to 7, the passes that can begin with it.
static DIGIT_RUN_PASSES: LazyLock<[u32; 8]> = LazyLock::new(|| {
    std::array::from_fn(|run| passes_where(|s| s.digits.is_some_and(|(min, max)| (min..=max).contains(&run))))
});
static PAREN_PASSES: LazyLock<u32> = LazyLock::new(|| passes_where(|s| s.paren));

/// For each ASCII byte, the passes whose digits it can follow.
static AFTER_DIGIT_PASSES: LazyLock<[u32; 128]> = LazyLock::new(|| {
    std::array::from_fn(|byte| passes_where(|s| s.digits.is_some() && s.after_digits.contains(&(byte as u8))))
});

/// Longer words begin no pass (and more letters would not fit a `u128`).
const MAX_START_WORD: usize = 16;

/// What one reading of an article's bytes finds.
struct Scanned {
    /// Every ASCII word start (as `(?-u:\b)` sees words: ASCII letters, digits and `_`) and
    /// opening bracket at which some pass can begin.
    triggers: Vec<Trigger>,
    /// Years written as numbers ("Pilkada 2015", "APBD 2023"), each once, in text order.
    years: Vec<i32>,
}

fn scan(text: &str) -> Scanned {
    // This reads every byte of every article: one table look-up a byte, and each word
    // walked once.
    let bytes = text.as_bytes();
    let class = |i: usize| bytes.get(i).map_or(0, |&b| ASCII_CLASS[usize::from(b)]);
    let (digit_passes, digit_run_passes, paren_passes) = (*DIGIT_PASSES, &*DIGIT_RUN_PASSES, *PAREN_PASSES);
    let after_digit_passes = &*AFTER_DIGIT_PASSES;
    let (shapes, start_words) = (&*START_SHAPES, &*START_WORDS);
    let mut out = Vec::new();
    let mut years = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let first = ASCII_CLASS[usize::from(b)];
        if first & WORD == 0 {
            if b == b'(' {
                out.push(Trigger {
                    at: i,
                    passes: paren_passes,
                });
            }
            i += 1;
            continue;
        }
        let start = i;
        let passes = if first & DIGIT != 0 {
            i += 1;
            while class(i) & DIGIT != 0 {
                i += 1;
            }
            let run = i - start;
            if run == 4 && bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric()) {
                let year = bytes[start..i].iter().fold(0, |y, &d| y * 10 + i32::from(d - b'0'));
                if (1900..=2100).contains(&year) && !years.contains(&year) {
                    years.push(year);
                }
            }
            let run_passes = digit_run_passes.get(run).copied().unwrap_or(0);
            match bytes.get(i) {
                // `\d` also matches other scripts' digits: a run may go on past ASCII.
                Some(next) if !next.is_ascii() => digit_passes,
                Some(&next) => run_passes & after_digit_passes[usize::from(next)],
                None => run_passes,
            }
        } else if first & LETTER != 0 {
            i += leading_letters(&bytes[i..]);
            let letters = i - start;
            let shape = shapes[usize::from((b | 0x20) - b'a')];
            if letters > MAX_START_WORD || shape & (1 << letters) == 0 {
                0
            } else {
                start_words.get(&packed_word(&bytes[start..i])).copied().unwrap_or(0)
            }
        } else {
            0
        };
        if passes != 0 {
            out.push(Trigger { at: start, passes });
        }
        while class(i) & WORD != 0 {
            i += 1;
        }
    }
    Scanned { triggers: out, years }
}

/// How many ASCII letters `bytes` begins with.
fn leading_letters(bytes: &[u8]) -> usize {
    // Eight letters at a time: this reads every word of every article.
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let non_letters = non_letters(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        if non_letters != 0 {
            return n + (non_letters.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// The high bit of each byte of `chunk` that is not an ASCII letter.
fn non_letters(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Lowercased with the high bit dropped, every byte is at most 0x7F, so adding at most
    // 0x1F to each carries into none of its neighbours.
    let folded = (chunk | (ONES * 0x20)) & !HIGH;
    let from_a = (folded + ONES * u64::from(0x80 - b'a')) & HIGH;
    let past_z = (folded + ONES * u64::from(0x80 - b'z' - 1)) & HIGH;
    let letters = from_a & !past_z & !(chunk & HIGH);
    !letters & HIGH
}

/// The groups of one match, read like `regex::Captures`.
struct Caps<'a> {
    text: &'a str,
    groups: [Option<(usize, usize)>; MAX_GROUPS],
}

/// One group of a match.
#[derive(Debug, Clone, Copy)]
struct Group<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> Group<'a> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn len(&self) -> usize {
        self.end - self.start
    }

    fn as_str(&self) -> &'a str {
        &self.text[self.start..self.end]
    }
}

impl<'a> Caps<'a> {
    fn get(&self, group: usize) -> Option<Group<'a>> {
        self.groups.get(group).copied().flatten().map(|(start, end)| Group {
            text: self.text,
            start,
            end,
        })
    }
}

impl std::ops::Index<usize> for Caps<'_> {
    type Output = str;

    fn index(&self, group: usize) -> &str {
        self.get(group)
            .map_or_else(|| panic!("group {group} did not match"), |g| g.as_str())
    }
}

/// `2022-11-09`.
static ISO: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        0,
        r"\b(\d{4})-(\d{2})-(\d{2})\b",
        Starts {
            digits: Some((4, 4)),
            after_digits: b"-",
            ..Starts::NONE
        },
    )
});
/// `Rabu (9/11/2022)`, `Selasa(15/11)`, `Minggu malam (28/12/2014)`, `Minggu mendatang (9/2)`, `Kamis, (3/11/2022)`, `Kamis (11/07/24)`, `Senin, 7/11/2022`.
static WEEKDAY_NUMERIC: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        1,
        r"(?i)\b({W})(?:\s+{PART})?(?:\s+(?:lalu|kemarin|kemaren|mendatang|depan|nanti|ini))?\s*,?\s*(\()?\s*(\d{1,2})\s*([/.\-])\s*(\d{1,2})(?:\s*([/.\-])\s*(\d{4}|\d{2}))?\s*(\))?",
        Starts {
            weekday: true,
            ..Starts::NONE
        },
    )
});
/// `7-9 November 2022`, `7 dan 8 Desember`: the first day of a range over one month.
static DAY_RANGE: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        2,
        r"(?i)\b(\d{1,2})\s*{RANGE}\s*(\d{1,2})\s+({M})(?:\.?\s+(\d{4})\b|\b)",
        Starts {
            digits: Some((1, 2)),
            // `\s*{RANGE}`: a space, or how a range word begins (`-`, `s.d.`, `s/d`, `sampai`,
            // `hingga`, `dan`; the dashes are not ASCII).
            after_digits: b"\t\n\x0B\x0C\r -sShHdD",
            ..Starts::NONE
        },
    )
});
/// `9 November 2022`, `Senin, 7 November 2022`, `Rabu (9 November 2022)`, `9 Nop. 2022`,
/// `28 Desember`.
static WRITTEN: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        3,
        r"(?i)(?:\b({W})\s*,?\s*(\()?\s*)?\b(\d{1,2})\s+({M})(?:\.?\s+(\d{4})\b|\b)",
        Starts {
            digits: Some((1, 2)),
            after_digits: SPACE,
            weekday: true,
            ..Starts::NONE
        },
    )
});
/// `Senin-Selasa (7-8/11/2022)`, `(30-31/12)`: a range of days written with numbers.
static NUMERIC_RANGE: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        4,
        r"(?i)(?:\b({W})\s*{RANGE}\s*({W})\s*,?\s*)?\(\s*(\d{1,2})\s*{RANGE}\s*(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}|\d{2}))?\s*\)",
        Starts {
            paren: true,
            weekday: true,
            ..Starts::NONE
        },
    )
});
/// What may follow a date without a year to lend it the year of the end of a range:
/// `30 November - 2 Desember 2022`.
static RANGE_YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)^\s*{RANGE}\s*\d{1,2}\s+(?:{M})\.?\s+(\d{4})\b"));
/// `9/11/2022`, `9-11-2022`, `9.11.2022`.
static NUMERIC: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        5,
        r"\b(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4})\b",
        Starts {
            digits: Some((1, 2)),
            after_digits: b"/.-",
            ..Starts::NONE
        },
    )
});
/// `November 2022`, `bulan Maret 2019`.
static MONTH_YEAR: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        6,
        r"(?i)\b({M})\.?\s+(\d{4})\b",
        Starts {
            month: true,
            ..Starts::NONE
        },
    )
});
/// `tanggal 9/11`.
static DAY_MONTH_NUMERIC: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        7,
        r"(?i)\b(?:tanggal|tgl\.?)\s+(\d{1,2})\s*[/.\-]\s*(\d{1,2})\b",
        Starts {
            words: &["tanggal", "tgl"],
            ..Starts::NONE
        },
    )
});
/// `tanggal 24 kemarin`, `tanggal 17`.
static DAY_ONLY: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        8,
        r"(?i)\b(?:tanggal|tgl\.?)\s+(\d{1,2})\b(?:\s+(lalu|kemarin|kemaren|mendatang|nanti|depan|ini))?",
        Starts {
            words: &["tanggal", "tgl"],
            ..Starts::NONE
        },
    )
});
/// `bulan Maret lalu`, `Agustus mendatang`, `bulan Juni`.
static MONTH_RELATIVE: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        9,
        r"(?i)\b(bulan\s+)?({M})\b(?:\s+(tahun\s+lalu|tahun\s+depan|tahun\s+ini|lalu|kemarin|kemaren|mendatang|depan|nanti|ini))?",
        Starts {
            month: true,
            words: &["bulan"],
            ..Starts::NONE
        },
    )
});
/// `sehari kemudian`, `dua hari sebelumnya`, `sebulan kemudian`, `keesokan harinya`, `hari itu`.
static ANAPHORIC: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        10,
        r"(?i)\b(?:(?:(se)|(\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+)(hari|pekan|minggu|bulan)\s+(kemudian|setelahnya|sesudahnya|berikutnya|sebelumnya)|(keesokan\s+harinya|keesokan\s+hari|keesokannya|esok\s+harinya|besoknya)|(hari\s+itu|hari\s+yang\s+sama))\b",
        Starts {
            digits: Some((1, 2)),
            after_digits: SPACE,
            words: &[
                "sehari",
                "sepekan",
                "seminggu",
                "sebulan",
                "satu",
                "dua",
                "tiga",
                "empat",
                "lima",
                "enam",
                "tujuh",
                "delapan",
                "sembilan",
                "sepuluh",
                "keesokan",
                "keesokannya",
                "esok",
                "besoknya",
                "hari",
            ],
            ..Starts::NONE
        },
    )
});
/// `dua hari lalu`, `3 hari yang lalu`.
static DAYS_AGO: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        11,
        r"(?i)\b(?:(se)|(\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+)hari\s+(?:yang\s+)?lalu\b",
        Starts {
            digits: Some((1, 2)),
            after_digits: SPACE,
            words: &[
                "sehari", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
            ],
            ..Starts::NONE
        },
    )
});
/// `kemarin`, `hari ini`, `besok`, `lusa`, `kemarin lusa`, `esok hari`.
static RELATIVE: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        12,
        r"(?i)\b(kemarin\s+lusa|besok\s+lusa|kemarin|kemaren|hari\s+ini|besok|esok(?:\s+hari|\s+pagi|\s+siang|\s+sore|\s+malam)?|lusa)\b",
        Starts {
            words: &["kemarin", "kemaren", "hari", "besok", "esok", "lusa"],
            ..Starts::NONE
        },
    )
});
/// `Rabu`, `Senin lalu`, `Jumat mendatang`.
static WEEKDAY_ALONE: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        13,
        r"(?i)\b({W})\b(?:\s+(lalu|kemarin|kemaren|mendatang|depan|nanti|besok|ini))?",
        Starts {
            weekday: true,
            ..Starts::NONE
        },
    )
});
/// Between a date and a relative word that repeats it: times and parts of the day
/// ("Minggu (28/12/2014) pukul 06.18 WIB kemarin").
static TAIL_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)^(?:\s*,?\s*(?:(?:sekira|sekitar)\s+)?(?:pukul|jam|pkl\.?)\s+\d{1,2}(?:[.:]\d{2})?(?:\s*(?:WIB|WITA|WIT)\b)?|\s+(?:pagi|siang|sore|petang|malam|dini\s+hari|waktu\s+setempat))*\s+(kemarin|kemaren|lalu|hari\s+ini|mendatang|nanti|ini)\b",
    )
});
/// A part of the day as a whole word.
static PART_WORD: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)^(?:pagi|siang|sore|petang|malam|dini)$"));
/// Words before a weekday that make it a habit, not a day: "setiap Senin".
static HABIT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(?:setiap|tiap|saban|per|malam|tiap-tiap)\s*$"));
/// Words just before a bare weekday that point to the future: "akan digelar pada Senin".
static FUTURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)\b(?:akan|bakal|dijadwalkan|direncanakan|rencananya|berencana|mendatang|besok|nanti|hendak)\b")
});
/// A weekday range: "Senin-Jumat", "Senin hingga Kamis".
static WEEKDAY_RANGE_AFTER: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)^\s*{RANGE}\s*(?:{W})\b"));
static WEEKDAY_RANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?i)\b(?:{W})\s*{RANGE}\s*$"));
/// Words whose "kemarin" means "the last one", not yesterday: "pemilu kemarin".
static PERIOD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:tahun|bulan|minggu|pekan|musim|periode|pemilu|pilkada|pileg|pilpres|lebaran|natal|semester|kuartal|triwulan|waktu|masa|zaman|jaman)\s*$",
    )
});
/// Hedges that make a count of days approximate: "hampir tiga minggu kemudian".
static HEDGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:hampir|sekitar|sekira|kurang\s+lebih|lebih\s+dari|kurang\s+dari|beberapa|setidaknya|paling\s+lambat|paling\s+cepat|selambat-lambatnya|minimal|maksimal)\s*$",
    )
});
/// A count before "hari ini" makes it a duration: "selama satu hari ini".
static COUNT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)(?:\b(?:satu|dua|tiga|se|sepanjang|seharian)|\d)\s*$"));
/// Times: `pukul 10.00 WIB`, `jam 9 pagi`, `14.30 WITA`, `pukul 08.00-12.00 WIB`.
static TIME: LazyLock<Pass> = LazyLock::new(|| {
    Pass::new(
        14,
        r"(?i)\b(?:(?:pukul|jam|pkl\.?)\s+(\d{1,2})(?:[.:](\d{2}))?|(\d{1,2})[.:](\d{2})\s*(WIB|WITA|WIT)\b)(?:\s*(?:-|–|s\.?d\.?|s/d|hingga|sampai)\s*(?:pukul\s+)?(\d{1,2})[.:](\d{2}))?(?:\s*(WIB|WITA|WIT)\b)?(?:\s+(pagi|siang|sore|petang|malam|dini\s+hari))?",
        Starts {
            digits: Some((1, 2)),
            after_digits: b".:",
            words: &["pukul", "jam", "pkl"],
            ..Starts::NONE
        },
    )
});

// ---------------------------------------------------------------------------------------
// Finding.

/// Which way a date without its year (or a weekday alone) lies from the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The nearest either way.
    Nearest,
    /// On or before the anchor.
    Past,
    /// Strictly before ("Senin lalu").
    PastStrict,
    /// On or after the anchor.
    Future,
    /// Strictly after ("Senin depan").
    FutureStrict,
}

fn direction(marker: Option<&str>) -> Direction {
    let marker = marker.map(|m| m.to_lowercase());
    match marker.as_deref().map(|m| m.split_whitespace().last().unwrap_or("")) {
        Some("lalu") => Direction::PastStrict,
        Some("kemarin" | "kemaren") => Direction::Past,
        Some("mendatang" | "depan" | "nanti" | "besok") => Direction::FutureStrict,
        _ => Direction::Nearest,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    /// A whole date.
    Full(Date),
    /// A month of a year.
    Month(i32, u32),
    /// A day and month without a year.
    DayMonth { day: u32, month: u32, dir: Direction },
    /// A month without a year.
    MonthOnly {
        month: u32,
        dir: Direction,
        year_shift: Option<i32>,
    },
    /// A day of the month alone ("tanggal 24").
    DayOnly { day: u32, dir: Direction },
    /// A weekday alone.
    Weekday { dir: Direction },
    /// Days from the anchor ("kemarin" is -1).
    Relative(i64),
    /// Days and months from the date mentioned last ("sehari kemudian").
    Anaphoric { days: i64, months: i32 },
    /// A date that cannot exist ("31/2/2022"): kept so that nothing weaker reads it again,
    /// and given no value.
    Invalid,
}

#[derive(Debug, Clone)]
struct Found {
    span: Span,
    what: What,
    weekday: Option<u32>,
    source: &'static str,
}

struct Finder<'a> {
    text: &'a str,
    triggers: &'a [Trigger],
    body_start: usize,
    found: Vec<Found>,
}

fn number(c: &Caps<'_>, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

fn count_word(word: &str) -> Option<i64> {
    let n = match word.to_lowercase().as_str() {
        "se" | "satu" => 1,
        "dua" => 2,
        "tiga" => 3,
        "empat" => 4,
        "lima" => 5,
        "enam" => 6,
        "tujuh" => 7,
        "delapan" => 8,
        "sembilan" => 9,
        "sepuluh" => 10,
        w => return w.parse().ok(),
    };
    Some(n)
}

/// A two-digit year is of this century ("11/07/24" is 2024).
fn full_year(year: u32, digits: usize) -> i32 {
    if digits == 2 { 2000 + year as i32 } else { year as i32 }
}

impl Finder<'_> {
    fn run(&mut self) {
        self.iso();
        self.numeric_range();
        self.weekday_numeric();
        self.day_range();
        self.written();
        self.numeric();
        self.month_year();
        self.day_month_numeric();
        self.day_only();
        self.month_relative();
        self.anaphoric();
        self.days_ago();
        self.relative();
        self.weekday_alone();
    }

    fn free(&self, span: Span) -> bool {
        !self
            .found
            .iter()
            .any(|f| f.span.start < span.end && span.start < f.span.end)
    }

    fn before(&self, at: usize) -> &str {
        let mut start = at.saturating_sub(60);
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        &self.text[start..at]
    }

    /// Char before `at`, skipping nothing.
    fn char_before(&self, at: usize) -> Option<char> {
        self.text[..at].chars().next_back()
    }

    fn char_after(&self, at: usize) -> Option<char> {
        self.text[at..].chars().next()
    }

    /// Pushes an explicit date, extended over a relative word that repeats it ("Minggu (25/8)
    /// kemarin", "31 Desember 2019 mendatang"); the word also sets the direction of a date
    /// without a year.
    fn push_explicit(&mut self, span: Span, what: What, weekday: Option<u32>, source: &'static str) {
        let mut span = span;
        let mut what = what;
        if let Some(c) = TAIL_MARKER.captures(&self.text[span.end..]) {
            let marker = c.get(1).map(|m| m.as_str());
            span.end += c.get(0).map_or(0, |m| m.end());
            if let What::DayMonth { day, month, .. } = what {
                what = What::DayMonth {
                    day,
                    month,
                    dir: direction(marker),
                };
            }
        }
        self.found.push(Found {
            span,
            what,
            weekday,
            source,
        });
    }

    fn iso(&mut self) {
        for found in ISO.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = ISO.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            if self
                .char_after(m.end())
                .is_some_and(|ch| ch == '-' || ch.is_ascii_digit())
            {
                continue;
            }
            if let Some(date) = Date::new(
                number(&c, 1).unwrap_or(0) as i32,
                number(&c, 2).unwrap_or(0),
                number(&c, 3).unwrap_or(0),
            ) {
                self.push_explicit(span, What::Full(date), None, "rule:date/iso");
            }
        }
    }

    fn weekday_numeric(&mut self) {
        for c in WEEKDAY_NUMERIC.matches(self.text, self.triggers) {
            let m = c.get(0).expect("group 0");
            let open = c.get(2).is_some();
            let close = c.get(8).is_some();
            let sep1 = c.get(4).map_or("", |m| m.as_str());
            let sep2 = c.get(6).map(|m| m.as_str());
            let year = c.get(7);
            if open != close || sep2.is_some_and(|s| s != sep1) {
                continue;
            }
            let mut end = m.end();
            if !open {
                // Without brackets only a full date with slashes or dashes: "Senin 10.00" is a time.
                if year.is_none() || sep1 == "." {
                    continue;
                }
                end = year.map_or(end, |y| y.end());
                if self.char_after(end).is_some_and(|ch| ch.is_ascii_digit()) {
                    continue;
                }
            }
            let span = Span::new(m.start(), end);
            if !self.free(span) {
                continue;
            }
            let weekday = calendar::weekday_number(&c[1]);
            let (day, month) = (number(&c, 3).unwrap_or(0), number(&c, 5).unwrap_or(0));
            let what = match year {
                Some(y) => {
                    let year = full_year(y.as_str().parse().unwrap_or(0), y.len());
                    Date::new(year, month, day).map_or(What::Invalid, What::Full)
                }
                None if (1..=12).contains(&month) && (1..=31).contains(&day) => What::DayMonth {
                    day,
                    month,
                    dir: Direction::Nearest,
                },
                None => continue,
            };
            self.push_explicit(span, what, weekday, "rule:date/weekday_numeric");
        }
    }

    fn day_range(&mut self) {
        for found in DAY_RANGE.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = DAY_RANGE.groups(self.text, found);
            let (first, second) = (c.get(1).expect("group 1"), c.get(2).expect("group 2"));
            let whole = c.get(0).expect("group 0");
            if self
                .char_before(first.start())
                .is_some_and(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
            {
                continue;
            }
            let (d1, d2) = (number(&c, 1).unwrap_or(0), number(&c, 2).unwrap_or(0));
            let Some(month) = calendar::month_number(&c[3]) else {
                continue;
            };
            if d1 == 0 || d1 >= d2 || d2 > 31 || (c.get(4).is_none() && calendar::is_month_abbreviation(&c[3])) {
                continue;
            }
            let what = |day| match number(&c, 4) {
                Some(year) => Date::new(year as i32, month, day).map_or(What::Invalid, What::Full),
                None => What::DayMonth {
                    day,
                    month,
                    dir: Direction::Nearest,
                },
            };
            self.found.push(Found {
                span: Span::new(first.start(), first.end()),
                what: what(d1),
                weekday: None,
                source: "rule:date/day_range",
            });
            self.push_explicit(
                Span::new(second.start(), whole.end()),
                what(d2),
                None,
                "rule:date/day_range",
            );
        }
    }

    fn numeric_range(&mut self) {
        for found in NUMERIC_RANGE.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = NUMERIC_RANGE.groups(self.text, found);
            let whole = c.get(0).expect("group 0");
            let span = Span::new(whole.start(), whole.end());
            let (d1, d2, month) = (
                number(&c, 3).unwrap_or(0),
                number(&c, 4).unwrap_or(0),
                number(&c, 5).unwrap_or(0),
            );
            if d1 == 0 || d1 >= d2 || d2 > 31 || !(1..=12).contains(&month) {
                continue;
            }
            let year = c.get(6).map(|y| full_year(y.as_str().parse().unwrap_or(0), y.len()));
            let what = |day| match year {
                Some(year) => Date::new(year, month, day).map_or(What::Invalid, What::Full),
                None => What::DayMonth {
                    day,
                    month,
                    dir: Direction::Nearest,
                },
            };
            let weekday = |i| c.get(i).and_then(|w| calendar::weekday_number(w.as_str()));
            let second = c.get(4).expect("group 4");
            // The whole range names its first day; the second day is its own number inside it.
            self.found.push(Found {
                span,
                what: what(d1),
                weekday: weekday(1),
                source: "rule:date/numeric_range",
            });
            self.found.push(Found {
                span: Span::new(second.start(), second.end()),
                what: what(d2),
                weekday: weekday(2),
                source: "rule:date/numeric_range",
            });
        }
    }

    fn written(&mut self) {
        for found in WRITTEN.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read (the date's
            // span covers the match).
            if !self.free(found) {
                continue;
            }
            let c = WRITTEN.groups(self.text, found);
            let whole = c.get(0).expect("group 0");
            let day_m = c.get(3).expect("group 3");
            let start = c.get(1).map_or(day_m.start(), |w| w.start());
            let mut span = Span::new(start, whole.end());
            if c.get(2).is_some() {
                // "Rabu (9 November 2022)": the bracket closes after the date.
                if !self.text[whole.end()..].starts_with(')') {
                    continue;
                }
                span.end += 1;
            }
            if self
                .char_before(day_m.start())
                .is_some_and(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
                || !self.free(span)
            {
                continue;
            }
            let day = number(&c, 3).unwrap_or(0);
            let Some(month) = calendar::month_number(&c[4]) else {
                continue;
            };
            let weekday = c.get(1).and_then(|w| calendar::weekday_number(w.as_str()));
            let source = if weekday.is_some() {
                "rule:date/weekday_written"
            } else {
                "rule:date/written"
            };
            let year = number(&c, 5).map(|y| y as i32).or_else(|| {
                RANGE_YEAR
                    .captures(&self.text[whole.end()..])
                    .and_then(|r| r.get(1)?.as_str().parse::<u32>().ok())
                    .map(|y| y as i32)
            });
            let what = match year {
                Some(year) => Date::new(year, month, day).map_or(What::Invalid, What::Full),
                // "5 Mar" without a year is too often something else; the full name is needed.
                None if calendar::is_month_abbreviation(&c[4]) && !whole.as_str().ends_with('.') => continue,
                None if (1..=31).contains(&day) => What::DayMonth {
                    day,
                    month,
                    dir: Direction::Nearest,
                },
                None => continue,
            };
            self.push_explicit(span, what, weekday, source);
        }
    }

    fn numeric(&mut self) {
        for found in NUMERIC.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = NUMERIC.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            if c[2] != c[4]
                || self
                    .char_before(m.start())
                    .is_some_and(|ch| "/.,-".contains(ch) || ch.is_ascii_digit())
                || self.text[m.end()..].starts_with(['/', '-'])
                || continues_number(&self.text[m.end()..])
            {
                continue;
            }
            let date = Date::new(
                number(&c, 5).unwrap_or(0) as i32,
                number(&c, 3).unwrap_or(0),
                number(&c, 1).unwrap_or(0),
            );
            match date {
                Some(date) => self.push_explicit(span, What::Full(date), None, "rule:date/numeric"),
                // "1.500.2022" and other numbers that only look like dates: not a date at all.
                None => continue,
            }
        }
    }

    fn month_year(&mut self) {
        for found in MONTH_YEAR.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = MONTH_YEAR.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            let year = number(&c, 2).unwrap_or(0) as i32;
            if !(1900..=2100).contains(&year) {
                continue;
            }
            let Some(month) = calendar::month_number(&c[1]) else {
                continue;
            };
            self.push_explicit(span, What::Month(year, month), None, "rule:date/month_year");
        }
    }

    fn day_month_numeric(&mut self) {
        for found in DAY_MONTH_NUMERIC.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = DAY_MONTH_NUMERIC.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            let (day, month) = (number(&c, 1).unwrap_or(0), number(&c, 2).unwrap_or(0));
            if HABIT_BEFORE.is_match(self.before(m.start()))
                || continues_number(&self.text[m.end()..])
                || !(1..=12).contains(&month)
                || !(1..=31).contains(&day)
            {
                continue;
            }
            self.push_explicit(
                span,
                What::DayMonth {
                    day,
                    month,
                    dir: Direction::Nearest,
                },
                None,
                "rule:date/day_month",
            );
        }
    }

    fn day_only(&mut self) {
        for found in DAY_ONLY.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = DAY_ONLY.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            let day = number(&c, 1).unwrap_or(0);
            if HABIT_BEFORE.is_match(self.before(m.start()))
                || !(1..=31).contains(&day)
                || self.text[c.get(1).expect("group 1").end()..].starts_with(|ch: char| "/.-,".contains(ch))
            {
                continue;
            }
            let dir = direction(c.get(2).map(|m| m.as_str()));
            self.found.push(Found {
                span,
                what: What::DayOnly { day, dir },
                weekday: None,
                source: "rule:date/day_only",
            });
        }
    }

    fn month_relative(&mut self) {
        for found in MONTH_RELATIVE.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = MONTH_RELATIVE.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            let name = &c[2];
            let marker = c.get(3).map(|m| m.as_str().to_lowercase());
            // A bare month name is too often something else ("Juni" the person); "bulan" or a
            // marker makes it a month.
            if (c.get(1).is_none() && marker.is_none())
                || calendar::is_month_abbreviation(name)
                || HABIT_BEFORE.is_match(self.before(m.start()))
                || self.char_before(m.start()).is_some_and(|ch| ch.is_ascii_digit())
                || self
                    .before(m.start())
                    .trim_end()
                    .ends_with(|ch: char| ch.is_ascii_digit())
            {
                continue;
            }
            let Some(month) = calendar::month_number(name) else {
                continue;
            };
            let year_shift = match marker
                .as_deref()
                .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "))
            {
                Some(m) if m == "tahun lalu" => Some(-1),
                Some(m) if m == "tahun depan" => Some(1),
                Some(m) if m == "tahun ini" => Some(0),
                _ => None,
            };
            let dir = direction(marker.as_deref());
            self.found.push(Found {
                span,
                what: What::MonthOnly { month, dir, year_shift },
                weekday: None,
                source: "rule:date/month_relative",
            });
        }
    }

    fn anaphoric(&mut self) {
        for found in ANAPHORIC.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = ANAPHORIC.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            if HEDGE_BEFORE.is_match(self.before(m.start())) {
                continue;
            }
            let what = if c.get(5).is_some() {
                What::Anaphoric { days: 1, months: 0 }
            } else if c.get(6).is_some() {
                What::Anaphoric { days: 0, months: 0 }
            } else {
                let count = c.get(1).or(c.get(2)).and_then(|w| count_word(w.as_str())).unwrap_or(1);
                let sign = if c[4].eq_ignore_ascii_case("sebelumnya") { -1 } else { 1 };
                let unit = c[3].to_lowercase();
                // "enam bulan sebelumnya" is mostly "six months in advance", not a date.
                if sign < 0 && unit != "hari" {
                    continue;
                }
                match unit.as_str() {
                    "hari" => What::Anaphoric {
                        days: sign * count,
                        months: 0,
                    },
                    "pekan" | "minggu" => What::Anaphoric {
                        days: sign * 7 * count,
                        months: 0,
                    },
                    _ => What::Anaphoric {
                        days: 0,
                        months: (sign * count) as i32,
                    },
                }
            };
            self.found.push(Found {
                span,
                what,
                weekday: None,
                source: "rule:date/anaphoric",
            });
        }
    }

    fn days_ago(&mut self) {
        for found in DAYS_AGO.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = DAYS_AGO.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            if HEDGE_BEFORE.is_match(self.before(m.start())) {
                continue;
            }
            let count = c.get(1).or(c.get(2)).and_then(|w| count_word(w.as_str())).unwrap_or(1);
            self.found.push(Found {
                span,
                what: What::Relative(-count),
                weekday: None,
                source: "rule:date/days_ago",
            });
        }
    }

    fn relative(&mut self) {
        for found in RELATIVE.spans(self.text, self.triggers) {
            // A claimed span rules the match out before its groups are read.
            if !self.free(found) {
                continue;
            }
            let c = RELATIVE.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let span = Span::new(m.start(), m.end());
            let word = c[1].to_lowercase();
            let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
            let before = self.before(m.start());
            let offset = match word.as_str() {
                "kemarin lusa" => -2,
                "kemarin" | "kemaren" if PERIOD_BEFORE.is_match(before) => continue,
                "kemarin" | "kemaren" => -1,
                "hari ini" if COUNT_BEFORE.is_match(before) => continue,
                "hari ini" => 0,
                "besok lusa" | "lusa" => 2,
                // "hari esok" is the future in general, and "esok" alone mostly too.
                "esok" => continue,
                _ if before.trim_end().to_lowercase().ends_with("hari") => continue,
                _ => 1,
            };
            // "kemarin (2/11/2022)": the word and the date it glosses are one mention.
            let after = &self.text[m.end()..];
            let gap = after.len() - after.trim_start_matches([' ', ',', '(']).len();
            let text = self.text;
            let glossed = self
                .found
                .iter_mut()
                .find(|f| f.span.start == m.end() + gap && is_explicit(&f.what));
            if let Some(next) = glossed.filter(|_| gap > 0) {
                next.span.start = m.start();
                if after[..gap].contains('(') && text[next.span.end..].starts_with(')') {
                    next.span.end += 1;
                }
                continue;
            }
            self.found.push(Found {
                span,
                what: What::Relative(offset),
                weekday: None,
                source: "rule:date/relative",
            });
        }
    }

    fn weekday_alone(&mut self) {
        for found in WEEKDAY_ALONE.spans(self.text, self.triggers) {
            // The name opens the match: a claimed span over its first byte rules the match
            // out before its groups are read.
            if !self.free(Span::new(found.start, found.start + 1)) {
                continue;
            }
            let c = WEEKDAY_ALONE.groups(self.text, found);
            let m = c.get(0).expect("group 0");
            let name = c.get(1).expect("group 1");
            let marker = c.get(2).map(|m| m.as_str().to_lowercase());
            let mut span = Span::new(m.start(), m.end());
            if !self.free(Span::new(name.start(), name.end())) {
                continue;
            }
            if !self.free(span) {
                span = Span::new(name.start(), name.end());
            }
            let Some(weekday) = calendar::weekday_number(name.as_str()) else {
                continue;
            };
            let before = self.before(m.start());
            let lowered = before.trim_end().to_lowercase();
            let is_sunday_word = name.as_str().to_lowercase() == "minggu";
            let capitalized = name.as_str().starts_with(char::is_uppercase);
            let sentence_start = before.trim_end_matches([' ', '"', '“', '\'', '‘']).is_empty()
                || before
                    .trim_end_matches([' ', '"', '“', '\'', '‘'])
                    .ends_with(['.', '!', '?', '\n', ':', '—', '–']);
            // "minggu" is also "week": lowercase it is a week unless "hari" precedes it, and
            // "Minggu ini/depan/lalu" opening a sentence is "this/next/last week".
            if is_sunday_word && (!capitalized && !lowered.ends_with("hari")) {
                continue;
            }
            // "Minggu ini", "Minggu depan", "Minggu kedua", "Minggu ke-3" are weeks, and so is
            // "Minggu lalu" opening a sentence.
            let rest = self.text[name.end()..].trim_start();
            if is_sunday_word
                && (matches!(marker.as_deref(), Some("ini" | "depan"))
                    || (sentence_start && marker.is_some())
                    || ["ke-", "kedua", "ketiga", "keempat", "pertama", "terakhir"]
                        .iter()
                        .any(|w| starts_with_ignore_case(rest, w)))
            {
                continue;
            }
            // "Jumat Curhat", "Minggu Kasih": a weekday starting a name, in the body (a headline
            // capitalizes every word).
            let next_word = self.text[name.end()..]
                .strip_prefix(' ')
                .and_then(|r| r.split([' ', ',', '.', '\n']).next());
            if m.start() >= self.body_start
                && marker.is_none()
                && next_word.is_some_and(|w| {
                    w.starts_with(char::is_uppercase)
                        && w.chars().skip(1).any(char::is_lowercase)
                        && calendar::month_number(w).is_none()
                        && !PART_WORD.is_match(w)
                })
            {
                continue;
            }
            if HABIT_BEFORE.is_match(before)
                || WEEKDAY_RANGE_AFTER.is_match(&self.text[name.end()..])
                || WEEKDAY_RANGE_BEFORE.is_match(before)
            {
                continue;
            }
            let dir = match marker.as_deref() {
                Some(m) => direction(Some(m)),
                None if FUTURE_BEFORE.is_match(clause_before(before)) => Direction::Future,
                None => Direction::Past,
            };
            self.found.push(Found {
                span,
                what: What::Weekday { dir },
                weekday: Some(weekday),
                source: "rule:date/weekday",
            });
        }
    }
}

/// `text` begins with the lowercase ASCII `prefix`, in any case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The part of `before` in the same clause: after the last sentence end or comma.
fn clause_before(before: &str) -> &str {
    match before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '\n' | ',' | '"' | '“' | '”'))
    {
        Some((i, c)) => &before[i + c.len_utf8()..],
        None => before,
    }
}

/// True when `rest` goes on with more of a number: "/2022", ".5", "-3".
fn continues_number(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('/' | '.' | '-' | ',')) && chars.next().is_some_and(|c| c.is_ascii_digit())
}

fn is_explicit(what: &What) -> bool {
    matches!(
        what,
        What::Full(_) | What::DayMonth { .. } | What::Month(..) | What::Invalid
    )
}

// ---------------------------------------------------------------------------------------
// Resolving.

/// Byte ranges inside quotation marks, each within one paragraph; an unclosed quote runs to
/// the end of its paragraph (Indonesian news often leaves a quote open across paragraphs).
fn quote_regions(text: &str) -> Vec<Span> {
    // Bytes, not chars: the marks are `"` and the UTF-8 of `“` (E2 80 9C) and `”` (E2 80 9D).
    let bytes = text.as_bytes();
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    // Only these bytes matter, and they are rare: the others are skipped many at a time.
    for i in memchr::memchr3_iter(b'\n', b'"', 0xE2, bytes) {
        let b = bytes[i];
        let curly = || b == 0xE2 && bytes.get(i + 1) == Some(&0x80);
        match (b, open) {
            (b'\n', Some(s)) => {
                regions.push(Span::new(s, i + 1));
                open = None;
            }
            (b'"', None) => open = Some(i),
            (b'"', Some(s)) => {
                regions.push(Span::new(s, i + 1));
                open = None;
            }
            (0xE2, None) if curly() && bytes.get(i + 2) == Some(&0x9C) => open = Some(i),
            (0xE2, Some(s)) if curly() && bytes.get(i + 2) == Some(&0x9D) => {
                regions.push(Span::new(s, i + 3));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        regions.push(Span::new(s, bytes.len()));
    }
    regions
}

/// What an article tells of when it was written, besides its dates.
struct Context {
    reference: Option<Date>,
    /// The year and month of its address, when that names no day.
    month_hint: Option<(i32, u32)>,
    /// Years written in its text.
    years: Vec<i32>,
}

/// For an article with no date to anchor on: a date written with its weekday but not its
/// year ("Senin (27/7)") whose weekday fits exactly one of the years the article names
/// (or its address gives). That year is very likely the article's.
fn dated_by_weekday(found: &[Found], context: &Context) -> Option<Date> {
    let mut years = context.years.clone();
    if let Some((year, _)) = context.month_hint
        && !years.contains(&year)
    {
        years.push(year);
    }
    found.iter().find_map(|f| {
        let (What::DayMonth { day, month, .. }, Some(weekday)) = (f.what, f.weekday) else {
            return None;
        };
        let mut fitting = years
            .iter()
            .filter_map(|&y| Date::new(y, month, day))
            .filter(|d| d.weekday() == weekday);
        match (fitting.next(), fitting.next()) {
            (Some(date), None) => Some(date),
            _ => None,
        }
    })
}

fn resolve(found: &[Found], context: &Context, text: &str) -> Vec<DateMention> {
    let reference = context.reference;
    // Explicit dates first: full dates alone, then dates without a year against the
    // reference date or, without one, the first full date of the text, or the one date
    // whose weekday tells its year. Failing those, the month of the article's address
    // still tells the year.
    let first_full = found.iter().find_map(|f| match f.what {
        What::Full(d) => Some(d),
        _ => None,
    });
    let base = reference.or(first_full).or_else(|| dated_by_weekday(found, context));
    let year_base = base.or_else(|| context.month_hint.and_then(|(year, month)| Date::new(year, month, 15)));
    let mut values: Vec<Option<Date>> = vec![None; found.len()];
    for (i, f) in found.iter().enumerate() {
        values[i] = match f.what {
            What::Full(d) => Some(d),
            What::DayMonth { day, month, dir } => year_base.and_then(|a| day_month_near(a, day, month, dir)),
            _ => None,
        };
    }
    // Days on which words may have been said: explicit dates in the week up to the
    // reference date, or up to the article's own first date when it has none (words are
    // not said on a day still to come).
    let said_by = reference.or(base);
    let spoken: Vec<(usize, Date)> = found
        .iter()
        .zip(&values)
        .filter(|(f, _)| is_explicit(&f.what))
        .filter_map(|(f, v)| v.map(|d| (f.span.start, d)))
        .filter(|(_, d)| match said_by {
            Some(r) => (0..=7).contains(&(r.days_since_epoch() - d.days_since_epoch())),
            None => true,
        })
        .collect();
    // Only a mention that counts from an anchor asks where the quotations are.
    let quotes = std::cell::OnceCell::new();
    let mut out = Vec::with_capacity(found.len());
    let mut last_day: Option<Date> = None;
    for (i, f) in found.iter().enumerate() {
        let anchor = || {
            let in_quote = quotes
                .get_or_init(|| quote_regions(text))
                .iter()
                .any(|q: &Span| q.start <= f.span.start && f.span.start < q.end);
            if reference.is_some() && !in_quote {
                return reference;
            }
            // Outside quotations and without a publication date, "kemarin" counts from the
            // day the article is about: its first full date, usually in the lead.
            if reference.is_none() && !in_quote && base.is_some() {
                return base;
            }
            let nearest = spoken
                .iter()
                .min_by_key(|(at, _)| at.abs_diff(f.span.start))
                .map(|&(_, d)| d);
            nearest.or(reference).or(base)
        };
        let mut precision = Precision::Day;
        let mut month_value = None;
        let value = match f.what {
            What::Full(_) | What::DayMonth { .. } => values[i],
            What::Invalid => None,
            What::Month(y, m) => {
                precision = Precision::Month;
                month_value = Some((y, m));
                None
            }
            What::MonthOnly { month, dir, year_shift } => {
                precision = Precision::Month;
                month_value = anchor().map(|a| month_near(a, month, dir, year_shift));
                None
            }
            What::DayOnly { day, dir } => anchor().and_then(|a| day_near(a, day, dir)),
            What::Weekday { dir } => anchor().map(|a| weekday_near(a, f.weekday.unwrap_or(1), dir)),
            What::Relative(days) => anchor().map(|a| a.add_days(days)),
            What::Anaphoric { days, months } => last_day.map(|d| d.add_months(months).add_days(days)),
        };
        if precision == Precision::Day && value.is_some() {
            last_day = value;
        }
        let weekday_consistent = match (f.what, f.weekday, value) {
            (What::Weekday { .. }, _, _) => None,
            (_, Some(w), Some(d)) => Some(d.weekday() == w),
            _ => None,
        };
        let value = match precision {
            Precision::Month => month_value.map(|(y, m)| format!("{y:04}-{m:02}")),
            _ => value.map(|d| d.to_string()),
        };
        if f.what != What::Invalid {
            out.push(DateMention {
                span: f.span,
                value,
                precision,
                weekday_consistent,
                source: f.source,
            });
        }
    }
    out
}

/// `day`/`month` in the year that puts it nearest `anchor` in `dir`.
fn day_month_near(anchor: Date, day: u32, month: u32, dir: Direction) -> Option<Date> {
    let candidates = (anchor.year - 1..=anchor.year + 1).filter_map(|y| Date::new(y, month, day));
    pick(anchor, candidates, dir)
}

/// Day `day` of the month nearest `anchor` in `dir`.
fn day_near(anchor: Date, day: u32, dir: Direction) -> Option<Date> {
    let candidates = (-2..=2).filter_map(|k| {
        let m = anchor.add_months(k);
        Date::new(m.year, m.month, day)
    });
    pick(anchor, candidates, dir)
}

fn pick(anchor: Date, candidates: impl Iterator<Item = Date>, dir: Direction) -> Option<Date> {
    let a = anchor.days_since_epoch();
    candidates
        .filter(|d| {
            let diff = d.days_since_epoch() - a;
            match dir {
                Direction::Nearest => true,
                Direction::Past => diff <= 0,
                Direction::PastStrict => diff < 0,
                Direction::Future => diff >= 0,
                Direction::FutureStrict => diff > 0,
            }
        })
        .min_by_key(|d| (d.days_since_epoch() - a).abs())
}

/// The month `month` nearest `anchor` in `dir` as (year, month).
fn month_near(anchor: Date, month: u32, dir: Direction, year_shift: Option<i32>) -> (i32, u32) {
    if let Some(shift) = year_shift {
        return (anchor.year + shift, month);
    }
    let here = anchor.year * 12 + anchor.month as i32;
    let best = (anchor.year - 1..=anchor.year + 1)
        .map(|y| y * 12 + month as i32)
        .filter(|&m| match dir {
            Direction::Nearest => true,
            Direction::Past => m <= here,
            Direction::PastStrict => m < here,
            Direction::Future => m >= here,
            Direction::FutureStrict => m > here,
        })
        .min_by_key(|&m| (m - here).abs())
        .unwrap_or(here);
    ((best - 1).div_euclid(12), ((best - 1).rem_euclid(12) + 1) as u32)
}

/// The weekday `weekday` nearest `anchor` in `dir`.
fn weekday_near(anchor: Date, weekday: u32, dir: Direction) -> Date {
    let back = (i64::from(anchor.weekday()) - i64::from(weekday)).rem_euclid(7);
    let ahead = (i64::from(weekday) - i64::from(anchor.weekday())).rem_euclid(7);
    let days = match dir {
        Direction::Past => -back,
        Direction::PastStrict => -(if back == 0 { 7 } else { back }),
        Direction::Future => ahead,
        Direction::FutureStrict => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Direction::Nearest => {
            if back <= ahead {
                -back
            } else {
                ahead
            }
        }
    };
    anchor.add_days(days)
}

// ---------------------------------------------------------------------------------------
// Times.

fn zone_offset(zone: &str) -> Option<&'static str> {
    match zone.to_uppercase().as_str() {
        "WIB" => Some("+07:00"),
        "WITA" => Some("+08:00"),
        "WIT" => Some("+09:00"),
        _ => None,
    }
}

/// Hour on the 24-hour clock: "pukul 8 malam" is 20:00.
fn clock_hour(hour: u32, part: Option<&str>) -> u32 {
    match part.map(str::to_lowercase).as_deref() {
        Some("sore" | "petang" | "malam") if (1..12).contains(&hour) && hour >= 3 => hour + 12,
        Some("siang") if (1..=5).contains(&hour) => hour + 12,
        _ => hour,
    }
}

fn times(text: &str, triggers: &[Trigger]) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for c in TIME.matches(text, triggers) {
        let whole = c.get(0).expect("group 0");
        let (hour, minute) = match (number(&c, 1), number(&c, 3)) {
            (Some(h), _) => (h, number(&c, 2).unwrap_or(0)),
            (None, Some(h)) => (h, number(&c, 4).unwrap_or(0)),
            _ => continue,
        };
        // "jam 30 menit" is a duration, and "pukul 10.000" no time at all.
        let after = &text[whole.end()..];
        if hour > 24
            || minute > 59
            || starts_with_ignore_case(after.trim_start(), "menit")
            || after.starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let zone = c.get(8).or(c.get(5)).map(|z| z.as_str().to_string());
        let part = c.get(9).map(|p| p.as_str());
        let offset = zone.as_deref().and_then(zone_offset).map(String::from);
        let source = if zone.is_some() {
            "rule:time/zone"
        } else {
            "rule:time/clock"
        };
        let (end_hour, end_minute) = (number(&c, 6), number(&c, 7));
        let first_end = c.get(6).map_or(whole.end(), |m| {
            // The first time ends before the range word.
            let upto = &text[whole.start()..m.start()];
            let trimmed = upto.trim_end_matches(|ch: char| !ch.is_ascii_digit());
            whole.start() + trimmed.len()
        });
        out.push(TimeMention {
            span: Span::new(whole.start(), first_end),
            value: format!("{:02}:{:02}", clock_hour(hour, part), minute),
            zone: zone.clone(),
            utc_offset: offset.clone(),
            source,
        });
        if let (Some(h), Some(m), Some(start)) = (end_hour, end_minute, c.get(6))
            && h <= 24
            && m <= 59
        {
            out.push(TimeMention {
                span: Span::new(start.start(), whole.end()),
                value: format!("{:02}:{:02}", clock_hour(h, part), m),
                zone,
                utc_offset: offset,
                source,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, reference: Option<Date>) -> Dates {
        extract(&Doc::new(text, 0, None, reference))
    }

    fn values(text: &str, reference: &str) -> Vec<(String, Option<String>)> {
        let found = doc(text, calendar::parse_published(reference));
        found
            .dates
            .iter()
            .map(|d| (d.span.slice(text).to_string(), d.value.clone()))
            .collect()
    }

    #[test]
    fn patterns_compile() {
        for re in [
            &*RANGE_YEAR,
            &*TAIL_MARKER,
            &*PART_WORD,
            &*HABIT_BEFORE,
            &*FUTURE_BEFORE,
            &*WEEKDAY_RANGE_AFTER,
            &*WEEKDAY_RANGE_BEFORE,
            &*PERIOD_BEFORE,
            &*HEDGE_BEFORE,
            &*COUNT_BEFORE,
        ] {
            assert!(!re.as_str().is_empty());
        }
        for (n, pass) in PASSES.iter().enumerate() {
            assert_eq!(pass.id, n, "PASSES is in the order of the passes' ids");
        }
    }

    /// Every text the repository holds, and forms written to sit at the edges of the
    /// triggers: apostrophes in names, upper case, words glued to digits, underscores.
    fn texts_to_compare() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![
            "Jum'at (9/11) dan Jum’at (10/11), JUMAT 11/11/2022, jumat(12/11).".to_string(),
            "(30-31/12) Senin-Selasa (7-8/11/2022) Senin - Rabu (7 - 9/11)".to_string(),
            "sehari kemudian, dua hari sebelumnya, 3 hari yang lalu, keesokan harinya, besoknya".to_string(),
            "x_2022-11-09 é2022-11-09 Rp1,5 10.000 9.11.2022 2022-11-09T10:00 tgl. 9/11 pkl.10 jam 9".to_string(),
            "KEMARIN, Kemaren lusa, hari ini, esok pagi, bulan Maret lalu, Nop. 2022, 9 Nop. 2022".to_string(),
        ];
        for dir in ["corpus", "tests/data", "tests/hostile"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("folder")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.is_file())
                .collect();
            paths.sort();
            for path in paths {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.push(text);
                }
            }
        }
        texts
    }

    #[test]
    fn passes_match_as_a_whole_text_search_would() {
        let mut compared = 0;
        for text in texts_to_compare() {
            let triggers = scan(&text).triggers;
            for pass in PASSES.iter() {
                let whole = Regex::new(&pass.source).expect("pattern");
                // Every group, as resolved on the match alone after finding it.
                let expected: Vec<Vec<Option<(usize, usize)>>> = whole
                    .captures_iter(&text)
                    .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                    .collect();
                let got: Vec<Vec<Option<(usize, usize)>>> = pass
                    .matches(&text, &triggers)
                    .map(|c| {
                        (0..whole.captures_len())
                            .map(|i| c.get(i).map(|g| (g.start(), g.end())))
                            .collect()
                    })
                    .collect();
                assert_eq!(got, expected, "pass {} on {:.80?}", pass.id, text);
                compared += expected.len();
            }
        }
        assert!(compared > 500, "only {compared} matches compared");
    }

    #[test]
    fn years_are_four_digit_words() {
        let scanned = scan("Pilkada 2015 dan APBD 2023, lalu 2015-2016, 12345, 2015an, 1899, (2020) x2021 2022");
        assert_eq!(scanned.years, [2015, 2023, 2016, 2020, 2022]);
    }

    #[test]
    fn leading_letters_counts_ascii_letters_only() {
        for text in [
            "",
            "a",
            "Kamis",
            "September2022",
            "abcdefgh",
            "abcdefghIJKLMNOPq r",
            "Jum'at",
            "é",
            "z{",
            "Z[",
            "a@",
            "`a",
            "\u{7f}",
        ] {
            let expected = text.bytes().take_while(u8::is_ascii_alphabetic).count();
            assert_eq!(leading_letters(text.as_bytes()), expected, "{text:?}");
        }
        for b in 0..=255u8 {
            let chunk = [b'a', b'b', b'c', b, b'd', b'e', b'f', b'g', b'h'];
            let expected = if b.is_ascii_alphabetic() { 9 } else { 3 };
            assert_eq!(leading_letters(&chunk), expected, "byte {b:#x}");
        }
    }

    #[test]
    fn weekday_with_numeric_date() {
        let got = values("Sekda hadir di Hotel Novotel, Rabu (9/11/2022).", "2022-11-09");
        assert_eq!(got, [("Rabu (9/11/2022)".into(), Some("2022-11-09".into()))]);
    }

    #[test]
    fn weekday_alone_is_on_or_before_the_reference() {
        assert_eq!(
            values("Rapat digelar pada Senin.", "2022-11-09")[0].1.as_deref(),
            Some("2022-11-07")
        );
        assert_eq!(
            values("Rapat akan digelar pada Senin.", "2022-11-09")[0].1.as_deref(),
            Some("2022-11-14")
        );
        assert_eq!(
            values("Ia datang Rabu lalu.", "2022-11-09")[0].1.as_deref(),
            Some("2022-11-02")
        );
    }

    #[test]
    fn quotes_take_the_day_they_were_said() {
        let text = "Acara digelar Kamis (11/7/2024).\n“Hari ini kami senang,” kata Wali Kota.";
        let got = values(text, "2024-07-12");
        assert_eq!(got[1], ("Hari ini".into(), Some("2024-07-11".into())));
    }

    #[test]
    fn times_with_zones() {
        let found = doc("Acara dimulai pukul 10.00 WIB dan selesai pukul 14.30 WITA.", None);
        let got: Vec<_> = found
            .times
            .iter()
            .map(|t| (t.value.as_str(), t.utc_offset.as_deref()))
            .collect();
        assert_eq!(got, [("10:00", Some("+07:00")), ("14:30", Some("+08:00"))]);
    }
}
