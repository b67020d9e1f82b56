//! Venues: where things happen ("di Hotel Novotel", "Ruang Rapat Paripurna DPRD Provinsi
//! Jambi", "Grand Singgie Hotel"), found from head words in `data/venue/gedung.txt`.

use std::sync::LazyLock;

use crate::calendar;
use crate::extract::Doc;
use crate::lexicon::{self, FastMap, FastSet, PhraseOpenings, embedded};
use crate::span::Span;
use crate::token::{Token, TokenKind};

/// A venue and every place the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Venue {
    /// The longest form written.
    pub name: String,
    /// Where it is named, in text order.
    pub mentions: Vec<Span>,
    /// The rule that found it first.
    pub source: &'static str,
}

/// When a head word makes a venue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// Wherever it is capitalized.
    Strong,
    /// Only right after a locative ("di", "ke").
    AfterLocative,
}

/// Head words, each as its lowercase words.
/// A head's lowercase words and when it counts.
type Head = (Vec<String>, Strength);

/// Heads by their first word.
static HEADS: LazyLock<FastMap<String, Vec<Head>>> = LazyLock::new(|| {
    let mut heads: FastMap<String, Vec<Head>> = FastMap::default();
    for e in lexicon::entries(embedded::VENUE_HEADS) {
        let words = e.surface.split(' ').map(str::to_lowercase).collect::<Vec<_>>();
        let strength = if e.value == Some("di") {
            Strength::AfterLocative
        } else {
            Strength::Strong
        };
        heads.entry(words[0].clone()).or_default().push((words, strength));
    }
    // Longest heads first, so that "Balai Kota" wins over "Balai".
    for group in heads.values_mut() {
        group.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    heads
});

/// The openings of the head words: most capitalized words open none, and skip the lookup.
static HEAD_OPENINGS: LazyLock<PhraseOpenings> = LazyLock::new(|| {
    let firsts: Vec<&str> = HEADS.keys().map(String::as_str).collect();
    PhraseOpenings::new(&firsts)
});

/// Lowercase words allowed between a lowercase head and the capitalized name.
static QUALIFIERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    lexicon::entries(embedded::VENUE_QUALIFIERS)
        .map(|e| e.surface)
        .collect()
});

/// The longest head word, in bytes ("Auditorium", "Convention").
const MAX_HEAD_WORD: usize = 16;

/// Words that end a venue name: an address or a day begins after it.
const STOP_WORDS: [&str; 6] = ["jalan", "jl.", "jln.", "pukul", "pada", "sejak"];

/// The most name words a venue takes after its head.
const MAX_NAME_WORDS: usize = 8;

/// Finds the venues of `doc`.
pub fn extract(doc: &Doc<'_>) -> Vec<Venue> {
    let tokens = &doc.tokens;
    let mut found: Vec<(Span, &'static str)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Every rule starts at a capitalized word or after a locative: most tokens are
        // neither.
        let after_locative = i > 0 && is_locative(tokens[i - 1].text);
        if !(after_locative || tokens[i].is_capitalized()) {
            i += 1;
            continue;
        }
        match venue_at(doc.text, tokens, i, after_locative) {
            Some((span, source, next)) => {
                found.push((span, source));
                i = next;
            }
            None => i += 1,
        }
    }
    merge(doc.text, found)
}

/// A venue starting at token `i`, which is capitalized or `after_locative`: its span, the
/// rule, and the token after it.
fn venue_at(text: &str, tokens: &[Token<'_>], i: usize, after_locative: bool) -> Option<(Span, &'static str, usize)> {
    if let Some(found) = head_first(text, tokens, i, after_locative) {
        return Some(found);
    }
    // "Grand Singgie Hotel": a capitalized name ending in the head "Hotel", after "di".
    if after_locative && tokens[i].is_capitalized() {
        let mut j = i;
        while j < tokens.len() && j - i < 4 && is_name_word(&tokens[j]) {
            if j > i && tokens[j].text == "Hotel" {
                return Some((
                    Span::new(tokens[i].span.start, tokens[j].span.end),
                    "rule:venue/name_hotel",
                    j + 1,
                ));
            }
            j += 1;
        }
    }
    let _ = text;
    None
}

fn head_first(text: &str, tokens: &[Token<'_>], i: usize, after_locative: bool) -> Option<(Span, &'static str, usize)> {
    // Heads are short ASCII words: a word longer than any, or not ASCII, starts none. Every
    // head counts only capitalized or after a locative, which rules out most words before
    // the lookup.
    let word = tokens[i].text;
    if word.len() > MAX_HEAD_WORD || !word.is_ascii() || tokens[i].kind != TokenKind::Word {
        return None;
    }
    if !HEAD_OPENINGS.may_start_at(word, 0) {
        return None;
    }
    let capitalized = tokens[i].is_capitalized();
    let (head_len, strength) = lexicon::with_lowercase(word, |lower| {
        HEADS.get(lower)?.iter().find_map(|(words, strength)| {
            let matches = words.len() <= tokens.len() - i
                && words
                    .iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| t.text.eq_ignore_ascii_case(w));
            matches.then_some((words.len(), *strength))
        })
    })?;
    // A head inside a longer capitalized name is part of a title or an organization:
    // "Imam Besar Masjid Istiqlal", "Bundaran Hotel Indonesia", "Tata Ruang Kota".
    if i > 0 && tokens[i - 1].kind == TokenKind::Word && tokens[i - 1].is_capitalized() && !after_locative {
        return None;
    }
    let allowed = match strength {
        Strength::Strong => capitalized || after_locative,
        Strength::AfterLocative => capitalized && after_locative,
    };
    if !allowed {
        return None;
    }
    let mut j = i + head_len;
    // A lowercase head ("di ruang rapat DPRD ...") may take a few lowercase words before the
    // capitalized name; without a capitalized name it is a common noun ("di lapangan").
    if !capitalized {
        let mut k = j;
        while k < tokens.len() && k - j < 3 && QUALIFIERS.contains(tokens[k].text) {
            k += 1;
        }
        if k >= tokens.len() || !is_name_word(&tokens[k]) {
            return None;
        }
        j = k;
    }
    let name_start = j;
    while j < tokens.len() && j - name_start < MAX_NAME_WORDS {
        if is_name_word(&tokens[j]) {
            j += 1;
        } else if let Some(close) = bracketed_acronym(tokens, j) {
            j = close + 1;
        } else {
            break;
        }
    }
    if j == name_start {
        return None;
    }
    let source = if capitalized {
        "lexicon:venue/gedung"
    } else {
        "rule:venue/di_lowercase_head"
    };
    let _ = text;
    Some((Span::new(tokens[i].span.start, tokens[j - 1].span.end), source, j))
}

fn is_locative(word: &str) -> bool {
    matches!(word, "di" | "Di" | "ke" | "Ke")
}

/// A word that can be part of a venue's name: capitalized or a number, not a weekday,
/// month or address word.
fn is_name_word(token: &Token<'_>) -> bool {
    let name_like = match token.kind {
        TokenKind::Word => token.is_capitalized(),
        TokenKind::Number => token.text.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    };
    name_like
        && !STOP_WORDS.iter().any(|w| token.text.eq_ignore_ascii_case(w))
        && calendar::weekday_number(token.text).is_none()
        && calendar::month_number(token.text).is_none()
}

/// `( ACRONYM )` followed by a name word, as in "Kantor Pemerintah Kota (Pemkot) Palembang":
/// the index of the closing bracket.
fn bracketed_acronym(tokens: &[Token<'_>], open: usize) -> Option<usize> {
    let [o, inner, c, after] = tokens.get(open..open + 4)? else {
        return None;
    };
    (o.text == "(" && c.text == ")" && is_name_word(inner) && is_name_word(after)).then_some(open + 2)
}

/// Groups mentions of one venue: the same name, or a name that extends another ("Hotel
/// Novotel" and "Hotel Novotel Palembang").
fn merge(text: &str, found: Vec<(Span, &'static str)>) -> Vec<Venue> {
    let mut venues: Vec<Venue> = Vec::new();
    for (span, source) in found {
        let name = span.slice(text);
        let key = name.to_lowercase();
        let same = venues.iter_mut().find(|v| {
            let other = v.name.to_lowercase();
            other == key || starts_with_words(&other, &key) || starts_with_words(&key, &other)
        });
        match same {
            Some(venue) => {
                if name.len() > venue.name.len() {
                    venue.name = name.to_string();
                }
                venue.mentions.push(span);
            }
            None => venues.push(Venue {
                name: name.to_string(),
                mentions: vec![span],
                source,
            }),
        }
    }
    venues
}

fn starts_with_words(long: &str, short: &str) -> bool {
    long.strip_prefix(short).is_some_and(|rest| rest.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn venues(text: &str) -> Vec<String> {
        let doc = Doc::from_text(text);
        extract(&doc).into_iter().map(|v| v.name).collect()
    }

    #[test]
    fn every_head_is_found_by_the_lookup() {
        for key in HEADS.keys() {
            assert!(
                key.is_ascii() && key.len() <= MAX_HEAD_WORD,
                "head {key:?} would never be looked up"
            );
        }
    }

    #[test]
    fn venue_forms() {
        assert_eq!(
            venues("Acara digelar di Hotel Novotel, Rabu (9/11/2022)."),
            ["Hotel Novotel"]
        );
        assert_eq!(
            venues("Rapat di ruang rapat DPRD Provinsi Jambi, Rabu."),
            ["ruang rapat DPRD Provinsi Jambi"]
        );
        assert_eq!(
            venues("Pelantikan di Grand Singgie Hotel, Jalan Cokroaminoto."),
            ["Grand Singgie Hotel"]
        );
        assert_eq!(
            venues("Mereka bertemu di Kantor Pemerintah Kota (Pemkot) Palembang kemarin."),
            ["Kantor Pemerintah Kota (Pemkot) Palembang"]
        );
        assert_eq!(
            venues("Upacara di Lapangan Karebosi Makassar Senin pagi."),
            ["Lapangan Karebosi Makassar"]
        );
    }

    #[test]
    fn common_nouns_and_organizations_are_not_venues() {
        assert!(venues("Petugas di lapangan sejauh ini bekerja.").is_empty());
        assert!(venues("Kantor Pertanahan menerbitkan sertifikat.").is_empty());
        assert!(venues("Pengusaha hotel mengeluh.").is_empty());
        assert!(venues("Salat di masjid selama Ramadhan dibatasi.").is_empty());
        assert!(venues("Kata Imam Besar Masjid Istiqlal Nasaruddin Umar.").is_empty());
    }

    #[test]
    fn repeated_and_extended_names_are_one_venue() {
        let text = "Acara di Hotel Santika Palembang dibuka. Tamu tiba di Hotel Santika pukul 08.00.";
        assert_eq!(venues(text), ["Hotel Santika Palembang"]);
    }
}
