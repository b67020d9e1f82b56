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
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Inputs: files, folders, or - for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Write the records to FILE (written beside it and renamed when the run ends).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Reference date (YYYY-MM-DD) for articles that carry no publication date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Articles larger than this many bytes give a "too large" error record.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_article_bytes: usize,
    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}
