//! Which field of a booking request a problem is about, and what the problem is. Both are enums,
//! so every field has a label and every code has words in each language (a `match` in the words
//! module that misses one does not compile).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One of a person's fields, the same for the patient and the representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PersonField {
    Surname,
    GivenName,
    Patronymic,
    Iin,
    BirthDate,
    Phone,
}

impl PersonField {
    pub const ALL: [PersonField; 6] = [
        PersonField::Surname,
        PersonField::GivenName,
        PersonField::Patronymic,
        PersonField::Iin,
        PersonField::BirthDate,
        PersonField::Phone,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PersonField::Surname => "surname",
            PersonField::GivenName => "given_name",
            PersonField::Patronymic => "patronymic",
            PersonField::Iin => "iin",
            PersonField::BirthDate => "birth_date",
            PersonField::Phone => "phone",
        }
    }
}

/// A field of a booking request, named on the wire by its dotted path (`patient.iin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Service,
    Doctor,
    /// The chosen start.
    Slot,
    Patient(PersonField),
    Address,
    /// The representative as a whole (e.g. required for a minor).
    Representative,
    Rep(PersonField),
    Relation,
    Guarantee,
    ConsentOffer,
    ConsentPersonalData,
}

impl Field {
    /// Every field, in the order of the form.
    pub const ALL: [Field; 21] = [
        Field::Service,
        Field::Doctor,
        Field::Slot,
        Field::Patient(PersonField::Surname),
        Field::Patient(PersonField::GivenName),
        Field::Patient(PersonField::Patronymic),
        Field::Patient(PersonField::Iin),
        Field::Patient(PersonField::BirthDate),
        Field::Patient(PersonField::Phone),
        Field::Address,
        Field::Representative,
        Field::Rep(PersonField::Surname),
        Field::Rep(PersonField::GivenName),
        Field::Rep(PersonField::Patronymic),
        Field::Rep(PersonField::Iin),
        Field::Rep(PersonField::BirthDate),
        Field::Rep(PersonField::Phone),
        Field::Relation,
        Field::Guarantee,
        Field::ConsentOffer,
        Field::ConsentPersonalData,
    ];

    pub fn path(self) -> &'static str {
        use PersonField as P;
        match self {
            Field::Service => "service",
            Field::Doctor => "doctor",
            Field::Slot => "slot",
            Field::Patient(P::Surname) => "patient.surname",
            Field::Patient(P::GivenName) => "patient.given_name",
            Field::Patient(P::Patronymic) => "patient.patronymic",
            Field::Patient(P::Iin) => "patient.iin",
            Field::Patient(P::BirthDate) => "patient.birth_date",
            Field::Patient(P::Phone) => "patient.phone",
            Field::Address => "patient.address",
            Field::Representative => "representative",
            Field::Rep(P::Surname) => "representative.surname",
            Field::Rep(P::GivenName) => "representative.given_name",
            Field::Rep(P::Patronymic) => "representative.patronymic",
            Field::Rep(P::Iin) => "representative.iin",
            Field::Rep(P::BirthDate) => "representative.birth_date",
            Field::Rep(P::Phone) => "representative.phone",
            Field::Relation => "representative.relation",
            Field::Guarantee => "representative.guarantee",
            Field::ConsentOffer => "consents.offer",
            Field::ConsentPersonalData => "consents.personal_data",
        }
    }

    pub fn parse(path: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.path() == path)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.path())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        let path = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Field::parse(&path).ok_or_else(|| serde::de::Error::custom("unknown field path"))
    }
}

/// Why a field was refused. Stable snake_case codes on the wire (`as_str`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldCode {
    Required,
    TooLong,
    NameChars,
    IinFormat,
    IinChecksum,
    PhoneFormat,
    PhoneNotMobile,
    DateInvalid,
    BirthDateFuture,
    BirthDateTooOld,
    RepresentativeRequired,
    RepresentativeMinor,
    RelationInvalid,
    GuaranteeRequired,
    ConsentRequired,
    /// The consent was given to a version of the document the endpoint no longer serves (a
    /// widget opened before the clinic changed it): the visitor reads the new one and ticks again.
    DocumentChanged,
    UnknownService,
    UnknownDoctor,
    DoctorNotForService,
    SlotInvalid,
    SlotTaken,
    InThePast,
    TooSoon,
    BeyondHorizon,
    ClinicClosed,
    OutsideHours,
    /// The patient (by IIN) already holds as many live future bookings as the clinic allows.
    PatientBookingsLimit,
    /// So does the contact phone, whoever the patients are.
    PhoneBookingsLimit,
    /// The patient already has a live booking at an overlapping time, with any doctor.
    PatientOverlap,
    /// A code this build does not know (a newer endpoint): shown with a general message.
    Unknown,
}

impl FieldCode {
    /// Every code the endpoint sends.
    pub const ALL: [FieldCode; 29] = [
        FieldCode::Required,
        FieldCode::TooLong,
        FieldCode::NameChars,
        FieldCode::IinFormat,
        FieldCode::IinChecksum,
        FieldCode::PhoneFormat,
        FieldCode::PhoneNotMobile,
        FieldCode::DateInvalid,
        FieldCode::BirthDateFuture,
        FieldCode::BirthDateTooOld,
        FieldCode::RepresentativeRequired,
        FieldCode::RepresentativeMinor,
        FieldCode::RelationInvalid,
        FieldCode::GuaranteeRequired,
        FieldCode::ConsentRequired,
        FieldCode::DocumentChanged,
        FieldCode::UnknownService,
        FieldCode::UnknownDoctor,
        FieldCode::DoctorNotForService,
        FieldCode::SlotInvalid,
        FieldCode::SlotTaken,
        FieldCode::InThePast,
        FieldCode::TooSoon,
        FieldCode::BeyondHorizon,
        FieldCode::ClinicClosed,
        FieldCode::OutsideHours,
        FieldCode::PatientBookingsLimit,
        FieldCode::PhoneBookingsLimit,
        FieldCode::PatientOverlap,
    ];

    /// The code as sent (for logs and tests; serde writes the same).
    pub fn as_str(self) -> &'static str {
        use FieldCode::*;
        match self {
            Required => "required",
            TooLong => "too_long",
            NameChars => "name_chars",
            IinFormat => "iin_format",
            IinChecksum => "iin_checksum",
            PhoneFormat => "phone_format",
            PhoneNotMobile => "phone_not_mobile",
            DateInvalid => "date_invalid",
            BirthDateFuture => "birth_date_future",
            BirthDateTooOld => "birth_date_too_old",
            RepresentativeRequired => "representative_required",
            RepresentativeMinor => "representative_minor",
            RelationInvalid => "relation_invalid",
            GuaranteeRequired => "guarantee_required",
            ConsentRequired => "consent_required",
            DocumentChanged => "document_changed",
            UnknownService => "unknown_service",
            UnknownDoctor => "unknown_doctor",
            DoctorNotForService => "doctor_not_for_service",
            SlotInvalid => "slot_invalid",
            SlotTaken => "slot_taken",
            InThePast => "in_the_past",
            TooSoon => "too_soon",
            BeyondHorizon => "beyond_horizon",
            ClinicClosed => "clinic_closed",
            OutsideHours => "outside_hours",
            PatientBookingsLimit => "patient_bookings_limit",
            PhoneBookingsLimit => "phone_bookings_limit",
            PatientOverlap => "patient_overlap",
            Unknown => "unknown",
        }
    }
}

// By hand rather than derived: a derived visitor for 26 names is kilobytes of wasm; this is a
// lookup in `ALL`.
impl Serialize for FieldCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FieldCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FieldCode, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(FieldCode::ALL.into_iter().find(|c| c.as_str() == code).unwrap_or(FieldCode::Unknown))
    }
}

/// A problem with one field of a booking request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: Field,
    pub code: FieldCode,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_back_from_their_paths() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.path()), Some(f));
            let json = serde_json::to_string(&f).expect("json");
            assert_eq!(serde_json::from_str::<Field>(&json).expect("back"), f);
        }
        assert_eq!(Field::parse("patient.nickname"), None);
    }

    #[test]
    fn codes_are_snake_case_and_unknown_ones_still_read() {
        let e = FieldError { field: Field::Patient(PersonField::Iin), code: FieldCode::IinChecksum };
        let json = serde_json::to_string(&e).expect("json");
        assert_eq!(json, r#"{"field":"patient.iin","code":"iin_checksum"}"#);
        let later: FieldError =
            serde_json::from_str(r#"{"field":"slot","code":"a_code_from_later"}"#).expect("reads");
        assert_eq!(later.code, FieldCode::Unknown);
        for c in FieldCode::ALL {
            let json = serde_json::to_string(&c).expect("json");
            assert_eq!(json, format!("\"{}\"", c.as_str()));
            assert_eq!(serde_json::from_str::<FieldCode>(&json).expect("back"), c, "{json}");
        }
    }
}
