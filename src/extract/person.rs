//! People and officials: names without honorifics and degrees, ranks, titles before and
//! after the name and in apposition, and later mentions by a short name or a bare title.

use crate::extract::Doc;
use crate::extract::org::Organizations;
use crate::span::Span;

/// A title phrase written next to a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Where it is written.
    pub span: Span,
    /// The role ("Kepala Bagian", "Wali Kota"), when the phrase splits.
    pub role: Option<String>,
    /// The organization part ("Ortala Setda Kota Palembang"), when the phrase splits.
    pub organization: Option<String>,
    /// True when the title is a public office.
    pub official: bool,
}

/// A named person and every place the text refers to them by name or title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name, without honorifics, degrees and rank.
    pub name: String,
    /// Honorifics written with the name (H., Hj., Dr., Ir., Drs., Prof., Bapak, Ibu, KH).
    pub honorifics: Vec<String>,
    /// Academic degrees written with the name (S.Pd., M.Si., S.H., M.M., S.STP).
    pub degrees: Vec<String>,
    /// A police or military rank (AKBP, Kompol, Letkol Inf).
    pub rank: Option<String>,
    /// Title phrases, in text order.
    pub titles: Vec<Title>,
    /// True when a title is a public office.
    pub official: bool,
    /// Other forms used for the person by name ("Dewa" for "Ratu Dewa").
    pub aliases: Vec<String>,
    /// Where the person is named: the full name, short names, and a bare title ("Sekda")
    /// when only this person holds it in the article.
    pub mentions: Vec<Span>,
    /// The rule that found the person first.
    pub source: &'static str,
}

/// Finds the people of `doc`, using the organizations already found there.
pub fn extract(doc: &Doc<'_>, organizations: &Organizations) -> Vec<Person> {
    let _ = (doc, organizations);
    Vec::new()
}
