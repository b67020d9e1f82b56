//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// warta turns Indonesian news text into structured, auditable JSON records.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyze articles and write one JSON record per article (JSON Lines).
    ///
    /// INPUT is a .txt file (one article; a first line "# Headline" is the title), a folder
    /// (every .txt, .jsonl and .json under it, in sorted path order), a .jsonl file, or -
    /// for JSON Lines on standard input (the default).
    Extract(ExtractArgs),
    /// Print the JSON Schema of the records.
    Schema,
    /// List the quotes: one row per quote with its article, speaker, the speaker's title,
    /// kind, how it was attributed, cue and text.
    ///
    /// Reads INPUT as `extract` does. The format is an aligned table on a terminal and CSV
    /// (RFC 4180, a header row) in a pipe or file, unless --format says otherwise; -o FILE
    /// ending in .jsonl writes JSON Lines.
    Quotes(QuotesArgs),
    /// Write one self-contained HTML file showing each article with its quotes, speakers,
    /// people, organizations, dates and venues marked, and an index of all articles.
    Report(ReportArgs),
}

/// Reading options shared by the views (the same as `extract`'s).
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// Inputs: files, folders, or - for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Reference date (YYYY-MM-DD) for articles that carry no publication date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Articles larger than this many bytes give a "too large" error record.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_article_bytes: usize,
    /// A folder of region CSV files (kode,nama,level,tipe,parent_kode,kode_prov), such as
    /// the Kemendagri list: places get their official codes. Read at start-up.
    #[arg(long, value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write the rows to FILE (written beside it and renamed when the run ends).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format (default: table on a terminal; otherwise jsonl for a .jsonl FILE, else csv).
    #[arg(long, value_enum)]
    pub format: Option<QuoteFormat>,
    /// Only quotes without a named speaker: no speaker found, or an anonymous source.
    #[arg(long)]
    pub unattributed: bool,
    /// Only quotes whose speaker was found through a pronoun, a bare title or the previous
    /// speaker (with --unattributed: both kinds).
    #[arg(long)]
    pub weak: bool,
    /// Sort the rows by this column (default: input order).
    #[arg(long, value_enum, default_value_t = QuoteSort::Article)]
    pub sort: QuoteSort,
    /// Table width in characters (default: the terminal's width, or $COLUMNS).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Take the quote text and cues from the cleaned text (HTML removed, entities decoded).
    #[arg(long)]
    pub clean_text: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuoteFormat {
    /// Aligned columns truncated to the terminal's width.
    Table,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// One JSON object per quote.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QuoteSort {
    Article,
    Speaker,
    Title,
    Kind,
    Via,
    Cue,
    Quote,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write the HTML to FILE (written beside it and renamed when the run ends); without
    /// it the HTML goes to standard output when that is not a terminal.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The report's title.
    #[arg(long, default_value = "warta report")]
    pub title: String,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Write the records to FILE: written to .FILE.partial beside it and renamed when the
    /// run ends, so FILE is never half written.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Pick up an interrupted run: keep the complete records of .FILE.partial (or of FILE)
    /// and go on after them, checking by id that the input is the same.
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// Include the tokens of each article.
    #[arg(long)]
    pub tokens: bool,
    /// Include the article text that the offsets point into.
    #[arg(long)]
    pub text: bool,
    /// Point offsets into the cleaned text (HTML removed, entities decoded, spaces and
    /// line ends normalized, NFC) instead of the text as given; with --text the record
    /// carries the cleaned text.
    #[arg(long)]
    pub clean_text: bool,
}
