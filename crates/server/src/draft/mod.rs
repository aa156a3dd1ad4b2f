//! A draft catalogue from staff, as the catalogue's JSON or as the price list in CSV, checked:
//! every problem at its place (a path, or a row and a column), and the catalogue made of what is
//! valid, for the preview. The rules are core's (`Catalogue::parse_draft`); this only reads the
//! formats and says where things are.

pub mod sheet;

use jazylu_core::catalogue::entry_of;
use jazylu_core::{Catalogue, Problem};
use serde_json::Value as Json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    /// By the file's name: `.csv` is a sheet, anything else the catalogue's JSON.
    pub fn of_file(name: &str) -> Format {
        if name.to_ascii_lowercase().ends_with(".csv") {
            Format::Csv
        } else {
            Format::Json
        }
    }
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// In the JSON document: `services[3].price`.
    Path(String),
    /// In the sheet: the row as a spreadsheet numbers it (the header is 1) and the column's name
    /// (empty when the whole row is at fault).
    Cell { row: u64, column: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub place: Place,
    /// Core's problem code, or the sheet's own (`column_missing`, `column_unknown`,
    /// `column_duplicate`, `csv_invalid`).
    pub code: &'static str,
    /// For staff, in English; the staff pages phrase the code in their language.
    pub detail: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.place {
            Place::Path(p) => write!(f, "{p}: {} ({})", self.code, self.detail),
            Place::Cell { row, column } if column.is_empty() => {
                write!(f, "row {row}: {} ({})", self.code, self.detail)
            }
            Place::Cell { row, column } => {
                write!(f, "row {row}, column {column}: {} ({})", self.code, self.detail)
            }
        }
    }
}

pub struct Checked {
    pub problems: Vec<Located>,
    /// What is valid of the draft; see `jazylu_core::catalogue::Draft`.
    pub valid: Option<Catalogue>,
}

/// Checks a draft. A sheet replaces the services of `base` (the catalogue served now), whose
/// clinic, documents, categories and doctors it refers to.
pub fn check(format: Format, text: &str, base: &Catalogue) -> Checked {
    match format {
        Format::Json => located(Catalogue::parse_draft(text), |p| Place::Path(p.path.clone())),
        Format::Csv => match sheet::read(text) {
            Err(problems) => Checked { problems, valid: None },
            Ok(sheet) => {
                let mut doc: Json = serde_json::from_str(&base.to_json()).unwrap_or_default();
                if let Some(o) = doc.as_object_mut() {
                    o.insert("services".into(), Json::Array(sheet.services));
                    o.remove("texts");
                }
                let rows = sheet.rows;
                located(Catalogue::parse_draft(&doc.to_string()), |p| match entry_of(&p.path) {
                    Some(("services", i)) => {
                        let field = p.path.split_once("].").map_or("", |(_, f)| f);
                        let row = rows.get(i).copied().unwrap_or(0);
                        Place::Cell { row, column: sheet::column_of(field).to_string() }
                    }
                    _ => Place::Path(p.path.clone()),
                })
            }
        },
    }
}

/// The command line's check: `file` as a draft (a sheet by its `.csv` name) against the
/// catalogue file `base`. Every problem, or why the files could not be read.
pub fn check_file(base: &std::path::Path, file: &std::path::Path) -> Result<Vec<Located>, String> {
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let text = read(file)?;
    let format = Format::of_file(&file.to_string_lossy());
    let base = match format {
        Format::Json => None,
        Format::Csv => Some(Catalogue::parse(&read(base)?).map_err(|problems| {
            format!(
                "the catalogue {} it refers to has {} problem(s); check it first",
                base.display(),
                problems.len()
            )
        })?),
    };
    let checked = match &base {
        Some(base) => check(format, &text, base),
        None => located(Catalogue::parse_draft(&text), |p| Place::Path(p.path.clone())),
    };
    Ok(checked.problems)
}

fn located(draft: jazylu_core::catalogue::Draft, place: impl Fn(&Problem) -> Place) -> Checked {
    let problems = draft.problems.iter().map(|p| Located {
        place: place(p),
        code: p.code.as_str(),
        detail: p.detail.clone(),
    });
    Checked { problems: problems.collect(), valid: draft.valid }
}

#[cfg(test)]
mod tests;
