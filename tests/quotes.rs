//! Data-driven quote cases (tests/data/quote.toml), run through the whole pipeline as a
//! journalist would see them. QUOTE_TEST=substring runs the cases whose name contains it.

mod common;

use serde::Deserialize;
use warta::input::Article;
use warta::pipeline::{Options, Pipeline};

#[derive(Deserialize)]
struct Cases {
    test: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    expected: Vec<String>,
}

#[test]
fn quote_cases() {
    let cases: Cases = toml::from_str(include_str!("data/quote.toml")).expect("quote.toml parses");
    let pipeline = Pipeline::new(Options::default());
    common::check_cases(
        &cases.test,
        "QUOTE_TEST",
        |c| &c.name,
        |case| {
            let article = Article {
                id: case.name.clone(),
                body: case.text.clone(),
                ..Article::default()
            };
            let record = pipeline.process(&article);
            let chars: Vec<char> = case.text.chars().collect();
            let mut failures = Vec::new();
            let got: Vec<String> = record
                .quotes
                .iter()
                .map(|q| {
                    let at: String = chars[q.start..q.end].iter().collect();
                    if at != q.text {
                        failures.push(format!(
                            "offsets {}..{} give {at:?}, the quote says {:?}",
                            q.start, q.end, q.text
                        ));
                    }
                    let speaker = match (&q.speaker, q.anonymous) {
                        (_, true) => "anon".to_string(),
                        (Some(s), false) => s.name.clone(),
                        (None, false) => "-".to_string(),
                    };
                    let kind = serde_json::to_value(q.kind).expect("kinds serialize");
                    format!("{} | {} | {}", kind.as_str().unwrap_or_default(), speaker, q.text)
                })
                .collect();
            if got != case.expected {
                failures.push(format!("\n  expected {:?}\n  got      {:?}", case.expected, got));
            }
            failures
        },
    );
}
