//! The hostile corpus (tests/hostile/): wrong encodings, binary files, a byte order mark,
//! CR line ends, HTML remains, Unicode spaces, non-NFC text, broken JSON lines, a giant
//! article, empty texts. Every input gives the record or the error tests/data/hostile.toml
//! names, every offset slices the text as given back to its mention, and the output is the
//! same byte for byte with 1, 2 and 8 threads.

use std::process::Command;

use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    id: String,
    expect: String,
    warning: Option<String>,
    title: Option<String>,
    quotes: Option<usize>,
    venues: Option<usize>,
}

fn run(args: &[&str]) -> (Option<i32>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("warta runs");
    (out.status.code(), out.stdout)
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Every `{start, end, text}` object anywhere in the record must slice back.
fn check_offsets(value: &Value, chars: &[char], id: &str, failures: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let (Some(s), Some(e), Some(Value::String(t))) = (map.get("start"), map.get("end"), map.get("text")) {
                let (s, e) = (s.as_u64().unwrap_or(0) as usize, e.as_u64().unwrap_or(0) as usize);
                let got: String = chars.get(s..e).map(|c| c.iter().collect()).unwrap_or_default();
                if &got != t {
                    failures.push(format!("{id}: {s}..{e} gives {got:?}, record says {t:?}"));
                }
            }
            for (key, v) in map {
                if key != "text" {
                    check_offsets(v, chars, id, failures);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| check_offsets(v, chars, id, failures)),
        _ => {}
    }
}

#[test]
fn every_hostile_input_gives_its_record_or_error() {
    let cases: Cases = toml::from_str(include_str!("data/hostile.toml")).expect("hostile.toml parses");
    let (code, stdout) = run(&[
        "extract",
        "-q",
        "--text",
        "--tokens",
        "--max-article-bytes",
        "100000",
        "tests/hostile",
    ]);
    assert_eq!(code, Some(1), "some inputs give error records, so the exit code is 1");
    let got = records(&stdout);
    assert_eq!(got.len(), cases.case.len(), "one line per input, no more, no less");
    let mut failures = Vec::new();
    for case in &cases.case {
        let Some(record) = got.iter().find(|r| r["id"] == case.id.as_str()) else {
            failures.push(format!("{}: no record", case.id));
            continue;
        };
        match case.expect.strip_prefix("error:") {
            Some(kind) => {
                if record["error"]["kind"] != kind {
                    failures.push(format!("{}: expected error {kind}, got {}", case.id, record));
                }
            }
            None => {
                if record.get("error").is_some() {
                    failures.push(format!("{}: expected a record, got {}", case.id, record["error"]));
                    continue;
                }
                let warnings = record["warnings"].as_array().cloned().unwrap_or_default();
                if let Some(w) = &case.warning
                    && !warnings
                        .iter()
                        .any(|x| x.as_str().is_some_and(|x| x.contains(w.as_str())))
                {
                    failures.push(format!("{}: no warning with {w:?} in {warnings:?}", case.id));
                }
                if let Some(t) = &case.title
                    && record["title"] != t.as_str()
                {
                    failures.push(format!("{}: title {}", case.id, record["title"]));
                }
                for (field, want) in [("quotes", case.quotes), ("venues", case.venues)] {
                    let n = record[field].as_array().map_or(0, Vec::len);
                    if want.is_some_and(|w| w != n) {
                        failures.push(format!("{}: {n} {field}, expected {want:?}", case.id));
                    }
                }
                let chars: Vec<char> = record["text"].as_str().unwrap_or_default().chars().collect();
                check_offsets(record, &chars, &case.id, &mut failures);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} hostile cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn output_is_identical_for_1_2_and_8_threads() {
    for input in ["corpus", "tests/hostile"] {
        let outputs: Vec<Vec<u8>> = ["1", "2", "8"]
            .iter()
            .map(|n| {
                run(&[
                    "extract",
                    "-q",
                    "--tokens",
                    "--threads",
                    n,
                    "--max-article-bytes",
                    "100000",
                    input,
                ])
                .1
            })
            .collect();
        assert!(!outputs[0].is_empty());
        assert!(
            outputs.iter().all(|o| *o == outputs[0]),
            "{input}: output differs between thread counts"
        );
    }
}
