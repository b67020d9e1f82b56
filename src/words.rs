//! The words of an article, read once: people, organizations and places work word by
//! word, and each once read the text into a list of its own.

use crate::lexicon;
use crate::span::Span;

/// Flags of [`Word::flags`] past the people lexicons' own (which keep the low 24 bits): a
/// phrase of another extractor's lexicon may begin with the word, whatever its case. A
/// word without the flag needs no lookup in that lexicon.
pub mod gate {
    /// The first word of an organization lexicon phrase.
    pub const ORGANIZATION: u32 = 1 << 24;
    /// The first word of a place lexicon phrase.
    pub const PLACE: u32 = 1 << 25;
}

/// One word or punctuation character of the text.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Its first byte.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// A word (letters, digits, inner apostrophes and hyphens), else one punctuation
    /// character.
    pub word: bool,
    /// Whitespace stands right before it.
    pub space_before: bool,
    /// That whitespace holds a line break.
    pub line_break_before: bool,
    /// The first word of a sentence or a line, or the first after an opening quote,
    /// bracket or dash.
    pub initial: bool,
    /// Before the body (the headline).
    pub in_title: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Every letter uppercase (an acronym or an initial).
    pub upper: bool,
    /// Only ASCII letters and digits: one word start and no inner joint.
    pub plain: bool,
    /// What the word lexicons say of a word's lowercase form (see [`Words::new`]); 0 for
    /// punctuation and for words that begin with a digit.
    pub flags: u32,
    /// Where its lowercase form stands in [`Words::lowercase_forms`], or `None` when the
    /// word is its own lowercase form (most words: they are not copied).
    pub(crate) lower: Option<(u32, u32)>,
}

impl Word {
    /// Whether a phrase of the lexicon behind `gate` may begin with this word of `text`.
    /// The gate tells only for a word that is one run of ASCII letters and digits (the key
    /// phrases are filed by) and was looked up (it begins with a letter); any other may.
    pub fn may_begin(&self, text: &str, gate: u32) -> bool {
        !self.plain || self.flags & gate != 0 || text.as_bytes()[self.start].is_ascii_digit()
    }
}

/// The words and punctuation of a text, in order, with their lowercase forms.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    items: Vec<Word>,
    lower: String,
    marks: bool,
}

impl<'a> Words<'a> {
    /// Reads `text` into words and punctuation; words before byte `body_from` are the
    /// headline's, and `sentences` (in order) mark where sentences begin. `flags_of` gives
    /// each word's flags from its lowercase form: looked up here, where the form is at
    /// hand, it costs no second pass over the words.
    pub fn new(text: &'a str, body_from: usize, sentences: &[Span], flags_of: impl Fn(&str) -> u32) -> Self {
        let mut items = Vec::with_capacity(text.len() / 5);
        let mut lower = String::with_capacity(text.len());
        let bytes = text.as_bytes();
        let mut space_before = true;
        // A line break among the spaces since the last item: the next word starts a line.
        let mut line_break = false;
        // Sentence starts, and the word after an opening quote or a line start, decided as
        // the items come: the next word is initial.
        let mut sentence = sentences.iter().peekable();
        let mut at_start = true;
        let mut at = 0;
        let mut marks = false;
        while at < text.len() {
            let start = at;
            let first = bytes[at];
            // ASCII bytes are classified without decoding; other characters are decoded.
            let word = if first.is_ascii() {
                at += 1;
                // What `char::is_whitespace` holds in ASCII.
                if matches!(first, b'\t'..=b'\r' | b' ') {
                    space_before = true;
                    line_break |= first == b'\n';
                    continue;
                }
                lexicon::ASCII_ALPHANUMERIC[usize::from(first)]
            } else {
                let c = text[at..].chars().next().expect("at a character boundary");
                at += c.len_utf8();
                if c.is_whitespace() {
                    space_before = true;
                    continue;
                }
                lexicon::is_alphanumeric(c)
            };
            // The case of the item's letters, read in the same pass while it is ASCII (most
            // words): no second and third pass over its bytes.
            let mut ascii = first.is_ascii();
            let mut seen = lexicon::ASCII_CLASS[usize::from(first)];
            let mut joined = false;
            if word {
                loop {
                    // The run of ASCII letters and digits, most of every word: one table load
                    // a byte gives its case as well.
                    let run = bytes[at..]
                        .iter()
                        .take_while(|&&b| {
                            let class = lexicon::ASCII_CLASS[usize::from(b)];
                            seen |= class;
                            class & (lexicon::ascii_class::DIGIT | lexicon::ascii_class::LETTER) != 0
                        })
                        .count();
                    at += run;
                    let Some(&b) = bytes.get(at) else {
                        break;
                    };
                    let d = if b.is_ascii() {
                        char::from(b)
                    } else {
                        text[at..].chars().next().expect("at a character boundary")
                    };
                    if lexicon::is_alphanumeric(d) {
                        at += d.len_utf8();
                    } else if is_mark(d) {
                        // Kept inside the word, where `char::is_alphanumeric` would end it.
                        marks = true;
                        at += d.len_utf8();
                    } else if matches!(d, '-' | '\'' | '’' | '‐')
                        && text[at + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(lexicon::is_alphanumeric)
                    {
                        // Inner only: a letter must follow.
                        joined = true;
                        at += d.len_utf8();
                    } else {
                        break;
                    }
                    ascii &= d.is_ascii();
                }
            }
            let end = at;
            let s = &text[start..end];
            let lo = lower.len() as u32;
            let mut cap = false;
            let mut upper = word;
            let upper_seen = seen & lexicon::ascii_class::UPPER != 0;
            let lower_seen = seen & lexicon::ascii_class::LOWER != 0;
            let own_lowercase = ascii && !upper_seen;
            if own_lowercase {
                upper = false;
            } else if ascii {
                cap = first.is_ascii_uppercase();
                // A capital was seen, so there are letters: all of them capitals or not.
                upper &= !lower_seen;
                lower.push_str(s);
                lower[lo as usize..].make_ascii_lowercase();
            } else {
                let mut letters = 0;
                for (n, ch) in s.chars().enumerate() {
                    if n == 0 {
                        cap = ch.is_uppercase();
                    }
                    if ch.is_alphabetic() {
                        letters += 1;
                        if ch.is_lowercase() {
                            upper = false;
                        }
                    }
                    lower.extend(ch.to_lowercase());
                }
                if letters == 0 {
                    upper = false;
                }
            }
            let hi = lower.len() as u32;
            // Words with a digit first (numbers, "2A") are in no lexicon: not looked up.
            let flags = if word && !first.is_ascii_digit() {
                flags_of(if own_lowercase {
                    s
                } else {
                    &lower[lo as usize..hi as usize]
                })
            } else {
                0
            };
            while let Some(sentence_span) = sentence.peek() {
                if sentence_span.start <= start {
                    at_start = true;
                    sentence.next();
                } else {
                    break;
                }
            }
            if line_break && !items.is_empty() {
                at_start = true;
            }
            let initial = word && at_start;
            if word {
                at_start = false;
            } else if matches!(s, "“" | "\"" | "‘" | "(" | "–" | "—") {
                at_start = true;
            }
            items.push(Word {
                start,
                end,
                word,
                space_before,
                line_break_before: line_break,
                initial,
                in_title: start < body_from,
                cap,
                upper,
                plain: word && ascii && !joined,
                flags,
                lower: (!own_lowercase).then_some((lo, hi)),
            });
            space_before = false;
            line_break = false;
        }
        Words {
            text,
            items,
            lower,
            marks,
        }
    }

    /// The words and punctuation, in text order.
    #[inline]
    pub fn items(&self) -> &[Word] {
        &self.items
    }

    /// The text of item `i`.
    #[inline]
    pub fn text(&self, i: usize) -> &'a str {
        &self.text[self.items[i].start..self.items[i].end]
    }

    /// The lowercase form of item `i`.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        match self.items[i].lower {
            Some((a, b)) => &self.lower[a as usize..b as usize],
            None => self.text(i),
        }
    }

    /// The lowercase forms of the words that are not their own, one after another: what
    /// [`Word::lower`] points into, for code that reads items in place.
    #[inline]
    pub(crate) fn lowercase_forms(&self) -> &str {
        &self.lower
    }

    /// Some word holds a combining mark (U+0300 to U+036F), which a word here keeps and
    /// `char::is_alphanumeric` does not.
    pub fn has_marks(&self) -> bool {
        self.marks
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each item's text, lowercase form and the flags asked of it, as letters: w(ord),
    /// s(pace before), n(ewline before), i(nitial), t(itle), c(apitalized), u(ppercase),
    /// p(lain).
    fn items(text: &str, body_from: usize) -> Vec<(String, String, String)> {
        let sentences = crate::sentence::split(text, &crate::token::tokenize(text), &[]);
        let words = Words::new(text, body_from, &sentences, |_| 0);
        (0..words.items().len())
            .map(|i| {
                let w = &words.items()[i];
                let marks = [
                    (w.word, 'w'),
                    (w.space_before, 's'),
                    (w.line_break_before, 'n'),
                    (w.initial, 'i'),
                    (w.in_title, 't'),
                    (w.cap, 'c'),
                    (w.upper, 'u'),
                    (w.plain, 'p'),
                ];
                let flags = marks.iter().filter(|(on, _)| *on).map(|(_, c)| *c).collect();
                (words.text(i).to_string(), words.low(i).to_string(), flags)
            })
            .collect()
    }

    #[test]
    fn words_punctuation_and_their_marks() {
        let text = "Kab. OKU\n“Dana-dana itu,” kata Jum’at PUPR.";
        let cases: &[(&str, &str, &str)] = &[
            ("Kab", "kab", "wsitcp"),
            (".", ".", "t"),
            ("OKU", "oku", "wstcup"),
            ("“", "“", "sn"),
            ("Dana-dana", "dana-dana", "wic"),
            ("itu", "itu", "wsp"),
            (",", ",", ""),
            ("”", "”", ""),
            ("kata", "kata", "wsp"),
            ("Jum’at", "jum’at", "wsc"),
            ("PUPR", "pupr", "wscup"),
            (".", ".", ""),
        ];
        let got = items(text, 8);
        assert_eq!(got.len(), cases.len(), "{got:?}");
        for (g, (word, low, flags)) in got.iter().zip(cases) {
            assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str()), (*word, *low, *flags));
        }
    }

    #[test]
    fn combining_marks_stay_inside_words_and_are_reported() {
        let text = "Cafe\u{301} baru";
        let sentences = [Span::new(0, text.len())];
        let words = Words::new(text, 0, &sentences, |_| 0);
        assert!(words.has_marks());
        assert_eq!(words.text(0), "Cafe\u{301}");
        assert!(!words.items()[0].plain);
        assert!(!Words::new("Cafe baru", 0, &sentences[..0], |_| 0).has_marks());
    }

    #[test]
    fn flags_come_from_the_lowercase_form() {
        let flags_of = |lower: &str| u32::from(lower == "dinas");
        let words = Words::new("DINAS dinas Dinasti", 0, &[], flags_of);
        let flags: Vec<u32> = words.items().iter().map(|w| w.flags).collect();
        assert_eq!(flags, [1, 1, 0]);
        // Words with a digit first are not looked up.
        let words = Words::new("2A A2", 0, &[], |_| 1);
        let flags: Vec<u32> = words.items().iter().map(|w| w.flags).collect();
        assert_eq!(flags, [0, 1]);
    }
}
