//! One `regex` pass over a file, line by line (every Unicode word counted): the cost of the
//! simplest pattern-based tool, for `benches/throughput.sh`.

use std::io::BufRead;

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: regex_pass FILE");
    let word = regex::Regex::new(r"\w+").expect("valid pattern");
    let reader = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut words = 0usize;
    for line in reader.lines() {
        words += word.find_iter(&line?).count();
    }
    println!("{words} words");
    Ok(())
}
