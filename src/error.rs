//! The library's error type.

use std::fmt;

/// What went wrong with an input or an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading an input failed.
    Io,
    /// A JSON line or file does not parse as a JSON object.
    Json,
    /// A JSON article has no text field, or its text is not a string.
    MissingText,
    /// The input is binary (a NUL byte), not text.
    Binary,
    /// The article is larger than the configured limit.
    TooLarge,
    /// Processing the article failed inside warta (a bug: please report it).
    Internal,
}

impl ErrorKind {
    /// The name written to error records (`"json"`, `"too_large"`, ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Json => "json",
            ErrorKind::MissingText => "missing_text",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Internal => "internal",
        }
    }
}

/// An error with its kind and a message that names the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// A new error.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The reason, for people.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
