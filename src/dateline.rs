//! Datelines at the start of a news body: "PALEMBANG –", "Palembang (ANTARA) -",
//! "JAKARTA, KOMPAS.com —", "SUMSELKITA.COM, PALEMBANG –", "Tandaseru —".

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{self, embedded};
use crate::span::Span;

/// The place and outlet a body opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place the report comes from, as written ("PALEMBANG").
    pub place: Option<String>,
    /// The outlet, as written ("KOMPAS.com", "ANTARA").
    pub outlet: Option<String>,
    /// The dateline with its dash, in bytes of the text it was found in.
    pub span: Span,
}

/// A dateline is a short run of capitalized words, an optional web domain, an optional
/// outlet in brackets, then a dash (or a comma after a domain) at the very start of the
/// body.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^[\ \t]*
        (?P<head>[\p{Lu}][\p{L}.'’]*(?:[\ .][\p{Lu}][\p{L}.'’]*){0,3}|[\p{L}\p{N}-]+\.(?:com|co\.id|id|net|co|news)(?:\.[a-z]{2})?)
        (?:\s*,\s*(?P<second>[\p{Lu}][\p{L}.'’]*(?:[\ .][\p{Lu}][\p{L}.'’]*){0,3}|[\p{L}\p{N}-]+\.(?:com|co\.id|id|net|co|news)))?
        (?:\s*\((?P<paren>[^()\n]{2,30})\))?
        \s*[–—-]{1,2}\s*",
    )
    .expect("the dateline pattern is valid")
});

static OUTLETS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    lexicon::entries(embedded::OUTLETS)
        .map(|e| e.surface.to_lowercase())
        .collect()
});

fn is_outlet(s: &str) -> bool {
    let lower = s.to_lowercase();
    OUTLETS.contains(&lower)
        || lower.contains(".com")
        || lower.contains(".co")
        || lower.ends_with(".id")
        || lower.ends_with(".net")
}

/// Reads the dateline at the start of `body`, if any.
pub fn parse(body: &str) -> Option<Dateline> {
    let caps = DATELINE.captures(body)?;
    let whole = caps.get(0)?;
    // A dateline is short and ends before the first sentence gets going.
    if whole.as_str().chars().count() > 60 || whole.as_str().contains('\n') {
        return None;
    }
    let head = caps.name("head").map(|m| m.as_str().trim().to_string());
    let second = caps.name("second").map(|m| m.as_str().trim().to_string());
    let paren = caps.name("paren").map(|m| m.as_str().trim().to_string());
    let mut place = None;
    let mut outlet = paren;
    for part in [head, second].into_iter().flatten() {
        if is_outlet(&part) && outlet.is_none() {
            outlet = Some(part);
        } else if place.is_none() {
            place = Some(part);
        } else {
            return None;
        }
    }
    if place.is_none() && outlet.is_none() {
        return None;
    }
    // Plain "Kata –" openings that are not all capitals need a known outlet or a bracket.
    let span = Span::new(
        whole.start() + (whole.as_str().len() - whole.as_str().trim_start().len()),
        whole.end(),
    );
    Some(Dateline { place, outlet, span })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(body: &str) -> Option<(Option<String>, Option<String>, String)> {
        parse(body).map(|d| (d.place, d.outlet, d.span.slice(body).to_string()))
    }

    #[test]
    fn dateline_styles() {
        let cases = [
            ("PALEMBANG – Sepuluh OPD", Some("PALEMBANG"), None, "PALEMBANG – "),
            (
                "Palembang (ANTARA) - Pemkot",
                Some("Palembang"),
                Some("ANTARA"),
                "Palembang (ANTARA) - ",
            ),
            (
                "JAKARTA, KOMPAS.com — Menteri",
                Some("JAKARTA"),
                Some("KOMPAS.com"),
                "JAKARTA, KOMPAS.com — ",
            ),
            (
                "SUMSELKITA.COM, PALEMBANG – Sepuluh",
                Some("PALEMBANG"),
                Some("SUMSELKITA.COM"),
                "SUMSELKITA.COM, PALEMBANG – ",
            ),
            ("Tandaseru — Bupati", None, Some("Tandaseru"), "Tandaseru — "),
        ];
        for (body, place, outlet, text) in cases {
            let got = parts(body).unwrap_or_else(|| panic!("no dateline in {body:?}"));
            assert_eq!(
                got,
                (place.map(String::from), outlet.map(String::from), text.to_string()),
                "{body}"
            );
        }
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(parts("Wali Kota Palembang Ratu Dewa mengatakan - kemarin"), None);
        assert_eq!(parts("Sekretaris Daerah hadir."), None);
    }
}
