//! Data-driven cases for the people extractor: `tests/data/person.toml`.
//!
//! Every case runs, every failure is reported at once; `PERSON_TEST=substring` runs only
//! the cases whose name contains it. Every mention and title span must slice the text back
//! to what the record says is there.

mod common;

use serde::Deserialize;
use warta::input::Article;
use warta::pipeline::{Options, Pipeline};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    expected: Vec<String>,
    #[serde(default)]
    mentions: Vec<String>,
    #[serde(default)]
    partial: bool,
}

#[derive(Debug, Deserialize)]
struct File {
    test: Vec<Case>,
}

/// One expected person: "name | title | alias, alias".
struct Expected<'a> {
    name: &'a str,
    title: Option<&'a str>,
    aliases: Vec<&'a str>,
}

fn parse(s: &str) -> Expected<'_> {
    let mut parts = s.split('|').map(str::trim);
    let name = parts.next().unwrap_or_default();
    let title = parts.next().filter(|t| !t.is_empty());
    let aliases = parts
        .next()
        .map(|a| a.split(',').map(str::trim).filter(|a| !a.is_empty()).collect())
        .unwrap_or_default();
    Expected { name, title, aliases }
}

fn run(case: &Case, pipeline: &Pipeline) -> Vec<String> {
    let mut errors = Vec::new();
    let article = Article {
        id: case.name.clone(),
        body: case.text.clone(),
        ..Article::default()
    };
    let record = pipeline.process(&article);
    let text: Vec<char> = record.text.as_deref().unwrap_or_default().chars().collect();
    let slice = |start: usize, end: usize| -> Option<String> {
        (start <= end && end <= text.len()).then(|| text[start..end].iter().collect())
    };
    for p in &record.people {
        for m in &p.mentions {
            if slice(m.start, m.end).as_deref() != Some(m.text.as_str()) {
                errors.push(format!(
                    "mention {:?} of {:?} has a wrong span {}..{}",
                    m.text, p.name, m.start, m.end
                ));
            }
        }
        for t in &p.titles {
            if slice(t.start, t.end).as_deref() != Some(t.text.as_str()) {
                errors.push(format!(
                    "title {:?} of {:?} has a wrong span {}..{}",
                    t.text, p.name, t.start, t.end
                ));
            }
        }
    }
    let expected: Vec<Expected<'_>> = case.expected.iter().map(|s| parse(s)).collect();
    for e in &expected {
        let Some(p) = record.people.iter().find(|p| p.name == e.name) else {
            let found: Vec<&str> = record.people.iter().map(|p| p.name.as_str()).collect();
            errors.push(format!("missing {:?}; found {found:?}", e.name));
            continue;
        };
        if let Some(title) = e.title
            && !p.titles.iter().any(|t| t.text == title)
        {
            let found: Vec<&str> = p.titles.iter().map(|t| t.text.as_str()).collect();
            errors.push(format!("{:?}: missing title {title:?}; found {found:?}", e.name));
        }
        for alias in &e.aliases {
            if !p.aliases.iter().any(|a| a == alias) {
                errors.push(format!("{:?}: missing alias {alias:?}; found {:?}", e.name, p.aliases));
            }
        }
    }
    if !case.partial {
        for p in &record.people {
            if !expected.iter().any(|e| e.name == p.name) {
                errors.push(format!("unexpected person {:?} (source {})", p.name, p.source));
            }
        }
    }
    for m in &case.mentions {
        if !record.people.iter().any(|p| p.mentions.iter().any(|x| &x.text == m)) {
            errors.push(format!("missing mention {m:?}"));
        }
    }
    errors
}

#[test]
fn person_cases() {
    let file: File = toml::from_str(include_str!("data/person.toml")).expect("tests/data/person.toml parses");
    let pipeline = Pipeline::new(Options {
        text: true,
        ..Options::default()
    });
    common::check_cases(&file.test, "PERSON_TEST", |c| &c.name, |c| run(c, &pipeline));
}
