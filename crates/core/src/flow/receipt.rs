//! What the endpoint answers about a booking: to `POST /api/bookings` (with the manage token) and
//! to `GET /api/bookings/{ref}` (the token is the visitor's own).

use crate::booking::FieldError;
use crate::clock::{parse_instant, Instant};
use crate::json::{Json, ObjectWriter};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Receipt {
    pub reference: String,
    /// The secret that opens the manage page; travels in the link's fragment, never to a log.
    pub token: String,
    /// `requested`, `confirmed` or `cancelled`.
    pub status: String,
    pub service: String,
    pub doctor: String,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub price: i64,
    pub cancel_deadline: Option<DateTime<Utc>>,
    pub cancelled_late: bool,
}

impl Receipt {
    /// Written with the endpoint's keys, so `from_json` reads it back.
    pub(super) fn write(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        o.str("reference", &self.reference).str("manage_token", &self.token).str("status", &self.status);
        o.str("service", &self.service).str("doctor", &self.doctor);
        for (k, t) in [("start", self.start), ("end", self.end), ("cancel_deadline", self.cancel_deadline)] {
            if let Some(t) = t {
                o.str(k, &Instant(t).to_string());
            }
        }
        o.key("price").push_str(&self.price.to_string());
        o.bool("cancelled_late", self.cancelled_late).end();
    }
}

impl Receipt {
    /// Reads an answer; `token` is the one the visitor already holds (the endpoint sends it only
    /// once, when the booking is made).
    pub fn from_json(text: &str, token: Option<&str>) -> Option<Receipt> {
        Receipt::from_value(&Json::parse(text).ok()?, token)
    }

    pub(super) fn from_value(doc: &Json, token: Option<&str>) -> Option<Receipt> {
        let s = |k: &str| doc.get(k).and_then(Json::as_str).unwrap_or("").to_string();
        let t = |k: &str| doc.get(k).and_then(Json::as_str).and_then(parse_instant);
        let reference = s("reference");
        let token = token.map_or_else(|| s("manage_token"), str::to_string);
        if reference.is_empty() || token.is_empty() {
            return None;
        }
        Some(Receipt {
            reference,
            token,
            status: s("status"),
            service: s("service"),
            doctor: s("doctor"),
            start: Some(t("start")?),
            end: t("end"),
            price: doc.get("price").and_then(Json::as_i64).unwrap_or(0),
            cancel_deadline: t("cancel_deadline"),
            cancelled_late: doc.get("cancelled_late").and_then(Json::as_bool).unwrap_or(false),
        })
    }
}

/// The field errors of a 422 answer, with field and code mapped onto the names core uses (so a
/// code the widget does not know still lands on its field with a general message).
pub(super) fn field_errors(text: &str) -> Option<Vec<FieldError>> {
    let doc = Json::parse(text).ok()?;
    let list = doc.get("errors")?.as_list()?;
    Some(
        list.iter()
            .filter_map(|e| {
                let field = known(e.get("field")?.as_str()?)?;
                let code = e.get("code").and_then(Json::as_str).unwrap_or("");
                Some(FieldError { field, code: code_name(code) })
            })
            .collect(),
    )
}

fn known(field: &str) -> Option<&'static str> {
    crate::booking::FIELDS.into_iter().find(|f| *f == field)
}

/// A code with its own words, else `invalid` (which gets the general message).
fn code_name(code: &str) -> &'static str {
    crate::booking_texts::CODES.iter().find(|c| **c == code).copied().unwrap_or("invalid")
}
