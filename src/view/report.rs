//! A self-contained HTML report of a corpus: an index of every article with its counts,
//! and for each article its text with quotes, cues, speakers, people, organizations, dates,
//! times and venues marked in distinct colours, a legend, who is quoted how often, and how
//! each quote was attributed.
//!
//! The file loads nothing from elsewhere (inline CSS and a small inline script that sorts
//! and filters the index). It stays usable for thousands of articles: every article is a
//! section hidden until its link is followed (`#a12`, the CSS `:target` rule), so the browser
//! lays out only the index and the one article shown.
//!
//! Elements carry their facts for tests and scripts: `<section class="article" id="a1"
//! data-id="001">`, `<q class="quote" data-kind="direct" data-speaker="Ratu Dewa"
//! data-via="name">`, `<span class="cue">`, `<span class="person speaker" data-person=…>`,
//! `<span class="org" data-org=…>`, `<span class="date" data-value=…>`,
//! `<span class="time" data-value=…>`, `<span class="venue" data-venue=…>`.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::extract::quote::QuoteKind;
use crate::record::{Output, Record};
use crate::span::CharOffsets;
use crate::view::Attributed;

const STYLE: &str = include_str!("../../assets/report.css");
const SCRIPT: &str = include_str!("../../assets/report.js");

/// How the report is labelled.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// The document title and heading.
    pub title: String,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            title: "warta report".into(),
        }
    }
}

/// Writes a report as records come: the head and legend first, then one hidden section per
/// article, then (in [`ReportWriter::finish`]) the index, which the page shows first. Only
/// the index rows are kept in memory.
#[derive(Debug)]
pub struct ReportWriter<W: Write> {
    out: W,
    index: String,
    articles: usize,
    errors: usize,
    totals: Counts,
}

/// Per-article counts for the index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Quotes.
    pub quotes: usize,
    /// Quotes with no speaker found (and not from an anonymous source).
    pub unattributed: usize,
    /// Quotes from anonymous sources.
    pub anonymous: usize,
    /// Quotes attributed only through a pronoun, a title or the previous speaker.
    pub weak: usize,
    /// People.
    pub people: usize,
    /// Organizations.
    pub organizations: usize,
    /// Dates and times.
    pub dates: usize,
    /// Venues.
    pub venues: usize,
}

impl Counts {
    /// The counts of one record.
    pub fn of(record: &Record) -> Self {
        let mut c = Counts {
            quotes: record.quotes.len(),
            people: record.people.len(),
            organizations: record.organizations.len(),
            dates: record.dates.len() + record.times.len(),
            venues: record.venues.len(),
            ..Counts::default()
        };
        for q in &record.quotes {
            match Attributed::of(q) {
                Attributed::None => c.unattributed += 1,
                Attributed::Anonymous => c.anonymous += 1,
                a if a.is_weak() => c.weak += 1,
                _ => {}
            }
        }
        c
    }

    fn add(&mut self, o: &Counts) {
        self.quotes += o.quotes;
        self.unattributed += o.unattributed;
        self.anonymous += o.anonymous;
        self.weak += o.weak;
        self.people += o.people;
        self.organizations += o.organizations;
        self.dates += o.dates;
        self.venues += o.venues;
    }

    fn cells(&self) -> [usize; 8] {
        [
            self.quotes,
            self.unattributed,
            self.anonymous,
            self.weak,
            self.people,
            self.organizations,
            self.dates,
            self.venues,
        ]
    }
}

const INDEX_HEADERS: [&str; 8] = [
    "quotes",
    "unattributed",
    "anonymous",
    "weak",
    "people",
    "organizations",
    "dates",
    "venues",
];

impl<W: Write> ReportWriter<W> {
    /// Starts a report on `out`: writes the head, the inline style and the legend.
    ///
    /// # Errors
    /// When writing to `out` fails.
    pub fn new(mut out: W, options: &ReportOptions) -> io::Result<Self> {
        let title = escape(&options.title);
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"warta {}\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n\
             </head>\n<body>\n<header>\n<h1><a href=\"#\">{title}</a></h1>\n{}</header>\n<main id=\"views\">\n",
            env!("CARGO_PKG_VERSION"),
            legend()
        )?;
        Ok(ReportWriter {
            out,
            index: String::new(),
            articles: 0,
            errors: 0,
            totals: Counts::default(),
        })
    }

    /// Adds one output: a record becomes an article section and an index row; an error
    /// record becomes an index row that says what went wrong.
    ///
    /// # Errors
    /// When writing to `out` fails.
    pub fn add(&mut self, output: &Output) -> io::Result<()> {
        self.articles += 1;
        let n = self.articles;
        match output {
            Output::Record(record) => {
                let counts = Counts::of(record);
                self.totals.add(&counts);
                let anchor = format!("a{n}");
                self.out.write_all(article_section(record, &anchor).as_bytes())?;
                let _ = write!(
                    self.index,
                    "<tr data-id=\"{}\"><td>{n}</td><td><a href=\"#{anchor}\">{}</a></td><td>{}</td><td>{}</td>",
                    escape(&record.id),
                    escape(&record.id),
                    escape(record.title.as_deref().unwrap_or("")),
                    escape(record.published.as_deref().unwrap_or("")),
                );
                for (value, name) in counts.cells().iter().zip(INDEX_HEADERS) {
                    let flag = if name == "unattributed" && *value > 0 {
                        " class=\"flag\""
                    } else {
                        ""
                    };
                    let _ = write!(self.index, "<td{flag}>{value}</td>");
                }
                self.index.push_str("</tr>\n");
            }
            Output::Error(e) => {
                self.errors += 1;
                let _ = writeln!(
                    self.index,
                    "<tr class=\"error\" data-id=\"{}\"><td>{n}</td><td>{}</td><td colspan=\"{}\">error ({}): {}</td></tr>",
                    escape(&e.id),
                    escape(&e.id),
                    2 + INDEX_HEADERS.len(),
                    e.error.kind,
                    escape(&e.error.message)
                );
            }
        }
        Ok(())
    }

    /// Writes the index, the script and the end of the document, and returns the writer
    /// (flushed).
    ///
    /// # Errors
    /// When writing to `out` fails.
    pub fn finish(mut self) -> io::Result<W> {
        let t = &self.totals;
        write!(
            self.out,
            "<section id=\"index\">\n<h2>Articles</h2>\n<p class=\"summary\">{} articles ({} error records) · \
             {} quotes: {} unattributed, {} anonymous, {} weakly attributed · {} people · {} organizations</p>\n\
             <p class=\"hint\">Choose an article to see its text marked. Click a column to sort. \
             <input id=\"filter\" type=\"search\" placeholder=\"filter by id or title\" aria-label=\"filter\"></p>\n\
             <table class=\"index\">\n<thead><tr><th>#</th><th>id</th><th>title</th><th>published</th>",
            self.articles, self.errors, t.quotes, t.unattributed, t.anonymous, t.weak, t.people, t.organizations
        )?;
        for name in INDEX_HEADERS {
            write!(self.out, "<th class=\"num\">{name}</th>")?;
        }
        self.out.write_all(b"</tr></thead>\n<tbody>\n")?;
        self.out.write_all(self.index.as_bytes())?;
        self.out
            .write_all(b"</tbody>\n<tfoot><tr><td></td><td>total</td><td></td><td></td>")?;
        for value in t.cells() {
            write!(self.out, "<td>{value}</td>")?;
        }
        self.out.write_all(b"</tr></tfoot>\n</table>\n</section>\n</main>\n")?;
        if self.articles == 1 && self.errors == 0 {
            // One article: show it without asking for a click.
            self.out
                .write_all(b"<style>.article{display:block}#index{display:none}</style>\n")?;
        }
        write!(self.out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The report of `outputs` as one string (for a few articles; use [`ReportWriter`] to
/// stream a corpus).
pub fn render(outputs: &[Output], options: &ReportOptions) -> String {
    let mut out = Vec::new();
    let written = ReportWriter::new(&mut out, options).and_then(|mut report| {
        outputs.iter().try_for_each(|o| report.add(o))?;
        report.finish().map(|_| ())
    });
    // Writing to a Vec never fails.
    debug_assert!(written.is_ok());
    String::from_utf8_lossy(&out).into_owned()
}

fn legend() -> String {
    let items = [
        ("sw quote direct", "direct quote"),
        ("sw quote indirect", "indirect quote"),
        ("sw quote via-none", "no speaker found"),
        ("sw quote via-anonymous", "anonymous source"),
        ("sw cue", "cue (speech verb)"),
        ("sw person speaker", "speaker"),
        ("sw person", "person"),
        ("sw org", "organization"),
        ("sw date", "date or time"),
        ("sw venue", "venue"),
    ];
    let mut out = String::from("<p class=\"legend\">");
    for (class, label) in items {
        let _ = write!(out, "<span class=\"{class}\">{label}</span> ");
    }
    out.push_str("</p>\n");
    out
}

/// One article's section: heading, facts, marked text, who is quoted how, and the list of
/// quotes with their attribution. `anchor` is the section's id.
pub fn article_section(record: &Record, anchor: &str) -> String {
    let mut out = String::with_capacity(record.text.as_ref().map_or(0, |t| t.len() * 3) + 4096);
    let _ = write!(
        out,
        "<section class=\"article\" id=\"{anchor}\" data-id=\"{}\">\n<nav><a href=\"#\">← all articles</a></nav>\n\
         <h2>{}</h2>\n<p class=\"facts\">id <code>{}</code>",
        escape(&record.id),
        escape(record.title.as_deref().unwrap_or(&record.id)),
        escape(&record.id),
    );
    for (label, value) in [
        ("published", &record.published),
        ("outlet", &record.outlet),
        ("url", &record.url),
    ] {
        if let Some(v) = value {
            // The url is shown as text, not a link: the report refers to nothing outside it.
            let _ = write!(out, " · {label} <code>{}</code>", escape(v));
        }
    }
    let _ = writeln!(out, " · language <code>{}</code></p>", escape(&record.language.code));
    for w in &record.warnings {
        let _ = writeln!(out, "<p class=\"warning\">{}</p>", escape(w));
    }
    match &record.text {
        Some(text) => {
            out.push_str("<div class=\"text\">");
            out.push_str(&marked_text(record, text, anchor));
            out.push_str("</div>\n");
        }
        None => out.push_str("<p class=\"warning\">The record carries no text (run with --text).</p>\n"),
    }
    speaker_table(record, &mut out);
    quote_list(record, anchor, &mut out);
    out.push_str("</section>\n");
    out
}

/// A span to mark: code point offsets turned into bytes, the tags around it, and its rank
/// (lower ranks win when two marks cross, and sit outside when two cover the same text).
#[derive(Debug, Clone)]
struct Mark {
    start: usize,
    end: usize,
    rank: u8,
    open: String,
    close: &'static str,
}

/// The article text, HTML-escaped, with every mention wrapped in its element.
///
/// The records' offsets count code points; they become byte offsets here, so the browser
/// (whose strings count UTF-16 units) never sees an offset. Marks nest: when two cross,
/// the one of higher rank is cut into pieces at the other's boundaries.
fn marked_text(record: &Record, text: &str, anchor: &str) -> String {
    let at = CharOffsets::new(text);
    let mut marks: Vec<Mark> = Vec::new();
    let mut push = |start: usize, end: usize, rank: u8, open: String, close: &'static str| {
        let (start, end) = (at.byte_offset(start), at.byte_offset(end));
        if start < end {
            marks.push(Mark {
                start,
                end,
                rank,
                open,
                close,
            });
        }
    };
    if record.body_start > 0 {
        push(0, record.body_start, 0, "<span class=\"headline\">".into(), "</span>");
    }
    let mut speaking_people = vec![false; record.people.len()];
    let mut speaking_orgs = vec![false; record.organizations.len()];
    for (i, q) in record.quotes.iter().enumerate() {
        let via = Attributed::of(q);
        let kind = match q.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        };
        let mut tip = format!("{kind} quote · via {}", via.as_str());
        let mut open = format!(
            "<q class=\"quote {kind} via-{}\" id=\"{anchor}-q{}\" data-kind=\"{kind}\" data-via=\"{}\"",
            via.as_str(),
            i + 1,
            via.as_str()
        );
        if let Some(s) = &q.speaker {
            let _ = write!(open, " data-speaker=\"{}\"", escape(&s.name));
            let _ = write!(tip, " · {}", s.name);
            if let Some(p) = s.person.and_then(|p| speaking_people.get_mut(p)) {
                *p = true;
            }
            if let Some(o) = s.organization.and_then(|o| speaking_orgs.get_mut(o)) {
                *o = true;
            }
        }
        if let Some(c) = &q.cue {
            let _ = write!(tip, " · cue “{}”", c.text);
            push(c.start, c.end, 2, "<span class=\"cue\">".into(), "</span>");
        }
        let _ = write!(open, " title=\"{}\">", escape(&tip));
        push(q.start, q.end, 1, open, "</q>");
    }
    // Mentions carry their facts as data attributes, which the style shows on hover; a
    // `title` on each would repeat them and grow a corpus report by a tenth.
    for (i, o) in record.organizations.iter().enumerate() {
        let speaker = if speaking_orgs[i] { " speaker" } else { "" };
        let government = if o.government { " government" } else { "" };
        for m in &o.mentions {
            let open = format!(
                "<span class=\"org{speaker}{government}\" data-org=\"{}\">",
                escape(&o.name)
            );
            push(m.start, m.end, 3, open, "</span>");
        }
    }
    for v in &record.venues {
        for m in &v.mentions {
            let open = format!("<span class=\"venue\" data-venue=\"{}\">", escape(&v.name));
            push(m.start, m.end, 3, open, "</span>");
        }
    }
    for (i, p) in record.people.iter().enumerate() {
        let speaker = if speaking_people[i] { " speaker" } else { "" };
        for m in &p.mentions {
            let open = format!("<span class=\"person{speaker}\" data-person=\"{}\">", escape(&p.name));
            push(m.start, m.end, 4, open, "</span>");
        }
    }
    for d in &record.dates {
        let value = d.value.as_deref().unwrap_or("unresolved");
        let open = format!("<span class=\"date\" data-value=\"{}\">", escape(value));
        push(d.start, d.end, 5, open, "</span>");
    }
    for t in &record.times {
        let value = match &t.utc_offset {
            Some(offset) => format!("{}{offset}", t.value),
            None => t.value.clone(),
        };
        let open = format!("<span class=\"time\" data-value=\"{}\">", escape(&value));
        push(t.start, t.end, 5, open, "</span>");
    }
    render_marks(text, nest(marks))
}

/// Makes marks nest: taken by rank, a mark that crosses one already taken is cut at the
/// taken mark's boundaries, so each piece lies inside or outside it. Returns the marks in
/// document order (outer before inner).
fn nest(mut marks: Vec<Mark>) -> Vec<Mark> {
    marks.sort_by_key(|m| (m.rank, m.start, std::cmp::Reverse(m.end)));
    let mut taken: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        let mut cuts: Vec<usize> = taken
            .iter()
            .filter(|t| {
                (t.start < m.start && m.start < t.end && t.end < m.end)
                    || (m.start < t.start && t.start < m.end && m.end < t.end)
            })
            .map(|t| if t.start < m.start { t.end } else { t.start })
            .collect();
        if cuts.is_empty() {
            taken.push(m);
            continue;
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut start = m.start;
        for cut in cuts.into_iter().chain(std::iter::once(m.end)) {
            if start < cut {
                taken.push(Mark {
                    start,
                    end: cut,
                    ..m.clone()
                });
            }
            start = cut;
        }
    }
    taken.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.rank));
    taken
}

/// Writes `text` escaped with the nested marks' tags around their spans.
fn render_marks(text: &str, marks: Vec<Mark>) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<Mark> = Vec::new();
    let mut pos = 0;
    let close_until = |out: &mut String, open: &mut Vec<Mark>, pos: &mut usize, limit: usize| {
        while let Some(top) = open.last() {
            if top.end > limit {
                break;
            }
            out.push_str(&escape(&text[*pos..top.end]));
            *pos = top.end;
            out.push_str(top.close);
            open.pop();
        }
    };
    for m in marks {
        close_until(&mut out, &mut open, &mut pos, m.start);
        out.push_str(&escape(&text[pos..m.start]));
        pos = m.start;
        out.push_str(&m.open);
        open.push(m);
    }
    close_until(&mut out, &mut open, &mut pos, usize::MAX);
    out.push_str(&escape(&text[pos..]));
    out
}

/// Who is quoted how often, and how: one row per speaker (most quoted first), then rows
/// for anonymous sources and quotes without a speaker.
fn speaker_table(record: &Record, out: &mut String) {
    if record.quotes.is_empty() {
        out.push_str("<p class=\"none\">No quotes found.</p>\n");
        return;
    }
    struct Row {
        name: String,
        title: String,
        quotes: usize,
        words: usize,
        by: [usize; 6],
    }
    let mut rows: Vec<Row> = Vec::new();
    for q in &record.quotes {
        let via = Attributed::of(q);
        let (name, title) = match (&q.speaker, via) {
            (_, Attributed::Anonymous) => ("(anonymous source)".to_string(), String::new()),
            (None, _) => ("(no speaker found)".to_string(), String::new()),
            (Some(s), _) => (
                s.name.clone(),
                s.person
                    .and_then(|p| record.people.get(p))
                    .and_then(|p| p.titles.first())
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
            ),
        };
        let slot = Attributed::ALL.iter().position(|a| *a == via).unwrap_or(5);
        let words = q.text.split_whitespace().count();
        match rows.iter_mut().find(|r| r.name == name) {
            Some(r) => {
                r.quotes += 1;
                r.words += words;
                r.by[slot] += 1;
            }
            None => {
                let mut by = [0; 6];
                by[slot] = 1;
                rows.push(Row {
                    name,
                    title,
                    quotes: 1,
                    words,
                    by,
                });
            }
        }
    }
    // Named speakers first, most quoted first; the unnamed rows last.
    rows.sort_by_key(|r| {
        (
            r.name.starts_with('('),
            std::cmp::Reverse(r.quotes),
            std::cmp::Reverse(r.words),
        )
    });
    out.push_str(
        "<h3>Who is quoted</h3>\n<table class=\"speakers\">\n<thead><tr><th>speaker</th><th>title</th>\
         <th class=\"num\">quotes</th><th class=\"num\">words</th>",
    );
    for a in Attributed::ALL {
        let _ = write!(out, "<th class=\"num\">{}</th>", a.as_str());
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
            escape(&r.name),
            escape(&r.title),
            r.quotes,
            r.words
        );
        for n in r.by {
            if n == 0 {
                out.push_str("<td class=\"zero\">0</td>");
            } else {
                let _ = write!(out, "<td>{n}</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Every quote with its speaker, attribution and cue, linking to it in the text.
fn quote_list(record: &Record, anchor: &str, out: &mut String) {
    if record.quotes.is_empty() {
        return;
    }
    out.push_str(
        "<h3>Quotes</h3>\n<table class=\"quotes\">\n<thead><tr><th>#</th><th>speaker</th><th>via</th>\
         <th>kind</th><th>cue</th><th>quote</th></tr></thead>\n<tbody>\n",
    );
    for (i, q) in record.quotes.iter().enumerate() {
        let via = Attributed::of(q);
        let kind = match q.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        };
        let quote: String = {
            let words: Vec<&str> = q.text.split_whitespace().collect();
            if words.len() > 14 {
                format!("{} …", words[..14].join(" "))
            } else {
                words.join(" ")
            }
        };
        let _ = writeln!(
            out,
            "<tr class=\"via-{}\"><td><a href=\"#{anchor}-q{}\">{}</a></td><td>{}</td><td>{}</td><td>{kind}</td><td>{}</td><td>{}</td></tr>",
            via.as_str(),
            i + 1,
            i + 1,
            escape(q.speaker.as_ref().map_or("", |s| s.name.as_str())),
            via.as_str(),
            escape(q.cue.as_ref().map_or("", |c| c.text.as_str())),
            escape(&quote)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Escapes text for HTML content and double- or single-quoted attributes.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, rank: u8, name: &str) -> Mark {
        Mark {
            start,
            end,
            rank,
            open: format!("<{name}>"),
            close: match name {
                "a" => "</a>",
                "b" => "</b>",
                _ => "</c>",
            },
        }
    }

    #[test]
    fn crossing_marks_are_cut_and_nest() {
        // a covers "bcd", b covers "def" (crossing), c covers "b" inside a.
        let text = "abcdefg";
        let marks = vec![mark(1, 4, 1, "a"), mark(3, 6, 2, "b"), mark(1, 2, 3, "c")];
        let html = render_marks(text, nest(marks));
        assert_eq!(html, "a<a><c>b</c>c<b>d</b></a><b>ef</b>g");
    }

    #[test]
    fn equal_spans_nest_by_rank_and_text_is_escaped() {
        let text = "<x> & y";
        let marks = vec![mark(0, 3, 2, "b"), mark(0, 3, 1, "a")];
        assert_eq!(render_marks(text, nest(marks)), "<a><b>&lt;x&gt;</b></a> &amp; y");
    }
}
