//! Language identification, so that an article in another language is flagged instead of
//! being read as Indonesian.

use std::sync::LazyLock;

use serde::Serialize;
use whatlang::{Detector, Lang};

use crate::lexicon::{self, WordTable};

/// The language an article is written in, as far as the text tells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-3 code ("ind"), or "und" when the text is too short to tell.
    pub code: String,
    /// The detector's confidence, 0 to 1.
    pub confidence: f64,
    /// False only when the text is reliably in another language.
    pub indonesian: bool,
}

/// How much of an article the detector reads: the opening paragraphs decide, and reading
/// more costs time without changing the answer.
const SAMPLE_BYTES: usize = 1024;

/// Below this confidence a verdict against Indonesian is not trusted (whatlang marks few
/// one-sentence verdicts reliable, yet a sentence of English scores well above this).
const MIN_CONFIDENCE: f64 = 0.5;

/// A verdict on fewer words than this is a guess.
const MIN_WORDS: usize = 8;

/// The languages news in Indonesia is written or quoted in, for the verdict; comparing a
/// text with a dozen trigram profiles instead of all of whatlang's is several times faster.
static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    Detector::with_allowlist(vec![
        Lang::Ind,
        Lang::Eng,
        Lang::Jav,
        Lang::Tgl,
        Lang::Nld,
        Lang::Deu,
        Lang::Fra,
        Lang::Spa,
        Lang::Por,
        Lang::Ita,
        Lang::Vie,
        Lang::Ara,
        Lang::Cmn,
        Lang::Jpn,
        Lang::Kor,
        Lang::Tha,
        Lang::Rus,
    ])
});

/// Asked of a hundred words of nearly every article: a [`WordTable`], whose lookup is
/// cheaper than a hash set's.
static FUNCTION_WORDS: LazyLock<WordTable<()>> =
    LazyLock::new(|| lexicon::entries(FUNCTION_WORDS_LIST).map(|e| (e.surface, ())).collect());
const FUNCTION_WORDS_LIST: &str = include_str!("../data/language/kata_fungsi.txt");

/// Share of Indonesian function words among the first words above which the text is
/// Indonesian without further test. Indonesian news runs at 15 to 25 percent; English,
/// Javanese or Malay text with the odd Indonesian word stays well under 10.
const FUNCTION_WORD_SHARE: f64 = 0.12;
/// Longer words are no function words; the quick test skips them unread.
const MAX_FUNCTION_WORD: usize = 8;
/// How many words the quick test reads.
const QUICK_WORDS: usize = 120;

/// True when the opening words are plainly Indonesian.
fn plainly_indonesian(text: &str) -> bool {
    let mut words = 0usize;
    let mut function = 0usize;
    for word in alphabetic_runs(text).take(QUICK_WORDS) {
        words += 1;
        if word.len() <= MAX_FUNCTION_WORD
            && word.is_ascii()
            && lexicon::with_lowercase(word, |w| FUNCTION_WORDS.contains(w))
        {
            function += 1;
            // Past this many the share holds whatever the remaining words are.
            if words >= 20 && function as f64 >= FUNCTION_WORD_SHARE * QUICK_WORDS as f64 {
                return true;
            }
        }
    }
    words >= 20 && function as f64 >= FUNCTION_WORD_SHARE * words as f64
}

/// The runs of alphabetic characters of `text`, as `text.split(|c| !c.is_alphabetic())`
/// gives them without the empty ones; ASCII bytes are tested without decoding.
fn alphabetic_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // ASCII is passed by runs (a tight loop), other characters decoded one by one.
    std::iter::from_fn(move || {
        loop {
            at += bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii() && !b.is_ascii_alphabetic())
                .count();
            let &b = bytes.get(at)?;
            if b.is_ascii() {
                break;
            }
            let c = text[at..].chars().next().expect("at a character boundary");
            if c.is_alphabetic() {
                break;
            }
            at += c.len_utf8();
        }
        let start = at;
        loop {
            at += bytes[at..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
            match bytes.get(at) {
                Some(b) if !b.is_ascii() => {
                    let c = text[at..].chars().next().expect("at a character boundary");
                    if !c.is_alphabetic() {
                        break;
                    }
                    at += c.len_utf8();
                }
                _ => break,
            }
        }
        Some(&text[start..at])
    })
}

/// Detects the language of `text`.
pub fn detect(text: &str) -> Language {
    // The trigram detector is a fifth of the pipeline's time; most news needs no trigrams
    // to tell.
    if plainly_indonesian(text) {
        return Language {
            code: "ind".into(),
            confidence: 1.0,
            indonesian: true,
        };
    }
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    match DETECTOR.detect(sample) {
        Some(info) => {
            let code = info.lang().code().to_string();
            // Short texts are often misread; only a confident verdict for another language
            // counts against the article.
            // Javanese and Tagalog share much of Indonesian's spelling: short Indonesian
            // texts score as them, so only a reliable verdict counts for those.
            let neighbour = matches!(info.lang(), Lang::Jav | Lang::Tgl);
            let words = sample.split_whitespace().count();
            let confident = info.confidence() >= MIN_CONFIDENCE && words >= MIN_WORDS && !neighbour;
            let other = info.lang() != Lang::Ind && (info.is_reliable() || confident);
            Language {
                code,
                confidence: round(info.confidence()),
                indonesian: !other,
            }
        }
        None => Language {
            code: "und".into(),
            confidence: 0.0,
            indonesian: true,
        },
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn alphabetic_runs_split_as_str_split_does_on_any_text(text in "([a-zA-Z0-9 ,.-]{0,6}|é|Ö|—|“|ç|9)*") {
            let expected: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(alphabetic_runs(&text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn alphabetic_runs_split_as_str_split_does() {
        for text in [
            "",
            "  ",
            "Kata-kata itu, kata Dewa (58).",
            "Ölüm ünü 9/11 çağ—é",
            "ab12cd",
            "“Ya”",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(alphabetic_runs(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn every_function_word_is_read() {
        for w in lexicon::entries(FUNCTION_WORDS_LIST).map(|e| e.surface) {
            assert!(
                w.len() <= MAX_FUNCTION_WORD,
                "{w:?} is longer than the quick test reads"
            );
        }
    }

    #[test]
    fn indonesian_and_english() {
        let id = detect(
            "Sekretaris Daerah Kota Palembang menyerahkan piala kepada perwakilan pemenang di Hotel Novotel pada hari Rabu.",
        );
        assert_eq!(id.code, "ind");
        assert!(id.indonesian);
        let en = detect(
            "The regional secretary of Palembang handed the trophy to the winners at a hotel on Wednesday, officials said.",
        );
        assert!(!en.indonesian, "{en:?}");
    }
}
