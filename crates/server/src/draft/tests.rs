//! Reading the price list from CSV: each problem at its exact row and column.

use super::*;

const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");

const HEADER: &str = "category,id,name_kk,name_ru,name_en,price,promo_price,promo_from,promo_until,duration_min,doctors,informed_consent";

fn base() -> Catalogue {
    Catalogue::parse(SAMPLE).expect("the sample is valid")
}

fn csv(rows: &[&str]) -> String {
    std::iter::once(HEADER).chain(rows.iter().copied()).collect::<Vec<_>>().join("\r\n")
}

fn cells(c: &Checked) -> Vec<(u64, &str, &str)> {
    c.problems
        .iter()
        .map(|p| match &p.place {
            Place::Cell { row, column } => (*row, column.as_str(), p.code),
            Place::Path(path) => panic!("{path}: {} is not located in the sheet", p.code),
        })
        .collect()
}

const VISIT: &str = "consultations,visit-first,Алғашқы қабылдау,Первичный приём,First visit,12000,10000,2026-11-01,2026-12-31,30,zhumabayeva akhmetov,no";
const AUDIOMETRY: &str = "diagnostics,audiometry,Аудиометрия,Аудиометрия,Audiometry,6000,,,,30,kassymova,yes";

#[test]
fn a_good_sheet_replaces_the_services() {
    let c = check(Format::Csv, &csv(&[VISIT, AUDIOMETRY]), &base());
    assert_eq!(cells(&c), []);
    let cat = c.valid.expect("valid");
    assert_eq!(cat.services().len(), 2);
    let visit = cat.service("visit-first").expect("listed");
    assert_eq!(visit.price.amount(), 12000);
    assert_eq!(visit.promo.as_ref().map(|p| p.price.amount()), Some(10000));
    assert_eq!(visit.doctors.iter().map(|d| d.as_str()).collect::<Vec<_>>(), ["zhumabayeva", "akhmetov"]);
    assert!(!visit.needs_informed_consent);
    assert!(cat.service("audiometry").expect("listed").needs_informed_consent);
    assert_eq!(cat.doctors().len(), 3, "the base's doctors stay");
}

#[test]
fn a_bom_and_semicolons_as_excel_writes_them() {
    let text = format!("\u{feff}{}", csv(&[VISIT, AUDIOMETRY]).replace(',', ";"));
    let c = check(Format::Csv, &text, &base());
    assert_eq!(cells(&c), []);
    assert_eq!(c.valid.map(|c| c.services().len()), Some(2));
}

#[test]
fn quoted_fields_keep_their_commas() {
    let row = "surgery,paracentesis,\"Парацентез, бір құлақ\",\"Парацентез, одно ухо\",\"Paracentesis, one ear\",18000,,,,30,\"akhmetov, kassymova\",yes";
    let c = check(Format::Csv, &csv(&[row]), &base());
    assert_eq!(cells(&c), []);
    let cat = c.valid.expect("valid");
    let s = cat.service("paracentesis").expect("listed");
    assert_eq!(s.name.get(jazylu_core::Lang::Ru), "Парацентез, одно ухо");
    assert_eq!(s.doctors.len(), 2);
}

#[test]
fn a_price_typed_with_spaces_or_without() {
    for typed in ["\"10 000\"", "10000", "10\u{a0}000", "\"10 000 ₸\""] {
        let row = VISIT.replacen(",10000,", ",9000,", 1).replacen("12000", typed, 1);
        let c = check(Format::Csv, &csv(&[&row]), &base());
        assert_eq!(cells(&c), [], "{typed}");
        let cat = c.valid.expect("valid");
        assert_eq!(cat.service("visit-first").map(|s| s.price.amount()), Some(10000), "{typed}");
    }
    let c = check(Format::Csv, &csv(&[&VISIT.replacen("12000", "twelve", 1)]), &base());
    assert_eq!(cells(&c), [(2, "price", "wrong_type")]);
}

#[test]
fn a_missing_translation_and_a_duration_of_61_at_their_rows_and_columns() {
    let no_english = AUDIOMETRY.replace("Audiometry", "");
    let long = VISIT.replacen(",30,", ",61,", 1).replace("visit-first", "visit-long");
    let c = check(Format::Csv, &csv(&[VISIT, &no_english, &long]), &base());
    assert_eq!(
        cells(&c),
        [(3, "name_en", "missing_translation"), (4, "duration_min", "duration_out_of_range")]
    );
    // The preview still shows the valid row.
    let cat = c.valid.expect("the rest is valid");
    assert_eq!(cat.services().iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["visit-first"]);
}

#[test]
fn unknown_doctors_and_categories_point_at_their_cells() {
    let row = AUDIOMETRY.replace("diagnostics", "dentistry").replace("kassymova", "kassymova nobody");
    let c = check(Format::Csv, &csv(&[&row]), &base());
    assert_eq!(cells(&c), [(2, "category", "unknown_id"), (2, "doctors", "unknown_id")]);
}

#[test]
fn a_flag_that_is_neither_yes_nor_no() {
    let c = check(Format::Csv, &csv(&[&AUDIOMETRY.replace(",yes", ",maybe")]), &base());
    assert_eq!(cells(&c), [(2, "informed_consent", "wrong_type")]);
    for word in ["да", "иә", "1", "Yes"] {
        let c = check(Format::Csv, &csv(&[&AUDIOMETRY.replace(",yes", &format!(",{word}"))]), &base());
        assert_eq!(cells(&c), [], "{word}");
    }
}

#[test]
fn the_header_row_is_checked_first() {
    let text =
        "category;id;name_kk;name_ru;name_en;cost;duration_min;doctors\nconsultations;x;a;b;c;1;30;akhmetov";
    let c = check(Format::Csv, text, &base());
    assert_eq!(cells(&c), [(1, "cost", "column_unknown"), (1, "price", "column_missing")]);
    assert!(c.valid.is_none());
}

#[test]
fn rows_are_counted_as_a_spreadsheet_shows_them_past_blank_and_multiline_cells() {
    let multiline = VISIT.replace("First visit", "\"First\nvisit\"");
    let bad = AUDIOMETRY.replace(",30,", ",0,");
    let c = check(Format::Csv, &format!("{}\r\n\r\n{bad}\r\n", csv(&[&multiline])), &base());
    // The header is line 1, the visit lines 2 and 3, a blank line 4: the bad row is line 5.
    assert_eq!(cells(&c), [(5, "duration_min", "duration_out_of_range")]);
}

#[test]
fn json_drafts_are_located_by_path() {
    let mut doc: serde_json::Value = serde_json::from_str(SAMPLE).expect("JSON");
    doc["services"][2]["duration_min"] = serde_json::json!(61);
    let c = check(Format::Json, &doc.to_string(), &base());
    assert_eq!(c.problems.len(), 1);
    assert_eq!(c.problems[0].place, Place::Path("services[2].duration_min".into()));
    assert_eq!(c.valid.map(|c| c.services().len()), Some(11));
}

#[test]
fn rows_are_the_same_with_unix_line_ends() {
    let bad = AUDIOMETRY.replace(",30,", ",0,");
    let c = check(Format::Csv, &csv(&[VISIT, &bad]).replace("\r\n", "\n"), &base());
    assert_eq!(cells(&c), [(3, "duration_min", "duration_out_of_range")]);
}
