//! What is wrong with a catalogue: a path into the document, a stable code, and a detail for staff.

use serde::Serialize;
use std::fmt;

/// The detail of a problem, formatted for the person editing the file. In the widget it is left
/// empty: the widget only needs to know that a catalogue is unusable, the server (which checks it
/// first and prints every detail) is the one talking to staff, and the formatting code would cost
/// the wasm several kilobytes.
macro_rules! detail {
    ($($arg:tt)*) => {{
        #[cfg(not(target_arch = "wasm32"))]
        let d = format!($($arg)*);
        #[cfg(target_arch = "wasm32")]
        let d = {
            let _ = format_args!($($arg)*); // uses the arguments; optimised away
            String::new()
        };
        d
    }};
}
pub(super) use detail;

/// A problem's path (`services[3].duration_min`), built the same way and for the same reason as
/// `detail!`: the widget never shows it, so in wasm no path strings are formatted at all.
macro_rules! locate {
    ($($arg:tt)*) => { detail!($($arg)*) };
}
pub(super) use locate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// Not JSON at all.
    JsonInvalid,
    MissingField,
    UnknownField,
    WrongType,
    MissingTranslation,
    IdInvalid,
    DuplicateId,
    UnknownId,
    DurationOutOfRange,
    PriceNotPositive,
    PromoNotLower,
    PromoWindowReversed,
    BinFormat,
    BinChecksum,
    PhoneInvalid,
    PhoneNotMobile,
    PhonesEmpty,
    UrlInvalid,
    TimeZoneUnknown,
    TimeInvalid,
    DateInvalid,
    WeekdayInvalid,
    DaysEmpty,
    IntervalReversed,
    ScheduleOverlap,
    BreakOutsideHours,
    OutsideClinicHours,
    DuplicateDate,
    HolidayYearMismatch,
    DoctorsEmpty,
    ServicesEmpty,
    PolicyOutOfRange,
    /// A value outside the field's list (`video_recording`).
    ValueUnknown,
    /// Footage for advertising with no video recorded.
    FootageWithoutVideo,
    LicenceInvalid,
    VersionInvalid,
    TextTooLong,
}

impl ProblemCode {
    pub fn as_str(self) -> &'static str {
        use ProblemCode::*;
        match self {
            JsonInvalid => "json_invalid",
            MissingField => "missing_field",
            UnknownField => "unknown_field",
            WrongType => "wrong_type",
            MissingTranslation => "missing_translation",
            IdInvalid => "id_invalid",
            DuplicateId => "duplicate_id",
            UnknownId => "unknown_id",
            DurationOutOfRange => "duration_out_of_range",
            PriceNotPositive => "price_not_positive",
            PromoNotLower => "promo_not_lower",
            PromoWindowReversed => "promo_window_reversed",
            BinFormat => "bin_format",
            BinChecksum => "bin_checksum",
            PhoneInvalid => "phone_invalid",
            PhoneNotMobile => "phone_not_mobile",
            PhonesEmpty => "phones_empty",
            UrlInvalid => "url_invalid",
            TimeZoneUnknown => "time_zone_unknown",
            TimeInvalid => "time_invalid",
            DateInvalid => "date_invalid",
            WeekdayInvalid => "weekday_invalid",
            DaysEmpty => "days_empty",
            IntervalReversed => "interval_reversed",
            ScheduleOverlap => "schedule_overlap",
            BreakOutsideHours => "break_outside_hours",
            OutsideClinicHours => "outside_clinic_hours",
            DuplicateDate => "duplicate_date",
            HolidayYearMismatch => "holiday_year_mismatch",
            DoctorsEmpty => "doctors_empty",
            ServicesEmpty => "services_empty",
            PolicyOutOfRange => "policy_out_of_range",
            ValueUnknown => "value_unknown",
            FootageWithoutVideo => "footage_without_video",
            LicenceInvalid => "licence_invalid",
            VersionInvalid => "version_invalid",
            TextTooLong => "text_too_long",
        }
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where in the document, e.g. `services[3].duration_min`.
    pub path: String,
    pub code: ProblemCode,
    /// For the person editing the file, in English; the code is what programs match on.
    pub detail: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.code, self.detail)
    }
}
