//! Plain-text lexicons from `data/`, embedded at build time and parsed once.
//!
//! Format (see `data/README.md`): UTF-8, one entry per line, `#` starts a comment line,
//! and an optional second column after a tab holds the canonical form or a value.

/// One lexicon line: the surface form and the optional value after the tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The form as written in text.
    pub surface: &'a str,
    /// The second column, when there is one.
    pub value: Option<&'a str>,
}

/// Iterates the entries of a lexicon file, skipping blank lines and comments.
pub fn entries(source: &str) -> impl Iterator<Item = Entry<'_>> {
    source.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let (surface, value) = match line.split_once('\t') {
            Some((s, v)) => (s, Some(v)),
            None => (line, None),
        };
        Some(Entry { surface, value })
    })
}

/// The embedded lexicon files, one constant a file.
pub mod embedded {
    /// Abbreviations that keep their period (`Jl.`, `dr.`, `dll.`); a value `final` marks
    /// those that often end a sentence.
    pub const ABBREVIATIONS: &str = include_str!("../data/sentence/singkatan.txt");
    /// Words whose ending looks like a clitic but belongs to the word (`adalah`, `lainnya`).
    pub const LEXICALIZED: &str = include_str!("../data/token/leksikal.txt");
    /// Month names and abbreviations with their number.
    pub const MONTHS: &str = include_str!("../data/date/bulan.txt");
    /// Weekday names with their ISO number (Monday 1).
    pub const WEEKDAYS: &str = include_str!("../data/date/hari.txt");
    /// News outlets as they appear in datelines.
    pub const OUTLETS: &str = include_str!("../data/dateline/media.txt");
    /// Head words of venues, with when they count.
    pub const VENUE_HEADS: &str = include_str!("../data/venue/gedung.txt");
    /// Lowercase words allowed between a lowercase venue head and its name.
    pub const VENUE_QUALIFIERS: &str = include_str!("../data/venue/penjelas.txt");
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [(&str, &str); 7] = [
        ("venue/penjelas.txt", embedded::VENUE_QUALIFIERS),
        ("venue/gedung.txt", embedded::VENUE_HEADS),
        ("sentence/singkatan.txt", embedded::ABBREVIATIONS),
        ("token/leksikal.txt", embedded::LEXICALIZED),
        ("date/bulan.txt", embedded::MONTHS),
        ("date/hari.txt", embedded::WEEKDAYS),
        ("dateline/media.txt", embedded::OUTLETS),
    ];

    #[test]
    fn entries_skip_comments_and_split_values() {
        let got: Vec<_> = entries("# comment\n\nJl.\nDes\t12\n").collect();
        assert_eq!(
            got,
            vec![
                Entry {
                    surface: "Jl.",
                    value: None
                },
                Entry {
                    surface: "Des",
                    value: Some("12")
                }
            ]
        );
    }

    #[test]
    fn data_files_are_clean() {
        for (name, source) in ALL {
            let mut seen = std::collections::HashSet::new();
            for entry in entries(source) {
                assert_eq!(
                    entry.surface,
                    entry.surface.trim(),
                    "{name}: stray space in {:?}",
                    entry.surface
                );
                assert!(!entry.surface.is_empty(), "{name}: empty entry");
                assert!(seen.insert(entry.surface), "{name}: duplicate {:?}", entry.surface);
            }
            assert!(!seen.is_empty(), "{name} is empty");
        }
    }
}
