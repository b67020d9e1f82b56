//! Journalists' views of the records: a quote table ([`quotes`]: aligned text, CSV, JSON
//! Lines) and a self-contained HTML report ([`report`]) that marks quotes, speakers,
//! organizations, people, dates and venues in each article's text.
//!
//! The views read [`Record`](crate::record::Record)s, so they work on any pipeline output; [`for_each_output`]
//! runs a [`Pipeline`] over an input stream in parallel, in input order, and hands each
//! output to a view. Nothing here prints: the views return strings or write to a
//! [`std::io::Write`].
//!
//! ```
//! use warta::input::Article;
//! use warta::pipeline::{Options, Pipeline};
//! use warta::view::quotes::{QuoteFilter, QuoteRow, write_csv_header, write_csv_row};
//!
//! let article = Article {
//!     id: "contoh".into(),
//!     body: "“Jalan ini dibuka besok,” kata Wali Kota Palembang Ratu Dewa.".into(),
//!     ..Article::default()
//! };
//! let record = Pipeline::new(Options::default()).process(&article);
//! let mut csv = Vec::new();
//! write_csv_header(&mut csv).unwrap();
//! for row in QuoteRow::all(&record).filter(|r| QuoteFilter::ALL.keeps(r)) {
//!     write_csv_row(&mut csv, &row).unwrap();
//! }
//! let csv = String::from_utf8(csv).unwrap();
//! assert!(csv.starts_with("article,speaker,title,kind,via,cue,quote,start,end\r\n"));
//! assert!(csv.contains("contoh,Ratu Dewa,"));
//! ```

pub mod quotes;
pub mod report;

use std::io;

use crate::extract::quote::Via;
use crate::input::Item;
use crate::pipeline::{Pipeline, RunOptions, Summary};
use crate::record::{Output, QuoteRecord};

/// How a quote was attributed, as the views name it: the speaker's `via`, or `anonymous`
/// for an anonymous source, or `none` when no speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attributed {
    /// A name written at the cue.
    Name,
    /// Only a pronoun at the cue ("ia", "katanya").
    Pronoun,
    /// Only a bare title at the cue, resolved to its holder.
    Title,
    /// No cue: the quote continues the previous speaker.
    Previous,
    /// An anonymous source ("kata seorang warga").
    Anonymous,
    /// No speaker found.
    None,
}

impl Attributed {
    /// How `quote` was attributed. An anonymous source counts as anonymous even when the
    /// extractor names a speaker for it, as [`crate::record::Attribution`] counts it.
    pub fn of(quote: &QuoteRecord) -> Self {
        if quote.anonymous {
            return Attributed::Anonymous;
        }
        match quote.speaker.as_ref().map(|s| s.via) {
            Some(Via::Name) => Attributed::Name,
            Some(Via::Pronoun) => Attributed::Pronoun,
            Some(Via::Title) => Attributed::Title,
            Some(Via::Previous) => Attributed::Previous,
            None => Attributed::None,
        }
    }

    /// The name written in the views: `name`, `pronoun`, `title`, `previous`, `anonymous`
    /// or `none`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Attributed::Name => "name",
            Attributed::Pronoun => "pronoun",
            Attributed::Title => "title",
            Attributed::Previous => "previous",
            Attributed::Anonymous => "anonymous",
            Attributed::None => "none",
        }
    }

    /// True when no speaker is named: no speaker at all, or an anonymous source.
    pub fn is_unnamed(&self) -> bool {
        matches!(self, Attributed::Anonymous | Attributed::None)
    }

    /// True when a speaker was found only through a pronoun, a bare title or by continuing
    /// the previous speaker: attributions a reader should check.
    pub fn is_weak(&self) -> bool {
        matches!(self, Attributed::Pronoun | Attributed::Title | Attributed::Previous)
    }

    /// Every value, in the order the views list them.
    pub const ALL: [Attributed; 6] = [
        Attributed::Name,
        Attributed::Pronoun,
        Attributed::Title,
        Attributed::Previous,
        Attributed::Anonymous,
        Attributed::None,
    ];
}

/// Runs `pipeline` over `items` and calls `view` with each output (a record or an error
/// record), in input order. Batches are processed on rayon's pool when
/// `options.parallel` is set, as [`Pipeline::run`] does; `progress` is called after each
/// batch with the counts so far. Memory holds at most four batches.
///
/// # Errors
/// The first error `view` returns (writing the view failed); processing stops there.
pub fn for_each_output<I, F>(
    pipeline: &Pipeline,
    items: I,
    options: RunOptions,
    mut view: F,
    progress: &mut dyn FnMut(&Summary),
) -> io::Result<Summary>
where
    I: Iterator<Item = Item> + Send,
    F: FnMut(Output) -> io::Result<()>,
{
    pipeline.run_batches(
        items,
        options,
        |output| output,
        |outputs| outputs.into_iter().try_for_each(&mut view),
        progress,
    )
}
