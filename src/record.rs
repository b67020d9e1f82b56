//! The output contract: one JSON object per article (see `warta schema` and the README).

use serde::Serialize;

use crate::extract::date::{DateMention, Precision, TimeMention};
use crate::extract::org::{Acronym, Organization};
use crate::extract::person::{Person, Title};
use crate::extract::place::Place;
use crate::extract::quote::{Quote, QuoteKind, Via};
use crate::extract::venue::Venue;
use crate::input::Origin;
use crate::language::Language;
use crate::normalize::OffsetMap;
use crate::span::{CharOffsets, CharSpan, Span};

/// The version of the record format. Adding a field bumps the minor number; renaming or
/// removing one bumps the major number.
pub const SCHEMA_VERSION: &str = "0.1.0";

/// The JSON Schema of [`Record`] and [`ErrorRecord`], as `warta schema` prints it.
pub const SCHEMA: &str = include_str!("schema.json");

/// One article's analysis. Offsets are Unicode code point offsets into the article text
/// (the title, a blank line, then the body), end exclusive.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// [`SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The article's id.
    pub id: String,
    /// The headline, or null.
    pub title: Option<String>,
    /// The article's address, or null.
    pub url: Option<String>,
    /// The outlet as given in the input, or null.
    pub outlet: Option<String>,
    /// The publication date, `YYYY-MM-DD`, or null when none was given or it did not parse.
    pub published: Option<String>,
    /// The language detected from the body.
    pub language: Language,
    /// The dateline the body opens with, or null.
    pub dateline: Option<DatelineRecord>,
    /// Where the body starts in the text (0 without a title).
    pub body_start: usize,
    /// Counts.
    pub stats: Stats,
    /// The text the offsets point into (only with `--text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sentences.
    pub sentences: Vec<CharSpan>,
    /// Tokens (only with `--tokens`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
    /// Organizations, government bodies first among them.
    pub organizations: Vec<OrganizationRecord>,
    /// Acronyms the text defines, whatever they name.
    pub acronyms: Vec<AcronymRecord>,
    /// People, officials with their titles.
    pub people: Vec<PersonRecord>,
    /// Provinces, regencies and cities, districts and villages named in the text.
    pub places: Vec<PlaceRecord>,
    /// Venues: where things happen.
    pub venues: Vec<VenueRecord>,
    /// Dates named in the text, normalized to ISO 8601.
    pub dates: Vec<DateRecord>,
    /// Times of day named in the text.
    pub times: Vec<TimeRecord>,
    /// Direct and indirect quotes with their speakers, in text order.
    pub quotes: Vec<QuoteRecord>,
    /// Who is quoted how in this article.
    pub attribution: Attribution,
    /// Things a reader of the record should know: decoding fallbacks, an empty text, a
    /// text that is not Indonesian, a date that did not parse.
    pub warnings: Vec<String>,
}

/// A dateline in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatelineRecord {
    /// The place, as written, or null.
    pub place: Option<String>,
    /// The outlet, as written, or null.
    pub outlet: Option<String>,
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end (after the dash).
    pub end: usize,
}

/// Counts for one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Unicode code points in the text.
    pub chars: usize,
    /// Tokens (syntactic words and punctuation).
    pub tokens: usize,
    /// Sentences.
    pub sentences: usize,
}

/// A token in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenRecord {
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
    /// The token as written.
    pub text: String,
}

/// The record that stands in for an article that could not be processed.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorRecord {
    /// [`SCHEMA_VERSION`].
    pub schema_version: &'static str,
    /// The article's id, or `file:line` when none could be read.
    pub id: String,
    /// Where the input came from.
    pub source: Origin,
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The kind and reason of an error record.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorDetail {
    /// One of `io`, `json`, `missing_text`, `binary`, `too_large`, `internal`.
    pub kind: &'static str,
    /// The reason, for people.
    pub message: String,
}

/// What one input item gives.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Output {
    /// A record.
    Record(Box<Record>),
    /// An error record.
    Error(ErrorRecord),
}

impl Output {
    /// True for an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, Output::Error(_))
    }

    /// Appends the output to `out` as JSON: byte for byte what `serde_json::to_writer` writes
    /// for it (the tests compare the two on every text we have), in a fraction of the time.
    /// Through serde, writing records took a tenth of a run, escaping strings a byte at a time.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Output::Record(record) => record.write_to(out),
            // Rare, and holding nothing that is slow to write.
            Output::Error(error) => via_serde(out, error),
        }
    }
}

/// A date in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateRecord {
    /// The date as written.
    pub text: String,
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
    /// ISO 8601 (`2022-11-09`, or `2022-11` for a month), null when it cannot be resolved.
    pub value: Option<String>,
    /// `day`, `month` or `year`.
    pub precision: Precision,
    /// For a weekday written with the date: whether it matches; null without a weekday.
    pub weekday_consistent: Option<bool>,
    /// The rule that found it.
    pub source: &'static str,
}

impl DateRecord {
    /// The record of a date found in `text`.
    pub fn new(date: &DateMention, at: &Locator<'_>) -> Self {
        let span = at.span(date.span);
        DateRecord {
            text: at.slice(date.span).to_string(),
            start: span.start,
            end: span.end,
            value: date.value.clone(),
            precision: date.precision,
            weekday_consistent: date.weekday_consistent,
            source: date.source,
        }
    }
}

/// A time of day in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeRecord {
    /// The time as written.
    pub text: String,
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
    /// `HH:MM`.
    pub value: String,
    /// The zone as written (`WIB`), or null.
    pub zone: Option<String>,
    /// The zone's UTC offset (`+07:00`), or null.
    pub utc_offset: Option<String>,
    /// The rule that found it.
    pub source: &'static str,
}

impl TimeRecord {
    /// The record of a time found in `text`.
    pub fn new(time: &TimeMention, at: &Locator<'_>) -> Self {
        let span = at.span(time.span);
        TimeRecord {
            text: at.slice(time.span).to_string(),
            start: span.start,
            end: span.end,
            value: time.value.clone(),
            zone: time.zone.clone(),
            utc_offset: time.utc_offset.clone(),
            source: time.source,
        }
    }
}

/// A mention: where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionRecord {
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
    /// The text as written.
    pub text: String,
}

impl MentionRecord {
    /// The record of an analyzed span.
    pub fn new(span: Span, at: &Locator<'_>) -> Self {
        let chars = at.span(span);
        MentionRecord {
            start: chars.start,
            end: chars.end,
            text: at.slice(span).to_string(),
        }
    }
}

/// A venue in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VenueRecord {
    /// The longest form written.
    pub name: String,
    /// Every place it is named.
    pub mentions: Vec<MentionRecord>,
    /// The rule that found it.
    pub source: &'static str,
}

impl VenueRecord {
    /// The record of a venue found in `text`.
    pub fn new(venue: &Venue, at: &Locator<'_>) -> Self {
        VenueRecord {
            name: venue.name.clone(),
            mentions: venue.mentions.iter().map(|&m| MentionRecord::new(m, at)).collect(),
            source: venue.source,
        }
    }
}

/// A place in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceRecord {
    /// Its name with the word of its level ("Kota Palembang"); a province by its name.
    pub name: String,
    /// `provinsi`, `kabupaten`, `kota`, `kecamatan`, `kelurahan` or `desa`; null for a
    /// dateline place of unknown level.
    pub level: Option<&'static str>,
    /// Its Kemendagri code ("16.71.14") when a gazetteer was given and placed it; null
    /// otherwise.
    pub code: Option<String>,
    /// Every place it is named.
    pub mentions: Vec<MentionRecord>,
    /// The rule that found it ("rule:place/kecamatan_head", "lexicon:place/provinsi").
    pub source: &'static str,
}

impl PlaceRecord {
    /// The record of a place found in `text`.
    pub fn new(place: &Place, at: &Locator<'_>) -> Self {
        PlaceRecord {
            name: place.name.clone(),
            level: place.level.map(|l| l.as_str()),
            code: place.code.clone(),
            mentions: place.mentions.iter().map(|&m| MentionRecord::new(m, at)).collect(),
            source: place.source,
        }
    }
}

/// Turns spans of the analyzed text into record offsets: through the cleaning map back to
/// the text the offsets point into, then into code points.
#[derive(Debug)]
pub struct Locator<'a> {
    text: &'a str,
    map: Option<&'a OffsetMap>,
    chars: CharOffsets,
}

impl<'a> Locator<'a> {
    /// Offsets into `text`; `map` takes spans of the analyzed text to `text` (none when the
    /// analyzed text is `text` itself).
    pub fn new(text: &'a str, map: Option<&'a OffsetMap>) -> Self {
        Locator {
            text,
            map: map.filter(|m| !m.is_identity()),
            chars: CharOffsets::new(text),
        }
    }

    fn bytes(&self, span: Span) -> Span {
        self.map.map_or(span, |m| m.span(span))
    }

    /// The code point span of an analyzed span.
    pub fn span(&self, span: Span) -> CharSpan {
        self.chars.span(self.bytes(span))
    }

    /// The text an analyzed span covers, as the offsets see it.
    pub fn slice(&self, span: Span) -> &'a str {
        self.bytes(span).slice(self.text)
    }

    /// The text the offsets point into.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its length in code points.
    pub fn chars(&self) -> usize {
        self.chars.char_offset(self.text.len())
    }
}

/// An organization in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganizationRecord {
    /// The longest form written.
    pub name: String,
    /// Its acronym, or null.
    pub acronym: Option<String>,
    /// Other forms the text uses.
    pub aliases: Vec<String>,
    /// What kind of body (see the README).
    pub kind: &'static str,
    /// True for a public body.
    pub government: bool,
    /// The region it belongs to, when written.
    pub region: Option<String>,
    /// Every place it is named.
    pub mentions: Vec<MentionRecord>,
    /// The rule or lexicon that found it.
    pub source: &'static str,
}

impl OrganizationRecord {
    /// The record of an organization found in `text`.
    pub fn new(org: &Organization, at: &Locator<'_>) -> Self {
        OrganizationRecord {
            name: org.name.clone(),
            acronym: org.acronym.clone(),
            aliases: org.aliases.clone(),
            kind: org.kind,
            government: org.government,
            region: org.region.clone(),
            mentions: org.mentions.iter().map(|&m| MentionRecord::new(m, at)).collect(),
            source: org.source,
        }
    }
}

/// An acronym definition in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcronymRecord {
    /// The acronym.
    pub short: String,
    /// Its long form.
    pub long: String,
    /// Code point offset where the definition starts.
    pub start: usize,
    /// Code point offset where it ends.
    pub end: usize,
}

impl AcronymRecord {
    /// The record of an acronym definition.
    pub fn new(acronym: &Acronym, at: &Locator<'_>) -> Self {
        let span = at.span(acronym.span);
        AcronymRecord {
            short: acronym.short.clone(),
            long: acronym.long.clone(),
            start: span.start,
            end: span.end,
        }
    }
}

/// A title in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TitleRecord {
    /// The title phrase as written.
    pub text: String,
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
    /// The role part, or null.
    pub role: Option<String>,
    /// The organization part, or null.
    pub organization: Option<String>,
    /// True when the title is a public office.
    pub official: bool,
}

impl TitleRecord {
    /// The record of a title found in `text`.
    pub fn new(title: &Title, at: &Locator<'_>) -> Self {
        let span = at.span(title.span);
        TitleRecord {
            text: at.slice(title.span).to_string(),
            start: span.start,
            end: span.end,
            role: title.role.clone(),
            organization: title.organization.clone(),
            official: title.official,
        }
    }
}

/// A person in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonRecord {
    /// The fullest form of the name, without honorifics, degrees and rank.
    pub name: String,
    /// Honorifics written with the name.
    pub honorifics: Vec<String>,
    /// Degrees written with the name.
    pub degrees: Vec<String>,
    /// Police or military rank, or null.
    pub rank: Option<String>,
    /// Title phrases next to the name.
    pub titles: Vec<TitleRecord>,
    /// True when a title is a public office.
    pub official: bool,
    /// Other forms used for the person by name.
    pub aliases: Vec<String>,
    /// Every place the person is named, by name or by a bare title.
    pub mentions: Vec<MentionRecord>,
    /// The rule that found the person.
    pub source: &'static str,
}

impl PersonRecord {
    /// The record of a person found in `text`.
    pub fn new(person: &Person, at: &Locator<'_>) -> Self {
        PersonRecord {
            name: person.name.clone(),
            honorifics: person.honorifics.clone(),
            degrees: person.degrees.clone(),
            rank: person.rank.clone(),
            titles: person.titles.iter().map(|t| TitleRecord::new(t, at)).collect(),
            official: person.official,
            aliases: person.aliases.clone(),
            mentions: person.mentions.iter().map(|&m| MentionRecord::new(m, at)).collect(),
            source: person.source,
        }
    }
}

/// A quote's speech verb or frame in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CueRecord {
    /// The cue as written.
    pub text: String,
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
}

/// A quote's speaker in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerRecord {
    /// The person's name (as in `people`), or the organization's.
    pub name: String,
    /// Index into `people`, or null.
    pub person: Option<usize>,
    /// Index into `organizations` when a body speaks, or null.
    pub organization: Option<usize>,
    /// How the speaker was found: `name`, `pronoun`, `title` or `previous`.
    pub via: Via,
}

/// A quote in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteRecord {
    /// The quoted words without the marks, or the reported clause.
    pub text: String,
    /// Code point offset of its start.
    pub start: usize,
    /// Code point offset of its end.
    pub end: usize,
    /// `direct` or `indirect`.
    pub kind: QuoteKind,
    /// The speech verb or frame, or null.
    pub cue: Option<CueRecord>,
    /// Who speaks, or null.
    pub speaker: Option<SpeakerRecord>,
    /// True when the source is anonymous.
    pub anonymous: bool,
    /// The rule that found it.
    pub source: &'static str,
}

impl QuoteRecord {
    /// The record of a quote.
    pub fn new(quote: &Quote, at: &Locator<'_>) -> Self {
        let span = at.span(quote.span);
        QuoteRecord {
            text: at.slice(quote.span).to_string(),
            start: span.start,
            end: span.end,
            kind: quote.kind,
            cue: quote.cue.map(|c| {
                let s = at.span(c);
                CueRecord {
                    text: at.slice(c).to_string(),
                    start: s.start,
                    end: s.end,
                }
            }),
            speaker: quote.speaker.as_ref().map(|s| SpeakerRecord {
                name: s.name.clone(),
                person: s.person,
                organization: s.organization,
                via: s.via,
            }),
            anonymous: quote.anonymous,
            source: quote.source,
        }
    }
}

/// Who is quoted how, per article: what journalists audit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// All quotes.
    pub quotes: usize,
    /// Direct quotes.
    pub direct: usize,
    /// Indirect quotes.
    pub indirect: usize,
    /// Attributed by a name written at the cue.
    pub by_name: usize,
    /// Attributed only through a pronoun or a title.
    pub by_pronoun_or_title: usize,
    /// Attributed by continuing the previous speaker.
    pub by_previous: usize,
    /// With no speaker a reader could name and not anonymous.
    pub unattributed: usize,
    /// From anonymous sources.
    pub anonymous: usize,
    /// Per speaker: quotes and words quoted, most quoted first.
    pub speakers: Vec<SpeakerCount>,
}

/// Quotes and words of one speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerCount {
    /// The speaker's name.
    pub name: String,
    /// Index into `people`, or null.
    pub person: Option<usize>,
    /// Quotes.
    pub quotes: usize,
    /// Words quoted.
    pub words: usize,
}

impl Attribution {
    /// Counts the quotes of one record.
    pub fn of(quotes: &[QuoteRecord]) -> Self {
        let mut a = Attribution {
            quotes: quotes.len(),
            ..Attribution::default()
        };
        for q in quotes {
            match q.kind {
                QuoteKind::Direct => a.direct += 1,
                QuoteKind::Indirect => a.indirect += 1,
            }
            match (&q.speaker, q.anonymous) {
                (_, true) => a.anonymous += 1,
                (None, false) => a.unattributed += 1,
                (Some(s), false) => {
                    match s.via {
                        Via::Name => a.by_name += 1,
                        Via::Pronoun | Via::Title => a.by_pronoun_or_title += 1,
                        Via::Previous => a.by_previous += 1,
                    }
                    let words = count_words(&q.text);
                    match a.speakers.iter_mut().find(|c| c.name == s.name) {
                        Some(c) => {
                            c.quotes += 1;
                            c.words += words;
                        }
                        None => a.speakers.push(SpeakerCount {
                            name: s.name.clone(),
                            person: s.person,
                            quotes: 1,
                            words,
                        }),
                    }
                }
            }
        }
        a.speakers
            .sort_by(|x, y| y.quotes.cmp(&x.quotes).then(y.words.cmp(&x.words)));
        a
    }
}

/// How many words `text` has, as `str::split_whitespace` counts them: quotes are long, and
/// this reads every one, eight bytes at a time where they are ASCII.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut at) = (0, false, 0);
    while at < bytes.len() {
        if let Some(chunk) = bytes.get(at..at + 8) {
            let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if chunk & HIGH_BITS == 0 {
                let spaces = ascii_spaces(chunk);
                // A word starts at a byte that is no space after one that is.
                let after_space = (spaces << 8) | if in_word { 0 } else { 0x80 };
                words += (!spaces & after_space & HIGH_BITS).count_ones() as usize;
                in_word = spaces >> 63 == 0;
                at += 8;
                continue;
            }
        }
        let c = text[at..].chars().next().expect("a character starts here");
        let space = c.is_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
        at += c.len_utf8();
    }
    words
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of ASCII `chunk` that `char::is_whitespace` takes for a space:
/// a space, or a tab to a carriage return (0x09 to 0x0D).
fn ascii_spaces(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Every byte is below 0x80, so adding at most 0x7F to each carries into no other.
    let not_space_char = {
        let x = chunk ^ (ONES * 0x20);
        ((x & (ONES * 0x7F)) + ONES * 0x7F) | x
    };
    let from_tab = chunk + ONES * (0x80 - 0x09);
    let past_return = chunk + ONES * (0x80 - 0x0E);
    (!not_space_char | (from_tab & !past_return)) & HIGH_BITS
}

// ---------------------------------------------------------------------------------------
// Writing records as serde_json writes them.

/// A value written as JSON exactly as serde_json writes its derived `Serialize`.
trait Json {
    fn write_to(&self, out: &mut Vec<u8>);
}

fn via_serde<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(out, value).expect("records serialize: they hold no maps with non-string keys");
}

/// Writes these types through serde_json itself: they are few in a record, and how they
/// look (a float, an enum's name) is best left to it.
macro_rules! json_via_serde {
    ($($type:ty),* $(,)?) => {
        $(impl Json for $type {
            fn write_to(&self, out: &mut Vec<u8>) {
                via_serde(out, self);
            }
        })*
    };
}

json_via_serde!(Language, Precision, QuoteKind, Via);

/// Writes a struct as its derived `Serialize` does: every field, in the order declared,
/// under its own name. Naming every field is checked by the compiler, their order by the
/// tests.
macro_rules! json_object {
    ($type:ident { $first:ident $(, $field:ident)* $(,)? }) => {
        impl Json for $type {
            fn write_to(&self, out: &mut Vec<u8>) {
                let $type { $first $(, $field)* } = self;
                out.extend_from_slice(concat!("{\"", stringify!($first), "\":").as_bytes());
                $first.write_to(out);
                $(
                    out.extend_from_slice(concat!(",\"", stringify!($field), "\":").as_bytes());
                    $field.write_to(out);
                )*
                out.push(b'}');
            }
        }
    };
}

json_object!(DatelineRecord {
    place,
    outlet,
    start,
    end
});
json_object!(Stats {
    chars,
    tokens,
    sentences
});
json_object!(CharSpan { start, end });
json_object!(TokenRecord { start, end, text });
json_object!(DateRecord {
    text,
    start,
    end,
    value,
    precision,
    weekday_consistent,
    source
});
json_object!(TimeRecord {
    text,
    start,
    end,
    value,
    zone,
    utc_offset,
    source
});
json_object!(MentionRecord { start, end, text });
json_object!(VenueRecord { name, mentions, source });
json_object!(PlaceRecord {
    name,
    level,
    code,
    mentions,
    source
});
json_object!(OrganizationRecord {
    name,
    acronym,
    aliases,
    kind,
    government,
    region,
    mentions,
    source
});
json_object!(AcronymRecord {
    short,
    long,
    start,
    end
});
json_object!(TitleRecord {
    text,
    start,
    end,
    role,
    organization,
    official
});
json_object!(PersonRecord {
    name,
    honorifics,
    degrees,
    rank,
    titles,
    official,
    aliases,
    mentions,
    source
});
json_object!(CueRecord { text, start, end });
json_object!(SpeakerRecord {
    name,
    person,
    organization,
    via
});
json_object!(QuoteRecord {
    text,
    start,
    end,
    kind,
    cue,
    speaker,
    anonymous,
    source
});
json_object!(Attribution {
    quotes,
    direct,
    indirect,
    by_name,
    by_pronoun_or_title,
    by_previous,
    unattributed,
    anonymous,
    speakers
});
json_object!(SpeakerCount {
    name,
    person,
    quotes,
    words
});

/// Writes `,"key":value`.
fn field<T: Json + ?Sized>(out: &mut Vec<u8>, key: &str, value: &T) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
    value.write_to(out);
}

impl Json for Record {
    fn write_to(&self, out: &mut Vec<u8>) {
        // Not `json_object!`: `text` and `tokens` are left out when absent.
        let Record {
            schema_version,
            id,
            title,
            url,
            outlet,
            published,
            language,
            dateline,
            body_start,
            stats,
            text,
            sentences,
            tokens,
            organizations,
            acronyms,
            people,
            places,
            venues,
            dates,
            times,
            quotes,
            attribution,
            warnings,
        } = self;
        out.extend_from_slice(b"{\"schema_version\":");
        schema_version.write_to(out);
        field(out, "id", id);
        field(out, "title", title);
        field(out, "url", url);
        field(out, "outlet", outlet);
        field(out, "published", published);
        field(out, "language", language);
        field(out, "dateline", dateline);
        field(out, "body_start", body_start);
        field(out, "stats", stats);
        if let Some(text) = text {
            field(out, "text", text);
        }
        field(out, "sentences", sentences);
        if let Some(tokens) = tokens {
            field(out, "tokens", tokens);
        }
        field(out, "organizations", organizations);
        field(out, "acronyms", acronyms);
        field(out, "people", people);
        field(out, "places", places);
        field(out, "venues", venues);
        field(out, "dates", dates);
        field(out, "times", times);
        field(out, "quotes", quotes);
        field(out, "attribution", attribution);
        field(out, "warnings", warnings);
        out.push(b'}');
    }
}

impl<T: Json + ?Sized> Json for &T {
    fn write_to(&self, out: &mut Vec<u8>) {
        (**self).write_to(out);
    }
}

impl<T: Json> Json for Box<T> {
    fn write_to(&self, out: &mut Vec<u8>) {
        (**self).write_to(out);
    }
}

impl<T: Json> Json for Option<T> {
    fn write_to(&self, out: &mut Vec<u8>) {
        match self {
            Some(value) => value.write_to(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: Json> Json for Vec<T> {
    fn write_to(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            item.write_to(out);
        }
        out.push(b']');
    }
}

impl Json for bool {
    fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

impl Json for usize {
    fn write_to(&self, out: &mut Vec<u8>) {
        // Two digits a step: a record holds thousands of offsets.
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut n = *self;
        while n >= 100 {
            let pair = 2 * (n % 100);
            n /= 100;
            start -= 2;
            digits[start..start + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if n >= 10 {
            start -= 2;
            digits[start..start + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
        } else {
            start -= 1;
            digits[start] = b'0' + n as u8;
        }
        out.extend_from_slice(&digits[start..]);
    }
}

impl Json for String {
    fn write_to(&self, out: &mut Vec<u8>) {
        self.as_str().write_to(out);
    }
}

impl Json for str {
    /// Escapes what serde_json escapes (the quote, the backslash and control characters)
    /// the way it does, and nothing else.
    fn write_to(&self, out: &mut Vec<u8>) {
        let bytes = self.as_bytes();
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        let mut written = 0;
        while let Some(at) = next_escape(bytes, written) {
            out.extend_from_slice(&bytes[written..at]);
            write_escape(out, bytes[at]);
            written = at + 1;
        }
        out.extend_from_slice(&bytes[written..]);
        out.push(b'"');
    }
}

fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The first byte at or after `from` that needs escaping.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    // Eight bytes at a time: strings are most of a record, and few hold anything to escape.
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let flags = escape_flags(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| needs_escape(b)).map(|i| at + i)
}

/// The high bit of bytes of `chunk` that need escaping. A borrow can flag a byte after one
/// that needs escaping, never one before it: the lowest flag is always right.
fn escape_flags(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x;
    let control = chunk.wrapping_sub(ONES * 0x20) & !chunk;
    let quote = zero_bytes(chunk ^ (ONES * u64::from(b'"')));
    let backslash = zero_bytes(chunk ^ (ONES * u64::from(b'\\')));
    (control | quote | backslash) & HIGH
}

fn write_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x09 => b't',
        0x0A => b'n',
        0x0C => b'f',
        0x0D => b'r',
        _ => {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &(impl Json + ?Sized)) -> String {
        let mut out = Vec::new();
        value.write_to(&mut out);
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut texts: Vec<String> = (0..=0x7F_u8).map(|b| format!("ab{}cdefghij", b as char)).collect();
        texts.extend((0..=0x7F_u8).map(|b| (b as char).to_string()));
        texts.extend([
            String::new(),
            "Kata \"Doni\", \\ lalu\n\t“kutipan” — é \u{2028} \u{7f} \u{1F600}".to_string(),
            "\"\"\"\"\"\"\"\"\"".to_string(),
            "\u{1}\u{1f}\u{20}!\u{21}".to_string(),
            "0123456789abcdef\"0123456789abcdef\\".to_string(),
        ]);
        for text in &texts {
            assert_eq!(written(text.as_str()), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in (0..=1000).chain([9_999, 10_000, 12_345, 99_999, 100_000, 1_234_567, usize::MAX]) {
            assert_eq!(written(&n), serde_json::to_string(&n).unwrap());
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            " ",
            "satu",
            "  dua  kata ",
            "a\u{b}b\u{c}c\rd\ne\tf",
            "a\u{85}b\u{a0}c\u{3000}d\u{2028}e\u{200b}f",
            "“Kami senang,” ujarnya — é",
        ] {
            assert_eq!(count_words(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_has_as_many_words_as_split_whitespace_finds(
            text in "(?s).{0,40}",
            ascii in proptest::collection::vec(proptest::sample::select(b"ab \t\n\x0b\x0c\r\x1c\x1f\x08\x0e!".to_vec()), 0..40),
        ) {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
            let ascii = String::from_utf8(ascii).expect("ASCII");
            proptest::prop_assert_eq!(count_words(&ascii), ascii.split_whitespace().count());
            let mixed = format!("{ascii}{text}{ascii}");
            proptest::prop_assert_eq!(count_words(&mixed), mixed.split_whitespace().count());
        }

        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(text in "(?s).{0,40}", bytes in proptest::collection::vec(0..0x80_u8, 0..40)) {
            proptest::prop_assert_eq!(written(text.as_str()), serde_json::to_string(&text).unwrap());
            let ascii = String::from_utf8(bytes).expect("ASCII");
            proptest::prop_assert_eq!(written(ascii.as_str()), serde_json::to_string(&ascii).unwrap());
        }
    }
}
