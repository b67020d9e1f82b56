//! Reading articles: text files, folders, JSON Lines files and standard input, with the
//! field names that real news dumps use. Every input unit becomes an [`Item`]: an article,
//! or the error that stands in its place, so nothing is lost silently.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind};

/// Where an item came from: the file (or `-`) and, for JSON Lines, the line number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    /// The file as named on the command line or found in a folder; `-` for standard input.
    pub file: String,
    /// The 1-based line in a JSON Lines file (the index in a JSON array file).
    pub line: Option<u64>,
}

/// One article to analyze.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The given id, else the url, else `file:line` (for a text file, its path).
    pub id: String,
    /// The headline, when there is one.
    pub title: Option<String>,
    /// The body text.
    pub body: String,
    /// The article's address.
    pub url: Option<String>,
    /// The publication date as given (ISO 8601 or an Indonesian written date).
    pub published: Option<String>,
    /// The outlet or source.
    pub outlet: Option<String>,
    /// Notes about the input that the record should carry (a decoding fallback).
    pub warnings: Vec<String>,
}

/// An input unit: an article, or the error that takes its place.
#[derive(Debug, Clone)]
pub struct Item {
    /// Where it came from.
    pub origin: Origin,
    /// The article, or why there is none.
    pub article: Result<Article, (String, Error)>,
    /// Bytes of input this item took.
    pub bytes: u64,
}

impl Item {
    /// The id of the article, or the best id the failed input allows.
    pub fn id(&self) -> &str {
        match &self.article {
            Ok(a) => &a.id,
            Err((id, _)) => id,
        }
    }
}

/// Field names accepted for each article field, first match wins.
const TEXT_FIELDS: [&str; 4] = ["text", "content", "body", "isi"];
const TITLE_FIELDS: [&str; 3] = ["title", "headline", "judul"];
const DATE_FIELDS: [&str; 4] = ["date", "published", "published_at", "tanggal"];
const OUTLET_FIELDS: [&str; 3] = ["outlet", "source", "media"];

/// Options for reading inputs.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Articles (text files, JSON lines) larger than this give a "too large" error.
    pub max_article_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_article_bytes: 10 * 1024 * 1024,
        }
    }
}

/// An input as named by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, read as JSON Lines.
    Stdin,
    /// A file or a folder.
    Path(PathBuf),
}

impl Input {
    /// `-` is standard input, anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// What a file holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    JsonLines,
    Json,
}

fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" => Some(Format::Text),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// A file to read and the id prefix its text articles take.
#[derive(Debug, Clone)]
struct Source {
    path: PathBuf,
    /// For a text file: its id (path below the folder, or the file stem).
    text_id: String,
    format: Format,
}

/// Expands inputs into the files to read, folders walked recursively in sorted path order.
///
/// # Errors
/// When an input does not exist or a folder cannot be listed.
fn expand(inputs: &[Input]) -> io::Result<Vec<Option<Source>>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => out.push(None),
            Input::Path(path) => {
                let meta = std::fs::metadata(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
                if meta.is_dir() {
                    let mut files = Vec::new();
                    walk(path, &mut files)?;
                    files.sort();
                    for file in files {
                        let Some(format) = format_of(&file) else { continue };
                        let rel = file.strip_prefix(path).unwrap_or(&file);
                        out.push(Some(Source {
                            text_id: id_of(rel),
                            path: file,
                            format,
                        }));
                    }
                } else {
                    let format = format_of(path).unwrap_or(Format::Text);
                    let name = Path::new(path.file_name().unwrap_or(path.as_os_str()));
                    out.push(Some(Source {
                        text_id: id_of(name),
                        path: path.clone(),
                        format,
                    }));
                }
            }
        }
    }
    Ok(out)
}

fn id_of(rel: &Path) -> String {
    let s = rel.to_string_lossy().replace('\\', "/");
    match s.strip_suffix(".txt") {
        Some(stem) => stem.to_string(),
        None => s,
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, files)?;
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads every input in order, one [`Item`] at a time, without holding more than one
/// article in memory.
pub struct Reader {
    sources: std::vec::IntoIter<Option<Source>>,
    current: Option<Current>,
    options: ReadOptions,
}

/// The file being read line by line.
struct Current {
    name: String,
    lines: Box<dyn BufRead + Send>,
    line: u64,
    /// JSON array files are read whole; their remaining items wait here.
    pending: std::vec::IntoIter<Item>,
}

impl Reader {
    /// Opens `inputs`.
    ///
    /// # Errors
    /// When an input does not exist or a folder cannot be listed.
    pub fn open(inputs: &[Input], options: ReadOptions) -> io::Result<Reader> {
        Ok(Reader {
            sources: expand(inputs)?.into_iter(),
            current: None,
            options,
        })
    }

    /// Reads JSON Lines from any reader, named `name` in error records and fallback ids
    /// (for a pipe, a socket, or a buffer in tests and fuzzing).
    pub fn from_json_lines(name: &str, reader: Box<dyn BufRead + Send>, options: ReadOptions) -> Reader {
        Reader {
            sources: Vec::new().into_iter(),
            current: Some(Current::new(name.to_string(), reader)),
            options,
        }
    }

    /// The bytes still to read, when every input is a file (not standard input).
    pub fn total_bytes(&self) -> Option<u64> {
        self.sources
            .as_slice()
            .iter()
            .map(|s| {
                s.as_ref()
                    .and_then(|s| std::fs::metadata(&s.path).ok())
                    .map(|m| m.len())
            })
            .sum()
    }

    fn start(&mut self, source: Option<Source>) -> Option<Item> {
        let Some(source) = source else {
            self.current = Some(Current::new("-".into(), Box::new(BufReader::new(io::stdin()))));
            return None;
        };
        let name = source.path.display().to_string();
        let origin = Origin {
            file: name.clone(),
            line: None,
        };
        let file = match File::open(&source.path) {
            Ok(f) => f,
            Err(e) => return Some(failed(origin, source.text_id, ErrorKind::Io, e.to_string(), 0)),
        };
        match source.format {
            Format::JsonLines => {
                self.current = Some(Current::new(name, Box::new(BufReader::with_capacity(1 << 16, file))));
                None
            }
            Format::Text => Some(self.read_text(file, origin, source.text_id)),
            Format::Json => {
                let items = self.read_json_file(file, origin, &source.text_id);
                let mut current = Current::new(name, Box::new(io::empty()));
                current.pending = items.into_iter();
                self.current = Some(current);
                None
            }
        }
    }

    fn read_text(&self, file: File, origin: Origin, id: String) -> Item {
        let (bytes, size) = match read_bounded(file, self.options.max_article_bytes) {
            Ok(r) => r,
            Err(e) => return failed(origin, id, ErrorKind::Io, e.to_string(), 0),
        };
        let Some(bytes) = bytes else {
            return too_large(origin, id, size, self.options.max_article_bytes);
        };
        let (text, warnings) = match decode(&bytes) {
            Ok(r) => r,
            Err(e) => {
                return Item {
                    origin,
                    article: Err((id, e)),
                    bytes: size,
                };
            }
        };
        let (title, body) = split_headline(&text);
        let article = Article {
            id,
            title,
            body,
            warnings,
            ..Article::default()
        };
        Item {
            origin,
            article: Ok(article),
            bytes: size,
        }
    }

    fn read_json_file(&self, file: File, origin: Origin, id: &str) -> Vec<Item> {
        let (bytes, size) = match read_bounded(file, self.options.max_article_bytes.saturating_mul(64)) {
            Ok((Some(b), size)) => (b, size),
            Ok((None, size)) => return vec![too_large(origin, id.into(), size, self.options.max_article_bytes * 64)],
            Err(e) => return vec![failed(origin, id.into(), ErrorKind::Io, e.to_string(), 0)],
        };
        let value: Value = match serde_json::from_slice(strip_bom(&bytes)) {
            Ok(v) => v,
            Err(e) => {
                return vec![failed(
                    origin,
                    id.into(),
                    ErrorKind::Json,
                    format!("not JSON: {e}"),
                    size,
                )];
            }
        };
        let values = match value {
            Value::Array(values) => values,
            other => vec![other],
        };
        let count = values.len().max(1) as u64;
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let origin = Origin {
                    file: origin.file.clone(),
                    line: Some(i as u64 + 1),
                };
                let fallback = format!("{}:{}", origin.file, i + 1);
                let article = article_from_json(v, &fallback, self.options.max_article_bytes);
                Item {
                    origin,
                    article,
                    bytes: size / count,
                }
            })
            .collect()
    }
}

impl Current {
    fn new(name: String, lines: Box<dyn BufRead + Send>) -> Self {
        Current {
            name,
            lines,
            line: 0,
            pending: Vec::new().into_iter(),
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = self.current.as_mut() {
                if let Some(item) = current.pending.next() {
                    return Some(item);
                }
                let max = self.options.max_article_bytes;
                let mut buf = Vec::new();
                match read_line_bounded(&mut current.lines, &mut buf, max) {
                    Ok(0) => self.current = None,
                    Ok(n) => {
                        current.line += 1;
                        let origin = Origin {
                            file: current.name.clone(),
                            line: Some(current.line),
                        };
                        let fallback = format!("{}:{}", current.name, current.line);
                        if n > max + 1 {
                            return Some(too_large(origin, fallback, n as u64, max));
                        }
                        let line = trim_line(strip_bom_if(&buf, current.line == 1));
                        if line.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        let article = parse_json_line(line, &fallback, max);
                        return Some(Item {
                            origin,
                            article,
                            bytes: n as u64,
                        });
                    }
                    Err(e) => {
                        current.line += 1;
                        let origin = Origin {
                            file: current.name.clone(),
                            line: Some(current.line),
                        };
                        let id = format!("{}:{}", current.name, current.line);
                        self.current = None;
                        return Some(failed(origin, id, ErrorKind::Io, e.to_string(), 0));
                    }
                }
                continue;
            }
            let source = self.sources.next()?;
            if let Some(item) = self.start(source) {
                return Some(item);
            }
        }
    }
}

fn failed(origin: Origin, id: String, kind: ErrorKind, message: String, bytes: u64) -> Item {
    Item {
        origin,
        article: Err((id, Error::new(kind, message))),
        bytes,
    }
}

fn too_large(origin: Origin, id: String, size: u64, max: usize) -> Item {
    let message = format!("too large: {size} bytes, over the limit of {max} (--max-article-bytes)");
    failed(origin, id, ErrorKind::TooLarge, message, size)
}

/// Reads a whole file unless it is larger than `max`: then returns `None` and the size,
/// having held no more than `max + 1` bytes.
fn read_bounded(file: File, max: usize) -> io::Result<(Option<Vec<u8>>, u64)> {
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > max as u64 {
        return Ok((None, size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Ok((None, bytes.len() as u64));
    }
    let len = bytes.len() as u64;
    Ok((Some(bytes), len))
}

/// Reads one line (with its newline) into `buf`, keeping at most `max + 1` bytes of it: a
/// longer line is consumed to its end but not stored. Returns the full length read.
fn read_line_bounded(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<usize> {
    let mut total = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(total);
        }
        let (chunk, done) = match memchr_newline(available) {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let keep = (max + 1).saturating_sub(buf.len()).min(chunk.len());
        buf.extend_from_slice(&chunk[..keep]);
        let used = chunk.len();
        total += used;
        reader.consume(used);
        if done {
            return Ok(total);
        }
    }
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', bytes)
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn strip_bom_if(bytes: &[u8], first: bool) -> &[u8] {
    if first { strip_bom(bytes) } else { bytes }
}

fn trim_line(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes.strip_suffix(b"\r").unwrap_or(bytes)
}

/// Decodes text bytes: UTF-8, else Windows-1252 (the usual encoding of mis-scraped pages)
/// with a warning; a NUL byte means a binary file.
fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), Error> {
    let bytes = strip_bom(bytes);
    if bytes.contains(&0) {
        return Err(Error::new(ErrorKind::Binary, "binary input: the text holds a NUL byte"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Vec::new())),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((
                text.into_owned(),
                vec!["input was not UTF-8; decoded as Windows-1252".to_string()],
            ))
        }
    }
}

/// A first line `# Headline` is the title; the body starts after it and its blank lines.
fn split_headline(text: &str) -> (Option<String>, String) {
    if let Some(rest) = text.strip_prefix("# ") {
        let (title, body) = rest.split_once('\n').unwrap_or((rest, ""));
        let body = body.trim_start_matches(['\r', '\n']);
        let title = title.trim();
        if !title.is_empty() {
            return (Some(title.to_string()), body.to_string());
        }
    }
    (None, text.to_string())
}

fn parse_json_line(line: &[u8], fallback_id: &str, max: usize) -> Result<Article, (String, Error)> {
    let text = match std::str::from_utf8(line) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => std::borrow::Cow::Owned(encoding_rs::WINDOWS_1252.decode(line).0.into_owned()),
    };
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        (
            fallback_id.to_string(),
            Error::new(ErrorKind::Json, format!("not a JSON object: {e}")),
        )
    })?;
    let mut article = article_from_json(value, fallback_id, max)?;
    if matches!(text, std::borrow::Cow::Owned(_)) {
        article
            .warnings
            .push("input line was not UTF-8; decoded as Windows-1252".into());
    }
    Ok(article)
}

fn article_from_json(value: Value, fallback_id: &str, max: usize) -> Result<Article, (String, Error)> {
    let Value::Object(mut map) = value else {
        return Err((fallback_id.into(), Error::new(ErrorKind::Json, "not a JSON object")));
    };
    let url = string_field(&map, &["url", "link"]);
    let id = match map.get("id") {
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => url.clone().unwrap_or_else(|| fallback_id.to_string()),
    };
    // The body is moved out of the map, not copied: it is most of the line.
    let text_field = TEXT_FIELDS.iter().copied().find(|k| map.contains_key(*k));
    let body = match text_field.and_then(|k| map.get_mut(k).map(|v| (k, v))) {
        Some((_, Value::String(s))) => std::mem::take(s),
        Some((k, other)) => {
            let kind = json_type(other);
            return Err((
                id,
                Error::new(ErrorKind::MissingText, format!("field \"{k}\" is {kind}, not a string")),
            ));
        }
        None => {
            let message = "no text field (text, content, body or isi)";
            return Err((id, Error::new(ErrorKind::MissingText, message)));
        }
    };
    if body.len() > max {
        return Err((
            id,
            Error::new(
                ErrorKind::TooLarge,
                format!("too large: {} bytes, over the limit of {max}", body.len()),
            ),
        ));
    }
    if body.contains('\0') {
        return Err((
            id,
            Error::new(ErrorKind::Binary, "binary input: the text holds a NUL character"),
        ));
    }
    Ok(Article {
        id,
        title: string_field(&map, &TITLE_FIELDS).filter(|t| !t.trim().is_empty()),
        body,
        url,
        published: string_field(&map, &DATE_FIELDS),
        outlet: string_field(&map, &OUTLET_FIELDS),
        warnings: Vec::new(),
    })
}

fn string_field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    })
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_fields_accept_dump_names() {
        let line = br#"{"isi": "Teks", "judul": "Judul", "tanggal": "Rabu, 9 November 2022", "link": "https://x.id/a", "media": "Antara"}"#;
        let a = parse_json_line(line, "f:1", 1000).unwrap();
        assert_eq!(a.id, "https://x.id/a");
        assert_eq!(a.body, "Teks");
        assert_eq!(a.title.as_deref(), Some("Judul"));
        assert_eq!(a.published.as_deref(), Some("Rabu, 9 November 2022"));
        assert_eq!(a.outlet.as_deref(), Some("Antara"));
    }

    #[test]
    fn bad_json_lines_name_the_reason() {
        let (id, e) = parse_json_line(b"{oops", "f.jsonl:3", 1000).unwrap_err();
        assert_eq!((id.as_str(), e.kind()), ("f.jsonl:3", ErrorKind::Json));
        let (id, e) = parse_json_line(br#"{"id": 7, "text": 5}"#, "f.jsonl:4", 1000).unwrap_err();
        assert_eq!(id, "7");
        assert_eq!(e.kind(), ErrorKind::MissingText);
        assert!(e.message().contains("number"), "{}", e.message());
    }

    #[test]
    fn long_lines_are_consumed_but_not_kept() {
        let data = format!("{}\nnext\n", "x".repeat(100));
        let mut reader = io::Cursor::new(data.into_bytes());
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut reader, &mut buf, 10).unwrap(), 101);
        assert_eq!(buf.len(), 11);
        buf.clear();
        assert_eq!(read_line_bounded(&mut reader, &mut buf, 10).unwrap(), 5);
        assert_eq!(buf, b"next\n");
    }

    #[test]
    fn headline_line_becomes_title() {
        let (title, body) = split_headline("# Banjir di Gandus\n\nPALEMBANG – Isi.");
        assert_eq!(title.as_deref(), Some("Banjir di Gandus"));
        assert_eq!(body, "PALEMBANG – Isi.");
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let (text, warnings) = decode(b"caf\xe9 \x93kutip\x94").unwrap();
        assert_eq!(text, "café “kutip”");
        assert_eq!(warnings.len(), 1);
        assert_eq!(decode(b"a\0b").unwrap_err().kind(), ErrorKind::Binary);
    }
}
