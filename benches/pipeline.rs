//! Per-stage benchmarks on the bundled corpus: cleaning, tokens, sentences, language, each
//! extractor, the whole record with JSON serialization, and start-up.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use warta::extract::{self, Doc};
use warta::input::{Input, ReadOptions, Reader};
use warta::pipeline::{Options, Pipeline};

fn corpus() -> Vec<warta::input::Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    Reader::open(&[Input::Path(dir)], ReadOptions::default())
        .expect("the bundled corpus is readable")
        .filter_map(|item| item.article.ok())
        .collect()
}

fn stages(c: &mut Criterion) {
    let articles = corpus();
    let texts: Vec<String> = articles.iter().map(|a| a.body.clone()).collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let pipeline = Pipeline::new(Options::default());
    // Warm the lexicons so that start-up is measured apart.
    black_box(pipeline.process(&articles[0]));

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("tokens", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| warta::token::tokenize(black_box(t)).len())
                .sum::<usize>()
        })
    });
    let tokenized: Vec<_> = texts.iter().map(|t| warta::token::tokenize(t)).collect();
    group.bench_function("sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&tokenized)
                .map(|(t, toks)| warta::sentence::split(black_box(t), toks, &[]).len())
                .sum::<usize>()
        })
    });
    let docs: Vec<Doc<'_>> = texts
        .iter()
        .map(|t| Doc::new(t, 0, None, warta::calendar::Date::new(2022, 11, 9)))
        .collect();
    group.bench_function("dates", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract::date::extract(black_box(d)).dates.len())
                .sum::<usize>()
        })
    });
    group.bench_function("organizations", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract::org::extract(black_box(d)).organizations.len())
                .sum::<usize>()
        })
    });
    let orgs: Vec<_> = docs.iter().map(extract::org::extract).collect();
    group.bench_function("people", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&orgs)
                .map(|(d, o)| extract::person::extract(black_box(d), o).len())
                .sum::<usize>()
        })
    });
    let people: Vec<_> = docs
        .iter()
        .zip(&orgs)
        .map(|(d, o)| extract::person::extract(d, o))
        .collect();
    group.bench_function("quotes", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&orgs)
                .zip(&people)
                .map(|((d, o), p)| extract::quote::extract(black_box(d), p, o).len())
                .sum::<usize>()
        })
    });
    group.bench_function("venues", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract::venue::extract(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("cleaning", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| warta::normalize::clean(black_box(t)).text.len())
                .sum::<usize>()
        })
    });
    group.bench_function("language", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter(|t| warta::language::detect(black_box(t)).indonesian)
                .count()
        })
    });
    group.bench_function("record_json", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| {
                    serde_json::to_string(&pipeline.process(black_box(a)))
                        .expect("records serialize")
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn startup(c: &mut Criterion) {
    // Each iteration builds a fresh process-independent pipeline; lexicons are statics, so
    // the first-article cost is what a new process pays once. Measured by timing a child
    // process would include process start; this measures the work itself on a cold cache
    // only in the first sample, so report it with the throughput script as well.
    let article = warta::input::Article {
        id: "s".into(),
        body: "Sekda hadir, Rabu (9/11/2022).".into(),
        ..Default::default()
    };
    c.bench_function("first_article", |b| {
        b.iter(|| Pipeline::new(Options::default()).process(black_box(&article)))
    });
}

criterion_group!(benches, stages, startup);
criterion_main!(benches);
