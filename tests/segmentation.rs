//! Data-driven cases for the tokenizer and the sentence splitter (`tests/data/token.toml`,
//! `tests/data/sentence.toml`), and properties that hold for any input.
//!
//! Every case runs and every failure is reported at once. `TOKEN_TEST=name-substring` (or
//! `SENTENCE_TEST`) runs only the cases whose name contains the substring.

mod common;

use proptest::prelude::*;
use serde::Deserialize;
use warta::sentence;
use warta::token::{self, Token};

const TOKEN_CASES: &str = include_str!("data/token.toml");
const SENTENCE_CASES: &str = include_str!("data/sentence.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Suite {
    test: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    expected: Vec<String>,
}

/// Runs every case of `source` (named `file`) through `segment`, which returns the pieces
/// or an error about their spans, and panics with all the failures. `var` filters cases
/// by name.
fn run(source: &str, file: &str, var: &str, segment: impl Fn(&str) -> Result<Vec<String>, String>) {
    let suite: Suite = toml::from_str(source).unwrap_or_else(|e| panic!("{file} is not valid: {e}"));
    let mut names = std::collections::HashSet::new();
    for case in &suite.test {
        assert!(
            names.insert(case.name.as_str()),
            "{file}: duplicate case name {:?}",
            case.name
        );
    }
    common::check_cases(
        &suite.test,
        var,
        |c| &c.name,
        |case| match segment(&case.text) {
            Err(e) => vec![format!("{e}\n  text: {:?}", case.text)],
            Ok(got) if got != case.expected => vec![format!(
                "\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                case.text, case.expected, got
            )],
            Ok(_) => Vec::new(),
        },
    );
}

fn token_texts(text: &str) -> Result<Vec<String>, String> {
    let tokens = token::tokenize(text);
    check_tokens(text, &tokens)?;
    Ok(tokens.iter().map(|t| t.text.to_string()).collect())
}

fn sentence_texts(text: &str) -> Result<Vec<String>, String> {
    let tokens = token::tokenize(text);
    let spans = sentence::split(text, &tokens, &[]);
    check_sentences(text, &spans)?;
    Ok(spans.iter().map(|s| text[s.start..s.end].to_string()).collect())
}

/// Token spans are non-empty, in order, non-overlapping, on char boundaries, and
/// `text[span]` is the token text.
fn check_tokens(text: &str, tokens: &[Token<'_>]) -> Result<(), String> {
    let mut prev_end = 0;
    for t in tokens {
        let (s, e) = (t.span.start, t.span.end);
        if s >= e || s < prev_end || e > text.len() {
            return Err(format!("bad span {s}..{e} after {prev_end} for {:?}", t.text));
        }
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("span {s}..{e} is not on char boundaries"));
        }
        if &text[s..e] != t.text {
            return Err(format!(
                "text[{s}..{e}] = {:?} but the token says {:?}",
                &text[s..e],
                t.text
            ));
        }
        if t.text.chars().any(char::is_whitespace) {
            return Err(format!("token {:?} holds whitespace", t.text));
        }
        prev_end = e;
    }
    Ok(())
}

fn check_sentences(text: &str, spans: &[warta::span::Span]) -> Result<(), String> {
    let mut prev_end = 0;
    for s in spans {
        if s.start >= s.end || s.start < prev_end || s.end > text.len() {
            return Err(format!("bad sentence span {}..{} after {prev_end}", s.start, s.end));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("sentence {}..{} is not on char boundaries", s.start, s.end));
        }
        prev_end = s.end;
    }
    Ok(())
}

#[test]
fn token_cases() {
    run(TOKEN_CASES, "tests/data/token.toml", "TOKEN_TEST", token_texts);
}

#[test]
fn sentence_cases() {
    run(
        SENTENCE_CASES,
        "tests/data/sentence.toml",
        "SENTENCE_TEST",
        sentence_texts,
    );
}

#[test]
fn empty_input() {
    assert!(token::tokenize("").is_empty());
    assert!(sentence::split("", &[], &[]).is_empty());
    assert!(sentence::split(" \n ", &token::tokenize(" \n "), &[0, 2]).is_empty());
}

/// Pieces that exercise the tokenizer's decisions, mixed with arbitrary text.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("nya"),
        Just("kah"),
        Just("Rp"),
        Just("Rp."),
        Just("."),
        Just(".."),
        Just(","),
        Just("-"),
        Just("/"),
        Just("'"),
        Just("’"),
        Just("\""),
        Just("“"),
        Just("”"),
        Just("("),
        Just(")"),
        Just(" "),
        Just("\n"),
        Just("@"),
        Just("#"),
        Just("http://"),
        Just("www."),
        Just("Jl."),
        Just("A."),
        Just("1"),
        Just("2022"),
        Just("é"),
        Just("\u{301}"),
        Just("ß"),
        Just("!"),
        Just("?"),
        Just("…"),
        Just("`"),
    ];
    let part = prop_oneof![3 => piece.prop_map(String::from), 1 => "\\PC{0,6}", 1 => "[a-zA-Z]{1,8}"];
    prop::collection::vec(part, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_are_valid_for_any_text(text in any::<String>()) {
        let tokens = token::tokenize(&text);
        prop_assert_eq!(check_tokens(&text, &tokens), Ok(()));
        let spans = sentence::split(&text, &tokens, &[0, text.len() / 2, text.len()]);
        prop_assert_eq!(check_sentences(&text, &spans), Ok(()));
    }

    #[test]
    fn spans_are_valid_for_news_like_text(text in newsy()) {
        let tokens = token::tokenize(&text);
        prop_assert_eq!(check_tokens(&text, &tokens), Ok(()));
        let spans = sentence::split(&text, &tokens, &[text.len() / 3]);
        prop_assert_eq!(check_sentences(&text, &spans), Ok(()));
    }
}
