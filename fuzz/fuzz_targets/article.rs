//! The whole pipeline over one article: any bytes as a title and a body must give a record
//! whose every offset slices the text back to its mention.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta::input::Article;
use warta::pipeline::{Options, Pipeline};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (title, body) = match text.split_once('\u{1}') {
        Some((t, b)) => (Some(t.to_string()), b.to_string()),
        None => (None, text.to_string()),
    };
    let article = Article { id: "fuzz".into(), title, body, ..Article::default() };
    let record = Pipeline::new(Options { tokens: true, text: true, ..Options::default() }).process(&article);
    let chars: Vec<char> = record.text.as_deref().unwrap_or_default().chars().collect();
    let value = serde_json::to_value(&record).expect("records serialize");
    check(&value, &chars);
});

fn check(value: &serde_json::Value, chars: &[char]) {
    match value {
        serde_json::Value::Object(map) => {
            if let (Some(s), Some(e), Some(serde_json::Value::String(t))) = (map.get("start"), map.get("end"), map.get("text")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                let got: String = chars[s..e].iter().collect();
                assert_eq!(&got, t, "offsets {s}..{e}");
            }
            for (k, v) in map {
                if k != "text" {
                    check(v, chars);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| check(v, chars)),
        _ => {}
    }
}
