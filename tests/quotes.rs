//! Data-driven quote cases (tests/data/quote.toml), run through the whole pipeline as a
//! journalist would see them. WARTA_TEST=substring runs the cases whose name contains it.

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
    let filter = std::env::var("WARTA_TEST").unwrap_or_default();
    let pipeline = Pipeline::new(Options::default());
    let mut failures = Vec::new();
    for case in cases.test.iter().filter(|c| c.name.contains(&filter)) {
        let article = Article {
            id: case.name.clone(),
            body: case.text.clone(),
            ..Article::default()
        };
        let record = pipeline.process(&article);
        let chars: Vec<char> = case.text.chars().collect();
        let got: Vec<String> = record
            .quotes
            .iter()
            .map(|q| {
                assert_eq!(
                    chars[q.start..q.end].iter().collect::<String>(),
                    q.text,
                    "{}: offsets",
                    case.name
                );
                let speaker = match (&q.speaker, q.anonymous) {
                    (_, true) => "anon".to_string(),
                    (Some(s), false) => s.name.clone(),
                    (None, false) => "-".to_string(),
                };
                let kind = serde_json::to_value(q.kind).unwrap();
                format!("{} | {} | {}", kind.as_str().unwrap(), speaker, q.text)
            })
            .collect();
        if got != case.expected {
            failures.push(format!(
                "{}:\n  expected {:?}\n  got      {:?}",
                case.name, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} quote cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
