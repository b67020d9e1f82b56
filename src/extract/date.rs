//! Dates and times: "Rabu (9/11/2022)", "9 November 2022", "Selasa (23/11)", "kemarin",
//! "pukul 10.00 WIB", normalized to ISO 8601.

use crate::extract::Doc;
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
    let _ = doc;
    Dates::default()
}
