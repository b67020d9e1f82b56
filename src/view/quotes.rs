//! The quote table: one row per quote (article, speaker, the speaker's title, kind, how it
//! was attributed, cue, quote text), written as aligned text for a terminal, as CSV for a
//! spreadsheet, or as JSON Lines.

use std::cmp::Ordering;
use std::io::{self, Write};

use serde::Serialize;

use crate::extract::quote::QuoteKind;
use crate::record::Record;
use crate::view::Attributed;

/// One quote, flattened for a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRow {
    /// The article's id.
    pub article: String,
    /// The speaker's name, or null.
    pub speaker: Option<String>,
    /// The speaker's first title as written (`Wali Kota Palembang`), or null.
    pub title: Option<String>,
    /// `direct` or `indirect`.
    pub kind: QuoteKind,
    /// How the quote was attributed.
    pub via: Attributed,
    /// The speech verb or frame as written, or null.
    pub cue: Option<String>,
    /// The quoted words (direct) or the reported clause (indirect).
    pub quote: String,
    /// Code point offset of the quote's start in the article text.
    pub start: usize,
    /// Code point offset of the quote's end.
    pub end: usize,
}

/// The columns, in the order every format writes them.
pub const COLUMNS: [&str; 9] = [
    "article", "speaker", "title", "kind", "via", "cue", "quote", "start", "end",
];

impl QuoteRow {
    /// The rows of one record's quotes, in text order.
    pub fn all(record: &Record) -> impl Iterator<Item = QuoteRow> + '_ {
        record.quotes.iter().map(move |q| {
            let speaker = q.speaker.as_ref();
            let title = speaker
                .and_then(|s| s.person)
                .and_then(|p| record.people.get(p))
                .and_then(|p| p.titles.first())
                .map(|t| t.text.clone());
            QuoteRow {
                article: record.id.clone(),
                speaker: speaker.map(|s| s.name.clone()),
                title,
                kind: q.kind,
                via: Attributed::of(q),
                cue: q.cue.as_ref().map(|c| c.text.clone()),
                quote: q.text.clone(),
                start: q.start,
                end: q.end,
            }
        })
    }

    fn kind_str(&self) -> &'static str {
        match self.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }

    /// The cells of the row as text, in [`COLUMNS`] order; a missing value is empty.
    pub fn cells(&self) -> [String; 9] {
        [
            self.article.clone(),
            self.speaker.clone().unwrap_or_default(),
            self.title.clone().unwrap_or_default(),
            self.kind_str().to_string(),
            self.via.as_str().to_string(),
            self.cue.clone().unwrap_or_default(),
            self.quote.clone(),
            self.start.to_string(),
            self.end.to_string(),
        ]
    }
}

/// Which quotes to list. With neither flag set every quote is kept; with both, quotes that
/// match either.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Keep quotes without a named speaker: no speaker at all, or an anonymous source.
    pub unattributed: bool,
    /// Keep quotes attributed only through a pronoun, a bare title, or by continuing the
    /// previous speaker.
    pub weak: bool,
}

impl QuoteFilter {
    /// Keeps every quote.
    pub const ALL: QuoteFilter = QuoteFilter {
        unattributed: false,
        weak: false,
    };

    /// True when `row` is listed.
    pub fn keeps(&self, row: &QuoteRow) -> bool {
        if !self.unattributed && !self.weak {
            return true;
        }
        (self.unattributed && row.via.is_unnamed()) || (self.weak && row.via.is_weak())
    }
}

/// The column to sort rows by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Input order (articles as read, quotes in text order).
    #[default]
    Article,
    /// Speaker name (case-insensitive); quotes without a speaker last.
    Speaker,
    /// The speaker's title; quotes without one last.
    Title,
    /// Direct before indirect.
    Kind,
    /// `name`, `pronoun`, `title`, `previous`, `anonymous`, `none`.
    Via,
    /// The cue; quotes without one last.
    Cue,
    /// The quote text.
    Quote,
}

/// Sorts `rows` by `key`, keeping input order among equal keys. [`SortKey::Article`]
/// leaves the rows as they are.
pub fn sort_rows(rows: &mut [QuoteRow], key: SortKey) {
    fn text(a: &Option<String>, b: &Option<String>) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) => a.to_lowercase().cmp(&b.to_lowercase()),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    match key {
        SortKey::Article => {}
        SortKey::Speaker => rows.sort_by(|a, b| text(&a.speaker, &b.speaker)),
        SortKey::Title => rows.sort_by(|a, b| text(&a.title, &b.title)),
        SortKey::Kind => rows.sort_by_key(|r| r.kind_str()),
        SortKey::Via => rows.sort_by_key(|r| r.via),
        SortKey::Cue => rows.sort_by(|a, b| text(&a.cue, &b.cue)),
        SortKey::Quote => rows.sort_by_cached_key(|r| r.quote.to_lowercase()),
    }
}

/// Writes the CSV header row.
///
/// CSV is RFC 4180 (the `csv` crate): comma-separated, CRLF line ends, a field in double
/// quotes when it holds a comma, a quote or a line break, with inner quotes doubled.
///
/// # Errors
/// When writing to `out` fails.
pub fn write_csv_header(out: &mut (impl Write + ?Sized)) -> io::Result<()> {
    write_csv_record(out, COLUMNS.iter().copied())
}

/// Writes one row as a CSV record (see [`write_csv_header`]).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_csv_row(out: &mut (impl Write + ?Sized), row: &QuoteRow) -> io::Result<()> {
    let cells = row.cells();
    write_csv_record(out, cells.iter().map(String::as_str))
}

fn write_csv_record<'a>(out: &mut (impl Write + ?Sized), fields: impl Iterator<Item = &'a str>) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(fields).map_err(io::Error::other)?;
    writer.flush()
}

/// Writes one row as a JSON object on its own line, with the fields of [`COLUMNS`]
/// (missing values are null, `start` and `end` are numbers).
///
/// # Errors
/// When writing to `out` fails.
pub fn write_jsonl_row(out: &mut (impl Write + ?Sized), row: &QuoteRow) -> io::Result<()> {
    serde_json::to_writer(&mut *out, row)?;
    out.write_all(b"\n")
}

/// The columns the aligned table shows: their headers, the width each may take before the
/// quote column gets the rest of the line, and the width each gives way to on a narrow
/// terminal (kind and via never shrink: `indirect` and `anonymous` must stay readable).
const TABLE: [(&str, usize, usize); 7] = [
    ("ARTICLE", 20, 7),
    ("SPEAKER", 24, 8),
    ("TITLE", 30, 5),
    ("KIND", 8, 8),
    ("VIA", 9, 9),
    ("CUE", 16, 6),
    ("QUOTE", usize::MAX, 1),
];

/// The narrowest the quote column is squeezed to before the other columns give way.
const MIN_QUOTE_WIDTH: usize = 24;

/// Formats rows as an aligned table with a header line: columns separated by two spaces,
/// whitespace inside a cell collapsed, and each line truncated to `width` characters
/// (long cells end in `…`). `None` truncates nothing.
pub fn format_table(rows: &[QuoteRow], width: Option<usize>) -> String {
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            let c = r.cells();
            std::array::from_fn(|i| collapse(&c[i]))
        })
        .collect();
    let mut widths: [usize; 7] = std::array::from_fn(|i| {
        cells
            .iter()
            .map(|c| c[i].chars().count())
            .max()
            .unwrap_or(0)
            .max(TABLE[i].0.len())
    });
    if let Some(width) = width {
        fit(&mut widths, width);
    }
    let mut out = String::new();
    let header: [String; 7] = std::array::from_fn(|i| TABLE[i].0.to_string());
    for line in std::iter::once(&header).chain(cells.iter()) {
        for (i, cell) in line.iter().enumerate() {
            let last = i + 1 == line.len();
            let shown = truncate(cell, widths[i]);
            out.push_str(&shown);
            if !last {
                let pad = widths[i].saturating_sub(shown.chars().count()) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        // A short last cell may leave spaces only when the quote column is empty.
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    out
}

/// Shrinks column widths so that a line fits in `width` characters: each column first
/// takes at most its cap, the quote column the rest; when that leaves the quote column
/// narrower than [`MIN_QUOTE_WIDTH`], the column with the most to spare above its minimum
/// gives way, one character at a time.
fn fit(widths: &mut [usize; 7], width: usize) {
    let separators = 2 * (widths.len() - 1);
    for (w, (_, cap, _)) in widths.iter_mut().zip(TABLE) {
        *w = (*w).min(cap);
    }
    let quote = widths.len() - 1;
    let others = |w: &[usize; 7]| w[..quote].iter().sum::<usize>() + separators;
    while width.saturating_sub(others(widths)) < MIN_QUOTE_WIDTH.min(widths[quote]) {
        let spare = (0..quote)
            .map(|i| (i, widths[i].saturating_sub(TABLE[i].2)))
            .max_by_key(|&(_, spare)| spare);
        match spare {
            Some((i, spare)) if spare > 0 => widths[i] -= 1,
            _ => break,
        }
    }
    widths[quote] = widths[quote].min(width.saturating_sub(others(widths)).max(1));
}

fn collapse(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn truncate(cell: &str, width: usize) -> String {
    if cell.chars().count() <= width {
        return cell.to_string();
    }
    let mut out: String = cell.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(speaker: Option<&str>, via: Attributed, quote: &str) -> QuoteRow {
        QuoteRow {
            article: "a1".into(),
            speaker: speaker.map(String::from),
            title: None,
            kind: QuoteKind::Direct,
            via,
            cue: Some("kata".into()),
            quote: quote.into(),
            start: 1,
            end: 5,
        }
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = Vec::new();
        write_csv_row(
            &mut out,
            &row(Some("Ratu Dewa"), Attributed::Name, "Kami siap, \"katanya\"\nlagi"),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a1,Ratu Dewa,,direct,name,kata,\"Kami siap, \"\"katanya\"\"\nlagi\",1,5\r\n"
        );
    }

    #[test]
    fn filter_unattributed_and_weak() {
        let none = row(None, Attributed::None, "x");
        let anonymous = row(None, Attributed::Anonymous, "x");
        let pronoun = row(Some("Dewa"), Attributed::Pronoun, "x");
        let name = row(Some("Dewa"), Attributed::Name, "x");
        let only = QuoteFilter {
            unattributed: true,
            weak: false,
        };
        let weak = QuoteFilter {
            unattributed: false,
            weak: true,
        };
        let both = QuoteFilter {
            unattributed: true,
            weak: true,
        };
        let kept = |f: QuoteFilter| [&none, &anonymous, &pronoun, &name].map(|r| f.keeps(r));
        assert_eq!(kept(QuoteFilter::ALL), [true, true, true, true]);
        assert_eq!(kept(only), [true, true, false, false]);
        assert_eq!(kept(weak), [false, false, true, false]);
        assert_eq!(kept(both), [true, true, true, false]);
    }

    #[test]
    fn table_fits_the_width() {
        let long = "Kami tidak mencari inovasi yang indah di atas kertas, kami mencari inovasi yang berguna.";
        let rows = [
            row(Some("Mukhtar Alamsyah"), Attributed::Name, long),
            row(None, Attributed::None, "Pendek."),
        ];
        let table = format_table(&rows, Some(60));
        for line in table.lines() {
            assert!(line.chars().count() <= 60, "{line:?}");
        }
        assert!(table.lines().nth(1).unwrap().ends_with('…'));
        let wide = format_table(&rows, None);
        assert!(wide.contains(long));
        let lines: Vec<_> = wide.lines().collect();
        let column = |l: &str| l.find("QUOTE").or_else(|| l.find("Kami")).or_else(|| l.find("Pendek"));
        assert_eq!(column(lines[0]), column(lines[1]));
        assert_eq!(column(lines[1]), column(lines[2]));
    }

    #[test]
    fn sort_is_stable_and_puts_missing_last() {
        let mut rows = vec![
            row(None, Attributed::None, "1"),
            row(Some("budi"), Attributed::Name, "2"),
            row(Some("Andi"), Attributed::Pronoun, "3"),
            row(Some("Budi"), Attributed::Name, "4"),
        ];
        sort_rows(&mut rows, SortKey::Speaker);
        let order: Vec<_> = rows.iter().map(|r| r.quote.as_str()).collect();
        assert_eq!(order, ["3", "2", "4", "1"]);
        sort_rows(&mut rows, SortKey::Via);
        assert_eq!(rows[0].via, Attributed::Name);
        assert_eq!(rows[3].via, Attributed::None);
    }
}
