//! The JSON Lines reader and the pipeline behind it: any bytes give exactly one output per
//! non-blank line, a record or an error record, and never a panic.
#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;
use warta::input::{ReadOptions, Reader};
use warta::pipeline::{Options, Pipeline};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions { max_article_bytes: 4096 };
    let reader = Reader::from_json_lines("fuzz", Box::new(Cursor::new(data.to_vec())), options);
    let pipeline = Pipeline::new(Options::default());
    let mut items = 0;
    for item in reader {
        items += 1;
        let output = pipeline.process_item(&item);
        serde_json::to_string(&output).expect("outputs serialize");
    }
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    assert!(items <= lines, "{items} items from {lines} non-blank lines");
});
