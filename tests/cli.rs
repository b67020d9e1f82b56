//! The command line as a researcher uses it: folders, JSON Lines, standard input, error
//! records, exit codes, thread counts and the output file.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::warta;
use serde_json::Value;

fn records(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

fn ids(records: &[Value]) -> Vec<&str> {
    records
        .iter()
        .map(|r| r["id"].as_str().expect("id is a string"))
        .collect()
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn folder_is_read_recursively_in_sorted_path_order() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir.path().join("b/kedua.txt"),
        "Bupati meresmikan jembatan. Warga senang.",
    );
    write(
        &dir.path().join("a.txt"),
        "# Banjir di Gandus\n\nPALEMBANG – Air naik sejak Senin. Warga mengungsi.",
    );
    let jsonl = "{\"id\": \"j1\", \"text\": \"Camat hadir.\"}\n\n{\"id\": \"j2\", \"isi\": \"Lurah hadir.\"}\n";
    write(&dir.path().join("a2.jsonl"), jsonl);
    write(&dir.path().join("catatan.md"), "bukan artikel");
    let out = warta(&["extract", "-q", dir.path().to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    assert_eq!(ids(&recs), ["a", "j1", "j2", "b/kedua"]);
    assert_eq!(recs[0]["title"], "Banjir di Gandus");
    assert_eq!(recs[0]["body_start"], 18);
    assert_eq!(recs[0]["dateline"]["place"], "PALEMBANG");
    assert_eq!(recs[0]["stats"]["sentences"], 4, "headline, dateline and two sentences");
}

#[test]
fn standard_input_and_field_aliases() {
    let input = "{\"url\": \"https://contoh.id/1\", \"content\": \"Wali Kota hadir.\", \"headline\": \"Judul\", \"published_at\": \"2022-11-09T08:00:00+07:00\", \"source\": \"Antara\"}\n";
    let out = warta(&["extract", "-q", "-"], Some(input));
    assert!(out.status.success());
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["id"], "https://contoh.id/1");
    assert_eq!(r["title"], "Judul");
    assert_eq!(r["published"], "2022-11-09");
    assert_eq!(r["outlet"], "Antara");
    assert_eq!(r["url"], "https://contoh.id/1");
}

#[test]
fn bad_lines_become_error_records_in_place_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    write(
        &path,
        "{\"id\": \"ok1\", \"text\": \"Satu.\"}\n{broken\n{\"id\": \"no-text\", \"title\": \"x\"}\n{\"id\": \"num\", \"text\": 5}\n{\"id\": \"ok2\", \"text\": \"Dua.\"}\n",
    );
    let out = warta(&["extract", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1), "some articles failed");
    let recs = records(&out);
    let file = path.to_str().unwrap();
    assert_eq!(
        ids(&recs),
        ["ok1", format!("{file}:2").as_str(), "no-text", "num", "ok2"]
    );
    assert_eq!(recs[1]["error"]["kind"], "json");
    assert_eq!(recs[1]["source"]["line"], 2);
    assert_eq!(recs[2]["error"]["kind"], "missing_text");
    assert!(recs[3]["error"]["message"].as_str().unwrap().contains("number"));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains("5 articles read, 2 records, 3 error records"),
        "{summary}"
    );
}

#[test]
fn too_large_articles_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("besar.txt");
    write(&path, &"kata ".repeat(100));
    let out = warta(
        &["extract", "-q", "--max-article-bytes", "100", path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs[0]["id"], "besar");
    assert_eq!(recs[0]["error"]["kind"], "too_large");
}

#[test]
fn output_is_identical_for_one_and_two_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("banyak.jsonl");
    let mut lines = String::new();
    for i in 0..600 {
        lines.push_str(&format!(
            "{{\"id\": \"a{i}\", \"text\": \"SURABAYA – Kepala Dinas ke-{i} hadir di Jl. Merdeka No. {i}. “Kami siap,” katanya.\\nIa menambahkan, anggaran Rp{i},5 miliar.\"}}\n"
        ));
    }
    write(&path, &lines);
    let one = warta(
        &["extract", "-q", "--threads", "1", "--tokens", path.to_str().unwrap()],
        None,
    );
    let two = warta(
        &["extract", "-q", "--threads", "2", "--tokens", path.to_str().unwrap()],
        None,
    );
    assert!(one.status.success() && two.status.success());
    assert_eq!(records(&one).len(), 600);
    assert!(one.stdout == two.stdout, "output differs between 1 and 2 threads");
}

#[test]
fn output_file_appears_whole_and_nothing_else_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    write(&input, "Gubernur hadir.");
    let target = dir.path().join("out").join("records.jsonl");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let out = warta(
        &["extract", "-q", input.to_str().unwrap(), "-o", target.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 1);
    let left: Vec<_> = std::fs::read_dir(target.parent().unwrap()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the output file remains");
}

#[test]
fn missing_input_is_a_usage_failure() {
    let out = warta(&["extract", "/nonexistent/berita.jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("/nonexistent/berita.jsonl"), "{message}");
}

#[test]
fn schema_is_json_schema_listing_every_record_field() {
    let out = warta(&["schema"], None);
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    let properties = schema["$defs"]["record"]["properties"].as_object().unwrap();
    let required = schema["$defs"]["record"]["required"].as_array().unwrap();
    let out = warta(
        &["extract", "-q", "--tokens", "--text", "-"],
        Some("{\"id\": \"x\", \"text\": \"Rabu (9/11/2022) Sekda hadir.\"}\n"),
    );
    let record = &records(&out)[0];
    for key in record.as_object().unwrap().keys() {
        assert!(properties.contains_key(key), "schema does not document {key}");
    }
    for key in required {
        assert!(
            record.get(key.as_str().unwrap()).is_some(),
            "record lacks required {key}"
        );
    }
}

#[test]
fn closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("banyak.jsonl");
    let line = "{\"text\": \"Wali Kota meninjau pasar. Harga cabai naik.\"}\n".repeat(20_000);
    write(&path, &line);
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["extract", "-q", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn resume_goes_on_after_the_last_complete_record() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut lines = String::new();
    for i in 0..50 {
        lines.push_str(&format!(
            "{{\"id\": \"r{i}\", \"text\": \"Camat ke-{i} meninjau pasar. Harga cabai turun.\"}}\n"
        ));
    }
    write(&input, &lines);
    let full = dir.path().join("full.jsonl");
    let out = warta(
        &["extract", "-q", input.to_str().unwrap(), "-o", full.to_str().unwrap()],
        None,
    );
    assert!(out.status.success());
    let whole = std::fs::read(&full).unwrap();
    // An interrupted run leaves a hidden partial file, its last record cut short.
    let target = dir.path().join("out.jsonl");
    let partial = dir.path().join(".out.jsonl.partial");
    std::fs::write(&partial, &whole[..whole.len() / 2]).unwrap();
    let out = warta(
        &[
            "extract",
            input.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
            "--resume",
        ],
        None,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("resumed after"));
    assert_eq!(
        std::fs::read(&target).unwrap(),
        whole,
        "the resumed output equals an uninterrupted one"
    );
    assert!(!partial.exists());
}

#[test]
fn resume_refuses_a_different_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write(
        &input,
        "{\"id\": \"a\", \"text\": \"Satu.\"}\n{\"id\": \"b\", \"text\": \"Dua.\"}\n",
    );
    let target = dir.path().join("out.jsonl");
    write(&target, "{\"id\": \"z\"}\n");
    let out = warta(
        &[
            "extract",
            "-q",
            input.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
            "--resume",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not the same"));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "{\"id\": \"z\"}\n",
        "the old output is untouched"
    );
}

#[test]
fn a_full_disk_is_a_clear_failure() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    write(&input, "Gubernur hadir.");
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["extract", "-q", input.to_str().unwrap()])
        .stdout(std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot write"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn gazetteer_gives_places_their_codes() {
    let input = "{\"id\": \"g\", \"text\": \"PALEMBANG – Warga Kecamatan Plaju menerima bantuan dari Pemerintah Kota Palembang.\"}\n";
    let gazetteer = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/place_gazetteer");
    let out = warta(&["extract", "-q", "--gazetteer", gazetteer, "-"], Some(input));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let record = &records(&out)[0];
    let codes: Vec<(&str, &str)> = record["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["code"].as_str().unwrap_or("-")))
        .collect();
    assert!(codes.contains(&("Kota Palembang", "16.71")), "{codes:?}");
    assert!(codes.contains(&("Kecamatan Plaju", "16.71.14")), "{codes:?}");
    let missing = warta(
        &["extract", "-q", "--gazetteer", "/nonexistent/regions", "-"],
        Some(input),
    );
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn without_a_publication_date_the_address_dates_the_article() {
    let input = concat!(
        "{\"id\": \"day\", \"url\": \"https://kabar.example/2021/06/23/banjir\", \"text\": \"Banjir merendam dua desa kemarin.\"}\n",
        "{\"id\": \"month\", \"url\": \"https://kabar.example/2022/11/paripurna.html\", \"text\": \"DPRD menggelar rapat paripurna, Selasa (15/11).\"}\n",
        "{\"id\": \"given\", \"url\": \"https://kabar.example/2021/06/23/banjir\", \"date\": \"2021-07-01\", \"text\": \"Banjir merendam dua desa kemarin.\"}\n",
    );
    let out = warta(&["extract", "-q", "-"], Some(input));
    assert!(out.status.success());
    let recs = records(&out);
    let value = |r: &Value| r["dates"][0]["value"].as_str().map(String::from);
    assert_eq!(
        value(&recs[0]).as_deref(),
        Some("2021-06-22"),
        "kemarin, the day before the URL's day"
    );
    assert!(recs[0]["published"].is_null(), "the record says what the input gave");
    assert!(
        recs[0]["warnings"][0].as_str().unwrap().contains("read from the URL"),
        "{}",
        recs[0]["warnings"]
    );
    assert_eq!(
        value(&recs[1]).as_deref(),
        Some("2022-11-15"),
        "the year of the URL's month"
    );
    assert!(recs[1]["warnings"].as_array().unwrap().is_empty());
    assert_eq!(
        value(&recs[2]).as_deref(),
        Some("2021-06-30"),
        "a given date wins over the URL"
    );
}
