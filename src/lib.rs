//! warta turns Indonesian news text into structured, auditable JSON records.
//!
//! The stages pass plain types, and each is usable alone:
//! [`input::Reader`] yields [`input::Item`]s (articles, or the errors that stand in their
//! place) from text files, folders and JSON Lines; [`token::tokenize`] cuts syntactic words
//! as Universal Dependencies Indonesian does; [`sentence::split`] finds sentences;
//! [`pipeline::Pipeline`] turns an article into a [`record::Record`] and runs a whole
//! stream in parallel, in input order.
//!
//! ```
//! use warta::input::Article;
//! use warta::pipeline::{Options, Pipeline};
//!
//! let article = Article {
//!     id: "contoh".into(),
//!     body: "PALEMBANG – Sekda hadir di Jl. Merdeka. Ia menyerahkan piala.".into(),
//!     ..Article::default()
//! };
//! let record = Pipeline::new(Options::default()).process(&article);
//! assert_eq!(record.stats.sentences, 3); // the dateline, then two sentences
//! assert_eq!(record.dateline.unwrap().place.as_deref(), Some("PALEMBANG"));
//! ```
#![deny(missing_docs)]

pub mod calendar;
pub mod dateline;
pub mod error;
pub mod extract;
pub mod gazetteer;
pub mod input;
pub mod language;
pub mod lexicon;
pub mod normalize;
pub mod pipeline;
pub mod record;
pub mod sentence;
pub mod span;
pub mod token;
pub mod view;
pub mod words;

pub use error::{Error, ErrorKind, Result};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
