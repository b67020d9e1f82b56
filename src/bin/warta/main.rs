//! The warta command: thin glue between the arguments and the library.

mod args;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, bail};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use args::{Cli, Command, ExtractArgs};
use warta::calendar;
use warta::input::{Input, ReadOptions, Reader};
use warta::pipeline::{Options, Pipeline, RunOptions, Summary};
use warta::record::SCHEMA;

/// Exit codes, as documented in the README.
const EXIT_SOME_ERRORS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A panic inside one article becomes that article's error record; one line on
    // standard error is enough to report it.
    std::panic::set_hook(Box::new(|info| eprintln!("warta: internal error: {info}")));
    let result = match cli.command {
        Command::Schema => write_stdout(SCHEMA.as_bytes()).map(|()| ExitCode::SUCCESS),
        Command::Extract(args) => extract(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("warta: {e:#}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let reference_date = match &args.date {
        Some(s) => {
            Some(calendar::parse_published(s).with_context(|| format!("--date {s:?} is not a date (YYYY-MM-DD)"))?)
        }
        None => None,
    };
    if args.threads == Some(0) {
        bail!("--threads must be at least 1");
    }
    let inputs: Vec<Input> = if args.inputs.is_empty() {
        vec![Input::Stdin]
    } else {
        args.inputs.iter().map(|s| Input::parse(s)).collect()
    };
    let reader = Reader::open(
        &inputs,
        ReadOptions {
            max_article_bytes: args.max_article_bytes,
        },
    )
    .context("cannot read the inputs")?;
    let total_bytes = reader.total_bytes();
    let pipeline = Pipeline::new(Options {
        tokens: args.tokens,
        text: args.text,
        reference_date,
        clean_text: args.clean_text,
    });
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let run_options = RunOptions {
        parallel: threads > 1,
        ..RunOptions::default()
    };

    let progress = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(total_bytes));
    let mut on_batch = |s: &Summary| {
        if let Some(bar) = &progress {
            bar.set_position(s.bytes);
            bar.set_message(format!("{} articles, {} errors", s.articles, s.errors));
        }
    };

    let started = Instant::now();
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .context("cannot start worker threads")?;
    let summary = match &args.output {
        Some(path) => {
            let mut out = AtomicFile::create(path)?;
            let summary = pipeline.run(reader, &mut out.writer, run_options, &mut on_batch);
            let summary = summary.with_context(|| format!("cannot write {}", path.display()))?;
            out.commit()?;
            summary
        }
        None => {
            let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            pipeline
                .run(reader, &mut out, run_options, &mut on_batch)
                .context("cannot write the records")?
        }
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !args.quiet {
        let seconds = started.elapsed().as_secs_f64();
        let mb = summary.bytes as f64 / 1e6;
        eprintln!(
            "warta: {} articles read, {} records, {} error records, {:.1} MB in {:.2} s ({:.1} MB/s)",
            summary.articles,
            summary.records,
            summary.errors,
            mb,
            seconds,
            if seconds > 0.0 { mb / seconds } else { 0.0 }
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(EXIT_SOME_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} {msg}")
                .expect("the progress template is valid"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {bytes} {msg}").expect("the spinner template is valid"),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    bar
}

/// A file written under a temporary name beside its destination and renamed into place
/// only when the run succeeds, so an interrupted run never leaves a half file that looks
/// whole.
struct AtomicFile {
    writer: BufWriter<File>,
    temporary: PathBuf,
    destination: PathBuf,
}

impl AtomicFile {
    fn create(destination: &Path) -> anyhow::Result<AtomicFile> {
        let name = destination
            .file_name()
            .with_context(|| format!("{} is not a file name", destination.display()))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".{}.partial", std::process::id()));
        let temporary = destination.with_file_name(temporary_name);
        let file = File::create(&temporary).with_context(|| format!("cannot create {}", temporary.display()))?;
        Ok(AtomicFile {
            writer: BufWriter::with_capacity(1 << 16, file),
            temporary,
            destination: destination.to_path_buf(),
        })
    }

    fn commit(mut self) -> anyhow::Result<()> {
        self.writer
            .flush()
            .with_context(|| format!("cannot write {}", self.temporary.display()))?;
        self.writer
            .get_ref()
            .sync_all()
            .with_context(|| format!("cannot write {}", self.temporary.display()))?;
        std::fs::rename(&self.temporary, &self.destination).with_context(|| {
            format!(
                "cannot move {} to {}",
                self.temporary.display(),
                self.destination.display()
            )
        })
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // After a successful commit the temporary name no longer exists; otherwise the
        // partial output is removed.
        let _ = std::fs::remove_file(&self.temporary);
    }
}
