//! `/api/staff/*`: what the staff pages send and read. Behind a staff token; never used by the
//! visitor's widget.

use crate::answer::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One problem of a draft catalogue, at its place: a JSON `path`, or a CSV `row` (the header is
/// row 1) and `column`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftProblem {
    /// Stable: core's catalogue codes (`duration_out_of_range`, `missing_translation`…) and the
    /// sheet's own (`column_missing`, `column_unknown`, `column_duplicate`, `csv_invalid`).
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// For developers, in English; the staff pages phrase `code`.
    pub detail: String,
}

/// `POST /api/staff/catalog/check`: every problem, and the catalogue of what is valid (as
/// `GET /api/catalog` would serve it), for the preview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftCheck {
    pub problems: Vec<DraftProblem>,
    /// Left out when nothing of the draft can be shown (its clinic or documents are wrong).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub catalogue: Option<serde_json::Value>,
}

/// One published version of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogVersion {
    pub id: i64,
    /// RFC 3339, clinic time.
    pub published_at: String,
    /// The staff token's label, or `file` for the catalogue file read at start.
    pub published_by: String,
    /// A rollback names the version it brought back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored_from: Option<i64>,
    pub sha256: String,
    pub services: u32,
    /// The one served now.
    pub current: bool,
}

/// What the clinic did about a visit besides its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Arrived,
    NoShow,
}

/// A booking in the operator's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxEntry {
    pub reference: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    pub service: String,
    pub doctor: String,
    /// RFC 3339 in clinic time.
    pub start: String,
    pub end: String,
    pub price: i64,
    /// Surname, given name and patronymic; empty once erased.
    pub patient: String,
    /// The number to call back (the representative's when they booked), E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// When the request came in (RFC 3339, clinic time).
    pub created_at: String,
    /// A request that came in while the call centre was closed: when it opens next, which is when
    /// the patient is due a call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_due: Option<String>,
    pub erased: bool,
}

/// `GET /api/staff/bookings`: the clinic dates `from..=to`, requests first, then by start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inbox {
    pub from: String,
    pub to: String,
    pub bookings: Vec<InboxEntry>,
}

/// A person on a booking as staff see them. The IIN is masked here; `POST …/iin` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPerson {
    pub surname: String,
    pub given_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// `••••••••0502`: the last four digits.
    pub iin_masked: String,
    pub birth_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<bool>,
    /// A representative's relation to the patient (`parent`, `guardian`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentRecord {
    /// `offer` or `personal_data`.
    pub document: String,
    pub version: String,
    /// Of the exact text consented to, kept in `document_texts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// `patient` or `representative`.
    pub given_by: String,
    pub given_at: String,
    pub lang: String,
}

/// One thing that happened to a booking: made, confirmed, moved, cancelled, an IIN shown…
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub at: String,
    /// `visitor`, or the staff token's label.
    pub actor: String,
    /// `created`, `confirmed`, `cancelled`, `moved`, `arrived`, `no_show`, `iin_revealed`,
    /// `erased`.
    pub action: String,
    /// What changed, never personal data: `{"from": …, "to": …}`, a cancellation's reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub detail: Option<serde_json::Value>,
}

/// `GET /api/staff/bookings/{reference}`: all of a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffBooking {
    #[serde(flatten)]
    pub entry: InboxEntry,
    pub lang: String,
    /// Left out once erased.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<StaffPerson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<StaffPerson>,
    pub consents: Vec<ConsentRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    pub utm: BTreeMap<String, String>,
    pub cancel_deadline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
    pub history: Vec<HistoryEntry>,
}

/// `POST /api/staff/bookings/{reference}/iin`: the IINs in full; the reveal is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevealedIin {
    pub patient: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<String>,
}

/// `POST …/cancel`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CancelByClinic {
    /// Why, for the record (1 to 500 characters).
    pub reason: String,
}

/// `POST …/move`: another time, another doctor, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Move {
    pub doctor: String,
    /// RFC 3339.
    pub start: String,
}

/// `POST …/attendance`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkAttendance {
    pub attendance: Attendance,
}

/// `422 catalogue_invalid` to a publication: nothing was published. The problems as a check
/// reports them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftRejected {
    pub code: String,
    pub message: String,
    pub problems: Vec<DraftProblem>,
}
