//! `POST /api/bookings`: what the widget sends, as typed; `jazylu_core::booking` checks it field
//! by field. With the `lenient` feature (the server's) a value of the wrong type reads as not
//! given, so it comes back as a field problem; the widget, which only reads what it wrote
//! itself, does without that code.

use crate::field::PersonField;
use crate::lenient;
#[cfg(feature = "openapi")]
use crate::schema;
use serde::{Deserialize, Serialize};

/// The campaign tags a booking may carry (`BookingRequest::utm`); core drops any other key.
pub const CAMPAIGN_TAGS: [&str; 5] = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct BookingRequest {
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::id, required = true, examples("visit-first")))]
    pub service: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::id, required = true))]
    pub doctor: String,
    /// RFC 3339 start of the chosen slot.
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::instant, required = true))]
    pub start: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::object"))]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub patient: Patient,
    /// Left out when the patient books alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::optional"))]
    pub representative: Option<Representative>,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::object"))]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub consents: Consents,
    /// `kk`, `ru` or `en`: the language the visitor booked in.
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::lang))]
    pub lang: String,
    /// Where the widget sits (`hosted`, `site`, `instagram`…).
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::channel))]
    pub channel: String,
    /// Campaign tags from the page address; core keeps only the `utm_*` ones.
    #[serde(serialize_with = "lenient::tag_map", deserialize_with = "lenient::tags")]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::utm))]
    pub utm: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Patient {
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::name, required = true))]
    pub surname: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::name, required = true))]
    pub given_name: String,
    /// May be empty.
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::patronymic))]
    pub patronymic: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::iin, required = true))]
    pub iin: String,
    /// `YYYY-MM-DD`.
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::birth_date, required = true))]
    pub birth_date: String,
    /// As typed; may be empty when a representative books (their phone serves).
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::patient_phone))]
    pub phone: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::address, required = true))]
    pub address: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::boolean"))]
    pub whatsapp: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Representative {
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::name, required = true))]
    pub surname: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::name, required = true))]
    pub given_name: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::patronymic))]
    pub patronymic: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::iin, required = true))]
    pub iin: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::birth_date, required = true))]
    pub birth_date: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::phone, required = true))]
    pub phone: String,
    /// `parent`, `adoptive_parent`, `guardian` or `trustee`.
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::relation, required = true))]
    pub relation: String,
    /// "I am the patient's legal representative and may act for them."
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::boolean"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::ticked, required = true))]
    pub guarantee: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Consents {
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::boolean"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::ticked, required = true))]
    pub offer: bool,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::boolean"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::ticked, required = true))]
    pub personal_data: bool,
    /// The version of the offer the visitor saw when ticking (the catalogue's
    /// `documents.offer.version`); another is refused with `document_changed`.
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::version, required = true))]
    pub offer_version: String,
    #[cfg_attr(feature = "lenient", serde(deserialize_with = "lenient::string"))]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::version, required = true))]
    pub personal_data_version: String,
}

/// The six fields a patient and a representative share, by name.
macro_rules! person_fields {
    ($t:ty) => {
        impl $t {
            pub fn get(&self, f: PersonField) -> &str {
                match f {
                    PersonField::Surname => &self.surname,
                    PersonField::GivenName => &self.given_name,
                    PersonField::Patronymic => &self.patronymic,
                    PersonField::Iin => &self.iin,
                    PersonField::BirthDate => &self.birth_date,
                    PersonField::Phone => &self.phone,
                }
            }

            pub fn get_mut(&mut self, f: PersonField) -> &mut String {
                match f {
                    PersonField::Surname => &mut self.surname,
                    PersonField::GivenName => &mut self.given_name,
                    PersonField::Patronymic => &mut self.patronymic,
                    PersonField::Iin => &mut self.iin,
                    PersonField::BirthDate => &mut self.birth_date,
                    PersonField::Phone => &mut self.phone,
                }
            }
        }
    };
}

person_fields!(Patient);
person_fields!(Representative);

#[cfg(all(test, feature = "lenient"))]
mod tests {
    use super::*;

    #[test]
    fn wrong_types_read_as_not_given() {
        let r: BookingRequest = serde_json::from_str(
            r#"{"service": 5, "patient": "me", "consents": {"offer": "yes", "personal_data": true},
                "representative": 7, "utm": {"utm_source": "ig", "utm_term": 3}, "extra": [1]}"#,
        )
        .expect("reads");
        assert_eq!(r.service, "");
        assert_eq!(r.patient, Patient::default());
        assert!(!r.consents.offer && r.consents.personal_data);
        assert_eq!(r.representative, None);
        assert_eq!(r.utm, vec![("utm_source".to_string(), "ig".to_string())]);
        let r: BookingRequest =
            serde_json::from_str(r#"{"utm": {"utm_term": "b", "utm_campaign": "a"}}"#).expect("reads");
        let keys: Vec<_> = r.utm.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["utm_campaign", "utm_term"], "in key order, whatever order was sent");
    }

    #[test]
    fn writes_what_it_reads() {
        let r = BookingRequest {
            service: "visit-first".into(),
            patient: Patient { surname: "Иванова".into(), whatsapp: true, ..Patient::default() },
            representative: Some(Representative { relation: "parent".into(), ..Representative::default() }),
            utm: vec![("utm_source".into(), "ig".into())],
            ..BookingRequest::default()
        };
        let json = serde_json::to_string(&r).expect("json");
        assert!(json.contains(r#""utm":{"utm_source":"ig"}"#), "{json}");
        assert_eq!(serde_json::from_str::<BookingRequest>(&json).expect("back"), r);
        let alone = BookingRequest::default();
        assert!(!serde_json::to_string(&alone).expect("json").contains("representative"));
    }
}
