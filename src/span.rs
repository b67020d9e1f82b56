//! Byte spans into an article's text, and their conversion to the code point offsets that
//! the JSON record promises.

use serde::Serialize;

/// A half-open byte range `start..end` into an article's text.
///
/// Spans stay in bytes inside the library so that slicing is free; [`CharOffsets`] turns
/// them into Unicode code point offsets when a record is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// When the span is outside `text` or not on character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A span in Unicode code points, end exclusive, as written to JSON (`text[start:end]` in
/// Python gives the mention back).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CharSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Converts byte offsets of one text into code point offsets.
///
/// Indonesian news is mostly ASCII, so instead of a table over every byte this keeps only
/// the positions of multi-byte characters: memory grows with the non-ASCII characters, and a
/// lookup is a binary search among them.
#[derive(Debug, Clone, Default)]
pub struct CharOffsets {
    /// For each multi-byte character: the byte offset just past it, and how many bytes more
    /// than one character the text holds up to there.
    extra: Vec<(usize, usize)>,
    /// The text's length in bytes.
    len: usize,
}

/// The first byte at or after `from` (a character boundary) that begins a multi-byte
/// character. ASCII, most of the text, is passed eight bytes at a time: a byte-by-byte
/// search cost 1% of the whole run.
pub(crate) fn next_lead_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        if u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        at += 8;
    }
    // From a character boundary, the first byte with its high bit set leads a character.
    bytes[at..].iter().position(|&b| b >= 0xC0).map(|skip| at + skip)
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut extra = Vec::new();
        if !text.is_ascii() {
            // Bytes rather than chars: a lead byte tells the length of its character, and
            // the ASCII between is skipped without decoding.
            let bytes = text.as_bytes();
            let mut surplus = 0;
            let mut i = 0;
            while let Some(at) = next_lead_byte(bytes, i) {
                let n = match bytes[at] {
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                surplus += n - 1;
                extra.push((at + n, surplus));
                i = at + n;
            }
        }
        CharOffsets { extra, len: text.len() }
    }

    /// The code point offset of byte offset `byte`, which must lie on a character boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        let passed = self.extra.partition_point(|&(end, _)| end <= byte);
        match passed {
            0 => byte,
            n => byte - self.extra[n - 1].1,
        }
    }

    /// The byte offset of code point offset `char`, the inverse of [`Self::char_offset`];
    /// past the text's end it is the text's length (a view never panics on a bad offset).
    pub fn byte_offset(&self, char: usize) -> usize {
        let passed = self.extra.partition_point(|&(end, surplus)| end - surplus <= char);
        let byte = match passed {
            0 => char,
            n => char + self.extra[n - 1].1,
        };
        byte.min(self.len)
    }

    /// Converts a byte span.
    pub fn span(&self, span: Span) -> CharSpan {
        CharSpan {
            start: self.char_offset(span.start),
            end: self.char_offset(span.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_counting_chars() {
        let text = "“Ini” kata Dewa — Rp1,5 miliar… é";
        let offsets = CharOffsets::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                offsets.char_offset(byte),
                text[..byte].chars().count(),
                "at byte {byte}"
            );
        }
    }

    proptest::proptest! {
        /// Any mix of ASCII runs and characters of two, three and four bytes.
        #[test]
        fn char_offsets_count_chars(text in "([a-z ]{0,12}|é|—|𝔸|“)*") {
            let offsets = CharOffsets::new(&text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(offsets.char_offset(byte), text[..byte].chars().count());
            }
        }
    }

    #[test]
    fn ascii_text_is_identity() {
        let offsets = CharOffsets::new("Kec. Plaju");
        assert_eq!(offsets.span(Span::new(5, 10)), CharSpan { start: 5, end: 10 });
    }
}
