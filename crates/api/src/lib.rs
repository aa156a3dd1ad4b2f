//! The wire contract: every body the endpoint takes or answers, defined once with serde and used
//! by the widget, the server and the tests.
//!
//! These are plain data, strings as sent: `jazylu-core` parses them into domain types (a
//! `BookingRequest` becomes a `Booking` or a list of `FieldError`s). Times are RFC 3339 strings in
//! clinic time; core reads them.

mod answer;
mod field;
mod lenient;
mod request;
#[cfg(feature = "openapi")]
pub mod schema;
pub mod staff;

pub use answer::{Availability, BookingView, BusyTime, Created, ErrorBody, Invalid, SlotTaken, Status};
pub use field::{Field, FieldCode, FieldError, PersonField};
pub use request::{BookingRequest, Consents, Patient, Representative, CAMPAIGN_TAGS};
pub use staff::{
    Attendance, CancelByClinic, CatalogVersion, ConsentRecord, DraftCheck, DraftProblem, DraftRejected,
    HistoryEntry, Inbox, InboxEntry, MarkAttendance, Move, RevealedIin, StaffBooking, StaffPerson,
};
