//! Datelines at the start of a news body: "PALEMBANG –", "Palembang (ANTARA) -",
//! "JAKARTA, KOMPAS.com —", "SUMSELKITA.COM, PALEMBANG –", "Tandaseru —".

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{self, FastSet, embedded};
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
        (?P<head>[\p{L}\p{N}-]+\.(?i:com|co\.id|id|net|co|news)(?:\.[a-z]{2})?|[\p{Lu}][\p{L}.'’]*(?:[\ .][\p{Lu}][\p{L}.'’]*){0,3})
        (?:[\ \t]*,[\ \t]*(?P<second>[\p{L}\p{N}-]+\.(?i:com|co\.id|id|net|co|news)|[\p{Lu}][\p{L}.'’]*(?:[\ .][\p{Lu}][\p{L}.'’]*){0,3}))?
        (?:[\ \t]*\((?P<paren>[^()\n]{2,30})\))?
        [\ \t]*[–—-]{1,2}[\ \t]*",
    )
    .expect("the dateline pattern is valid")
});

static OUTLETS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    lexicon::entries(embedded::OUTLETS)
        .map(|e| e.surface.to_lowercase())
        .collect()
});

fn is_outlet(s: &str) -> bool {
    let lower = s.to_lowercase();
    // A web domain ("Kompas.com", "Samudra.News", "ERA.id") names an outlet.
    let domain = lower.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty() && (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase())
    });
    OUTLETS.contains(&lower) || domain
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

fn span_of(whole: &regex::Match<'_>) -> Span {
    let leading = whole.as_str().len() - whole.as_str().trim_start().len();
    Span::new(whole.start() + leading, whole.end())
}

/// The head, the name after its comma and the bracketed part of a dateline `DATELINE`
/// matched, untrimmed: the pattern's groups, read off the match. None of them can hold
/// the comma, bracket or dash that ends the one before, so splitting at those is the
/// pattern's own split. Asking the pattern for its groups cost some 12,000 instructions
/// an article: its Unicode classes make an automaton the capture engine must clear for
/// every byte of the match.
fn parts(whole: &str) -> (&str, Option<&str>, Option<&str>) {
    let rest = whole
        .trim_end_matches([' ', '\t'])
        .trim_end_matches(['–', '—', '-'])
        .trim_end_matches([' ', '\t']);
    let (rest, paren) = match rest.strip_suffix(')').and_then(|r| r.rfind('(').map(|open| (r, open))) {
        Some((r, open)) => (&r[..open], Some(&r[open + 1..])),
        None => (rest, None),
    };
    match rest.split_once(',') {
        Some((head, second)) => (head, Some(second), paren),
        None => (rest, None, paren),
    }
}

/// More than any dateline takes up (60 characters of at most 4 bytes each, and spaces).
const MAX_DATELINE_BYTES: usize = 320;

/// Reads the dateline at the start of `body`, if any.
pub fn parse(body: &str) -> Option<Dateline> {
    // A dateline is at most 60 characters: the pattern need not see more than its 240
    // bytes, and giving it the whole body made the capture engine prepare for all of it.
    let mut end = body.len().min(MAX_DATELINE_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    // No part of the pattern crosses a line, and it ends with a dash: most bodies are ruled
    // out without running it.
    let line = body[..end].split('\n').next().unwrap_or_default();
    if !line.contains(['-', '–', '—']) {
        return None;
    }
    let whole = DATELINE.find(line)?;
    // A dateline is short and ends before the first sentence gets going.
    if whole.as_str().chars().count() > 60 {
        return None;
    }
    let (head, second, paren) = parts(whole.as_str());
    let head = Some(head.trim().to_string());
    let second = second.map(|s| s.trim().to_string());
    let paren = paren.map(|s| s.trim().to_string());
    let mut place = None;
    let mut outlet = paren;
    // "Place, Outlet" is the usual order; an all-capitals name before a mixed-case one is
    // the outlet's brand ("MOMENTUM, Bumiratunuban --").
    let parts = match (head, second) {
        (Some(h), Some(s)) if outlet.is_none() && !is_outlet(&h) && !is_outlet(&s) => {
            let (p, o) = if is_all_caps(&h) && !is_all_caps(&s) {
                (s, h)
            } else {
                (h, s)
            };
            return Some(Dateline {
                place: Some(p),
                outlet: Some(o),
                span: span_of(&whole),
            });
        }
        (h, s) => [h, s],
    };
    for part in parts.into_iter().flatten() {
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
            (
                "MOMENTUM, Bumiratunuban -- Bupati",
                Some("Bumiratunuban"),
                Some("MOMENTUM"),
                "MOMENTUM, Bumiratunuban -- ",
            ),
            (
                "PALEMBANG,Samudra.News-Penjabat",
                Some("PALEMBANG"),
                Some("Samudra.News"),
                "PALEMBANG,Samudra.News-",
            ),
            (
                "Mangupura (Metrobali.com)-\nPengganti",
                Some("Mangupura"),
                Some("Metrobali.com"),
                "Mangupura (Metrobali.com)-",
            ),
            (
                "Kota Kupang, KBC — Tiba",
                Some("Kota Kupang"),
                Some("KBC"),
                "Kota Kupang, KBC — ",
            ),
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

    proptest::proptest! {
        /// Reading the parts off the match gives the pattern's own groups.
        #[test]
        fn parts_are_the_pattern_groups(line in "[ A-Za-z.,()\\-–—'’]{0,12}(com|id)?[ A-Za-z.,()\\-–—]{0,24}") {
            if let Some(caps) = DATELINE.captures(&line) {
                let whole = caps.get(0).expect("a match has a whole").as_str();
                let group = |name| caps.name(name).map(|m| m.as_str().trim());
                let (head, second, paren) = super::parts(whole);
                proptest::prop_assert_eq!(
                    (Some(head.trim()), second.map(str::trim), paren.map(str::trim)),
                    (group("head"), group("second"), group("paren"))
                );
            }
        }
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(parts("Wali Kota Palembang Ratu Dewa mengatakan - kemarin"), None);
        assert_eq!(parts("Sekretaris Daerah hadir."), None);
    }
}
