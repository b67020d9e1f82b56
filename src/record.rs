//! The output contract: one JSON object per article (see `warta schema` and the README).

use serde::Serialize;
use serde_json::Value;

use crate::input::Origin;
use crate::language::Language;
use crate::span::CharSpan;

/// The version of the record format. Adding a field bumps the minor number; renaming or
/// removing one bumps the major number.
pub const SCHEMA_VERSION: &str = "0.1.0";

/// The JSON Schema of [`Record`] and [`ErrorRecord`], as `warta schema` prints it.
pub const SCHEMA: &str = include_str!("schema.json");

/// One article's analysis. Offsets are Unicode code point offsets into the article text
/// (the title, a blank line, then the body), end exclusive.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// [`SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The article's id.
    pub id: String,
    /// The headline, or null.
    pub title: Option<String>,
    /// The article's address, or null.
    pub url: Option<String>,
    /// The outlet as given in the input, or null.
    pub outlet: Option<String>,
    /// The publication date, `YYYY-MM-DD`, or null when none was given or it did not parse.
    pub published: Option<String>,
    /// The language detected from the body.
    pub language: Language,
    /// The dateline the body opens with, or null.
    pub dateline: Option<DatelineRecord>,
    /// Where the body starts in the text (0 without a title).
    pub body_start: usize,
    /// Counts.
    pub stats: Stats,
    /// The text the offsets point into (only with `--text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sentences.
    pub sentences: Vec<CharSpan>,
    /// Tokens (only with `--tokens`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
    /// Organizations (filled by the organization extractor).
    pub organizations: Vec<Value>,
    /// People (filled by the people extractor).
    pub people: Vec<Value>,
    /// Places (filled by the place extractor).
    pub places: Vec<Value>,
    /// Venues (filled by the venue extractor).
    pub venues: Vec<Value>,
    /// Dates (filled by the date extractor).
    pub dates: Vec<Value>,
    /// Quotes (filled by the quote extractor).
    pub quotes: Vec<Value>,
    /// Things a reader of the record should know: decoding fallbacks, an empty text, a
    /// text that is not Indonesian, a date that did not parse.
    pub warnings: Vec<String>,
}

/// A dateline in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatelineRecord {
    /// The place, as written, or null.
    pub place: Option<String>,
    /// The outlet, as written, or null.
    pub outlet: Option<String>,
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end (after the dash).
    pub end: usize,
}

/// Counts for one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Unicode code points in the text.
    pub chars: usize,
    /// Tokens (syntactic words and punctuation).
    pub tokens: usize,
    /// Sentences.
    pub sentences: usize,
}

/// A token in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenRecord {
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
    /// The token as written.
    pub text: String,
}

/// The record that stands in for an article that could not be processed.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorRecord {
    /// [`SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The article's id, or `file:line` when none could be read.
    pub id: String,
    /// Where the input came from.
    pub source: Origin,
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The kind and reason of an error record.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorDetail {
    /// One of `io`, `json`, `missing_text`, `binary`, `too_large`, `internal`.
    pub kind: &'static str,
    /// The reason, for people.
    pub message: String,
}

/// What one input item gives.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Output {
    /// A record.
    Record(Box<Record>),
    /// An error record.
    Error(ErrorRecord),
}

impl Output {
    /// True for an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, Output::Error(_))
    }
}
