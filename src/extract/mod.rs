//! Extractors: each finds one kind of mention in a [`Doc`] and has one entry point.
//!
//! They run in this order, so that later ones may use what earlier ones found: dates and
//! times first (they anchor nothing else and need only the reference date), then
//! organizations, then people (titles name organizations), then places (people's names
//! end place names; a gazetteer adds codes), then venues.

pub mod date;
pub mod org;
pub mod person;
pub mod place;
pub mod quote;
pub mod venue;

use std::cell::OnceCell;

use crate::calendar::Date;
use crate::dateline::Dateline;
use crate::sentence;
use crate::span::Span;
use crate::token::{self, Token};
use crate::words::Words;

/// An article prepared for the extractors: its full text, tokens and sentences.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The text every span points into: the title, a blank line, then the body.
    pub text: &'a str,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// The dateline the body opens with ("PALEMBANG –"), when there is one, its span in
    /// bytes of `text`.
    pub dateline: Option<Dateline>,
    /// Tokens in text order.
    pub tokens: Vec<Token<'a>>,
    /// Sentences in text order.
    pub sentences: Vec<Span>,
    /// The article's publication date, or the reference date given for the run: relative
    /// dates ("kemarin", "Selasa (23/11)") resolve against it.
    pub reference_date: Option<Date>,
    /// The year and month the article's address gives when it names no day (`/2022/11/`):
    /// dates written without a year take the year that puts them nearest it.
    pub month_hint: Option<(i32, u32)>,
    /// The words, read when an extractor first asks ([`Doc::words`]).
    words: OnceCell<Words<'a>>,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text` and splits its sentences as the pipeline does: the end of the
    /// headline (`body_start` when above 0) and of the dateline end sentences.
    pub fn new(text: &'a str, body_start: usize, dateline: Option<Dateline>, reference_date: Option<Date>) -> Doc<'a> {
        let tokens = token::tokenize(text);
        let mut breaks = Vec::new();
        if body_start > 0 {
            breaks.push(body_start);
        }
        if let Some(d) = &dateline {
            breaks.push(d.span.end);
        }
        let sentences = sentence::split(text, &tokens, &breaks);
        Doc {
            text,
            body_start,
            dateline,
            tokens,
            sentences,
            reference_date,
            month_hint: None,
            words: OnceCell::new(),
        }
    }

    /// The words and punctuation of the text, read once for the extractors that work word
    /// by word, with the flags of the word lexicon (people's, and the gates of the
    /// organization and place phrase lexicons); words before the body, and before the end
    /// of its dateline, are the headline's.
    pub fn words(&self) -> &Words<'a> {
        self.words.get_or_init(|| {
            let body_from = self.dateline.as_ref().map_or(self.body_start, |d| d.span.end);
            Words::new(self.text, body_from, &self.sentences, person::word_flags)
        })
    }

    /// A body with no headline, dateline or reference date: for tests and examples.
    pub fn from_text(text: &'a str) -> Doc<'a> {
        Doc::new(text, 0, None, None)
    }
}
