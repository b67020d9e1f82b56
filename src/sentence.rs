//! Sentence boundaries over tokens: terminal punctuation (with the closing quotes and
//! brackets that follow it), paragraph breaks, and boundaries the caller knows (a dateline).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon::{self, embedded};
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// Abbreviations that often close a sentence (`dll.`): they end one when a capitalized
/// word follows.
static FINAL_ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(embedded::ABBREVIATIONS)
        .filter(|e| e.value == Some("final"))
        .map(|e| e.surface)
        .collect()
});

const CLOSERS: [&str; 7] = ["”", "\"", "’", "'", ")", "]", "»"];

/// Splits the tokens of `text` into sentences, returned as byte spans from the first to the
/// last token of each. `breaks` are byte offsets where a sentence must end whatever the
/// punctuation says (the end of a dateline or of a headline), in any order.
pub fn split(text: &str, tokens: &[Token<'_>], breaks: &[usize]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        let mut boundary = false;
        if ends_sentence(&tokens[i]) {
            // A period followed directly by a closing mark keeps the mark: `."` `?”` `.)`.
            while last + 1 < tokens.len()
                && CLOSERS.contains(&tokens[last + 1].text)
                && tokens[last + 1].span.start == tokens[last].span.end
            {
                last += 1;
            }
            boundary = match tokens.get(last + 1) {
                None => true,
                Some(next) => {
                    let strong = tokens[i].kind != TokenKind::Abbreviation;
                    let lower = next.text.chars().next().is_some_and(char::is_lowercase);
                    !lower && (strong || next.is_capitalized())
                }
            };
        }
        if let Some(next) = tokens.get(last + 1) {
            let gap = &text[tokens[last].span.end..next.span.start];
            if gap.contains('\n')
                || breaks
                    .iter()
                    .any(|&b| b > tokens[last].span.start && b <= next.span.start)
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

fn ends_sentence(token: &Token<'_>) -> bool {
    match token.kind {
        TokenKind::Punct => matches!(token.text, "." | "!" | "?" | "…" | "...") || token.text.starts_with(".."),
        TokenKind::Abbreviation => FINAL_ABBREVIATIONS.contains(token.text),
        _ => false,
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
            ["Ia tinggal di Jl. Merdeka No. 5 bersama Mustafa A. Ruhama.", "Dia senang."]
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
        assert_eq!(sentences("Judul berita\n\nIsi pertama"), ["Judul berita", "Isi pertama"]);
    }
}
