//! Data-driven organization cases from `tests/data/org.toml` (issue 3). Every case runs,
//! every failure is reported at once; `ORG_TEST=part` runs the cases whose name contains
//! `part`. Each mention's span must slice its text out of the article.

mod common;

use serde::Deserialize;
use warta::extract::Doc;
use warta::extract::org::{self, Organizations};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    test: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    expected: Vec<String>,
    #[serde(default)]
    acronyms: Option<Vec<String>>,
    #[serde(default)]
    headline: bool,
}

fn run(text: &str, headline: bool) -> Organizations {
    let body_start = if headline {
        text.find("\n\n").map_or(0, |i| i + 2)
    } else {
        0
    };
    let doc = Doc::new(text, body_start, None, None);
    org::extract(&doc)
}

fn render(found: &Organizations) -> Vec<String> {
    found
        .organizations
        .iter()
        .map(|o| match &o.acronym {
            Some(a) => format!("{} | {a}", o.name),
            None => o.name.clone(),
        })
        .collect()
}

#[test]
fn organization_cases() {
    let cases: Cases = toml::from_str(include_str!("data/org.toml")).expect("tests/data/org.toml parses");
    common::check_cases(&cases.test, "ORG_TEST", |c| &c.name, check);
}

/// The failures of one case, empty when it passes.
fn check(case: &Case) -> Vec<String> {
    let mut failures = Vec::new();
    let found = run(&case.text, case.headline);
    let got = render(&found);
    if got != case.expected {
        failures.push(format!("\n    expected {:?}\n    got      {:?}", case.expected, got));
    }
    if let Some(expected) = &case.acronyms {
        let got: Vec<String> = found
            .acronyms
            .iter()
            .map(|a| format!("{} = {}", a.short, a.long))
            .collect();
        if &got != expected {
            failures.push(format!("(acronyms)\n    expected {expected:?}\n    got      {got:?}"));
        }
    }
    for o in &found.organizations {
        for m in &o.mentions {
            let ok = case
                .text
                .get(m.start..m.end)
                .is_some_and(|s| !s.is_empty() && !s.starts_with(' '));
            if !ok {
                failures.push(format!("bad span {:?} for {:?}", m, o.name));
            }
        }
        let first = o.mentions.first().map(|m| &case.text[m.start..m.end]);
        if !o.mentions.iter().any(|m| case.text[m.start..m.end] == o.name) {
            failures.push(format!("name {:?} is no mention (first {first:?})", o.name));
        }
    }
    for a in &found.acronyms {
        let span = &case.text[a.span.start..a.span.end];
        if !span.contains(&a.short) || !span.contains(&a.long) {
            failures.push(format!("acronym span {span:?} lacks {:?}/{:?}", a.short, a.long));
        }
    }
    failures
}

#[test]
fn every_case_family_is_covered() {
    let cases: Cases = toml::from_str(include_str!("data/org.toml")).expect("tests/data/org.toml parses");
    assert!(cases.test.len() >= 30);
    let mut names = std::collections::HashSet::new();
    for case in &cases.test {
        assert!(names.insert(case.name.as_str()), "duplicate case name {}", case.name);
    }
}

#[test]
fn arbitrary_text_does_not_panic() {
    for text in [
        "",
        "(",
        "()",
        "Dinas",
        "Dinas (",
        "Pemerintah Kota (",
        "SMP 3",
        "Kodim 0101/",
        "PT",
        "KPK (",
        "( KPK",
        "Kementerian dan",
        "Badan Ω (ΩΩ) Kota 🙂",
        "A (B) C (D)",
    ] {
        let found = run(text, false);
        for o in &found.organizations {
            for m in &o.mentions {
                assert!(text.get(m.start..m.end).is_some(), "bad span in {text:?}");
            }
        }
    }
}
