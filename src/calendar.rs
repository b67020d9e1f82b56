//! Calendar dates: validation, weekdays, Indonesian month and weekday names, and the date
//! strings that news dumps carry in their metadata.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{self, WordTable, embedded};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
}

impl Date {
    /// A date when `year-month-day` exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Date { year, month, day })
    }

    /// ISO weekday: Monday is 1, Sunday is 7.
    pub fn weekday(&self) -> u32 {
        let days = self.days_since_epoch();
        // 1970-01-01 was a Thursday (4).
        ((days + 3).rem_euclid(7) + 1) as u32
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The same day `months` months later (earlier when negative), moved back to the last day
    /// of the month when the month is shorter (31 January plus one month is 28 or 29 February).
    pub fn add_months(&self, months: i32) -> Date {
        let index = self.year * 12 + self.month as i32 - 1 + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(&self, days: i64) -> Date {
        let z = self.days_since_epoch() + days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// True in a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

static MONTHS: LazyLock<WordTable<u32>> = LazyLock::new(|| {
    lexicon::entries(embedded::MONTHS)
        .map(|e| {
            let n = e
                .value
                .and_then(|v| v.parse().ok())
                .expect("data/date/bulan.txt: month numbers are tested");
            (e.surface.to_lowercase(), n)
        })
        .collect()
});

static WEEKDAYS: LazyLock<WordTable<u32>> = LazyLock::new(|| {
    lexicon::entries(embedded::WEEKDAYS)
        .map(|e| {
            let n = e
                .value
                .and_then(|v| v.parse().ok())
                .expect("data/date/hari.txt: weekday numbers are tested");
            (e.surface.to_lowercase(), n)
        })
        .collect()
});

/// The month number of a month name or abbreviation (`Nop`, `Desember`), any case, with
/// or without a trailing period.
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    // Asked of capitalized words of every article, most of them longer than any month:
    // those are answered before they are lowercased (an ASCII word keeps its length).
    if name.len() > MONTHS.longest_key() && name.is_ascii() {
        return None;
    }
    lexicon::with_lowercase(name, |lower| MONTHS.get(lower).copied())
}

/// The ISO weekday number of an Indonesian weekday name (`Rabu` is 3), any case; the
/// typographic apostrophe of `Jum’at` counts as `'`.
pub fn weekday_number(name: &str) -> Option<u32> {
    if name.bytes().all(|b| b.is_ascii() && b != b'`') {
        // As for months: a longer ASCII word is none, and needs no lowercasing.
        if name.len() > WEEKDAYS.longest_key() {
            return None;
        }
        return lexicon::with_lowercase(name, |lower| WEEKDAYS.get(lower).copied());
    }
    WEEKDAYS.get(&fold_apostrophes(name).to_lowercase()).copied()
}

/// Every month name and abbreviation of `data/date/bulan.txt`, as written there.
pub fn month_names() -> impl Iterator<Item = &'static str> {
    lexicon::entries(embedded::MONTHS).map(|e| e.surface)
}

/// Every weekday name of `data/date/hari.txt`, as written there.
pub fn weekday_names() -> impl Iterator<Item = &'static str> {
    lexicon::entries(embedded::WEEKDAYS).map(|e| e.surface)
}

/// True when `name` is a short form of a month (`Nop`, `Agt`, `Sept`): at most four letters,
/// and the lexicon holds a longer name of the same month that begins with the same letter.
/// `Mei` and `Juni` are full names although they are short.
pub fn is_month_abbreviation(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_lowercase();
    let Some(&number) = MONTHS.get(&name) else {
        return false;
    };
    let first = name.chars().next();
    name.chars().count() <= 4
        && month_names().map(str::to_lowercase).any(|other| {
            MONTHS.get(&other) == Some(&number) && other.chars().count() > 4 && other.chars().next() == first
        })
}

fn fold_apostrophes(name: &str) -> std::borrow::Cow<'_, str> {
    if name.contains(['’', '‘', '`']) {
        name.replace(['’', '‘', '`'], "'").into()
    } else {
        name.into()
    }
}

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])").expect("valid pattern"));
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b").expect("valid pattern"));
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:([\p{L}'’]+),?\s+)?(\d{1,2})\s+([\p{L}]+)\.?\s+(\d{4})\b").expect("valid pattern")
});

/// Parses the publication date of a news dump: ISO 8601 (`2022-11-09`,
/// `2022-11-09T10:00:00+07:00`), day-first numbers (`09/11/2022`), and Indonesian
/// written forms (`Rabu, 9 November 2022`, `9 Nop 2022 10:00 WIB`).
pub fn parse_published(value: &str) -> Option<Date> {
    let num = |m: Option<regex::Match<'_>>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(c) = ISO_DATE.captures(value) {
        return Date::new(num(c.get(1))? as i32, num(c.get(2))?, num(c.get(3))?);
    }
    if let Some(c) = NUMERIC_DATE.captures(value) {
        return Date::new(num(c.get(3))? as i32, num(c.get(2))?, num(c.get(1))?);
    }
    if let Some(c) = WRITTEN_DATE.captures(value) {
        if let Some(day_name) = c.get(1) {
            weekday_number(day_name.as_str())?;
        }
        let month = month_number(c.get(3)?.as_str())?;
        return Date::new(num(c.get(4))? as i32, month, num(c.get(2))?);
    }
    None
}

/// A date in a news article's address: `/2022/11/09/`, `/20221109/`, or a month alone,
/// `/2022/11/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlDate {
    /// The address names the day.
    Day(Date),
    /// The address names only a year and month.
    Month(i32, u32),
}

/// `/2022/11/09/`, `/2022/11/` (a path segment each), or `/20221109/`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?(?:[/?#.]|$)|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/?#.]|$)",
    )
    .expect("the URL date pattern is valid")
});

/// The date an article's address gives, if any: many outlets file articles under the day
/// or month they were published.
pub fn date_in_url(url: &str) -> Option<UrlDate> {
    let c = URL_DATE.captures(url)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(year), Some(month), Some(day)) = (num(4), num(5), num(6)) {
        return Date::new(year as i32, month, day).map(UrlDate::Day);
    }
    let (year, month) = (num(1)? as i32, num(2)?);
    match num(3) {
        Some(day) => Date::new(year, month, day).map(UrlDate::Day),
        None => Some(UrlDate::Month(year, month)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_urls() {
        let day = |y, m, d| Some(UrlDate::Day(Date::new(y, m, d).expect("date")));
        assert_eq!(
            date_in_url("https://kabar.example/2021/06/23/bupati-mundur"),
            day(2021, 6, 23)
        );
        assert_eq!(
            date_in_url("https://kabar.example/baca/221887/20200825/203700/judul"),
            day(2020, 8, 25)
        );
        assert_eq!(
            date_in_url("https://kabar.example/2022/11/dprd-setujui-raperda.html"),
            Some(UrlDate::Month(2022, 11))
        );
        assert_eq!(date_in_url("https://kabar.example/berita/781245/sekda-kawal"), None);
        // An article number that looks like a year and month is no date without its slashes.
        assert_eq!(date_in_url("https://kabar.example/read/2022113/judul"), None);
        assert_eq!(date_in_url("https://kabar.example/2022/02/30/judul"), None);
    }

    #[test]
    fn month_and_weekday_names() {
        for (name, n) in [
            ("Nop", 11),
            ("nopember", 11),
            ("Agt", 8),
            ("Peb.", 2),
            ("DES", 12),
            ("Mei", 5),
        ] {
            assert_eq!(month_number(name), Some(n), "{name}");
        }
        for name in ["Nop", "Agt", "Sept", "Des", "Jan", "Mar", "Aug"] {
            assert!(is_month_abbreviation(name), "{name}");
        }
        for name in ["Mei", "Juni", "Juli", "Maret", "April", "November", "Senin"] {
            assert!(!is_month_abbreviation(name), "{name}");
        }
        assert_eq!(weekday_number("Jum’at"), Some(5));
        assert_eq!(weekday_number("jumat"), Some(5));
        assert_eq!(weekday_number("Jum`at"), Some(5));
        assert_eq!(month_number("September."), Some(9));
        // Longer than any name, or no name at all.
        for word in ["Septembernya", "Pembangunan", "Palembang", "Se", "SENINNYA"] {
            assert_eq!(month_number(word), None, "{word}");
            assert_eq!(weekday_number(word), None, "{word}");
        }
        assert!(month_names().count() >= 12 && weekday_names().count() >= 7);
    }

    #[test]
    fn months_are_added_with_the_day_kept_or_clamped() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(d(2014, 6, 14).add_months(1), d(2014, 7, 14));
        assert_eq!(d(2024, 1, 31).add_months(1), d(2024, 2, 29));
        assert_eq!(d(2023, 1, 31).add_months(1), d(2023, 2, 28));
        assert_eq!(d(2022, 1, 15).add_months(-1), d(2021, 12, 15));
        assert_eq!(d(2022, 11, 9).add_months(14), d(2024, 1, 9));
    }

    #[test]
    fn weekdays_agree_with_day_counting_across_leap_years() {
        // 2000-01-01 was a Saturday; walk day by day over four centuries' edge cases.
        let mut date = Date::new(2000, 1, 1).unwrap();
        let mut weekday = 6;
        for _ in 0..(366 * 30) {
            assert_eq!(date.weekday(), weekday, "{date}");
            let next = date.add_days(1);
            assert_eq!(next.days_since_epoch(), date.days_since_epoch() + 1);
            assert!(Date::new(next.year, next.month, next.day).is_some(), "{next}");
            date = next;
            weekday = weekday % 7 + 1;
        }
        assert_eq!(Date::new(2022, 11, 9).unwrap().weekday(), 3, "Rabu");
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
    }

    #[test]
    fn published_forms() {
        let d = Date::new(2022, 11, 9);
        for s in [
            "2022-11-09",
            "2022-11-09T10:00:00+07:00",
            "09/11/2022",
            "Rabu, 9 November 2022",
            "9 Nop 2022 10:00 WIB",
        ] {
            assert_eq!(parse_published(s), d, "{s}");
        }
        assert_eq!(parse_published("kemarin"), None);
        assert_eq!(parse_published("Jum’at, 11 November 2022"), Date::new(2022, 11, 11));
        assert_eq!(parse_published("2022-13-01"), None);
    }
}
