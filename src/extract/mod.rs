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

use crate::calendar::Date;
use crate::span::Span;
use crate::token::Token;

/// An article prepared for the extractors: its full text, tokens and sentences.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The text every span points into: the title, a blank line, then the body.
    pub text: &'a str,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// The dateline the body opens with ("PALEMBANG –"), when there is one.
    pub dateline: Option<Span>,
    /// Tokens in text order.
    pub tokens: Vec<Token<'a>>,
    /// Sentences in text order.
    pub sentences: Vec<Span>,
    /// The article's publication date, or the reference date given for the run: relative
    /// dates ("kemarin", "Selasa (23/11)") resolve against it.
    pub reference_date: Option<Date>,
}
