//! Data-driven place cases from `tests/data/place.toml` (issue 4), some resolved against the
//! tiny hand-written gazetteer in `tests/data/place_gazetteer/`. Every case runs, every
//! failure is reported at once; `PLACE_TEST=part` runs the cases whose name contains
//! `part`. Each mention's span must slice its text out of the article, and each code must
//! name, in the gazetteer, a region of the place's name and level.

mod common;

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;
use warta::dateline;
use warta::extract::place::{self, Place};
use warta::extract::{Doc, org, person};
use warta::gazetteer::{self, Gazetteer, Level};
use warta::input::Article;
use warta::pipeline::{Options, Pipeline};
use warta::span::Span;

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
    headline: bool,
    #[serde(default)]
    gazetteer: bool,
    #[serde(default)]
    mentions: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    province: Option<String>,
}

fn gazetteer_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/place_gazetteer")
}

static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::load(gazetteer_dir()).expect("the test gazetteer loads"));

/// Runs the extractors the place extractor follows, as the pipeline does.
fn run(text: &str, headline: bool, gazetteer: Option<&Gazetteer>) -> Vec<Place> {
    let body_start = if headline {
        text.find("\n\n").map_or(0, |i| i + 2)
    } else {
        0
    };
    let line = dateline::parse(&text[body_start..]).map(|mut d| {
        d.span = Span::new(d.span.start + body_start, d.span.end + body_start);
        d
    });
    let doc = Doc::new(text, body_start, line, None);
    let organizations = org::extract(&doc);
    let people = person::extract(&doc, &organizations);
    place::extract(&doc, &people, gazetteer)
}

fn render(p: &Place) -> String {
    let level = p.level.map_or("-", Level::as_str);
    match &p.code {
        Some(code) => format!("{level}: {} = {code}", p.name),
        None => format!("{level}: {}", p.name),
    }
}

/// The name without the word of its level: what the gazetteer lists.
fn bare_name(p: &Place) -> &str {
    p.level
        .and_then(Level::prefix)
        .and_then(|prefix| p.name.strip_prefix(prefix))
        .map_or(p.name.as_str(), str::trim_start)
}

fn check(case: &Case) -> Vec<String> {
    let mut errors = Vec::new();
    let g = case.gazetteer.then(|| &*GAZETTEER);
    let found = run(&case.text, case.headline, g);
    let got: Vec<String> = found.iter().map(render).collect();
    if got != case.expected {
        errors.push(format!("\n    expected {:?}\n    got      {got:?}", case.expected));
    }
    let by_name = |name: &str| found.iter().find(|p| p.name == name);
    for want in &case.mentions {
        let (name, texts) = want.split_once(": ").expect("mentions are \"name: text | text\"");
        let want: Vec<&str> = texts.split(" | ").collect();
        match by_name(name) {
            Some(p) => {
                let got: Vec<&str> = p.mentions.iter().map(|m| &case.text[m.start..m.end]).collect();
                if got != want {
                    errors.push(format!("mentions of {name:?}: expected {want:?}, got {got:?}"));
                }
            }
            None => errors.push(format!("no place {name:?} to check mentions of")),
        }
    }
    for want in &case.sources {
        let (name, source) = want.split_once(": ").expect("sources are \"name: source\"");
        match by_name(name) {
            Some(p) if p.source == source => {}
            Some(p) => errors.push(format!("source of {name:?}: expected {source:?}, got {:?}", p.source)),
            None => errors.push(format!("no place {name:?} to check the source of")),
        }
    }
    for p in &found {
        for m in &p.mentions {
            let ok = case
                .text
                .get(m.start..m.end)
                .is_some_and(|s| !s.is_empty() && s.trim() == s);
            if !ok {
                errors.push(format!("bad span {m:?} for {:?}", p.name));
            }
        }
        if p.mentions.is_empty() {
            errors.push(format!("{:?} has no mention", p.name));
        }
        if let Some(code) = &p.code {
            match GAZETTEER.get(code) {
                Some(r) => {
                    if Some(r.level) != p.level {
                        errors.push(format!(
                            "{:?}: level {:?}, but {code} is {:?}",
                            p.name, p.level, r.level
                        ));
                    }
                    let listed = r.key();
                    let named = gazetteer::name_key(bare_name(p));
                    if listed != named && r.level != Level::Provinsi {
                        errors.push(format!("{:?}: code {code} names {:?}", p.name, r.name));
                    }
                }
                None => errors.push(format!("{:?}: code {code} is in no gazetteer", p.name)),
            }
            if let Some(province) = &case.province
                && gazetteer::province_of(code) != province
            {
                errors.push(format!(
                    "{:?}: code {code} is from another province than {province}",
                    p.name
                ));
            }
        }
        if !case.gazetteer && p.code.is_some() {
            errors.push(format!("{:?}: a code without a gazetteer", p.name));
        }
    }
    errors
}

#[test]
fn place_cases() {
    let cases: Cases = toml::from_str(include_str!("data/place.toml")).expect("tests/data/place.toml parses");
    common::check_cases(&cases.test, "PLACE_TEST", |c| &c.name, check);
}

#[test]
fn gazetteer_loads_region_files_only() {
    // catatan.csv is no region file; a quoted name keeps its comma.
    assert_eq!(GAZETTEER.len(), 31);
    assert_eq!(
        GAZETTEER.get("16.71.14.1009").map(|r| &*r.name),
        Some("Plaju Darat I, II")
    );
    assert_eq!(GAZETTEER.find("Pagar Alam").len(), 0);
    assert_eq!(GAZETTEER.find("Kota Bogor").len(), 1);
    assert_eq!(GAZETTEER.find("Bogor").len(), 2);
    let genteng: Vec<&str> = GAZETTEER.find("Genteng").iter().map(|r| &*r.code).collect();
    assert_eq!(genteng, ["35.10.13", "35.78.07"]);
}

#[test]
fn gazetteer_errors_name_the_folder() {
    let missing = gazetteer_dir().join("nowhere");
    let err = Gazetteer::load(&missing).expect_err("a missing folder is an error");
    assert!(err.message().contains("nowhere"), "{err}");
    let empty = tempfile::tempdir().expect("a temporary folder");
    let err = Gazetteer::load(empty.path()).expect_err("a folder without region files is an error");
    assert!(err.message().contains("no region CSV"), "{err}");
}

#[test]
fn pipeline_records_carry_codes_with_a_gazetteer() {
    let article = Article {
        id: "t".into(),
        body: "PALEMBANG – Camat Plaju meninjau Kelurahan Plaju Ulu, Rabu (9/11/2022). Warga Kecamatan Plaju senang."
            .into(),
        ..Article::default()
    };
    let plain = Pipeline::new(Options::default()).process(&article);
    let coded = Pipeline::new(Options::default())
        .with_gazetteer(Arc::new(GAZETTEER.clone()))
        .process(&article);
    let summary = |r: &warta::record::Record| -> Vec<(String, Option<&str>, Option<String>)> {
        r.places
            .iter()
            .map(|p| (p.name.clone(), p.level, p.code.clone()))
            .collect()
    };
    assert_eq!(
        summary(&plain),
        [
            ("Kota Palembang".to_string(), Some("kota"), None),
            ("Kecamatan Plaju".to_string(), Some("kecamatan"), None),
            ("Kelurahan Plaju Ulu".to_string(), Some("kelurahan"), None),
        ]
    );
    assert_eq!(
        summary(&coded),
        [
            ("Kota Palembang".to_string(), Some("kota"), Some("16.71".to_string())),
            (
                "Kecamatan Plaju".to_string(),
                Some("kecamatan"),
                Some("16.71.14".to_string())
            ),
            (
                "Kelurahan Plaju Ulu".to_string(),
                Some("kelurahan"),
                Some("16.71.14.1001".to_string())
            ),
        ]
    );
    // Record offsets are code points: the dash is one.
    let chars: Vec<char> = article.body.chars().collect();
    for p in &coded.places {
        for m in &p.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
    }
    let json = serde_json::to_value(&coded.places[1]).expect("places serialize");
    assert_eq!(json["source"], "rule:place/office_region");
    assert_eq!(json["mentions"][1]["text"], "Kecamatan Plaju");
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Place>();
    check::<Gazetteer>();
}
