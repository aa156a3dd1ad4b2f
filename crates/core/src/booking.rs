//! A booking request: what the widget sends and the endpoint stores. `BookingForm` holds what was
//! typed, as strings; `BookingForm::validate` turns it into a `Booking` or returns every problem,
//! each addressed to its field (`patient.iin`, `representative.phone`, `consents.offer`, `slot`),
//! so the widget can put the message next to the input and the endpoint can answer 422.

use crate::availability::{check_slot, Busy, Slot};
use crate::catalogue::{Catalogue, ServiceId};
use crate::clock::parse_instant;
use crate::ident::{IdentError, Iin};
use crate::json::{Json, ObjectWriter};
use crate::lang::Lang;
use crate::person::{Address, BirthDate, FieldCode, NamePart};
use crate::phone::{Phone, PhoneError};
use chrono::{DateTime, Utc};
use serde::Serialize;

pub use crate::person::ADULT_AGE;

/// Every field a problem can be addressed to, as `validate` names them (and the widget's inputs
/// are named).
pub const FIELDS: [&str; 21] = [
    "service",
    "doctor",
    "slot",
    "patient.surname",
    "patient.given_name",
    "patient.patronymic",
    "patient.iin",
    "patient.birth_date",
    "patient.phone",
    "patient.address",
    "representative",
    "representative.surname",
    "representative.given_name",
    "representative.patronymic",
    "representative.iin",
    "representative.birth_date",
    "representative.phone",
    "representative.relation",
    "representative.guarantee",
    "consents.offer",
    "consents.personal_data",
];

/// A problem with one field of a booking request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Dotted path of the field, e.g. `patient.iin`.
    pub field: &'static str,
    pub code: &'static str,
}

/// What was typed about the patient, as strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonForm {
    pub surname: String,
    pub given_name: String,
    pub patronymic: String,
    pub iin: String,
    pub birth_date: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookingForm {
    pub service: String,
    pub doctor: String,
    /// RFC 3339 start of the chosen slot.
    pub start: String,
    pub patient: PersonForm,
    pub address: String,
    pub whatsapp: bool,
    /// `None` when the patient books alone.
    pub representative: Option<RepresentativeForm>,
    pub consent_offer: bool,
    pub consent_personal_data: bool,
    pub lang: Lang,
    /// Where the visitor came from (`site`, `instagram`…), as the embedding page says.
    pub channel: String,
    /// Campaign tags from the page address, already whitelisted by `campaign_tags`.
    pub utm: Vec<(String, String)>,
}

/// The campaign tags a booking may carry: these keys only, short values of safe characters.
/// Anything else in a page address (which might hold personal data) is dropped.
pub fn campaign_tags<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    const KEYS: [&str; 5] = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];
    let safe = |v: &str| {
        !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in pairs {
        if KEYS.contains(&k) && safe(v) && !out.iter().any(|(seen, _)| seen == k) {
            out.push((k.to_string(), v.to_string()));
        }
    }
    out
}

/// A channel name: a short lower-case word, else none.
fn channel(s: &str) -> String {
    let ok = s.len() <= 32 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        s.to_string()
    } else {
        String::new()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepresentativeForm {
    pub person: PersonForm,
    /// `parent`, `adoptive_parent`, `guardian` or `trustee`.
    pub relation: String,
    /// "I am the patient's legal representative and may act for them."
    pub guarantee: bool,
}

/// Who may act for a patient [public offer 1.1].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Parent,
    AdoptiveParent,
    Guardian,
    Trustee,
}

impl Relation {
    pub const ALL: [Relation; 4] =
        [Relation::Parent, Relation::AdoptiveParent, Relation::Guardian, Relation::Trustee];

    pub fn code(self) -> &'static str {
        match self {
            Relation::Parent => "parent",
            Relation::AdoptiveParent => "adoptive_parent",
            Relation::Guardian => "guardian",
            Relation::Trustee => "trustee",
        }
    }

    pub fn parse(s: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// A person as the booking knows them, every part checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub surname: NamePart,
    pub given_name: NamePart,
    pub patronymic: Option<NamePart>,
    pub iin: Iin,
    pub birth_date: BirthDate,
    pub phone: Phone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Representative {
    pub person: Person,
    pub relation: Relation,
}

/// A booking that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    pub service: ServiceId,
    pub slot: Slot,
    pub patient: Person,
    pub address: Address,
    pub whatsapp: bool,
    pub representative: Option<Representative>,
    /// Under 18 on the day of the visit.
    pub minor: bool,
    /// What the visit costs on its day (a promotion counts if it runs then).
    pub price: crate::Tenge,
    pub lang: Lang,
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::DEFAULT
    }
}

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, field: &'static str, code: &'static str) {
        self.0.push(FieldError { field, code });
    }

    fn field<T>(&mut self, field: &'static str, r: Result<T, FieldCode>) -> Option<T> {
        r.map_err(|c| self.push(field, c.as_str())).ok()
    }
}

/// The fields of one person block, named for where the block sits.
struct Fields {
    surname: &'static str,
    given_name: &'static str,
    patronymic: &'static str,
    iin: &'static str,
    birth_date: &'static str,
    phone: &'static str,
}

const PATIENT: Fields = Fields {
    surname: "patient.surname",
    given_name: "patient.given_name",
    patronymic: "patient.patronymic",
    iin: "patient.iin",
    birth_date: "patient.birth_date",
    phone: "patient.phone",
};

const REPRESENTATIVE: Fields = Fields {
    surname: "representative.surname",
    given_name: "representative.given_name",
    patronymic: "representative.patronymic",
    iin: "representative.iin",
    birth_date: "representative.birth_date",
    phone: "representative.phone",
};

fn person(e: &mut Errors, f: &Fields, p: &PersonForm, today: chrono::NaiveDate) -> Option<Person> {
    let surname = e.field(f.surname, NamePart::parse(&p.surname));
    let given_name = e.field(f.given_name, NamePart::parse(&p.given_name));
    let patronymic = if p.patronymic.trim().is_empty() {
        Some(None)
    } else {
        e.field(f.patronymic, NamePart::parse(&p.patronymic)).map(Some)
    };
    let iin = e.field(
        f.iin,
        Iin::parse(&p.iin).map_err(|err| match err {
            _ if p.iin.trim().is_empty() => FieldCode::Required,
            IdentError::Format => FieldCode::IinFormat,
            IdentError::Checksum => FieldCode::IinChecksum,
        }),
    );
    // The date encoded in an IIN is only a hint (not guaranteed since 2013): never an error.
    let birth_date = e.field(f.birth_date, BirthDate::parse(&p.birth_date, today));
    let phone = e.field(
        f.phone,
        Phone::parse_mobile(&p.phone).map_err(|err| match err {
            _ if p.phone.trim().is_empty() => FieldCode::Required,
            PhoneError::Format => FieldCode::PhoneFormat,
            PhoneError::NotMobile => FieldCode::PhoneNotMobile,
        }),
    );
    Some(Person {
        surname: surname?,
        given_name: given_name?,
        patronymic: patronymic?,
        iin: iin?,
        birth_date: birth_date?,
        phone: phone?,
    })
}

fn person_json(o: &mut ObjectWriter<'_>, p: &PersonForm) {
    o.str("surname", &p.surname).str("given_name", &p.given_name).str("patronymic", &p.patronymic);
    o.str("iin", &p.iin).str("birth_date", &p.birth_date).str("phone", &p.phone);
}

/// The clinic date on which ages count: the visit's, or today's before a time is chosen.
pub fn visit_day(cat: &Catalogue, start: Option<DateTime<Utc>>, now: DateTime<Utc>) -> chrono::NaiveDate {
    cat.clinic().time_zone.today(start.unwrap_or(now))
}

impl BookingForm {
    /// Checks every rule against the catalogue, the doctors' busy time and `now`; returns the
    /// booking or every problem found.
    pub fn validate(
        &self,
        cat: &Catalogue,
        busy: &[Busy],
        now: DateTime<Utc>,
    ) -> Result<Booking, Vec<FieldError>> {
        let mut e = Errors(Vec::new());
        let today = cat.clinic().time_zone.today(now);

        let service = cat.service(&self.service);
        if service.is_none() {
            e.push("service", "unknown_service");
        }
        let doctor = cat.doctor(&self.doctor);
        if doctor.is_none() {
            e.push("doctor", "unknown_doctor");
        }
        let start = parse_instant(&self.start);
        if start.is_none() {
            e.push("slot", "slot_invalid");
        }
        let slot = match (service, doctor, start) {
            (Some(s), Some(d), Some(start)) => match check_slot(cat, s, &d.id, start, busy, now) {
                Ok(slot) => Some(slot),
                Err(err) => {
                    let field = if err.code() == "doctor_not_for_service" { "doctor" } else { "slot" };
                    e.push(field, err.code());
                    None
                }
            },
            _ => None,
        };
        let visit_day = visit_day(cat, slot.as_ref().map(|s| s.start), now);

        let patient = person(&mut e, &PATIENT, &self.patient, today);
        let address = e.field("patient.address", Address::parse(&self.address));
        let minor = patient.as_ref().is_some_and(|p| p.birth_date.is_minor_on(visit_day));

        let representative = match &self.representative {
            None if minor => {
                e.push("representative", "representative_required");
                None
            }
            None => None,
            Some(r) => {
                let person = person(&mut e, &REPRESENTATIVE, &r.person, today);
                if person.as_ref().is_some_and(|p| p.birth_date.is_minor_on(visit_day)) {
                    e.push("representative.birth_date", "representative_minor");
                }
                let relation = Relation::parse(&r.relation);
                if relation.is_none() {
                    e.push(
                        "representative.relation",
                        if r.relation.is_empty() { "required" } else { "relation_invalid" },
                    );
                }
                if !r.guarantee {
                    e.push("representative.guarantee", "guarantee_required");
                }
                person.zip(relation).map(|(person, relation)| Representative { person, relation })
            }
        };

        if !self.consent_offer {
            e.push("consents.offer", "consent_required");
        }
        if !self.consent_personal_data {
            e.push("consents.personal_data", "consent_required");
        }

        match (service, slot, patient, address) {
            (Some(s), Some(slot), Some(patient), Some(address)) if e.0.is_empty() => Ok(Booking {
                service: s.id.clone(),
                price: cat.price_at(s, slot.start).now,
                slot,
                patient,
                address,
                whatsapp: self.whatsapp,
                representative,
                minor,
                lang: self.lang,
            }),
            _ => Err(e.0),
        }
    }

    /// The JSON the widget sends; `from_json` reads it back unchanged.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(512);
        let mut o = ObjectWriter::new(&mut out);
        o.str("service", &self.service).str("doctor", &self.doctor).str("start", &self.start);
        let mut p = ObjectWriter::new(o.key("patient"));
        person_json(&mut p, &self.patient);
        p.str("address", &self.address).bool("whatsapp", self.whatsapp).end();
        if let Some(r) = &self.representative {
            let mut w = ObjectWriter::new(o.key("representative"));
            person_json(&mut w, &r.person);
            w.str("relation", &r.relation).bool("guarantee", r.guarantee).end();
        }
        let mut c = ObjectWriter::new(o.key("consents"));
        c.bool("offer", self.consent_offer).bool("personal_data", self.consent_personal_data).end();
        o.str("lang", self.lang.code()).str("channel", &self.channel);
        let mut u = ObjectWriter::new(o.key("utm"));
        for (k, v) in &self.utm {
            u.str(k, v);
        }
        u.end();
        o.end();
        out
    }

    /// Reads the JSON the widget sends. Wrong types read as empty, so they come back from
    /// `validate` as field errors; only a document that is not an object is refused here.
    pub fn from_json(text: &str) -> Result<BookingForm, &'static str> {
        let doc = Json::parse(text).map_err(|_| "json_invalid")?;
        doc.as_obj().ok_or("json_invalid")?;
        Ok(BookingForm::from_value(&doc))
    }

    /// `from_json` for a document already parsed.
    pub fn from_value(doc: &Json) -> BookingForm {
        let s = |v: &Json, k: &str| v.get(k).and_then(Json::as_str).unwrap_or("").to_string();
        let b = |v: &Json, k: &str| v.get(k).and_then(Json::as_bool).unwrap_or(false);
        let person = |v: &Json| PersonForm {
            surname: s(v, "surname"),
            given_name: s(v, "given_name"),
            patronymic: s(v, "patronymic"),
            iin: s(v, "iin"),
            birth_date: s(v, "birth_date"),
            phone: s(v, "phone"),
        };
        let none = Json::Null;
        let patient = doc.get("patient").unwrap_or(&none);
        let consents = doc.get("consents").unwrap_or(&none);
        let representative = doc.get("representative").filter(|r| r.as_obj().is_some()).map(|r| {
            RepresentativeForm { person: person(r), relation: s(r, "relation"), guarantee: b(r, "guarantee") }
        });
        BookingForm {
            service: s(doc, "service"),
            doctor: s(doc, "doctor"),
            start: s(doc, "start"),
            patient: person(patient),
            address: s(patient, "address"),
            whatsapp: b(patient, "whatsapp"),
            representative,
            consent_offer: b(consents, "offer"),
            consent_personal_data: b(consents, "personal_data"),
            lang: doc.get("lang").and_then(Json::as_str).and_then(Lang::from_tag).unwrap_or_default(),
            channel: channel(&s(doc, "channel")),
            utm: campaign_tags(
                doc.get("utm")
                    .and_then(Json::as_obj)
                    .unwrap_or(&[])
                    .iter()
                    .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?))),
            ),
        }
    }
}

#[cfg(test)]
mod tests;
