//! A gazetteer of Indonesian administrative regions with their official Kemendagri codes,
//! read at run time from a folder of CSV files (never embedded: the user brings the data).
//!
//! The format is that of the Kepmendagri region lists: a header `kode,nama,level,tipe,
//! parent_kode,kode_prov` and one region a row, e.g. `16.71.14,Plaju,kecamatan,kecamatan,
//! 16.71,16`. Every `.csv` file of the folder whose header starts with `kode,nama,level,tipe`
//! is read (one file for all levels, or one a level); other files are skipped, and a code
//! that two files give is kept once. Fields may be quoted (`"Lubuk Pakam I,II"`).
//!
//! Loading builds one index from name keys (lowercase letters and digits only, without
//! "Kota"/"Kabupaten"/"Administrasi") to regions, so that "Pagar Alam", "Pagaralam" and
//! "Kota Pagar Alam" meet. Build it once and share it: [`Gazetteer`] is `Send + Sync`.
//!
//! ```no_run
//! let gazetteer = warta::gazetteer::Gazetteer::load("../shared/regions")?;
//! let plaju = gazetteer.get("16.71.14").unwrap();
//! assert_eq!(&*plaju.name, "Plaju");
//! # Ok::<(), warta::Error>(())
//! ```

use std::collections::HashSet;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// The level of an administrative region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// A province (provinsi).
    Provinsi,
    /// A regency (kabupaten).
    Kabupaten,
    /// A city (kota).
    Kota,
    /// A district (kecamatan).
    Kecamatan,
    /// An urban village (kelurahan).
    Kelurahan,
    /// A village (desa, desa adat, nagari, gampong and their kin).
    Desa,
}

impl Level {
    /// The name written to records: `provinsi`, `kabupaten`, `kota`, `kecamatan`,
    /// `kelurahan`, `desa`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Provinsi => "provinsi",
            Level::Kabupaten => "kabupaten",
            Level::Kota => "kota",
            Level::Kecamatan => "kecamatan",
            Level::Kelurahan => "kelurahan",
            Level::Desa => "desa",
        }
    }

    /// The tier: 1 for a province, 2 for a regency or city, 3 for a district, 4 for a
    /// village; the number of parts of its code.
    pub fn tier(self) -> usize {
        match self {
            Level::Provinsi => 1,
            Level::Kabupaten | Level::Kota => 2,
            Level::Kecamatan => 3,
            Level::Kelurahan | Level::Desa => 4,
        }
    }

    /// The word that names a region of this level before its name ("Kota Palembang");
    /// none for a province.
    pub fn prefix(self) -> Option<&'static str> {
        match self {
            Level::Provinsi => None,
            Level::Kabupaten => Some("Kabupaten"),
            Level::Kota => Some("Kota"),
            Level::Kecamatan => Some("Kecamatan"),
            Level::Kelurahan => Some("Kelurahan"),
            Level::Desa => Some("Desa"),
        }
    }

    /// The level of a CSV row from its `tipe` (or, failing that, its `level`) column.
    fn parse(tipe: &str, level: &str) -> Option<Level> {
        let of = |s: &str| match s {
            "provinsi" => Some(Level::Provinsi),
            "kabupaten" => Some(Level::Kabupaten),
            "kota" => Some(Level::Kota),
            "kecamatan" => Some(Level::Kecamatan),
            "kelurahan" => Some(Level::Kelurahan),
            "desa" | "desa_adat" => Some(Level::Desa),
            _ => None,
        };
        of(tipe).or_else(|| of(level))
    }
}

/// One region of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The dotted Kemendagri code: `16`, `16.71`, `16.71.14`, `16.71.14.1001`.
    pub code: Box<str>,
    /// The official name as listed ("Kota Palembang", "Plaju").
    pub name: Box<str>,
    /// Its level.
    pub level: Level,
}

impl Region {
    /// The province code: the code's first part.
    pub fn province(&self) -> &str {
        province_of(&self.code)
    }

    /// The key it is found by (see [`name_key`]): "palembang" for Kota Palembang,
    /// "kotamaba" for the district Kota Maba.
    pub fn key(&self) -> String {
        if self.level.tier() == 2 {
            name_key(strip_level_word(&self.name))
        } else {
            name_key(&self.name)
        }
    }

    /// True when this region lies inside the region of code `ancestor` (and is not it).
    pub fn is_within(&self, ancestor: &str) -> bool {
        is_within(&self.code, ancestor)
    }
}

/// The province part of a dotted code.
pub fn province_of(code: &str) -> &str {
    code.split('.').next().unwrap_or(code)
}

/// True when `code` lies strictly inside `ancestor` ("16.71.14" inside "16.71" and "16").
pub fn is_within(code: &str, ancestor: &str) -> bool {
    code.len() > ancestor.len() && code.starts_with(ancestor) && code.as_bytes()[ancestor.len()] == b'.'
}

/// The key a name is looked up by: lowercase letters and digits only, so that spacing,
/// hyphens and case do not matter ("Bau-Bau" and "Baubau", "Pagar Alam" and "Pagaralam").
/// Regencies and cities are keyed without their "Kabupaten", "Kota" (and "Administrasi"):
/// "Kota Administrasi Jakarta Pusat" is found as "Jakarta Pusat"; a district named "Kota
/// Maba" keeps its "Kota".
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    name_key_into(name, &mut key);
    key
}

/// A regency's or city's name without "Kabupaten", "Kota" and "Administrasi".
fn strip_level_word(name: &str) -> &str {
    let mut rest = name.trim();
    for prefix in ["Kabupaten ", "Kota ", "KABUPATEN ", "KOTA "] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            break;
        }
    }
    rest.strip_prefix("Administrasi ").map_or(rest, str::trim_start)
}

/// [`name_key`] into a buffer, which it clears first.
fn name_key_into(name: &str, key: &mut String) {
    key.clear();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
}

/// FNV-1a over bytes: the index keys are our own input, where SipHash's resistance to
/// flooding buys nothing and costs load time.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// Indonesian administrative regions indexed by name and by code.
///
/// The indexes are sorted vectors of (hash, region) pairs, built with one sort after
/// loading: no allocation per key, and a lookup checks the names of the few regions its
/// hash finds.
#[derive(Clone, Default)]
pub struct Gazetteer {
    regions: Vec<Region>,
    /// (hash of a name key, region), sorted.
    names: Vec<(u64, u32)>,
    /// (hash of a code, region), sorted.
    codes: Vec<(u64, u32)>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("regions", &self.regions.len())
            .finish()
    }
}

thread_local! {
    /// The buffer [`keys_of`] builds a region's key in: one allocation per thread, not
    /// one per region.
    static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The keys a region is found by: its name's, and for the capital's and Yogyakarta's
/// province their usual names ("Daerah Khusus Ibukota Jakarta" is also "DKI Jakarta",
/// "Daerah Khusus Jakarta" and "Jakarta"; "Daerah Istimewa Yogyakarta" is also "DI
/// Yogyakarta").
fn keys_of(region: &Region, mut each: impl FnMut(&str)) {
    KEY.with_borrow_mut(|key| {
        let name = if region.level.tier() == 2 {
            strip_level_word(&region.name)
        } else {
            &region.name
        };
        name_key_into(name, key);
        each(key);
    });
    if region.level == Level::Provinsi {
        for (long, short) in [
            ("Daerah Khusus Ibukota ", "DKI "),
            ("Daerah Khusus ", "DKI "),
            ("Daerah Istimewa ", "DI "),
        ] {
            if let Some(rest) = region.name.strip_prefix(long) {
                each(&name_key(&format!("{short}{rest}")));
                each(&name_key(&format!("Daerah Khusus {rest}")));
                each(&name_key(rest));
            }
        }
    }
}

impl Gazetteer {
    /// Reads every region CSV file of `dir` (see the module documentation).
    ///
    /// # Errors
    /// When the folder or a file cannot be read, a region file has a malformed row, or
    /// the folder holds no region file.
    pub fn load(dir: impl AsRef<Path>) -> Result<Gazetteer> {
        let dir = dir.as_ref();
        let io = |what: &str, e: std::io::Error| Error::new(ErrorKind::Io, format!("{what}: {e}"));
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| io(&format!("gazetteer {}", dir.display()), e))? {
            let path = entry
                .map_err(|e| io(&format!("gazetteer {}", dir.display()), e))?
                .path();
            if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) && path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        let mut gazetteer = Gazetteer::default();
        let mut seen = HashSet::new();
        let mut files = 0;
        for path in &paths {
            let text = std::fs::read_to_string(path).map_err(|e| io(&path.display().to_string(), e))?;
            if gazetteer.add_csv(&path.display().to_string(), &text, &mut seen)? {
                files += 1;
            }
        }
        if files == 0 {
            return Err(Error::new(
                ErrorKind::Io,
                format!(
                    "gazetteer {}: no region CSV file (header kode,nama,level,tipe,parent_kode,kode_prov)",
                    dir.display()
                ),
            ));
        }
        gazetteer.index();
        Ok(gazetteer)
    }

    /// A gazetteer from CSV texts given as (name, text) pairs, the name for messages.
    ///
    /// # Errors
    /// When a region file has a malformed row.
    pub fn from_csv<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Gazetteer> {
        let mut gazetteer = Gazetteer::default();
        let mut seen = HashSet::new();
        for (name, text) in files {
            gazetteer.add_csv(name, text, &mut seen)?;
        }
        gazetteer.index();
        Ok(gazetteer)
    }

    /// Adds the regions of one CSV text, skipping codes in `seen`; false when its header
    /// is not a region file's.
    fn add_csv(&mut self, file: &str, text: &str, seen: &mut HashSet<u64>) -> Result<bool> {
        let mut lines = text.lines().enumerate();
        let Some((_, header)) = lines.next() else {
            return Ok(false);
        };
        if !header
            .trim_start_matches('\u{feff}')
            .starts_with("kode,nama,level,tipe")
        {
            return Ok(false);
        }
        let rows = text.bytes().filter(|&b| b == b'\n').count();
        self.regions.reserve(rows);
        seen.reserve(rows);
        let mut quoted: Vec<String> = Vec::new();
        for (n, line) in lines {
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                continue;
            }
            let bad = |why: &str| Error::new(ErrorKind::Io, format!("{file}:{}: {why}: {line:?}", n + 1));
            // Rows without quotes (all but a handful) are cut in place.
            let mut plain: [&str; 4] = [""; 4];
            let fields: [&str; 4] = if line.contains('"') {
                split_csv(line, &mut quoted);
                if quoted.len() < 4 {
                    return Err(bad("a region row has at least four fields"));
                }
                [&quoted[0], &quoted[1], &quoted[2], &quoted[3]]
            } else {
                let mut parts = line.split(',');
                for slot in &mut plain {
                    *slot = parts
                        .next()
                        .ok_or_else(|| bad("a region row has at least four fields"))?;
                }
                plain
            };
            let code = fields[0].trim();
            let name = fields[1].trim();
            let level = Level::parse(fields[3].trim(), fields[2].trim()).ok_or_else(|| bad("unknown level"))?;
            if code.is_empty() || name.is_empty() {
                return Err(bad("empty code or name"));
            }
            // Codes are short and few enough that a 64-bit hash tells them apart.
            if !seen.insert(fnv(code.as_bytes())) {
                continue;
            }
            self.regions.push(Region {
                code: code.into(),
                name: name.into(),
                level,
            });
        }
        Ok(true)
    }

    /// Builds the indexes, once all regions are in.
    fn index(&mut self) {
        let mut names = Vec::with_capacity(self.regions.len() + 16);
        let mut codes = Vec::with_capacity(self.regions.len());
        for (i, region) in self.regions.iter().enumerate() {
            let i = u32::try_from(i).expect("fewer than 4 billion regions");
            keys_of(region, |key| {
                if !key.is_empty() {
                    names.push((fnv(key.as_bytes()), i));
                }
            });
            codes.push((fnv(region.code.as_bytes()), i));
        }
        names.sort_unstable();
        names.dedup();
        codes.sort_unstable();
        self.names = names;
        self.codes = codes;
    }
}

impl Gazetteer {
    /// The number of regions.
    pub fn len(&self) -> usize {
        self.regions.len()
    }

    /// True when no region was loaded.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// The region of a code ("16.71").
    pub fn get(&self, code: &str) -> Option<&Region> {
        let h = fnv(code.as_bytes());
        let from = self.codes.partition_point(|&(x, _)| x < h);
        self.codes[from..]
            .iter()
            .take_while(|&&(x, _)| x == h)
            .map(|&(_, i)| &self.regions[i as usize])
            .find(|r| &*r.code == code)
    }

    /// The regions whose name has this key (see [`name_key`]), every level, in code order.
    /// (A vector: most keys name no region, and an empty one does not allocate.)
    pub fn by_key(&self, key: &str) -> Vec<&Region> {
        let h = fnv(key.as_bytes());
        let from = self.names.partition_point(|&(x, _)| x < h);
        self.names[from..]
            .iter()
            .take_while(|&&(x, _)| x == h)
            .map(|&(_, i)| &self.regions[i as usize])
            .filter(|r| {
                let mut found = false;
                keys_of(r, |k| found |= k == key);
                found
            })
            .collect()
    }

    /// The regions named `name`, every level: "Plaju", "Palembang", "Pagaralam", and
    /// "Kota Palembang" or "Kabupaten Bogor" for that city or regency.
    pub fn find(&self, name: &str) -> Vec<&Region> {
        let mut found = self.by_key(&name_key(name));
        let bare = strip_level_word(name);
        if bare.len() < name.trim().len() {
            let level = if name.trim_start().to_lowercase().starts_with("kota") {
                Level::Kota
            } else {
                Level::Kabupaten
            };
            found.extend(self.by_key(&name_key(bare)).into_iter().filter(|r| r.level == level));
        }
        found
    }

    /// True when some region of one of `levels` has this key.
    pub fn has_key(&self, key: &str, levels: &[Level]) -> bool {
        self.by_key(key).iter().any(|r| levels.contains(&r.level))
    }
}

/// Splits one CSV line into `out`: commas separate fields, a field in double quotes may
/// hold commas, and `""` inside it is one quote.
fn split_csv(line: &str, out: &mut Vec<String>) {
    out.clear();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "kode,nama,level,tipe,parent_kode,kode_prov\n\
        16,Sumatera Selatan,provinsi,provinsi,,16\n\
        16.71,Kota Palembang,kabupaten_kota,kota,16,16\n\
        16.71.14,Plaju,kecamatan,kecamatan,16.71,16\n\
        16.71.14.1001,\"Plaju Ulu, Lama\",desa_kelurahan,kelurahan,16.71.14,16\n\
        31,Daerah Khusus Ibukota Jakarta,provinsi,provinsi,,31\n\
        31.71,Kota Administrasi Jakarta Pusat ,kabupaten_kota,kota,31,31\n";

    #[test]
    fn rows_and_keys() {
        let g = Gazetteer::from_csv([("sample.csv", SAMPLE)]).unwrap();
        assert_eq!(g.len(), 6);
        assert_eq!(g.find("Palembang")[0].code.as_ref(), "16.71");
        assert_eq!(g.find("Kota Palembang")[0].level, Level::Kota);
        assert_eq!(g.get("16.71.14.1001").unwrap().name.as_ref(), "Plaju Ulu, Lama");
        assert_eq!(g.find("DKI Jakarta")[0].code.as_ref(), "31");
        assert_eq!(g.find("Jakarta")[0].code.as_ref(), "31");
        assert_eq!(g.find("Jakarta Pusat")[0].code.as_ref(), "31.71");
        assert!(g.get("16.71.14").unwrap().is_within("16"));
        assert!(!is_within("16.71", "16.7"));
    }

    #[test]
    fn other_csv_files_are_skipped_and_codes_kept_once() {
        let g = Gazetteer::from_csv([
            ("counts.csv", "kode_prov,nama\n11,Aceh\n"),
            ("a.csv", SAMPLE),
            ("b.csv", SAMPLE),
        ])
        .unwrap();
        assert_eq!(g.len(), 6);
    }

    #[test]
    fn gazetteer_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Gazetteer>();
    }
}
