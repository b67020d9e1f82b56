//! From an article to its record, and from a stream of inputs to JSON Lines, in parallel
//! over bounded batches with the input order kept.

use std::borrow::Cow;
use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::calendar::{self, Date, UrlDate};
use crate::dateline;
use crate::error::ErrorKind;
use crate::extract::{self, Doc};
use crate::gazetteer::Gazetteer;
use crate::input::{Article, Item};
use crate::language;
use crate::normalize;
use crate::record::Locator;
use crate::record::{
    AcronymRecord, Attribution, DateRecord, DatelineRecord, ErrorDetail, ErrorRecord, OrganizationRecord, Output,
    PersonRecord, PlaceRecord, QuoteRecord, Record, SCHEMA_VERSION, Stats, TimeRecord, TokenRecord, VenueRecord,
};
use crate::span::{CharSpan, Span};

/// What a record includes and how dates are anchored.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Include `tokens`.
    pub tokens: bool,
    /// Include `text`.
    pub text: bool,
    /// The reference date for articles that carry no publication date.
    pub reference_date: Option<Date>,
    /// Point offsets into the cleaned text (and carry it with `text`) instead of the text
    /// as given.
    pub clean_text: bool,
}

/// The buffer a record is written into starts this large: most news records fit.
const SERIALIZE_CAPACITY: usize = 16 * 1024;

/// Turns articles into records. Build once, share by reference across threads.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    options: Options,
    /// The regions places are looked up in for their codes; without one, places carry no
    /// code. Shared, as it is large and read-only.
    gazetteer: Option<Arc<Gazetteer>>,
}

/// Counts for a run; they reconcile: `articles == records + errors`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Input items read (articles and inputs that failed).
    pub articles: u64,
    /// Records written.
    pub records: u64,
    /// Error records written.
    pub errors: u64,
    /// Input bytes read.
    pub bytes: u64,
}

/// How [`Pipeline::run`] batches its work.
#[derive(Debug, Clone, Copy)]
pub struct RunOptions {
    /// Process each batch on rayon's pool; `false` takes a plain sequential path.
    pub parallel: bool,
    /// The most articles in one batch.
    pub batch_articles: usize,
    /// A batch closes once it holds this many input bytes, which bounds memory whatever
    /// the size of the input.
    pub batch_bytes: u64,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            parallel: true,
            batch_articles: 256,
            batch_bytes: 4 << 20,
        }
    }
}

impl Pipeline {
    /// A pipeline with these options.
    pub fn new(options: Options) -> Self {
        Pipeline {
            options,
            gazetteer: None,
        }
    }

    /// This pipeline, giving places their Kemendagri codes from `gazetteer` (see
    /// [`Gazetteer::load`]).
    pub fn with_gazetteer(mut self, gazetteer: Arc<Gazetteer>) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Analyzes one article.
    pub fn process(&self, article: &Article) -> Record {
        let (original, original_body_start) = match &article.title {
            Some(title) => (Cow::Owned(format!("{title}\n\n{}", article.body)), title.len() + 2),
            None => (Cow::Borrowed(article.body.as_str()), 0),
        };
        let cleaned = normalize::clean(&original);
        let text: &str = &cleaned.text;
        let body_start = cleaned.map().clean_offset(original_body_start);
        let mut warnings = article.warnings.clone();
        if cleaned.had_markup() {
            warnings.push(if self.options.clean_text {
                "HTML markup or entities were cleaned; offsets point into the cleaned text".into()
            } else {
                "HTML markup or entities were cleaned for analysis; offsets point into the text as given".into()
            });
        }
        let body = &text[body_start..];
        let dateline = dateline::parse(body).map(|mut d| {
            d.span = Span::new(d.span.start + body_start, d.span.end + body_start);
            d
        });
        let published = match article.published.as_deref() {
            Some(raw) if !raw.trim().is_empty() => {
                let parsed = calendar::parse_published(raw);
                if parsed.is_none() {
                    warnings.push(format!("publication date {raw:?} is not a date warta reads"));
                }
                parsed
            }
            _ => None,
        };
        let language = language::detect(body);
        let indonesian = language.indonesian;
        if body.trim().is_empty() {
            warnings.push("empty article: the text holds no words".into());
        } else if !indonesian {
            warnings.push(format!(
                "not Indonesian (detected {}); entities were not extracted",
                language.code
            ));
        }
        // Without a publication date, the address often files the article under its day.
        let url_date = match published {
            None => article.url.as_deref().and_then(calendar::date_in_url),
            Some(_) => None,
        };
        let url_day = match url_date {
            Some(UrlDate::Day(day)) => {
                warnings.push(format!(
                    "no publication date given: relative dates resolve against {day}, read from the URL"
                ));
                Some(day)
            }
            _ => None,
        };
        let reference_date = published.or(url_day).or(self.options.reference_date);
        let mut doc = Doc::new(text, body_start, dateline, reference_date);
        if let Some(UrlDate::Month(year, month)) = url_date {
            doc.month_hint = Some((year, month));
        }
        // Offsets in the record point into the text as given, unless the user asked for the
        // cleaned text (then the record carries it and the offsets point into it).
        let at = if self.options.clean_text {
            Locator::new(text, None)
        } else {
            Locator::new(&original, Some(cleaned.map()))
        };
        let mut record = self.record(article, &doc, &at, published, language, warnings);
        if indonesian {
            extract_into(&doc, &at, &mut record, self.gazetteer.as_deref());
        }
        record
    }

    fn record(
        &self,
        article: &Article,
        doc: &Doc<'_>,
        at: &Locator<'_>,
        published: Option<Date>,
        language: language::Language,
        warnings: Vec<String>,
    ) -> Record {
        let tokens = self.options.tokens.then(|| {
            doc.tokens
                .iter()
                .map(|t| {
                    let s = at.span(t.span);
                    TokenRecord {
                        start: s.start,
                        end: s.end,
                        text: at.slice(t.span).to_string(),
                    }
                })
                .collect()
        });
        let sentences = sentence_spans(doc, at);
        Record {
            schema_version: SCHEMA_VERSION,
            id: article.id.clone(),
            title: article.title.clone(),
            url: article.url.clone(),
            outlet: article.outlet.clone(),
            published: published.map(|d| d.to_string()),
            language,
            dateline: doc.dateline.as_ref().map(|d| {
                let s = at.span(d.span);
                DatelineRecord {
                    place: d.place.clone(),
                    outlet: d.outlet.clone(),
                    start: s.start,
                    end: s.end,
                }
            }),
            body_start: at.span(Span::new(doc.body_start, doc.body_start)).start,
            stats: Stats {
                chars: at.chars(),
                tokens: doc.tokens.len(),
                sentences: sentences.len(),
            },
            text: self.options.text.then(|| at.text().to_string()),
            sentences,
            tokens,
            organizations: Vec::new(),
            acronyms: Vec::new(),
            people: Vec::new(),
            places: Vec::new(),
            venues: Vec::new(),
            dates: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            attribution: Attribution::default(),
            warnings,
        }
    }

    /// The output for one input item: its record, or an error record. A panic while
    /// processing (a bug) becomes an error record of kind `internal`.
    pub fn process_item(&self, item: &Item) -> Output {
        let error = |id: &str, kind: ErrorKind, message: String| {
            Output::Error(ErrorRecord {
                schema_version: SCHEMA_VERSION,
                id: id.to_string(),
                source: item.origin.clone(),
                error: ErrorDetail {
                    kind: kind.as_str(),
                    message,
                },
            })
        };
        match &item.article {
            Ok(article) => match catch_unwind(AssertUnwindSafe(|| self.process(article))) {
                Ok(record) => Output::Record(Box::new(record)),
                Err(panic) => {
                    let reason = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".into());
                    error(
                        &article.id,
                        ErrorKind::Internal,
                        format!("internal error (please report): {reason}"),
                    )
                }
            },
            Err((id, e)) => error(id, e.kind(), e.message().to_string()),
        }
    }

    /// Processes every item and writes one JSON line per item to `out`, in input order,
    /// flushing after each batch so that a consumer on a pipe sees records as they come.
    /// `progress` is called after each batch with the counts so far.
    ///
    /// # Errors
    /// When writing to `out` fails.
    pub fn run<I, W>(
        &self,
        items: I,
        out: &mut W,
        options: RunOptions,
        progress: &mut dyn FnMut(&Summary),
    ) -> io::Result<Summary>
    where
        I: Iterator<Item = Item> + Send,
        W: Write,
    {
        let serialize = |output: Output| {
            // A record runs to several times its article's size: growing the buffer from
            // empty copied it over and over.
            let mut line = Vec::with_capacity(SERIALIZE_CAPACITY);
            output.write_json(&mut line);
            line.push(b'\n');
            line
        };
        let write = |lines: Vec<Vec<u8>>| {
            for line in lines {
                out.write_all(&line)?;
            }
            out.flush()
        };
        self.run_batches(items, options, serialize, write, progress)
    }

    /// The engine under [`Pipeline::run`] and the journalists' views: processes every item
    /// in bounded batches, maps each output with `map` on the worker threads (serializing
    /// there, say), and hands each batch of mapped outputs, in input order, to `sink`.
    ///
    /// Reading runs on its own thread one batch ahead of processing; with `parallel`,
    /// processing runs on another while `sink` takes the batch before, so memory holds at
    /// most four batches.
    ///
    /// # Errors
    /// What `sink` returns; the run stops at the first error.
    pub fn run_batches<I, T, M, S>(
        &self,
        items: I,
        options: RunOptions,
        map: M,
        mut sink: S,
        progress: &mut dyn FnMut(&Summary),
    ) -> io::Result<Summary>
    where
        I: Iterator<Item = Item> + Send,
        T: Send,
        M: Fn(Output) -> T + Sync,
        S: FnMut(Vec<T>) -> io::Result<()>,
    {
        let (sender, receiver) = sync_channel::<Vec<Item>>(1);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                let mut batch = Vec::new();
                let mut bytes = 0;
                for item in items {
                    bytes += item.bytes;
                    batch.push(item);
                    if batch.len() >= options.batch_articles || bytes >= options.batch_bytes {
                        if sender.send(std::mem::take(&mut batch)).is_err() {
                            return;
                        }
                        bytes = 0;
                    }
                }
                if !batch.is_empty() {
                    let _ = sender.send(batch);
                }
            });
            let process = |item: &Item| {
                let output = self.process_item(item);
                (output.is_error(), item.bytes, map(output))
            };
            let mut summary = Summary::default();
            let mut deliver = |done: Vec<(bool, u64, T)>| {
                let mut mapped = Vec::with_capacity(done.len());
                for (is_error, bytes, value) in done {
                    summary.articles += 1;
                    summary.bytes += bytes;
                    if is_error {
                        summary.errors += 1;
                    } else {
                        summary.records += 1;
                    }
                    mapped.push(value);
                }
                sink(mapped)?;
                progress(&summary);
                Ok::<(), io::Error>(())
            };
            if options.parallel {
                // Batches are processed on their own thread while this one writes the last:
                // writing no longer leaves the workers idle between batches.
                let (done_sender, done_receiver) = sync_channel(1);
                scope.spawn(move || {
                    for batch in receiver {
                        let done: Vec<_> = batch.par_iter().map(process).collect();
                        drop(batch);
                        if done_sender.send(done).is_err() {
                            return;
                        }
                    }
                });
                // Dropping the receivers on an error stops the other threads.
                for done in done_receiver {
                    deliver(done)?;
                }
            } else {
                for batch in receiver {
                    let done: Vec<_> = batch.iter().map(process).collect();
                    drop(batch);
                    deliver(done)?;
                }
            }
            Ok(summary)
        })
    }
}

/// The sentences as record offsets. Cleaning can replace one character of the original
/// with two ("ਸ਼" under NFC), and a sentence may end between them: both sides then map to
/// the whole original character, so such neighbours are merged to keep sentences apart
/// and in order.
fn sentence_spans(doc: &Doc<'_>, at: &Locator<'_>) -> Vec<CharSpan> {
    let mut out: Vec<CharSpan> = Vec::with_capacity(doc.sentences.len());
    for &s in &doc.sentences {
        let span = at.span(s);
        match out.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ if span.start >= span.end => {}
            _ => out.push(span),
        }
    }
    out
}

/// Runs the extractors in their documented order and puts what they find into `record`.
fn extract_into(doc: &Doc<'_>, at: &Locator<'_>, record: &mut Record, gazetteer: Option<&Gazetteer>) {
    let found = extract::date::extract(doc);
    record.dates = found.dates.iter().map(|d| DateRecord::new(d, at)).collect();
    record.times = found.times.iter().map(|t| TimeRecord::new(t, at)).collect();
    let mut organizations = extract::org::extract(doc);
    let people = extract::person::extract(doc, &organizations);
    // A person's title told from the name after it ends an organization that ran on over
    // the name.
    let titled_names: Vec<(usize, Span)> = people
        .iter()
        .flat_map(|p| {
            p.titles.iter().flat_map(move |t| {
                p.mentions
                    .iter()
                    .filter(move |m| m.start >= t.span.end && doc.text[t.span.end..m.start].trim().is_empty())
                    .map(move |&m| (t.span.end, m))
            })
        })
        .collect();
    extract::org::end_before_names(&mut organizations, doc.text, &titled_names);
    record.organizations = organizations
        .organizations
        .iter()
        .map(|o| OrganizationRecord::new(o, at))
        .collect();
    record.acronyms = organizations
        .acronyms
        .iter()
        .map(|a| AcronymRecord::new(a, at))
        .collect();
    record.people = people.iter().map(|p| PersonRecord::new(p, at)).collect();
    record.places = extract::place::extract(doc, &people, gazetteer)
        .iter()
        .map(|p| PlaceRecord::new(p, at))
        .collect();
    let quotes = extract::quote::extract(doc, &people, &organizations);
    record.quotes = quotes.iter().map(|q| QuoteRecord::new(q, at)).collect();
    record.attribution = Attribution::of(&record.quotes);
    record.venues = extract::venue::extract(doc)
        .iter()
        .map(|v| VenueRecord::new(v, at))
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: Option<&str>, body: &str) -> Article {
        Article {
            id: "t".into(),
            title: title.map(String::from),
            body: body.into(),
            ..Article::default()
        }
    }

    #[test]
    fn many_small_batches_keep_input_order_and_reconcile() {
        let items = (0..23).map(|n| Item {
            origin: crate::input::Origin {
                file: "t.jsonl".into(),
                line: Some(n + 1),
            },
            article: if n == 7 {
                Err((
                    "t.jsonl:8".into(),
                    crate::error::Error::new(ErrorKind::Json, "not a JSON object"),
                ))
            } else {
                Ok(Article {
                    id: format!("a{n}"),
                    body: format!("Kepala Dinas Pendidikan Budi Santoso membuka rapat ke-{n} di Palembang."),
                    ..Article::default()
                })
            },
            bytes: 10,
        });
        for parallel in [false, true] {
            let options = RunOptions {
                parallel,
                batch_articles: 3,
                ..RunOptions::default()
            };
            let mut out = Vec::new();
            let summary = Pipeline::new(Options::default())
                .run(items.clone(), &mut out, options, &mut |_| {})
                .unwrap();
            let ids: Vec<String> = String::from_utf8(out)
                .unwrap()
                .lines()
                .map(|line| {
                    serde_json::from_str::<serde_json::Value>(line).unwrap()["id"]
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
            let expected: Vec<String> = (0..23)
                .map(|n| {
                    if n == 7 {
                        "t.jsonl:8".to_string()
                    } else {
                        format!("a{n}")
                    }
                })
                .collect();
            assert_eq!(ids, expected, "parallel: {parallel}");
            assert_eq!(
                (summary.articles, summary.records, summary.errors, summary.bytes),
                (23, 22, 1, 230)
            );
        }
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![
            "Kata \"Doni\", Rabu (9/11/2022):\n\u{1}\t“Kami senang,” ujarnya. C:\\data \u{7f}".to_string(),
            ">\u{0A36}\u{1714}".to_string(),
            "  ".to_string(),
        ];
        for dir in ["corpus", "tests/hostile"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("folder")
                .map(|e| e.expect("entry").path())
                .collect();
            paths.sort();
            texts.extend(
                paths
                    .iter()
                    .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("file")).into_owned()),
            );
        }
        let with_all = Pipeline::new(Options {
            tokens: true,
            text: true,
            reference_date: calendar::parse_published("2022-11-09"),
            ..Options::default()
        });
        let mut outputs = vec![Output::Error(ErrorRecord {
            schema_version: SCHEMA_VERSION,
            id: "t.jsonl:8".into(),
            source: crate::input::Origin {
                file: "t.jsonl".into(),
                line: Some(8),
            },
            error: ErrorDetail {
                kind: ErrorKind::Json.as_str(),
                message: "not a \"JSON\" object".into(),
            },
        })];
        for text in &texts {
            for pipeline in [&Pipeline::default(), &with_all] {
                for title in [None, Some("Piala untuk “OPD”\t\"x\"")] {
                    outputs.push(Output::Record(Box::new(pipeline.process(&article(title, text)))));
                }
            }
        }
        for output in &outputs {
            let mut ours = Vec::new();
            output.write_json(&mut ours);
            let theirs = serde_json::to_vec(output).expect("serializes");
            assert!(
                ours == theirs,
                "{}\n!=\n{}",
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }

    #[test]
    fn title_and_body_share_one_text() {
        let record = Pipeline::new(Options {
            text: true,
            tokens: true,
            ..Options::default()
        })
        .process(&article(
            Some("Piala untuk “OPD”"),
            "PALEMBANG – Dewa hadir. Ia senang.",
        ));
        let text = record.text.as_deref().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        assert_eq!(
            slice(record.body_start, chars.len()),
            "PALEMBANG – Dewa hadir. Ia senang."
        );
        let sentences: Vec<_> = record.sentences.iter().map(|s| slice(s.start, s.end)).collect();
        assert_eq!(
            sentences,
            ["Piala untuk “OPD”", "PALEMBANG –", "Dewa hadir.", "Ia senang."]
        );
        let dateline = record.dateline.unwrap();
        assert_eq!(dateline.place.as_deref(), Some("PALEMBANG"));
        for t in record.tokens.unwrap() {
            assert_eq!(slice(t.start, t.end), t.text);
        }
    }

    #[test]
    fn an_organization_ends_where_a_titled_name_begins() {
        let record = Pipeline::default().process(&article(
            None,
            "Direktur Utama PT Sarana Multi Infrastruktur Edwin Syahruzad mengatakan pembiayaan \
             tetap berjalan. Kepala Puskesmas Pamulang Fitri Handayani menambahkan bahwa PT Sarana \
             Multi Infrastruktur ikut membantu.",
        ));
        let names = |v: &[String]| v.iter().map(String::as_str).collect::<Vec<_>>().join(" | ");
        let organizations: Vec<String> = record.organizations.iter().map(|o| o.name.clone()).collect();
        assert_eq!(
            names(&organizations),
            "PT Sarana Multi Infrastruktur | Puskesmas Pamulang"
        );
        // The company named twice is one organization, named at both places.
        assert_eq!(record.organizations[0].mentions.len(), 2);
        let people: Vec<String> = record.people.iter().map(|p| p.name.clone()).collect();
        assert_eq!(names(&people), "Edwin Syahruzad | Fitri Handayani");
    }

    #[test]
    fn markup_is_cleaned_but_offsets_point_into_the_text_as_given() {
        let body = "<p>Wali&nbsp;Kota Dewa berkata &quot;siap&quot; di Hotel\u{00A0}Novotel.</p>";
        let as_given = Pipeline::new(Options {
            text: true,
            tokens: true,
            ..Options::default()
        })
        .process(&article(None, body));
        let chars: Vec<char> = body.chars().collect();
        let tokens = as_given.tokens.unwrap();
        let texts: Vec<_> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"&quot;"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains('<')), "tags are not tokens: {texts:?}");
        for t in &tokens {
            assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.text);
        }
        assert!(as_given.warnings.iter().any(|w| w.contains("markup")));
        let venue = &as_given.venues[0].mentions[0];
        assert_eq!(venue.text, "Hotel\u{00A0}Novotel");

        let cleaned = Pipeline::new(Options {
            text: true,
            clean_text: true,
            ..Options::default()
        })
        .process(&article(None, body));
        assert_eq!(
            cleaned.text.as_deref(),
            Some("\nWali Kota Dewa berkata \"siap\" di Hotel Novotel.\n")
        );
        assert_eq!(cleaned.venues[0].mentions[0].text, "Hotel Novotel");
    }

    #[test]
    fn sentences_stay_apart_when_cleaning_splits_a_character() {
        // Found by proptest: NFC turns U+0A36 into two characters and a sentence may end
        // between them.
        let record = Pipeline::default().process(&article(Some("\u{1EE27}‹a¡"), ">\u{0A36}\u{1714}"));
        for pair in record.sentences.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{:?}", record.sentences);
        }
        assert!(record.sentences.iter().all(|s| s.start < s.end));
    }

    #[test]
    fn empty_and_foreign_articles_are_flagged() {
        let pipeline = Pipeline::default();
        assert!(pipeline.process(&article(None, "  ")).warnings[0].contains("empty"));
        let english = pipeline.process(&article(
            None,
            "The mayor said on Wednesday that the city would open three new schools next year.",
        ));
        assert!(
            english.warnings.iter().any(|w| w.contains("not Indonesian")),
            "{:?}",
            english.warnings
        );
    }
}
