//! Organizations, government bodies (OPD) first: found by their heads and patterns
//! ("Dinas ...", "Kecamatan ...", "SMP Negeri 3 ...", "Pemkot ..."), acronyms linked to
//! their full forms both ways, enumerations split into their members.

use crate::extract::Doc;
use crate::span::Span;

/// An organization and every place the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// The longest form written ("Dinas Pendidikan Kota Palembang").
    pub name: String,
    /// Its acronym ("Disdik"), defined in the text or from the lexicon.
    pub acronym: Option<String>,
    /// Every other form the text uses for it.
    pub aliases: Vec<String>,
    /// What kind of body: kementerian, lembaga, pemda, setda, dinas, badan, kecamatan,
    /// kelurahan, desa, puskesmas, rumah_sakit, sekolah, dprd, polisi, militer, bumn,
    /// perusahaan, universitas, partai, lainnya.
    pub kind: &'static str,
    /// True for a public body.
    pub government: bool,
    /// The region it belongs to when written ("Kota Palembang").
    pub region: Option<String>,
    /// Where it is named, in text order.
    pub mentions: Vec<Span>,
    /// The rule or lexicon that found it first.
    pub source: &'static str,
}

/// An acronym the text defines: "Kompetisi Inovasi Pelayanan Publik (KOINYANLIK)".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acronym {
    /// The acronym.
    pub short: String,
    /// Its long form as written.
    pub long: String,
    /// Where the definition stands (long form to closing bracket).
    pub span: Span,
}

/// What the organization extractor finds in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Organizations {
    /// Organizations, in order of first mention.
    pub organizations: Vec<Organization>,
    /// Acronyms defined in the text, whatever they name.
    pub acronyms: Vec<Acronym>,
}

/// Finds the organizations and acronym definitions of `doc`.
pub fn extract(doc: &Doc<'_>) -> Organizations {
    let _ = doc;
    Organizations::default()
}
