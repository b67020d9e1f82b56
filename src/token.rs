//! Tokens as Universal Dependencies Indonesian counts syntactic words: clitics split from
//! their host, reduplications, numbers, dates, URLs and abbreviations kept whole.
//!
//! The tokenizer is a hand-written scanner over the text (no regex, no allocation per
//! token): it cuts a *chunk* (letters and digits joined by word-internal hyphens and
//! apostrophes, number separators between digits, slashes inside codes), then decides how
//! the chunk splits: number and month ranges, `-nya` after a hyphen, English `'s`, an
//! abbreviation that takes the period after it, and clitics. Clitics are decided with the
//! lexicalized word list in `data/token/` and the root dictionary of `sastrawi`; the
//! stemmer runs only on words that end like a clitic, and each thread remembers the decision
//! for a word it has seen.

use std::cell::RefCell;
use std::sync::LazyLock;

use crate::calendar;
use crate::lexicon::{self, FastMap, STOPWORDS, WordTable, embedded};
use crate::span::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// A word, including reduplications (`kupu-kupu`) and a host stripped of its clitic.
    Word,
    /// A clitic split from its host (`nya`, `lah`, `kah`, `pun`, `ku`, `mu`, `tah`).
    Clitic,
    /// A number, a date or a time written with digits (`10.000`, `9/11/2022`, `13.30`).
    Number,
    /// An abbreviation or an initial with its period (`Jl.`, `S.Pd.`, `A.`).
    Abbreviation,
    /// A URL or an e-mail address.
    Link,
    /// A hashtag or a handle (`#PalembangEmas`, `@pemkot`).
    Tag,
    /// Punctuation or any other symbol.
    Punct,
}

/// One token: its text, where it stands, and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Where it stands in the text, in bytes.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// True for a word or a clitic.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Clitic)
    }

    /// True when the token starts with an uppercase letter.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// Abbreviations with their period, as written (`Jl.`, `dr.`, `dll.`).
static ABBREVIATIONS: LazyLock<WordTable<()>> = LazyLock::new(|| {
    lexicon::entries(embedded::ABBREVIATIONS)
        .map(|e| (e.surface, ()))
        .collect()
});

/// Capitalized abbreviations folded to lowercase, so that an all-caps spelling (`JL.`,
/// `KEC.`) is found too.
static ABBREVIATIONS_FOLDED: LazyLock<WordTable<()>> = LazyLock::new(|| {
    lexicon::entries(embedded::ABBREVIATIONS)
        .map(|e| e.surface)
        .filter(|s| s.starts_with(|c: char| c.is_uppercase()))
        .map(|s| (s.to_lowercase(), ()))
        .collect()
});

/// Words that end like a clitic but are one syntactic word (`lainnya`, `meskipun`).
static LEXICALIZED: LazyLock<WordTable<()>> = LazyLock::new(|| {
    lexicon::entries(embedded::LEXICALIZED)
        .map(|e| (e.surface, ()))
        .collect()
});

/// Clitics in the order they are tried (longest first among those sharing an ending).
const CLITICS: [&str; 7] = ["nya", "lah", "kah", "pun", "tah", "ku", "mu"];

/// Derivational prefixes, with the initial consonant that a nasal prefix replaces
/// (`meny-` + `sapu` is `menyapu`), used to see that `menikah` is `me-` + `nikah`.
const PREFIXES: [(&str, Option<u8>); 21] = [
    ("memper", None),
    ("diper", None),
    ("meng", Some(b'k')),
    ("meny", Some(b's')),
    ("peng", Some(b'k')),
    ("peny", Some(b's')),
    ("mem", Some(b'p')),
    ("men", Some(b't')),
    ("pem", Some(b'p')),
    ("pen", Some(b't')),
    ("ber", None),
    ("ter", None),
    ("per", None),
    ("pra", None),
    ("me", None),
    ("pe", None),
    ("be", None),
    ("te", None),
    ("di", None),
    ("ke", None),
    ("se", None),
];

/// The longest word the clitic rules look at, in bytes; longer words stay whole.
const MAX_WORD: usize = 48;

/// Splits `text` into tokens, in order; the spans never overlap and lie on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut scanner = Scanner {
        text,
        // News text averages six bytes a token, and a third of articles run denser: room
        // for one in five bytes spares nearly every article the copy of a growing list.
        tokens: Vec::with_capacity(text.len() / 5 + 8),
        has_at: text.as_bytes().contains(&b'@'),
    };
    scanner.run();
    scanner.tokens
}

struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    /// Whether the text holds an `@` at all: e-mail checks are skipped otherwise.
    has_at: bool,
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                i = match b {
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => i + 1,
                    _ if b.is_ascii_alphanumeric() => self.chunk(i),
                    _ => self.symbol(i),
                };
            } else {
                let c = char_at(self.text, i);
                i = if c.is_whitespace() {
                    i + c.len_utf8()
                } else if is_word_char(c) {
                    self.chunk(i)
                } else {
                    self.symbol(i)
                };
            }
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.push_text(start, &self.text[start..end], kind);
    }

    /// [`Scanner::push`] for a token already sliced from the text at `start`.
    fn push_text(&mut self, start: usize, text: &'a str, kind: TokenKind) {
        self.tokens.push(Token {
            text,
            span: Span::new(start, start + text.len()),
            kind,
        });
    }

    /// Punctuation and symbols: hashtags and handles, ellipses, doubled marks (`--`, ``` `` ```).
    fn symbol(&mut self, i: usize) -> usize {
        let text = self.text;
        let c = char_at(text, i);
        let next = i + c.len_utf8();
        match c {
            '#' | '@' if text[next..].starts_with(is_tag_char) => {
                let end = next
                    + text[next..]
                        .find(|c: char| !is_tag_char(c))
                        .unwrap_or(text.len() - next);
                self.push(i, end, TokenKind::Tag);
                end
            }
            '.' | '-' | '`' | '\'' => {
                let run = text[i..].bytes().take_while(|&b| b == c as u8).count();
                // A run of periods is an ellipsis; `--`, ``` `` ``` and `''` are one mark.
                let end = if run >= 2 && (c == '.' || run <= 3) {
                    i + run
                } else {
                    next
                };
                self.push(i, end, TokenKind::Punct);
                end
            }
            _ => {
                self.push(i, next, TokenKind::Punct);
                next
            }
        }
    }

    /// A run starting with a letter or a digit.
    ///
    /// The rare cases (links, e-mail addresses, dotted abbreviations, hyphens, a period
    /// after the word) are decided out of line: inlined here, they made every word pay for
    /// their registers and stack.
    fn chunk(&mut self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let first = bytes[start];
        if matches!(first, b'h' | b'H' | b'w' | b'W')
            && let Some(end) = link_end(text, start)
        {
            self.push(start, end, TokenKind::Link);
            return end;
        }
        if self.has_at
            && let Some(end) = email_end(text, start)
        {
            self.push(start, end, TokenKind::Link);
            return end;
        }
        // The run of ASCII letters and digits is where the chunk's scan resumes, and a
        // dotted abbreviation opens with one of at most three letters and a period: most
        // words are ruled out without looking at the text again.
        let run_end = ascii_alphanumeric_end(bytes, start);
        if first.is_ascii_alphabetic()
            && run_end - start <= 3
            && bytes.get(run_end) == Some(&b'.')
            && let Some(end) = dotted_end(bytes, start)
        {
            self.push(start, end, TokenKind::Abbreviation);
            return end;
        }
        // Rp1,5 and Rp.1.000: the currency apart from the amount.
        if bytes[start..].starts_with(b"Rp") {
            let after = &bytes[start + 2..];
            if after.first().is_some_and(u8::is_ascii_digit) {
                self.push(start, start + 2, TokenKind::Word);
                return start + 2;
            }
            if after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_digit) {
                self.push(start, start + 3, TokenKind::Abbreviation);
                return start + 3;
            }
        }
        let (end, hyphens) = chunk_end(text, start, run_end);
        if hyphens {
            self.hyphenated(start, end);
            end
        } else {
            self.simple(start, end)
        }
    }

    /// A chunk with hyphens: number and month ranges split, `X-nya` splits in three, and
    /// anything else (reduplications, `ke-5`, `1960-an`, `non-migas`) stays one word, save
    /// a clitic after a reduplication (`anak-anaknya`).
    #[inline(never)] // rare: see `Scanner::chunk`
    fn hyphenated(&mut self, start: usize, end: usize) {
        let word = &self.text[start..end];
        let is_hyphen = |c: char| c == '-' || c == '‐';
        let last_hyphen = word.rfind(is_hyphen).expect("the chunk has a hyphen");
        let last = &word[last_hyphen + word[last_hyphen..].chars().next().map_or(1, char::len_utf8)..];
        if CLITICS[..1]
            .iter()
            .chain(&CLITICS[5..])
            .any(|c| last.eq_ignore_ascii_case(c))
        {
            self.push(start, start + last_hyphen, TokenKind::Word);
            self.push(start + last_hyphen, end - last.len(), TokenKind::Punct);
            self.push(end - last.len(), end, TokenKind::Clitic);
            return;
        }
        let all_numbers = word
            .split(is_hyphen)
            .all(|p| p.starts_with(|c: char| c.is_ascii_digit()) && is_number(p));
        let months = {
            let mut parts = word.split(is_hyphen);
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if is_month(a) && is_month(b))
        };
        if all_numbers || months {
            let mut at = start;
            for part in word.split(is_hyphen) {
                let kind = if all_numbers {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                if at > start {
                    let h = at + self.text[at..].chars().next().map_or(1, char::len_utf8);
                    self.push(at, h, TokenKind::Punct);
                    at = h;
                }
                self.push(at, at + part.len(), kind);
                at += part.len();
            }
            return;
        }
        let first = &word[..word.find(is_hyphen).expect("the chunk has a hyphen")];
        let cut = reduplication_clitic(first, last, word);
        match cut {
            Some(n) => {
                self.push(start, end - n, TokenKind::Word);
                self.push(end - n, end, TokenKind::Clitic);
            }
            None => self.push(start, end, TokenKind::Word),
        }
    }

    /// A chunk without hyphens; returns where the scan goes on (after the period an
    /// abbreviation takes).
    fn simple(&mut self, start: usize, end: usize) -> usize {
        let text = self.text;
        let word = &text[start..end];
        if is_number(word) {
            self.push_text(start, word, TokenKind::Number);
            return end;
        }
        let rest = &text.as_bytes()[end..];
        if rest.starts_with(b".") && !rest.starts_with(b"..") && self.takes_period(word, &text[start..end + 1]) {
            self.push(start, end + 1, TokenKind::Abbreviation);
            return end + 1;
        }
        // English possessive and negation: Moody's -> Moody 's, didn't -> did n't.
        if matches!(word.as_bytes().last(), Some(b's' | b't')) {
            for tail in ["'s", "’s", "n't", "n’t"] {
                if word.len() > tail.len() + 1 && word.ends_with(tail) {
                    let cut = end - tail.len();
                    self.push(start, cut, TokenKind::Word);
                    self.push(cut, end, TokenKind::Clitic);
                    return end;
                }
            }
        }
        // A capitalized word inside a sentence is a name.
        let cut = clitic_ending(word).and_then(|clitic| {
            let name = word.as_bytes()[0].is_ascii_uppercase() && !self.at_sentence_start();
            clitic_len(word, clitic, name)
        });
        match cut {
            Some(n) => {
                self.push(start, end - n, TokenKind::Word);
                self.push(end - n, end, TokenKind::Clitic);
            }
            None => self.push_text(start, word, TokenKind::Word),
        }
        end
    }

    /// Whether `word` keeps the period after it: an abbreviation from the lexicon (also in
    /// capitals), or a single capital letter, an initial (`Mustafa A. Ruhama`). A roman `I`,
    /// `V` or `X` after a lowercase word is a numeral (`kuartal I.`), and a letter after a
    /// number a unit (`2 C.`): neither is an initial.
    #[inline(never)] // rare: see `Scanner::chunk`
    fn takes_period(&self, word: &str, with_period: &str) -> bool {
        if ABBREVIATIONS.contains(with_period) {
            return true;
        }
        let bytes = word.as_bytes();
        if bytes.len() == 1 && bytes[0].is_ascii_uppercase() {
            let roman = matches!(bytes[0], b'I' | b'V' | b'X');
            let prev = self.tokens.last();
            let after_lowercase =
                prev.is_some_and(|t| t.kind == TokenKind::Word && t.text.starts_with(|c: char| c.is_lowercase()));
            // A letter after a number is a unit or a suffix (`2 C.`, `abad ke-6 M.`).
            let after_number = prev.is_some_and(|t| t.text.bytes().any(|b| b.is_ascii_digit()));
            return !(roman && after_lowercase) && !after_number;
        }
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return true;
        }
        bytes.len() >= 2
            && bytes.iter().all(u8::is_ascii_uppercase)
            && lexicon::with_lowercase(with_period, |folded| ABBREVIATIONS_FOLDED.contains(folded))
    }

    /// Whether the next token would start a sentence, for the capitalization of a name.
    fn at_sentence_start(&self) -> bool {
        match self.tokens.last() {
            None => true,
            Some(t) => t.kind == TokenKind::Punct && !matches!(t.text, "," | ";" | "/" | "&"),
        }
    }
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().expect("a char starts here")
}

fn is_word_char(c: char) -> bool {
    lexicon::is_alphanumeric(c) || is_mark(c)
}

/// Combining marks, which belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn is_tag_char(c: char) -> bool {
    lexicon::is_alphanumeric(c) || c == '_'
}

/// Digits with `.`, `,`, `:` or `/` between them: `10.000`, `1,5`, `13.30`, `9/11/2022`.
fn is_number(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter()
            .all(|&c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b':' | b'/'))
}

/// A month name or abbreviation, any case: `Januari-Maret` is a range of two months. The
/// calendar's lookup also takes a trailing period, which a part of a hyphenated word here
/// never has.
fn is_month(word: &str) -> bool {
    word.is_ascii() && !word.ends_with('.') && calendar::month_number(word).is_some()
}

/// The end of a URL starting at `i`, trailing punctuation left out.
#[inline(never)] // rare: see `Scanner::chunk`
fn link_end(text: &str, i: usize) -> Option<usize> {
    let head = text.get(i..i + 8).or_else(|| text.get(i..)).unwrap_or("");
    let lower = |p: &str| head.len() >= p.len() && head.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if !(lower("http://") || lower("https://") || lower("www.")) {
        return None;
    }
    let rest = &text[i..];
    let mut end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”' | '‘' | '’'))
        .unwrap_or(rest.len());
    let opens = rest[..end].contains('(');
    while let Some(c) = rest[..end].chars().next_back() {
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ']' | '\'') || (c == ')' && !opens) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (end > 4).then_some(i + end)
}

/// The end of an e-mail address starting at `i`: `nama.depan@dinas.go.id`.
#[inline(never)] // rare: see `Scanner::chunk`
fn email_end(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let local = b[i..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-'))
        .count();
    let at = i + local;
    if local == 0 || b.get(at) != Some(&b'@') {
        return None;
    }
    let mut end = at + 1;
    let mut labels = 0;
    loop {
        let label = b[end..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-')
            .count();
        if label == 0 {
            break;
        }
        labels += 1;
        let after = end + label;
        if b.get(after) == Some(&b'.') && b.get(after + 1).is_some_and(u8::is_ascii_alphanumeric) {
            end = after + 1;
        } else {
            end = after;
            break;
        }
    }
    (labels >= 2).then_some(end)
}

/// The end of a dotted abbreviation starting at `i`: two or more groups of one to three
/// letters, each with its period (`S.Pd.`, `M.Si.`, `a.n.`, `A.S.`).
#[inline(never)] // rare: see `Scanner::chunk`
fn dotted_end(b: &[u8], i: usize) -> Option<usize> {
    let mut at = i;
    let mut groups = 0;
    loop {
        let letters = b[at..].iter().take(4).take_while(|c| c.is_ascii_alphabetic()).count();
        if letters == 0 || letters > 3 || b.get(at + letters) != Some(&b'.') {
            break;
        }
        at += letters + 1;
        groups += 1;
    }
    (groups >= 2 && !b.get(at).is_some_and(u8::is_ascii_alphanumeric)).then_some(at)
}

/// The end of the run of ASCII letters and digits starting at `i`.
fn ascii_alphanumeric_end(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && lexicon::ASCII_ALPHANUMERIC[usize::from(b[j])] {
        j += 1;
    }
    j
}

/// The end of the chunk starting at `start`, and whether it holds a hyphen; the scan goes
/// on from `from`, which the caller knows to lie inside the chunk. Joiners stay inside a
/// chunk: a hyphen or an apostrophe between word characters; `.`, `,` or `:` between
/// digits; a slash inside a code or a date (`II/2007`, `9/11/2022`, `S/A`).
fn chunk_end(text: &str, start: usize, from: usize) -> (usize, bool) {
    let b = text.as_bytes();
    let mut j = from;
    let mut segment = start; // where the part after the last hyphen or slash starts
    let mut hyphens = false;
    loop {
        while j < b.len() {
            if lexicon::ASCII_ALPHANUMERIC[usize::from(b[j])] {
                j += 1;
            } else if b[j] < 0x80 {
                break;
            } else {
                let c = char_at(text, j);
                if !is_word_char(c) {
                    break;
                }
                j += c.len_utf8();
            }
        }
        if j >= b.len() {
            return (j, hyphens);
        }
        // Every joiner is one of these ASCII bytes or begins with 0xE2 (`‐` and `’`): a
        // chunk nearly always ends at a space or a mark, known from its byte alone.
        if !matches!(b[j], b'-' | b'\'' | b'.' | b',' | b':' | b'/' | 0xE2) {
            return (j, hyphens);
        }
        let c = char_at(text, j);
        let after = j + c.len_utf8();
        let Some(next) = text[after..].chars().next() else {
            return (j, hyphens);
        };
        let prev = b[j - 1];
        let joins = match c {
            '-' | '‐' => is_word_char(next),
            '\'' | '’' => is_word_char(next),
            '.' | ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
            '/' => is_word_char(next) && slash_joins(&text[segment..j], &text[after..]),
            _ => false,
        };
        if !joins {
            return (j, hyphens);
        }
        if matches!(c, '-' | '‐') {
            hyphens = true;
        }
        if matches!(c, '-' | '‐' | '/') {
            segment = after;
        }
        j = after;
    }
}

/// Whether a slash joins `left` and what follows: both sides hold digits (`9/11`, not
/// `9.100/9.105`, a pair of prices), a roman numeral before a year (`II/2007`), or single
/// letters (`S/A`). Words on both sides split (`MPR/DPR`, `sewa/kontrak`).
fn slash_joins(left: &str, rest: &str) -> bool {
    let right_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let right = &rest[..right_len];
    let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    if left.is_empty() || right.is_empty() {
        return false;
    }
    let roman = left.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'));
    (digits(left) && right.bytes().next().is_some_and(|c| c.is_ascii_digit()))
        || (roman && digits(right))
        || (left.len() == 1 && right.len() == 1 && left.bytes().all(|c| c.is_ascii_alphabetic()))
}

/// The length of the clitic ending a reduplication (`anak-anaknya`, `hari-harimu`): the
/// last part is the first part plus a possessive. `sebagus-bagusnya` (the superlative
/// `se-…-nya`) and lexicalized forms (`satu-satunya`) stay whole.
fn reduplication_clitic(first: &str, last: &str, word: &str) -> Option<usize> {
    if word.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    if lexicon::with_lowercase(word, |lower| LEXICALIZED.contains(lower)) {
        return None;
    }
    ["nya", "ku", "mu"].iter().find_map(|c| {
        let n = c.len();
        let ends = last.len() > n && last.as_bytes()[last.len() - n..].eq_ignore_ascii_case(c.as_bytes());
        (ends && last[..last.len() - n].eq_ignore_ascii_case(first)).then_some(n)
    })
}

/// The clitic `word` ends like, when it is a word the clitic rules look at: ASCII letters,
/// no longer than [`MAX_WORD`]. Decided on the bytes as written, since few words end like a
/// clitic and only those need their lowercase form.
fn clitic_ending(word: &str) -> Option<&'static str> {
    let bytes = word.as_bytes();
    let last = *bytes.last()?;
    if !matches!(last | 0x20, b'a' | b'h' | b'n' | b'u') || bytes.len() > MAX_WORD {
        return None;
    }
    let clitic = *CLITICS.iter().find(|c| {
        let c = c.as_bytes();
        c[c.len() - 1] == last | 0x20
            && bytes.len() >= c.len()
            && bytes[bytes.len() - c.len()..].eq_ignore_ascii_case(c)
    })?;
    bytes.iter().all(u8::is_ascii_alphabetic).then_some(clitic)
}

/// The length of the clitic ending `word`, or `None` when the word stays whole; `clitic` is
/// its [`clitic_ending`].
///
/// The ending alone cannot tell `bukunya` (buku + nya) from `hanya` or `sekolah`, so the
/// decision asks the lexicalized list and the root dictionary:
/// - lexicalized words stay whole (`lainnya`, `meskipun`, `adalah`);
/// - a root that ends like a clitic stays whole (`hanya`, `sekolah`, `langkah`), and so does
///   a prefix on such a root (`menikah`, `bertanya`, `pemerintah`, `berlaku`); but the
///   dictionary also lists question forms of function words (`apakah`, `bukankah`), and
///   `-kah`/`-tah` after a function word split all the same;
/// - `se-` + root + `-nya` is the adverbial circumfix (`sebaliknya`, `seharusnya`);
/// - otherwise `-nya` splits after any host of three letters or more (names and loanwords
///   take it too), while the other clitics, which are common word endings, split only from a
///   host the dictionary knows, as a root or a derived word;
/// - a `name` (a capitalized word inside a sentence, `Maluku`) splits only from a known host,
///   and never takes `-ku` or `-mu`.
///
/// The decision is remembered per thread, by the word as written and whether it is a name.
fn clitic_len(word: &str, clitic: &'static str, name: bool) -> Option<usize> {
    let slot = usize::from(name);
    CLITIC_MEMO.with(|memo| {
        if let Some(&Some(known)) = memo.borrow().get(word).map(|slots| &slots[slot]) {
            return known.map(usize::from);
        }
        let cut = lexicon::with_lowercase(word, |lower| clitic_of(word, lower, clitic, name));
        let mut memo = memo.borrow_mut();
        if memo.len() >= CLITIC_MEMO_WORDS {
            memo.clear();
        }
        let slots = memo.entry(word.into()).or_default();
        // A clitic is at most three bytes long.
        slots[slot] = Some(cut.map(|n| n as u8));
        cut
    })
}

/// How many words each thread remembers the clitic decision for; past this the memory is
/// emptied and fills again.
const CLITIC_MEMO_WORDS: usize = 1 << 14;

/// The length of the clitic split from a word, per word as written: once read as a common
/// word, once as a name (`None` while not yet decided).
type CliticSlots = [Option<Option<u8>>; 2];

thread_local! {
    /// Deciding a clitic asks the lexicalized list, the root dictionary and the stemmer
    /// several times over, and the same words come back in every article.
    static CLITIC_MEMO: RefCell<FastMap<Box<str>, CliticSlots>> = RefCell::new(FastMap::default());
}

/// [`clitic_len`] with the word's lowercase form.
fn clitic_of(word: &str, lower: &str, clitic: &'static str, name: bool) -> Option<usize> {
    let bytes = word.as_bytes();
    let host = &lower[..lower.len() - clitic.len()];
    if host.len() < 2 || LEXICALIZED.contains(lower) {
        return None;
    }
    // An acronym takes -nya like any noun (`APBDnya`); another capitalized word inside a
    // sentence is a name.
    let acronym = host.len() >= 2 && bytes[..host.len()].iter().all(u8::is_ascii_uppercase);
    if acronym && bytes[host.len()..].iter().all(u8::is_ascii_lowercase) && clitic == "nya" {
        return Some(3);
    }
    if name && matches!(clitic, "ku" | "mu") {
        return None;
    }
    if lexicon::is_root(lower) {
        let question = matches!(clitic, "kah" | "tah") && STOPWORDS.find(host);
        return question.then_some(clitic.len());
    }
    if prefixed_root(lower) {
        return None;
    }
    if clitic == "nya" && adverbial_se(&lower[..lower.len() - 3]) {
        return None;
    }
    let known = || lexicon::is_root(host) || derived(host);
    let split = match clitic {
        "nya" if !name => host.len() >= 3 || known(),
        _ => known(),
    };
    split.then_some(clitic.len())
}

/// Whether `word` is a derivational prefix on a root the dictionary knows (`menikah` is
/// `me-` + `nikah`, `pemerintah` is `pem-` + `perintah`).
fn prefixed_root(word: &str) -> bool {
    let mut buf = [0u8; MAX_WORD];
    PREFIXES.iter().any(|&(prefix, nasal)| {
        let Some(rest) = word.strip_prefix(prefix) else {
            return false;
        };
        if rest.len() < 3 {
            return false;
        }
        if lexicon::is_root(rest) {
            return true;
        }
        nasal.is_some_and(|c| {
            buf[0] = c;
            buf[1..=rest.len()].copy_from_slice(rest.as_bytes());
            lexicon::is_root(std::str::from_utf8(&buf[..=rest.len()]).expect("ASCII"))
        })
    })
}

/// Whether `stem` (a word without its `-nya`) is `se-` + a root and nothing else: `sebenar`,
/// not the roots `sekitar` or `semua`, nor `serapan` (`serap` + `-an`).
fn adverbial_se(stem: &str) -> bool {
    match stem.strip_prefix("se") {
        Some(inner) if inner.len() >= 3 => {
            !lexicon::is_root(stem) && lexicon::is_root(inner) && lexicon::with_stem(stem, |root| root == inner)
        }
        _ => false,
    }
}

/// Whether `word` is a derived form of a root the dictionary knows.
fn derived(word: &str) -> bool {
    lexicon::with_stem(word, |root| root != word && root.len() >= 2 && lexicon::is_root(root))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn clitics_split_and_lexicalized_words_stay() {
        assert_eq!(texts("rumahnya"), ["rumah", "nya"]);
        assert_eq!(texts("Apakah"), ["Apa", "kah"]);
        assert_eq!(
            texts("adalah sekolah lainnya hanya"),
            ["adalah", "sekolah", "lainnya", "hanya"]
        );
        assert_eq!(
            texts("menikah bertanya pemerintah"),
            ["menikah", "bertanya", "pemerintah"]
        );
        assert_eq!(texts("di Maluku"), ["di", "Maluku"]);
        assert_eq!(texts("sebaliknya itulah"), ["sebaliknya", "itu", "lah"]);
    }

    #[test]
    fn numbers_money_and_abbreviations() {
        assert_eq!(texts("Rp1,5 miliar"), ["Rp", "1,5", "miliar"]);
        assert_eq!(
            texts("Rabu (9/11/2022) pukul 13.30"),
            ["Rabu", "(", "9/11/2022", ")", "pukul", "13.30"]
        );
        assert_eq!(
            texts("Jl. Merdeka No. 5, S.Pd."),
            ["Jl.", "Merdeka", "No.", "5", ",", "S.Pd."]
        );
        assert_eq!(texts("Mustafa A. Ruhama"), ["Mustafa", "A.", "Ruhama"]);
    }

    #[test]
    fn hyphens() {
        assert_eq!(
            texts("kupu-kupu anak-anaknya 5-10 APBD-nya"),
            ["kupu-kupu", "anak-anak", "nya", "5", "-", "10", "APBD", "-", "nya"]
        );
    }
}
