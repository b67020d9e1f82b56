use sastrawi::{Dictionary, Stemmer};
fn main() {
    let d = Dictionary::new();
    let s = Stemmer::new(&d);
    for w in std::env::args().skip(1) {
        println!("{w}: in_dict={} stem={} ", d.find(&w), s.stem_word(&w));
    }
    let i = whatlang::detect("The mayor said on Wednesday that the city would open three new schools next year.").unwrap();
    println!("{:?} {} {}", i.lang(), i.confidence(), i.is_reliable());
}
