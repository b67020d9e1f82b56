//! The journalists' views from the command line: `warta quotes` (CSV, JSON Lines, table)
//! and `warta report` (one self-contained HTML file), on the bundled corpus and on short
//! articles written for these tests. See: #5.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

use common::warta;
use serde_json::Value;

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "warta failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

/// The records of `warta extract`, to compare the views with.
fn records(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["extract", "-q"];
    all.extend_from_slice(args);
    stdout(&warta(&all, None))
        .lines()
        .map(|l| serde_json::from_str(l).expect("every record is JSON"))
        .collect()
}

/// A strict RFC 4180 reader, written apart from the writer so that the two check each
/// other: fields separated by commas, records by CRLF, quoted fields with doubled quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted field: {field:?}"),
            ',' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("a bare LF ends a record"),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "an unterminated quoted field");
    assert!(field.is_empty() && row.is_empty(), "the last record has no CRLF");
    rows
}

const COLUMNS: [&str; 9] = [
    "article", "speaker", "title", "kind", "via", "cue", "quote", "start", "end",
];

/// A short article with a named speaker, a pronoun, an anonymous source and characters
/// outside the BMP before the quotes (UTF-16 and UTF-8 offsets both differ from code
/// points there).
const SMALL: &str = "# Jembatan Ampera Ditutup 🚧 Sementara\n\nPALEMBANG – Wali Kota Palembang Ratu Dewa \
menutup Jembatan Ampera (beban < 10 ton), Rabu (9/11/2022). “Perbaikan selesai dalam dua pekan,” kata Ratu Dewa. \
Ia menambahkan, warga bisa memakai jembatan lain & jalan tol.\n“Macetnya <parah> sekali,” kata seorang \
warga. Kepala Dinas PUPR Kota Palembang Ahmad Bastari mengatakan, biaya perbaikan berasal dari APBD.\n";

fn small_article(dir: &Path) -> String {
    let path = dir.join("kecil.txt");
    std::fs::write(&path, SMALL).expect("the article is written");
    path.to_str().expect("the path is UTF-8").to_string()
}

fn via(quote: &Value) -> &str {
    if quote["anonymous"].as_bool() == Some(true) {
        return "anonymous";
    }
    quote["speaker"]["via"].as_str().unwrap_or("none")
}

#[test]
fn csv_has_a_header_and_one_row_per_quote_of_the_corpus() {
    let csv = stdout(&warta(&["quotes", "-q", "--format", "csv", "corpus/"], None));
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], COLUMNS);
    let corpus = records(&["corpus/"]);
    let expected: Vec<(&str, &Value)> = corpus
        .iter()
        .flat_map(|r| {
            let id = r["id"].as_str().unwrap();
            r["quotes"].as_array().unwrap().iter().map(move |q| (id, q))
        })
        .collect();
    assert!(expected.len() > 150, "the corpus has quotes");
    assert_eq!(rows.len() - 1, expected.len());
    for (row, (id, q)) in rows[1..].iter().zip(&expected) {
        assert_eq!(row.len(), COLUMNS.len(), "{row:?}");
        assert_eq!(row[0], *id);
        assert_eq!(row[1], q["speaker"]["name"].as_str().unwrap_or(""));
        assert_eq!(row[3], q["kind"].as_str().unwrap());
        assert_eq!(row[4], via(q));
        assert_eq!(row[5], q["cue"]["text"].as_str().unwrap_or(""));
        assert_eq!(row[6], q["text"].as_str().unwrap());
        assert_eq!(row[7], q["start"].to_string());
        assert_eq!(row[8], q["end"].to_string());
    }
    // A comma inside a quote is quoted, not a new column.
    assert!(rows.iter().any(|r| r[6].contains(',')));
}

#[test]
fn the_title_is_the_speakers_first_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_article(dir.path());
    let rows = parse_csv(&stdout(&warta(&["quotes", "-q", &path], None)));
    let dewa = rows.iter().find(|r| r[1] == "Ratu Dewa").expect("Ratu Dewa speaks");
    assert_eq!(dewa[2], "Wali Kota Palembang");
    let bastari = rows
        .iter()
        .find(|r| r[1] == "Ahmad Bastari")
        .expect("Ahmad Bastari speaks");
    assert_eq!(bastari[2], "Kepala Dinas PUPR Kota Palembang");
    assert_eq!(bastari[5], "mengatakan");
}

#[test]
fn unattributed_lists_only_quotes_without_a_named_speaker() {
    let all = parse_csv(&stdout(&warta(&["quotes", "-q", "corpus/"], None)));
    let only = parse_csv(&stdout(&warta(&["quotes", "-q", "--unattributed", "corpus/"], None)));
    let weak = parse_csv(&stdout(&warta(&["quotes", "-q", "--weak", "corpus/"], None)));
    let both = parse_csv(&stdout(&warta(
        &["quotes", "-q", "--unattributed", "--weak", "corpus/"],
        None,
    )));
    let count =
        |rows: &[Vec<String>], vias: &[&str]| rows[1..].iter().filter(|r| vias.contains(&r[4].as_str())).count();
    assert!(only.len() > 1, "the corpus has an anonymous quote");
    assert!(only[1..].iter().all(|r| r[4] == "none" || r[4] == "anonymous"));
    assert_eq!(only.len() - 1, count(&all, &["none", "anonymous"]));
    assert!(
        weak[1..]
            .iter()
            .all(|r| ["pronoun", "title", "previous"].contains(&r[4].as_str()))
    );
    assert_eq!(weak.len() - 1, count(&all, &["pronoun", "title", "previous"]));
    assert_eq!(both.len() - 1, only.len() - 1 + weak.len() - 1);

    let dir = tempfile::tempdir().unwrap();
    let path = small_article(dir.path());
    let rows = parse_csv(&stdout(&warta(&["quotes", "-q", "--unattributed", &path], None)));
    let quotes: Vec<&str> = rows[1..].iter().map(|r| r[6].as_str()).collect();
    assert_eq!(quotes, ["Macetnya <parah> sekali,"]);
}

#[test]
fn jsonl_lines_parse_with_every_column() {
    let out = stdout(&warta(&["quotes", "-q", "--format", "jsonl", "corpus/"], None));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect();
    let total: usize = records(&["corpus/"])
        .iter()
        .map(|r| r["quotes"].as_array().unwrap().len())
        .sum();
    assert_eq!(lines.len(), total);
    for line in &lines {
        let object = line.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), COLUMNS.len(), "{keys:?}");
        for c in COLUMNS {
            assert!(object.contains_key(c), "{c} in {line}");
        }
        assert!(line["start"].as_u64().unwrap() < line["end"].as_u64().unwrap());
    }
}

#[test]
fn output_file_format_follows_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("kutipan.jsonl");
    let csv = dir.path().join("kutipan.csv");
    for path in [&jsonl, &csv] {
        let out = warta(&["quotes", "-q", "corpus/001.txt", "-o", path.to_str().unwrap()], None);
        assert!(out.status.success());
    }
    let first = std::fs::read_to_string(&jsonl).unwrap();
    assert!(serde_json::from_str::<Value>(first.lines().next().unwrap()).is_ok());
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("article,speaker,"));
}

#[test]
fn table_is_aligned_and_fits_the_width() {
    let out = stdout(&warta(
        &["quotes", "-q", "--format", "table", "--width", "90", "corpus/"],
        None,
    ));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("ARTICLE"));
    assert!(lines.len() > 150);
    for line in &lines {
        assert!(line.chars().count() <= 90, "{line:?}");
    }
    // Columns line up: the kind column starts at the same place on every line.
    let kind = lines[0].find("KIND").unwrap();
    for line in &lines[1..] {
        let cell: String = line.chars().skip(lines[0][..kind].chars().count()).take(8).collect();
        assert!(cell.starts_with("direct") || cell.starts_with("indirect"), "{line:?}");
    }
    let wide = stdout(&warta(&["quotes", "-q", "--format", "table", "corpus/"], Some("")));
    assert!(
        wide.lines().any(|l| l.chars().count() > 200),
        "no truncation without a width"
    );
    let columns = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["quotes", "-q", "--format", "table", "corpus/"])
        .env("COLUMNS", "70")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(columns.stdout)
            .unwrap()
            .lines()
            .all(|l| l.chars().count() <= 70)
    );
}

#[test]
fn sort_by_speaker_groups_the_speakers() {
    let rows = parse_csv(&stdout(&warta(&["quotes", "-q", "--sort", "speaker", "corpus/"], None)));
    let speakers: Vec<String> = rows[1..].iter().map(|r| r[1].to_lowercase()).collect();
    let named: Vec<&String> = speakers.iter().filter(|s| !s.is_empty()).collect();
    assert!(named.windows(2).all(|w| w[0] <= w[1]));
    // Quotes without a speaker come last.
    let first_empty = speakers.iter().position(|s| s.is_empty()).unwrap_or(speakers.len());
    assert!(speakers[first_empty..].iter().all(|s| s.is_empty()));
}

#[test]
fn a_bad_input_is_reported_and_the_rest_listed() {
    let input =
        "{\"id\": \"baik\", \"text\": \"“Kami siap,” kata Camat Ilir Barat I Dewi Lestari.\"}\n{\"id\": \"rusak\"\n";
    let out = warta(&["quotes", "-q", "-"], Some(input));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2"));
    let rows = parse_csv(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], "baik");

    let report = warta(&["report", "-q", "-"], Some(input));
    assert_eq!(report.status.code(), Some(1));
    let html = String::from_utf8(report.stdout).unwrap();
    assert!(html.contains("class=\"error\""));
    assert!(html.contains("id=\"a1\" data-id=\"baik\""));
}

/// The `<q class="quote" …>` elements of a report: their attributes and their text with
/// the inner tags removed and entities decoded.
fn marked_quotes(html: &str) -> Vec<(HashMap<String, String>, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<q class=\"quote") {
        rest = &rest[at..];
        let head_end = rest.find('>').unwrap();
        let head = &rest[..head_end];
        let mut attributes = HashMap::new();
        for part in head.split("\" ") {
            if let Some((name, value)) = part.split_once("=\"") {
                let name = name.rsplit(' ').next().unwrap();
                attributes.insert(name.to_string(), unescape(value.trim_end_matches('"')));
            }
        }
        let end = rest.find("</q>").unwrap();
        let inner = &rest[head_end + 1..end];
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        out.push((attributes, unescape(&text)));
        rest = &rest[end..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn every_quote_of_a_small_article_is_marked_with_its_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_article(dir.path());
    let report = dir.path().join("laporan.html");
    let out = warta(&["report", "-q", &path, "-o", report.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(&report).unwrap();
    let record = &records(&["--clean-text", &path])[0];
    let quotes = record["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 4, "{quotes:?}");
    let marked = marked_quotes(&html);
    assert_eq!(marked.len(), quotes.len());
    for (q, (attributes, text)) in quotes.iter().zip(&marked) {
        // The text inside the element is the quote: the offsets were converted right
        // (the emoji before it is one code point, two UTF-16 units and four bytes).
        assert_eq!(text, q["text"].as_str().unwrap());
        assert_eq!(attributes.get("data-kind").map(String::as_str), q["kind"].as_str());
        assert_eq!(attributes.get("data-via").map(String::as_str), Some(via(q)));
        assert_eq!(
            attributes.get("data-speaker").map(String::as_str),
            q["speaker"]["name"].as_str()
        );
    }
    // Mentions are marked too, and the text is escaped.
    assert!(html.contains("<span class=\"person speaker\" data-person=\"Ratu Dewa\""));
    assert!(html.contains("data-org=\""));
    assert!(html.contains("<span class=\"date\" data-value=\"2022-11-09\""));
    // (The report shows the cleaned text: the tag-like `<parah>` is cleaned away as markup.)
    assert!(html.contains("(beban &lt; 10 ton)"));
    assert!(!html.contains("<parah>"));
    assert!(html.contains("jembatan lain &amp; jalan tol"));
    // One article: shown without a click.
    assert!(html.contains("<style>.article{display:block}"));
}

#[test]
fn the_report_is_one_file_that_loads_nothing_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("laporan.html");
    let out = warta(&["report", "-q", "corpus/", "-o", report.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "only the report is written");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_lowercase();
    for external in [
        "http://", "https://", "<link", "<img", "<iframe", "@import", "url(", " src=",
    ] {
        assert!(!lower.contains(external), "the report holds {external:?}");
    }
    // Every article has a hidden section and an index row that links to it.
    let ids = records(&["corpus/"]);
    for (i, r) in ids.iter().enumerate() {
        let anchor = format!("id=\"a{}\" data-id=\"{}\"", i + 1, r["id"].as_str().unwrap());
        assert!(html.contains(&anchor), "{anchor}");
        assert!(html.contains(&format!("<a href=\"#a{}\">", i + 1)));
    }
    let total: usize = ids.iter().map(|r| r["quotes"].as_array().unwrap().len()).sum();
    assert_eq!(marked_quotes(&html).len(), total);
    assert_eq!(html.matches("<section class=\"article\"").count(), ids.len());
}

#[test]
fn the_report_goes_to_a_pipe_without_an_output_file() {
    let out = warta(&["report", "-q", "corpus/001.txt"], None);
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().contains("data-id=\"001\""));
}

#[test]
fn extract_is_unchanged_by_the_views() {
    let out = warta(&["extract", "-q", "corpus/001.txt"], None);
    let record: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(record["id"], "001");
    assert!(record.get("text").is_none());
}
