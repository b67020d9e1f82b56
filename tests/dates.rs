//! Data-driven tests of the date and time extractor: every case of `tests/data/date.toml`
//! runs, every failure is reported at once, and every mention's span must give back its text.
//!
//! `DATE_TEST=word` runs only the cases whose name contains `word`.

mod common;

use serde::Deserialize;
use warta::calendar::{self, Date};
use warta::extract::Doc;
use warta::extract::date::{self, Dates};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    test: Vec<Case>,
}

/// One case. `expected` lists every date as `"text => value"` (`null` when it cannot be
/// resolved), in text order; `weekday` lists `"text => true|false"` for dates written with a
/// weekday; `times` lists `"text => HH:MM offset"` (`-` without a zone).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    reference: Option<String>,
    expected: Vec<String>,
    #[serde(default)]
    weekday: Vec<String>,
    times: Option<Vec<String>>,
}

fn run(text: &str, reference: Option<Date>) -> Dates {
    date::extract(&Doc::new(text, 0, None, reference))
}

fn check(case: &Case) -> Vec<String> {
    let mut errors = Vec::new();
    let reference = case
        .reference
        .as_deref()
        .map(|r| calendar::parse_published(r).expect("reference dates parse"));
    let found = run(&case.text, reference);
    for d in &found.dates {
        if case.text.get(d.span.start..d.span.end).is_none() {
            errors.push(format!("span {:?} is not on character boundaries", d.span));
            return errors;
        }
        assert!(d.source.starts_with("rule:date/"), "{}: source {}", case.name, d.source);
    }
    let got: Vec<String> = found
        .dates
        .iter()
        .map(|d| {
            format!(
                "{} => {}",
                &case.text[d.span.start..d.span.end],
                d.value.as_deref().unwrap_or("null")
            )
        })
        .collect();
    if got != case.expected {
        errors.push(format!(
            "dates\n      expected {:?}\n      got      {:?}",
            case.expected, got
        ));
    }
    let weekdays: Vec<String> = found
        .dates
        .iter()
        .filter_map(|d| {
            d.weekday_consistent
                .map(|ok| format!("{} => {ok}", &case.text[d.span.start..d.span.end]))
        })
        .collect();
    if !case.weekday.is_empty() && weekdays != case.weekday {
        errors.push(format!(
            "weekday\n      expected {:?}\n      got      {:?}",
            case.weekday, weekdays
        ));
    }
    if let Some(expected) = &case.times {
        let times: Vec<String> = found
            .times
            .iter()
            .map(|t| {
                let text = &case.text[t.span.start..t.span.end];
                format!("{text} => {} {}", t.value, t.utc_offset.as_deref().unwrap_or("-"))
            })
            .collect();
        if &times != expected {
            errors.push(format!("times\n      expected {expected:?}\n      got      {times:?}"));
        }
    }
    errors
}

#[test]
fn date_cases() {
    let file: File = toml::from_str(include_str!("data/date.toml")).expect("tests/data/date.toml parses");
    common::check_cases(&file.test, "DATE_TEST", |c| &c.name, check);
}

#[test]
fn case_names_are_unique() {
    let file: File = toml::from_str(include_str!("data/date.toml")).expect("tests/data/date.toml parses");
    let mut names = std::collections::HashSet::new();
    for case in &file.test {
        assert!(names.insert(case.name.as_str()), "duplicate case name {}", case.name);
    }
}

const WEEKDAY_NAMES: [&str; 7] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

/// Every day from 1999 to 2033 (so 2000, a leap century year, and seven other leap years),
/// written with its own weekday and with the next one, in both the written and the numeric form.
#[test]
fn weekday_checks_across_leap_years() {
    let months = [
        "",
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let mut date = Date::new(1999, 1, 1).unwrap();
    let mut failures = Vec::new();
    while date.year < 2034 {
        let right = WEEKDAY_NAMES[date.weekday() as usize - 1];
        let wrong = WEEKDAY_NAMES[date.weekday() as usize % 7];
        for (name, ok) in [(right, true), (wrong, false)] {
            let written = format!(
                "Acara itu digelar {name}, {} {} {}.",
                date.day, months[date.month as usize], date.year
            );
            let numeric = format!("Acara itu digelar {name} ({}/{}/{}).", date.day, date.month, date.year);
            for text in [written, numeric] {
                let found = run(&text, None);
                let got: Vec<_> = found
                    .dates
                    .iter()
                    .map(|d| (d.value.clone(), d.weekday_consistent))
                    .collect();
                if got != [(Some(date.to_string()), Some(ok))] {
                    failures.push(format!("{text}: {got:?}"));
                }
            }
        }
        date = date.add_days(1);
    }
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
}

#[test]
fn leap_days() {
    let one = |text: &str| {
        run(text, None)
            .dates
            .iter()
            .map(|d| (d.value.clone(), d.weekday_consistent))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        one("Pameran dibuka Kamis, 29 Februari 2024."),
        [(Some("2024-02-29".into()), Some(true))]
    );
    assert_eq!(
        one("Pameran dibuka Kamis (29/2/2024)."),
        [(Some("2024-02-29".into()), Some(true))]
    );
    assert_eq!(
        one("Pameran dibuka Sabtu, 29 Februari 2020."),
        [(Some("2020-02-29".into()), Some(true))]
    );
    assert_eq!(
        one("Pameran dibuka Selasa, 29 Februari 2000."),
        [(Some("2000-02-29".into()), Some(true))]
    );
    for text in [
        "Pameran dibuka 29 Februari 2023.",
        "Pameran dibuka Rabu (29/2/2023).",
        "Pameran dibuka 29/2/2023.",
        "Pameran dibuka 29 Februari 2100.",
    ] {
        assert_eq!(one(text), [], "{text}: not a date");
    }
    // Without a year, 29 February takes the nearest leap year in reach of the reference.
    let found = run("Pameran dibuka Kamis (29/2).", Date::new(2024, 3, 4));
    assert_eq!(found.dates[0].value.as_deref(), Some("2024-02-29"));
    assert_eq!(found.dates[0].weekday_consistent, Some(true));
}

#[test]
fn arbitrary_text_gives_valid_spans() {
    let texts = [
        "",
        "   ",
        "(((((",
        "Senin (",
        "Rabu (9/",
        "9/11/",
        "pukul",
        "pukul 99.99 WIB",
        "tanggal 99",
        "“kemarin",
        "Jum’at (32/13/2022) dan Jum’at",
        "🙂 Senin 🙂 (9/11/2022) 🙂 hari ini",
        "9 November 99999 dan 0/0/0000",
    ];
    for text in texts {
        for reference in [None, Date::new(2022, 11, 9)] {
            let found = run(text, reference);
            for d in &found.dates {
                assert!(
                    text.get(d.span.start..d.span.end).is_some_and(|s| !s.is_empty()),
                    "{text:?}: {:?}",
                    d.span
                );
            }
            for t in &found.times {
                assert!(
                    text.get(t.span.start..t.span.end).is_some_and(|s| !s.is_empty()),
                    "{text:?}: {:?}",
                    t.span
                );
            }
        }
    }
}
