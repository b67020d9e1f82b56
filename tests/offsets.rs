//! Every offset in a record slices the text back to what the record says is there.

use proptest::prelude::*;
use warta::input::Article;
use warta::pipeline::{Options, Pipeline};

fn check(title: Option<String>, body: String) -> Result<(), TestCaseError> {
    let article = Article {
        id: "p".into(),
        title,
        body,
        ..Article::default()
    };
    let record = Pipeline::new(Options {
        tokens: true,
        text: true,
        ..Options::default()
    })
    .process(&article);
    let text: Vec<char> = record.text.as_deref().unwrap().chars().collect();
    let slice = |start: usize, end: usize| -> Result<String, TestCaseError> {
        prop_assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} outside {} chars",
            text.len()
        );
        Ok(text[start..end].iter().collect())
    };
    prop_assert_eq!(record.stats.chars, text.len());
    for token in record.tokens.as_ref().unwrap() {
        prop_assert_eq!(slice(token.start, token.end)?, token.text.clone());
    }
    let mut previous_end = 0;
    for sentence in &record.sentences {
        prop_assert!(sentence.start >= previous_end && sentence.start < sentence.end);
        slice(sentence.start, sentence.end)?;
        previous_end = sentence.end;
    }
    for date in &record.dates {
        prop_assert_eq!(slice(date.start, date.end)?, date.text.clone());
    }
    for time in &record.times {
        prop_assert_eq!(slice(time.start, time.end)?, time.text.clone());
    }
    for org in &record.organizations {
        for m in &org.mentions {
            prop_assert_eq!(slice(m.start, m.end)?, m.text.clone());
        }
    }
    for person in &record.people {
        for m in &person.mentions {
            prop_assert_eq!(slice(m.start, m.end)?, m.text.clone());
        }
        for t in &person.titles {
            prop_assert_eq!(slice(t.start, t.end)?, t.text.clone());
        }
    }
    for a in &record.acronyms {
        slice(a.start, a.end)?;
    }
    for venue in &record.venues {
        for m in &venue.mentions {
            prop_assert_eq!(slice(m.start, m.end)?, m.text.clone());
        }
    }
    if let Some(d) = &record.dateline {
        slice(d.start, d.end)?;
    }
    Ok(())
}

/// Text made of the pieces news text is made of, so that the rules actually fire.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "PALEMBANG – ",
        "Rabu (9/11/2022)",
        " kata",
        " Dewa",
        "“",
        "”",
        "\"",
        "'",
        ".",
        ",",
        " ",
        "\n",
        "\n\n",
        "Jl.",
        " No. 5",
        "Rp1,5 miliar",
        "S.Pd.",
        " A. ",
        "-nya",
        "rumahnya",
        "apakah",
        "kemarin",
        "pukul 10.00 WIB",
        "é",
        "🙂",
        "\u{00a0}",
        "\r\n",
        "…",
        "...",
        "Sekda",
        "9 Nop 2022",
        "(ANTARA) -",
        "13.30",
        "kupu-kupu",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn offsets_slice_back_on_news_like_text(title in prop::option::of("[A-Za-z “”]{0,20}"), body in newsy()) {
        check(title, body)?;
    }

    #[test]
    fn offsets_slice_back_on_any_text(title in prop::option::of(any::<String>()), body in any::<String>()) {
        check(title, body)?;
    }
}
