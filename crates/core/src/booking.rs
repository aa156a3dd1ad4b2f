//! A booking request: what the widget sends and the endpoint stores. `jazylu_api::BookingRequest`
//! holds what was typed, as strings; `Booking::parse` turns it into a `Booking` or returns every
//! problem, each addressed to its field (`patient.iin`, `representative.phone`, `consents.offer`,
//! `slot`), so the widget can put the message next to the input and the endpoint can answer 422.

use crate::availability::{check_slot, Busy, Slot};
use crate::catalogue::{Catalogue, ServiceId};
use crate::clock::parse_instant;
use crate::ident::{IdentError, Iin};
use crate::person::{Address, BirthDate, NamePart};
use crate::phone::{Phone, PhoneError};
use crate::Lang;
use chrono::{DateTime, Utc};
pub use jazylu_api::{BookingRequest, Field, FieldCode, FieldError, PersonField};
use serde::Serialize;

pub use crate::person::ADULT_AGE;

/// The campaign tags a booking may carry: these keys only, short values of safe characters.
/// Anything else in a page address (which might hold personal data) is dropped.
pub fn campaign_tags<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    let safe = |v: &str| {
        !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for (k, v) in pairs {
        if jazylu_api::CAMPAIGN_TAGS.contains(&k) && safe(v) && !out.iter().any(|(seen, _)| seen == k) {
            out.push((k.to_string(), v.to_string()));
        }
    }
    out
}

/// Whether staff may mark a visit arrived or missed: from the visit's clinic date on.
pub fn attendance_due(cat: &Catalogue, start: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    let zone = &cat.clinic().time_zone;
    zone.today(start) <= zone.today(now)
}

/// Whether a visit has started (or passed): from then on it can no longer be cancelled.
pub fn visit_started(start: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    start <= now
}

/// The way a visitor came in: the channel the embedding page names (`data-channel`; the hosted
/// page names none, so `hosted`) and the campaign tags of the page address's query.
pub fn way_in(channel: Option<&str>, query: &str) -> (String, Vec<(String, String)>) {
    let pairs = query.trim_start_matches('?').split('&').filter_map(|kv| kv.split_once('='));
    (channel.unwrap_or("hosted").to_string(), campaign_tags(pairs))
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

    /// Its name in the visitor's language (`Words::relations` is in the order of `ALL`).
    pub fn word(self, w: &jazylu_i18n::Words) -> &'static str {
        w.relations[self as usize]
    }
}

/// A name as its parts were typed, surname first: "Ахметова Алия Серікқызы".
pub fn full_name(parts: [&str; 3]) -> String {
    parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Live future bookings that already hold: the patient's (and how many of them overlap the new
/// one), and the contact phone's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Held {
    pub of_patient: u32,
    pub overlapping: u32,
    pub of_phone: u32,
}

/// A person as the booking knows them, every part checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub surname: NamePart,
    pub given_name: NamePart,
    pub patronymic: Option<NamePart>,
    pub iin: Iin,
    pub birth_date: BirthDate,
    /// A patient booked by a representative may have none: the representative's serves.
    pub phone: Option<Phone>,
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
    /// Where the visitor came from (`hosted`, `site`, `instagram`…), or empty.
    pub channel: String,
    /// Campaign tags, only the `utm_*` ones (`campaign_tags`).
    pub utm: Vec<(String, String)>,
}

struct Errors(Vec<FieldError>);

impl Errors {
    fn push(&mut self, field: Field, code: FieldCode) {
        self.0.push(FieldError { field, code });
    }

    fn field<T>(&mut self, field: Field, r: Result<T, FieldCode>) -> Option<T> {
        r.map_err(|c| self.push(field, c)).ok()
    }
}

/// One person block: `get` reads the patient's or the representative's fields, `at` names them
/// for their problems. `phone_optional` when someone else's phone serves as the contact.
fn person<'a>(
    e: &mut Errors,
    at: fn(PersonField) -> Field,
    get: impl Fn(PersonField) -> &'a str,
    today: chrono::NaiveDate,
    phone_optional: bool,
) -> Option<Person> {
    use PersonField as P;
    let surname = e.field(at(P::Surname), NamePart::parse(get(P::Surname)));
    let given_name = e.field(at(P::GivenName), NamePart::parse(get(P::GivenName)));
    let patronymic = get(P::Patronymic);
    let patronymic = if patronymic.trim().is_empty() {
        Some(None)
    } else {
        e.field(at(P::Patronymic), NamePart::parse(patronymic)).map(Some)
    };
    let iin = get(P::Iin);
    let iin = e.field(
        at(P::Iin),
        Iin::parse(iin).map_err(|err| match err {
            _ if iin.trim().is_empty() => FieldCode::Required,
            IdentError::Format => FieldCode::IinFormat,
            IdentError::Checksum => FieldCode::IinChecksum,
        }),
    );
    // The date encoded in an IIN is only a hint (not guaranteed since 2013): never an error.
    let birth_date = e.field(at(P::BirthDate), BirthDate::parse(get(P::BirthDate), today));
    let phone = get(P::Phone);
    let phone = if phone_optional && phone.trim().is_empty() {
        Some(None)
    } else {
        e.field(
            at(P::Phone),
            Phone::parse_mobile(phone).map(Some).map_err(|err| match err {
                _ if phone.trim().is_empty() => FieldCode::Required,
                PhoneError::Format => FieldCode::PhoneFormat,
                PhoneError::NotMobile => FieldCode::PhoneNotMobile,
            }),
        )
    };
    Some(Person {
        surname: surname?,
        given_name: given_name?,
        patronymic: patronymic?,
        iin: iin?,
        birth_date: birth_date?,
        phone: phone?,
    })
}

/// The clinic date on which ages count: the visit's, or today's before a time is chosen.
pub fn visit_day(cat: &Catalogue, start: Option<DateTime<Utc>>, now: DateTime<Utc>) -> chrono::NaiveDate {
    cat.clinic().time_zone.today(start.unwrap_or(now))
}

/// Whether the patient of `req` is under 18 on the visit day (today before a time is chosen).
pub fn is_minor(req: &BookingRequest, cat: &Catalogue, now: DateTime<Utc>) -> bool {
    let day = visit_day(cat, parse_instant(&req.start), now);
    BirthDate::parse(&req.patient.birth_date, cat.clinic().time_zone.today(now))
        .is_ok_and(|b| b.is_minor_on(day))
}

impl Booking {
    /// Checks every rule of `req` against the catalogue, the doctors' busy time and `now`;
    /// returns the booking or every problem found.
    pub fn parse(
        req: &BookingRequest,
        cat: &Catalogue,
        busy: &[Busy],
        now: DateTime<Utc>,
    ) -> Result<Booking, Vec<FieldError>> {
        let mut e = Errors(Vec::new());
        let today = cat.clinic().time_zone.today(now);

        let service = cat.service(&req.service);
        if service.is_none() {
            e.push(Field::Service, FieldCode::UnknownService);
        }
        let doctor = cat.doctor(&req.doctor);
        if doctor.is_none() {
            e.push(Field::Doctor, FieldCode::UnknownDoctor);
        }
        let start = parse_instant(&req.start);
        if start.is_none() {
            e.push(Field::Slot, FieldCode::SlotInvalid);
        }
        let slot = match (service, doctor, start) {
            (Some(s), Some(d), Some(start)) => match check_slot(cat, s, &d.id, start, busy, now) {
                Ok(slot) => Some(slot),
                Err(err) => {
                    let code = err.field_code();
                    let field =
                        if code == FieldCode::DoctorNotForService { Field::Doctor } else { Field::Slot };
                    e.push(field, code);
                    None
                }
            },
            _ => None,
        };
        let visit_day = visit_day(cat, slot.as_ref().map(|s| s.start), now);

        // A representative's phone serves as the contact: a child need not have one.
        let rep = req.representative.as_ref();
        let p = &req.patient;
        let patient = person(&mut e, Field::Patient, |f| p.get(f), today, rep.is_some());
        let address = e.field(Field::Address, Address::parse(&p.address));
        // From the birth date alone, so a child's booking asks for the representative even while
        // other fields still need fixing.
        let minor = BirthDate::parse(&p.birth_date, today).is_ok_and(|b| b.is_minor_on(visit_day));

        let representative = match rep {
            None if minor => {
                e.push(Field::Representative, FieldCode::RepresentativeRequired);
                None
            }
            None => None,
            Some(r) => {
                let person = person(&mut e, Field::Rep, |f| r.get(f), today, false);
                if person.as_ref().is_some_and(|p| p.birth_date.is_minor_on(visit_day)) {
                    e.push(Field::Rep(PersonField::BirthDate), FieldCode::RepresentativeMinor);
                }
                let relation = Relation::parse(&r.relation);
                if relation.is_none() {
                    let code =
                        if r.relation.is_empty() { FieldCode::Required } else { FieldCode::RelationInvalid };
                    e.push(Field::Relation, code);
                }
                if !r.guarantee {
                    e.push(Field::Guarantee, FieldCode::GuaranteeRequired);
                }
                person.zip(relation).map(|(person, relation)| Representative { person, relation })
            }
        };

        let docs = cat.documents();
        let consents = [
            (Field::ConsentOffer, req.consents.offer, &req.consents.offer_version, &docs.offer),
            (
                Field::ConsentPersonalData,
                req.consents.personal_data,
                &req.consents.personal_data_version,
                &docs.personal_data,
            ),
        ];
        for (field, ticked, version, document) in consents {
            if !ticked {
                e.push(field, FieldCode::ConsentRequired);
            } else if version.as_str() != document.version.as_str() {
                // Ticked under a text the clinic has since replaced.
                e.push(field, FieldCode::DocumentChanged);
            }
        }

        match (service, slot, patient, address) {
            (Some(s), Some(slot), Some(patient), Some(address)) if e.0.is_empty() => Ok(Booking {
                service: s.id.clone(),
                price: cat.price_at(s, slot.start).now,
                slot,
                patient,
                address,
                whatsapp: p.whatsapp,
                representative,
                minor,
                lang: Lang::from_tag(&req.lang).unwrap_or_default(),
                channel: channel(&req.channel),
                utm: campaign_tags(req.utm.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
            }),
            _ => Err(e.0),
        }
    }

    /// What the patient's other live bookings allow: none at an overlapping time (with any
    /// doctor), and fewer than `max_live` future ones per patient IIN and per contact phone
    /// (the catalogue's `max_live_bookings`). The endpoint counts them inside its claim.
    pub fn refusals(&self, held: Held, max_live: u32) -> Vec<FieldError> {
        let mut refused = Vec::new();
        if held.overlapping > 0 {
            refused.push(FieldError { field: Field::Slot, code: FieldCode::PatientOverlap });
        }
        if held.of_patient >= max_live {
            refused.push(FieldError {
                field: Field::Patient(PersonField::Iin),
                code: FieldCode::PatientBookingsLimit,
            });
        }
        if held.of_phone >= max_live {
            // The field the contact phone was typed into.
            let field = if self.patient.phone.is_some() {
                Field::Patient(PersonField::Phone)
            } else {
                Field::Rep(PersonField::Phone)
            };
            refused.push(FieldError { field, code: FieldCode::PhoneBookingsLimit });
        }
        refused
    }

    /// The phone to call about this booking: the patient's, else the representative's.
    pub fn contact_phone(&self) -> Option<&Phone> {
        self.patient.phone.as_ref().or(self.representative.as_ref().and_then(|r| r.person.phone.as_ref()))
    }
}

#[cfg(test)]
mod tests;
