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

/// mimalloc: every article allocates its words, spans and record, and the system allocator
/// spent a tenth of the run in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use args::{Cli, Command, ExtractArgs, QuoteFormat, QuoteSort, QuotesArgs, ReadArgs, ReportArgs};
use warta::calendar;
use warta::input::{Input, ReadOptions, Reader};
use warta::pipeline::{Options, Pipeline, RunOptions, Summary};
use warta::record::{Output, SCHEMA};
use warta::view::for_each_output;
use warta::view::quotes::{self, QuoteFilter, QuoteRow, SortKey};
use warta::view::report::{ReportOptions, ReportWriter};

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
        Command::Quotes(args) => quotes(args),
        Command::Report(args) => report(args),
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
    let options = Options {
        tokens: args.tokens,
        text: args.text,
        clean_text: args.clean_text,
        ..Options::default()
    };
    let mut run = ViewRun::open(&args.read, options)?;
    let progress = run.progress.take();
    let mut on_batch = |s: &Summary| {
        if let Some(bar) = &progress {
            bar.set_position(s.bytes);
            bar.set_message(format!("{} articles, {} errors", s.articles, s.errors));
        }
    };
    let (summary, resumed) = match &args.output {
        Some(path) => {
            let (mut out, done) = if args.resume {
                AtomicFile::resume(path)?
            } else {
                (AtomicFile::create(path)?, Vec::new())
            };
            out.keep_on_failure = true;
            skip_done(&mut run.reader, &done)?;
            let summary = run
                .pipeline
                .run(&mut run.reader, &mut out.writer, run.run_options, &mut on_batch);
            let summary = summary.with_context(|| {
                format!(
                    "cannot write {} (the records so far are kept for --resume)",
                    out.temporary.display()
                )
            })?;
            out.commit()?;
            (summary, done.len())
        }
        None => {
            let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            let summary = run
                .pipeline
                .run(&mut run.reader, &mut out, run.run_options, &mut on_batch)
                .context("cannot write the records")?;
            (summary, 0)
        }
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !run.quiet {
        let seconds = run.started.elapsed().as_secs_f64();
        let mb = summary.bytes as f64 / 1e6;
        let resumed = if resumed > 0 {
            format!(" (resumed after {resumed} records)")
        } else {
            String::new()
        };
        eprintln!(
            "warta: {} articles read, {} records, {} error records, {:.1} MB in {:.2} s ({:.1} MB/s){resumed}",
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

/// Reads past the inputs a resumed output already holds, checking that each has the id of
/// the record written for it: resuming over a different input would mix two corpora.
fn skip_done(reader: &mut Reader, done: &[String]) -> anyhow::Result<()> {
    for (n, id) in done.iter().enumerate() {
        match reader.next() {
            Some(item) if item.id() == id => {}
            Some(item) => bail!(
                "cannot resume: record {} of the output is {id:?} but input {} is {:?}; the input is not the same",
                n + 1,
                n + 1,
                item.id()
            ),
            None => bail!(
                "cannot resume: the output holds {} records but the input has only {n}",
                done.len()
            ),
        }
    }
    Ok(())
}

/// What the views need to run: the reader, the pipeline, how to batch, and the progress bar.
struct ViewRun {
    reader: Reader,
    pipeline: Pipeline,
    run_options: RunOptions,
    progress: Option<ProgressBar>,
    quiet: bool,
    started: Instant,
}

impl ViewRun {
    /// Opens the inputs and sizes the worker pool as `extract` does.
    fn open(args: &ReadArgs, options: Options) -> anyhow::Result<ViewRun> {
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
        let threads = args
            .threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .context("cannot start worker threads")?;
        let progress = (!args.quiet && io::stderr().is_terminal()).then(|| progress_bar(reader.total_bytes()));
        let mut pipeline = Pipeline::new(Options {
            reference_date,
            ..options
        });
        if let Some(dir) = &args.gazetteer {
            let gazetteer = warta::gazetteer::Gazetteer::load(dir)
                .with_context(|| format!("cannot load the gazetteer {}", dir.display()))?;
            pipeline = pipeline.with_gazetteer(std::sync::Arc::new(gazetteer));
        }
        Ok(ViewRun {
            reader,
            pipeline,
            run_options: RunOptions {
                parallel: threads > 1,
                ..RunOptions::default()
            },
            progress,
            quiet: args.quiet,
            started: Instant::now(),
        })
    }

    /// Runs the pipeline and hands each record to `view`; an error record is reported on
    /// standard error with its id and skipped.
    fn run(
        self,
        what: &str,
        mut view: impl FnMut(&warta::record::Record) -> io::Result<()>,
    ) -> anyhow::Result<ExitCode> {
        self.run_outputs(what, |output| match &output {
            Output::Record(record) => view(record),
            Output::Error(_) => Ok(()),
        })
    }

    /// Runs the pipeline and hands every output, error records too, to `view`.
    fn run_outputs(self, what: &str, mut view: impl FnMut(&Output) -> io::Result<()>) -> anyhow::Result<ExitCode> {
        let progress = self.progress;
        let mut on_batch = |s: &Summary| {
            if let Some(bar) = &progress {
                bar.set_position(s.bytes);
                bar.set_message(format!("{} articles, {} errors", s.articles, s.errors));
            }
        };
        let summary = for_each_output(
            &self.pipeline,
            self.reader,
            self.run_options,
            |output| {
                if let Output::Error(e) = &output {
                    eprintln!("warta: {}: {}: {}", e.id, e.error.kind, e.error.message);
                }
                view(&output)
            },
            &mut on_batch,
        )
        .with_context(|| format!("cannot write the {what}"))?;
        if let Some(bar) = progress {
            bar.finish_and_clear();
        }
        if !self.quiet {
            let seconds = self.started.elapsed().as_secs_f64();
            eprintln!(
                "warta: {} articles read, {} records, {} error records, {:.1} MB in {:.2} s",
                summary.articles,
                summary.records,
                summary.errors,
                summary.bytes as f64 / 1e6,
                seconds
            );
        }
        Ok(if summary.errors > 0 {
            ExitCode::from(EXIT_SOME_ERRORS)
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// Where a view writes: a file renamed into place at the end, or standard output.
enum Destination {
    File(AtomicFile),
    Stdout(BufWriter<io::StdoutLock<'static>>),
}

impl Destination {
    fn open(path: Option<&Path>) -> anyhow::Result<Destination> {
        Ok(match path {
            Some(path) => Destination::File(AtomicFile::create(path)?),
            None => Destination::Stdout(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Destination::File(f) => &mut f.writer,
            Destination::Stdout(w) => w,
        }
    }

    fn commit(self) -> anyhow::Result<()> {
        match self {
            Destination::File(f) => f.commit(),
            Destination::Stdout(mut w) => Ok(w.flush()?),
        }
    }
}

fn quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let format = args.format.unwrap_or(match &args.output {
        None if to_terminal => QuoteFormat::Table,
        Some(path) if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) => QuoteFormat::Jsonl,
        _ => QuoteFormat::Csv,
    });
    let filter = QuoteFilter {
        unattributed: args.unattributed,
        weak: args.weak,
    };
    let sort = match args.sort {
        QuoteSort::Article => SortKey::Article,
        QuoteSort::Speaker => SortKey::Speaker,
        QuoteSort::Title => SortKey::Title,
        QuoteSort::Kind => SortKey::Kind,
        QuoteSort::Via => SortKey::Via,
        QuoteSort::Cue => SortKey::Cue,
        QuoteSort::Quote => SortKey::Quote,
    };
    let run = ViewRun::open(
        &args.read,
        Options {
            clean_text: args.clean_text,
            ..Options::default()
        },
    )?;
    let mut out = Destination::open(args.output.as_deref())?;
    // Rows stream straight out unless they must be seen whole first: to sort them, or to
    // size the table's columns.
    let collect = format == QuoteFormat::Table || sort != SortKey::Article;
    let mut rows: Vec<QuoteRow> = Vec::new();
    if format == QuoteFormat::Csv {
        quotes::write_csv_header(out.writer()).context("cannot write the quotes")?;
    }
    let code = {
        let w = out.writer();
        run.run("quotes", |record| {
            for row in QuoteRow::all(record).filter(|r| filter.keeps(r)) {
                if collect {
                    rows.push(row);
                } else {
                    write_row(w, format, &row)?;
                }
            }
            Ok(())
        })?
    };
    if collect {
        quotes::sort_rows(&mut rows, sort);
        let w = out.writer();
        if format == QuoteFormat::Table {
            let width = args.width.or_else(|| terminal_width(to_terminal));
            w.write_all(quotes::format_table(&rows, width).as_bytes())
                .context("cannot write the quotes")?;
        } else {
            for row in &rows {
                write_row(w, format, row).context("cannot write the quotes")?;
            }
        }
    }
    out.commit()?;
    Ok(code)
}

fn write_row(w: &mut dyn Write, format: QuoteFormat, row: &QuoteRow) -> io::Result<()> {
    match format {
        QuoteFormat::Csv => quotes::write_csv_row(w, row),
        QuoteFormat::Jsonl => quotes::write_jsonl_row(w, row),
        // The table is formatted whole, once its column widths are known.
        QuoteFormat::Table => Ok(()),
    }
}

/// The width to truncate the table to: $COLUMNS, else the terminal's width, else nothing
/// (no truncation).
fn terminal_width(to_terminal: bool) -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()) {
        return Some(n);
    }
    if !to_terminal {
        return None;
    }
    terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| usize::from(w))
}

fn report(args: ReportArgs) -> anyhow::Result<ExitCode> {
    if args.output.is_none() && io::stdout().is_terminal() {
        bail!("the report is HTML: write it to a file with -o report.html");
    }
    // The report shows the text, cleaned of markup so that it reads as an article.
    let run = ViewRun::open(
        &args.read,
        Options {
            text: true,
            clean_text: true,
            ..Options::default()
        },
    )?;
    let mut out = Destination::open(args.output.as_deref())?;
    let options = ReportOptions { title: args.title };
    let mut report = ReportWriter::new(out.writer(), &options).context("cannot write the report")?;
    let code = run.run_outputs("report", |output| report.add(output))?;
    report.finish().context("cannot write the report")?;
    out.commit()?;
    Ok(code)
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
    /// Leave the partial file when the run fails, for `--resume`; it is hidden and named
    /// `.partial`, so it never passes for a finished output.
    keep_on_failure: bool,
    committed: bool,
}

impl AtomicFile {
    fn partial_path(destination: &Path) -> anyhow::Result<PathBuf> {
        let name = destination
            .file_name()
            .with_context(|| format!("{} is not a file name", destination.display()))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(".partial");
        Ok(destination.with_file_name(temporary_name))
    }

    fn create(destination: &Path) -> anyhow::Result<AtomicFile> {
        let temporary = Self::partial_path(destination)?;
        let file = File::create(&temporary).with_context(|| format!("cannot create {}", temporary.display()))?;
        Ok(Self::around(file, temporary, destination))
    }

    fn around(file: File, temporary: PathBuf, destination: &Path) -> AtomicFile {
        AtomicFile {
            writer: BufWriter::with_capacity(1 << 16, file),
            temporary,
            destination: destination.to_path_buf(),
            keep_on_failure: false,
            committed: false,
        }
    }

    /// Opens the output of an interrupted run to go on with it: the partial file if there
    /// is one, else a finished output, cut after its last complete record. Returns the file
    /// and the ids of the records it keeps.
    fn resume(destination: &Path) -> anyhow::Result<(AtomicFile, Vec<String>)> {
        let temporary = Self::partial_path(destination)?;
        let source = if temporary.exists() {
            temporary.clone()
        } else {
            destination.to_path_buf()
        };
        if !source.exists() {
            return Ok((Self::create(destination)?, Vec::new()));
        }
        let (ids, complete) = complete_records(&source).with_context(|| format!("cannot read {}", source.display()))?;
        if source != temporary {
            std::fs::copy(&source, &temporary).with_context(|| format!("cannot create {}", temporary.display()))?;
        }
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&temporary)
            .with_context(|| format!("cannot open {}", temporary.display()))?;
        file.set_len(complete)
            .with_context(|| format!("cannot cut {}", temporary.display()))?;
        let mut out = Self::around(file, temporary, destination);
        io::Seek::seek(out.writer.get_mut(), io::SeekFrom::End(0))?;
        Ok((out, ids))
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
        })?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed && !self.keep_on_failure {
            let _ = std::fs::remove_file(&self.temporary);
        } else if !self.committed {
            let _ = self.writer.flush();
        }
    }
}

/// The ids of the complete records at the start of a JSON Lines output (each a JSON object
/// with an id, ended by a newline), and the bytes they take: a record cut short by a crash
/// ends the list.
fn complete_records(path: &Path) -> io::Result<(Vec<String>, u64)> {
    let mut reader = io::BufReader::new(File::open(path)?);
    let mut ids = Vec::new();
    let mut complete = 0u64;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = io::BufRead::read_until(&mut reader, b'\n', &mut line)?;
        if n == 0 || line.last() != Some(&b'\n') {
            break;
        }
        let id = serde_json::from_slice::<serde_json::Value>(&line)
            .ok()
            .and_then(|v| v.get("id").and_then(|id| id.as_str().map(String::from)));
        match id {
            Some(id) => ids.push(id),
            None => break,
        }
        complete += n as u64;
    }
    Ok((ids, complete))
}
