//! What the endpoint answers: a booking made or looked up, the doctors' busy time, and errors.

use crate::field::FieldError;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Waiting for the call centre to confirm.
    Requested,
    Confirmed,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Confirmed => "confirmed",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        [Status::Requested, Status::Confirmed, Status::Cancelled].into_iter().find(|x| x.as_str() == s)
    }
}

impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Status::parse(&s).ok_or_else(|| serde::de::Error::custom("a booking status"))
    }
}

/// `201` to `POST /api/bookings`. The manage token is sent this once; only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Created {
    pub reference: String,
    pub manage_token: String,
    pub status: Status,
    pub service: String,
    pub doctor: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub start: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub end: String,
    /// Whole tenge, what the visit costs on its day.
    pub price: i64,
    /// The last moment to cancel free of charge.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub cancel_deadline: String,
}

/// `GET /api/bookings/{reference}` and its cancel: the booking as its manage page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingView {
    pub reference: String,
    pub status: Status,
    pub service: String,
    pub doctor: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub start: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub end: String,
    pub price: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub cancel_deadline: String,
    pub deadline_passed: bool,
    pub cancelled_late: bool,
    /// The clinic cancelled the visit (the visitor did not).
    #[serde(default)]
    pub cancelled_by_clinic: bool,
    /// The clinic moved the visit: `start`, `end` and `doctor` are the new ones.
    #[serde(default)]
    pub moved_by_clinic: bool,
}

/// A doctor's booked time, `[start, end)`; nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BusyTime {
    pub doctor: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub start: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::instant))]
    pub end: String,
}

/// `GET /api/availability?from=…&days=…`: the dates `from..=to` answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Availability {
    pub from: String,
    pub to: String,
    pub busy: Vec<BusyTime>,
}

/// Every error, whatever produced it: a stable `code` and a message for developers (the widget
/// shows its own words). A `422 invalid_booking` lists the field `errors`; a `409 slot_taken`
/// carries the doctor's fresh `busy` time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    #[cfg_attr(feature = "openapi", schema(value_type = String, examples("invalid_booking")))]
    pub code: Cow<'static, str>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub message: Cow<'static, str>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::lenient::known_fields"
    )]
    pub errors: Vec<FieldError>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub busy: Option<Vec<BusyTime>>,
}

impl ErrorBody {
    pub fn new(code: &'static str, message: impl Into<Cow<'static, str>>) -> ErrorBody {
        ErrorBody { code: Cow::Borrowed(code), message: message.into(), errors: Vec::new(), busy: None }
    }
}

/// `422 invalid_booking`.
pub struct Invalid;

impl Invalid {
    pub const CODE: &'static str = "invalid_booking";

    pub fn body(errors: Vec<FieldError>) -> ErrorBody {
        ErrorBody { errors, ..ErrorBody::new(Invalid::CODE, "some fields need attention") }
    }
}

/// `409 slot_taken`.
pub struct SlotTaken;

impl SlotTaken {
    pub const CODE: &'static str = "slot_taken";

    pub fn body(busy: Vec<BusyTime>) -> ErrorBody {
        ErrorBody {
            busy: Some(busy),
            ..ErrorBody::new(SlotTaken::CODE, "this time was just taken; choose another")
        }
    }
}
