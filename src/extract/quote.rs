//! Quotes and their speakers: direct quotes paired from the marks news text really uses
//! (“ ” " ' ‘ ’, Kompas' ” on both sides, unclosed and continued quotes), indirect speech
//! from speech verbs and frames in `data/quote/verba_tutur.txt`, and the speaker of each,
//! resolved through names, pronouns, titles and the previous quote.

use std::sync::LazyLock;

use crate::extract::Doc;
use crate::extract::org::Organizations;
use crate::extract::person::Person;
use crate::lexicon::{self, PhraseOpenings, WordTable};
use crate::span::Span;
use crate::token::{Token, TokenKind};

mod lexicons {
    pub const SPEECH_VERBS: &str = include_str!("../../data/quote/verba_tutur.txt");
    pub const ANONYMOUS: &str = include_str!("../../data/quote/anonim.txt");
    pub const PRONOUNS: &str = include_str!("../../data/quote/pronomina.txt");
    pub const ACTS: &str = include_str!("../../data/quote/tindakan.txt");
    pub const PERSON_NOUNS: &str = include_str!("../../data/quote/sosok.txt");
    pub const NAMING_WORDS: &str = include_str!("../../data/quote/penamaan.txt");
}

/// Direct (in quotation marks) or indirect (reported speech).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech introduced by a speech verb or frame.
    Indirect,
}

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// A name written at the cue.
    Name,
    /// A pronoun at the cue ("ia", "dia", "beliau", "katanya").
    Pronoun,
    /// A bare title at the cue, resolved to its holder.
    Title,
    /// No cue: the quote continues the previous speaker.
    Previous,
}

/// Who speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The person's name, or the organization's.
    pub name: String,
    /// Index into the record's people.
    pub person: Option<usize>,
    /// Index into the record's organizations, when a body speaks.
    pub organization: Option<usize>,
    /// How the speaker was found.
    pub via: Via,
}

/// A quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the marks (indirect: the reported clause).
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speech verb or frame.
    pub cue: Option<Span>,
    /// Who speaks; `None` when no reader could tell or the source is anonymous.
    pub speaker: Option<Speaker>,
    /// True when the source is anonymous ("seorang warga", "sumber").
    pub anonymous: bool,
    /// The rule that found it.
    pub source: &'static str,
}

/// Where a speech verb stands relative to its speaker and clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbClass {
    Pre,
    Weak,
    Post,
    Frame,
    /// A passive that opens the sentence: "Dikatakannya, ...", "Dijelaskan oleh X, ...".
    Passive,
}

fn speech_verbs() -> impl Iterator<Item = (&'static str, VerbClass)> {
    lexicon::entries(lexicons::SPEECH_VERBS).map(|e| {
        let class = match e.value {
            Some("weak") => VerbClass::Weak,
            Some("post") => VerbClass::Post,
            Some("frame") => VerbClass::Frame,
            Some("passive") => VerbClass::Passive,
            _ => VerbClass::Pre,
        };
        (e.surface, class)
    })
}

/// Looked up at every word whose opening passes: a [`WordTable`], as hashing each word
/// cost more than the rest of the test.
static VERBS: LazyLock<WordTable<VerbClass>> = LazyLock::new(|| speech_verbs().collect());

/// The openings of the speech verbs: most words open none, and skip both lookups.
static VERB_OPENINGS: LazyLock<PhraseOpenings> = LazyLock::new(|| {
    let verbs: Vec<&str> = speech_verbs().map(|(verb, _)| verb).collect();
    PhraseOpenings::new(&verbs)
});

static ANONYMOUS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicons::ANONYMOUS).map(|e| e.surface).collect());
static ACTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicons::ACTS).map(|e| e.surface).collect());
static NAMING_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicons::NAMING_WORDS).map(|e| e.surface).collect());

static PERSON_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicons::PERSON_NOUNS).map(|e| e.surface).collect());

static PRONOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(lexicons::PRONOUNS).map(|e| e.surface).collect());

/// Fewer words than this inside marks, with no speech verb beside them, are scare quotes
/// around a term, not a quote.
const MIN_UNCUED_WORDS: usize = 4;
/// An indirect clause shorter than this is an act, not reported speech.
const MIN_CLAUSE_WORDS: usize = 3;
/// How far back (bytes) a pronoun or an uncued quote looks for the person it refers to:
/// about three sentences of news text.
const ANTECEDENT_REACH: usize = 600;
/// Words before a speech verb that make it a purpose, a duty or an ability rather than
/// speech that was made.
const NOT_SPEECH_BEFORE: [&str; 13] = [
    "untuk", "guna", "agar", "supaya", "yang", "harus", "wajib", "perlu", "bisa", "dapat", "mampu", "ingin", "mau",
];
/// A weak verb's clause without a comma or "bahwa" must run past this many tokens.
const MIN_WEAK_CLAUSE_TOKENS: usize = 5;
/// How far a speaker phrase reaches from its verb.
const MAX_SPEAKER_TOKENS: usize = 16;

/// Finds the quotes of `doc`, resolving speakers among `people` and `organizations`.
pub fn extract(doc: &Doc<'_>, people: &[Person], organizations: &Organizations) -> Vec<Quote> {
    let finder = Finder {
        doc,
        tokens: &doc.tokens,
        people,
        organizations,
    };
    let marks = finder.direct_spans();
    let mut quotes = Vec::with_capacity(marks.len() + 4);
    let mut last_speaker: Option<Speaker> = None;
    let mut previous_quote_end = 0;
    // Direct and indirect quotes are resolved together in text order, so that a pronoun
    // or an uncued quote takes the speaker of the quote before it.
    // "diskusi bertema ”Reviu Periodik IV”": a title in marks, not speech.
    let mut items: Vec<Item> = marks
        .into_iter()
        .filter(|d| !finder.title_in_marks(d.open))
        .map(Item::Direct)
        .collect();
    items.extend(finder.indirect_candidates(&items).into_iter().map(Item::Indirect));
    items.sort_by_key(Item::start);
    for item in items {
        match item {
            Item::Direct(d) => {
                let words = count_words(d.content.slice(doc.text), MIN_UNCUED_WORDS);
                let after = finder.cue_after(d.close_end);
                // A few words in marks are a quote only with the cue right beside them
                // ("“Siap!” kata Dewa", "ujarnya: “Siap!”"); a speech verb further before
                // them names a term ("menyebutkan program “Gerakan Bersih Kota”").
                let before = finder
                    .cue_before(d.open)
                    .filter(|c| words >= MIN_UNCUED_WORDS || finder.adjacent_before(c, d.open));
                let cue = after.or(before);
                if cue.is_none() && words < MIN_UNCUED_WORDS {
                    continue;
                }
                let (speaker, anonymous) = match &cue {
                    Some(c) => finder.resolve(
                        c,
                        finder.tokens[d.open].span.start,
                        last_speaker.as_ref(),
                        previous_quote_end,
                    ),
                    None => {
                        // An uncued quote continues the speaker of a quote just before it,
                        // else belongs to the person the sentences before it introduce.
                        let near = d.continued || finder.same_or_next_paragraph(previous_quote_end, d.content.start);
                        let speaker = last_speaker
                            .clone()
                            .filter(|_| near)
                            .or_else(|| finder.person_before(finder.tokens[d.open].span.start))
                            .map(|s| Speaker {
                                via: Via::Previous,
                                ..s
                            });
                        (speaker, false)
                    }
                };
                if speaker.is_some() {
                    last_speaker = speaker.clone();
                }
                previous_quote_end = d.content.end;
                quotes.push(Quote {
                    span: d.content,
                    kind: QuoteKind::Direct,
                    cue: cue.map(|c| c.verb),
                    speaker,
                    anonymous,
                    source: if d.unclosed {
                        "rule:quote/direct_unclosed"
                    } else {
                        "rule:quote/direct"
                    },
                });
            }
            Item::Indirect(c) => {
                let anchor = finder.tokens[c.cue.speaker.start.min(finder.tokens.len() - 1)]
                    .span
                    .start;
                let (speaker, anonymous) = finder.resolve(
                    &c.cue,
                    anchor.min(c.clause.start),
                    last_speaker.as_ref(),
                    previous_quote_end,
                );
                if speaker.is_none() && !anonymous {
                    continue;
                }
                if speaker.is_some() {
                    last_speaker = speaker.clone();
                }
                previous_quote_end = c.clause.end;
                quotes.push(Quote {
                    span: c.clause,
                    kind: QuoteKind::Indirect,
                    cue: Some(c.cue.verb),
                    speaker,
                    anonymous,
                    source: c.source,
                });
            }
        }
    }
    // A quote that runs on into the next paragraph takes the speaker its continuation names.
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        let next = &quotes[i + 1];
        let runs_on = quotes[i].kind == QuoteKind::Direct
            && next.kind == QuoteKind::Direct
            && quotes[i].source == "rule:quote/direct_unclosed"
            && doc.text[quotes[i].span.end..next.span.start].matches('\n').count() == 1;
        if runs_on && next.speaker.is_some() && quotes[i].speaker.as_ref().is_none_or(|s| s.via == Via::Previous) {
            quotes[i].speaker = next.speaker.clone();
        }
    }
    quotes
}

/// A pair of quotation marks and what they hold.
#[derive(Debug, Clone)]
struct Marked {
    /// Token index of the opening mark (its first token).
    open: usize,
    /// Token index of the closing mark, or of the last token when unclosed.
    close: usize,
    /// Its last token.
    close_end: usize,
    content: Span,
    unclosed: bool,
    /// Opens a paragraph right after a quote that ran to the end of the last one.
    continued: bool,
}

/// A speech verb and the phrase naming its speaker.
#[derive(Debug, Clone)]
struct Cue {
    verb: Span,
    /// Token range of the speaker phrase (may be empty).
    speaker: std::ops::Range<usize>,
    /// The verb carries its speaker as a clitic ("katanya").
    clitic_pronoun: bool,
}

#[derive(Debug, Clone)]
struct IndirectCandidate {
    clause: Span,
    cue: Cue,
    source: &'static str,
}

enum Item {
    Direct(Marked),
    Indirect(IndirectCandidate),
}

impl Item {
    fn start(&self) -> usize {
        match self {
            Item::Direct(d) => d.content.start,
            Item::Indirect(c) => c.clause.start.min(c.cue.verb.start),
        }
    }
}

/// A quotation mark: one token, or two single marks written together.
#[derive(Debug, Clone, Copy)]
struct Mark {
    first: usize,
    last: usize,
    shape: &'static str,
}

fn paragraph_start_token(finder: &Finder<'_, '_>, i: usize) -> usize {
    let mut k = i;
    while k > 0 && !finder.paragraph_start(k) {
        k -= 1;
    }
    k
}

struct Finder<'d, 'a> {
    doc: &'d Doc<'a>,
    tokens: &'d [Token<'a>],
    people: &'d [Person],
    organizations: &'d Organizations,
}

fn is_single_mark(s: &str) -> bool {
    matches!(s, "'" | "’" | "‘")
}

fn is_double_mark(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "„" | "«" | "»")
}

/// A noun for a person ("politisi", "warga", "pria"), in any case.
fn is_person_noun(word: &str) -> bool {
    lexicon::with_lowercase(word, |w| PERSON_NOUNS.contains(&w))
}

/// The words of `s` (pieces between whitespace that hold a letter or digit), counted up to
/// `limit`: every caller asks only whether a clause reaches a few words, and clauses run
/// to whole sentences.
fn count_words(s: &str, limit: usize) -> usize {
    // Most quotes: the same count on bytes, without decoding characters, until a byte that
    // is not ASCII sends the whole text to the slow count.
    let mut words = 0;
    let mut in_piece = false;
    let mut counted = false;
    for b in s.bytes() {
        if words >= limit {
            return limit;
        }
        if !b.is_ascii() {
            return s
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(limit)
                .count();
        }
        if b.is_ascii_whitespace() || b == 0x0B {
            in_piece = false;
        } else {
            if !in_piece {
                in_piece = true;
                counted = false;
            }
            if !counted && b.is_ascii_alphanumeric() {
                words += 1;
                counted = true;
            }
        }
    }
    words.min(limit)
}

impl Finder<'_, '_> {
    fn char_before(&self, at: usize) -> Option<char> {
        self.doc.text[..at].chars().next_back()
    }

    fn char_after(&self, at: usize) -> Option<char> {
        self.doc.text[at..].chars().next()
    }

    /// Whether a mark can open and whether it can close a quote, from the characters
    /// around it.
    fn flanks(&self, mark: &Mark) -> (bool, bool) {
        let before = self.char_before(self.tokens[mark.first].span.start);
        let after = self.char_after(self.tokens[mark.last].span.end);
        let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
        let close_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]—–-".contains(c));
        let can_open = open_side(before) && after.is_some_and(|c| !c.is_whitespace());
        let can_close = before.is_some_and(|c| !c.is_whitespace()) && close_side(after);
        (can_open, can_close)
    }

    /// The double quotation marks of the text; two single marks written together (`''`,
    /// `’’`) count as one double mark.
    fn marks(&self) -> Vec<Mark> {
        // Room for the marks of a quoted article: grown from empty, the list was copied
        // three or four times.
        let mut marks = Vec::with_capacity(16);
        let mut i = 0;
        while i < self.tokens.len() {
            let t = &self.tokens[i];
            if t.kind == TokenKind::Punct && is_double_mark(t.text) {
                let shape = match t.text {
                    "“" | "„" | "«" => "“",
                    "”" | "»" => "”",
                    _ => "\"",
                };
                marks.push(Mark {
                    first: i,
                    last: i,
                    shape,
                });
            } else if t.kind == TokenKind::Punct
                && is_single_mark(t.text)
                && self
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| is_single_mark(n.text) && n.span.start == t.span.end)
            {
                marks.push(Mark {
                    first: i,
                    last: i + 1,
                    shape: "\"",
                });
                i += 1;
            }
            i += 1;
        }
        marks
    }

    /// Pairs the double quotation marks of the text. A quote left open runs to the end of
    /// its paragraph; a paragraph that then closes a quote it never opened continues it.
    fn direct_spans(&self) -> Vec<Marked> {
        let marks = self.marks();
        let mut found: Vec<Marked> = Vec::with_capacity(marks.len() / 2);
        let mut open: Option<Mark> = None;
        let mut ran_to_paragraph_end = false;
        let mut paragraph_start = 0;
        for mark in marks {
            if let Some(p) = self.paragraph_start_before(mark.first)
                && p > paragraph_start
            {
                // A paragraph break since the last mark.
                if let Some(o) = open.take() {
                    let last = self.last_token_of_paragraph(o.last);
                    found.push(self.marked(o, last, ran_to_paragraph_end));
                    ran_to_paragraph_end = true;
                } else if !found
                    .last()
                    .is_some_and(|m| m.unclosed && self.next_paragraph(m.close) == Some(p))
                {
                    ran_to_paragraph_end = false;
                }
                paragraph_start = p;
            }
            let (can_open, can_close) = self.flanks(&mark);
            let opens = match open {
                // Inside a quote a mark closes unless it clearly opens the next one.
                Some(_) => can_open && !can_close && mark.shape != "”" || (can_open && mark.shape == "“"),
                None => can_open || (!can_close && mark.shape == "“"),
            };
            match (opens, open.take()) {
                (true, previous) => {
                    if let Some(o) = previous
                        && mark.first > o.last + 1
                    {
                        found.push(self.marked(o, mark.first - 1, false));
                    }
                    open = Some(mark);
                }
                (false, Some(o)) => {
                    if mark.first > o.last + 1 {
                        let continued = ran_to_paragraph_end && self.paragraph_start(o.first);
                        found.push(Marked {
                            open: o.first,
                            close: mark.first,
                            close_end: mark.last,
                            content: Span::new(self.tokens[o.last].span.end, self.tokens[mark.first].span.start),
                            unclosed: false,
                            continued,
                        });
                    }
                    ran_to_paragraph_end = false;
                }
                (false, None) => {
                    // A close with no open: the paragraph continues a quote left open.
                    if ran_to_paragraph_end && mark.first > paragraph_start_token(self, mark.first) {
                        let first = paragraph_start_token(self, mark.first);
                        found.push(Marked {
                            open: first,
                            close: mark.first,
                            close_end: mark.last,
                            content: Span::new(self.tokens[first].span.start, self.tokens[mark.first].span.start),
                            unclosed: false,
                            continued: true,
                        });
                    }
                    ran_to_paragraph_end = false;
                }
            }
        }
        if let Some(o) = open {
            let last = self.last_token_of_paragraph(o.last);
            if last > o.last {
                found.push(self.marked(o, last, ran_to_paragraph_end));
            }
        }
        found.retain(|m| !m.content.is_empty());
        for m in &mut found {
            m.content = trim(self.doc.text, m.content);
        }
        found
    }

    /// The byte offset where the paragraph holding token `i` starts, when it starts after
    /// the text's first token.
    fn paragraph_start_before(&self, i: usize) -> Option<usize> {
        let at = self.tokens[i].span.start;
        self.doc.text[..at].rfind('\n').map(|p| p + 1)
    }

    fn last_token_of_paragraph(&self, i: usize) -> usize {
        let mut k = i;
        while k + 1 < self.tokens.len() && !self.paragraph_start(k + 1) {
            k += 1;
        }
        k
    }

    fn next_paragraph(&self, i: usize) -> Option<usize> {
        let at = self.tokens[i].span.end;
        self.doc.text[at..].find('\n').map(|p| at + p + 1)
    }

    fn marked(&self, open: Mark, last: usize, after_unclosed: bool) -> Marked {
        Marked {
            open: open.first,
            close: last,
            close_end: last,
            content: Span::new(self.tokens[open.last].span.end, self.tokens[last].span.end),
            unclosed: true,
            continued: after_unclosed && self.paragraph_start(open.first),
        }
    }

    fn paragraph_start(&self, i: usize) -> bool {
        i == 0 || self.doc.text[self.tokens[i - 1].span.end..self.tokens[i].span.start].contains('\n')
    }

    fn same_or_next_paragraph(&self, a: usize, b: usize) -> bool {
        a > 0 && a <= b && self.doc.text[a..b].matches('\n').count() <= 1
    }

    fn verb_class(&self, i: usize) -> Option<VerbClass> {
        let t = self.tokens.get(i)?;
        // The openings compare the first three bytes, ASCII case-folded: only those need be
        // ASCII for the test to hold (another letter may lowercase to one), and reading the
        // rest of every word of every sentence cost more than the test.
        let head = &t.text.as_bytes()[..t.text.len().min(3)];
        if t.kind != TokenKind::Word || head.is_ascii() && !VERB_OPENINGS.may_start_at(t.text, 0) {
            return None;
        }
        // Exact first: the list may hold a capitalized form of its own (`Menurut`).
        VERBS.get(t.text).copied().or_else(|| {
            if lexicon::is_ascii_lowercase(t.text) {
                None
            } else {
                lexicon::with_lowercase(t.text, |lower| VERBS.get(lower).copied())
            }
        })
    }

    fn sentence_of(&self, token: usize) -> Span {
        let at = self.tokens[token].span.start;
        let n = self.doc.sentences.partition_point(|s| s.end <= at);
        self.doc.sentences.get(n).copied().unwrap_or(Span::new(at, at))
    }

    /// `,” kata X.`, `,” ujarnya.`, `” Dewa menerangkan.`: the cue after a closing mark.
    fn cue_after(&self, close: usize) -> Option<Cue> {
        let mut i = close + 1;
        while self.tokens.get(i).is_some_and(|t| t.text == ",") {
            i += 1;
        }
        let sentence_end = self.sentence_of(close).end;
        let in_sentence = |k: usize| self.tokens.get(k).is_some_and(|t| t.span.start < sentence_end);
        if !in_sentence(i) || self.paragraph_break_before(i) {
            return None;
        }
        if self.verb_class(i).is_some() {
            return Some(self.cue_with_speaker_after(i));
        }
        // The speaker first, then the verb: `” Dewa menerangkan.`
        let mut k = i;
        while in_sentence(k) && k - i < MAX_SPEAKER_TOKENS {
            if self.verb_class(k).is_some() && k > i {
                return Some(Cue {
                    verb: self.tokens[k].span,
                    speaker: i..k,
                    clitic_pronoun: false,
                });
            }
            if matches!(self.tokens[k].text, "." | "!" | "?" | "“" | "”" | "\"") {
                break;
            }
            k += 1;
        }
        None
    }

    fn paragraph_break_before(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.paragraph_start(i)
    }

    /// The speaker phrase after a verb at `v`: up to the end of the clause.
    fn cue_with_speaker_after(&self, v: usize) -> Cue {
        if self
            .tokens
            .get(v + 1)
            .is_some_and(|t| t.kind == TokenKind::Clitic && t.text.eq_ignore_ascii_case("nya"))
        {
            return Cue {
                verb: Span::new(self.tokens[v].span.start, self.tokens[v + 1].span.end),
                speaker: v + 1..v + 2,
                clitic_pronoun: true,
            };
        }
        // "kata politisi senior Partai Golkar ini": a description of a person runs through
        // lowercase words to its demonstrative.
        if let Some(end) = self.description_after(v) {
            return Cue {
                verb: self.tokens[v].span,
                speaker: v + 1..end,
                clitic_pronoun: false,
            };
        }
        let mut k = v + 1;
        while k < self.tokens.len() && k - v <= MAX_SPEAKER_TOKENS {
            let t = &self.tokens[k];
            // "kata Juru Bicara Pemerintah Aceh, Muhammad MTA, Kamis": an apposition after a
            // comma belongs to the speaker phrase when it is a name, not a day.
            let apposition = t.text == ","
                && k > v + 1
                && self.tokens.get(k + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && n.is_capitalized()
                        && crate::calendar::weekday_number(n.text).is_none()
                        && crate::calendar::month_number(n.text).is_none()
                });
            // "kata Sekretaris Kementerian Koperasi dan UKM Rully Indrawan": a connector
            // between capitalized words belongs to the title.
            let connector = matches!(t.text, "dan" | "&")
                && k > v + 1
                && self.tokens[k - 1].is_capitalized()
                && self
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| n.kind == TokenKind::Word && n.is_capitalized());
            let ends = !apposition
                && !connector
                && (matches!(t.text, "." | "," | ";" | "!" | "?" | ":" | "(" | "“" | "”" | "\"")
                    || (t.kind == TokenKind::Word
                        && !t.is_capitalized()
                        && k > v + 1
                        && !self.is_speaker_word(t.text))
                    || self.paragraph_break_before(k));
            if ends {
                break;
            }
            k += 1;
        }
        Cue {
            verb: self.tokens[v].span,
            speaker: v + 1..k,
            clitic_pronoun: false,
        }
    }

    /// Whether the opening mark at `open` follows a word that names what comes next
    /// ("bertema", "program"): the words in the marks are a title.
    fn title_in_marks(&self, open: usize) -> bool {
        open > 0
            && self.tokens[open - 1].kind == TokenKind::Word
            && lexicon::with_lowercase(self.tokens[open - 1].text, |w| NAMING_WORDS.contains(&w))
    }

    /// The end of a description of a person after the verb at `v`: a person noun, words,
    /// and a demonstrative, with no punctuation between ("politisi senior Partai Golkar ini").
    fn description_after(&self, v: usize) -> Option<usize> {
        let first = self.tokens.get(v + 1)?;
        if first.kind != TokenKind::Word || !is_person_noun(first.text) {
            return None;
        }
        let window = self
            .tokens
            .get(v + 2..(v + 1 + MAX_SPEAKER_TOKENS).min(self.tokens.len()))?;
        for (n, t) in window.iter().enumerate() {
            let k = v + 2 + n;
            if t.kind != TokenKind::Word || self.paragraph_break_before(k) {
                return None;
            }
            if matches!(t.text, "ini" | "itu" | "tersebut") {
                return Some(k + 1);
            }
        }
        None
    }

    /// Lowercase words that may stand in a speaker phrase.
    fn is_speaker_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        PRONOUNS.contains(&lower.as_str())
            || ANONYMOUS.contains(&lower.as_str())
            || matches!(
                lower.as_str(),
                "seorang"
                    | "salah"
                    | "satu"
                    | "para"
                    | "sang"
                    | "pak"
                    | "bu"
                    | "kepala"
                    | "wakil"
                    | "ketua"
                    | "juru"
                    | "bicara"
            )
    }

    /// `X mengatakan, “...`, `Menurut X, “...`, `X: “...`: the cue before an opening mark,
    /// within its sentence.
    fn cue_before(&self, open: usize) -> Option<Cue> {
        let sentence = self.sentence_of(open);
        let mut first = open;
        while first > 0 && self.tokens[first - 1].span.start >= sentence.start && !self.paragraph_start(first) {
            first -= 1;
        }
        if first == open {
            return None;
        }
        // The nearest verb before the mark, with nothing but its complements between.
        for v in (first..open).rev() {
            match self.verb_class(v) {
                Some(VerbClass::Frame) => {
                    let comma = (v + 1..open).find(|&k| self.tokens[k].text == ",").unwrap_or(open);
                    return Some(Cue {
                        verb: self.tokens[v].span,
                        speaker: v + 1..comma,
                        clitic_pronoun: false,
                    });
                }
                Some(VerbClass::Post) => return Some(self.cue_with_speaker_after(v)),
                Some(VerbClass::Passive) => return Some(self.passive_cue(v, open).0),
                Some(_) => {
                    let start = self.subject_start(first, v);
                    return Some(Cue {
                        verb: self.tokens[v].span,
                        speaker: start..v,
                        clitic_pronoun: false,
                    });
                }
                None => {}
            }
            if matches!(self.tokens[v].text, "." | "!" | "?") {
                break;
            }
        }
        if open >= first + 2 && self.tokens[open - 1].text == ":" {
            let start = self.subject_start(first, open - 1);
            return Some(Cue {
                verb: self.tokens[open - 1].span,
                speaker: start..open - 1,
                clitic_pronoun: false,
            });
        }
        None
    }

    /// The subject of a verb at `v` in a clause starting at `first`: after the last comma
    /// or opening frame ("Di tempat yang sama, Nurmala Sari, Kepala ..., mengatakan").
    fn subject_start(&self, first: usize, v: usize) -> usize {
        let mut start = first;
        // Skip leading connectives and the parts of the sentence before the last comma that
        // is not an apposition: keep "Nurmala Sari, Kepala Bagian ...," together by taking
        // the earliest capitalized run that reaches the verb.
        let commas: Vec<usize> = (first..v).filter(|&k| self.tokens[k].text == ",").collect();
        for &c in &commas {
            let before_cap = c > first && self.tokens[c - 1].kind != TokenKind::Punct;
            let segment_has_name = (start..c).any(|k| self.tokens[k].is_capitalized() && k != first)
                || (start..c).any(|k| self.is_speaker_word(self.tokens[k].text));
            if !segment_has_name || !before_cap {
                start = c + 1;
            }
        }
        start
    }

    /// True when only the speaker phrase and punctuation stand between a cue and the
    /// opening mark at `open`.
    fn adjacent_before(&self, cue: &Cue, open: usize) -> bool {
        let after_cue = self
            .tokens
            .partition_point(|t| t.span.start < cue.verb.end)
            .max(cue.speaker.end);
        (after_cue..open).all(|k| self.tokens[k].kind == TokenKind::Punct)
    }

    /// Indirect speech candidates in sentences without quotation marks.
    fn indirect_candidates(&self, direct: &[Item]) -> Vec<IndirectCandidate> {
        let covered: Vec<Span> = direct
            .iter()
            .filter_map(|i| match i {
                Item::Direct(d) => Some(Span::new(
                    self.tokens[d.open].span.start,
                    self.tokens[d.close_end].span.end,
                )),
                Item::Indirect(_) => None,
            })
            .collect();
        let mut out = Vec::new();
        let mut t = 0;
        for sentence in &self.doc.sentences {
            while t < self.tokens.len() && self.tokens[t].span.start < sentence.start {
                t += 1;
            }
            let first = t;
            let mut last = t;
            while last < self.tokens.len() && self.tokens[last].span.end <= sentence.end {
                last += 1;
            }
            if last <= first || covered.iter().any(|c| c.start < sentence.end && sentence.start < c.end) {
                continue;
            }
            if let Some(c) = self.indirect_in(first, last) {
                out.push(c);
            }
        }
        out
    }

    /// The indirect quote of the sentence holding tokens `first..last`, if any.
    fn indirect_in(&self, first: usize, last: usize) -> Option<IndirectCandidate> {
        let end = self.tokens[last - 1].span.end;
        // "..., kata X." at the end of the sentence.
        if let Some(comma) = (first..last).rev().find(|&k| self.tokens[k].text == ",")
            && self.verb_class(comma + 1) == Some(VerbClass::Post)
        {
            let cue = self.cue_with_speaker_after(comma + 1);
            let tail_ends = cue.speaker.end + 1 >= last;
            if tail_ends && comma > first {
                let clause = Span::new(self.tokens[first].span.start, self.tokens[comma - 1].span.end);
                if count_words(clause.slice(self.doc.text), MIN_CLAUSE_WORDS) >= MIN_CLAUSE_WORDS {
                    return Some(IndirectCandidate {
                        clause,
                        cue,
                        source: "rule:quote/indirect_postposed",
                    });
                }
            }
        }
        for v in first..last {
            let Some(class) = self.verb_class(v) else { continue };
            // "untuk memastikan ...", "harus menjelaskan ...": a purpose or a duty, not
            // speech that was made.
            if v > first && lexicon::with_lowercase(self.tokens[v - 1].text, |w| NOT_SPEECH_BEFORE.contains(&w)) {
                continue;
            }
            let clitic = self
                .tokens
                .get(v + 1)
                .is_some_and(|t| t.kind == TokenKind::Clitic && t.text == "nya");
            let (cue, clause_start) = match class {
                // "Menurutnya, ..." / "Menurut X, ...".
                VerbClass::Frame if clitic => {
                    let verb = Span::new(self.tokens[v].span.start, self.tokens[v + 1].span.end);
                    let after = if self.tokens.get(v + 2).is_some_and(|t| t.text == ",") {
                        v + 3
                    } else {
                        v + 2
                    };
                    (
                        Cue {
                            verb,
                            speaker: v + 1..v + 2,
                            clitic_pronoun: true,
                        },
                        after,
                    )
                }
                VerbClass::Frame => {
                    let comma = (v + 1..last).find(|&k| self.tokens[k].text == ",")?;
                    let cue = Cue {
                        verb: self.tokens[v].span,
                        speaker: v + 1..comma,
                        clitic_pronoun: false,
                    };
                    (cue, comma + 1)
                }
                // "Pasar Cinde, kata dia, sebaiknya ...": a post verb inside the sentence,
                // its speaker closed by a comma, the clause after.
                VerbClass::Post => {
                    let after_comma_or_word =
                        v > first && (self.tokens[v - 1].text == "," || self.tokens[v - 1].kind == TokenKind::Word);
                    if !after_comma_or_word {
                        continue;
                    }
                    let cue = self.cue_with_speaker_after(v);
                    let after = cue.speaker.end;
                    if !self.tokens.get(after).is_some_and(|t| t.text == ",") {
                        continue;
                    }
                    (cue, after + 1)
                }
                // "Disampaikan bantuan ...": a passive is speech only before a comma,
                // "bahwa" or its agent.
                VerbClass::Passive if v == first => {
                    let (cue, clause_start) = self.passive_cue(v, last);
                    let after = self.tokens[clause_start - 1].text;
                    let opened = matches!(after, "," | "nya")
                        || after.eq_ignore_ascii_case("oleh")
                        || self.tokens.get(clause_start).is_some_and(|t| t.text == "bahwa");
                    if !opened {
                        continue;
                    }
                    (cue, clause_start)
                }
                VerbClass::Passive => continue,
                VerbClass::Pre | VerbClass::Weak => {
                    let start = self.subject_start(first, v);
                    if start == v {
                        continue;
                    }
                    let cue = Cue {
                        verb: self.tokens[v].span,
                        speaker: start..v,
                        clitic_pronoun: false,
                    };
                    let window = (v + 1..last.min(v + 8)).find(|&k| self.tokens[k].text == ",");
                    let linker = self
                        .tokens
                        .get(v + 1)
                        .is_some_and(|t| matches!(t.text, "bahwa" | "agar" | "supaya"));
                    let act = self
                        .tokens
                        .get(v + 1)
                        .is_some_and(|t| lexicon::with_lowercase(t.text, |w| ACTS.contains(&w)));
                    let clause_start = match (window, linker) {
                        (_, true) => v + 2,
                        (Some(c), false) => c + 1,
                        (None, false) if class == VerbClass::Pre => v + 1,
                        // A weak verb takes its clause directly when it is long enough and
                        // no act ("terima kasih") stands in its place.
                        (None, false) if !act && last - v > MIN_WEAK_CLAUSE_TOKENS => v + 1,
                        _ => continue,
                    };
                    if act && window.is_none() {
                        continue;
                    }
                    (cue, clause_start)
                }
            };
            if clause_start >= last {
                return None;
            }
            let clause = Span::new(self.tokens[clause_start].span.start, end);
            if count_words(clause.slice(self.doc.text), MIN_CLAUSE_WORDS) < MIN_CLAUSE_WORDS {
                return None;
            }
            let source = match class {
                VerbClass::Frame => "rule:quote/indirect_menurut",
                VerbClass::Passive => "rule:quote/indirect_passive",
                VerbClass::Post => "rule:quote/indirect_inserted",
                _ => "rule:quote/indirect_verb",
            };
            return Some(IndirectCandidate { clause, cue, source });
        }
        None
    }

    /// The cue of a passive speech verb at `v` and where its clause starts, before `end`:
    /// "Dijelaskan oleh X, ..." names its speaker; "Dikatakannya, ..." and "Dikatakan, ..."
    /// point back to the one speaking before, as a pronoun does.
    fn passive_cue(&self, v: usize, end: usize) -> (Cue, usize) {
        let clitic = self
            .tokens
            .get(v + 1)
            .is_some_and(|t| t.kind == TokenKind::Clitic && t.text == "nya");
        let after = if clitic { v + 2 } else { v + 1 };
        let verb = Span::new(self.tokens[v].span.start, self.tokens[after - 1].span.end);
        if self
            .tokens
            .get(after)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("oleh"))
            && let Some(comma) = (after + 1..end).find(|&k| self.tokens[k].text == ",")
        {
            let cue = Cue {
                verb,
                speaker: after + 1..comma,
                clitic_pronoun: false,
            };
            return (cue, comma + 1);
        }
        let cue = Cue {
            verb,
            speaker: after - 1..after,
            clitic_pronoun: true,
        };
        let clause_start = if self.tokens.get(after).is_some_and(|t| t.text == ",") {
            after + 1
        } else {
            after
        };
        (cue, clause_start)
    }

    /// The speaker a cue names: a person, an organization, a pronoun's antecedent, or an
    /// anonymous source. Returns the speaker and whether the source is anonymous.
    fn resolve(&self, cue: &Cue, anchor: usize, last: Option<&Speaker>, last_end: usize) -> (Option<Speaker>, bool) {
        let range = cue.speaker.clone();
        if range.is_empty() {
            return (None, false);
        }
        let phrase = Span::new(self.tokens[range.start].span.start, self.tokens[range.end - 1].span.end);
        if let Some(found) = self.person_in(phrase).or_else(|| self.described_before(range.start)) {
            return (Some(found), false);
        }
        let words: Vec<String> = self.tokens[range.clone()]
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect();
        // "tutur mantan Kapolda Sumatera Utara ini", "kata pria kelahiran Palembang itu": a
        // description of a person with a demonstrative points back like a pronoun, a
        // particle after it or not ("Pria kelahiran Palembang itu pun menjelaskan").
        let core = words
            .iter()
            .rposition(|w| !matches!(w.as_str(), "pun" | "juga"))
            .map_or(0, |last| last + 1);
        let described =
            core >= 2 && matches!(words[core - 1].as_str(), "ini" | "itu" | "tersebut") && is_person_noun(&words[0]);
        if cue.clitic_pronoun || described || words.iter().any(|w| PRONOUNS.contains(&w.as_str())) {
            // The person named last before the quote is the usual antecedent; the previous
            // speaker when nobody was named since.
            let recent = last.filter(|_| anchor.saturating_sub(last_end) <= ANTECEDENT_REACH);
            let antecedent = recent
                .cloned()
                .or_else(|| self.person_before(anchor))
                .or_else(|| last.cloned());
            return (antecedent.map(|s| Speaker { via: Via::Pronoun, ..s }), false);
        }
        // A body speaks when the phrase ends with it; capitalized words after it are the
        // name of somebody the people extractor missed ("kata Direktur PT X Wiwik").
        let mut range = range;
        if let Some((body, end)) = self.organization_in(phrase) {
            let after = range
                .clone()
                .find(|&k| self.tokens[k].span.start >= end)
                .unwrap_or(range.end);
            let named_after = self.tokens[after..range.end]
                .iter()
                .any(|t| t.kind == TokenKind::Word && t.is_capitalized());
            if !named_after {
                return (Some(body), false);
            }
            range = after..range.end;
        }
        if words.iter().any(|w| ANONYMOUS.contains(&w.as_str()))
            && !self.tokens[range.clone()]
                .iter()
                .any(|t| t.is_capitalized() && t.kind == TokenKind::Word && !self.is_speaker_word(t.text))
        {
            return (None, true);
        }
        // A capitalized phrase nobody else claimed: the name as written. Days, months and
        // places after "di" are the time and place of the saying, not its speaker: when the
        // phrase is only those ("di Jakarta, Jumat (22/5/2020) mengatakan"), the speaker is
        // the subject named earlier in the sentence.
        let range_start = range.start;
        let capitalized: Vec<&Token<'_>> = self.tokens[range.clone()]
            .iter()
            .filter(|t| t.is_capitalized() && t.kind == TokenKind::Word)
            .collect();
        let adjunct = |k: usize| {
            let t = &self.tokens[k];
            crate::calendar::weekday_number(t.text).is_some()
                || crate::calendar::month_number(t.text).is_some()
                || (k > 0 && matches!(self.tokens[k - 1].text, "di" | "ke" | "dari"))
        };
        let named: Vec<usize> = range
            .filter(|&k| self.tokens[k].is_capitalized() && self.tokens[k].kind == TokenKind::Word && !adjunct(k))
            .collect();
        if named.is_empty() && !capitalized.is_empty() {
            return (self.subject_before(range_start), false);
        }
        // Capitalized common words ("Program tersebut", "Pihaknya") are no name.
        if capitalized
            .iter()
            .all(|t| crate::lexicon::is_root(&t.text.to_lowercase()))
        {
            return (None, false);
        }
        match (capitalized.first(), capitalized.last()) {
            (Some(a), Some(b)) => {
                let name = Span::new(a.span.start, b.span.end).slice(self.doc.text).to_string();
                (
                    Some(Speaker {
                        name,
                        person: None,
                        organization: None,
                        via: Via::Name,
                    }),
                    false,
                )
            }
            _ => (None, false),
        }
    }

    fn person_in(&self, phrase: Span) -> Option<Speaker> {
        // The last person named in the phrase: in "Kepala Bagian X, Nurmala Sari" the
        // person comes after the organization.
        let mut best: Option<(usize, usize, Span)> = None;
        for (index, person) in self.people.iter().enumerate() {
            for &m in &person.mentions {
                if m.start >= phrase.start && m.end <= phrase.end && best.is_none_or(|(_, _, b)| m.start > b.start) {
                    best = Some((index, 0, m));
                }
            }
        }
        // A title written at the cue names its holder even when the phrase stops before the
        // name: "kata Kepala Dusun Wonorejo, Kelurahan Sukajadi, ... Joko Susilo".
        if best.is_none() {
            for (index, person) in self.people.iter().enumerate() {
                for title in &person.titles {
                    let t = title.span;
                    if t.start >= phrase.start && t.start < phrase.end && best.is_none_or(|(_, _, b)| t.start > b.start)
                    {
                        best = Some((index, 0, t));
                    }
                }
            }
        }
        let (index, _, mention) = best?;
        let written = mention.slice(self.doc.text);
        let by_name = self.people[index].name.split_whitespace().any(|w| written.contains(w));
        Some(self.speaker(index, if by_name { Via::Name } else { Via::Title }))
    }

    /// "Andi Anwar (36), warga kota Donggala, menyatakan": a speaker phrase that describes a
    /// person ("warga ...") in apposition to the person named right before its comma (an
    /// age in brackets may stand between).
    fn described_before(&self, start: usize) -> Option<Speaker> {
        let first = self.tokens.get(start)?;
        if first.kind != TokenKind::Word || !is_person_noun(first.text) {
            return None;
        }
        let mut k = start.checked_sub(1).filter(|&k| self.tokens[k].text == ",")?;
        if k >= 3 && self.tokens[k - 1].text == ")" && self.tokens[k - 3].text == "(" {
            k -= 3;
        }
        let end = self.tokens[k.checked_sub(1)?].span.end;
        self.last_person(|m| m.end == end)
            .map(|index| self.speaker(index, Via::Name))
    }

    /// The last person named in the same sentence before token `k`: the subject of a verb
    /// whose speaker phrase is only the time and place of the saying.
    fn subject_before(&self, k: usize) -> Option<Speaker> {
        let sentence = self.sentence_of(k);
        let at = self.tokens[k].span.start;
        self.last_person(|m| m.start >= sentence.start && m.end <= at)
            .map(|index| self.speaker(index, Via::Name))
    }

    fn person_before(&self, at: usize) -> Option<Speaker> {
        self.last_person(|m| m.end <= at && at - m.end <= ANTECEDENT_REACH)
            .map(|index| self.speaker(index, Via::Pronoun))
    }

    /// The person with the latest-starting mention that `keep` accepts.
    fn last_person(&self, keep: impl Fn(&Span) -> bool) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (index, person) in self.people.iter().enumerate() {
            for m in person.mentions.iter().filter(|m| keep(m)) {
                if best.is_none_or(|(_, start)| m.start > start) {
                    best = Some((index, m.start));
                }
            }
        }
        best.map(|(index, _)| index)
    }

    /// Person `index` as a speaker, found `via`.
    fn speaker(&self, index: usize, via: Via) -> Speaker {
        Speaker {
            name: self.people[index].name.clone(),
            person: Some(index),
            organization: None,
            via,
        }
    }

    /// The organization named last in the phrase, with where its mention ends.
    fn organization_in(&self, phrase: Span) -> Option<(Speaker, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (index, org) in self.organizations.organizations.iter().enumerate() {
            for m in &org.mentions {
                if m.start >= phrase.start && m.end <= phrase.end && best.is_none_or(|(_, end)| m.end > end) {
                    best = Some((index, m.end));
                }
            }
        }
        let (index, end) = best?;
        let org = &self.organizations.organizations[index];
        Some((
            Speaker {
                name: org.name.clone(),
                person: None,
                organization: Some(index),
                via: Via::Name,
            },
            end,
        ))
    }
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn words_are_counted_alike_on_ascii_and_other_text() {
        let slow = |s: &str| {
            s.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        for text in [
            "",
            "  Kami siap, - kata\tDewa.\n\nIa\u{b}pergi ",
            "-- ... 2022 !",
            "“Kami siap” – kata Dewa",
            "Kami siap\u{a0}sekali kata Dewa",
            "a b c\u{2009}d e",
        ] {
            for limit in 0..8 {
                assert_eq!(
                    count_words(text, limit),
                    slow(text).min(limit),
                    "{text:?} up to {limit}"
                );
            }
        }
        assert_eq!(count_words("Kami siap - kata Dewa", 10), 4);
        assert_eq!(count_words("Kami siap - kata Dewa", 3), 3);
    }
}
