//! The bookings of a date range as CSV for a spreadsheet: UTF-8 with a BOM (so Excel reads it as
//! UTF-8), semicolon-separated as spreadsheets in Kazakhstan expect, and every cell that a
//! spreadsheet would take for a formula (`=`, `+`, `-`, `@`, also tab and carriage return first)
//! neutralised with a leading apostrophe.

use crate::inbox::{self, Filter};
use jazylu_core::Catalogue;
use rusqlite::Connection;

const HEADER: [&str; 12] = [
    "reference",
    "status",
    "attendance",
    "start",
    "end",
    "doctor",
    "service",
    "price",
    "patient",
    "phone",
    "created_at",
    "call_due",
];

pub fn csv(conn: &Connection, filter: &Filter, cat: &Catalogue) -> Result<Vec<u8>, String> {
    let rows = inbox::list(conn, filter, cat).map_err(|e| e.to_string())?;
    let mut out = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(HEADER).map_err(|e| e.to_string())?;
    for b in rows {
        let attendance = match b.attendance {
            Some(jazylu_api::Attendance::Arrived) => "arrived",
            Some(jazylu_api::Attendance::NoShow) => "no_show",
            None => "",
        };
        let price = b.price.to_string();
        let cells = [
            b.reference.as_str(),
            b.status.as_str(),
            attendance,
            &b.start,
            &b.end,
            &b.doctor,
            &b.service,
            &price,
            &b.patient,
            b.phone.as_deref().unwrap_or(""),
            &b.created_at,
            b.call_due.as_deref().unwrap_or(""),
        ];
        out.write_record(cells.map(|c| neutralised(c).into_owned())).map_err(|e| e.to_string())?;
    }
    out.into_inner().map_err(|e| e.to_string())
}

/// A cell a spreadsheet would run as a formula gets an apostrophe first.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_neutralised() {
        for (cell, want) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+77011234567", "'+77011234567"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("Ахметов", "Ахметов"),
            ("", ""),
        ] {
            assert_eq!(super::neutralised(cell), want);
        }
    }
}
