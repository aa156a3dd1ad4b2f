//! The price list as a spreadsheet exports it: CSV in UTF-8, with or without a BOM, separated by
//! commas or semicolons (Excel in a Kazakh or Russian locale writes semicolons). Read with the
//! `csv` crate into the draft's `services`, in the catalogue's own JSON shape, so that core's
//! check judges it like any other draft; its problems are then located back at a row and a
//! column. The columns are documented in `docs/staff.md`.

use super::{Located, Place};
use serde_json::{json, Map, Value as Json};

/// The sheet's columns, as its header row names them (in any order, any case).
pub const COLUMNS: [&str; 12] = [
    "category",
    "id",
    "name_kk",
    "name_ru",
    "name_en",
    "price",
    "promo_price",
    "promo_from",
    "promo_until",
    "duration_min",
    "doctors",
    "informed_consent",
];

/// Columns a sheet may leave out: a price list without promotions, or without the flag.
const OPTIONAL: [&str; 4] = ["promo_price", "promo_from", "promo_until", "informed_consent"];

/// The services the sheet lists, and the row of each (as a spreadsheet numbers them: the header
/// is row 1).
pub struct Sheet {
    pub services: Vec<Json>,
    pub rows: Vec<u64>,
}

/// Reads the sheet; a problem with the file itself (no header, a column missing or unknown, a
/// row that is not CSV) stops here, located, with every other such problem.
pub fn read(text: &str) -> Result<Sheet, Vec<Located>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let delimiter = if header.matches(';').count() > header.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let names: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|n| n.trim().to_lowercase()).collect(),
        Err(e) => return Err(vec![not_csv(1, &e)]),
    };
    let mut index = [None; COLUMNS.len()];
    for (i, name) in names.iter().enumerate() {
        match COLUMNS.iter().position(|c| c == name) {
            Some(c) if index[c].is_none() => index[c] = Some(i),
            Some(_) => {
                problems.push(cell(1, name, "column_duplicate", format!("the column '{name}' comes twice")))
            }
            None if name.is_empty() => {}
            None => problems.push(cell(
                1,
                name,
                "column_unknown",
                format!("'{name}' is not a column of the price list"),
            )),
        }
    }
    for (c, column) in COLUMNS.iter().enumerate() {
        if index[c].is_none() && !OPTIONAL.contains(column) {
            problems.push(cell(
                1,
                column,
                "column_missing",
                format!("the header row has no column '{column}'"),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut sheet = Sheet { services: Vec::new(), rows: Vec::new() };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| line_at(text, p.byte()));
                problems.push(not_csv(row, &e));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue; // a blank line a spreadsheet left at the end
        }
        let get = |column: &str| {
            let c = COLUMNS.iter().position(|x| *x == column)?;
            index[c].and_then(|i| record.get(i)).filter(|v| !v.is_empty())
        };
        sheet.services.push(service(get));
        sheet.rows.push(record.position().map_or(0, |p| line_at(text, p.byte())));
    }
    if problems.is_empty() {
        Ok(sheet)
    } else {
        Err(problems)
    }
}

/// One row as the catalogue's service object. A value that cannot be what its column holds is
/// passed on as the text it is, so core reports it as the wrong type at its place.
fn service<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Json {
    let mut s = Map::new();
    let mut put = |key: &str, value: Option<Json>| {
        if let Some(v) = value {
            s.insert(key.to_string(), v);
        }
    };
    put("id", get("id").map(Json::from));
    put("category", get("category").map(Json::from));
    let name = |lang| Json::from(get(&format!("name_{lang}")).unwrap_or(""));
    put("name", Some(json!({ "kk": name("kk"), "ru": name("ru"), "en": name("en") })));
    put("price", get("price").map(amount));
    let promo = [("price", get("promo_price").map(amount)), ("from", get("promo_from").map(Json::from))]
        .into_iter()
        .chain([("until", get("promo_until").map(Json::from))]);
    let promo: Map<String, Json> = promo.filter_map(|(k, v)| Some((k.to_string(), v?))).collect();
    put("promo", (!promo.is_empty()).then_some(Json::Object(promo)));
    put("duration_min", get("duration_min").map(whole));
    let doctors = get("doctors").map(|d| {
        d.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|id| !id.is_empty()).collect()
    });
    put("doctors", doctors.map(|ids: Vec<&str>| json!(ids)));
    put("needs_informed_consent", Some(get("informed_consent").map_or(Json::Bool(false), flag)));
    Json::Object(s)
}

/// "10 000", "10000", "10 000 ₸": whole tenge, as people type it (spaces, no-break spaces and the
/// currency sign are dropped).
fn amount(v: &str) -> Json {
    let digits: String = v
        .trim_end_matches(['₸', 'т', 'г', '.'])
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    whole(&digits)
}

fn whole(v: &str) -> Json {
    v.parse::<i64>().map_or_else(|_| Json::from(v), Json::from)
}

/// Yes or no in any of the three languages, or 1 and 0.
fn flag(v: &str) -> Json {
    match v.to_lowercase().as_str() {
        "1" | "yes" | "y" | "true" | "да" | "д" | "иә" | "иа" | "+" => Json::Bool(true),
        "0" | "no" | "n" | "false" | "нет" | "н" | "жоқ" | "жок" | "-" => Json::Bool(false),
        _ => Json::from(v),
    }
}

/// The line (from 1) a record at a byte offset starts on: the row a spreadsheet shows, also
/// past blank lines and cells that span lines. csv's own count is off after a `\r\n` (its
/// position is then at the `\n`), so line ends at the offset are skipped first.
fn line_at(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|b| **b == b'\n').count() as u64
}

fn cell(row: u64, column: &str, code: &'static str, detail: String) -> Located {
    Located { place: Place::Cell { row, column: column.to_string() }, code, detail }
}

fn not_csv(row: u64, e: &csv::Error) -> Located {
    Located { place: Place::Cell { row, column: String::new() }, code: "csv_invalid", detail: e.to_string() }
}

/// The column a service's problem is in: `name.kk` is `name_kk`, `promo.from` is `promo_from`.
pub fn column_of(field: &str) -> &'static str {
    let field = field.split('[').next().unwrap_or(field);
    match field {
        "name.kk" => "name_kk",
        "name.ru" => "name_ru",
        "name.en" | "name" => "name_en",
        "promo.price" | "promo" => "promo_price",
        "promo.from" => "promo_from",
        "promo.until" => "promo_until",
        "needs_informed_consent" => "informed_consent",
        other => COLUMNS.into_iter().find(|c| *c == other).unwrap_or(""),
    }
}
