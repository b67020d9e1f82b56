//! Cleaning scraped text for analysis while keeping a map back to the text as given:
//! HTML tags and entities, CR line ends, Unicode spaces, zero-width characters, soft
//! hyphens and non-NFC sequences. Every span found in the cleaned text maps back to the
//! original, so offsets in records point into what the user gave.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::span::{self, Span};

/// The cleaned text and the map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub struct Cleaned<'a> {
    /// The text to analyze; borrowed when the original needed no cleaning.
    pub text: Cow<'a, str>,
    map: OffsetMap,
    markup: bool,
}

/// The changes cleaning made, each as the cleaned range and the original range it
/// replaced. Between two changes the texts run in step, so only the changes are stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// (clean start, clean end, original start, original end), in text order.
    changes: Vec<(usize, usize, usize, usize)>,
}

impl OffsetMap {
    /// True when cleaning changed nothing.
    pub fn is_identity(&self) -> bool {
        self.changes.is_empty()
    }

    /// The original offset where a span starting at cleaned offset `at` starts: after
    /// anything removed just before it, at the start of a replacement it falls in.
    pub fn start(&self, at: usize) -> usize {
        let n = self.changes.partition_point(|c| c.0 <= at);
        match n {
            0 => at,
            n => {
                let (_, clean_end, orig_start, orig_end) = self.changes[n - 1];
                if at < clean_end {
                    orig_start
                } else {
                    orig_end + (at - clean_end)
                }
            }
        }
    }

    /// The original offset where a span ending at cleaned offset `at` ends: before anything
    /// removed just after it, at the end of a replacement it falls in.
    pub fn end(&self, at: usize) -> usize {
        let n = self.changes.partition_point(|c| c.0 < at);
        match n {
            0 => at,
            n => {
                let (_, clean_end, _, orig_end) = self.changes[n - 1];
                if at <= clean_end {
                    orig_end
                } else {
                    orig_end + (at - clean_end)
                }
            }
        }
    }

    /// The cleaned offset of original offset `at` (inside a replaced piece: its start).
    pub fn clean_offset(&self, at: usize) -> usize {
        let n = self.changes.partition_point(|c| c.2 <= at);
        match n {
            0 => at,
            n => {
                let (clean_start, clean_end, _, orig_end) = self.changes[n - 1];
                if at < orig_end {
                    clean_start
                } else {
                    clean_end + (at - orig_end)
                }
            }
        }
    }

    /// Maps a span of the cleaned text to the original.
    pub fn span(&self, span: Span) -> Span {
        if self.is_identity() {
            return span;
        }
        let start = self.start(span.start);
        Span::new(start, self.end(span.end).max(start))
    }
}

impl Cleaned<'_> {
    /// The map back to the original text.
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// True when cleaning changed anything.
    pub fn changed(&self) -> bool {
        !self.map.is_identity()
    }

    /// True when HTML tags or entities were removed or decoded.
    pub fn had_markup(&self) -> bool {
        self.markup
    }
}

static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)<(/?)([a-z][a-z0-9]*)\b[^<>]{0,1000}>|<!--.{0,2000}?-->|&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});",
    )
    .expect("the markup pattern is valid")
});

/// Tags that end a paragraph: they become a line break.
const BLOCK_TAGS: [&str; 14] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
];

/// Cleans `text` for analysis.
pub fn clean(text: &str) -> Cleaned<'_> {
    if !needs_cleaning(text) {
        return Cleaned {
            text: Cow::Borrowed(text),
            map: OffsetMap::default(),
            markup: false,
        };
    }
    let mut out = Builder {
        text: String::with_capacity(text.len()),
        changes: Vec::new(),
    };
    let mut copied = 0;
    let mut markup = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i < copied {
            continue;
        }
        let replacement: Option<(usize, Cow<'static, str>)> = match c {
            '<' | '&' => markup_at(text, i).inspect(|_| markup = true),
            '\r' => {
                let len = if text[i + 1..].starts_with('\n') { 2 } else { 1 };
                Some((len, Cow::Borrowed("\n")))
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some((c.len_utf8(), Cow::Borrowed(" ")))
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
                Some((c.len_utf8(), Cow::Borrowed("")))
            }
            _ => None,
        };
        match replacement {
            Some((len, with)) => {
                out.copy(&text[copied..i]);
                out.replace(i, i + len, &with);
                copied = i + len;
            }
            None if !c.is_ascii() && canonical_combining_class(c) != 0 || is_composable_start(c, &mut chars) => {
                // A combining sequence: normalize it whole when it is not NFC.
                let start = out_start_of_cluster(text, i);
                let end = cluster_end(text, i);
                let piece = &text[start.max(copied)..end];
                if is_nfc_quick(piece.chars()) != IsNormalized::Yes {
                    let composed: String = piece.nfc().collect();
                    if composed != piece {
                        out.copy(&text[copied..start.max(copied)]);
                        out.replace(start.max(copied), end, &composed);
                        copied = end;
                    }
                }
            }
            None => {}
        }
    }
    out.copy(&text[copied..]);
    Cleaned {
        text: Cow::Owned(out.text),
        map: OffsetMap { changes: out.changes },
        markup,
    }
}

/// A starter followed by a combining mark begins a sequence NFC may compose.
fn is_composable_start(c: char, chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) -> bool {
    !c.is_ascii()
        && chars
            .peek()
            .is_some_and(|&(_, next)| canonical_combining_class(next) != 0)
        || c.is_ascii_alphabetic()
            && chars
                .peek()
                .is_some_and(|&(_, next)| !next.is_ascii() && canonical_combining_class(next) != 0)
}

/// The start of the combining cluster that the character at `i` belongs to: the starter
/// before its combining marks (or `i` itself when it is a starter).
fn out_start_of_cluster(text: &str, i: usize) -> usize {
    let at = text[i..].chars().next();
    if at.is_none_or(|c| canonical_combining_class(c) == 0) {
        return i;
    }
    for (j, c) in text[..i].char_indices().rev() {
        if canonical_combining_class(c) == 0 {
            return j;
        }
    }
    0
}

/// The end of the combining cluster that starts at or contains `i`.
fn cluster_end(text: &str, i: usize) -> usize {
    let first = text[i..].chars().next().map_or(0, char::len_utf8);
    let rest = &text[i + first..];
    let extra: usize = rest
        .chars()
        .take_while(|&c| canonical_combining_class(c) != 0)
        .map(char::len_utf8)
        .sum();
    i + first + extra
}

struct Builder {
    text: String,
    changes: Vec<(usize, usize, usize, usize)>,
}

impl Builder {
    fn copy(&mut self, piece: &str) {
        self.text.push_str(piece);
    }

    fn replace(&mut self, orig_start: usize, orig_end: usize, with: &str) {
        let clean_start = self.text.len();
        self.text.push_str(with);
        self.changes.push((clean_start, self.text.len(), orig_start, orig_end));
    }
}

/// Cheap test first: most articles need nothing, and then nothing is copied.
fn needs_cleaning(text: &str) -> bool {
    if memchr::memchr3(b'<', b'&', b'\r', text.as_bytes()).is_some() {
        return true;
    }
    if text.is_ascii() {
        return false;
    }
    // One pass: the quick check stops early only on a verdict other than Yes, and then the
    // text needs cleaning whatever else it holds.
    let mut special = false;
    let chars = non_ascii_chars(text).inspect(|&c| {
        special |= matches!(
            c,
            '\u{00A0}' | '\u{00AD}' | '\u{2000}'
                ..='\u{200D}' | '\u{202F}' | '\u{205F}' | '\u{2060}' | '\u{3000}' | '\u{FEFF}'
        );
    });
    // ASCII characters are starters the quick check passes: leaving them out can only turn
    // a Yes into a Maybe (a cleaning pass that changes nothing), never the other way.
    is_nfc_quick(chars) != IsNormalized::Yes || special
}

/// The characters of `text` outside ASCII, skipping ASCII bytes without decoding them.
fn non_ascii_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let at = span::next_lead_byte(bytes, i)?;
        let c = text[at..].chars().next()?;
        i = at + c.len_utf8();
        Some(c)
    })
}

/// A tag, comment or entity at byte `i`: its length and what replaces it.
fn markup_at(text: &str, i: usize) -> Option<(usize, Cow<'static, str>)> {
    let m = MARKUP.find_at(text, i).filter(|m| m.start() == i)?;
    let found = m.as_str();
    if let Some(entity) = found.strip_prefix('&').and_then(|s| s.strip_suffix(';')) {
        let c = decode_entity(entity)?;
        let with = if c == '\u{00A0}' {
            " ".to_string()
        } else {
            c.to_string()
        };
        return Some((found.len(), Cow::Owned(with)));
    }
    if found.starts_with("<!--") {
        return Some((found.len(), Cow::Borrowed("")));
    }
    let name: String = found
        .trim_start_matches(['<', '/'])
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let block = BLOCK_TAGS.iter().any(|t| name.eq_ignore_ascii_case(t));
    Some((found.len(), Cow::Borrowed(if block { "\n" } else { "" })))
}

fn decode_entity(entity: &str) -> Option<char> {
    if let Some(num) = entity.strip_prefix('#') {
        let value = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(value).filter(|c| *c != '\0');
    }
    Some(match entity {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(original: &str, cleaned: &str) {
        let c = clean(original);
        assert_eq!(c.text, cleaned, "cleaning {original:?}");
        // Every word of the cleaned text maps back to the same word in the original.
        let mut at = 0;
        for word in cleaned.split([' ', '\n']) {
            let start = cleaned[at..].find(word).map(|p| p + at).unwrap();
            at = start + word.len();
            if word.is_empty() {
                continue;
            }
            let span = c.map().span(Span::new(start, start + word.len()));
            assert_eq!(clean(span.slice(original)).text, word, "{original:?} word {word:?}");
        }
    }

    #[test]
    fn plain_text_is_borrowed() {
        let c = clean("Sekda hadir di Palembang.");
        assert!(matches!(c.text, Cow::Borrowed(_)));
        assert!(!c.changed());
    }

    #[test]
    fn markup_and_spaces_are_cleaned_with_offsets_kept() {
        round_trip(
            "<p>Wali&nbsp;Kota berkata &quot;siap&quot;</p>",
            "\nWali Kota berkata \"siap\"\n",
        );
        round_trip("Baris satu\r\nBaris dua\rtiga", "Baris satu\nBaris dua\ntiga");
        round_trip("in\u{00AD}formasi dan zero\u{200B}width", "informasi dan zerowidth");
        round_trip(
            "<a href=\"x\">Dinkes</a> &#8220;kutip&#8221; &amp; &#x41;",
            "Dinkes “kutip” & A",
        );
        round_trip("Cafe\u{0301} di Jl.\u{00A0}Merdeka", "Café di Jl. Merdeka");
    }

    #[test]
    fn unknown_entities_and_lone_brackets_stay() {
        assert_eq!(clean("a < b & c &foo; <3").text, "a < b & c &foo; <3");
    }
}
