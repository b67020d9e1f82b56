//! Tokens as Universal Dependencies Indonesian counts syntactic words: clitics split from
//! their host, reduplications, numbers, dates, URLs and abbreviations kept whole.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use sastrawi::{Dictionary, Stemmer};

use crate::lexicon::{self, embedded};
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
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The pieces the tokenizer cuts before clitics and abbreviations are decided. The
/// alternatives are tried in order, so links and numbers win over the plain word.
static PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        (?P<link>(?:https?://|www\.)[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]']
          | [\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)
        | (?P<tag>[\#@][\p{L}\p{N}_]+)
        | (?P<money>Rp)\.?(?P<amount>\p{N}+(?:[.,]\p{N}+)*)
        | (?P<number>\p{N}+(?:[.,:/]\p{N}+)+)
        | (?P<dotted>(?:\p{L}{1,3}\.){2,})
        | (?P<word>[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)
        | (?P<ellipsis>\.{2,}|…)
        | (?P<other>\S)
        "#,
    )
    .expect("the token pattern is valid")
});

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(embedded::ABBREVIATIONS)
        .map(|e| e.surface)
        .collect()
});

static LEXICALIZED: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(embedded::LEXICALIZED)
        .map(|e| e.surface)
        .collect()
});

static ROOTS: LazyLock<Dictionary> = LazyLock::new(Dictionary::new);
static STEMMER: LazyLock<Stemmer<'static>> = LazyLock::new(|| Stemmer::new(&ROOTS));

/// Clitics in the order they are tried: particles (-lah -kah -pun -tah) attach outside the
/// possessives (-nya -ku -mu), so `bukunyalah` would split from the outside in.
const CLITICS: [&str; 7] = ["nya", "lah", "kah", "pun", "tah", "ku", "mu"];

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5);
    for caps in PIECE.captures_iter(text) {
        let whole = caps.get(0).expect("group 0 always matches");
        // The period an abbreviation took is the next piece the pattern finds.
        if tokens.last().is_some_and(|t| t.span.end > whole.start()) {
            continue;
        }
        if let (Some(rp), Some(amount)) = (caps.name("money"), caps.name("amount")) {
            push(&mut tokens, text, rp.start(), rp.end(), TokenKind::Word);
            push(&mut tokens, text, amount.start(), amount.end(), TokenKind::Number);
        } else if caps.name("link").is_some() {
            push(&mut tokens, text, whole.start(), whole.end(), TokenKind::Link);
        } else if caps.name("tag").is_some() {
            push(&mut tokens, text, whole.start(), whole.end(), TokenKind::Tag);
        } else if caps.name("number").is_some() {
            push(&mut tokens, text, whole.start(), whole.end(), TokenKind::Number);
        } else if caps.name("dotted").is_some() {
            push(&mut tokens, text, whole.start(), whole.end(), TokenKind::Abbreviation);
        } else if caps.name("word").is_some() {
            push_word(&mut tokens, text, whole.start(), whole.end());
        } else {
            push(&mut tokens, text, whole.start(), whole.end(), TokenKind::Punct);
        }
    }
    tokens
}

fn push<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str, start: usize, end: usize, kind: TokenKind) {
    tokens.push(Token {
        text: &text[start..end],
        span: Span::new(start, end),
        kind,
    });
}

/// A word piece: an abbreviation when it takes the period after it, else a word that may
/// carry a clitic.
fn push_word<'a>(tokens: &mut Vec<Token<'a>>, text: &'a str, start: usize, end: usize) {
    let word = &text[start..end];
    if text[end..].starts_with('.') && !text[end..].starts_with("..") && takes_period(word) {
        push(tokens, text, start, end + 1, TokenKind::Abbreviation);
        return;
    }
    if word.bytes().all(|b| b.is_ascii_digit()) {
        push(tokens, text, start, end, TokenKind::Number);
        return;
    }
    match clitic_start(word) {
        Some(at) => {
            push(tokens, text, start, start + at, TokenKind::Word);
            push(tokens, text, start + at, end, TokenKind::Clitic);
        }
        None => push(tokens, text, start, end, TokenKind::Word),
    }
}

/// An abbreviation from the lexicon, or a single capital letter (an initial: `A. Ruhama`).
fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || ABBREVIATIONS.contains(format!("{word}.").as_str())
}

/// Where the clitic of `word` starts, in bytes, or `None` when the word stays whole.
///
/// The ending alone cannot tell `bukunya` (buku + nya) from `hanya` or `sekolah`, so the
/// decision asks the root dictionary: a word stays whole when it is lexicalized, or when
/// its root itself ends like the clitic (`tanya` in `bertanya`, `salah` in `masalah`).
fn clitic_start(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() || !lower.is_ascii() {
        return None;
    }
    let clitic = CLITICS.iter().find(|c| lower.ends_with(*c))?;
    let host = &lower[..lower.len() - clitic.len()];
    if host.len() < 2 || host.ends_with('-') || LEXICALIZED.contains(lower.as_str()) {
        return None;
    }
    if ROOTS.find(&lower) {
        return None;
    }
    let root = STEMMER.stem_word(&lower);
    let root_known = ROOTS.find(&root);
    if root_known && root.ends_with(clitic) {
        return None;
    }
    let host_known = ROOTS.find(host) || {
        let host_root = STEMMER.stem_word(host);
        host_root != host && ROOTS.find(&host_root)
    };
    // -nya attaches to any noun, names and loanwords too; the short and particle clitics
    // are common word endings, so they split only from a host the dictionary knows.
    let split = match *clitic {
        "nya" => host.len() >= 2,
        _ => host_known,
    };
    split.then_some(host.len())
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
        assert_eq!(texts("adalah sekolah lainnya hanya"), ["adalah", "sekolah", "lainnya", "hanya"]);
    }

    #[test]
    fn numbers_money_and_abbreviations() {
        assert_eq!(texts("Rp1,5 miliar"), ["Rp", "1,5", "miliar"]);
        assert_eq!(texts("Rabu (9/11/2022) pukul 13.30"), ["Rabu", "(", "9/11/2022", ")", "pukul", "13.30"]);
        assert_eq!(texts("Jl. Merdeka No. 5, S.Pd."), ["Jl.", "Merdeka", "No.", "5", ",", "S.Pd."]);
        assert_eq!(texts("Mustafa A. Ruhama"), ["Mustafa", "A.", "Ruhama"]);
    }
}
