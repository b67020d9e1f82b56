//! Sentence boundaries over tokens: terminal punctuation (with the closing quotes and
//! brackets that follow it), paragraph breaks, and boundaries the caller knows (a dateline).
//!
//! A terminal mark ends a sentence when what follows starts one: a capital, an opening
//! quote or bracket, a dash standing alone (a list item), a letter of a script without
//! case, or, after a period that closes an ordinary word, a number or a lowercase word
//! (news text does not always capitalize). It does not end one inside a quotation that
//! closes later in the paragraph (a quoted passage of several sentences is one sentence
//! with its attribution, as the Indonesian treebanks count it), nor just before a bracket
//! closes (`(Bl.)`). Abbreviations and initials are tokens of their own
//! (`Jl.`, `A.`) and so never end a sentence, save those marked `final` in
//! `data/sentence/singkatan.txt` (`dll.`), which end one before a capital, and dotted
//! ones (`A.S.`) before a word that only opens sentences (`data/sentence/pembuka.txt`).

use std::sync::LazyLock;

use crate::lexicon::{self, FastSet, embedded};
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// Abbreviations that often close a sentence (`dll.`): they end one when a capitalized
/// word follows.
static FINAL_ABBREVIATIONS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(embedded::ABBREVIATIONS)
        .filter(|e| e.value == Some("final"))
        .map(|e| e.surface)
        .collect()
});

/// Words that begin a sentence and are never capitalized inside one.
static OPENERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(embedded::SENTENCE_OPENERS)
        .map(|e| e.surface)
        .collect()
});

/// How far ahead (in tokens) a bracket must close for a period before it not to end the
/// sentence: `(SSK. II)`, `(E. hemisphaerica (Bl.) Smith)`.
const BRACKET_REACH: usize = 8;

/// Splits the tokens of `text` into sentences, returned as byte spans from the first to the
/// last token of each. `breaks` are byte offsets where a sentence must end whatever the
/// punctuation says (the end of a dateline or of a headline), in any order.
pub fn split(text: &str, tokens: &[Token<'_>], breaks: &[usize]) -> Vec<Span> {
    let (quotes, brackets) = pairs(text, tokens);
    let mut line_feeds = LineFeeds::new(text);
    // Sorted, the breaks are walked forward with the tokens, as the pairs are.
    let mut breaks = breaks.to_vec();
    breaks.sort_unstable();
    let mut break_at = 0;
    let mut quote_at = 0;
    let mut bracket_at = 0;
    // A sentence runs to some twenty tokens: room enough that the list seldom grows.
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + 4);
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        let mut boundary = false;
        if ends_sentence(tokens, i) {
            // Marks attached to the terminal go with it: `?!`, `."`, `?”`, `.)`.
            while last + 1 < tokens.len()
                && tokens[last + 1].span.start == tokens[last].span.end
                && (is_terminal_mark(&tokens[last + 1]) || is_closer(&tokens[last + 1]))
            {
                last += 1;
            }
            boundary = match tokens.get(last + 1) {
                None => true,
                Some(_) => starts_sentence(tokens, i, last + 1),
            };
            if boundary {
                boundary = !inside(&quotes, &mut quote_at, last, usize::MAX)
                    && !inside(&brackets, &mut bracket_at, last, BRACKET_REACH);
            }
        }
        if !boundary && opens_unmarked_sentence(tokens, last) {
            boundary = true;
        }
        if let Some(next) = tokens.get(last + 1) {
            while break_at < breaks.len() && breaks[break_at] <= tokens[last].span.start {
                break_at += 1;
            }
            if line_feeds.within(tokens[last].span.end, next.span.start)
                || breaks.get(break_at).is_some_and(|&b| b <= next.span.start)
            {
                boundary = true;
            }
        }
        if boundary || last + 1 == tokens.len() {
            sentences.push(Span::new(tokens[first].span.start, tokens[last].span.end));
            first = last + 1;
        }
        i = last + 1;
    }
    sentences
}

fn ends_sentence(tokens: &[Token<'_>], at: usize) -> bool {
    let token = &tokens[at];
    match token.kind {
        TokenKind::Punct => is_terminal_mark(token),
        // An abbreviation ends a sentence when it often does (`dll.`), or when a dotted
        // one (`A.S.`, `S.Pd.`) is followed by a word that only ever opens a sentence
        // (`Mahkamah Agung A.S. Seperti ...`). Titles before names are left out: the Sasak
        // title in "H. Lalu Ahmad" is also the opener "lalu".
        TokenKind::Abbreviation => {
            FINAL_ABBREVIATIONS.contains(token.text)
                || token.text.ends_with('.')
                    && token.text.bytes().filter(|&b| b == b'.').count() >= 2
                    && tokens.get(at + 1).is_some_and(is_capitalized_opener)
        }
        _ => false,
    }
}

/// Whether the token before the period at `terminal` is an ordinary lowercase word, long
/// enough not to be an unlisted abbreviation, or a closing bracket (`(SPPT). 311 ...`).
fn closes_plain_word(tokens: &[Token<'_>], terminal: usize) -> bool {
    let Some(before) = terminal.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    tokens[terminal].text == "."
        && before.span.end == tokens[terminal].span.start
        && (before.kind == TokenKind::Word
            && before.text.len() >= 4
            && before.text.bytes().all(|b| b.is_ascii_lowercase())
            || before.kind == TokenKind::Punct && before.text == ")")
}

/// A capitalized word that begins sentences and is never capitalized inside one.
// Out of line: asked only of a capitalized word in the right place.
#[inline(never)]
fn is_capitalized_opener(token: &Token<'_>) -> bool {
    let b = token.text.as_bytes();
    token.kind == TokenKind::Word
        && b.len() <= 12
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && lexicon::with_lowercase(token.text, |w| OPENERS.contains(w))
}

fn is_terminal_mark(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text.as_bytes().first(), Some(b'.' | b'!' | b'?'))
        || token.text == "…"
}

fn is_closer(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text, "”" | "\"" | "’" | "'" | "''" | ")" | "]" | "»")
}

/// Whether `next` starts a sentence after the terminal token at `terminal`.
// Out of line: asked only after a terminal mark, and inlined it burdened every token.
#[inline(never)]
fn starts_sentence(tokens: &[Token<'_>], terminal: usize, at: usize) -> bool {
    let next = &tokens[at];
    let Some(c) = next.text.chars().next() else {
        return false;
    };
    // A letter of a script without case (`ひ`, `漢`) counts as a capital.
    if c.is_uppercase() || c.is_alphabetic() && !c.is_lowercase() {
        // `Pte. Ltd.`: an abbreviation after a final one goes on the name.
        return !(tokens[terminal].kind == TokenKind::Abbreviation && next.kind == TokenKind::Abbreviation);
    }
    let term = &tokens[terminal];
    if term.kind == TokenKind::Abbreviation {
        return false;
    }
    if matches!(c, '"' | '“' | '”' | '(' | '[' | '‘' | '«' | '`') || matches!(next.kind, TokenKind::Tag) {
        return true;
    }
    // A straight single quote opens a quotation when a word follows it directly.
    if next.text == "'" {
        return tokens
            .get(at + 1)
            .is_some_and(|w| w.span.start == next.span.end && w.kind == TokenKind::Word);
    }
    // A dash standing alone after a terminal mark opens a list item or a signature line.
    if matches!(next.text, "-" | "--" | "–" | "—") {
        return true;
    }
    // A question or an exclamation may be followed by a number. After a period, a number
    // starts a sentence when the period closes an ordinary word ("limbah. 1987
    // diproklamirkan"), not when it closes an abbreviation or a number.
    if c.is_ascii_digit() {
        return term.text != "." && !term.text.starts_with("..") || closes_plain_word(tokens, terminal);
    }
    // A lowercase word after a period that closes a real word or a number: the writer did
    // not capitalize. After a short unknown word the period is an unlisted abbreviation.
    if c.is_lowercase() && term.text == "." && terminal > 0 {
        let before = &tokens[terminal - 1];
        if before.span.end != term.span.start {
            return false;
        }
        return match before.kind {
            TokenKind::Number | TokenKind::Clitic => true,
            TokenKind::Word => {
                before.text.chars().count() >= 4
                    || (before.text.len() <= 8
                        && before.text.bytes().all(|b| b.is_ascii_alphabetic())
                        && lexicon::with_lowercase(before.text, lexicon::is_root))
            }
            _ => false,
        };
    }
    false
}

/// Whether a sentence starts after token `last` although no mark ends one there: a lowercase
/// word, then a capitalized sentence opener ("Namun", "Menurut") and a lowercase word or a
/// comma. A final period went missing, or a headline without one runs into the text; in
/// a name or a title the words around the opener would be capitalized too.
fn opens_unmarked_sentence(tokens: &[Token<'_>], last: usize) -> bool {
    // Few tokens are capitalized words: the opener is asked first, which rules out nearly
    // every place.
    let Some(opener) = tokens.get(last + 1) else {
        return false;
    };
    if opener.kind != TokenKind::Word || !opener.text.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    let (Some(before), Some(after)) = (tokens.get(last), tokens.get(last + 2)) else {
        return false;
    };
    let lowercase_word = |t: &Token<'_>| {
        matches!(t.kind, TokenKind::Word | TokenKind::Clitic) && t.text.starts_with(|c: char| c.is_lowercase())
    };
    lowercase_word(before) && (lowercase_word(after) || after.text == ",") && is_capitalized_opener(opener)
}

/// Whether token `at` lies strictly inside one of `pairs` (sorted, disjoint at the top
/// level) whose close is at most `reach` tokens away. `cursor` walks `pairs` forward.
fn inside(pairs: &[(usize, usize)], cursor: &mut usize, at: usize, reach: usize) -> bool {
    while *cursor < pairs.len() && pairs[*cursor].1 <= at {
        *cursor += 1;
    }
    // Pairs are sorted by their close: an enclosing pair comes after the few nested inside
    // it that close later than `at`.
    pairs[*cursor..]
        .iter()
        .take(8)
        .any(|&(open, close)| open < at && at < close && close - at <= reach)
}

/// The line feeds of a text, walked forward: whether the text between two tokens holds one
/// is asked for every token, and a paragraph break is rare.
struct LineFeeds<'t> {
    text: &'t [u8],
    /// The first line feed at or after the last place asked about (`usize::MAX` when none).
    next: usize,
}

impl<'t> LineFeeds<'t> {
    fn new(text: &'t str) -> LineFeeds<'t> {
        let text = text.as_bytes();
        LineFeeds {
            text,
            next: memchr::memchr(b'\n', text).unwrap_or(usize::MAX),
        }
    }

    /// Whether `text[start..end]` holds a line feed; `start` must not decrease between calls.
    fn within(&mut self, start: usize, end: usize) -> bool {
        if self.next < start {
            self.next = memchr::memchr(b'\n', &self.text[start..]).map_or(usize::MAX, |at| start + at);
        }
        self.next < end
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    Quotes,
    Brackets,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// Pairs of token indices (open, close) of matching marks.
type TokenPairs = Vec<(usize, usize)>;

/// The marks of one kind still open in a paragraph, and the pairs found.
#[derive(Default)]
struct Pairer {
    open: Vec<usize>,
    pairs: TokenPairs,
}

impl Pairer {
    fn mark(&mut self, which: Pairing, role: Role, at: usize) {
        match role {
            Role::Open if which == Pairing::Quotes => {
                // Quotes do not nest: an unclosed quote is abandoned.
                self.open.clear();
                self.open.push(at);
            }
            Role::Open => self.open.push(at),
            Role::Close | Role::Either => match self.open.pop() {
                Some(o) => self.pairs.push((o, at)),
                None if role == Role::Either => self.open.push(at),
                None => {}
            },
        }
    }

    fn into_sorted(mut self) -> TokenPairs {
        self.pairs.sort_unstable_by_key(|&(_, close)| close);
        self.pairs
    }
}

/// Pairs of token indices (open, close) of double quotes and of round brackets, within a
/// paragraph, each sorted by their close. Straight quotes and `”` (which Kompas also uses to
/// open) take their role from the spacing around them.
fn pairs(text: &str, tokens: &[Token<'_>]) -> (TokenPairs, TokenPairs) {
    let mut quotes = Pairer::default();
    let mut brackets = Pairer::default();
    let mut line_feeds = LineFeeds::new(text);
    // Where the last quote or bracket ended: no token holds a line feed (the tokenizer skips
    // whitespace), so a paragraph ended since when the text from there does.
    let mut prev_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        let (which, role) = match t.text {
            "(" => (Pairing::Brackets, Role::Open),
            ")" => (Pairing::Brackets, Role::Close),
            "“" | "«" | "„" => (Pairing::Quotes, Role::Open),
            "»" => (Pairing::Quotes, Role::Close),
            "\"" | "”" => (Pairing::Quotes, quote_role(text, t.span)),
            _ => continue,
        };
        if line_feeds.within(prev_end, t.span.start) {
            quotes.open.clear();
            brackets.open.clear();
        }
        prev_end = t.span.end;
        match which {
            Pairing::Quotes => quotes.mark(which, role, i),
            Pairing::Brackets => brackets.mark(which, role, i),
        }
    }
    (quotes.into_sorted(), brackets.into_sorted())
}

fn quote_role(text: &str, span: Span) -> Role {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let open_left = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '-' | '–' | '—'));
    let close_right =
        after.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']'));
    match (open_left, close_right) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &tokenize(text), &[])
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Ia tinggal di Jl. Merdeka No. 5 bersama Mustafa A. Ruhama. Dia senang."),
            [
                "Ia tinggal di Jl. Merdeka No. 5 bersama Mustafa A. Ruhama.",
                "Dia senang."
            ]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            sentences("“Kami siap.” Ia pergi. \"Benar?\" tanya dia."),
            ["“Kami siap.”", "Ia pergi.", "\"Benar?\" tanya dia."]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(
            sentences("Judul berita\n\nIsi pertama"),
            ["Judul berita", "Isi pertama"]
        );
    }
}
